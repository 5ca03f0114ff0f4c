"""The database file itself: a damaged one is found (on open, once a day; before every
backup), a file that is not ours or is read-only is refused without a single byte changed
(whoever runs the app), and any file name opens that file and no other."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

from volunteer_app import db as db_module
from volunteer_app.backup import create_backup, inspect_backup, restore_backup
from volunteer_app.db import Database, display_url, open_database
from volunteer_app.errors import DatabaseError
from volunteer_app.paths import data_dir, sqlite_url
from volunteer_app.services import volunteers as vs

pytestmark = pytest.mark.sqlite_only


def _demo_file(new_db_url, name: str = "demo") -> Path:  # noqa: ANN001
    return Path(make_url(new_db_url(name, template="demo")).database)


def damage(path: Path, seed: int = 1) -> None:
    """Random bytes over a page in the middle of the file, as the tester did."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek((size // 2) // 4096 * 4096)
        fh.write(random.Random(seed).randbytes(4096))


def files_beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


# --- 15. a damaged database ----------------------------------------------------------------

@pytest.mark.parametrize("seed", [1, 2, 3])
def test_damaged_database_is_refused_on_open_and_not_backed_up(new_db_url, tmp_path: Path,  # noqa: ANN001
                                                               seed: int) -> None:
    path = _demo_file(new_db_url)
    shutil.copyfile(path, tmp_path / "good.db")
    damage(path, seed)
    before, beside = path.read_bytes(), files_beside(path)
    with pytest.raises(DatabaseError) as err:
        open_database(sqlite_url(path))
    assert err.value.code == "database_damaged"
    assert path.read_bytes() == before
    assert files_beside(path) == beside  # no -wal, -shm or working folder left beside it


def test_backup_of_a_database_damaged_after_it_was_opened_is_refused(new_db_url, tmp_path: Path) -> None:  # noqa: ANN001
    path = _demo_file(new_db_url)
    db = open_database(sqlite_url(path))  # checked today: the next open will not look again
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    for out in (tmp_path / "b.vabak", tmp_path / "b.db"):
        with pytest.raises(DatabaseError) as err:
            create_backup(db, out)
        assert err.value.code == "database_damaged", out
        assert not out.exists()
    db.dispose()


