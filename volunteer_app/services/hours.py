"""The service-hours ledger: check-in of shifts, manual entries, corrections, verification
and the monthly and yearly reports.

Rules (see models/hours.py): entries are appended, never edited, except that verifying
stamps ``verified_at``/``verified_by``. A correction is a new entry replacing an older
one. Only *counting* entries appear in totals: verified, not superseded by a correction,
and with more than zero minutes. Unverified entries are listed (flagged) but not totalled.

Times are naive local wall-clock datetimes in the community's time zone. Functions that
compare with "now" take ``now`` so tests can inject a clock; by default it is the
community's local time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import Grid, Membership, Team, Volunteer
from ..models.hours import HoursEntry
from ..models.requests import RequestEvent, ResidentRequest
from ..models.shifts import Assignment, Shift
from ..names import like_pattern
from ..security.permissions import require
from ..validation import normalize_name, normalize_text
from . import volunteers as volunteer_service
from .community import get_community

MAX_MINUTES = 24 * 60
# A check-in may be recorded a little ahead of time (the captain fills the sheet while
# people are arriving), but never for a shift that has not happened yet.
CHECKIN_AHEAD = timedelta(minutes=30)
# Actual times may differ from the plan (late arrival, staying on), but not by more than
# this: a larger gap is almost always a typo of the day or of AM/PM.
CHECKIN_SLACK = timedelta(hours=12)
# Reasons the app itself writes on corrections it makes; front ends translate them.
REASON_NO_SHOW = "no_show"
REASON_CHECKIN_TIMES = "checkin_times"
REASON_REQUEST_HOURS = "request_hours"
AUTO_REASONS = (REASON_NO_SHOW, REASON_CHECKIN_TIMES, REASON_REQUEST_HOURS)
CHECKIN_STATUSES = ("checked_in", "completed", "no_show")

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


# -- small shared helpers -------------------------------------------------------------


def local_now(session: Session) -> datetime:
    """The community's current local wall-clock time, naive, to the second."""
    tz_name = get_community(session).timezone
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("Asia/Shanghai")
    return datetime.now(tz).replace(tzinfo=None, microsecond=0)


