"""The per-database secret, kept outside the database, and the keys derived from it.

Why outside: whoever holds the database file (a copy on a USB stick, a SQLite editor on
the office PC) must not be able to recompute what the secret protects: the audit log's
chain of keyed hashes (:mod:`.chain`), later the encryption of ID numbers. A key stored
in the database would protect nothing.

Where:

* the database carries only a random **database id** (``app_setting`` row
  ``database_id``, 32 hex digits) and a **key check** (``key_check``: a keyed hash of the
  id, so that a wrong key is told apart from a tampered log);
* the secret itself (32 random bytes) is in the operating system's keyring where one
  works (Windows Credential Manager, macOS Keychain, a Secret Service on a Linux
  desktop: the ``keyring`` package), else in a key file ``<id>.key`` in the per-user
  configuration directory (``keys/``, or ``$VOLUNTEER_APP_KEYS``). A headless Linux has
  no keyring backend: ``keyring`` then offers only its "fail" backend, which is treated as
  none. Backends that keep secrets in plain files of their own (``keyrings.alt``) are not
  used either: the key file below is as good and its permissions are ours.
* The key folder is made 0700, each key file 0600, created under a temporary name
  opened with ``O_EXCL`` and mode 0600 from the first byte (never world-readable, not even
  for an instant) and then linked to its name, which fails if a key is already there: a
  key is never overwritten by creating one.

Purpose keys are derived with HKDF-SHA256 (``cryptography``): the database id as salt, the
purpose (``audit-chain``, ``id-numbers``, ``key-check``, ``backup``) as info. One secret per
database, one key per use.

Disaster recovery: :func:`export_key` writes the secret to a file (0600) the administrator
keeps somewhere safe (``volunteer-app keys export FILE``); :func:`import_key` takes it
back on a new PC or after a reinstall (``keys import FILE``). Another PC working on the
same shared PostgreSQL database needs the key too: without it, it can neither add to the
audit log's chain nor check it, and says so (``key_missing``).

``keyring`` and ``cryptography`` are imported only when a key is first needed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import AppError
from ..paths import config_dir

KEY_BYTES = 32
DATABASE_ID_SETTING = "database_id"
KEY_CHECK_SETTING = "key_check"
KEYRING_SERVICE = "volunteer-app"
ENV_KEYS_DIR = "VOLUNTEER_APP_KEYS"
# "off": never use the OS keyring (tests; an office that wants the key file only).
ENV_KEYRING = "VOLUNTEER_APP_KEYRING"
KEY_FILE_FORMAT = "volunteer-app-key"
KEY_FILE_VERSION = 1
MAX_KEY_FILE_BYTES = 64 * 1024

AUDIT_CHAIN = "audit-chain"
ID_NUMBERS = "id-numbers"
KEY_CHECK = "key-check"
BACKUP = "backup"  # encrypted .vabak archives made with the database key (backup_crypto)
PURPOSES = (AUDIT_CHAIN, ID_NUMBERS, KEY_CHECK, BACKUP)

# Exactly what new_database_id makes: a tampered id must never become a path ("../x").
_DATABASE_ID = re.compile(r"[0-9a-f]{32}")

_lock = threading.Lock()
_cache: dict[str, bytes] = {}
_keyring_state: dict[str, object] = {}


class KeyStoreError(AppError):
    """A key problem, by code: ``key_missing`` (this PC has no key for the database, or
    the database has no id), ``key_file_invalid`` (not a key file of this app),
    ``key_mismatch`` (the key does not belong to this database), ``key_store_failed``
    (the key could not be stored or written)."""

    code = "key_missing"


@dataclass(frozen=True)
class KeyInfo:
    """What the command line shows about a key: never the key itself."""

    database_id: str
    fingerprint: str
    where: str  # "keyring" or "file"

    def to_json(self) -> dict:
        return {"database_id": self.database_id, "fingerprint": self.fingerprint, "where": self.where}


# -- ids, derivation -------------------------------------------------------------------


def new_database_id() -> str:
    """A random database id (128 bits, hex)."""
    return secrets.token_hex(16)


def valid_database_id(value: object) -> bool:
    return isinstance(value, str) and _DATABASE_ID.fullmatch(value) is not None


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def derive(key: bytes, database_id: str, purpose: str) -> bytes:
    """The 32-byte key for ``purpose`` (HKDF-SHA256, salt = database id)."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown key purpose {purpose!r}")
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=database_id.encode("ascii"),
                info=b"volunteer-app:" + purpose.encode("ascii")).derive(key)


def key_check_value(key: bytes, database_id: str) -> str:
    """What the database stores to recognise its key (a keyed hash of its id)."""
    return hmac.new(derive(key, database_id, KEY_CHECK), database_id.encode("ascii"),
                    hashlib.sha256).hexdigest()