def test_quick_check_runs_once_a_day(new_db_url, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    path = _demo_file(new_db_url)
    checks: list[Path] = []
    real = db_module.check_integrity
    monkeypatch.setattr(db_module, "check_integrity", lambda p, full=True: checks.append(p) or real(p, full=full))
    for _ in range(3):
        open_database(sqlite_url(path)).dispose()
    assert len(checks) == 1
    marker = db_module._marker(path)
    marker.write_text("2000-01-01", encoding="ascii")  # yesterday, or longer ago
    open_database(sqlite_url(path)).dispose()
    assert len(checks) == 2


def test_damage_names_the_newest_nightly_backup(new_db_url) -> None:  # noqa: ANN001
    from volunteer_app.jobs.jobs import backup_files

    path = _demo_file(new_db_url, "volunteer")
    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    for stamp in ("20261201-020000", "20261203-020000", "20261202-020000"):
        shutil.copyfile(path, folder / f"volunteer-{stamp}.db")
    (folder / "volunteer-20261204-020000.db.part").write_bytes(b"")
    (folder / "other-20261209-020000.db").write_bytes(b"")
    assert db_module.newest_nightly_backup(path) == folder / "volunteer-20261203-020000.db" == \
        backup_files(folder, "volunteer", ".db")[0]
    damage(path)
    with pytest.raises(DatabaseError) as err:
        open_database(sqlite_url(path))
    assert err.value.details["backup"] == str(folder / "volunteer-20261203-020000.db")


def test_command_line_says_damaged_and_how_to_recover(new_db_url, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                                      capsys: pytest.CaptureFixture) -> None:
    from volunteer_app.cli import main

    path = _demo_file(new_db_url)
    damage(path)
    monkeypatch.setenv("VOLUNTEER_APP_DB", sqlite_url(path))
    for argv in (["volunteers", "list"], ["backup", "--output", str(path.with_name("x.vabak"))]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "is damaged" in err and "restore" in err and "unexpected" not in err, err
    assert not path.with_name("x.vabak").exists()


# --- 16. not ours, or read-only: not one byte changed -----------------------------------------

def _foreign(path: Path, wal: bool) -> bytes:
    con = sqlite3.connect(path)
    if wal:
        con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
    con.execute("INSERT INTO accounts (owner) VALUES ('someone else')")
    con.commit()
    con.close()
    return path.read_bytes()


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_foreign_sqlite_file_is_refused_unchanged(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "theirs.db"
    before = _foreign(path, wal)
    beside = files_beside(path)
    for kwargs in ({}, {"upgrade": False}):
        with pytest.raises(DatabaseError) as err:
            open_database(sqlite_url(path), **kwargs)
        assert err.value.code == "foreign_database"
    after = path.read_bytes()
    assert after[18:20] == before[18:20], "journal mode switched (header bytes 18-19)"
    assert after == before
    assert files_beside(path) == beside, "no -wal or -shm file made beside it"


def test_read_only_database_is_refused_even_for_root(new_db_url) -> None:  # noqa: ANN001
    path = _demo_file(new_db_url)
    open_database(sqlite_url(path)).dispose()
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(DatabaseError) as err:
            open_database(sqlite_url(path))
        assert err.value.code == "read_only"
        assert path.read_bytes() == before
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
    finally:
        path.chmod(0o644)


def test_restore_into_a_read_only_database_changes_nothing(new_db_url, demo_db: Database, tmp_path: Path) -> None:  # noqa: ANN001
    archive = tmp_path / "a.vabak"
    create_backup(demo_db, archive)
    path = Path(make_url(new_db_url("target", template="empty")).database)
    open_database(sqlite_url(path)).dispose()
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        from volunteer_app.cli import main

        assert main(["--db", sqlite_url(path), "restore", str(archive)]) == 1
        assert path.read_bytes() == before
    finally:
        path.chmod(0o644)


# --- 17. a file name is a file name -----------------------------------------------------------

ODD_NAMES = ["备份%20旧.db", "a?b.db", "a#b.db", "with space.db", "100%.db", "x%3Fy.db",
             "格桑·伦珠 & co; v=1+2.db", "Jan's @home:1.db"]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_file_names_open_that_file_and_no_other(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    path = folder / name
    url = sqlite_url(path)
    assert url == URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)
    assert make_url(url).database == str(path)
    db = open_database(url)
    with db.session() as s:
        vs.create(s, vs.VolunteerData(name="文件名", mobile="13912345678"))
    assert display_url(url) == f"sqlite:///{path}"
    # Back up, check and restore through the same name: every sqlite3 URI too.
    archive = folder / f"{name}.vabak"
    copy = folder / f"copy {name}"
    create_backup(db, archive)
    create_backup(db, copy)
    assert inspect_backup(copy)["rows"]["volunteer"] == 1
    restore_backup(db, archive)
    db.dispose()
    db_module.forget_checked(path)
    open_database(url).dispose()  # the check on open reads the right file too
    made = {p.name for p in folder.iterdir()} - {f"{name}-wal", f"{name}-shm"}
    assert made >= {name, archive.name, copy.name}
    assert not {n for n in made if "before-restore" not in n} - {name, archive.name, copy.name}


def test_command_line_takes_an_odd_name_from_its_url(tmp_path: Path) -> None:
    from volunteer_app.cli import main

    path = tmp_path / "备份%20旧.db"
    assert main(["--db", sqlite_url(path), "init"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [path.name]


# --- hostile files as the database ------------------------------------------------------------

def test_hostile_files_given_as_the_database_are_refused_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("root:x:0:0:root:/root:/bin/bash\n")
    link = tmp_path / "link.db"
    link.symlink_to(target)
    folder = tmp_path / "folder.db"
    folder.mkdir()
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)
    half_header = tmp_path / "half.db"
    half_header.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    cases = {link: "not_a_database", folder: "not_a_database", fifo: "not_a_database",
             half_header: "database_damaged"}
    try:  # a device node of our own (root only): never the real /dev
        os.mknod(tmp_path / "null.db", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        cases[tmp_path / "null.db"] = "not_a_database"
    except (OSError, AttributeError):
        pass
    for path, code in cases.items():
        with pytest.raises(DatabaseError) as err:
            open_database(sqlite_url(path))
        assert err.value.code == code, path
    assert target.read_text() == "root:x:0:0:root:/root:/bin/bash\n"
    assert half_header.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 200


def test_nightly_backup_of_a_damaged_database_is_refused_and_keeps_the_older_backups(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import datetime

    from volunteer_app.jobs import jobs
    from volunteer_app.jobs import settings as cfg

    path = Path(demo_db.engine.url.database)
    first = jobs.run_job(demo_db, cfg.NIGHTLY_BACKUP, now=datetime(2026, 12, 1, 7, 45))
    assert first.status == "ok"
    kept = sorted((path.parent / "backups").iterdir())
    # Found damaged by the check before the copy (how it is found: the tests above).
    real = jobs.check_integrity

    def damaged(p: Path, *, full: bool = True) -> None:
        raise db_module.damaged_error(p, "Page 66: btreeInitPage() returns error code 11")

    monkeypatch.setattr(jobs, "check_integrity", damaged)
    out = jobs.run_job(demo_db, cfg.NIGHTLY_BACKUP, now=datetime(2026, 12, 2, 7, 45))
    assert (out.status, out.reason) == ("failed", "database_damaged")
    assert sorted((path.parent / "backups").iterdir()) == kept
    monkeypatch.setattr(jobs, "check_integrity", real)
