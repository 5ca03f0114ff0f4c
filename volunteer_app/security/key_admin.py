"""Exporting and importing a database's key (administrators), for disaster recovery and
for a second PC on a shared server. The key store itself is :mod:`.keys`.

Importing is special: a PC without the key cannot write to the database's audit log, so
it cannot record a login either. The administrator's password is therefore checked
without writing (:func:`_check_administrator`), the key is checked against the
database's key check before it is stored, and only then is the import recorded (now
that the key is here). Possession of the right key file is what matters: the key
cannot be replaced by a wrong one (``key_mismatch``).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit, chain, keys
from .keys import KeyInfo, KeyStoreError
from .permissions import ADMINISTRATOR, Actor, PermissionDenied, accounts_enabled, require


@dataclass(frozen=True)
class ImportResult:
    """What ``keys import`` did: whose key, its fingerprint, where it is kept now."""

    database_id: str
    fingerprint: str
    where: str
    this_database: bool  # the key of the database that is open (else kept for a restore)
    replaced: bool  # a wrong key that was here before was replaced

    def to_json(self) -> dict:
        return {"database_id": self.database_id, "fingerprint": self.fingerprint, "where": self.where,
                "this_database": self.this_database, "replaced": self.replaced}


def key_info(session: Session) -> KeyInfo:
    """The database's id and the fingerprint of its key here (administrators)."""
    require(session, "operators.manage")
    database_id, _check = chain.database_settings(session.connection())
    return keys.info(database_id)


def export_database_key(session: Session, path: Path) -> KeyInfo:
    """Write the database's key to ``path`` (0600); recorded in the audit log.

    A new database without a key yet gets one now (its chain starts).
    """
    require(session, "operators.manage")
    database_id = chain.ensure_started(session)
    info = keys.export_key(database_id, Path(path))
    audit.record(session, "key_exported", "", "", Path(path).name, {"fingerprint": info.fingerprint})
    return info


def _check_administrator(session: Session, username: str | None, password: str | None) -> Actor:
    """The administrator whose password this is, checked without writing anything."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    from ..models.accounts import Operator
    from .accounts import LoginFailed

    op = session.scalar(select(Operator).where(Operator.username == (username or "")))
    if op is None or not op.active or password is None:
        raise LoginFailed("bad_credentials")
    if op.locked_until is not None and op.locked_until > datetime.now():
        raise LoginFailed("locked", until=op.locked_until)
    try:
        PasswordHasher().verify(op.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise LoginFailed("bad_credentials") from None
    if op.role != ADMINISTRATOR:
        raise PermissionDenied(action="operators.manage", role=op.role)
    return Actor(name=op.display_name or op.username, role=op.role, operator_id=op.id, team_id=op.team_id)


def import_database_key(db, path: Path, username: str | None = None,  # noqa: ANN001
                        password: str | None = None) -> ImportResult:
    """Take a key file exported on another PC (or before a reinstall).

    The key of the open database must match its key check (``key_mismatch`` otherwise);
    a key of another database (a backup about to be restored) is kept for it. With
    accounts on, an administrator's user name and password are required.
    """
    database_id_in_file, key = keys.read_key_file(Path(path))
    with db.session() as s:
        database_id, check = chain.database_settings(s.connection())
        actor = _check_administrator(s, username, password) if accounts_enabled(s) else None
    this_database = database_id_in_file == database_id
    replaced = False
    if this_database:
        _ck, expected = chain.chain_key_for(database_id, key)
        if not hmac.compare_digest(expected, check or ""):
            raise KeyStoreError("key_mismatch", database_id=database_id)
        current = keys.load_key(database_id)
        replaced = current is not None and not hmac.compare_digest(current, key)
        where = keys.store_key(database_id, key, replace=replaced)
    else:
        where = keys.store_key(database_id_in_file, key)
    if this_database:
        with db.session() as s:
            if actor is not None:
                s.info["actor"] = actor
            audit.record(s, "key_imported", "", "", Path(path).name,
                         {"fingerprint": keys.fingerprint(key), "replaced": replaced})
    return ImportResult(database_id_in_file, keys.fingerprint(key), where, this_database, replaced)
