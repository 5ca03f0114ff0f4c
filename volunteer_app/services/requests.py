"""Residents' requests (点单 / 收单 / 派单): intake, dispatch, the status flow, overdue
flags, month counts and dispatch suggestions.

The status flow is the table :data:`TRANSITIONS`; :func:`change_status` refuses anything
else with :class:`InvalidTransition`. Every transition appends a ``RequestEvent`` with its
time and operator. A request completed by a named volunteer writes that volunteer's
hours to the ledger (see :func:`change_status`).

Times are naive local wall-clock datetimes in the community's time zone; functions that
look at the clock take ``now`` so tests can inject one.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from .. import names, versions
from ..clock import local_now
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import Grid, Membership, Team, Volunteer
from ..models.requests import (
    OPEN_STATUSES,
    REQUEST_CATEGORIES,
    REQUEST_SOURCES,
    REQUEST_STATUSES,
    URGENCIES,
    RequestEvent,
    ResidentRequest,
)
from ..parsing import is_id_text, parse_moment, parse_search
from ..security.permissions import require
from ..validation import normalize_name, normalize_optional_phone, normalize_text
from . import hours as hours_service
from .hours import month_bounds, normalize_operator

# How long the office has to settle a request, by urgency.
DUE_AFTER = {
    "emergency": timedelta(hours=2),
    "urgent": timedelta(hours=24),
    "normal": timedelta(hours=72),
    "low": timedelta(days=7),
}

# The status flow. Re-dispatching (to another team or volunteer) is allowed until the
# work has started; cancelling is allowed from every open state; done and the final
# states cannot be cancelled or reopened.
TRANSITIONS: dict[str, frozenset[str]] = {
    "received": frozenset({"dispatched", "cancelled"}),
    "dispatched": frozenset({"dispatched", "accepted", "cancelled"}),
    "accepted": frozenset({"dispatched", "in_progress", "cancelled"}),
    "in_progress": frozenset({"done", "cancelled"}),
    "done": frozenset({"followed_up"}),
    "followed_up": frozenset(),
    "cancelled": frozenset(),
}
FINAL_STATUSES = ("followed_up", "cancelled")

# Which kind of team usually handles a category. Care for the elderly and children goes
# to the rider team: delivery riders pass every door daily and already run errands for
# elderly residents. Repairs and "other" go to the umbrella team (kind "other").
CATEGORY_TEAM_KIND = {
    "repair": "other",
    "safety_hazard": "patrol",
    "dispute": "civility",
    "care": "rider",
    "environment": "cleanup",
    "other": "other",
}

# When the clerk gives no hours on completion, the time between "in progress" and "done"
# is taken as the volunteer's hours if it is at most this long; longer spans are elapsed
# days, not work, so no entry is written and hours must be given or added by hand.
MAX_MEASURED_WORK = timedelta(hours=12)
# A transition may be recorded a few minutes ahead of the office clock (clock drift).
CLOCK_SLACK = timedelta(minutes=5)


ENV_OPERATOR = "VOLUNTEER_APP_OPERATOR"


def default_operator() -> str:
    """Who is at the keyboard when nobody said: ``$VOLUNTEER_APP_OPERATOR``, else the OS
    user name (front ends let the clerk set a name instead)."""
    name = os.environ.get(ENV_OPERATOR, "").strip()
    if name:
        return name[:40]
    try:
        return getpass.getuser()[:40] or "operator"
    except Exception:  # no user database entry (some containers): still record something
        return "operator"


class InvalidTransition(ConflictError):
    """The request cannot move from its current status to the one asked for."""

    code = "invalid_transition"


def allowed_transitions(status: str) -> tuple[str, ...]:
    """Statuses a request in ``status`` may move to, in flow order."""
    allowed = TRANSITIONS.get(status, frozenset())
    return tuple(s for s in REQUEST_STATUSES if s in allowed)


def due_time(received_at: datetime, urgency: str) -> datetime:
    """When a request received at ``received_at`` with ``urgency`` must be settled."""
    return received_at + DUE_AFTER[urgency]


def is_overdue(status: str, due_at: datetime, now: datetime) -> bool:
    """An open request past its due time is overdue; settled ones never are."""
    return status in OPEN_STATUSES and now > due_at


# -- data handed in and out ------------------------------------------------------------


@dataclass
class RequestData:
    """What the intake form or command line supplies (raw, not yet validated)."""

    resident_name: object = ""
    resident_phone: object = ""
    building: object = ""
    grid_id: int | None = None
    category: str = "other"
    description: object = ""
    source: str = "phone"
    urgency: str = "normal"
    received_at: datetime | None = None  # default: now


@dataclass(frozen=True)
class RequestRow:
    """A request as lists and boards show it."""

    id: int
    status: str
    category: str
    urgency: str
    source: str
    resident_name: str
    resident_phone: str
    building: str
    grid_id: int | None
    grid: str | None
    team_id: int | None
    team: str | None
    volunteer_id: int | None
    volunteer: str | None
    description: str
    received_at: datetime
    due_at: datetime
    done_at: datetime | None
    satisfaction: int | None
    overdue: bool
    version: int

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def late(self) -> bool:
        """Settled after its due time (or still open and overdue)."""
        if self.done_at is not None:
            return self.done_at > self.due_at
        return self.overdue

    def to_json(self) -> dict:
        return {
            "id": self.id, "status": self.status, "category": self.category,
            "urgency": self.urgency, "source": self.source,
            "resident": self.resident_name, "phone": self.resident_phone,
            "building": self.building, "grid": self.grid, "team": self.team,
            "volunteer": self.volunteer, "description": self.description,
            "received_at": self.received_at.isoformat(timespec="minutes"),
            "due_at": self.due_at.isoformat(timespec="minutes"),
            "done_at": self.done_at.isoformat(timespec="minutes") if self.done_at else None,
            "satisfaction": self.satisfaction, "overdue": self.overdue,
        }


@dataclass(frozen=True)
class RequestEventRow:
    """One recorded transition."""

    id: int
    at: datetime
    operator: str
    from_status: str | None
    to_status: str
    note: str
    team: str | None
    volunteer: str | None

    def to_json(self) -> dict:
        return {
            "at": self.at.isoformat(timespec="minutes"), "operator": self.operator,
            "from": self.from_status, "to": self.to_status, "note": self.note,
            "team": self.team, "volunteer": self.volunteer,
        }


@dataclass(frozen=True)
class RequestDetail:
    """Every field of one request with its full transition history."""

    row: RequestRow
    received_by: str
    dispatched_at: datetime | None
    accepted_at: datetime | None
    started_at: datetime | None
    followed_up_at: datetime | None
    cancelled_at: datetime | None
    result: str
    follow_up_remark: str
    cancel_reason: str
    events: tuple[RequestEventRow, ...]
    allowed: tuple[str, ...]
    hours_entry_ids: tuple[int, ...] = ()

    def to_json(self) -> dict:
        data = self.row.to_json()
        data.update({
            "received_by": self.received_by, "result": self.result,
            "follow_up_remark": self.follow_up_remark, "cancel_reason": self.cancel_reason,
            "allowed": list(self.allowed), "events": [e.to_json() for e in self.events],
            "hours_entries": list(self.hours_entry_ids),
        })
        return data


@dataclass(frozen=True)
class TransitionResult:
    """What a transition did."""

    request_id: int
    from_status: str
    to_status: str
    event_id: int
    hours_entry_id: int | None = None


@dataclass
class RequestFilter:
    """Filters of the orders board and ``orders list``."""

    statuses: tuple[str, ...] = ()
    grid_id: int | None = None
    team_id: int | None = None
    category: str | None = None
    month: str | None = None  # by month received
    overdue_only: bool = False
    open_only: bool = False
    search: str = ""


# -- intake ---------------------------------------------------------------------------


def _validate(session: Session, data: RequestData, now: datetime) -> dict:
    problems: list[FieldProblem] = []
    out: dict = {}

    def run(key: str, fn) -> None:  # noqa: ANN001
        try:
            out[key] = fn()
        except ValidationError as exc:
            problems.extend(exc.problems)

    run("resident_name", lambda: normalize_name(data.resident_name, "resident_name"))
    run("resident_phone", lambda: normalize_optional_phone(data.resident_phone, "resident_phone"))
    run("building", lambda: normalize_text(data.building, "building", 100))
    run("description", lambda: normalize_text(data.description, "description", multiline=True))
    if "description" in out and not out["description"]:
        problems.append(FieldProblem("description", "required", data.description))
    for key, allowed, code in (
        ("category", REQUEST_CATEGORIES, "category_invalid"),
        ("source", REQUEST_SOURCES, "source_invalid"),
        ("urgency", URGENCIES, "urgency_invalid"),
    ):
        value = getattr(data, key)
        if value not in allowed:
            problems.append(FieldProblem(key, code, value))
        out[key] = value
    if data.grid_id is not None and session.get(Grid, data.grid_id) is None:
        problems.append(FieldProblem("grid", "unknown_grid", data.grid_id))
    out["grid_id"] = data.grid_id
    received = data.received_at or now
    try:
        received = parse_moment(received, "received_at")
    except ValidationError as exc:
        problems.extend(exc.problems)
        received = now
    if received > now + CLOCK_SLACK:
        problems.append(FieldProblem("received_at", "in_future", received.isoformat(" ")))
    out["received_at"] = received.replace(microsecond=0)
    if problems:
        raise ValidationError(problems)
    return out


def create_request(
    session: Session, data: RequestData, operator: str, *, now: datetime | None = None
) -> int:
    """Take in a resident's request (status ``received``); returns its id."""
    require(session, "requests.manage")
    operator = normalize_operator(operator)
    now = now or local_now(session)
    values = _validate(session, data, now)
    req = ResidentRequest(
        **values, status="received", due_at=due_time(values["received_at"], values["urgency"]),
        received_by=operator, result="", follow_up_remark="", cancel_reason="",
    )
    session.add(req)
    session.flush()
    session.add(RequestEvent(
        request_id=req.id, at=values["received_at"], operator=operator, from_status=None,
        to_status="received", note="",
    ))
    session.flush()
    return req.id