def month_bounds(month: str, field_name: str = "month") -> tuple[date, date]:
    """First day of ``YYYY-MM`` and first day of the month after it."""
    m = _MONTH_RE.match(str(month).strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900:
        raise ValidationError(FieldProblem(field_name, "month_invalid", month))
    first = date(int(m.group(1)), int(m.group(2)), 1)
    nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, nxt


def normalize_operator(value: object, field_name: str = "operator") -> str:
    """The name of whoever records something: required, a plain name of at most 40 chars."""
    return normalize_name(value, field_name)


def hours_to_minutes(value: object, field_name: str = "hours", *, allow_zero: bool = False) -> int:
    """Whole minutes of a number of hours (``1.5`` -> 90); at most 24 hours."""
    try:
        hours = float(str(value).strip().replace("，", ".").replace(",", "."))
    except (TypeError, ValueError):
        raise ValidationError(FieldProblem(field_name, "hours_invalid", value)) from None
    if hours != hours or hours < 0 or (hours == 0 and not allow_zero):  # NaN, negative, zero
        raise ValidationError(FieldProblem(field_name, "hours_invalid", value))
    minutes = round(hours * 60)
    if minutes > MAX_MINUTES:
        raise ValidationError(FieldProblem(field_name, "hours_too_many", value))
    if minutes == 0 and not allow_zero:
        raise ValidationError(FieldProblem(field_name, "hours_invalid", value))
    return minutes


def minutes_to_hours(minutes: int) -> float:
    """Hours with two decimals, as reports print them."""
    return round(minutes / 60, 2)


class _MinutesAsHours:
    """Verified and unverified minutes of a total, shown as hours."""

    verified_minutes: int
    unverified_minutes: int

    @property
    def hours(self) -> float:
        return minutes_to_hours(self.verified_minutes)

    @property
    def unverified_hours(self) -> float:
        return minutes_to_hours(self.unverified_minutes)


# -- rows handed to front ends --------------------------------------------------------


@dataclass(frozen=True)
class EntryRow:
    """One ledger entry with names resolved and its place in a correction chain."""

    id: int
    volunteer_id: int
    volunteer: str
    team_id: int | None
    team: str | None
    date: date
    minutes: int
    source: str
    duty: str
    reason: str
    assignment_id: int | None
    request_id: int | None
    start_at: datetime | None
    end_at: datetime | None
    corrects_id: int | None
    superseded_by: int | None
    created_at: datetime
    created_by: str
    verified_at: datetime | None
    verified_by: str

    @property
    def hours(self) -> float:
        return minutes_to_hours(self.minutes)

    @property
    def verified(self) -> bool:
        return self.verified_at is not None

    @property
    def counts(self) -> bool:
        """Whether the entry counts in reports: verified, current and not void."""
        return self.verified and self.superseded_by is None and self.minutes > 0

    def to_json(self) -> dict:
        return {
            "id": self.id, "volunteer_id": self.volunteer_id, "volunteer": self.volunteer,
            "team": self.team, "date": self.date.isoformat(), "hours": self.hours,
            "minutes": self.minutes, "source": self.source, "duty": self.duty,
            "reason": self.reason, "assignment_id": self.assignment_id,
            "request_id": self.request_id, "corrects": self.corrects_id,
            "superseded_by": self.superseded_by, "created_by": self.created_by,
            "verified": self.verified, "verified_by": self.verified_by or None,
            "counts": self.counts,
        }


@dataclass
class EntryFilter:
    """Which ledger entries to list."""

    month: str | None = None
    volunteer_id: int | None = None
    team_id: int | None = None
    verified: bool | None = None
    include_superseded: bool = False
    # Every word must occur in the volunteer's name, pinyin, initials or phone (as in
    # the register's search: ``zs`` finds 张三).
    search: str = ""


def _superseded_by_subquery():  # noqa: ANN202
    newer = aliased(HoursEntry)
    return (
        select(newer.id).where(newer.corrects_id == HoursEntry.id).scalar_subquery()
    )


def _is_current():  # noqa: ANN202
    newer = aliased(HoursEntry)
    return ~exists().where(newer.corrects_id == HoursEntry.id)


def _entry_rows(session: Session, stmt) -> list[EntryRow]:  # noqa: ANN001
    rows = session.execute(stmt).all()
    return [
        EntryRow(
            id=e.id, volunteer_id=e.volunteer_id, volunteer=vname, team_id=e.team_id,
            team=tname, date=e.date, minutes=e.minutes, source=e.source, duty=e.duty,
            reason=e.reason, assignment_id=e.assignment_id, request_id=e.request_id,
            start_at=e.start_at, end_at=e.end_at, corrects_id=e.corrects_id,
            superseded_by=sup, created_at=e.created_at, created_by=e.created_by,
            verified_at=e.verified_at, verified_by=e.verified_by,
        )
        for e, vname, tname, sup in rows
    ]


def _entry_select():  # noqa: ANN202
    return (
        select(HoursEntry, Volunteer.name, Team.name, _superseded_by_subquery())
        .join(Volunteer, Volunteer.id == HoursEntry.volunteer_id)
        .outerjoin(Team, Team.id == HoursEntry.team_id)
    )


def list_entries(session: Session, flt: EntryFilter | None = None) -> list[EntryRow]:
    """Ledger entries, newest date first; superseded entries only when asked for."""
    flt = flt or EntryFilter()
    stmt = _filtered(_entry_select(), flt).order_by(*_LEDGER_ORDER)
    return _entry_rows(session, stmt)


# Newest day first, then by volunteer (pinyin), then in the order the entries were made.
_LEDGER_ORDER = (HoursEntry.date.desc(), Volunteer.sort_key, HoursEntry.id)


def _filtered(stmt, flt: EntryFilter):  # noqa: ANN001, ANN202
    """``stmt`` (joined to Volunteer) restricted to the entries ``flt`` asks for."""
    if flt.month:
        first, nxt = month_bounds(flt.month)
        stmt = stmt.where(HoursEntry.date >= first, HoursEntry.date < nxt)
    if flt.volunteer_id is not None:
        stmt = stmt.where(HoursEntry.volunteer_id == flt.volunteer_id)
    if flt.team_id is not None:
        stmt = stmt.where(HoursEntry.team_id == flt.team_id)
    if flt.verified is not None:
        stmt = stmt.where(
            HoursEntry.verified_at.is_not(None) if flt.verified else HoursEntry.verified_at.is_(None)
        )
    if not flt.include_superseded:
        stmt = stmt.where(_is_current())
    for term in (flt.search or "").split():
        stmt = stmt.where(Volunteer.search_text.like(like_pattern(term), escape="\\"))
    return stmt


def entry_ids(session: Session, flt: EntryFilter | None = None) -> list[int]:
    """Ids of the matching entries in ledger order (newest day first), so that a front end
    can show a large ledger lazily and fetch the rows it displays with :func:`fetch_entries`."""
    require(session, "registers.read")
    stmt = _filtered(
        select(HoursEntry.id).join(Volunteer, Volunteer.id == HoursEntry.volunteer_id),
        flt or EntryFilter(),
    ).order_by(*_LEDGER_ORDER)
    return list(session.scalars(stmt))


def fetch_entries(session: Session, ids: Sequence[int]) -> list[EntryRow]:
    """The entries with the given ids, in the order given (unknown ids are left out)."""
    require(session, "registers.read")
    if not ids:
        return []
    rows = {r.id: r for r in _entry_rows(session, _entry_select().where(HoursEntry.id.in_(list(ids))))}
    return [rows[i] for i in ids if i in rows]


@dataclass(frozen=True)
class LedgerTotal(_MinutesAsHours):
    """One volunteer's hours among the entries of a ledger filter (current entries only)."""

    volunteer_id: int
    name: str
    verified_minutes: int  # verified, current, more than zero: what reports count
    unverified_minutes: int  # current entries still awaiting verification
    entries: int  # current entries with more than zero minutes


@dataclass(frozen=True)
class LedgerTotals(_MinutesAsHours):
    """Per-volunteer totals of a ledger filter and their sum."""

    volunteers: tuple[LedgerTotal, ...]
    verified_minutes: int
    unverified_minutes: int
    entries: int


def ledger_totals(session: Session, flt: EntryFilter | None = None) -> LedgerTotals:
    """Hours per volunteer of the entries matching ``flt``, pinyin order, for a summary.

    Superseded entries and voiding corrections never count, whatever the filter says
    about showing them.
    """
    require(session, "registers.read")
    flt = replace(flt or EntryFilter(), include_superseded=False)
    verified = HoursEntry.verified_at.is_not(None)
    stmt = _filtered(
        select(
            HoursEntry.volunteer_id, Volunteer.name,
            func.coalesce(func.sum(case((verified, HoursEntry.minutes), else_=0)), 0),
            func.coalesce(func.sum(case((verified, 0), else_=HoursEntry.minutes)), 0),
            func.count(HoursEntry.id),
        )
        .join(Volunteer, Volunteer.id == HoursEntry.volunteer_id)
        .where(HoursEntry.minutes > 0),
        flt,
    ).group_by(HoursEntry.volunteer_id, Volunteer.name, Volunteer.sort_key).order_by(
        Volunteer.sort_key, HoursEntry.volunteer_id)
    people = tuple(
        LedgerTotal(volunteer_id=vid, name=name, verified_minutes=int(v), unverified_minutes=int(u),
                    entries=int(n))
        for vid, name, v, u, n in session.execute(stmt)
    )
    return LedgerTotals(
        volunteers=people, verified_minutes=sum(p.verified_minutes for p in people),
        unverified_minutes=sum(p.unverified_minutes for p in people),
        entries=sum(p.entries for p in people),
    )


def get_entry(session: Session, entry_id: int) -> EntryRow:
    """One entry."""
    rows = _entry_rows(session, _entry_select().where(HoursEntry.id == entry_id))
    if not rows:
        raise NotFoundError("hours_entry_not_found", id=entry_id)
    return rows[0]


def entry_chain(session: Session, entry_id: int) -> list[EntryRow]:
    """The whole correction chain an entry belongs to, original first, current last."""
    entry = session.get(HoursEntry, entry_id)
    if entry is None:
        raise NotFoundError("hours_entry_not_found", id=entry_id)
    while entry.corrects_id is not None:  # walk back to the original
        entry = session.get(HoursEntry, entry.corrects_id)
    ids = [entry.id]
    while True:
        nxt = session.scalar(select(HoursEntry.id).where(HoursEntry.corrects_id == ids[-1]))
        if nxt is None:
            break
        ids.append(nxt)
    rows = {r.id: r for r in _entry_rows(session, _entry_select().where(HoursEntry.id.in_(ids)))}
    return [rows[i] for i in ids]


# -- writing the ledger ---------------------------------------------------------------


def _volunteer(session: Session, volunteer_id: int) -> Volunteer:
    vol = session.get(Volunteer, volunteer_id)
    if vol is None:
        raise NotFoundError("volunteer_not_found", id=volunteer_id)
    return vol


def _current_entry(session: Session, entry_id: int) -> HoursEntry:
    entry = session.get(HoursEntry, entry_id)
    if entry is None:
        raise NotFoundError("hours_entry_not_found", id=entry_id)
    newer = session.scalar(select(HoursEntry.id).where(HoursEntry.corrects_id == entry_id))
    if newer is not None:
        raise ConflictError("entry_superseded", id=entry_id, by=newer)
    return entry


def add_manual(
    session: Session,
    volunteer_id: int,
    on: date,
    hours: object,
    reason: str,
    operator: str,
    *,
    team_id: int | None = None,
    duty: str = "",
    now: datetime | None = None,
) -> int:
    """Record hours by hand (e.g. an event without a shift); the reason is required."""
    values, problems = check_manual(hours, reason, duty)
    try:
        values["operator"] = normalize_operator(operator)
    except ValidationError as exc:
        problems.extend(exc.problems)
    now = now or local_now(session)
    if not isinstance(on, date):
        problems.append(FieldProblem("date", "date_invalid", on))
    elif on > now.date():
        problems.append(FieldProblem("date", "date_in_future", on.isoformat()))
    if team_id is not None and session.get(Team, team_id) is None:
        problems.append(FieldProblem("team", "unknown_team", team_id))
    if problems:
        raise ValidationError(problems)
    require(session, "hours.record", team_id=team_id)
    _volunteer(session, volunteer_id)
    entry = HoursEntry(
        volunteer_id=volunteer_id, team_id=team_id, date=on, minutes=values["minutes"],
        source="manual", duty=values["duty"], reason=values["reason"], created_at=now,
        created_by=values["operator"], verified_by="",
    )
    session.add(entry)
    session.flush()
    return entry.id


def correct(
    session: Session,
    entry_id: int,
    hours: object,
    reason: str,
    operator: str,
    *,
    now: datetime | None = None,
) -> int:
    """Replace an entry's hours by a new, unverified entry; 0 hours voids the entry.

    The corrected entry stays in the ledger (superseded), so nothing is lost.
    """
    values, problems = check_correction(hours, reason)
    op = None
    try:
        op = normalize_operator(operator)
    except ValidationError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)
    old = _current_entry(session, entry_id)
    require(session, "hours.record", team_id=old.team_id)
    return _append_correction(session, old, values["minutes"], values["reason"], op,
                              now or local_now(session))


