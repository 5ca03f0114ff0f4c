"""The desktop's wings stay apart: a screen or dialog never borrows another wing's helper.

A module under ``ui/<wing>/`` imports from another wing only a class it opens or shows
(named ``*Dialog``, ``*View``, ``*Widget`` or ``*Model``); helpers several wings use live
in ``ui/common/``, texts in ``ui/texts/``. Those two import no wing at all, but for a dialog
class they open. Checked on the source with ``ast``, nothing imported.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
SHARED = ("common", "texts")
OPENABLE = ("Dialog", "View", "Widget", "Model")
# Classes another wing may use although their name says otherwise, and why.
ALLOWED = {
    "SchedulerBridge": "the running scheduler of a context, which the jobs settings reschedule",
}


def _wings() -> list[str]:
    return sorted(p.name for p in UI.iterdir() if (p / "__init__.py").exists())


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import of a ``ui`` module, nested ones too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("ui."):
            found.append((node.lineno, node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name, []) for a in node.names if a.name.startswith("ui.")]
    return found


def _borrowed(wing: str, module: str, names: list[str], shared: bool) -> list[str]:
    """What an import takes from another wing that it should not."""
    parts = module.split(".")
    target = parts[1] if len(parts) > 1 else ""
    if target == wing or target in SHARED or target not in _wings():
        return []
    if len(parts) == 2:  # ``from ui.admin import some_module``: a module, not a class
        return names or [module]
    allowed = ("Dialog",) if shared else OPENABLE
    return [n for n in names or [module] if not (n[:1].isupper() and n.endswith(allowed)) and n not in ALLOWED]


def test_wings_exist() -> None:
    assert {"common", "texts", "registers", "planner", "orders", "hours", "admin"} <= set(_wings())


def test_no_module_borrows_another_wings_helper() -> None:
    offences = []
    for wing in _wings():
        for path in sorted((UI / wing).rglob("*.py")):
            for line, module, names in _imports(path):
                bad = _borrowed(wing, module, names, shared=wing in SHARED)
                if bad:
                    where = path.relative_to(UI.parent)
                    offences.append(f"{where}:{line}: from {module} import {', '.join(bad)}")
    assert not offences, "move these helpers to ui/common/ or ui/texts/:\n" + "\n".join(offences)


def _calls(path: Path, name: str) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call)
            and getattr(n.func, "attr", getattr(n.func, "id", "")) == name]


def test_no_ui_module_imports_sqlalchemy() -> None:
    """Database errors reach the UI as the core's typed errors, sessions stay in the core."""
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.relative_to(UI.parent)}:{node.lineno}"
                          for n in names if n.split(".")[0] == "sqlalchemy"]
    assert offenders == []


def test_screens_announce_no_data_change_by_hand() -> None:
    """The core announces what a unit of work wrote; a screen only asks the others to
    reload what changed elsewhere (a stale record) or state that is not data. Topics are
    the core's constants, never string literals."""
    calls = {}
    for path in sorted(UI.rglob("*.py")):
        for call in _calls(path, "notify_changed"):
            arg = ast.unparse(call.args[0]) if call.args else ""
            calls.setdefault(str(path.relative_to(UI.parent)), []).append(arg)
    assert calls == {
        "ui/orders/dispatch_dialog.py": ["changes.ORDERS"],  # the request changed elsewhere
        "ui/orders/request_dialog.py": ["changes.ORDERS"],  # the request changed elsewhere
        "ui/today/scheduler_bridge.py": ["changes.REMINDERS"],  # the scheduler started
    }
