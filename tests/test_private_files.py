"""Issue 17.3: the data directory is 0700 and every file the app writes is 0600 (POSIX).

Before: the data directory was 0755 and the database, its -wal/-shm, backups and
exports 0644, readable by every other account on the PC.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from volunteer_app.paths import config_dir, data_dir, sqlite_url

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The command line in a process of its own, started with the usual umask 022."""
    code = "import os, sys; os.umask(0o022); from volunteer_app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_data_and_config_folders_are_made_and_tightened_to_0700(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "old-data"
    old.mkdir(mode=0o755)
    os.chmod(old, 0o755)
    monkeypatch.setenv("VOLUNTEER_APP_DATA", str(old))
    monkeypatch.setenv("VOLUNTEER_APP_CONFIG", str(tmp_path / "new-config"))
    assert data_dir() == old and mode(old) == 0o700
    assert mode(config_dir()) == 0o700


def test_new_database_its_wal_and_shm_are_0600(tmp_path: Path) -> None:
    db = tmp_path / "office" / "v.db"
    result = cli("--db", sqlite_url(db), "init")
    assert result.returncode == 0, result.stderr
    assert mode(db) == 0o600
    from volunteer_app.db import open_database

    opened = open_database(sqlite_url(db))  # in WAL mode: -wal and -shm appear while open
    try:
        with opened.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM team").all()
        for side in ("-wal", "-shm"):
            assert mode(Path(f"{db}{side}")) == 0o600, side
    finally:
        opened.dispose()


def test_existing_open_database_files_are_tightened(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    assert cli("--db", sqlite_url(db), "init").returncode == 0
    os.chmod(db, 0o644)
    old_copy = tmp_path / "v.before-0010-20261101-090000.db"  # what an older version left
    old_copy.write_bytes(b"")
    os.chmod(old_copy, 0o644)
    (tmp_path / "backups").mkdir(mode=0o755)
    os.chmod(tmp_path / "backups", 0o755)
    assert cli("--db", sqlite_url(db), "teams", "list").returncode == 0
    assert mode(db) == 0o600 and mode(old_copy) == 0o600 and mode(tmp_path / "backups") == 0o700


def test_backups_safety_copies_and_exports_are_0600(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    url = sqlite_url(db)
    assert cli("--db", url, "init").returncode == 0
    out = tmp_path / "usb"
    out.mkdir()
    for name in ("b.vabak", "b.db"):
        result = cli("--db", url, "backup", "-o", str(out / name))
        assert result.returncode == 0, result.stderr
        assert mode(out / name) == 0o600, name
    result = cli("--db", url, "restore", str(out / "b.vabak"))
    assert result.returncode == 0, result.stderr
    safety = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert safety and all(mode(p) == 0o600 for p in safety)
    export = tmp_path / "people.csv"
    result = cli("--db", url, "volunteers", "export", str(export))
    assert result.returncode == 0, result.stderr
    assert mode(export) == 0o600
    pdf = tmp_path / "roster.pdf"
    result = cli("--db", url, "print", "roster", "--output", str(pdf), "--week", "2026-W50")
    assert result.returncode == 0, result.stderr
    assert mode(pdf) == 0o600


def test_nightly_backup_folder_and_file_are_private(tmp_path: Path) -> None:
    from datetime import datetime

    from volunteer_app.db import open_database
    from volunteer_app.jobs import settings as cfg
    from volunteer_app.jobs.jobs import run_job

    db = open_database(sqlite_url(tmp_path / "v.db"))
    previous = os.umask(0o022)  # as a library caller might have it
    try:
        outcome = run_job(db, cfg.NIGHTLY_BACKUP, now=datetime(2026, 12, 7, 7, 45))
    finally:
        os.umask(previous)
        db.dispose()
    assert outcome.status == "ok", outcome
    made = Path(outcome.summary["file"])
    assert made.suffix == ".vabak" and mode(made) == 0o600 and mode(made.parent) == 0o700
