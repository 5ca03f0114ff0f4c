"""Fault injection for the crash-safety tests: make a write fail, or kill the process at
a chosen point. A helper module (not collected), for any test that wants to prove
"all or nothing" about a command.

In this process::

    with failing_statement(r"^INSERT INTO volunteer", n=3):     # the 3rd such statement raises
        ...
    with failing_call("volunteer_app.backup", "backup_sqlite"): # the 1st call raises ENOSPC
        ...
    with sqlite_full(path, spare_pages=2):                      # SQLite's own SQLITE_FULL
        ...

In a child process (``python tests/faults.py ARGS`` runs ``volunteer-app ARGS``)::

    run_cli(["restore", "x.vabak"], env, kill_at="sql:^INSERT INTO:40")   # SIGKILL before the 40th
    run_cli([...], env, kill_at="call:volunteer_app.db:backup_sqlite:1")  # ... at the 1st call
    run_cli([...], env, kill_at="after:os:replace:1")                     # ... right after it returns
    count_statements([...], env, pattern)   # how many statements match: where kills can land

A ``call`` marker patches the name where the caller looks it up (``from .db import
backup_sqlite`` in backup.py is ``volunteer_app.backup:backup_sqlite``). Statements are
counted through SQLAlchemy's ``before_cursor_execute`` on every engine; SQLite work done
with the sqlite3 module directly (online backup, integrity checks) is reached by calls.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

KILL_ENV = "VOLUNTEER_APP_TEST_KILL_AT"
COUNT_ENV = "VOLUNTEER_APP_TEST_COUNT"  # "<regex>\t<file>": the count is written to the file
RUNNER = Path(__file__).resolve()


def disk_full_error(dialect: str = "sqlite") -> Exception:
    """What the driver raises on a full disk: SQLite's SQLITE_FULL (with its result code,
    as the driver sets it), or PostgreSQL's disk_full (SQLSTATE 53100)."""
    if dialect == "postgresql":
        from psycopg import errors

        return errors.DiskFull("could not extend file: No space left on device")
    exc = sqlite3.OperationalError("database or disk is full")
    exc.sqlite_errorcode = 13  # SQLITE_FULL
    exc.sqlite_errorname = "SQLITE_FULL"
    return exc


@contextlib.contextmanager
def failing_statement(pattern: str, n: int = 1,
                      error: Callable[[str], BaseException] = disk_full_error) -> Iterator[list[str]]:
    """The ``n``-th SQL statement (any engine) matching ``pattern`` raises
    ``error(dialect name)`` instead of running (an error of that engine's driver, which
    SQLAlchemy wraps as it would the real one). Yields the statements matched so far."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    rx = re.compile(pattern, re.IGNORECASE)
    seen: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001, ARG001
        if rx.search(statement):
            seen.append(statement)
            if len(seen) == n:
                raise error(conn.dialect.name)

    event.listen(Engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", before)


@contextlib.contextmanager
def failing_call(module: str, name: str, n: int = 1,
                 error: Callable[[], BaseException] = lambda: OSError(errno.ENOSPC, "No space left on device"),
                 ) -> Iterator[list[int]]:
    """The ``n``-th call of ``module.name`` raises ``error()``; yields the call count."""
    mod = importlib.import_module(module)
    real = getattr(mod, name)
    calls = [0]

    def fake(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls[0] += 1
        if calls[0] == n:
            raise error()
        return real(*args, **kwargs)

    setattr(mod, name, fake)
    try:
        yield calls
    finally:
        setattr(mod, name, real)


@contextlib.contextmanager
def sqlite_full(path: Path, spare_pages: int = 2) -> Iterator[None]:
    """Connections that SQLAlchemy opens to the SQLite file ``path`` from now on may grow it
    by ``spare_pages`` pages only: beyond that SQLite itself fails with SQLITE_FULL, as on a
    full disk (``PRAGMA max_page_count``). Dispose the engine first so new connections come."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    target = str(Path(path).resolve())

    def connect(dbapi_conn, record) -> None:  # noqa: ANN001, ARG001
        files = {row[2] for row in dbapi_conn.execute("PRAGMA database_list")}
        if target in files:
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count={pages + spare_pages}")

    event.listen(Engine, "connect", connect)
    try:
        yield
    finally:
        event.remove(Engine, "connect", connect)


# --- in a child process ------------------------------------------------------------------

def run_cli(argv: list[str], env: dict, kill_at: str | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``volunteer-app ARGV`` in a child; with ``kill_at`` it SIGKILLs itself there.

    ``kill_at``: ``sql:<regex>:<n>`` (before the n-th statement matching), or
    ``call:<module>:<name>:<n>`` / ``after:<module>:<name>:<n>`` (at the n-th call of the
    function, before it runs / once it has returned).
    """
    env = {**env}
    env.pop(KILL_ENV, None)
    if kill_at:
        env[KILL_ENV] = kill_at
    return subprocess.run([sys.executable, str(RUNNER), *argv], env=env, capture_output=True,
                          text=True, timeout=timeout)


def count_statements(argv: list[str], env: dict, pattern: str, tmp: Path) -> tuple[int, subprocess.CompletedProcess]:
    """Run the command to the end and count its statements matching ``pattern``."""
    out = tmp / "statement-count.txt"
    res = subprocess.run([sys.executable, str(RUNNER), *argv], capture_output=True, text=True,
                         env={**env, COUNT_ENV: f"{pattern}\t{out}"}, timeout=300)
    return int(out.read_text()), res


def killed(res: subprocess.CompletedProcess) -> bool:
    return res.returncode == -signal.SIGKILL


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _install_kill(spec: str) -> None:
    kind, rest = spec.split(":", 1)
    if kind == "sql":
        pattern, n = rest.rsplit(":", 1)
        from sqlalchemy import event
        from sqlalchemy.engine import Engine

        rx, count = re.compile(pattern, re.IGNORECASE), [0]

        def before(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001, ARG001
            if rx.search(statement):
                count[0] += 1
                if count[0] == int(n):
                    _die()

        event.listen(Engine, "before_cursor_execute", before)
        return
    module, name, n = rest.rsplit(":", 2)
    mod = importlib.import_module(module)
    real, calls = getattr(mod, name), [0]

    def fake(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls[0] += 1
        if kind == "call" and calls[0] == int(n):
            _die()
        result = real(*args, **kwargs)
        if kind == "after" and calls[0] == int(n):
            _die()
        return result

    setattr(mod, name, fake)


def _install_count(spec: str) -> None:
    import atexit

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    pattern, out = spec.split("\t", 1)
    rx, count = re.compile(pattern, re.IGNORECASE), [0]

    def before(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001, ARG001
        if rx.search(statement):
            count[0] += 1

    event.listen(Engine, "before_cursor_execute", before)
    atexit.register(lambda: Path(out).write_text(str(count[0])))


def main() -> int:
    if os.environ.get(KILL_ENV):
        _install_kill(os.environ[KILL_ENV])
    if os.environ.get(COUNT_ENV):
        _install_count(os.environ[COUNT_ENV])
    from volunteer_app.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    with contextlib.suppress(ValueError):
        sys.path.remove(str(RUNNER.parent))  # the tests folder is not the app
    sys.exit(main())
