"""Shared fixtures. Qt must be told to run offscreen before anything imports it.

The core and command-line suites run against SQLite by default and against a real
PostgreSQL server when ``VOLUNTEER_APP_TEST_BACKEND=postgres`` and
``VOLUNTEER_APP_TEST_PG`` (an admin URL; see scripts/with-postgres.sh) are set.
Each test gets its own database, copied from a template migrated once per session.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Database keys (volunteer_app.security.keys) in a folder of this test session, never in
# the OS keyring: one folder for the whole session, as every test's database is a copy of
# a template migrated (and given its key) once per session.
if "VOLUNTEER_APP_KEYS" not in os.environ:
    import atexit
    import shutil as _shutil
    import tempfile

    os.environ["VOLUNTEER_APP_KEYS"] = tempfile.mkdtemp(prefix="volunteer-keys-")
    atexit.register(_shutil.rmtree, os.environ["VOLUNTEER_APP_KEYS"], True)
os.environ["VOLUNTEER_APP_KEYRING"] = "off"

import shutil  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from volunteer_app.db import Database, open_database  # noqa: E402
from volunteer_app.demo import load_demo  # noqa: E402
from volunteer_app.paths import sqlite_url  # noqa: E402

BACKEND = os.environ.get("VOLUNTEER_APP_TEST_BACKEND", "sqlite")
PG_ADMIN = os.environ.get("VOLUNTEER_APP_TEST_PG", "")
if BACKEND == "postgres" and not PG_ADMIN:
    raise RuntimeError("VOLUNTEER_APP_TEST_BACKEND=postgres needs VOLUNTEER_APP_TEST_PG")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "ui: desktop UI tests (pytest-qt); SQLite only")
    config.addinivalue_line("markers", "sqlite_only: about SQLite files (WAL, backups, damage)")
    config.addinivalue_line("markers", "slow: longer tests (subprocesses, big files)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    ui_dir = Path(__file__).parent / "ui"
    for item in items:
        if ui_dir in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.ui)
    if BACKEND == "postgres":
        skip = pytest.mark.skip(reason="SQLite-only test in the PostgreSQL pass")
        for item in items:
            if "sqlite_only" in item.keywords or "ui" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real per-user data or config directory."""
    base = tmp_path_factory.mktemp("appdirs")
    monkeypatch.setenv("VOLUNTEER_APP_DATA", str(base / "data"))
    monkeypatch.setenv("VOLUNTEER_APP_CONFIG", str(base / "config"))
    monkeypatch.delenv("VOLUNTEER_APP_DB", raising=False)


def _pg_admin():  # noqa: ANN202
    return create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _pg_url(name: str) -> str:
    return make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)


def _pg_create(name: str, template: str = "template0") -> str:
    engine = _pg_admin()
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    engine.dispose()
    return _pg_url(name)


def _pg_drop(name: str) -> None:
    engine = _pg_admin()
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """An empty migrated database and a demo database, made once per session."""
    if BACKEND == "postgres":
        names = {"empty": f"tpl_empty_{uuid.uuid4().hex[:8]}", "demo": f"tpl_demo_{uuid.uuid4().hex[:8]}"}
        for kind, name in names.items():
            db = open_database(_pg_create(name))
            if kind == "demo":
                with db.session() as s:
                    load_demo(s)
            db.dispose()
        yield names
        for name in names.values():
            _pg_drop(name)
        return
    base = tmp_path_factory.mktemp("templates")
    paths = {"empty": base / "empty.db", "demo": base / "demo.db"}
    for kind, path in paths.items():
        db = open_database(sqlite_url(path))
        if kind == "demo":
            with db.session() as s:
                load_demo(s)
        with db.engine.connect() as conn:  # fold the WAL into the file before copying it
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
    yield {k: str(v) for k, v in paths.items()}


@pytest.fixture
def new_db_url(tmp_path: Path, _templates: dict[str, str]) -> Iterator[Callable[..., str]]:
    """Factory of URLs of new databases on the backend under test.

    ``new_db_url()`` gives a database that does not exist yet (SQLite) or is empty
    (PostgreSQL); ``new_db_url(template="empty"|"demo")`` one already migrated (and
    holding the demo community).
    """
    created: list[str] = []

    def make(name: str = "test", template: str | None = None) -> str:
        if BACKEND == "postgres":
            dbname = f"t_{uuid.uuid4().hex[:12]}"
            created.append(dbname)
            return _pg_create(dbname, _templates[template] if template else "template0")
        path = tmp_path / f"{name}.db"
        if template:
            shutil.copyfile(_templates[template], path)
        return sqlite_url(path)

    yield make
    for dbname in created:
        _pg_drop(dbname)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def db(new_db_url: Callable[..., str]) -> Iterator[Database]:
    """A fresh, migrated, empty database."""
    database = open_database(new_db_url("test", template="empty"))
    yield database
    database.dispose()


@pytest.fixture
def demo_db(new_db_url: Callable[..., str]) -> Iterator[Database]:
    """A fresh database holding the demo community."""
    database = open_database(new_db_url("demo", template="demo"))
    yield database
    database.dispose()


_APP_DIRS = tuple(str(Path(__file__).resolve().parents[1] / d) + os.sep for d in ("volunteer_app", "ui"))


@pytest.fixture(autouse=True)
def _app_updates_carry_a_version_check() -> Iterator[None]:
    """The app never updates a row that has no version counter (issue 16: the second of
    two clerks' saves must be refused, not win silently). tests/test_row_versions.py lists
    the tables; this catches an update through the ORM that the list missed. A test's own
    writes (fixtures, tampering on purpose) are not the app's and do not count."""
    import traceback

    from sqlalchemy import event
    from sqlalchemy.orm import Mapper

    found: list[str] = []

    def before_update(mapper, _conn, _target) -> None:  # noqa: ANN001
        if mapper.version_id_col is None:
            frames = [f for f in traceback.extract_stack()[:-1] if f.filename.startswith(_APP_DIRS)]
            if frames:
                found.append(f"{mapper.local_table.name} ({frames[-1].filename.rsplit(os.sep, 2)[-1]}:"
                             f"{frames[-1].name})")

    event.listen(Mapper, "before_update", before_update)
    try:
        yield
    finally:
        event.remove(Mapper, "before_update", before_update)
    assert not found, f"the app updated rows without a version check: {sorted(set(found))}"