def fingerprint(key: bytes) -> str:
    """A short, non-secret name of a key, for comparing two PCs' keys by eye."""
    digest = hashlib.sha256(b"volunteer-app fingerprint\n" + key).hexdigest()[:16]
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


# -- where keys live -------------------------------------------------------------------


def keys_dir(create: bool = True) -> Path:
    """The key folder: ``$VOLUNTEER_APP_KEYS`` or ``keys`` in the configuration folder,
    made private (0700) when it is created, tightened if it is not."""
    env = os.environ.get(ENV_KEYS_DIR)
    path = Path(env) if env else config_dir() / "keys"
    if not create:
        return path
    try:
        if path.is_symlink():
            raise KeyStoreError("key_store_failed", path=str(path), reason="symlink")
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if sys.platform != "win32":
            st = path.stat()
            if stat.S_IMODE(st.st_mode) & 0o077 and st.st_uid == os.getuid():
                os.chmod(path, 0o700)
    except OSError as exc:
        raise KeyStoreError("key_store_failed", path=str(path), reason=exc.strerror or type(exc).__name__) from None
    return path


def key_file(database_id: str) -> Path:
    if not valid_database_id(database_id):
        raise KeyStoreError("key_missing", database_id="")
    return keys_dir() / f"{database_id}.key"


def _keyring():  # noqa: ANN202
    """The ``keyring`` module when a real backend works here, else None (cached)."""
    if os.environ.get(ENV_KEYRING, "").lower() in ("off", "0", "no", "false"):
        return None
    with _lock:
        if "module" in _keyring_state:
            return _keyring_state["module"]
        module = None
        try:
            import keyring

            backend = keyring.get_keyring()
            name = f"{type(backend).__module__}.{type(backend).__name__}"
            usable = not name.startswith(("keyring.backends.fail", "keyring.backends.null", "keyrings.alt"))
            if name == "keyring.backends.chainer.ChainerBackend":
                usable = bool(getattr(backend, "backends", ()))
            if usable and float(getattr(backend, "priority", 0)) >= 1:
                module = keyring
        except Exception:  # no backend, no D-Bus, a broken install: the key file it is
            module = None
        _keyring_state["module"] = module
        return module


def _keyring_name(database_id: str) -> str:
    return f"database-{database_id}"


def _from_keyring(database_id: str) -> bytes | None:
    kr = _keyring()
    if kr is None:
        return None
    try:
        value = kr.get_password(KEYRING_SERVICE, _keyring_name(database_id))
    except Exception:
        return None
    if not value:
        return None
    try:
        key = base64.b64decode(value, validate=True)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def _to_keyring(database_id: str, key: bytes) -> bool:
    """Store in the keyring; True only if it reads back the same."""
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.set_password(KEYRING_SERVICE, _keyring_name(database_id), base64.b64encode(key).decode("ascii"))
    except Exception:
        return False
    return _from_keyring(database_id) == key


def _encode_key_file(database_id: str, key: bytes) -> bytes:
    return (json.dumps({
        "format": KEY_FILE_FORMAT, "version": KEY_FILE_VERSION, "database_id": database_id,
        "key": base64.b64encode(key).decode("ascii"), "fingerprint": fingerprint(key),
    }, indent=1) + "\n").encode("ascii")


def parse_key_file(data: bytes, path: str = "") -> tuple[str, bytes]:
    """``(database_id, key)`` of a key file's bytes; ``key_file_invalid`` otherwise."""
    def bad(reason: str) -> KeyStoreError:
        return KeyStoreError("key_file_invalid", path=path, reason=reason)

    if len(data) > MAX_KEY_FILE_BYTES:
        raise bad("too_large")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise bad("not_json") from None
    if not isinstance(doc, dict) or doc.get("format") != KEY_FILE_FORMAT:
        raise bad("format")
    if doc.get("version") != KEY_FILE_VERSION:
        raise bad("version")
    database_id, encoded = doc.get("database_id"), doc.get("key")
    if not valid_database_id(database_id):
        raise bad("database_id")
    if not isinstance(encoded, str):
        raise bad("key")
    try:
        key = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise bad("key") from None
    if len(key) != KEY_BYTES:
        raise bad("key")
    return database_id, key


def _read_private(path: Path) -> bytes | None:
    """A key file's bytes (None if absent); a symlink or a non-file is refused."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyStoreError("key_store_failed", path=str(path), reason=exc.strerror or type(exc).__name__) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise KeyStoreError("key_store_failed", path=str(path), reason="not_a_file")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(MAX_KEY_FILE_BYTES + 1)
    finally:
        os.close(fd)


def write_private(path: Path, data: bytes, *, replace: bool) -> None:
    """Write ``data`` to ``path`` readable by its owner only (0600) from the first byte.

    Written to a temporary name in the same folder (``O_CREAT | O_EXCL``, mode 0600), made
    durable, then linked to ``path``: with ``replace`` False that fails if ``path``
    exists (a key is never overwritten), with ``replace`` True it is renamed over it.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # whatever an odd umask made of it
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise
            except OSError:
                # A file system without hard links (FAT on a USB stick): check, then rename.
                if path.exists() or path.is_symlink():
                    raise FileExistsError(str(path)) from None
                os.rename(tmp, path)
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _from_file(database_id: str) -> bytes | None:
    data = _read_private(key_file(database_id))
    if data is None:
        return None
    found_id, key = parse_key_file(data, str(key_file(database_id)))
    return key if found_id == database_id else None