def update_request(
    session: Session, request_id: int, data: RequestData, operator: str, *,
    expected_version: int | None = None, now: datetime | None = None,
) -> None:
    """Correct what was taken in (resident, place, category, text, urgency, time received)
    while the request is still open; a settled request stays as it was settled.

    The due time follows the urgency and time received. The time received may not move
    past the first later step, and the intake entry of the history moves with it (it
    records the same fact); the audit log keeps the old values.
    """
    require(session, "requests.manage")
    normalize_operator(operator)
    now = now or local_now(session)
    req = _get(session, request_id)
    versions.check(session, req, expected_version)
    if req.status not in OPEN_STATUSES:
        raise ConflictError("request_closed", id=request_id, status=req.status)
    if data.received_at is None:  # not given: it stays, it does not become "now"
        data = replace(data, received_at=req.received_at)
    values = _validate(session, data, now)
    later = [t for t in (req.dispatched_at, req.accepted_at, req.started_at) if t is not None]
    if later and values["received_at"] > min(later):
        raise ValidationError(FieldProblem("received_at", "after_later_step",
                                           values["received_at"].isoformat(" ")))
    if values["received_at"] != req.received_at:
        intake = session.execute(
            select(RequestEvent).where(RequestEvent.request_id == req.id,
                                       RequestEvent.from_status.is_(None))
        ).scalar_one_or_none()
        if intake is not None:
            intake.at = values["received_at"]
    for key, value in values.items():
        if getattr(req, key) != value:
            setattr(req, key, value)
    req.due_at = due_time(req.received_at, req.urgency)
    session.flush()


