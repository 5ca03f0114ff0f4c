"""Shared fixtures. Qt must be told to run offscreen before anything imports it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from volunteer_app.db import Database, open_database  # noqa: E402
from volunteer_app.demo import load_demo  # noqa: E402
from volunteer_app.paths import sqlite_url  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real per-user data or config directory."""
    base = tmp_path_factory.mktemp("appdirs")
    monkeypatch.setenv("VOLUNTEER_APP_DATA", str(base / "data"))
    monkeypatch.setenv("VOLUNTEER_APP_CONFIG", str(base / "config"))
    monkeypatch.delenv("VOLUNTEER_APP_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path: Path) -> Database:
    """A fresh, migrated, empty SQLite database file."""
    database = open_database(sqlite_url(db_path))
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db: Database) -> Database:
    """A database holding the demo community."""
    with db.session() as s:
        load_demo(s)
    return db
