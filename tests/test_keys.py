"""The per-database key kept outside the database (volunteer_app.security.keys): where it
is kept (OS keyring, else a private key file), that it is never world-readable nor
overwritten, purpose keys, and the ``keys export`` / ``keys import`` commands."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from volunteer_app.cli import main
from volunteer_app.db import Database
from volunteer_app.security import chain, keys
from volunteer_app.security.keys import KeyStoreError
from volunteer_app.services import teams

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A key folder of this test only (a PC of its own)."""
    path = tmp_path / "keys-here"
    monkeypatch.setenv(keys.ENV_KEYS_DIR, str(path))
    keys.forget_cache()
    yield path
    keys.forget_cache()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _started(db: Database) -> str:
    """The database's id, after one audited change started its chain."""
    with db.session() as s:
        teams.save_team(s, None, f"测试队{os.urandom(2).hex()}", "other")
    with db.session() as s:
        database_id, _ = chain.database_settings(s.connection())
    return database_id


def _url(db: Database) -> str:
    from sqlalchemy.engine import make_url

    return make_url(db.url).render_as_string(hide_password=False)


@posix_only
def test_key_file_is_private_from_the_first_byte(key_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """0700 folder, 0600 file, even with umask 0; no byte is written to a file others may read."""
    seen_modes: list[int] = []
    real_write = os.write

    def watching_write(fd: int, data: bytes) -> int:
        seen_modes.append(stat.S_IMODE(os.fstat(fd).st_mode))
        return real_write(fd, data)

    monkeypatch.setattr(keys.os, "write", watching_write)
    old = os.umask(0)
    try:
        database_id = keys.new_database_id()
        key = keys.create_key(database_id)
    finally:
        os.umask(old)
    assert seen_modes and all(m == 0o600 for m in seen_modes)
    assert _mode(key_dir) == 0o700
    path = key_dir / f"{database_id}.key"
    assert _mode(path) == 0o600
    assert [p.name for p in key_dir.iterdir()] == [path.name]  # no temporary file left
    keys.forget_cache()
    assert keys.load_key(database_id) == key


@posix_only
def test_a_loose_key_folder_is_tightened(key_dir: Path) -> None:
    key_dir.mkdir(mode=0o755)
    os.chmod(key_dir, 0o755)
    keys.create_key(keys.new_database_id())
    assert _mode(key_dir) == 0o700


def test_a_key_is_never_overwritten(key_dir: Path) -> None:
    database_id = keys.new_database_id()
    first = keys.create_key(database_id)
    before = (key_dir / f"{database_id}.key").read_bytes()
    with pytest.raises(KeyStoreError) as err:
        keys.store_key(database_id, keys.new_key())
    assert err.value.code == "key_mismatch"
    keys.forget_cache()  # another process, racing: the file made first stands
    with pytest.raises(KeyStoreError):
        keys.create_key(database_id)
    assert (key_dir / f"{database_id}.key").read_bytes() == before
    assert keys.load_key(database_id) == first


def test_a_tampered_database_id_never_becomes_a_path(key_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.key"
    outside.write_bytes(keys._encode_key_file("0" * 32, keys.new_key()))
    for bad in ("../outside", "../../etc/passwd", "0" * 31 + "/", "", "A" * 32):
        assert keys.load_key(bad) is None
        with pytest.raises(KeyStoreError):
            keys.key_file(bad)


def test_purpose_keys_differ_and_are_stable() -> None:
    master, database_id = keys.new_key(), keys.new_database_id()
    derived = {p: keys.derive(master, database_id, p) for p in keys.PURPOSES}
    assert len(set(derived.values())) == len(keys.PURPOSES)
    assert all(len(k) == 32 for k in derived.values())
    assert keys.derive(master, database_id, keys.AUDIT_CHAIN) == derived[keys.AUDIT_CHAIN]
    assert keys.derive(master, keys.new_database_id(), keys.AUDIT_CHAIN) != derived[keys.AUDIT_CHAIN]
    with pytest.raises(ValueError):
        keys.derive(master, database_id, "anything")


class _MemoryKeyring:
    """A keyring backend that works (as on Windows, macOS or a Linux desktop)."""

    priority = 5

    def __init__(self, fail: bool = False) -> None:
        self.items: dict[tuple[str, str], str] = {}
        self.fail = fail

    def get_password(self, service: str, name: str) -> str | None:
        if self.fail:
            raise RuntimeError("no D-Bus here")
        return self.items.get((service, name))

    def set_password(self, service: str, name: str, value: str) -> None:
        if self.fail:
            raise RuntimeError("no D-Bus here")
        self.items[(service, name)] = value


def _use_keyring(monkeypatch: pytest.MonkeyPatch, backend: object) -> None:
    import keyring

    monkeypatch.delenv(keys.ENV_KEYRING, raising=False)
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    monkeypatch.setattr(keyring, "get_password", backend.get_password)
    monkeypatch.setattr(keyring, "set_password", backend.set_password)
    keys.forget_cache()


def test_the_os_keyring_is_used_where_one_works(key_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = _MemoryKeyring()
    _use_keyring(monkeypatch, backend)
    database_id = keys.new_database_id()
    key = keys.create_key(database_id)
    assert keys.where(database_id) == "keyring"
    assert not (key_dir / f"{database_id}.key").exists()
    keys.forget_cache()
    assert keys.load_key(database_id) == key


def test_a_broken_keyring_falls_back_to_the_key_file(key_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _use_keyring(monkeypatch, _MemoryKeyring(fail=True))
    database_id = keys.new_database_id()
    key = keys.create_key(database_id)
    assert (key_dir / f"{database_id}.key").exists()
    keys.forget_cache()
    assert keys.load_key(database_id) == key


def test_headless_linux_keyring_is_not_a_keyring(key_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """keyring's own choice on a headless Linux is its "fail" backend: the key file it is."""
    from keyring.backends import fail

    _use_keyring(monkeypatch, fail.Keyring())
    assert keys._keyring() is None
    database_id = keys.new_database_id()
    keys.create_key(database_id)
    assert keys.where(database_id) == "file"


def test_key_file_format_is_checked(tmp_path: Path) -> None:
    good = keys._encode_key_file(keys.new_database_id(), keys.new_key())
    assert keys.parse_key_file(good)[1]
    doc = json.loads(good)
    bad_files = [b"", b"\xff\xfe", b"[]", b"{}" + b" " * keys.MAX_KEY_FILE_BYTES,
                 json.dumps({**doc, "format": "other"}).encode(),
                 json.dumps({**doc, "database_id": "../x"}).encode(),
                 json.dumps({**doc, "key": "c2hvcnQ="}).encode(),
                 json.dumps({**doc, "key": "not base64!"}).encode()]
    for data in bad_files:
        with pytest.raises(KeyStoreError) as err:
            keys.parse_key_file(data)
        assert err.value.code == "key_file_invalid"


# -- the commands ---------------------------------------------------------------------


def test_export_then_import_on_a_new_computer(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture) -> None:
    url = _url(db)
    database_id = _started(db)
    out = tmp_path / "usb" / "office.key"
    out.parent.mkdir()
    assert main(["--db", url, "keys", "export", str(out)]) == 0
    if sys.platform != "win32":
        assert _mode(out) == 0o600
    assert keys.read_key_file(out)[0] == database_id
    # A new computer: its own (empty) key store. It can read, but not write.
    monkeypatch.setenv(keys.ENV_KEYS_DIR, str(tmp_path / "new-pc-keys"))
    keys.forget_cache()
    capsys.readouterr()
    with pytest.raises(KeyStoreError) as err, db.session() as s:
        teams.save_team(s, None, "新电脑的队", "other")
    assert err.value.code == "key_missing"
    assert main(["--db", url, "audit", "verify"]) == 1
    assert "keys import" in capsys.readouterr().out
    assert main(["--db", url, "keys", "import", str(out)]) == 0
    with db.session() as s:
        teams.save_team(s, None, "新电脑的队", "other")
    assert main(["--db", url, "audit", "verify"]) == 0
    actions = [e.action for e in _entries(db)]
    assert "key_exported" in actions and "key_imported" in actions


def test_import_refuses_a_wrong_key(db: Database, tmp_path: Path, key_dir: Path,
                                    capsys: pytest.CaptureFixture) -> None:
    database_id = _started(db)
    before = keys.load_key(database_id)
    forged = tmp_path / "forged.key"
    forged.write_bytes(keys._encode_key_file(database_id, keys.new_key()))
    garbage = tmp_path / "garbage.key"
    garbage.write_bytes(os.urandom(300))
    for path in (forged, garbage, tmp_path / "missing.key"):
        capsys.readouterr()
        assert main(["--db", _url(db), "keys", "import", str(path)]) == 2
        assert capsys.readouterr().err.startswith("volunteer-app: ")
    keys.forget_cache()
    assert keys.load_key(database_id) == before


def test_a_wrong_key_on_this_computer_is_replaced_by_the_right_one(db: Database, tmp_path: Path) -> None:
    database_id = _started(db)
    right = tmp_path / "right.key"
    keys.export_key(database_id, right)
    keys.store_key(database_id, keys.new_key(), replace=True)  # say, a bad restore of the key folder
    keys.forget_cache()
    with pytest.raises(KeyStoreError) as err, db.session() as s:
        teams.save_team(s, None, "写不进去", "other")
    assert err.value.code == "key_mismatch"
    assert main(["--db", _url(db), "keys", "import", str(right)]) == 0
    assert main(["--db", _url(db), "audit", "verify"]) == 0


def test_keys_commands_are_for_administrators(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture) -> None:
    from volunteer_app.security import accounts

    url = _url(db)
    with db.session() as s:
        accounts.enable_accounts(s, "admin", "correct horse")
    accounts.login_unit(db, "admin", "correct horse")
    with db.session() as s:
        accounts.save_operator(s, None, "clerk1", "clerk", password="clerkpass1")
    db.actor = None
    out = tmp_path / "k.key"
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", "clerkpass1")
    assert main(["--db", url, "--operator", "clerk1", "keys", "export", str(out)]) == 1
    assert not out.exists()
    assert main(["--db", url, "keys", "export", str(out)]) == 2  # nobody logged in
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", "correct horse")
    assert main(["--db", url, "--operator", "admin", "keys", "export", str(out)]) == 0
    # Importing checks the administrator without writing (this PC may lack the key).
    monkeypatch.setenv(keys.ENV_KEYS_DIR, str(tmp_path / "other-pc"))
    keys.forget_cache()
    assert main(["--db", url, "keys", "import", str(out)]) == 2  # login required
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", "wrong password")
    assert main(["--db", url, "--operator", "admin", "keys", "import", str(out)]) == 2
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", "clerkpass1")
    assert main(["--db", url, "--operator", "clerk1", "keys", "import", str(out)]) == 1
    assert keys.load_key(keys.read_key_file(out)[0]) is None
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", "correct horse")
    assert main(["--db", url, "--operator", "admin", "keys", "import", str(out)]) == 0
    imported = [e for e in _entries(db) if e.action == "key_imported"]
    assert imported and imported[0].operator == "admin"


def _entries(db: Database) -> list:
    from sqlalchemy import select

    from volunteer_app.models.accounts import AuditEntry

    with db.engine.connect() as conn:
        return list(conn.execute(select(AuditEntry.__table__).order_by(AuditEntry.id)))