# -- the status flow ------------------------------------------------------------------


def _get(session: Session, request_id: int) -> ResidentRequest:
    req = session.get(ResidentRequest, request_id)
    if req is None:
        raise NotFoundError("request_not_found", id=request_id)
    return req


def _active_volunteer(session: Session, volunteer_id: int) -> Volunteer:
    vol = session.get(Volunteer, volunteer_id)
    if vol is None:
        raise ValidationError(FieldProblem("volunteer", "unknown_volunteer", volunteer_id))
    if not vol.active:
        raise ValidationError(FieldProblem("volunteer", "volunteer_inactive", vol.name))
    return vol


def change_status(
    session: Session,
    request_id: int,
    to_status: str,
    operator: str,
    *,
    note: str = "",
    team_id: int | None = None,
    volunteer_id: int | None = None,
    satisfaction: int | None = None,
    hours: object = None,
    at: datetime | None = None,
    now: datetime | None = None,
    expected_version: int | None = None,
) -> TransitionResult:
    """Move a request along the flow, recording time and operator.

    * ``dispatched`` needs ``team_id``; ``volunteer_id`` is optional (also on ``accepted``,
      for whoever took the job).
    * ``done``: ``note`` is the result. When the request has a volunteer, their hours go to
      the ledger (unverified): ``hours`` if given, else the time from ``in_progress`` to
      ``done`` when that is at most :data:`MAX_MEASURED_WORK`.
    * ``followed_up`` needs ``satisfaction`` 1-5; ``note`` is the resident's remark.
    * ``cancelled`` needs a reason, given as ``note``.

    ``at`` back-dates the transition (e.g. recorded the next morning): it may not be
    earlier than the previous transition nor later than now.
    """
    require(session, "requests.manage")
    operator = normalize_operator(operator)
    now = now or local_now(session)
    if to_status not in REQUEST_STATUSES:
        raise ValidationError(FieldProblem("status", "status_invalid", to_status))
    req = _get(session, request_id)
    versions.check(session, req, expected_version)
    from_status = req.status
    if to_status not in TRANSITIONS[from_status]:
        raise InvalidTransition(id=request_id, from_status=from_status, to_status=to_status)
    note = normalize_text(note, "note", multiline=True)
    when = parse_moment(at or now, "at").replace(microsecond=0)
    last = session.scalar(select(func.max(RequestEvent.at)).where(RequestEvent.request_id == req.id))
    problems: list[FieldProblem] = []
    if when > now + CLOCK_SLACK:
        problems.append(FieldProblem("at", "in_future", when.isoformat(" ")))
    if last is not None and when < last:
        problems.append(FieldProblem("at", "before_previous", when.isoformat(" ")))
    minutes: int | None = None
    if to_status == "dispatched":
        if team_id is None:
            problems.append(FieldProblem("team", "required", None))
        elif session.get(Team, team_id) is None:
            problems.append(FieldProblem("team", "unknown_team", team_id))
    if volunteer_id is not None and to_status not in ("dispatched", "accepted"):
        problems.append(FieldProblem("volunteer", "not_applicable", volunteer_id))
    if team_id is not None and to_status != "dispatched":
        problems.append(FieldProblem("team", "not_applicable", team_id))
    if to_status == "followed_up":
        if satisfaction is None:
            problems.append(FieldProblem("satisfaction", "required", None))
        elif (not isinstance(satisfaction, int) or isinstance(satisfaction, bool)
              or not 1 <= satisfaction <= 5):
            problems.append(FieldProblem("satisfaction", "satisfaction_invalid", satisfaction))
    elif satisfaction is not None:
        problems.append(FieldProblem("satisfaction", "not_applicable", satisfaction))
    if to_status == "cancelled" and not note:
        problems.append(FieldProblem("reason", "required", note))
    if hours is not None and hours != "":
        if to_status != "done":
            problems.append(FieldProblem("hours", "not_applicable", hours))
        else:
            try:
                minutes = hours_service.hours_to_minutes(hours)
            except ValidationError as exc:
                problems.extend(exc.problems)
            if req.volunteer_id is None:
                problems.append(FieldProblem("volunteer", "required_for_hours", None))
    if problems:
        raise ValidationError(problems)
    if volunteer_id is not None:
        _active_volunteer(session, volunteer_id)

    event = RequestEvent(request_id=req.id, at=when, operator=operator, from_status=from_status,
                         to_status=to_status, note=note)
    if to_status == "dispatched":
        req.team_id, req.volunteer_id = team_id, volunteer_id
        req.dispatched_at = when
        req.accepted_at = None  # a re-dispatched request must be accepted anew
        event.team_id, event.volunteer_id = team_id, volunteer_id
    elif to_status == "accepted":
        req.accepted_at = when
        if volunteer_id is not None:
            req.volunteer_id = volunteer_id
        event.team_id, event.volunteer_id = req.team_id, req.volunteer_id
    elif to_status == "in_progress":
        req.started_at = when
    elif to_status == "done":
        req.done_at, req.result = when, note
        if minutes is None and req.volunteer_id is not None and req.started_at is not None:
            span = when - req.started_at
            if timedelta(0) < span <= MAX_MEASURED_WORK:
                minutes = max(1, round(span.total_seconds() / 60))
        event.volunteer_id = req.volunteer_id
    elif to_status == "followed_up":
        req.followed_up_at, req.satisfaction, req.follow_up_remark = when, satisfaction, note
    elif to_status == "cancelled":
        req.cancelled_at, req.cancel_reason = when, note
    req.status = to_status
    session.add(event)
    session.flush()
    entry_id = None
    if to_status == "done" and minutes is not None and req.volunteer_id is not None:
        entry_id = hours_service.entry_for_request(session, req, minutes, operator, now)
    return TransitionResult(req.id, from_status, to_status, event.id, entry_id)


