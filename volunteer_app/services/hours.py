"""The service-hours ledger: recording hours by hand, corrections, verification and the
hours of completed requests, with the units (hours, minutes, months) they are given in.

Rules (see models/hours.py): entries are appended, never edited, except that verifying
stamps ``verified_at``/``verified_by``. A correction is a new entry replacing an older
one. Only *counting* entries appear in totals: verified, not superseded by a correction,
and with more than zero minutes. Unverified entries are listed (flagged) but not totalled.

Listing the ledger is :mod:`.hours_listing`, the check-in of shifts (which writes the
hours of completed duties) :mod:`.checkin`, the monthly and yearly reports
:mod:`.hours_reports`; they all count entries by :func:`is_current` and the rules above.

Times are naive local wall-clock datetimes in the community's time zone. Functions that
compare with "now" take ``now`` so tests can inject a clock; by default it is the
community's local time (:func:`volunteer_app.clock.local_now`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from ..clock import local_now
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import Team, Volunteer
from ..models.hours import HoursEntry
from ..models.requests import ResidentRequest
from ..parsing import parse_date, parse_hours, parse_month
from ..security.permissions import acting_name, captain_team, require, require_member
from ..validation import normalize_name, normalize_text

MAX_MINUTES = 24 * 60

# Reasons the app itself writes on corrections it makes; front ends translate them.
REASON_NO_SHOW = "no_show"
REASON_CHECKIN_TIMES = "checkin_times"
REASON_REQUEST_HOURS = "request_hours"
AUTO_REASONS = (REASON_NO_SHOW, REASON_CHECKIN_TIMES, REASON_REQUEST_HOURS)


# -- units ----------------------------------------------------------------------------


def month_bounds(month: str, field_name: str = "month") -> tuple[date, date]:
    """First day of ``YYYY-MM`` and first day of the month after it (strictly parsed:
    :func:`volunteer_app.parsing.parse_month`)."""
    first = parse_month(month, field_name)
    nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, nxt


def normalize_operator(value: object, field_name: str = "operator") -> str:
    """The name of whoever records something: required, a plain name of at most 40 chars."""
    return normalize_name(value, field_name)


def hours_to_minutes(value: object, field_name: str = "hours", *, allow_zero: bool = False) -> int:
    """Whole minutes of a number of hours (``1.5`` -> 90); more than 0 and at most 24 hours,
    typed strictly (no ``1_0``, ``inf`` or digits of other scripts: :mod:`volunteer_app.parsing`)."""
    return parse_hours(value, field_name, allow_zero=allow_zero)


def minutes_to_hours(minutes: int) -> float:
    """Hours with two decimals, as reports print them."""
    return round(minutes / 60, 2)


class MinutesAsHours:
    """Verified and unverified minutes of a total, shown as hours."""

    verified_minutes: int
    unverified_minutes: int

    @property
    def hours(self) -> float:
        return minutes_to_hours(self.verified_minutes)

    @property
    def unverified_hours(self) -> float:
        return minutes_to_hours(self.unverified_minutes)


def is_current():  # noqa: ANN202
    """SQL condition: the entry has not been replaced by a correction."""
    newer = aliased(HoursEntry)
    return ~exists().where(newer.corrects_id == HoursEntry.id)


# -- writing the ledger ---------------------------------------------------------------


def load_volunteer(session: Session, volunteer_id: int) -> Volunteer:
    """The volunteer's row; NotFoundError when there is none."""
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
    """Record hours by hand (e.g. an event without a shift); the reason is required.

    With accounts on, the one recording is the logged-in operator (``operator`` is not
    used); a captain records only for their own team and its volunteers.
    """
    require(session, "hours.record")
    values, problems = check_manual(hours, reason, duty)
    try:
        values["operator"] = normalize_operator(acting_name(session, operator))
    except ValidationError as exc:
        problems.extend(exc.problems)
    now = now or local_now(session)
    try:
        on = parse_date(on, "date")
    except ValidationError as exc:
        problems.extend(exc.problems)
    else:
        if on > now.date():
            problems.append(FieldProblem("date", "date_in_future", on.isoformat()))
    if team_id is not None and session.get(Team, team_id) is None:
        problems.append(FieldProblem("team", "unknown_team", team_id))
    if problems:
        raise ValidationError(problems)
    require(session, "hours.record", team_id=team_id)
    load_volunteer(session, volunteer_id)
    require_member(session, "hours.record", volunteer_id)
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

    The corrected entry stays in the ledger (superseded), so nothing is lost. With
    accounts on, the one correcting is the logged-in operator (``operator`` is not used).
    """
    require(session, "hours.record")
    values, problems = check_correction(hours, reason)
    op = None
    try:
        op = normalize_operator(acting_name(session, operator))
    except ValidationError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)
    old = _current_entry(session, entry_id)
    require(session, "hours.record", team_id=old.team_id)
    return append_correction(session, old, values["minutes"], values["reason"], op,
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


def append_correction(
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
    """Append an unverified entry that replaces ``old`` (0 minutes voids it); its id."""
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
    session: Session, entry_ids: Iterable[int], by: str | None = None, *, now: datetime | None = None
) -> int:
    """Mark entries verified by a captain or coordinator; returns how many were newly verified.

    Entries already verified are left as they were; a superseded entry cannot be verified.
    The verifier is the logged-in operator when accounts are on (``by`` is not used: no
    one verifies "by" somebody else); in single-user mode ``by`` names who signed, by
    default the one working (the OS user, or the command line's ``--operator``).
    """
    actor = require(session, "hours.verify")
    name = acting_name(session, by)
    # None: not given (the one working); an empty name typed into a form is refused.
    by = normalize_operator(actor.name if name is None else name, "verified_by")
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
    by: str | None = None,
    *,
    team_id: int | None = None,
    now: datetime | None = None,
) -> int:
    """Verify every current, unverified entry of a month (optionally of one team).

    A captain verifies only their own team's entries, whatever ``team_id`` says. The
    verifier is as in :func:`verify`.
    """
    if team_id is None:
        actor = require(session, "hours.verify")
    else:
        actor = require(session, "hours.verify", team_id=team_id)
    own = captain_team(session)
    if own is not None:
        team_id = own
    name = acting_name(session, by)
    by = normalize_operator(actor.name if name is None else name, "verified_by")
    first, nxt = month_bounds(month)
    stmt = select(HoursEntry.id).where(
        HoursEntry.date >= first, HoursEntry.date < nxt, HoursEntry.verified_at.is_(None),
        is_current(),
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
            HoursEntry.volunteer_id == request.volunteer_id, is_current(),
        )
    )
    if existing is not None:
        if existing.minutes == minutes:
            return existing.id
        return append_correction(session, existing, minutes, REASON_REQUEST_HOURS, operator, now)
    entry = HoursEntry(
        volunteer_id=request.volunteer_id, team_id=request.team_id, date=on, minutes=minutes,
        source="request", duty=duty[:200], request_id=request.id,
        start_at=request.started_at, end_at=request.done_at, reason="", created_at=now,
        created_by=operator, verified_by="",
    )
    session.add(entry)
    session.flush()
    return entry.id
