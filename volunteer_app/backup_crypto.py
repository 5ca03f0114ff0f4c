"""Encryption of ``.vabak`` archives: a stolen USB stick with a backup shows nothing.

Why this design:

* **Outer layer around the zip archive.** The archive (:mod:`volunteer_app.backup`) is
  written as before into a private working folder in the data directory (0700, never on
  the USB stick where a deleted plaintext would stay readable on flash), then encrypted
  into the output file. Restore decrypts into such a folder and checks the plain archive
  exactly as before. The checks of the archive's contents stay in one place.
* **AES-256-GCM in chunks of 1 MiB** (``cryptography``): a database of 100,000 volunteers
  never sits in memory. Each chunk's nonce is a random 7-byte prefix, the chunk counter
  (4 bytes) and a last-chunk flag (1 byte); every chunk authenticates the whole header
  (its SHA-256 is the associated data). Reordered, dropped, repeated or appended chunks,
  a cut-off file or any changed byte of header or body fail authentication: refused as
  ``backup_tampered``, nothing restored.
* **The key** comes from either
  - a **passphrase** the administrator chooses: Argon2id (``argon2-cffi``, already used
    for operators' passwords) with 64 MiB, 3 passes, a random 16-byte salt; parameters
    and salt are in the header, bounded when read (a hostile file cannot make us
    allocate gigabytes); or
  - the **database key** (:mod:`volunteer_app.security.keys`, HKDF purpose ``backup``):
    the nightly automatic backup and the backups of roles that may not see ID numbers.
    The header names the database id, so a PC holding that database's key (after
    ``volunteer-app keys import``) restores it; without the key it is unreadable.
* **A wrong passphrase is told apart from tampering** by a key check in the header
  (HMAC of a fixed text under the derived key, 16 bytes): a wrong passphrase gives
  ``backup_wrong_passphrase``, a changed body ``backup_tampered``. The check offers an
  attacker nothing the first chunk's tag would not: every guess costs one Argon2id run.

File layout: ``MAGIC`` (8 bytes), header length (4 bytes, big-endian), header (JSON,
UTF-8), then chunks, each its ciphertext length (4 bytes) and ciphertext with its tag.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path

from .errors import DatabaseError

MAGIC = b"VABAKENC"
FORMAT_VERSION = 1
CHUNK = 1 << 20
MAX_HEADER = 4096
MIN_PASSPHRASE = 10
# Argon2id: about 0.3 s on an office PC; within OWASP's recommendations.
ARGON2_TIME, ARGON2_MEMORY_KIB, ARGON2_LANES = 3, 64 * 1024, 1
# Accepted when read (a header is attacker-controlled until its check passes).
MAX_TIME, MAX_MEMORY_KIB, MAX_LANES = 10, 1024 * 1024, 16
_TAG = 16
_CHECK_TEXT = b"volunteer-app backup key check"


@dataclass(frozen=True)
class Secret:
    """How a backup is (to be) encrypted: a passphrase, or this database's key."""

    passphrase: str | None = None
    database_id: str | None = None  # with the database key of this id

    @property
    def uses_database_key(self) -> bool:
        return self.passphrase is None


def is_encrypted(path: Path) -> bool:
    """The file is a regular file that starts as an encrypted backup does (a named pipe or
    a device is never opened: reading a pipe would wait for a writer for ever)."""
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def check_passphrase(passphrase: str) -> str:
    """A passphrase fit to protect a backup (at least ``MIN_PASSPHRASE`` characters)."""
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise DatabaseError("passphrase_too_short", minimum=MIN_PASSPHRASE)
    return passphrase


def _argon2(passphrase: str, salt: bytes, t: int, m: int, p: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=t, memory_cost=m,
                           parallelism=p, hash_len=32, type=Type.ID)


def _database_master(database_id: str) -> bytes:
    from .security.keys import BACKUP, KeyStoreError, derive, load_key, valid_database_id

    if not valid_database_id(database_id):
        raise KeyStoreError("key_missing", database_id="")
    key = load_key(database_id)
    if key is None:
        raise KeyStoreError("key_missing", database_id=database_id)
    return derive(key, database_id, BACKUP)


def _subkeys(master: bytes) -> tuple[bytes, bytes]:
    """(encryption key, key check) from the master key."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    enc = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=b"volunteer-app:vabak:aes-256-gcm").derive(master)
    check = hmac.new(master, _CHECK_TEXT, hashlib.sha256).digest()[:16]
    return enc, check


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def encrypt_file(plain: Path, output: Path, secret: Secret) -> None:
    """Encrypt ``plain`` into ``output`` (a new, private, empty file), chunk by chunk."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header: dict = {"format": FORMAT_VERSION, "cipher": "AES-256-GCM", "chunk": CHUNK,
                    "nonce_prefix": base64.b64encode(secrets.token_bytes(7)).decode("ascii")}
    if secret.passphrase is not None:
        salt = secrets.token_bytes(16)
        header["kdf"] = {"name": "argon2id", "t": ARGON2_TIME, "m": ARGON2_MEMORY_KIB,
                         "p": ARGON2_LANES, "salt": base64.b64encode(salt).decode("ascii")}
        master = _argon2(secret.passphrase, salt, ARGON2_TIME, ARGON2_MEMORY_KIB, ARGON2_LANES)
    else:
        header["kdf"] = {"name": "database-key", "database_id": secret.database_id}
        master = _database_master(str(secret.database_id))
    enc, check = _subkeys(master)
    header["check"] = base64.b64encode(check).decode("ascii")
    raw = json.dumps(header, sort_keys=True).encode("utf-8")
    aad = hashlib.sha256(MAGIC + raw).digest()
    prefix = base64.b64decode(header["nonce_prefix"])
    aes = AESGCM(enc)
    with open(plain, "rb") as src, open(output, "r+b") as dst:
        dst.write(MAGIC + struct.pack(">I", len(raw)) + raw)
        index = 0
        chunk = src.read(CHUNK)
        while True:
            following = src.read(CHUNK) if len(chunk) == CHUNK else b""
            last = not following
            sealed = aes.encrypt(_nonce(prefix, index, last), chunk, aad)
            dst.write(struct.pack(">I", len(sealed)) + sealed)
            if last:
                break
            chunk, index = following, index + 1
        dst.flush()
        os.fsync(dst.fileno())