def dispatch(
    session: Session,
    request_id: int,
    team_id: int,
    operator: str,
    *,
    volunteer_id: int | None = None,
    note: str = "",
    now: datetime | None = None,
    expected_version: int | None = None,
) -> TransitionResult:
    """Send a request to a team and optionally one volunteer (also to re-dispatch)."""
    return change_status(
        session, request_id, "dispatched", operator, note=note, team_id=team_id,
        volunteer_id=volunteer_id, now=now, expected_version=expected_version,
    )


# -- reading --------------------------------------------------------------------------


def _row_select():  # noqa: ANN202
    vol = aliased(Volunteer)
    return (
        select(ResidentRequest, Grid.name, Team.name, vol.name)
        .outerjoin(Grid, Grid.id == ResidentRequest.grid_id)
        .outerjoin(Team, Team.id == ResidentRequest.team_id)
        .outerjoin(vol, vol.id == ResidentRequest.volunteer_id)
    )


def _to_row(req: ResidentRequest, grid: str | None, team: str | None, volunteer: str | None,
            now: datetime) -> RequestRow:
    return RequestRow(
        id=req.id, status=req.status, category=req.category, urgency=req.urgency,
        source=req.source, resident_name=req.resident_name, resident_phone=req.resident_phone,
        building=req.building, grid_id=req.grid_id, grid=grid, team_id=req.team_id, team=team,
        volunteer_id=req.volunteer_id, volunteer=volunteer, description=req.description,
        received_at=req.received_at, due_at=req.due_at, done_at=req.done_at,
        satisfaction=req.satisfaction, overdue=is_overdue(req.status, req.due_at, now),
        version=req.version,
    )


