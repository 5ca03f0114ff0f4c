"""Backup and restore: round trips reproduce every row; damaged or foreign files refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from backup_plain import plain_backup
from sqlalchemy import select

from volunteer_app.backup import app_tables, create_backup, inspect_backup, restore_backup
from volunteer_app.db import Database, open_database
from volunteer_app.errors import DatabaseError
from volunteer_app.paths import sqlite_url
from volunteer_app.services import volunteers as vs


def snapshot(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table; the audit log and its chain head are left out (backup
    and restore are themselves audited, so it grows by design: see test_restore_is_audited)."""
    out = {}
    with db.engine.connect() as conn:
        for table in app_tables():
            if table.name in ("audit_entry", "audit_chain"):
                continue
            order = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
    return out


def test_archive_round_trip_reproduces_every_row(demo_db: Database, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "all.vabak"
    counts = create_backup(demo_db, path)
    assert counts["volunteer"] == 152
    info = inspect_backup(path)
    assert info["format"] == "archive" and info["rows"]["volunteer"] == 152
    result = restore_backup(db, path)
    assert result["rows"]["volunteer"] == 152
    assert snapshot(db) == snapshot(demo_db)
    # The restored database is fully usable: new rows get fresh ids.
    with db.session() as s:
        vid = vs.create(s, vs.VolunteerData(name="新人", mobile="13912345678"))
    assert vid > max(r[0] for r in snapshot(demo_db)["volunteer"])


def test_restore_replaces_existing_data_and_keeps_safety_copy(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "before.vabak"
    create_backup(demo_db, path)
    before = snapshot(demo_db)
    with demo_db.session() as s:
        vs.create(s, vs.VolunteerData(name="后来者", mobile="13912345678"))
    result = restore_backup(demo_db, path)
    assert snapshot(demo_db) == before
    assert Path(result["safety_copy"]).exists()


@pytest.mark.sqlite_only
def test_sqlite_file_backup_round_trip(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    create_backup(demo_db, path)
    assert inspect_backup(path)["format"] == "sqlite"
    target = open_database(sqlite_url(tmp_path / "target.db"))
    restore_backup(target, path)
    assert snapshot(target) == snapshot(demo_db)
    target.dispose()


@pytest.mark.sqlite_only
def test_moving_from_sqlite_archive_into_another_backend_shape(demo_db: Database, tmp_path: Path) -> None:
    """A .db backup restores through the same checked path as an archive."""
    path = tmp_path / "copy.db"
    create_backup(demo_db, path)
    archive = tmp_path / "a.vabak"
    target = open_database(sqlite_url(tmp_path / "t.db"))
    restore_backup(target, path)
    create_backup(target, archive)
    rows_a, rows_b = inspect_backup(archive)["rows"], inspect_backup(path)["rows"]
    rows_a.pop("audit_entry")
    rows_b.pop("audit_entry")
    assert rows_a == rows_b
    target.dispose()


def test_damaged_archive_refused_and_target_untouched(demo_db: Database, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "ok.vabak"
    plain_backup(demo_db, path)  # a plain archive: its members are damaged below
    # Tamper with one table's rows: the checksum in the manifest no longer matches.
    bad = tmp_path / "tampered.vabak"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "tables/volunteer.jsonl":
                data = data.replace("伦珠".encode(), b"XX", 1)
            zout.writestr(item, data)
    truncated = tmp_path / "truncated.vabak"
    truncated.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    foreign = tmp_path / "foreign.vabak"
    with zipfile.ZipFile(foreign, "w") as z:
        z.writestr("manifest.json", '{"app": "something-else"}')
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello")
    before = snapshot(db)
    for source, code in [(bad, "backup_damaged"), (truncated, "backup_damaged"),
                         (foreign, "backup_foreign"), (text_file, "backup_foreign"),
                         (tmp_path / "missing.vabak", "backup_missing"),
                         (tmp_path, "backup_missing")]:  # a folder given by mistake
        with pytest.raises(DatabaseError) as err:
            restore_backup(db, source)
        assert err.value.code == code, source
    assert snapshot(db) == before


@pytest.mark.sqlite_only
def test_truncated_sqlite_backup_refused(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    create_backup(demo_db, path)
    cut = tmp_path / "cut.db"
    cut.write_bytes(path.read_bytes()[:4096])
    with pytest.raises(DatabaseError) as err:
        inspect_backup(cut)
    assert err.value.code == "backup_damaged"


def test_backup_from_newer_app_refused(demo_db: Database, tmp_path: Path) -> None:
    import json

    path = tmp_path / "ok.vabak"
    plain_backup(demo_db, path)  # a plain archive: its members are damaged below
    newer = tmp_path / "newer.vabak"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(newer, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["revisions"] = ["9999_future"]
                data = json.dumps(manifest).encode()
            zout.writestr(item, data)
    with pytest.raises(DatabaseError) as err:
        inspect_backup(newer)
    assert err.value.code == "too_new"


def test_restore_is_audited_and_keeps_the_backups_log(demo_db: Database, db: Database,
                                                      tmp_path: Path) -> None:
    from volunteer_app.security.audit_log import list_entries

    path = tmp_path / "all.vabak"
    create_backup(demo_db, path)
    with demo_db.session() as s:
        source_log = [(e.action, e.entity, e.entity_id) for e in list_entries(s, limit=100_000)]
    restore_backup(db, path)
    with db.session() as s:
        log = [(e.action, e.entity, e.entity_id) for e in list_entries(s, limit=100_000)]
    assert log[0][0] == "restore"
    assert log[1:] == source_log
