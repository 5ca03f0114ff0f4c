"""Issue 17.2: backups that do not leak.

A ``.vabak`` is encrypted (a passphrase, or the database key); a wrong passphrase and a
changed file are refused by their own codes; roles other than administrator get no
password hashes in their backups and no plain ``.db`` copy; a role without ``ids.view``
cannot choose a passphrase (its backup opens only where the database key is).
"""

from __future__ import annotations

import os
import sqlite3
import struct
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from volunteer_app import backup_crypto
from volunteer_app.backup import (
    _archive_from,
    create_backup,
    inspect_backup,
    restore_backup,
    verify_backup,
)
from volunteer_app.backup_access import plain_source
from volunteer_app.backup_crypto import CHUNK, MAGIC, Secret, decrypt_file, encrypt_file
from volunteer_app.cli import main
from volunteer_app.db import Database
from volunteer_app.errors import DatabaseError
from volunteer_app.security import accounts, keys
from volunteer_app.security.chain import database_settings
from volunteer_app.security.permissions import Actor

PASS = "correct horse battery"


def _accounts(db: Database) -> None:
    """Accounts on: an administrator, a coordinator and a clerk with passwords."""
    with db.session() as s:
        accounts.enable_accounts(s, "admin", "admin password 1")
    accounts.login_unit(db, "admin", "admin password 1")
    with db.session() as s:
        accounts.save_operator(s, None, "coord", "coordinator", password="coord password 1")
        accounts.save_operator(s, None, "clerk", "clerk", password="clerk password 1")


def _as(db: Database, who: str) -> None:
    accounts.login_unit(db, who, f"{who} password 1")


def _hashes(db: Database) -> dict[str, str]:
    with db.engine.connect() as conn:
        return dict(conn.execute(text("SELECT username, password_hash FROM operator")).all())


def _archive_hashes(path: Path, passphrase: str | None = None) -> list[str]:
    """The password hashes an archive holds (decrypted as a restore would)."""
    import json

    with plain_source(path, passphrase) as plain, zipfile.ZipFile(plain) as zf:
        cols = json.loads(zf.read("manifest.json"))["tables"]["operator"]["columns"]
        rows = [json.loads(line) for line in zf.read("tables/operator.jsonl").splitlines()]
    return [row[cols.index("password_hash")] for row in rows]


def _code(exc: pytest.ExceptionInfo) -> str:
    return exc.value.code


# -- the encrypted file ------------------------------------------------------------------


def test_archive_is_encrypted_and_shows_nothing(db: Database, tmp_path: Path) -> None:
    _accounts(db)
    path = tmp_path / "usb.vabak"
    create_backup(db, path, passphrase=PASS)
    data = path.read_bytes()
    assert data.startswith(MAGIC) and b"PK\x03\x04" not in data
    for visible in (b"coord", b"$argon2", b"manifest", "红石榴".encode()):
        assert visible not in data
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(path)
    assert inspect_backup(path, PASS)["encrypted"] == "passphrase"


def test_passphrase_round_trip_and_refusals(db: Database, new_db_url, tmp_path: Path) -> None:  # noqa: ANN001
    _accounts(db)
    path = tmp_path / "b.vabak"
    create_backup(db, path, passphrase=PASS)
    with pytest.raises(DatabaseError) as err:
        inspect_backup(path)
    assert _code(err) == "backup_passphrase_needed"
    with pytest.raises(DatabaseError) as err:
        inspect_backup(path, "wrong horse battery")
    assert _code(err) == "backup_wrong_passphrase"
    assert str(path) == err.value.details["path"]
    other = Database_from(new_db_url("other"))
    try:
        result = restore_backup(other, path, PASS)
        assert result["rows"]["operator"] == 3
        assert _hashes(other) == _hashes(db)  # an administrator's backup keeps them
    finally:
        other.dispose()


def Database_from(url: str) -> Database:  # noqa: N802
    from volunteer_app.db import open_database

    return open_database(url)


def test_short_passphrase_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as err:
        create_backup(db, tmp_path / "b.vabak", passphrase="short")
    assert _code(err) == "passphrase_too_short"
    assert not (tmp_path / "b.vabak").exists()


@pytest.mark.parametrize("damage", ["flip_body", "truncate", "append", "drop_last_chunk", "flip_header"])
def test_tampering_is_refused(db: Database, tmp_path: Path, damage: str) -> None:
    path = tmp_path / "b.vabak"
    create_backup(db, path, passphrase=PASS)
    data = bytearray(path.read_bytes())
    header_end = len(MAGIC) + 4 + struct.unpack(">I", data[8:12])[0]
    if damage == "flip_body":
        data[header_end + 40] ^= 1
    elif damage == "truncate":
        del data[-10:]
    elif damage == "append":
        data += data[header_end:]
    elif damage == "drop_last_chunk":
        del data[header_end:]
    else:  # the cipher's name or a parameter changed in the header
        data[header_end - 3] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError) as err:
        verify_backup(path, PASS)
    assert _code(err) in ({"backup_damaged", "backup_tampered", "backup_wrong_passphrase"}
                          if damage == "flip_header" else {"backup_tampered"})


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK])
def test_chunks_round_trip(tmp_path: Path, size: int) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(os.urandom(size))
    enc, out = tmp_path / "enc", tmp_path / "out"
    enc.touch()
    out.touch()
    encrypt_file(plain, enc, Secret(passphrase=PASS))
    decrypt_file(enc, out, PASS)
    assert out.read_bytes() == plain.read_bytes()