def read_header(source: Path) -> dict:
    """The header of an encrypted backup, its fields checked (``backup_damaged`` if not)."""
    with open(source, "rb") as fh:
        return _header(fh, source)[0]


def _header(fh, source: Path) -> tuple[dict, bytes]:  # noqa: ANN001
    def bad(reason: str) -> DatabaseError:
        return DatabaseError("backup_damaged", path=str(source), reason=f"header {reason}")

    if fh.read(len(MAGIC)) != MAGIC:
        raise DatabaseError("backup_foreign", path=str(source))
    size = fh.read(4)
    if len(size) != 4 or not 0 < struct.unpack(">I", size)[0] <= MAX_HEADER:
        raise bad("length")
    raw = fh.read(struct.unpack(">I", size)[0])
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise bad("json") from None
    if not isinstance(header, dict):
        raise bad("json")
    if header.get("format") != FORMAT_VERSION:
        raise DatabaseError("too_new", revision=f"encryption {header.get('format')}")
    kdf = header.get("kdf")
    try:
        if header.get("cipher") != "AES-256-GCM" or header.get("chunk") != CHUNK:
            raise ValueError("cipher")
        if len(base64.b64decode(header["nonce_prefix"], validate=True)) != 7:
            raise ValueError("nonce")
        if len(base64.b64decode(header["check"], validate=True)) != 16:
            raise ValueError("check")
        if not isinstance(kdf, dict):
            raise ValueError("kdf")
        if kdf.get("name") == "argon2id":
            t, m, p = kdf.get("t"), kdf.get("m"), kdf.get("p")
            ints = all(isinstance(v, int) and not isinstance(v, bool) for v in (t, m, p))
            if not ints or not (1 <= t <= MAX_TIME and 8 * p <= m <= MAX_MEMORY_KIB and 1 <= p <= MAX_LANES):
                raise ValueError("kdf")
            if len(base64.b64decode(kdf["salt"], validate=True)) < 16:
                raise ValueError("salt")
        elif kdf.get("name") != "database-key" or not isinstance(kdf.get("database_id"), str):
            raise ValueError("kdf")
    except (KeyError, TypeError, ValueError) as exc:
        raise bad(str(exc) if isinstance(exc, ValueError) else "fields") from None
    return header, raw


def needs_passphrase(source: Path) -> bool:
    """An encrypted backup opened by a passphrase (not by the database key)."""
    return read_header(source)["kdf"]["name"] == "argon2id"


def decrypt_file(source: Path, output: Path, passphrase: str | None) -> dict:
    """Decrypt ``source`` into ``output`` (a new, private, empty file); returns the header.

    Errors: ``backup_passphrase_needed`` (none given for a passphrase backup),
    ``backup_wrong_passphrase``, ``key_missing`` (a database-key backup on a PC without
    that key), ``backup_tampered`` (anything changed, cut off or appended).
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    with open(source, "rb") as src, open(output, "r+b") as dst:
        end = os.fstat(src.fileno()).st_size
        header, raw = _header(src, source)
        kdf = header["kdf"]
        if kdf["name"] == "argon2id":
            if passphrase is None:
                raise DatabaseError("backup_passphrase_needed", path=str(source))
            master = _argon2(passphrase, base64.b64decode(kdf["salt"]), kdf["t"], kdf["m"], kdf["p"])
        else:
            master = _database_master(kdf["database_id"])
        enc, check = _subkeys(master)
        if not hmac.compare_digest(check, base64.b64decode(header["check"])):
            if kdf["name"] == "argon2id":
                raise DatabaseError("backup_wrong_passphrase", path=str(source))
            raise DatabaseError("key_mismatch", database_id=kdf["database_id"])
        aad = hashlib.sha256(MAGIC + raw).digest()
        prefix = base64.b64decode(header["nonce_prefix"])
        aes = AESGCM(enc)
        tampered = DatabaseError("backup_tampered", path=str(source))
        index = 0
        while True:
            size = src.read(4)
            if len(size) != 4:
                raise tampered  # cut off before the last chunk
            length = struct.unpack(">I", size)[0]
            if not _TAG <= length <= CHUNK + _TAG:
                raise tampered
            sealed = src.read(length)
            if len(sealed) != length:
                raise tampered
            # The last chunk is the one the file ends with; its nonce says it is the last
            # (a file cut after a full chunk, or with chunks appended, fails here).
            last = src.tell() == end
            try:
                plain = aes.decrypt(_nonce(prefix, index, last), sealed, aad)
            except InvalidTag:
                raise tampered from None
            dst.write(plain)
            if last:
                break
            index += 1
            if index >= 1 << 32:
                raise tampered
        dst.flush()
    return header
