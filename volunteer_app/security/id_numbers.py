"""ID-card numbers (身份证号) encrypted at rest, a keyed hash to find them, the last four to show.

Why: GB/T 35273 treats ID numbers as sensitive personal information. Whoever holds a copy
of the database file (a USB stick, a backup, a SQLite editor) must not read them. The
volunteer row therefore keeps:

* ``id_number_enc``: the number encrypted with AES-256-GCM (``cryptography``): one
  version byte, a random 96-bit nonce, the ciphertext and its tag. The associated data
  is the row's lookup hash, so a ciphertext moved to another row (by someone without the
  key) no longer opens;
* ``id_number_hash``: HMAC-SHA256 of the normalised number (unique): duplicate checks and
  the search for a full number compare hashes, never plaintext;
* ``id_number_last4``: the last four characters, enough for the masked form every
  screen, printout and export shows to roles without ``ids.view``, and readable on a PC
  that lacks the key.

The key is the ``id-numbers`` purpose key derived from the database's secret, which is
kept outside the database (:mod:`.keys`, the audit chain's :func:`.chain.chain_key`
finds it the same way). A PC without it can show masked numbers only: reading, adding or
searching a full number fails with ``key_missing`` (``key_mismatch`` for a wrong key).
A new database gets its id and secret with the first number stored
(:func:`.chain.ensure_started`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from dataclasses import dataclass

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..errors import AppError
from . import keys
from .keys import KeyStoreError

FORMAT_V1 = b"\x01"
NONCE_BYTES = 12
LAST = 4
MASK_LENGTH = 18  # a resident ID number's length: the masked form looks like one

_lock = threading.Lock()
_cache: dict[tuple[str, bytes], IdKeys] = {}


class IdNumberUnreadable(AppError):
    """A stored ciphertext does not open with this database's key (code
    ``id_number_unreadable``): altered, or moved from another row or database."""

    code = "id_number_unreadable"


@dataclass(frozen=True)
class IdKeys:
    """The two keys derived from the database's ``id-numbers`` key."""

    encrypt: bytes
    lookup: bytes


@dataclass(frozen=True)
class SealedId:
    """What a volunteer row stores for one ID number (all None for no number)."""

    enc: bytes | None
    hash: str | None
    last4: str | None

    def values(self) -> dict:
        return {"id_number_enc": self.enc, "id_number_hash": self.hash, "id_number_last4": self.last4}


NO_ID = SealedId(None, None, None)


def keys_from_secret(master: bytes, database_id: str) -> IdKeys:
    """The encryption and lookup keys of a database's secret (computed once)."""
    cache_key = (database_id, hashlib.sha256(master).digest())
    with _lock:
        found = _cache.get(cache_key)
    if found is None:
        base = keys.derive(master, database_id, keys.ID_NUMBERS)
        found = IdKeys(hmac.new(base, b"encrypt", hashlib.sha256).digest(),
                       hmac.new(base, b"lookup", hashlib.sha256).digest())
        with _lock:
            _cache[cache_key] = found
    return found


def keys_for_connection(conn: Connection) -> IdKeys:
    """The ID-number keys of the database on ``conn``: ``key_missing`` when it has no id
    or this PC has no key for it, ``key_mismatch`` when the key here is another one."""
    from .chain import database_settings

    database_id, check = database_settings(conn)
    if not keys.valid_database_id(database_id):
        raise KeyStoreError("key_missing", database_id="")
    master = keys.load_key(database_id)
    if master is None:
        raise KeyStoreError("key_missing", database_id=database_id)
    if not hmac.compare_digest(keys.key_check_value(master, database_id), check or ""):
        raise KeyStoreError("key_mismatch", database_id=database_id)
    return keys_from_secret(master, database_id)


def id_keys(session: Session, *, start: bool = False) -> IdKeys:
    """The ID-number keys of the session's database; ``start``: give a new database its
    id and secret first (storing a number needs them)."""
    cached = session.info.get("id_number_keys")
    if cached is not None:
        return cached
    if start:
        from .chain import ensure_started

        ensure_started(session)
    found = keys_for_connection(session.connection())
    session.info["id_number_keys"] = found
    return found


def lookup_hash(k: IdKeys, number: str) -> str:
    """The keyed hash of a normalised ID number (what duplicates and search compare)."""
    return hmac.new(k.lookup, b"id-number/1\n" + number.encode("ascii", "replace"), hashlib.sha256).hexdigest()


def seal_with(k: IdKeys, number: str | None) -> SealedId:
    """Encrypt a normalised ID number (None or "" = no number)."""
    if not number:
        return NO_ID
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    digest = lookup_hash(k, number)
    nonce = os.urandom(NONCE_BYTES)
    ct = AESGCM(k.encrypt).encrypt(nonce, number.encode("utf-8"), digest.encode("ascii"))
    return SealedId(FORMAT_V1 + nonce + ct, digest, number[-LAST:])


def open_with(k: IdKeys, enc: bytes | None, digest: str | None) -> str | None:
    """The plaintext of a stored ID number; ``id_number_unreadable`` if it does not open."""
    if enc is None:
        return None
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    enc = bytes(enc)
    if len(enc) < 1 + NONCE_BYTES + 16 or enc[:1] != FORMAT_V1:
        raise IdNumberUnreadable()
    try:
        plain = AESGCM(k.encrypt).decrypt(enc[1:1 + NONCE_BYTES], enc[1 + NONCE_BYTES:],
                                          (digest or "").encode("ascii", "replace"))
    except InvalidTag:
        raise IdNumberUnreadable() from None
    return plain.decode("utf-8")


def seal(session: Session, number: str | None) -> SealedId:
    """Encrypt a normalised ID number with the session's database key."""
    if not number:
        return NO_ID
    return seal_with(id_keys(session, start=True), number)


def assign(session: Session, vol: object, number: str | None) -> None:
    """Store ``number`` (normalised, or None) on a volunteer row, encrypted."""
    for name, value in seal(session, number).values().items():
        setattr(vol, name, value)


def reveal(session: Session, vol: object) -> str | None:
    """The full number of a volunteer row. No permission check and no audit entry here:
    callers are the services that check ``ids.view`` and record the read."""
    if getattr(vol, "id_number_enc", None) is None:
        return None
    return open_with(id_keys(session), vol.id_number_enc, vol.id_number_hash)  # type: ignore[attr-defined]


def hash_of(session: Session, number: str) -> str:
    """The keyed hash of a normalised number (``key_missing`` without the key)."""
    return lookup_hash(id_keys(session), number)


def masked(last4: str | None) -> str:
    """What a role without ``ids.view`` sees: ``**************1234`` ("" for none)."""
    if not last4:
        return ""
    return "*" * (MASK_LENGTH - len(last4)) + last4


def is_masked(value: object) -> bool:
    """Whether a form sent back the masked form (nothing typed over it)."""
    return isinstance(value, str) and value.startswith("*") and set(value[:-LAST]) == {"*"}
