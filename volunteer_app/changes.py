"""What a unit of work changed, as topics the front ends subscribe to.

Why here and not in the screens: a screen that saves something used to announce by hand
which data it had changed ("done writes hours"), restating rules the core owns and
forgetting some (a restore announced "requests", a topic nobody listened to). Now the
unit of work itself collects what it wrote, from the ORM's own bookkeeping, and
:class:`volunteer_app.db.Database` announces the topics after the commit to whoever
subscribed (the desktop's context turns them into Qt signals on the UI thread). Like
Anki's ``OpChanges``: the front end learns what changed from the core, not from itself.

A topic is a plain string constant below. Tables map to topics in :data:`TABLE_TOPICS`;
a unit of work that changes data the ORM cannot see (a restore copying whole tables)
marks its topics with :func:`mark`.

This module imports nothing at load time: the desktop's window compares topics before the
first paint, long before the database layer is loaded. :func:`install` (called by
:mod:`volunteer_app.db`) hooks the collection into SQLAlchemy's sessions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import ORMExecuteState, Session

VOLUNTEERS = "volunteers"  # the register, memberships, availability, leave and limits
TEAMS = "teams"
GRIDS = "grids"
COMMUNITY = "community"  # the community's own details (name, time zone, service hall)
SHIFTS = "shifts"  # duties, templates, assignments, auto-fill batches, the holiday table
ORDERS = "orders"  # residents' requests and their events
HOURS = "hours"  # service hours entries
OPERATORS = "operators"  # accounts, roles, accounts switched on or off
JOBS = "jobs"  # the scheduled jobs' settings
REMINDERS = "reminders"  # job runs and the reminders they sent
AUDIT = "audit"

ALL: frozenset[str] = frozenset({VOLUNTEERS, TEAMS, GRIDS, COMMUNITY, SHIFTS, ORDERS, HOURS,
                                 OPERATORS, JOBS, REMINDERS, AUDIT})

TABLE_TOPICS: dict[str, frozenset[str]] = {
    "volunteer": frozenset({VOLUNTEERS}),
    "membership": frozenset({VOLUNTEERS, TEAMS}),
    "availability_window": frozenset({VOLUNTEERS}),
    "volunteer_leave": frozenset({VOLUNTEERS}),
    "volunteer_limit": frozenset({VOLUNTEERS}),
    "team": frozenset({TEAMS}),
    "grid": frozenset({GRIDS}),
    "community": frozenset({COMMUNITY}),
    "shift": frozenset({SHIFTS}),
    "shift_template": frozenset({SHIFTS}),
    "shift_skip": frozenset({SHIFTS}),
    "generation_batch": frozenset({SHIFTS}),
    "assignment": frozenset({SHIFTS}),
    "autofill_batch": frozenset({SHIFTS}),
    "autofill_batch_assignment": frozenset({SHIFTS}),
    "holiday": frozenset({SHIFTS}),
    "holiday_year": frozenset({SHIFTS}),
    "holiday_change": frozenset({SHIFTS}),  # a recorded change of the table (undoable)
    "resident_request": frozenset({ORDERS}),
    "request_event": frozenset({ORDERS}),
    "hours_entry": frozenset({HOURS}),
    "operator": frozenset({OPERATORS}),
    "app_setting": frozenset({OPERATORS}),
    "job_setting": frozenset({JOBS}),
    # APScheduler's own job store writes through its own engine, never through a unit of
    # work of ours; listed so that every table of the schema has its topic.
    "apscheduler_jobs": frozenset({JOBS}),
    "job_run": frozenset({REMINDERS}),
    "reminder_log": frozenset({REMINDERS}),
    "audit_entry": frozenset({AUDIT}),
    "audit_chain": frozenset({AUDIT}),
}

_KEY = "changed_topics"


def topics_of_table(table: str) -> frozenset[str]:
    """The topics a change to ``table`` touches (none for tables nobody shows)."""
    return TABLE_TOPICS.get(table, frozenset())


def mark(session: Session, *topics: str) -> None:
    """Record topics this unit of work changed in ways the ORM cannot see."""
    unknown = set(topics) - ALL
    if unknown:
        raise ValueError(f"unknown change topics: {sorted(unknown)}")
    session.info.setdefault(_KEY, set()).update(topics)


def changed(session: Session) -> frozenset[str]:
    """The topics the unit of work of ``session`` has changed so far."""
    return frozenset(session.info.get(_KEY, ()))


def _mark_table(session: Session, table: str | None) -> None:
    if table:
        found = topics_of_table(table)
        if found:
            session.info.setdefault(_KEY, set()).update(found)


def _after_flush(session: Session, _ctx) -> None:  # noqa: ANN001
    # session.new/dirty/deleted still hold what this flush wrote.
    for obj in session.new:
        _mark_table(session, getattr(obj, "__tablename__", None))
    for obj in session.deleted:
        _mark_table(session, getattr(obj, "__tablename__", None))
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _mark_table(session, getattr(obj, "__tablename__", None))


def _on_execute(state: ORMExecuteState) -> None:
    # Bulk insert/update/delete statements bypass the unit of work's object bookkeeping.
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        _mark_table(state.session, getattr(table, "name", None))


def install() -> None:
    """Collect the topics of every session's writes (idempotent)."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "do_orm_execute", _on_execute)
