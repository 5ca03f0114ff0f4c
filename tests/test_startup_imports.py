"""Start-up stays light: what the command line imports, and the schema check without Alembic.

Behavioural checks (which modules a fresh process imports), never timings: every command
used to import OR-Tools, ReportLab and Alembic (~2 s) whether it needed them or not.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from volunteer_app import db as db_module
from volunteer_app.paths import sqlite_url

HEAVY = ("ortools", "reportlab", "alembic")


def imported(*args: str, code: str | None = None) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run ``python -X importtime -m volunteer_app ARGS`` (or ``-c CODE``) in a fresh
    interpreter; its result and the top-level packages it imported."""
    cmd = [sys.executable, "-X", "importtime"] + (["-c", code] if code else ["-m", "volunteer_app"])
    res = subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=120,
                         env={**os.environ})
    names = {line.rsplit("|", 1)[1].strip().split(".")[0]
             for line in res.stderr.splitlines() if line.startswith("import time:")}
    names.discard("imported package")  # the header line
    assert names, res.stderr[-2000:]  # -X importtime worked at all
    return res, names


def test_help_imports_no_solver_pdf_or_migration_library() -> None:
    res, names = imported("--help")
    assert res.returncode == 0
    assert "roster" in res.stdout and "print" in res.stdout  # every command is still listed
    assert not names & {*HEAVY, "PySide6"}, sorted(names & {*HEAVY, "PySide6"})


def test_command_on_a_current_database_imports_only_what_it_needs(new_db_url) -> None:  # noqa: ANN001
    url = new_db_url("demo", template="demo")
    res, names = imported("volunteers", "list", "--json", "--db", url)
    assert res.returncode == 0, res.stderr[-2000:]
    assert '"name"' in res.stdout
    assert "sqlalchemy" in names  # the probe sees real imports
    assert not names & set(HEAVY), sorted(names & set(HEAVY))


def test_roster_and_print_commands_still_load_their_libraries(new_db_url, tmp_path: Path) -> None:  # noqa: ANN001
    url = new_db_url("demo", template="demo")
    res, names = imported("print", "cards", "--grid", "1", "--output", str(tmp_path / "c.pdf"),
                          "--db", url)
    assert res.returncode in (0, 1), res.stderr[-2000:]  # 1: no Chinese font on this machine
    assert "reportlab" in names and "ortools" not in names
    res, names = imported("roster", "autofill", "--help")
    assert res.returncode == 0
    assert "ortools" in names  # the help shows the solver's default time limit


@pytest.mark.sqlite_only
def test_older_database_is_still_upgraded_with_a_backup(tmp_path: Path) -> None:
    """The Alembic-free path is only for a current schema: an old one still migrates."""
    from alembic import command

    path = tmp_path / "old.db"
    engine = db_module.make_engine(sqlite_url(path))
    command.upgrade(db_module.alembic_config(engine), "0001")
    engine.dispose()
    res, names = imported("volunteers", "list", "--db", sqlite_url(path))
    assert res.returncode == 0, res.stderr[-2000:]
    assert "alembic" in names
    assert len(list(tmp_path.glob("old.before-0001-*.db"))) == 1
    engine = db_module.make_engine(sqlite_url(path))
    assert db_module.current_revisions(engine) == db_module.head_revisions()
    engine.dispose()


def test_desktop_start_builds_no_command_parser() -> None:
    """``volunteer-app [--db URL]`` opens the window without importing the command modules."""
    code = (
        "import sys, types\n"
        "fake = types.ModuleType('ui.app')\n"
        "fake.main = lambda url: print('UI', url) or 0\n"
        "sys.modules['ui.app'] = fake\n"
        "from volunteer_app.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('volunteer_app.cli.'))\n"
        "print('CLI', ','.join(loaded))\n"
        "sys.exit(code)\n"
    )
    res, names = imported("--db", "sqlite:////nowhere/x.db", code=code)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "UI sqlite:////nowhere/x.db" in res.stdout
    line = next(x for x in res.stdout.splitlines() if x.startswith("CLI"))
    loaded = [m for m in line[3:].strip().split(",") if m]
    from volunteer_app.cli import command_modules

    assert command_modules() and not set(loaded) & set(command_modules())
    assert "sqlalchemy" not in names


@pytest.mark.parametrize("argv, desktop", [
    ([], True),
    (["--db", "sqlite:///a.db"], True),
    (["--db=sqlite:///a.db", "--operator", "li"], True),
    (["--help"], False),
    (["-h"], False),
    (["volunteers", "list"], False),
    (["--db", "sqlite:///a.db", "teams", "list"], False),
    (["--db"], False),  # missing value: the full parser reports it
    (["--bogus"], False),
])
def test_desktop_arguments(argv: list[str], desktop: bool) -> None:
    from volunteer_app.cli import desktop_arguments

    args = desktop_arguments(argv)
    assert (args is not None) == desktop
    if args is not None:
        assert args.command is None
        if argv:
            assert args.db == "sqlite:///a.db"


def test_migration_graph_read_without_alembic_matches_alembic() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db_module.alembic_config())
    expected = {rev.revision: tuple(sorted(rev._versioned_down_revisions))
                for rev in script.walk_revisions()}
    graph = db_module.read_migration_graph()
    assert graph is not None
    assert {rev: tuple(sorted(down)) for rev, down in graph.items()} == expected
    assert db_module.cheap_head_revisions() == db_module.head_revisions()


def test_migration_graph_gives_up_on_what_it_cannot_read(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "0001_a.py").write_text('revision = "a"\ndown_revision = None\n', encoding="utf-8")
    (tmp_path / "0002_b.py").write_text('revision: str = "b"\ndown_revision: str | None = "a"\n',
                                        encoding="utf-8")
    monkeypatch.setattr(db_module, "VERSIONS_DIR", tmp_path)
    assert db_module.read_migration_graph() == {"a": (), "b": ("a",)}
    assert db_module.cheap_head_revisions() == frozenset({"b"})
    (tmp_path / "0003_c.py").write_text('revision = make_id()\ndown_revision = "b"\n',
                                        encoding="utf-8")
    assert db_module.read_migration_graph() is None  # then Alembic decides
    assert db_module.cheap_head_revisions() is None


def test_cli_copies_of_library_constants_agree() -> None:
    """Two register-time values the CLI keeps without importing ReportLab / OR-Tools."""
    from volunteer_app.cli.printing import PAPERS
    from volunteer_app.cli.roster import SOLVER_DEFAULT
    from volunteer_app.printing.common import PAPER_SIZES
    from volunteer_app.scheduling.autofill.solver import DEFAULT_TIME_LIMIT

    assert PAPERS == tuple(sorted(PAPER_SIZES))
    assert SOLVER_DEFAULT.value() == DEFAULT_TIME_LIMIT
    assert str(SOLVER_DEFAULT) == f"{DEFAULT_TIME_LIMIT:g}"