def list_requests(
    session: Session, flt: RequestFilter | None = None, *, now: datetime | None = None
) -> list[RequestRow]:
    """Matching requests, overdue ones first, then by due time (open) / newest (settled)."""
    require(session, "requests.read")
    flt = flt or RequestFilter()
    now = now or local_now(session)
    stmt = _row_select()
    if flt.statuses:
        stmt = stmt.where(ResidentRequest.status.in_(flt.statuses))
    if flt.open_only or flt.overdue_only:
        stmt = stmt.where(ResidentRequest.status.in_(OPEN_STATUSES))
    if flt.overdue_only:
        stmt = stmt.where(ResidentRequest.due_at < now)
    if flt.grid_id is not None:
        stmt = stmt.where(ResidentRequest.grid_id == flt.grid_id)
    if flt.team_id is not None:
        stmt = stmt.where(ResidentRequest.team_id == flt.team_id)
    if flt.category:
        stmt = stmt.where(ResidentRequest.category == flt.category)
    if flt.month:
        first, nxt = month_bounds(flt.month)
        stmt = stmt.where(ResidentRequest.received_at >= datetime.combine(first, datetime.min.time()),
                          ResidentRequest.received_at < datetime.combine(nxt, datetime.min.time()))
    for term in parse_search(flt.search, "search").split():
        pattern = names.like_pattern(term)
        stmt = stmt.where(or_(
            func.lower(ResidentRequest.resident_name).like(pattern, escape="\\"),
            func.lower(ResidentRequest.resident_phone).like(pattern, escape="\\"),
            func.lower(ResidentRequest.building).like(pattern, escape="\\"),
            func.lower(ResidentRequest.description).like(pattern, escape="\\"),
        ))
    rows = [_to_row(r, g, t, v, now) for r, g, t, v in session.execute(stmt)]
    rows.sort(key=lambda r: (
        not r.overdue, not r.open,
        r.due_at if r.open else datetime.max - (r.received_at - datetime.min), r.id,
    ))
    return rows


