"""Restores and backups killed with SIGKILL: at every kind of point (between statements,
inside the safety copy, after the file is in place but before the commit) and at random
moments, the database holds all of the old data or all of the new, its audit log keeps
its append-only triggers, its journal mode and foreign keys hold; a backup exists whole or
not at all, and is in the audit log only if it exists; what a kill leaves is private,
beside the database or the output, and swept away later. Two restores at once serialise.

The figures (kills tried, outcomes) are printed: ``pytest -s`` shows them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from faults import count_statements, killed, run_cli
from test_crash_safety import kill_at_random_points

from volunteer_app.backup import create_backup, inspect_backup
from volunteer_app.db import Database
from volunteer_app.services import volunteers as vs

pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]

TRIGGERS = {"audit_entry_no_update", "audit_entry_no_delete"}
AUDIT_LOG = {"audit_entry", "audit_chain"}  # grows by design: a restore is itself recorded
WORK = ".volunteer-work-"


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table but the audit log's, as values (an archive stores a time
    as a time: SQLite's text of it may differ, "19:05:28" or "19:05:28.000000")."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.pool import NullPool

    from volunteer_app.backup import app_tables
    from volunteer_app.paths import sqlite_url

    engine = create_engine(sqlite_url(path), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                    for t in app_tables() if t.name not in AUDIT_LOG}
    finally:
        engine.dispose()


def state(path: Path) -> dict:
    con = sqlite3.connect(path)
    try:
        return {
            "integrity": con.execute("PRAGMA integrity_check").fetchone()[0],
            "dangling": con.execute("PRAGMA foreign_key_check").fetchall(),
            "triggers": {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")},
            "journal_mode": con.execute("PRAGMA journal_mode").fetchone()[0],
            "defer_foreign_keys": con.execute("PRAGMA defer_foreign_keys").fetchone()[0],
            "audit": [r[0] for r in con.execute("SELECT action FROM audit_entry ORDER BY id DESC LIMIT 1")],
            "audit_rows": con.execute("SELECT count(*) FROM audit_entry").fetchone()[0],
        }
    finally:
        con.close()


def copy_db(src: Path, dst: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    con = sqlite3.connect(src)
    out = sqlite3.connect(dst)
    con.backup(out)
    out.execute("PRAGMA journal_mode=WAL")
    out.close()
    con.close()


@pytest.fixture
def scene(demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """A target database (the demo plus one volunteer: "old"), an archive of the demo
    ("new"), a pristine copy of the target to reset from, and the child's environment
    (its own system temp folder, to see that nothing lands there)."""
    archive = tmp_path / "new.vabak"
    create_backup(demo_db, archive)
    new_rows = table_rows(Path(demo_db.engine.url.database))
    with demo_db.session() as s:
        vs.create(s, vs.VolunteerData(name="留下来", mobile="13912345678", id_number="11010519491231002X"))
    target = Path(demo_db.engine.url.database)
    demo_db.dispose()
    pristine = tmp_path / "pristine.db"
    copy_db(target, pristine)
    systemp = tmp_path / "systemp"
    systemp.mkdir()
    env = {**os.environ, "VOLUNTEER_APP_DB": demo_db.url, "TMPDIR": str(systemp)}
    return {"archive": archive, "target": target, "pristine": pristine, "env": env,
            "old": table_rows(target), "new": new_rows, "systemp": systemp,
            "old_audit": state(target)["audit_rows"]}


def check_restore_outcome(scene: dict) -> str:
    """The target after a restore that may have been killed; "old" or "new"."""
    target: Path = scene["target"]
    st = state(target)
    assert st["integrity"] == "ok" and st["dangling"] == []
    assert TRIGGERS <= st["triggers"], st["triggers"]
    assert st["journal_mode"] == "wal" and st["defer_foreign_keys"] == 0
    rows = table_rows(target)
    if rows == scene["old"]:
        outcome = "old"
        assert st["audit_rows"] == scene["old_audit"]
    else:
        assert rows == scene["new"], "neither the old data nor the backup's"
        outcome = "new"
        assert st["audit"] == ["restore"]
    # What a kill left: only a private working folder beside the database, nothing in the
    # system temp folder, no half-written safety copy.
    assert not any(scene["systemp"].iterdir()), [str(p) for p in scene["systemp"].rglob("*")]
    for leftover in target.parent.glob(f"{WORK}*"):
        assert stat.S_IMODE(leftover.stat().st_mode) == 0o700
    assert not list(target.parent.glob("*.part"))
    for safety in target.parent.glob("*before-restore*"):
        assert sqlite3.connect(safety).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return outcome


def reset(scene: dict) -> None:
    copy_db(scene["pristine"], scene["target"])
    for p in scene["target"].parent.glob("*before-restore*"):
        p.unlink()


def sweep_after_a_while(folder: Path) -> None:
    """The next open after a kill removes the leftovers (once they are a few seconds old)."""
    from volunteer_app.db import open_database
    from volunteer_app.paths import sqlite_url

    for leftover in folder.glob(f"{WORK}*"):
        os.utime(leftover, (0, 0))
    open_database(sqlite_url(folder / "pristine.db")).dispose()  # any database in that folder
    assert not list(folder.glob(f"{WORK}*"))


def test_restore_killed_at_marked_points(scene: dict, tmp_path: Path) -> None:
    argv = ["restore", str(scene["archive"])]
    n, res = count_statements(argv, scene["env"], r".", tmp_path)
    assert res.returncode == 0, res.stderr
    assert check_restore_outcome(scene) == "new"
    reset(scene)
    # Statements spread over the whole run (staging, then the target's one transaction,
    # denser at the end where the target is written), and the points between them.
    points = sorted({max(1, n * i // 12) for i in range(1, 12)} | {n - k for k in range(0, 40, 4)})
    markers = [f"sql:.:{i}" for i in points] + [
        "call:volunteer_app.backup:_copy_all:1",
        "call:volunteer_app.backup:backup_sqlite:1",    # the safety copy, inside the transaction
        "after:volunteer_app.backup:backup_sqlite:1",
        "after:volunteer_app.backup:_record:1",         # the restore's audit entry, before commit
        "sql:^DROP TRIGGER:1", "sql:^DROP TRIGGER:2",
        "sql:^DELETE FROM:5", "sql:^CREATE TRIGGER:1", "sql:^CREATE TRIGGER:2",
        "after:volunteer_app.backup:_copy_all:1",       # committed
    ]
    outcomes: dict[str, int] = {}
    for marker in markers:
        res = run_cli(argv, scene["env"], kill_at=marker)
        assert killed(res), (marker, res.returncode, res.stderr[-500:])
        outcome = check_restore_outcome(scene)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if marker.startswith("after:volunteer_app.backup:_copy_all"):
            assert outcome == "new"
        if marker.startswith(("call:volunteer_app.backup:_copy_all", "sql:^DROP",
                              "after:volunteer_app.backup:_record")):
            assert outcome == "old", marker
        sweep_after_a_while(scene["target"].parent)
        reset(scene)
    print(f"\nrestore kills at marked points: {len(markers)} of {n} statements; outcomes {outcomes}")
    assert outcomes.get("old") and outcomes.get("new")


def test_restore_killed_at_random_moments(scene: dict) -> None:
    argv = [sys.executable, "-m", "volunteer_app", "restore", str(scene["archive"])]
    start = time.perf_counter()
    subprocess.run(argv, env=scene["env"], check=True, capture_output=True)
    full = time.perf_counter() - start
    reset(scene)
    seen: list[str] = []

    def check() -> None:
        seen.append(check_restore_outcome(scene))

    def again() -> None:
        sweep_after_a_while(scene["target"].parent)
        reset(scene)

    runs = kill_at_random_points(argv, scene["env"], check, window=(full * 0.4, full * 1.05),
                                 tries=15, seed=16, reset=again, earlier=(0.8, 0.9))
    print(f"\nrestore kills at random moments: {runs.count('killed')} killed, "
          f"{runs.count('finished')} finished; outcomes old {seen.count('old')}, new {seen.count('new')}")
    assert "killed" in runs


def test_two_restores_at_once_serialise(scene: dict, demo_db: Database, tmp_path: Path) -> None:
    other = tmp_path / "other.vabak"
    shutil.copyfile(scene["archive"], other)
    results = []
    for _ in range(3):
        procs = [subprocess.Popen([sys.executable, "-m", "volunteer_app", "restore", str(path)],
                                  env=scene["env"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for path in (scene["archive"], other)]
        done = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
        for code, err in done:
            assert code == 0 or (code == 1 and "another program is writing" in err), err
            assert "unexpected" not in err and "Traceback" not in err
        results.append([c for c, _ in done])
        assert check_restore_outcome(scene) == "new"
        reset(scene)
    print(f"\ntwo restores at once, exit codes: {results}")


# --- backups -------------------------------------------------------------------------------

def backup_entries(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM audit_entry WHERE action = 'backup'").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("suffix", [".vabak", ".db"])
def test_backup_killed_anywhere_is_whole_or_absent_and_audited_only_if_there(
        scene: dict, tmp_path: Path, suffix: str) -> None:
    out_dir = tmp_path / "backups out"
    out_dir.mkdir()
    out = out_dir / f"backup{suffix}"
    argv = ["backup", "--output", str(out)]
    target = scene["target"]
    n, res = count_statements(argv, scene["env"], r".", tmp_path)
    assert res.returncode == 0, res.stderr
    inspect_backup(out)
    out.unlink()
    reset(scene)
    base = backup_entries(target)
    made = "_archive_from" if suffix == ".vabak" else "backup_sqlite"
    markers = [f"sql:.:{i}" for i in sorted({max(1, n * i // 6) for i in range(1, 7)})] + [
        "call:volunteer_app.backup:check_integrity:1",
        f"call:volunteer_app.backup:{made}:1",
        "after:volunteer_app.backup:_record:1",
        f"after:volunteer_app.backup:{made}:1",     # the file is in place, the entry not committed
        "call:volunteer_app.backup:_count_rows_sqlite:1" if suffix == ".db" else "sql:^SELECT.*audit_entry:1",
    ]
    outcomes = {"absent": 0, "whole, not in the log": 0, "whole, in the log": 0}
    for marker in markers:
        res = run_cli(argv, scene["env"], kill_at=marker)
        entries = backup_entries(target) - base
        if out.exists():
            inspect_backup(out)  # whole: every row, every checksum
            outcomes["whole, in the log" if entries else "whole, not in the log"] += 1
        else:
            assert entries == 0, f"{marker}: the log says 'backup' but there is none"
            outcomes["absent"] += 1
        assert not [p for p in out_dir.iterdir() if p.name.endswith(".part")]
        for leftover in out_dir.glob(f"{WORK}*"):
            assert stat.S_IMODE(leftover.stat().st_mode) == 0o700
            for f in leftover.iterdir():
                assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
            os.utime(leftover, (0, 0))
        assert check_restore_outcome(scene) == "old"  # a backup changes no data
        out.unlink(missing_ok=True)
        reset(scene)
        del res
    # The next backup into that folder sweeps what the kills left there.
    res = run_cli(argv, scene["env"])
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == [out.name]
    print(f"\nbackup {suffix} kills: {len(markers)}; outcomes {outcomes}")
    assert outcomes["absent"] and outcomes["whole, not in the log"]