def test_chunks_swapped_or_cut_at_a_chunk_boundary_are_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(os.urandom(3 * CHUNK))
    enc = tmp_path / "enc"
    enc.touch()
    encrypt_file(plain, enc, Secret(passphrase=PASS))
    data = enc.read_bytes()
    header_end = len(MAGIC) + 4 + struct.unpack(">I", data[8:12])[0]
    step = 4 + CHUNK + 16
    chunks = [data[header_end + i * step: header_end + (i + 1) * step] for i in range(3)]
    assert data[header_end + 3 * step:] == b""  # the third, full chunk is the last one
    for variant in (chunks[1] + chunks[0] + chunks[2],  # swapped
                    chunks[0] + chunks[1],  # the last chunk dropped: cut at a boundary
                    chunks[0] + chunks[1] + chunks[2] + chunks[2]):  # one repeated
        enc.write_bytes(data[:header_end] + variant)
        out = tmp_path / "out"
        out.unlink(missing_ok=True)
        out.touch()
        with pytest.raises(DatabaseError) as err:
            decrypt_file(enc, out, PASS)
        assert _code(err) == "backup_tampered"


def test_hostile_header_parameters_refused_before_any_work(tmp_path: Path) -> None:
    import base64
    import json

    header = {"format": 1, "cipher": "AES-256-GCM", "chunk": CHUNK, "nonce_prefix": base64.b64encode(b"1234567").decode(),
              "check": base64.b64encode(b"0" * 16).decode(),
              "kdf": {"name": "argon2id", "t": 3, "m": 1 << 30, "p": 1, "salt": base64.b64encode(b"s" * 16).decode()}}
    raw = json.dumps(header).encode()
    path = tmp_path / "evil.vabak"
    path.write_bytes(MAGIC + struct.pack(">I", len(raw)) + raw)
    with pytest.raises(DatabaseError) as err:
        inspect_backup(path, PASS)
    assert _code(err) == "backup_damaged"


