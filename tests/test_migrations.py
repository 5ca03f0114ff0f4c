"""Schema migrations: empty to head, upgrades with a backup, refusing unknown databases."""

from __future__ import annotations

import sqlite3
from datetime import date, time
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from volunteer_app.db import (
    alembic_config,
    current_revisions,
    head_revisions,
    make_engine,
    open_database,
)
from volunteer_app.errors import DatabaseError
from volunteer_app.models import Base
from volunteer_app.paths import sqlite_url


def test_empty_to_head_matches_models(new_db_url) -> None:  # noqa: ANN001
    db = open_database(new_db_url("a"))
    assert current_revisions(db.engine) == head_revisions()
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    db.dispose()


def test_migrations_match_models_no_pending_autogenerate(new_db_url) -> None:  # noqa: ANN001
    """Every model change has a migration: autogenerate finds nothing to do at head."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    db = open_database(new_db_url("b"))
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # SQLite reflection cannot see some constraint names; only real schema drift counts.
    drift = [d for d in diff if d[0] in ("add_table", "remove_table", "add_column", "remove_column")]
    assert drift == []
    db.dispose()


@pytest.mark.sqlite_only
def test_each_revision_upgrades_from_the_one_before_with_backup(tmp_path: Path) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(script.walk_revisions())
    if len(revisions) < 2:
        pytest.skip("only one revision so far")
    base = revisions[-1].revision
    path = tmp_path / "old.db"
    engine = make_engine(sqlite_url(path))
    command.upgrade(alembic_config(engine), base)
    engine.dispose()
    db = open_database(sqlite_url(path))
    assert current_revisions(db.engine) == head_revisions()
    db.dispose()
    backups = list(tmp_path.glob("old.before-*.db"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("select version_num from alembic_version").fetchall() == [(base,)]
    con.close()


def test_downgrade_to_base_and_up_again(new_db_url) -> None:  # noqa: ANN001
    db = open_database(new_db_url("c"))
    command.downgrade(alembic_config(db.engine), "base")
    assert current_revisions(db.engine) == frozenset()
    command.upgrade(alembic_config(db.engine), "heads")
    assert current_revisions(db.engine) == head_revisions()
    db.dispose()


@pytest.mark.sqlite_only
def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_database(sqlite_url(path)).dispose()
    con = sqlite3.connect(path)
    con.execute("insert into alembic_version values ('from_the_future')")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError) as err:
        open_database(sqlite_url(path))
    assert err.value.code == "too_new"


@pytest.mark.sqlite_only
def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("create table accounts (id integer primary key)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError) as err:
        open_database(sqlite_url(path))
    assert err.value.code == "foreign_database"
    con = sqlite3.connect(path)
    assert [r[0] for r in con.execute("select name from sqlite_master where type='table'")] == ["accounts"]
    con.close()


@pytest.mark.sqlite_only
def test_wal_and_foreign_keys_on(tmp_path: Path) -> None:
    db = open_database(sqlite_url(tmp_path / "w.db"))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


@pytest.mark.sqlite_only
def test_read_only_database_is_refused_before_any_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from volunteer_app import db as db_module

    path = tmp_path / "ro.db"
    open_database(sqlite_url(path)).dispose()
    before = path.read_bytes()
    os.chmod(path, 0o444)
    # Tests run as root here, who may write anyway: ask as an ordinary user would be told.
    real_access = os.access
    monkeypatch.setattr(db_module.os, "access",
                        lambda p, mode: False if (mode == os.W_OK and str(p) == str(path)) else real_access(p, mode))
    with pytest.raises(DatabaseError) as err:
        open_database(sqlite_url(path))
    assert err.value.code == "read_only"
    assert path.read_bytes() == before


def test_double_bookings_stored_before_the_guard_survive_the_upgrade(new_db_url) -> None:  # noqa: ANN001
    """Overlapping duties a race stored before migration 0007 are kept: the later of each
    pair counts as an overridden overlap, so the guard can be switched on; each duty gets
    its span, an overnight one ending the next day."""
    from datetime import datetime

    from sqlalchemy import Date, Time, bindparam, text

    url = new_db_url("dbl")
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0002_shifts")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO volunteer (id, name, mobile, political_status, party_household, occupation, "
            "skills, notes, active, sort_key, search_text, created_at, version) VALUES "
            "(1, '甲', '13800000001', '', false, '', '', '', true, '', '', :now, 1)"), {"now": datetime(2031, 1, 1)})
        shifts = [(1, "2031-03-04", "14:00:00", "16:00:00"), (2, "2031-03-04", "15:00:00", "17:00:00"),
                  (3, "2031-03-05", "22:00:00", "06:00:00"), (4, "2031-03-06", "05:00:00", "07:00:00"),
                  (5, "2031-03-06", "06:00:00", "08:00:00")]
        for sid, day, start, end in shifts:
            conn.execute(text(
                "INSERT INTO shift (id, title, location, date, start_time, end_time, duty_type, needed, "
                "notes, edited_by_hand, version) VALUES (:id, '', '', :d, :s, :e, 'patrol', 1, '', true, 1)")
                .bindparams(bindparam("d", type_=Date), bindparam("s", type_=Time), bindparam("e", type_=Time)),
                {"id": sid, "d": date.fromisoformat(day), "s": time.fromisoformat(start), "e": time.fromisoformat(end)})
            conn.execute(text(
                "INSERT INTO assignment (id, shift_id, volunteer_id, status, source, overridden, notes, version) "
                "VALUES (:id, :id, 1, 'planned', 'manual', '', '', 1)"), {"id": sid})
    engine.dispose()
    db = open_database(url)
    with db.engine.connect() as conn:
        rows = {r[0]: r[1:] for r in conn.execute(text(
            "SELECT id, overridden, starts_at, ends_at FROM assignment ORDER BY id"))}
    db.dispose()
    assert {i: r[0] for i, r in rows.items()} == {1: "", 2: "overlap", 3: "", 4: "overlap", 5: ""}
    assert [_as_dt(v) for v in rows[3][1:]] == [datetime(2031, 3, 5, 22), datetime(2031, 3, 6, 6)]
    assert [_as_dt(v) for v in rows[2][1:]] == [datetime(2031, 3, 4, 15), datetime(2031, 3, 4, 17)]


def _as_dt(value: object) -> object:
    from datetime import datetime

    return datetime.fromisoformat(value) if isinstance(value, str) else value