def _collect(checks: dict) -> tuple[dict, list[FieldProblem]]:
    values: dict = {}
    problems: list[FieldProblem] = []
    for key, fn in checks.items():
        try:
            values[key] = fn()
        except ValidationError as exc:
            problems.extend(exc.problems)
    return values, problems


def check_manual(hours: object, reason: object, duty: object = "") -> tuple[dict, list[FieldProblem]]:
    """Check the typed fields of a manual entry without a database: the normalised values
    (``minutes``, ``reason``, ``duty``) and every problem, so a form can show them as the
    clerk types. :func:`add_manual` runs the same checks."""
    values, problems = _collect({
        "minutes": lambda: hours_to_minutes(hours),
        "reason": lambda: normalize_text(reason, "reason"),
        "duty": lambda: normalize_text(duty, "duty", 200),
    })
    if "reason" in values and not values["reason"]:
        problems.append(FieldProblem("reason", "required", reason))
    return values, problems


def check_correction(hours: object, reason: object) -> tuple[dict, list[FieldProblem]]:
    """Check the fields of a correction (0 hours allowed: it voids the entry), like
    :func:`check_manual`; :func:`correct` runs the same checks."""
    values, problems = _collect({
        "minutes": lambda: hours_to_minutes(hours, allow_zero=True),
        "reason": lambda: normalize_text(reason, "reason"),
    })
    if "reason" in values and not values["reason"]:
        problems.append(FieldProblem("reason", "required", reason))
    return values, problems