def test_database_key_backup_needs_the_key(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "nightly.vabak"
    create_backup(db, path)  # no passphrase: the database key
    assert path.read_bytes().startswith(MAGIC)
    assert inspect_backup(path)["encrypted"] == "database_key"
    with db.engine.connect() as conn:
        database_id = database_settings(conn)[0]
    keys.forget_cache()
    kept = keys.key_file(database_id).read_bytes()
    keys.key_file(database_id).unlink()
    try:
        with pytest.raises(keys.KeyStoreError) as err:
            inspect_backup(path)
        assert _code(err) == "key_missing"
    finally:
        keys.key_file(database_id).write_bytes(kept)
        keys.forget_cache()
    assert verify_backup(path)["rows"]["operator"] == 0


def test_old_unencrypted_archive_still_restores(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "old.vabak"
    with db.engine.connect() as conn, conn.begin():  # what earlier versions wrote: a plain zip
        _archive_from(conn, db.engine.dialect.name, path)
    assert path.read_bytes()[:2] == b"PK"
    assert inspect_backup(path)["encrypted"] is None
    restore_backup(db, path)


# -- who may make which backup -----------------------------------------------------------


def test_coordinator_gets_no_plain_copy_no_passphrase_and_no_hashes(db: Database, tmp_path: Path) -> None:
    _accounts(db)
    _as(db, "coord")
    with pytest.raises(DatabaseError) as err:
        create_backup(db, tmp_path / "c.db")
    assert _code(err) == "backup_plain_refused"
    assert not (tmp_path / "c.db").exists()
    with pytest.raises(DatabaseError) as err:
        create_backup(db, tmp_path / "c.vabak", passphrase=PASS)
    assert _code(err) == "backup_passphrase_refused"
    create_backup(db, tmp_path / "c.vabak")
    assert inspect_backup(tmp_path / "c.vabak")["encrypted"] == "database_key"
    assert _archive_hashes(tmp_path / "c.vabak") == ["", "", ""]
    assert inspect_backup(tmp_path / "c.vabak")["password_hashes"] is False


def test_clerk_may_use_a_passphrase_but_gets_no_hashes(db: Database, tmp_path: Path) -> None:
    _accounts(db)
    _as(db, "clerk")
    with pytest.raises(DatabaseError) as err:
        create_backup(db, tmp_path / "c.db")
    assert _code(err) == "backup_plain_refused"
    create_backup(db, tmp_path / "c.vabak", passphrase=PASS)
    assert _archive_hashes(tmp_path / "c.vabak", PASS) == ["", "", ""]


def test_administrator_backup_has_hashes_and_plain_copy_allowed(db: Database, tmp_path: Path) -> None:
    _accounts(db)
    create_backup(db, tmp_path / "a.vabak", passphrase=PASS)
    assert all(h.startswith("$argon2") for h in _archive_hashes(tmp_path / "a.vabak", PASS))
    if db.is_sqlite:
        create_backup(db, tmp_path / "a.db")
        con = sqlite3.connect(tmp_path / "a.db")
        assert all(h.startswith("$argon2") for (h,) in con.execute("SELECT password_hash FROM operator"))
        con.close()


def test_restoring_a_backup_without_hashes_keeps_the_operators_passwords(db: Database, tmp_path: Path) -> None:
    _accounts(db)
    _as(db, "clerk")
    create_backup(db, tmp_path / "c.vabak", passphrase=PASS)
    before = _hashes(db)
    _as(db, "admin")
    restore_backup(db, tmp_path / "c.vabak", PASS)
    assert _hashes(db) == before
    _as(db, "coord")  # still logs in with the password they had


def test_backup_without_hashes_is_refused_where_no_administrator_could_log_in(
        db: Database, new_db_url, tmp_path: Path) -> None:  # noqa: ANN001
    _accounts(db)
    _as(db, "clerk")
    create_backup(db, tmp_path / "c.vabak", passphrase=PASS)
    fresh = Database_from(new_db_url("fresh"))  # a new PC: nobody's password to keep
    try:
        with pytest.raises(DatabaseError) as err:
            restore_backup(fresh, tmp_path / "c.vabak", PASS)
        assert _code(err) == "backup_without_passwords"
        assert _hashes(fresh) == {}  # nothing changed
    finally:
        fresh.dispose()


def test_nobody_logs_in_with_a_blanked_hash(db: Database) -> None:
    _accounts(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE operator SET password_hash = '' WHERE username = 'coord'"))
    with pytest.raises(accounts.LoginFailed):
        accounts.login_unit(db, "coord", "")
    db.actor = Actor(name="x")


# -- the command line --------------------------------------------------------------------


def test_cli_passphrase_from_file_env_and_wrong_one_exits_2(db: Database, tmp_path: Path, capsys,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    url = db.url
    pf = tmp_path / "pass.txt"
    pf.write_text(PASS + "\n", encoding="utf-8")
    out = tmp_path / "cli.vabak"
    assert main(["--db", url, "backup", "-o", str(out), "--passphrase-file", str(pf)]) == 0
    assert backup_crypto.needs_passphrase(out)
    assert main(["--db", url, "restore", "--check", str(out), "--passphrase-file", str(pf)]) == 0
    monkeypatch.setenv("VOLUNTEER_APP_BACKUP_PASSPHRASE", "not the passphrase")
    capsys.readouterr()
    assert main(["--db", url, "restore", "--check", str(out)]) == 2
    assert "wrong passphrase" in capsys.readouterr().err
    monkeypatch.setenv("VOLUNTEER_APP_BACKUP_PASSPHRASE", PASS)
    assert main(["--db", url, "restore", str(out)]) == 0
    monkeypatch.delenv("VOLUNTEER_APP_BACKUP_PASSPHRASE")
    # no terminal, no passphrase: told how to give one, exit 2
    assert main(["--db", url, "restore", "--check", str(out)]) == 2


def test_cli_coordinator_plain_copy_refused_exit_2(db: Database, tmp_path: Path, capsys,  # noqa: ANN001
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _accounts(db)
    db.actor = None
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", "coord password 1")
    out = tmp_path / "c.db"
    assert main(["--db", db.url, "--operator", "coord", "backup", "-o", str(out)]) == 2
    assert not out.exists()
    assert "administrator" in capsys.readouterr().err


def test_cli_tampered_backup_exits_2_and_says_so(db: Database, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "b.vabak"
    create_backup(db, out)
    data = bytearray(out.read_bytes())
    data[-5] ^= 1
    out.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["--db", db.url, "restore", str(out)]) == 2
    assert "changed or cut off" in capsys.readouterr().err


def test_newest_nightly_backup_is_found_among_encrypted_and_older_plain_ones(tmp_path: Path) -> None:
    from volunteer_app.db import newest_nightly_backup

    folder = tmp_path / "backups"
    folder.mkdir()
    for name in ("v-20261201-020000.db", "v-20261203-020000.vabak", "v-20261202-020000.vabak",
                 "other-20261209-020000.vabak"):
        (folder / name).write_bytes(b"")
    assert newest_nightly_backup(tmp_path / "v.db") == folder / "v-20261203-020000.vabak"