def get_request(session: Session, request_id: int, *, now: datetime | None = None) -> RequestDetail:
    """One request with its history and the transitions now allowed."""
    require(session, "requests.read")
    now = now or local_now(session)
    found = session.execute(_row_select().where(ResidentRequest.id == request_id)).first()
    if found is None:
        raise NotFoundError("request_not_found", id=request_id)
    req, g, t, v = found
    vol = aliased(Volunteer)
    events = tuple(
        RequestEventRow(e.id, e.at, e.operator, e.from_status, e.to_status, e.note, tname, vname)
        for e, tname, vname in session.execute(
            select(RequestEvent, Team.name, vol.name)
            .outerjoin(Team, Team.id == RequestEvent.team_id)
            .outerjoin(vol, vol.id == RequestEvent.volunteer_id)
            .where(RequestEvent.request_id == request_id)
            .order_by(RequestEvent.at, RequestEvent.id)
        )
    )
    from ..models.hours import HoursEntry

    entry_ids = tuple(session.scalars(
        select(HoursEntry.id).where(HoursEntry.request_id == request_id).order_by(HoursEntry.id)
    ))
    return RequestDetail(
        row=_to_row(req, g, t, v, now), received_by=req.received_by,
        dispatched_at=req.dispatched_at, accepted_at=req.accepted_at,
        started_at=req.started_at, followed_up_at=req.followed_up_at,
        cancelled_at=req.cancelled_at, result=req.result,
        follow_up_remark=req.follow_up_remark, cancel_reason=req.cancel_reason,
        events=events, allowed=allowed_transitions(req.status), hours_entry_ids=entry_ids,
    )


# -- month counts ---------------------------------------------------------------------


@dataclass(frozen=True)
class GridCount:
    """Requests of one grid in a month, per category."""

    grid_id: int | None
    grid: str | None
    total: int
    by_category: dict[str, int]


@dataclass(frozen=True)
class MonthCounts:
    """Requests received in a month: per grid and category, by status, timeliness and
    the residents' average satisfaction."""

    month: str
    total: int
    by_category: dict[str, int]
    grids: tuple[GridCount, ...]
    by_status: dict[str, int]
    overdue_open: int
    done_on_time: int
    done_late: int
    satisfaction_avg: float | None
    satisfaction_count: int = 0
    categories: tuple[str, ...] = field(default=REQUEST_CATEGORIES)

    def to_json(self) -> dict:
        return {
            "month": self.month, "total": self.total, "by_category": self.by_category,
            "grids": [{"grid": g.grid, "total": g.total, "by_category": g.by_category}
                      for g in self.grids],
            "by_status": self.by_status, "overdue_open": self.overdue_open,
            "done_on_time": self.done_on_time, "done_late": self.done_late,
            "satisfaction_avg": self.satisfaction_avg,
        }


def month_counts(session: Session, month: str, *, now: datetime | None = None) -> MonthCounts:
    """Counts of the requests received in ``month`` (every grid listed, even with none)."""
    now = now or local_now(session)
    rows = list_requests(session, RequestFilter(month=month), now=now)
    by_category = {c: 0 for c in REQUEST_CATEGORIES}
    by_status = {s: 0 for s in REQUEST_STATUSES}
    per_grid: dict[int | None, dict[str, int]] = {}
    grid_names: dict[int | None, str | None] = {}
    for gid, gname in session.execute(select(Grid.id, Grid.name).order_by(Grid.number)):
        per_grid[gid] = {c: 0 for c in REQUEST_CATEGORIES}
        grid_names[gid] = gname
    overdue = on_time = late = 0
    scores = []
    for r in rows:
        by_category[r.category] += 1
        by_status[r.status] += 1
        if r.grid_id not in per_grid:
            per_grid[r.grid_id] = {c: 0 for c in REQUEST_CATEGORIES}
            grid_names[r.grid_id] = r.grid
        per_grid[r.grid_id][r.category] += 1
        overdue += r.overdue
        if r.done_at is not None:
            if r.done_at > r.due_at:
                late += 1
            else:
                on_time += 1
        if r.satisfaction is not None:
            scores.append(r.satisfaction)
    grids = tuple(
        GridCount(gid, grid_names[gid], sum(cats.values()), cats)
        for gid, cats in sorted(per_grid.items(), key=lambda kv: kv[0] is None)
    )
    return MonthCounts(
        month=month, total=len(rows), by_category=by_category, grids=grids,
        by_status=by_status, overdue_open=overdue, done_on_time=on_time, done_late=late,
        satisfaction_avg=round(sum(scores) / len(scores), 2) if scores else None,
        satisfaction_count=len(scores),
    )


# -- dispatch suggestions -------------------------------------------------------------


