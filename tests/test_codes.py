"""The core declares every code it hands out (volunteer_app/codes.py), and the command line
has English text for each (volunteer_app/cli/messages.py).

The declaration cannot drift: the core's source is scanned (``ast``, nothing imported) for
the codes it passes to its errors and code-carrying types, directly or through a helper
that hands its parameter on, and every one must be declared. The desktop's texts for the
same codes are checked in tests/ui/test_texts_catalogue.py.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from volunteer_app import codes
from volunteer_app.cli import messages

CORE = Path(__file__).resolve().parent.parent / "volunteer_app"

# Code-carrying types that are not errors: name -> {kind: (position, keyword)}.
CARRIERS: dict[str, dict[str, tuple[int | None, str]]] = {
    "FieldProblem": {"field": (0, "field"), "reason": (1, "code")},
    "RowProblem": {"reason": (2, "code")},
    "conflict": {"conflict": (0, "code")},
    "Conflict": {"conflict": (0, "code")},
    "PinProblem": {"conflict": (2, "code")},
    "JobResult": {"job_status": (0, "status"), "job_reason": (3, "reason")},
    "JobOutcome": {"job_status": (1, "status"), "job_reason": (6, "reason")},
    "Notice": {"notice": (0, "kind")},
    "ChainProblem": {"audit_problem": (0, "kind")},
}
# Functions called on a module: (module alias, function) -> {kind: (position, keyword)}.
MODULE_CARRIERS = {("audit", "record"): {"audit_action": (1, "action")}}
# Call sites whose code is not a literal on purpose, by the function they are in.
NOT_LITERAL = {
    "validate_options": "an unknown option is named by the key the caller gave",
}
# Declared codes the scan cannot see being raised, and why.
RAISED_INDIRECTLY = {
    "not_found": "NotFoundError's default code, for a NotFoundError raised without one",
    "locked": "security.accounts builds LoginFailed from a _Failure it recorded",
    "missed": "jobs.jobs records a missed run's reason in the run's summary",
    "gender": "the default field name of validation.normalize_gender",
}


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _arg(call: ast.Call, pos: int | None, keyword: str) -> ast.AST | None:
    for k in call.keywords:
        if k.arg == keyword:
            return k.value
    if pos is None or pos >= len(call.args) or any(isinstance(a, ast.Starred) for a in call.args[:pos + 1]):
        return None
    return call.args[pos]


def _loop_literals(target: ast.AST, iterable: ast.AST, name: str) -> set[str] | None:
    """The literals ``name`` takes in ``for <target> in <literal tuple>``, if it is one."""
    if not isinstance(iterable, (ast.Tuple, ast.List)):
        return None
    if isinstance(target, ast.Name) and target.id == name:
        items = list(iterable.elts)
    elif isinstance(target, ast.Tuple):
        at = next((i for i, t in enumerate(target.elts) if isinstance(t, ast.Name) and t.id == name), None)
        if at is None or not all(isinstance(e, ast.Tuple) and at < len(e.elts) for e in iterable.elts):
            return None
        items = [e.elts[at] for e in iterable.elts]
    else:
        return None
    if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in items):
        return {e.value for e in items}
    return None


class _Module:
    def __init__(self, path: Path) -> None:
        self.path = path.relative_to(CORE.parent)
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        self.parent = {child: node for node in ast.walk(self.tree) for child in ast.iter_child_nodes(node)}

    def calls(self) -> list[ast.Call]:
        return [n for n in ast.walk(self.tree) if isinstance(n, ast.Call)]

    def function_of(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        while node in self.parent:
            node = self.parent[node]
            if isinstance(node, ast.Lambda):
                return None
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return node
        return None

    def literals(self, expr: ast.AST, at: ast.AST) -> set[str] | None:
        """The string literals ``expr`` can be, or None when that cannot be read off."""
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return {expr.value}
        if isinstance(expr, ast.IfExp):
            a, b = self.literals(expr.body, at), self.literals(expr.orelse, at)
            return None if a is None or b is None else a | b
        if isinstance(expr, ast.Name):
            node = at
            while node in self.parent:
                node = self.parent[node]
                if isinstance(node, (ast.For, ast.comprehension)):
                    found = _loop_literals(node.target, node.iter, expr.id)
                    if found is not None:
                        return found
        return None


@dataclass
class Scan:
    found: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    unread: list[str] = field(default_factory=list)


def scan_core() -> Scan:
    """Every code the core's source passes to its errors and code-carrying types."""
    modules = [_Module(p) for p in sorted(CORE.rglob("*.py")) if "migrations" not in p.parts]
    classes = {n.name: n for m in modules for n in ast.walk(m.tree) if isinstance(n, ast.ClassDef)}

    def bases(name: str) -> list[str]:
        return [b for b in map(_name, classes[name].bases) if b in classes] if name in classes else []

    def is_error(name: str) -> bool:
        return name == "AppError" or any(is_error(b) for b in bases(name))

    def class_code(name: str) -> str | None:
        for stmt in classes[name].body:
            target = stmt.targets[0] if isinstance(stmt, ast.Assign) else getattr(stmt, "target", None)
            value = getattr(stmt, "value", None)
            if _name(target) == "code" and isinstance(value, ast.Constant):
                return value.value
        return next((c for c in map(class_code, bases(name)) if c), None)

    def first_init_param(name: str) -> str | None:
        cls = classes[name]
        if any(_name(d.func if isinstance(d, ast.Call) else d) == "dataclass" for d in cls.decorator_list):
            return "<fields>"
        for stmt in cls.body:
            if isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__":
                params = [a.arg for a in stmt.args.args[1:]]
                return params[0] if params else ""
        return next((p for p in map(first_init_param, bases(name)) if p is not None), None)

    errors = {name for name in classes if is_error(name)}
    sinks = {k: dict(v) for k, v in CARRIERS.items()}
    sinks.update({name: {"error": (0, "code")} for name in errors if first_init_param(name) == "code"})

    def sink_of(call: ast.Call) -> dict | None:
        f = call.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
            spec = MODULE_CARRIERS.get((f.value.id, f.attr))
            if spec:
                return spec
        return sinks.get(_name(f) or "")

    # A function handing one of its parameters on as a code is a carrier too.
    grew = True
    while grew:
        grew = False
        for m in modules:
            for call in m.calls():
                spec = sink_of(call)
                fn = m.function_of(call) if spec else None
                if fn is None:
                    continue
                params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
                offset = 1 if params[:1] in (["self"], ["cls"]) else 0
                for kind, (pos, keyword) in spec.items():
                    a = _arg(call, pos, keyword)
                    if (isinstance(a, ast.Name) and a.id in params + [k.arg for k in fn.args.kwonlyargs]
                            and m.literals(a, call) is None and kind not in sinks.get(fn.name, {})):
                        at = params.index(a.id) - offset if a.id in params else None
                        sinks.setdefault(fn.name, {})[kind] = (at, a.id)
                        grew = True

    scan = Scan()
    for m in modules:
        for call in m.calls():
            name = _name(call.func) or ""
            if name in errors and name not in sinks:  # takes problems, conflicts, a source ...
                if code := class_code(name):
                    scan.found["error"].add(code)
                continue
            for kind, (pos, keyword) in (sink_of(call) or {}).items():
                a = _arg(call, pos, keyword)
                if a is None:
                    if kind == "error" and (code := class_code(name)):
                        scan.found["error"].add(code)
                    continue
                got = m.literals(a, call)
                if got is not None:
                    scan.found[kind] |= got
                    continue
                fn = m.function_of(call)
                if (isinstance(a, ast.Attribute)  # a code read off another carrier
                        or (kind == "field" and isinstance(a, ast.JoinedStr))  # a composed field name
                        or (isinstance(a, ast.Name) and fn is not None and kind in sinks.get(fn.name, {}))
                        or (fn is not None and fn.name in NOT_LITERAL)):
                    continue
                scan.unread.append(f"{m.path}:{call.lineno}: {name}({ast.unparse(a)}) [{kind}]")
    return scan


