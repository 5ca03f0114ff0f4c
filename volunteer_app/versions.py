"""The version check of a save: against the version the clerk's form was made from, or,
inside one unit of work, against the version that unit of work read first.

Every editable row carries a version counter (``version_id_col``), and the ORM's UPDATE
only matches the row if the counter is still the one the session holds. That alone does
not protect a read-modify-write inside one unit of work: the session keeps unchanged rows
only weakly, so a row read at the start (to show it, to compute the new value) may be
gone from the session by the time the service saves, and is then loaded afresh, with a
newer counter another clerk committed meanwhile; the UPDATE matches that, and the other
clerk's save is lost. So every versioned row a session loads is noted here with the
counter it had first (and the counter this unit of work itself wrote), and
:func:`check` compares with that when no version was given.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, object_session

from .errors import ConflictError
from .models import Base

_KEY = "first_versions"


def _version_key(mapper) -> str | None:  # noqa: ANN001
    col = mapper.version_id_col
    return None if col is None else mapper.get_property_by_column(col).key


def _note(session: Session | None, obj: object, *, replace: bool) -> None:
    if session is None:
        return
    state = inspect(obj)
    key = _version_key(state.mapper)
    if key is None or state.identity is None:
        return
    version = state.dict.get(key)  # never a lazy load from inside a load event
    if version is None:
        return
    seen = session.info.setdefault(_KEY, {})
    ident = (state.mapper.local_table.name, state.identity)
    if replace or ident not in seen:
        seen[ident] = version


@event.listens_for(Base, "load", propagate=True)
def _on_load(target: object, context) -> None:  # noqa: ANN001
    _note(context.session, target, replace=False)


@event.listens_for(Base, "refresh", propagate=True)
def _on_refresh(target: object, context, _attrs) -> None:  # noqa: ANN001
    _note(context.session, target, replace=False)


@event.listens_for(Base, "after_update", propagate=True)
def _on_update(_mapper, _conn, target: object) -> None:  # noqa: ANN001
    # This unit of work's own save moves the counter it works from.
    _note(object_session(target), target, replace=True)


def first_read(session: Session, obj: object) -> int | None:
    """The version counter ``obj`` had when this unit of work first read it."""
    state = inspect(obj)
    key = _version_key(state.mapper)
    if key is None:
        return None
    ident = (state.mapper.local_table.name, state.identity)
    return session.info.get(_KEY, {}).get(ident, getattr(obj, key))


def check(session: Session, obj: object, expected_version: int | None, **details: object) -> None:
    """Refuse to save ``obj`` (``ConflictError("stale")``) unless its version is
    ``expected_version`` — the one the form was made from — or, when that is None, the
    version this unit of work read first. A row not in the database yet passes."""
    state = inspect(obj)
    key = _version_key(state.mapper)
    if key is None or state.identity is None:
        return
    expected = expected_version if expected_version is not None else first_read(session, obj)
    current = getattr(obj, key)
    if expected is not None and current != expected:
        raise ConflictError("stale", id=_plain_id(state.identity), version=current, **details)


def _plain_id(identity: tuple | None) -> object:
    if not identity:
        return None
    return identity[0] if len(identity) == 1 else list(identity)