def suggested_team_kind(category: str) -> str:
    """The team kind that usually handles a category."""
    return CATEGORY_TEAM_KIND.get(category, "other")


@dataclass(frozen=True)
class TeamOption:
    """A team the request may go to; ``suggested`` for the category's usual team kind."""

    team_id: int
    name: str
    kind: str
    suggested: bool
    open_requests: int


@dataclass(frozen=True)
class VolunteerOption:
    """An active volunteer of the request's grid, with teams and current open requests."""

    volunteer_id: int
    name: str
    mobile: str
    team_ids: tuple[int, ...]
    teams: tuple[str, ...]
    open_requests: int


@dataclass(frozen=True)
class DispatchOptions:
    """What the dispatch dialog offers: teams (suggested first) and the grid's volunteers."""

    request_id: int
    category: str
    grid_id: int | None
    suggested_team_id: int | None
    teams: tuple[TeamOption, ...]
    volunteers: tuple[VolunteerOption, ...]


def dispatch_options(session: Session, request_id: int) -> DispatchOptions:
    """Teams ordered with the category's usual kind first, and the grid's volunteers
    (members of the suggested team first, then by how few open requests they hold)."""
    require(session, "requests.read")
    req = _get(session, request_id)
    kind = suggested_team_kind(req.category)
    open_by_team = dict(session.execute(
        select(ResidentRequest.team_id, func.count())
        .where(ResidentRequest.status.in_(OPEN_STATUSES), ResidentRequest.team_id.is_not(None))
        .group_by(ResidentRequest.team_id)
    ).all())
    teams = [
        TeamOption(t.id, t.name, t.kind, t.kind == kind, open_by_team.get(t.id, 0))
        for t in session.scalars(select(Team).order_by(Team.id))
    ]
    # The umbrella team is kind "other" too; prefer a branch team when one matches.
    teams.sort(key=lambda t: (not t.suggested, t.team_id))
    suggested = next((t.team_id for t in teams if t.suggested), None)
    volunteers: list[VolunteerOption] = []
    if req.grid_id is not None:
        open_by_vol = dict(session.execute(
            select(ResidentRequest.volunteer_id, func.count())
            .where(ResidentRequest.status.in_(OPEN_STATUSES),
                   ResidentRequest.volunteer_id.is_not(None))
            .group_by(ResidentRequest.volunteer_id)
        ).all())
        vols = session.execute(
            select(Volunteer.id, Volunteer.name, Volunteer.mobile)
            .where(Volunteer.grid_id == req.grid_id, Volunteer.active.is_(True))
            .order_by(Volunteer.sort_key, Volunteer.id)
        ).all()
        member_of: dict[int, list[tuple[int, str]]] = {}
        if vols:
            for vid, tid, tname in session.execute(
                select(Membership.volunteer_id, Team.id, Team.name)
                .join(Team, Team.id == Membership.team_id)
                .where(Membership.volunteer_id.in_([v[0] for v in vols]))
                .order_by(Team.id)
            ):
                member_of.setdefault(vid, []).append((tid, tname))
        for vid, name, mobile in vols:
            ms = member_of.get(vid, [])
            volunteers.append(VolunteerOption(
                vid, name, mobile, tuple(m[0] for m in ms), tuple(m[1] for m in ms),
                open_by_vol.get(vid, 0),
            ))
        volunteers.sort(key=lambda v: (suggested not in v.team_ids, v.open_requests))
    return DispatchOptions(
        request_id=req.id, category=req.category, grid_id=req.grid_id,
        suggested_team_id=suggested, teams=tuple(teams), volunteers=tuple(volunteers),
    )


def resolve_volunteer(session: Session, text: str) -> int:
    """Volunteer id from a numeric id or an exact, unambiguous name."""
    require(session, "registers.read")  # whether a name is registered is the register's
    text = str(text).strip()
    if is_id_text(text):  # ASCII digits in the id range ('²', '١' or 20 digits are names)
        if session.get(Volunteer, int(text)) is None:
            raise NotFoundError("volunteer_not_found", id=int(text))
        return int(text)
    ids = list(session.scalars(select(Volunteer.id).where(Volunteer.name == text)))
    if not ids:
        raise ValidationError(FieldProblem("volunteer", "unknown_volunteer", text))
    if len(ids) > 1:
        raise ValidationError(FieldProblem("volunteer", "ambiguous_volunteer", text))
    return ids[0]