@pytest.fixture(scope="module")
def scan() -> Scan:
    return scan_core()


def _declared(kind: str) -> set[str]:
    return {
        "error": set(codes.ERRORS | codes.PROBLEM_LISTS),
        "reason": set(codes.FIELD_REASONS | codes.FILE_PROBLEMS),
        "field": set(codes.FIELDS),
        "conflict": set(codes.values("conflict_hard") + codes.values("conflict_soft")),
        "job_status": set(codes.values("job_outcome_status")),
        "job_reason": set(codes.JOB_REASONS),
        "notice": set(codes.NOTICE_KINDS),
        "audit_action": set(codes.AUDIT_ACTIONS),
        "audit_problem": set(codes.AUDIT_PROBLEMS),
    }[kind]


def test_the_scan_sees_the_core(scan: Scan) -> None:
    """A scan that went blind (a renamed type, a moved helper) would pass everything."""
    assert len(scan.found["error"]) > 50 and len(scan.found["reason"]) > 60
    assert {"required", "mobile_invalid"} <= scan.found["reason"]  # through validation._fail
    assert {"duplicate_grid_number", "category_invalid"} <= scan.found["reason"]  # loops over literals
    assert {"hard_conflict", "import_failed", "invalid"} <= scan.found["error"]  # class codes
    assert {"overlap", "short_rest"} <= scan.found["conflict"]
    assert scan.found["job_reason"] and scan.found["notice"] and scan.found["audit_action"]