def _append_correction(
    session: Session,
    old: HoursEntry,
    minutes: int,
    reason: str,
    operator: str,
    now: datetime,
    *,
    start_at: datetime | None = None,
    end_at: datetime | None = None,
) -> int:
    new = HoursEntry(
        volunteer_id=old.volunteer_id, team_id=old.team_id, date=old.date, minutes=minutes,
        source=old.source, duty=old.duty, assignment_id=old.assignment_id,
        request_id=old.request_id, start_at=start_at if start_at else old.start_at,
        end_at=end_at if end_at else old.end_at, reason=reason, corrects_id=old.id,
        created_at=now, created_by=operator, verified_by="",
    )
    session.add(new)
    session.flush()
    return new.id


def verify(
    session: Session, entry_ids: Iterable[int], by: str, *, now: datetime | None = None
) -> int:
    """Mark entries verified by a captain or coordinator; returns how many were newly verified.

    Entries already verified are left as they were; a superseded entry cannot be verified.
    """
    by = normalize_operator(by, "verified_by")
    now = now or local_now(session)
    count = 0
    for entry_id in entry_ids:
        entry = _current_entry(session, entry_id)
        require(session, "hours.verify", team_id=entry.team_id)
        if entry.verified_at is None:
            entry.verified_at, entry.verified_by = now, by
            count += 1
    session.flush()
    return count