def _to_file(database_id: str, key: bytes, *, replace: bool) -> None:
    path = key_file(database_id)
    try:
        write_private(path, _encode_key_file(database_id, key), replace=replace)
    except FileExistsError:
        raise
    except OSError as exc:
        raise KeyStoreError("key_store_failed", path=str(path), reason=exc.strerror or type(exc).__name__) from None


# -- the key store ---------------------------------------------------------------------


def load_key(database_id: str) -> bytes | None:
    """The secret of ``database_id`` on this PC (keyring first, then the key file)."""
    if not valid_database_id(database_id):
        return None
    with _lock:
        cached = _cache.get(database_id)
    if cached is not None:
        return cached
    key = _from_keyring(database_id)
    if key is None:
        key = _from_file(database_id)
    if key is not None:
        with _lock:
            _cache[database_id] = key
    return key


def where(database_id: str) -> str:
    """``keyring`` or ``file``: where the key of ``database_id`` is kept here ("" if nowhere)."""
    if _from_keyring(database_id) is not None:
        return "keyring"
    return "file" if valid_database_id(database_id) and key_file(database_id).exists() else ""


def store_key(database_id: str, key: bytes, *, replace: bool = False) -> str:
    """Keep ``key`` for ``database_id`` on this PC; returns where (``keyring``/``file``).

    Without ``replace`` an existing, different key is never overwritten
    (``key_mismatch``); the same key again is fine.
    """
    if not valid_database_id(database_id) or len(key) != KEY_BYTES:
        raise ValueError("bad database id or key")
    existing = load_key(database_id)
    if existing is not None and not replace:
        if hmac.compare_digest(existing, key):
            return where(database_id) or "file"
        raise KeyStoreError("key_mismatch", database_id=database_id)
    if _to_keyring(database_id, key):
        place = "keyring"
        if replace:  # an older file copy must not win when the keyring is gone one day
            try:
                key_file(database_id).unlink()
            except OSError:
                pass
    else:
        try:
            _to_file(database_id, key, replace=replace)
        except FileExistsError:
            # Another process made it meanwhile: theirs stands, and must equal ours.
            other = _from_file(database_id)
            if other is None or not hmac.compare_digest(other, key):
                raise KeyStoreError("key_mismatch", database_id=database_id) from None
        place = "file"
    with _lock:
        _cache[database_id] = key
    return place


def create_key(database_id: str) -> bytes:
    """A new secret for a new database id, stored before the id is committed anywhere."""
    if load_key(database_id) is not None:
        raise KeyStoreError("key_mismatch", database_id=database_id)
    key = new_key()
    store_key(database_id, key)
    return key


def forget_cache() -> None:
    """Drop keys held in memory (tests; after an import replaced one)."""
    with _lock:
        _cache.clear()
        _keyring_state.clear()


def info(database_id: str) -> KeyInfo:
    key = load_key(database_id)
    if key is None:
        raise KeyStoreError("key_missing", database_id=database_id)
    return KeyInfo(database_id, fingerprint(key), where(database_id))


def export_key(database_id: str, path: Path) -> KeyInfo:
    """Write the key of ``database_id`` to ``path`` (0600) for safe keeping."""
    key = load_key(database_id)
    if key is None:
        raise KeyStoreError("key_missing", database_id=database_id)
    path = Path(path)
    if path.exists() and not path.is_file():
        raise KeyStoreError("key_store_failed", path=str(path), reason="not_a_file")
    try:
        write_private(path, _encode_key_file(database_id, key), replace=True)
    except OSError as exc:
        raise KeyStoreError("key_store_failed", path=str(path), reason=exc.strerror or type(exc).__name__) from None
    return KeyInfo(database_id, fingerprint(key), "file")


def read_key_file(path: Path) -> tuple[str, bytes]:
    """``(database_id, key)`` from an exported key file."""
    path = Path(path)
    try:
        if not path.is_file():
            raise KeyStoreError("key_file_invalid", path=str(path), reason="missing")
        with path.open("rb") as fh:
            data = fh.read(MAX_KEY_FILE_BYTES + 1)
    except OSError as exc:
        raise KeyStoreError("key_file_invalid", path=str(path), reason=exc.strerror or type(exc).__name__) from None
    return parse_key_file(data, str(path))
