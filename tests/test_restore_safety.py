"""Restore and backup under faults: a restore that fails changes nothing (data, the audit
log's triggers, pragmas), staging stays private and beside the database, damaged archives
are refused as damaged, a backup appears (and is audited) only when complete, and no
message carries SQL or personal data. (Kills of a running restore or backup:
test_restore_crash_safety.py.)"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from backup_plain import plain_backup
from faults import failing_call, failing_statement, sqlite_full
from sqlalchemy import select, text

from volunteer_app.backup import app_tables, create_backup, inspect_backup, restore_backup
from volunteer_app.db import Database, open_database, sqlite_path
from volunteer_app.errors import DatabaseError
from volunteer_app.services import volunteers as vs

TRIGGERS = {"audit_entry_no_update", "audit_entry_no_delete"}


def rows(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, the audit log included."""
    out = {}
    with db.engine.connect() as conn:
        for table in app_tables():
            order = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
    return out


def sqlite_state(path: Path) -> dict:
    """What a restore must never leave changed, read with a connection of its own."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return {
            "integrity": con.execute("PRAGMA integrity_check").fetchone()[0],
            "dangling": con.execute("PRAGMA foreign_key_check").fetchall(),
            "triggers": {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")},
            "journal_mode": con.execute("PRAGMA journal_mode").fetchone()[0],
        }
    finally:
        con.close()


def assert_sound(db: Database) -> None:
    """The database's own connections still enforce what they should (a pooled connection
    that ran a failed restore included)."""
    if db.is_sqlite:
        state = sqlite_state(sqlite_path(db.url))
        assert state["integrity"] == "ok" and state["dangling"] == []
        assert TRIGGERS <= state["triggers"], state["triggers"]
        assert state["journal_mode"] == "wal"
        for _ in range(3):  # every connection of the pool
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA defer_foreign_keys").scalar() == 0
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    # The audit log is still append-only (a row to protect first: an empty table fires nothing).
    from volunteer_app.security import audit

    with db.session() as s:
        audit.record(s, "export", "", "", "probe")
    for statement in ("DELETE FROM audit_entry", "UPDATE audit_entry SET summary = 'x'"):
        with pytest.raises(Exception) as err, db.engine.begin() as conn:
            conn.execute(text(statement))
        assert "append-only" in str(err.value)


def rewrite_archive(src: Path, dst: Path, change: Callable[[str, bytes], bytes | None],
                    *, fix_manifest: bool = False) -> Path:
    """Copy an archive member by member through ``change`` (None drops the member); with
    ``fix_manifest`` the rows and checksums are made to agree again (a consistent archive
    whose content is wrong, as a buggy or hostile writer would make it)."""
    import hashlib

    with zipfile.ZipFile(src) as zin:
        members = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    out: dict[str, bytes] = {}
    for name, data in members.items():
        changed = change(name, data)
        if changed is not None:
            out[name] = changed
    if fix_manifest:
        manifest = json.loads(out["manifest.json"])
        for name, meta in manifest["tables"].items():
            data = out.get(f"tables/{name}.jsonl", b"")
            meta["rows"] = data.count(b"\n")
            meta["sha256"] = hashlib.sha256(data).hexdigest()
        out["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_DEFLATED) as zout:
        for name, data in out.items():
            zout.writestr(name, data)
    return dst


def edit_manifest(fn: Callable[[dict], None]) -> Callable[[str, bytes], bytes]:
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        fn(manifest)
        return json.dumps(manifest).encode()
    return change


@pytest.fixture
def demo_archive(demo_db: Database, tmp_path: Path) -> Path:
    path = tmp_path / "demo.vabak"
    plain_backup(demo_db, path)  # plain: the tests damage its members
    return path


# --- 12. a restore that fails changes nothing ------------------------------------------------

def _dangling(column: int) -> Callable[[str, bytes], bytes]:
    """Membership rows pointing at a volunteer that is not in the archive."""
    def change(name: str, data: bytes) -> bytes:
        if name != "tables/membership.jsonl":
            return data
        lines = data.splitlines(keepends=True)
        first = json.loads(lines[0])
        first[column] = 999_999
        return b"".join([json.dumps(first, ensure_ascii=False).encode() + b"\n", *lines[1:]])
    return change


def test_restore_of_a_backup_with_a_dangling_foreign_key_changes_nothing(
        db: Database, demo_archive: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(demo_archive) as z:
        cols = json.loads(z.read("manifest.json"))["tables"]["membership"]["columns"]
    bad = rewrite_archive(demo_archive, tmp_path / "dangling.vabak", _dangling(cols.index("volunteer_id")),
                          fix_manifest=True)
    with db.session() as s:
        vs.create(s, vs.VolunteerData(name="留下来", mobile="13912345678"))
    before = rows(db)
    with pytest.raises(DatabaseError) as err:
        restore_backup(db, bad)
    assert err.value.code == "backup_damaged"
    assert rows(db) == before
    assert_sound(db)


@pytest.mark.sqlite_only
def test_restore_onto_a_full_disk_changes_nothing_and_says_so_without_sql(
        db: Database, demo_archive: Path) -> None:
    before = rows(db)
    db.engine.dispose()
    with sqlite_full(sqlite_path(db.url), spare_pages=3), pytest.raises(DatabaseError) as err:
        restore_backup(db, demo_archive)
    assert err.value.code == "disk_full"
    db.engine.dispose()
    assert rows(db) == before
    assert_sound(db)
    assert "INSERT" not in repr(err.value.details) and err.value.__cause__ is None


@pytest.mark.parametrize("statement, n", [
    (r"^INSERT INTO volunteer\b", 1),          # early in the copy
    (r"^INSERT INTO audit_entry\b", 1),        # the backup's own log
    (r"^UPDATE team\b", 1),                    # the branch teams' parents, filled in last
    (r"^CREATE TRIGGER", 1),                   # the triggers going back on
    (r"^INSERT INTO audit_entry\b", 2),        # the restore's own audit entry
])
def test_restore_failing_at_any_statement_changes_nothing(
        db: Database, demo_archive: Path, statement: str, n: int) -> None:
    if statement.startswith("^CREATE TRIGGER") and not db.is_sqlite:
        pytest.skip("SQLite's triggers; PostgreSQL enables its trigger")
    with db.session() as s:
        vs.create(s, vs.VolunteerData(name="留下来", mobile="13912345678"))
    before = rows(db)
    with failing_statement(statement, n) as seen, pytest.raises(DatabaseError) as err:
        restore_backup(db, demo_archive)
    assert len(seen) == n, "the fault was injected inside the restore"
    assert err.value.code in ("disk_full", "restore_failed"), err.value.code
    assert rows(db) == before
    assert_sound(db)


@pytest.mark.sqlite_only
def test_restore_failing_while_taking_the_safety_copy_changes_nothing(db: Database, demo_archive: Path) -> None:
    before = rows(db)
    with failing_call("volunteer_app.backup", "backup_sqlite", n=1), pytest.raises(DatabaseError) as err:
        restore_backup(db, demo_archive)
    assert err.value.code == "disk_full"
    assert rows(db) == before
    assert_sound(db)
    # The safety copy that failed left nothing beside the database.
    folder = sqlite_path(db.url).parent
    assert not list(folder.glob("*before-restore*")) and not list(folder.glob(".volunteer-work-*"))


# --- 13. staging: beside the database, private, removed ---------------------------------------

@pytest.mark.sqlite_only
def test_staging_is_private_beside_the_database_and_removed(db: Database, demo_archive: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from volunteer_app import files

    seen: list[tuple[Path, int, int]] = []
    real = files.work_dir

    def spy(parent: Path):  # noqa: ANN202
        cm = real(parent)

        class Spy:
            def __enter__(self) -> Path:
                self.path = cm.__enter__()
                return self.path

            def __exit__(self, *exc: object) -> object:
                staged = self.path / "staging.db"
                if staged.exists():
                    seen.append((self.path, stat.S_IMODE(self.path.stat().st_mode),
                                 stat.S_IMODE(staged.stat().st_mode)))
                return cm.__exit__(*exc)

        return Spy()

    monkeypatch.setattr("volunteer_app.backup.work_dir", spy)
    temp_before = set(Path(tempfile.gettempdir()).glob("volunteer-restore-*"))
    restore_backup(db, demo_archive)
    assert seen, "the restore staged the backup"
    folder, dir_mode, file_mode = seen[0]
    assert folder.parent == sqlite_path(db.url).parent
    assert dir_mode == 0o700 and file_mode == 0o600
    assert not folder.exists()
    assert set(Path(tempfile.gettempdir()).glob("volunteer-restore-*")) == temp_before


@pytest.mark.sqlite_only
def test_staging_is_removed_when_the_restore_fails(db: Database, demo_archive: Path) -> None:
    folder = sqlite_path(db.url).parent
    with failing_statement(r"^INSERT INTO shift\b", 1), pytest.raises(DatabaseError):
        restore_backup(db, demo_archive)
    assert not list(folder.glob(".volunteer-work-*"))


@pytest.mark.sqlite_only
def test_leftovers_of_a_killed_restore_are_removed_when_the_database_is_opened(
        new_db_url, tmp_path: Path) -> None:  # noqa: ANN001
    from volunteer_app import files

    url = new_db_url("kept", template="demo")
    folder = sqlite_path(url).parent
    stale = folder / f"{files.WORK_PREFIX}killed"
    stale.mkdir(mode=0o700)
    (stale / "lock").touch()
    (stale / "staging.db").write_bytes(b"SQLite format 3\x00 with ID numbers")
    in_use = folder / f"{files.WORK_PREFIX}in-use"
    in_use.mkdir(mode=0o700)
    for path in (stale, in_use):
        os.utime(path, (0, 0))  # long ago
    with files.work_dir(folder) as live:  # a restore of another process, still running
        os.utime(live, (0, 0))
        open_database(url).dispose()
        assert not stale.exists()
        assert live.exists(), "a working folder in use is never removed"
    assert not live.exists()


# --- 14. what --check passes restores ------------------------------------------------------

def test_archive_leaving_out_a_table_is_refused(db: Database, demo_archive: Path, tmp_path: Path) -> None:
    def drop_shift(name: str, data: bytes) -> bytes | None:
        if name == "tables/shift.jsonl":
            return None
        if name == "manifest.json":
            manifest = json.loads(data)
            del manifest["tables"]["shift"]
            return json.dumps(manifest).encode()
        return data

    bad = rewrite_archive(demo_archive, tmp_path / "no-shift.vabak", drop_shift)
    before = rows(db)
    for action in (inspect_backup, lambda p: restore_backup(db, p)):
        with pytest.raises(DatabaseError) as err:
            action(bad)
        assert err.value.code == "backup_damaged" and "shift" in err.value.details["reason"]
    assert rows(db) == before


def _flip_byte_of(member: str) -> Callable[[Path, Path], Path]:
    """One byte of ``member``'s compressed data flipped, the first from its middle on that
    breaks the deflate stream itself (zlib's "Error -3 while decompressing", which the
    tester met), not only the CRC."""
    import zlib

    def make(src: Path, dst: Path) -> Path:
        data = bytearray(src.read_bytes())
        with zipfile.ZipFile(src) as z:
            info = z.getinfo(member)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        for at in range(start + info.compress_size // 2, start + info.compress_size):
            data[at] ^= 0xFF
            try:
                zlib.decompressobj(-15).decompress(bytes(data[start:start + info.compress_size]))
            except zlib.error:
                dst.write_bytes(bytes(data))
                return dst
            data[at] ^= 0xFF
        raise AssertionError("no byte breaks the stream")
    return make


def _shorten_columns(src: Path, dst: Path) -> Path:
    def cut(manifest: dict) -> None:
        manifest["tables"]["volunteer"]["columns"].pop()
    return rewrite_archive(src, dst, edit_manifest(cut))


DAMAGE = {
    "flipped byte in a table": _flip_byte_of("tables/volunteer.jsonl"),
    "flipped byte in the manifest": _flip_byte_of("manifest.json"),
    "shortened column list": _shorten_columns,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_archive_is_exit_2_backup_damaged(demo_db: Database, demo_archive: Path, tmp_path: Path,
                                                  damage: str, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture) -> None:
    from volunteer_app.cli import main

    bad = DAMAGE[damage](demo_archive, tmp_path / "bad.vabak")
    before = rows(demo_db)
    monkeypatch.setenv("VOLUNTEER_APP_DB", demo_db.url)
    for argv in (["restore", "--check", str(bad)], ["restore", str(bad)]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "is damaged" in err and "unexpected" not in err and "Error -3" not in err, err
    assert rows(demo_db) == before


# --- 18. partial files, the audit entry, messages, output targets -----------------------------

def _backup_entries(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'backup'")).scalar()


@pytest.fixture
def small_disk(tmp_path: Path):  # noqa: ANN201
    """A real, tiny file system (tmpfs; needs root on Linux), for real ENOSPC errors."""
    import subprocess

    mount = tmp_path / "small-disk"
    mount.mkdir()
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(mount)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root on Linux)")
    try:
        st = os.statvfs(mount)
        (mount / "filler").write_bytes(b"\0" * (st.f_bavail * st.f_frsize - 8192))  # 8 KiB left
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


@pytest.mark.parametrize("suffix", [".vabak", ".db"])
def test_backup_to_a_full_disk_leaves_no_file_and_no_audit_entry(
        demo_db: Database, small_disk: Path, suffix: str, capsys: pytest.CaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from volunteer_app.cli import main

    if suffix == ".db" and not demo_db.is_sqlite:
        pytest.skip(".db backups are of SQLite databases")
    out = small_disk / f"backup{suffix}"
    before = _backup_entries(demo_db)
    monkeypatch.setenv("VOLUNTEER_APP_DB", demo_db.url)
    assert main(["backup", "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert "disk is full" in err and "unexpected" not in err, err
    assert _backup_entries(demo_db) == before
    assert [p.name for p in small_disk.iterdir()] == ["filler"]  # no .part file, no working folder


@pytest.mark.parametrize("suffix", [".vabak", ".db"])
def test_backup_failing_at_the_last_moment_leaves_no_file_and_no_audit_entry(
        demo_db: Database, tmp_path: Path, suffix: str) -> None:
    if suffix == ".db" and not demo_db.is_sqlite:
        pytest.skip(".db backups are of SQLite databases")
    out = tmp_path / "out" / f"backup{suffix}"
    before = _backup_entries(demo_db)
    # fsync before the rename: on a file system that allocates late, where ENOSPC shows
    with failing_call("os", "fsync"), pytest.raises(DatabaseError) as err:
        create_backup(demo_db, out)
    assert err.value.code == "disk_full"
    assert _backup_entries(demo_db) == before
    assert list(out.parent.iterdir()) == []


def special_files(folder: Path) -> list[Path]:
    """Outputs that are not regular files, made here (never the real /dev: the code under
    test may be the one that replaces a device node): a pipe, a folder, and when we may
    (root) a character device like /dev/full."""
    fifo = folder / "pipe.out"
    os.mkfifo(fifo)
    sub = folder / "a-folder.out"
    sub.mkdir()
    made = [fifo, sub]
    try:
        os.mknod(folder / "full.out", 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        made.append(folder / "full.out")
    except (OSError, AttributeError):
        pass
    return made


def test_backup_output_must_be_a_regular_writable_file(demo_db: Database, tmp_path: Path) -> None:
    read_only = tmp_path / "kept.vabak"
    read_only.write_bytes(b"an older backup")
    read_only.chmod(0o444)  # root may write it anyway: the mode bits count
    cases = [(p, "output_not_file") for p in special_files(tmp_path)] + [(read_only, "output_read_only")]
    path = sqlite_path(demo_db.url)
    if path is not None:
        cases += [(path, "output_is_database"), (Path(f"{path}-wal"), "output_is_database")]
    before = _backup_entries(demo_db)
    for target, code in cases:
        kind = stat.S_IFMT(os.stat(target).st_mode) if target.exists() else None
        with pytest.raises(DatabaseError) as err:
            create_backup(demo_db, target)
        assert err.value.code == code, target
        if kind is not None:
            assert stat.S_IFMT(os.stat(target).st_mode) == kind, f"{target} was replaced"
    assert read_only.read_bytes() == b"an older backup"
    assert _backup_entries(demo_db) == before


def test_print_refuses_a_device_or_folder_as_output(tmp_path: Path) -> None:
    from volunteer_app.printing.common import OutputError, open_output

    for target in special_files(tmp_path):
        kind = stat.S_IFMT(os.stat(target).st_mode)
        with pytest.raises(OutputError) as err, open_output(target):
            pass
        assert err.value.code == "output_not_file"
        assert stat.S_IFMT(os.stat(target).st_mode) == kind


def test_backup_is_recorded_once_complete_and_the_backup_holds_that_entry(
        demo_db: Database, tmp_path: Path) -> None:
    from volunteer_app.security.audit_log import list_entries

    out = tmp_path / "b.vabak"
    before = _backup_entries(demo_db)
    plain_backup(demo_db, out)  # the archive's members are read below
    assert _backup_entries(demo_db) == before + 1
    with demo_db.session() as s:
        newest = list_entries(s, limit=1)[0]
    with zipfile.ZipFile(out) as z:
        log = [json.loads(line) for line in z.read("tables/audit_entry.jsonl").splitlines()]
    assert newest.action == "backup" and log[-1][0] == newest.id


def test_no_sql_or_personal_data_in_the_message_of_a_failed_restore(
        demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture, new_db_url) -> None:  # noqa: ANN001
    from volunteer_app.cli import main

    archive = tmp_path / "demo.vabak"
    create_backup(demo_db, archive)
    with demo_db.engine.connect() as conn:
        people = conn.execute(text("SELECT name, mobile FROM volunteer ORDER BY id LIMIT 20")).all()
    personal = [v for person in people for v in person]
    monkeypatch.setenv("VOLUNTEER_APP_DB", new_db_url("target", template="empty"))
    with failing_statement(r"^INSERT INTO volunteer\b", 1):
        code = main(["restore", str(archive)])
    err = capsys.readouterr().err
    assert code == 1
    assert "disk is full" in err and "nothing was changed" in err
    for leak in ("INSERT", "[SQL", "parameters", *personal):
        assert leak not in err, leak
    assert len(err) < 400


# --- hostile backup files ----------------------------------------------------------------------

def _hostile_backups(src: Path, folder: Path) -> dict[str, tuple[Path, set[str]]]:
    """Files a hostile or careless user may hand to restore, and the codes that refuse them."""
    import base64
    import struct

    damaged, foreign = {"backup_damaged"}, {"backup_foreign"}
    out: dict[str, tuple[Path, set[str]]] = {}

    def add(name: str, path: Path, codes: set[str]) -> None:
        out[name] = (path, codes)

    def variant(name: str, change: Callable[[str, bytes], bytes | None], codes: set[str] = damaged,
                fix: bool = False) -> None:
        add(name, rewrite_archive(src, folder / f"{name}.vabak", change, fix_manifest=fix), codes)

    (folder / "empty.vabak").write_bytes(b"")
    add("empty file", folder / "empty.vabak", foreign)
    (folder / "a folder.vabak").mkdir()
    add("folder", folder / "a folder.vabak", {"backup_missing"})
    os.mkfifo(folder / "pipe.vabak")
    add("named pipe (would block a reader)", folder / "pipe.vabak", {"backup_missing"})
    if Path("/etc/passwd").exists():
        (folder / "passwd.vabak").symlink_to("/etc/passwd")
        add("symlink to /etc/passwd", folder / "passwd.vabak", foreign)
    (folder / "dangling.vabak").symlink_to(folder / "nowhere")
    add("dangling symlink", folder / "dangling.vabak", {"backup_missing"})
    # A zip bomb: one table inflating a thousandfold (50 MB of zeros in ~50 KB).
    with zipfile.ZipFile(src) as z:
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    with zipfile.ZipFile(folder / "bomb.vabak", "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            if name == "tables/volunteer.jsonl":
                with z.open(name, "w") as fh:
                    for _ in range(50):
                        fh.write(b"0" * (1 << 20))
            else:
                z.writestr(name, data)
    add("zip bomb in a table", folder / "bomb.vabak", damaged)
    with zipfile.ZipFile(folder / "bomb-manifest.vabak", "w", compression=zipfile.ZIP_DEFLATED) as z:
        with z.open("manifest.json", "w") as fh:
            fh.write(b'{"app": "volunteer-app", "format": 1, "x": "')
            for _ in range(40):
                fh.write(b"a" * (1 << 20))
            fh.write(b'"}')
    add("zip bomb as the manifest", folder / "bomb-manifest.vabak", damaged)
    # One line of 17 MB that does not compress (no line break to stop a reader).
    line = base64.b64encode(random_bytes(13 << 20)) + b"\n"
    variant("17 MB line", lambda n, d: line if n == "tables/volunteer.jsonl" else d, fix=True)

    def manifest(fn: Callable[[dict], None]) -> Callable[[str, bytes], bytes]:
        return edit_manifest(fn)

    variant("huge row count", manifest(lambda m: m["tables"]["volunteer"].update(rows=10**15)))
    variant("row count not a number", manifest(lambda m: m["tables"]["volunteer"].update(rows="many")))
    variant("tables a list", manifest(lambda m: m.update(tables=list(m["tables"]))))
    variant("no revisions", manifest(lambda m: m.update(revisions=[])))
    variant("revisions a dict", manifest(lambda m: m.update(revisions={"a": 1})))
    variant("unknown revision", manifest(lambda m: m.update(revisions=["9999_future"])), {"too_new"})
    variant("format 2", manifest(lambda m: m.update(format=2)), {"too_new"})
    variant("a path as a table name", manifest(
        lambda m: m["tables"].update({"../../etc/passwd": m["tables"]["volunteer"]})))
    variant("a table the schema lacks", manifest(
        lambda m: m["tables"].update({"sqlite_master": m["tables"]["volunteer"]})))
    variant("columns renamed", manifest(
        lambda m: m["tables"]["volunteer"].update(columns=["x" + c for c in m["tables"]["volunteer"]["columns"]])))
    variant("columns repeated", manifest(
        lambda m: m["tables"]["volunteer"]["columns"].__setitem__(1, m["tables"]["volunteer"]["columns"][0])))

    def rows_of(table: str, fn: Callable[[list], object]) -> Callable[[str, bytes], bytes]:
        def change(name: str, data: bytes) -> bytes:
            if name != f"tables/{table}.jsonl":
                return data
            lines = data.splitlines()
            first = fn(json.loads(lines[0]))
            return b"\n".join([json.dumps(first, ensure_ascii=False).encode(), *lines[1:]]) + b"\n"
        return change

    variant("a row one value short", rows_of("volunteer", lambda r: r[:-1]), fix=True)
    variant("a row as an object", rows_of("volunteer", lambda r: {"id": r[0]}), fix=True)
    variant("a date that is no date", rows_of("volunteer", lambda r: [{"d": "2026-13-45"}, *r[1:]]), fix=True)
    variant("an id that is text", rows_of("volunteer", lambda r: ["x'; DROP TABLE volunteer; --", *r[1:]]),
            fix=True)
    variant("a duplicate id", lambda n, d: d + d.splitlines(keepends=True)[0] if n == "tables/team.jsonl" else d,
            fix=True)
    variant("truncated member", lambda n, d: d[: len(d) // 2] if n == "tables/shift.jsonl" else d, fix=True)
    # A member flagged as encrypted, one with an unknown compression method.
    for name, offset, value in (("encrypted member", 6, 0x01), ("unknown compression", 8, 99)):
        data = bytearray(src.read_bytes())
        with zipfile.ZipFile(src) as z:
            info = z.getinfo("tables/volunteer.jsonl")
        struct.pack_into("<H", data, info.header_offset + offset, value)  # the local header
        at = data.find(b"PK\x01\x02")
        while at >= 0:  # and the member's central directory entry (2 bytes further in)
            size = struct.unpack_from("<H", data, at + 28)[0]
            if bytes(data[at + 46:at + 46 + size]) == info.filename.encode():
                struct.pack_into("<H", data, at + offset + 2, value)
            at = data.find(b"PK\x01\x02", at + 4)
        (folder / f"{name}.vabak").write_bytes(bytes(data))
        add(name, folder / f"{name}.vabak", damaged)
    # SQLite files posing as backups.
    (folder / "half.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 4000)
    add("SQLite header, garbage after", folder / "half.db", damaged)
    import sqlite3

    con = sqlite3.connect(folder / "other-app.db")
    con.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    add("another app's SQLite file", folder / "other-app.db", foreign)
    con = sqlite3.connect(folder / "impostor.db")
    con.execute("CREATE TABLE alembic_version (version_num TEXT)")
    con.execute("CREATE TABLE volunteer (id INTEGER PRIMARY KEY)")
    con.execute("INSERT INTO alembic_version VALUES ('0006_accounts')")
    con.commit()
    con.close()
    add("our table names, not our tables", folder / "impostor.db", damaged)
    return out


def random_bytes(n: int) -> bytes:
    import random

    return random.Random(5).randbytes(n)


def test_hostile_backup_files_are_refused_cleanly(demo_db: Database, db: Database, demo_archive: Path,
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture) -> None:
    import time

    from volunteer_app.cli import main

    folder = tmp_path / "hostile"
    folder.mkdir()
    cases = _hostile_backups(demo_archive, folder)
    with db.session() as s:
        vs.create(s, vs.VolunteerData(name="留下来", mobile="13912345678"))
    before = rows(db)
    monkeypatch.setenv("VOLUNTEER_APP_DB", db.url)
    refused, written = [], []
    for name, (path, codes) in cases.items():
        start = time.perf_counter()
        try:
            restore_backup(db, path)
        except DatabaseError as exc:
            assert exc.code in codes, (name, exc.code, exc.details)
            refused.append(name)
        else:
            written.append(name)
        assert time.perf_counter() - start < 30, f"{name}: too slow to refuse"
        assert rows(db) == before, name
        assert main(["restore", "--check", str(path)]) == (1 if codes == {"too_new"} else 2), name
        err = capsys.readouterr().err
        assert "unexpected" not in err and "Traceback" not in err and err.strip(), (name, err)
    assert_sound(db)
    print(f"\nhostile backups: {len(cases)} tried, {len(refused)} refused cleanly, {len(written)} written: {written}")
    assert not written


@pytest.mark.sqlite_only
def test_backup_and_restore_while_another_program_writes_say_busy_and_change_nothing(
        demo_db: Database, demo_archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from volunteer_app import db as db_module

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_S", 0.3)
    clerk = open_database(demo_db.url)  # waits 0.3 s for a lock, not 10
    before, entries = rows(clerk), _backup_entries(clerk)
    holder = sqlite3.connect(sqlite_path(demo_db.url))
    holder.execute("BEGIN IMMEDIATE")  # another program's write, e.g. a restore of its own
    try:
        for action in (lambda: create_backup(clerk, tmp_path / "b.vabak"),
                       lambda: create_backup(clerk, tmp_path / "b.db"),
                       lambda: restore_backup(clerk, demo_archive)):
            with pytest.raises(DatabaseError) as err:
                action()
            assert err.value.code == "database_busy"
    finally:
        holder.rollback()
        holder.close()
    assert not (tmp_path / "b.vabak").exists() and not (tmp_path / "b.db").exists()
    assert rows(clerk) == before and _backup_entries(clerk) == entries
    assert_sound(clerk)
    clerk.dispose()


@pytest.mark.sqlite_only
def test_refused_restore_into_a_new_file_leaves_no_file(demo_archive: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture) -> None:
    from volunteer_app.cli import main
    from volunteer_app.paths import sqlite_url

    dup = rewrite_archive(demo_archive, tmp_path / "dup.vabak",
                          lambda n, d: d + d.splitlines(keepends=True)[0] if n == "tables/team.jsonl" else d,
                          fix_manifest=True)
    target = tmp_path / "new" / "rebuilt.db"
    assert main(["--db", sqlite_url(target), "restore", str(dup)]) == 2
    assert "is damaged" in capsys.readouterr().err
    assert not target.exists() and not target.parent.exists()