def test_every_code_the_core_raises_is_declared(scan: Scan) -> None:
    undeclared = {kind: sorted(found - _declared(kind)) for kind, found in scan.found.items()}
    assert not {k: v for k, v in undeclared.items() if v}, \
        "declare these in volunteer_app/codes.py (and give them texts): " + repr(undeclared)


def test_codes_are_passed_as_literals(scan: Scan) -> None:
    """A code built at run time could not be declared or checked: pass literals, or route
    it through a helper whose callers do."""
    assert not scan.unread, "\n".join(scan.unread)


def test_no_declared_code_is_stale(scan: Scan) -> None:
    """A code the core no longer raises should leave the declaration (and its texts)."""
    raised = set().union(*scan.found.values())
    for name in ("ERRORS", "FIELD_REASONS", "FILE_PROBLEMS", "FIELDS", "JOB_REASONS", "NOTICE_KINDS",
                 "AUDIT_PROBLEMS"):
        stale = getattr(codes, name) - raised - set(RAISED_INDIRECTLY)
        assert not stale, f"codes.{name}: {sorted(stale)} are not raised anywhere"


def test_value_domains_are_found() -> None:
    for domain in codes.VALUE_DOMAINS:
        values = codes.values(domain)
        assert values and all(isinstance(v, str) and v for v in values), domain


def test_every_code_has_english_text_on_the_command_line() -> None:
    reasons = set(messages.REASONS) | set(messages.JOB_SETTING_REASONS)
    missing = {
        "ERRORS": codes.ERRORS - set(messages.ERRORS),
        "FIELD_REASONS": codes.FIELD_REASONS - reasons,
        "FILE_PROBLEMS": codes.FILE_PROBLEMS - set(messages.REASONS),
        "conflicts": set(codes.values("conflict_hard") + codes.values("conflict_soft")) - set(messages.REASONS),
        "JOB_REASONS": codes.JOB_REASONS - set(messages.JOB_REASONS),
        "AUDIT_PROBLEMS": codes.AUDIT_PROBLEMS - set(messages.AUDIT_PROBLEMS),
    }
    assert not {k: v for k, v in missing.items() if v}, missing
    tables = (messages.REASONS, messages.ERRORS, messages.JOB_SETTING_REASONS, messages.JOB_REASONS,
              messages.AUDIT_PROBLEMS)
    for table in tables:
        for code, text in table.items():
            assert any(c.isascii() and c.isalpha() for c in text), f"{code}: {text!r} is not English"
