"""The audit log: every create, update and delete through the ORM is recorded
automatically at flush time; imports, exports, prints and logins are recorded
explicitly with :func:`record`. Entries are written when the unit of work commits,
chained to the ones before them with a keyed hash (:mod:`.chain`), together with the
protected rows (settings, operators, hours ledger) the unit of work changed.

Values of ID-card numbers are masked before they are written, and columns that only
exist for the machine (search keys, password hashes, version counters) are left out.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from ..validation import mask_id_number

# Imported now, not at the first commit: its flush hooks must see every unit of work.
from . import chain as _chain
from .id_numbers import masked as masked_id

# An encrypted ID number is recorded as one masked "id_number" change (last four only),
# never its ciphertext or keyed hash (:func:`_id_change`).
ID_COLUMNS = ("id_number_enc", "id_number_hash", "id_number_last4")
# Tables whose rows are the system's own bookkeeping, not things people change.
NOT_AUDITED = frozenset({"audit_entry", "audit_chain", "job_run", "reminder_log", "holiday_year"})
# A login's bookkeeping (last login, lockout) is recorded by its own login, login_failed
# and unlock entries, not as a change of the operator row on every attempt.
HIDDEN_COLUMNS = frozenset({"sort_key", "search_text", "version", "password_hash",
                            "failed_attempts", "created_at", "last_login_at", "locked_until",
                            *ID_COLUMNS})
MASKED_COLUMNS = frozenset({"id_number"})
# session.info key: entries recorded in this unit of work, written when it commits.
UNSEALED = "audit_unsealed"


def _plain(value: object) -> object:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _shown(column: str, value: object) -> object:
    if column in MASKED_COLUMNS and value:
        return mask_id_number(str(value))
    return _plain(value)


def _entity_id(obj: object) -> str:
    identity = inspect(obj).identity
    if identity is None:
        return ""
    return ",".join(str(v) for v in identity)


def _label(obj: object) -> str:
    for attr in ("name", "username", "title", "resident_name"):
        value = getattr(obj, attr, None)
        if isinstance(value, str) and value:
            return value
    return ""


def _now(session: Session) -> datetime:
    """The community's local wall-clock time, how every other time is stored (see
    :mod:`volunteer_app.clock`). Not this machine's clock: a server or container on UTC
    wrote entries 8 hours off the community's time (issue 18.13)."""
    from ..clock import local_now

    with session.no_autoflush:  # called from the flush hooks themselves
        return local_now(session)


def new_entry(session: Session, action: str, entity: str = "", entity_id: object = "",
              summary: str = "", changes: dict | None = None, *, who: str | None = None):  # noqa: ANN201
    """An audit entry of this unit of work's actor, not yet added to the session."""
    from ..models.accounts import AuditEntry
    from .permissions import actor_of

    actor = actor_of(session)
    return AuditEntry(
        at=_now(session),
        operator_id=None if who is not None else actor.operator_id,
        operator=(actor.name if who is None else who)[:40], action=action, entity=entity,
        entity_id=str(entity_id or ""), summary=summary,
        changes=json.dumps(changes or {}, ensure_ascii=False, default=str),
    )


def record(session: Session, action: str, entity: str = "", entity_id: object = "",
           summary: str = "", changes: dict | None = None, *, who: str | None = None):  # noqa: ANN201
    """Append one audit entry in the caller's unit of work; returns the entry.

    ``who`` names the person when nobody is logged in yet (a failed login attempt).
    The entry is written when the unit of work commits, chained to the entries before
    it (:func:`volunteer_app.security.chain.seal`): its ``id`` is known only then.
    """
    entry = new_entry(session, action, entity, entity_id, summary, changes, who=who)
    session.info.setdefault(UNSEALED, []).append(entry)
    return entry


def _collect(session: Session) -> list[tuple]:
    entries = []
    for obj in list(session.new):
        table = getattr(obj, "__tablename__", None)
        if table and table not in NOT_AUDITED:
            mapper = inspect(obj).mapper
            changes = {}
            for attr in mapper.column_attrs:
                key = attr.key
                if key in HIDDEN_COLUMNS:
                    continue
                value = getattr(obj, key, None)
                if value not in (None, "", False):
                    changes[key] = [None, _shown(key, value)]
            if getattr(obj, "id_number_last4", None):
                changes["id_number"] = [None, masked_id(obj.id_number_last4)]
            entries.append(("create", obj, table, changes))
    for obj in list(session.dirty):
        table = getattr(obj, "__tablename__", None)
        if not table or table in NOT_AUDITED or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        changes = {}
        for attr in state.mapper.column_attrs:
            if attr.key in HIDDEN_COLUMNS:
                continue
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if old != new:
                    changes[attr.key] = [_shown(attr.key, old), _shown(attr.key, new)]
        changes.update(_id_change(state))
        if changes:
            entries.append(("update", obj, table, changes))
    for obj in list(session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table and table not in NOT_AUDITED:
            entries.append(("delete", obj, table, {}))
    return entries


def _id_change(state) -> dict:  # noqa: ANN001
    """``{"id_number": [old, new]}`` masked, when the stored ID number changed."""
    if "id_number_hash" not in state.attrs or not state.attrs["id_number_hash"].history.has_changes():
        return {}
    hist = state.attrs["id_number_last4"].history
    now = state.attrs["id_number_last4"].value
    old = hist.deleted[0] if hist.deleted else (hist.unchanged[0] if hist.unchanged else now)
    return {"id_number": [masked_id(old) or None, masked_id(now) or None]}


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx, _instances) -> None:  # noqa: ANN001
    pending = session.info.setdefault("audit_pending", [])
    pending.extend(_collect(session))


@event.listens_for(Session, "after_flush_postexec")
def _after_flush(session: Session, _ctx) -> None:  # noqa: ANN001
    pending = session.info.pop("audit_pending", [])
    if not pending:
        return
    # New rows have their ids only now; entries are added for the next flush/commit.
    for action, obj, table, changes in pending:
        try:
            entity_id = _entity_id(obj)
        except Exception:  # a deleted/expunged object
            entity_id = ""
        session.info.setdefault("audit_ready", []).append(
            (action, table, entity_id, _label(obj), changes)
        )


# Above this many new rows of one table in one unit of work (a generated year of
# shifts, a demo load) one summary entry is written instead of one per row.
SUMMARISE_ABOVE = 50


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    # What is still unflushed is written first, so that its entries are recorded too.
    session.flush()
    ready = session.info.pop("audit_ready", [])
    creates: dict[str, list] = {}
    for item in ready:
        if item[0] == "create":
            creates.setdefault(item[1], []).append(item)
    bulky = {t for t, items in creates.items() if len(items) > SUMMARISE_ABOVE}
    for action, table, entity_id, label, changes in ready:
        if action == "create" and table in bulky:
            continue
        record(session, action, table, entity_id, label, changes)
    for table in sorted(bulky):
        ids = [i[2] for i in creates[table]]
        record(session, "create", table, "", f"{len(ids)} rows",
               {"ids": [ids[0], ids[-1]], "count": len(ids)})
    if session.in_nested_transaction():
        return  # a savepoint: the entries are sealed when the unit of work commits
    _chain.seal(session, session.info.pop(UNSEALED, []))
    # That flush recorded nothing itself (audit entries are not audited).
    session.info.pop("audit_ready", None)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop("audit_pending", None)
    session.info.pop("audit_ready", None)
    session.info.pop(UNSEALED, None)