def verify_month(
    session: Session,
    month: str,
    by: str,
    *,
    team_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Verify every current, unverified entry of a month (optionally of one team).

    A captain verifies only their own team's entries, whatever ``team_id`` says.
    """
    actor = require(session, "hours.verify", team_id=team_id)
    if actor.role == "captain":
        team_id = actor.team_id
    by = normalize_operator(by, "verified_by")
    first, nxt = month_bounds(month)
    stmt = select(HoursEntry.id).where(
        HoursEntry.date >= first, HoursEntry.date < nxt, HoursEntry.verified_at.is_(None),
        _is_current(),
    )
    if team_id is not None:
        stmt = stmt.where(HoursEntry.team_id == team_id)
    return verify(session, list(session.scalars(stmt)), by, now=now)


def entry_for_request(
    session: Session,
    request: ResidentRequest,
    minutes: int,
    operator: str,
    now: datetime,
) -> int:
    """Append the hours a volunteer spent on a completed request (called by services.requests).

    A request completed again after corrections keeps one current entry: an existing
    current entry for the same request and volunteer is corrected instead.
    """
    if request.volunteer_id is None:
        raise ValidationError(FieldProblem("volunteer", "required", None))
    on = (request.done_at or now).date()
    duty = " · ".join(p for p in (request.building, request.description[:60]) if p) or request.category
    existing = session.scalar(
        select(HoursEntry).where(
            HoursEntry.request_id == request.id,
            HoursEntry.volunteer_id == request.volunteer_id, _is_current(),
        )
    )
    if existing is not None:
        if existing.minutes == minutes:
            return existing.id
        return _append_correction(session, existing, minutes, REASON_REQUEST_HOURS, operator, now)
    entry = HoursEntry(
        volunteer_id=request.volunteer_id, team_id=request.team_id, date=on, minutes=minutes,
        source="request", duty=duty[:200], request_id=request.id,
        start_at=request.started_at, end_at=request.done_at, reason="", created_at=now,
        created_by=operator, verified_by="",
    )
    session.add(entry)
    session.flush()
    return entry.id


# -- check-in of a shift --------------------------------------------------------------


def shift_span(on: date, start: time, end: time) -> tuple[datetime, datetime]:
    """Planned start and end of a shift; an end not after the start is on the next day."""
    begin = datetime.combine(on, start)
    finish = datetime.combine(on, end)
    if finish <= begin:
        finish += timedelta(days=1)
    return begin, finish


def time_on_shift(on: date, start: time, end: time, t: time) -> datetime:
    """The datetime a clock time ``t`` means for a shift: the one nearest its planned span.

    For a 22:00-06:00 shift of 7 December, 01:30 means 8 December 01:30 and 21:50 means
    7 December 21:50; for a 00:00-04:00 shift, 23:50 means the evening before.
    """
    begin, finish = shift_span(on, start, end)
    best: datetime | None = None
    best_gap: timedelta | None = None
    for offset in (-1, 0, 1):
        candidate = datetime.combine(on + timedelta(days=offset), t)
        if candidate < begin:
            gap = begin - candidate
        elif candidate > finish:
            gap = candidate - finish
        else:
            gap = timedelta(0)
        if best_gap is None or gap < best_gap:
            best, best_gap = candidate, gap
    assert best is not None
    return best


@dataclass(frozen=True)
class CheckinRow:
    """One volunteer on the check-in sheet of a shift."""

    assignment_id: int
    volunteer_id: int
    name: str
    mobile: str
    status: str
    actual_start: datetime | None
    actual_end: datetime | None
    entry_id: int | None
    minutes: int | None
    verified: bool


@dataclass(frozen=True)
class CheckinSheet:
    """A shift with its planned times and everyone assigned to it (cancelled ones left out)."""

    shift_id: int
    title: str
    duty_type: str
    team_id: int | None
    team: str | None
    grid: str | None
    location: str
    date: date
    start_time: time
    end_time: time
    planned_start: datetime
    planned_end: datetime
    rows: tuple[CheckinRow, ...] = field(default=())

    @property
    def overnight(self) -> bool:
        return self.planned_end.date() > self.planned_start.date()


@dataclass(frozen=True)
class CheckinMark:
    """What the captain marks for one assignment: arrived (checked_in), served
    (completed) or no_show. Missing times default to the planned ones (or, for the
    start of a completed duty, to the recorded arrival)."""

    assignment_id: int
    status: str
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True)
class CheckinResult:
    """What a check-in changed."""

    changed: int
    entries_created: tuple[int, ...] = ()
    entries_corrected: tuple[int, ...] = ()


def _shift(session: Session, shift_id: int) -> Shift:
    shift = session.get(Shift, shift_id)
    if shift is None:
        raise NotFoundError("shift_not_found", id=shift_id)
    return shift


def checkin_sheet(session: Session, shift_id: int) -> CheckinSheet:
    """The shift and its volunteers with their status, times and current ledger entry."""
    shift = _shift(session, shift_id)
    require(session, "shifts.read")
    begin, finish = shift_span(shift.date, shift.start_time, shift.end_time)
    team = session.get(Team, shift.team_id) if shift.team_id else None
    grid = session.get(Grid, shift.grid_id) if shift.grid_id else None
    rows = []
    for a, name, mobile in session.execute(
        select(Assignment, Volunteer.name, Volunteer.mobile)
        .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
        .where(Assignment.shift_id == shift_id, Assignment.status != "cancelled")
        .order_by(Volunteer.sort_key, Assignment.id)
    ):
        entry = _assignment_entry(session, a.id)
        rows.append(CheckinRow(
            assignment_id=a.id, volunteer_id=a.volunteer_id, name=name, mobile=mobile,
            status=a.status, actual_start=a.actual_start, actual_end=a.actual_end,
            entry_id=entry.id if entry else None, minutes=entry.minutes if entry else None,
            verified=bool(entry and entry.verified_at is not None),
        ))
    return CheckinSheet(
        shift_id=shift.id, title=shift.title, duty_type=shift.duty_type,
        team_id=shift.team_id, team=team.name if team else None,
        grid=grid.name if grid else None, location=shift.location, date=shift.date,
        start_time=shift.start_time, end_time=shift.end_time, planned_start=begin,
        planned_end=finish, rows=tuple(rows),
    )


def _assignment_entry(session: Session, assignment_id: int) -> HoursEntry | None:
    return session.scalar(
        select(HoursEntry).where(HoursEntry.assignment_id == assignment_id, _is_current())
    )


def _shift_duty(session: Session, shift: Shift) -> str:
    place = shift.location
    if not place and shift.grid_id:
        grid = session.get(Grid, shift.grid_id)
        place = grid.name if grid else ""
    head = shift.title or shift.duty_type
    return " · ".join(p for p in (head, place) if p)[:200]


def record_checkin(
    session: Session,
    shift_id: int,
    marks: Sequence[CheckinMark],
    operator: str,
    *,
    now: datetime | None = None,
) -> CheckinResult:
    """Record who arrived, who left when and who did not come, for one shift.

    Completing an assignment writes its hours to the ledger (unverified); recording
    different times later, or a no-show after all, appends a correction.
    """
    operator = normalize_operator(operator)
    now = now or local_now(session)
    shift = _shift(session, shift_id)
    require(session, "shifts.checkin", team_id=shift.team_id)
    begin, finish = shift_span(shift.date, shift.start_time, shift.end_time)
    duty = _shift_duty(session, shift)
    created: list[int] = []
    corrected: list[int] = []
    changed = 0
    problems: list[FieldProblem] = []
    planned: list[tuple[Assignment, str, datetime | None, datetime | None]] = []
    for mark in marks:
        a = session.get(Assignment, mark.assignment_id)
        if a is None or a.shift_id != shift_id:
            raise NotFoundError("assignment_not_found", id=mark.assignment_id, shift_id=shift_id)
        if mark.status not in CHECKIN_STATUSES:
            problems.append(FieldProblem("status", "checkin_status_invalid", mark.status))
            continue
        if a.status == "cancelled":
            raise ConflictError("assignment_cancelled", id=a.id)
        if mark.status == "checked_in" and a.status == "completed":
            raise ConflictError("assignment_completed", id=a.id)
        start = end = None
        if mark.status in ("checked_in", "completed"):
            start = mark.start or (
                a.actual_start if a.status == "checked_in" and a.actual_start else begin
            )
            if start < begin - CHECKIN_SLACK or start > finish:
                problems.append(FieldProblem("start", "outside_shift", start.isoformat(" ")))
            elif start > now + CHECKIN_AHEAD:
                problems.append(FieldProblem("start", "in_future", start.isoformat(" ")))
        if mark.status == "completed":
            end = mark.end or finish
            if end <= start:
                problems.append(FieldProblem("end", "end_before_start", end.isoformat(" ")))
            elif end - start > timedelta(minutes=MAX_MINUTES):
                problems.append(FieldProblem("end", "hours_too_many", end.isoformat(" ")))
            elif end < begin or end > finish + CHECKIN_SLACK:
                problems.append(FieldProblem("end", "outside_shift", end.isoformat(" ")))
            elif end > now + CHECKIN_AHEAD:
                problems.append(FieldProblem("end", "in_future", end.isoformat(" ")))
        planned.append((a, mark.status, start, end))
    if problems:
        raise ValidationError(problems)  # nothing has been written yet
    for a, status, start, end in planned:
        if (a.status, a.actual_start, a.actual_end) != (status, start, end):
            changed += 1
        a.status, a.actual_start, a.actual_end = status, start, end
        new_id, fixed_id = _sync_entry(session, a, shift, duty, operator, now)
        if new_id is not None:
            created.append(new_id)
        if fixed_id is not None:
            corrected.append(fixed_id)
    session.flush()
    return CheckinResult(changed, tuple(created), tuple(corrected))


def _sync_entry(
    session: Session, a: Assignment, shift: Shift, duty: str, operator: str, now: datetime
) -> tuple[int | None, int | None]:
    """Make the ledger agree with an assignment: a completed duty has one current entry
    with its actual times; any other status has none (or a voiding correction).
    Returns (created entry id, correcting entry id)."""
    entry = _assignment_entry(session, a.id)
    if a.status == "completed" and a.actual_start and a.actual_end and a.actual_end > a.actual_start:
        start, end = a.actual_start, a.actual_end
        minutes = min(MAX_MINUTES, round((end - start).total_seconds() / 60))
        if entry is None:
            new = HoursEntry(
                volunteer_id=a.volunteer_id, team_id=shift.team_id, date=shift.date,
                minutes=minutes, source="assignment", duty=duty, assignment_id=a.id,
                start_at=start, end_at=end, reason="", created_at=now, created_by=operator,
                verified_by="",
            )
            session.add(new)
            session.flush()
            return new.id, None
        if entry.minutes != minutes or entry.start_at != start or entry.end_at != end:
            return None, _append_correction(session, entry, minutes, REASON_CHECKIN_TIMES,
                                            operator, now, start_at=start, end_at=end)
        return None, None
    if entry is not None and entry.minutes > 0:
        reason = REASON_NO_SHOW if a.status == "no_show" else REASON_CHECKIN_TIMES
        return None, _append_correction(session, entry, 0, reason, operator, now)
    return None, None


def sync_assignment(
    session: Session, assignment_id: int, operator: str, *, now: datetime | None = None
) -> CheckinResult:
    """Bring the ledger in line with an assignment whose status or times were set elsewhere
    (e.g. by the planner's status command): a completed duty gets its hours, a duty that
    is no longer completed has them voided by a correction. Idempotent."""
    operator = normalize_operator(operator)
    a = session.get(Assignment, assignment_id)
    if a is None:
        raise NotFoundError("assignment_not_found", id=assignment_id, shift_id=None)
    shift = _shift(session, a.shift_id)
    new_id, fixed_id = _sync_entry(session, a, shift, _shift_duty(session, shift), operator,
                                   now or local_now(session))
    return CheckinResult(int(bool(new_id or fixed_id)), (new_id,) if new_id else (),
                         (fixed_id,) if fixed_id else ())


def verify_shift(session: Session, shift_id: int, by: str, *, now: datetime | None = None) -> int:
    """Verify the current, unverified hours of everyone on one shift (the captain signs
    the sign-in sheet); returns how many entries were verified."""
    shift = _shift(session, shift_id)
    require(session, "hours.verify", team_id=shift.team_id)
    ids = list(session.scalars(
        select(HoursEntry.id)
        .join(Assignment, Assignment.id == HoursEntry.assignment_id)
        .where(Assignment.shift_id == shift_id, HoursEntry.verified_at.is_(None), _is_current(),
               HoursEntry.minutes > 0)
    ))
    return verify(session, ids, by, now=now)


def all_arrived_as_planned(
    session: Session, shift_id: int, operator: str, *, now: datetime | None = None
) -> CheckinResult:
    """Bulk check-in: everyone still planned, confirmed or checked in served the planned
    times (a recorded arrival time is kept). No-shows and completed duties stay as they are."""
    marks = [
        CheckinMark(a_id, "completed")
        for a_id in session.scalars(
            select(Assignment.id).where(
                Assignment.shift_id == shift_id,
                Assignment.status.in_(("planned", "confirmed", "checked_in")),
            )
        )
    ]
    _shift(session, shift_id)
    return record_checkin(session, shift_id, marks, operator, now=now)


# -- reports --------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementRow:
    """One line of a monthly hours statement (for the printed PDF statement and xlsx)."""

    entry_id: int
    volunteer_id: int
    volunteer: str
    team_id: int | None
    team: str | None
    date: date
    duty: str
    hours: float
    minutes: int
    verified: bool
    source: str


def monthly_statement(session: Session, month: str, team_id: int | None = None) -> list[StatementRow]:
    """Every current, non-void entry of a month (optionally of one team), by team, volunteer
    (pinyin order) and date. Unverified entries are included with ``verified=False``; they
    must not be added into totals."""
    first, nxt = month_bounds(month)
    stmt = (
        select(HoursEntry, Volunteer.name, Team.name)
        .join(Volunteer, Volunteer.id == HoursEntry.volunteer_id)
        .outerjoin(Team, Team.id == HoursEntry.team_id)
        .where(HoursEntry.date >= first, HoursEntry.date < nxt, HoursEntry.minutes > 0,
               _is_current())
        .order_by(Team.id.is_(None), Team.id, Volunteer.sort_key, HoursEntry.volunteer_id,
                  HoursEntry.date, HoursEntry.start_at, HoursEntry.id)
    )
    if team_id is not None:
        stmt = stmt.where(HoursEntry.team_id == team_id)
    return [
        StatementRow(
            entry_id=e.id, volunteer_id=e.volunteer_id, volunteer=vname, team_id=e.team_id,
            team=tname, date=e.date, duty=e.duty, hours=minutes_to_hours(e.minutes),
            minutes=e.minutes, verified=e.verified_at is not None, source=e.source,
        )
        for e, vname, tname in session.execute(stmt)
    ]


@dataclass(frozen=True)
class VolunteerHours(_MinutesAsHours):
    """A volunteer's hours in a month."""

    volunteer_id: int
    name: str
    teams: tuple[str, ...]
    verified_minutes: int
    unverified_minutes: int
    entries: int


@dataclass(frozen=True)
class TeamHours(_MinutesAsHours):
    """A team's hours in a month (by the team each entry was served for)."""

    team_id: int | None
    name: str | None
    verified_minutes: int
    unverified_minutes: int
    volunteers: int


@dataclass(frozen=True)
class MonthlyReport:
    """Monthly hours per volunteer and per team; only verified minutes make the totals."""

    month: str
    volunteers: tuple[VolunteerHours, ...]
    teams: tuple[TeamHours, ...]
    verified_minutes: int
    unverified_minutes: int

    @property
    def hours(self) -> float:
        return minutes_to_hours(self.verified_minutes)


def monthly_report(session: Session, month: str) -> MonthlyReport:
    """Hours of a month per volunteer and per team, from the statement lines."""
    require(session, "hours.report")
    lines = monthly_statement(session, month)
    by_vol: dict[int, list[StatementRow]] = {}
    by_team: dict[int | None, list[StatementRow]] = {}
    for line in lines:
        by_vol.setdefault(line.volunteer_id, []).append(line)
        by_team.setdefault(line.team_id, []).append(line)
    memberships: dict[int, list[str]] = {}
    if by_vol:
        for vid, tname in session.execute(
            select(Membership.volunteer_id, Team.name)
            .join(Team, Team.id == Membership.team_id)
            .where(Membership.volunteer_id.in_(list(by_vol)))
            .order_by(Team.id)
        ):
            memberships.setdefault(vid, []).append(tname)
    sort_keys: dict[int, str] = {}
    if by_vol:
        sort_keys = dict(session.execute(
            select(Volunteer.id, Volunteer.sort_key).where(Volunteer.id.in_(list(by_vol)))
        ).all())
    volunteers = tuple(
        VolunteerHours(
            volunteer_id=vid, name=ls[0].volunteer, teams=tuple(memberships.get(vid, ())),
            verified_minutes=sum(x.minutes for x in ls if x.verified),
            unverified_minutes=sum(x.minutes for x in ls if not x.verified),
            entries=len(ls),
        )
        for vid, ls in sorted(by_vol.items(), key=lambda kv: (sort_keys.get(kv[0], ""), kv[0]))
    )
    teams = tuple(
        TeamHours(
            team_id=tid, name=ls[0].team,
            verified_minutes=sum(x.minutes for x in ls if x.verified),
            unverified_minutes=sum(x.minutes for x in ls if not x.verified),
            volunteers=len({x.volunteer_id for x in ls}),
        )
        for tid, ls in sorted(by_team.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
    )
    return MonthlyReport(
        month=month, volunteers=volunteers, teams=teams,
        verified_minutes=sum(x.minutes for x in lines if x.verified),
        unverified_minutes=sum(x.minutes for x in lines if not x.verified),
    )


def ledger_minutes(
    session: Session,
    date_from: date,
    date_to: date,
    *,
    verified_only: bool = True,
    volunteer_id: int | None = None,
    team_id: int | None = None,
) -> int:
    """Sum of counting minutes straight from the ledger table, ``date_to`` exclusive."""
    stmt = select(func.coalesce(func.sum(HoursEntry.minutes), 0)).where(
        HoursEntry.date >= date_from, HoursEntry.date < date_to, _is_current()
    )
    if verified_only:
        stmt = stmt.where(HoursEntry.verified_at.is_not(None))
    if volunteer_id is not None:
        stmt = stmt.where(HoursEntry.volunteer_id == volunteer_id)
    if team_id is not None:
        stmt = stmt.where(HoursEntry.team_id == team_id)
    return int(session.scalar(stmt) or 0)


@dataclass(frozen=True)
class YearlyTotals:
    """A volunteer's verified hours in one year, for the certificate."""

    volunteer_id: int
    name: str
    gender: str | None
    year: int
    verified_minutes: int
    unverified_minutes: int
    by_month: tuple[int, ...]  # 12 verified minute totals, January first
    by_team: tuple[tuple[str | None, int], ...]  # (team name or None, verified minutes)
    duties: int  # counting entries
    first_date: date | None
    last_date: date | None
    teams: tuple[str, ...]  # current team memberships
    joined_on: date | None

    @property
    def hours(self) -> float:
        return minutes_to_hours(self.verified_minutes)


def yearly_totals(session: Session, volunteer_id: int, year: int) -> YearlyTotals:
    """Verified hours of one volunteer in a calendar year, per month and per team."""
    require(session, "hours.report")
    if not isinstance(year, int) or not 1900 <= year <= 9999:
        raise ValidationError(FieldProblem("year", "year_invalid", year))
    vol = _volunteer(session, volunteer_id)
    rows = session.execute(
        select(HoursEntry.date, HoursEntry.minutes, HoursEntry.verified_at, Team.id, Team.name)
        .outerjoin(Team, Team.id == HoursEntry.team_id)
        .where(
            HoursEntry.volunteer_id == volunteer_id,
            HoursEntry.date >= date(year, 1, 1), HoursEntry.date < date(year + 1, 1, 1),
            HoursEntry.minutes > 0, _is_current(),
        )
        .order_by(HoursEntry.date)
    ).all()
    by_month = [0] * 12
    by_team: dict[int | None, list] = {}
    verified = unverified = duties = 0
    dates = []
    for on, minutes, verified_at, tid, tname in rows:
        if verified_at is None:
            unverified += minutes
            continue
        verified += minutes
        duties += 1
        dates.append(on)
        by_month[on.month - 1] += minutes
        by_team.setdefault(tid, [tname, 0])[1] += minutes
    teams = tuple(
        session.scalars(
            select(Team.name).join(Membership, Membership.team_id == Team.id)
            .where(Membership.volunteer_id == volunteer_id).order_by(Team.id)
        )
    )
    return YearlyTotals(
        volunteer_id=vol.id, name=vol.name, gender=vol.gender, year=year,
        verified_minutes=verified, unverified_minutes=unverified, by_month=tuple(by_month),
        by_team=tuple((v[0], v[1]) for _k, v in sorted(
            by_team.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))),
        duties=duties, first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None, teams=teams, joined_on=vol.joined_on,
    )


# -- history check --------------------------------------------------------------------


def volunteer_has_hours_or_requests(session: Session, volunteer_id: int) -> bool:
    """Whether any ledger entry or resident request (or its history) names the volunteer."""
    return bool(
        session.scalar(
            select(
                or_(
                    exists().where(HoursEntry.volunteer_id == volunteer_id),
                    exists().where(ResidentRequest.volunteer_id == volunteer_id),
                    exists().where(
                        and_(RequestEvent.volunteer_id == volunteer_id,
                             RequestEvent.volunteer_id.is_not(None))
                    ),
                )
            )
        )
    )


if volunteer_has_hours_or_requests not in volunteer_service.HISTORY_CHECKS:
    volunteer_service.HISTORY_CHECKS.append(volunteer_has_hours_or_requests)
