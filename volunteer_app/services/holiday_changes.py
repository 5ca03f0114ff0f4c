"""A change of the holiday table and the duties it moves, applied and undone as one.

Issue 18: shifts generated before a holiday was entered stayed on the holiday (元旦 2027
kept three small inspections), and a make-up working day entered later silently dropped
the week's Saturday duties at the next generation while the weekday duties never came.
Now a change of the table is shown with its effect on the duties first
(:func:`holiday_change_effects`):

* **to remove**: shifts generated from a template, not edited by hand, not yet served, on
  a changed day where the template no longer runs (a holiday for a template that skips
  holidays; a make-up working day for a weekend-only duty); the people planned on them
  are listed;
* **to add**: shifts a template would generate on a changed day and does not have (a
  weekday duty on a make-up working day), unless a coordinator deleted that occurrence
  or the template's generation has not reached that day yet (the weekly plan makes
  those, with the table as it then stands).

Only days from today on are touched: the past is history. :func:`apply_holiday_change`
writes the table and (with ``replan``) removes and adds those shifts in the caller's unit
of work, recorded as one ``holiday_change`` that :func:`undo_holiday_change` takes back as
a whole: the table's rows as they were, the removed shifts with their assignments, the
added shifts gone (refused once someone is assigned to one). Records of service are never
removed: such a shift is listed as ``kept``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import versions
from ..clock import community_zone, local_now
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import Team, Volunteer
from ..models.holidays import Holiday, HolidayChange
from ..models.shifts import Assignment, GenerationBatch, Shift, ShiftSkip, ShiftTemplate
from ..parsing import parse_date
from ..scheduling.holidays import HolidayCalendar
from ..scheduling.recurrence import Recurrence, occurrence_dates
from ..security.permissions import require
from .holidays import _check_entry, _write_holiday, ensure_years, load_calendar
from .shifts import RECORD_STATUSES

# A holiday range longer than this is a typing mistake (the longest break is 8-9 days).
MAX_RANGE_DAYS = 31
# Computed by database triggers, never written by the app (see models.shifts.Assignment).
_SERVER_COLUMNS = {"starts_at", "ends_at"}


@dataclass(frozen=True)
class HolidayEdit:
    """One day of a change: becomes ``holiday``, ``workday`` (make-up working day) or,
    with ``kind`` None, an ordinary day again."""

    date: date
    kind: str | None
    name: str = ""


def edits_for_range(first: date | str, last: date | str | None, kind: str | None,
                    name: str = "") -> list[HolidayEdit]:
    """Every day from ``first`` to ``last`` (one day when None) as one kind of day."""
    problems: list[FieldProblem] = []
    try:
        first = parse_date(first, "date")
    except ValidationError as exc:
        problems.extend(exc.problems)
    if last is None:
        last = first
    else:
        try:
            last = parse_date(last, "to")
        except ValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)
    assert isinstance(first, date) and isinstance(last, date)
    if last < first:
        raise ValidationError(FieldProblem("to", "end_before_start", last.isoformat()))
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise ValidationError(FieldProblem("to", "holiday_range_too_long", (last - first).days + 1))
    return [HolidayEdit(first + timedelta(days=i), kind, name)
            for i in range((last - first).days + 1)]


def _checked(changes: Iterable[HolidayEdit]) -> list[HolidayEdit]:
    out: dict[date, HolidayEdit] = {}
    for c in changes:
        if c.kind is None:
            day = parse_date(c.date, "date")
            out[day] = HolidayEdit(day, None, "")
        else:
            day, kind, name = _check_entry(c.date, c.kind, c.name)
            out[day] = HolidayEdit(day, kind, name)
    if not out:
        raise ValidationError(FieldProblem("date", "required", ""))
    days = sorted(out)
    if (days[-1] - days[0]).days + 1 > MAX_RANGE_DAYS:
        raise ValidationError(FieldProblem("to", "holiday_range_too_long", (days[-1] - days[0]).days + 1))
    return [out[d] for d in days]


@dataclass(frozen=True)
class AffectedShift:
    """A duty a change removes, adds or has to keep."""

    shift_id: int | None  # None: to be added
    template_id: int | None
    date: date
    start: time
    end: time
    title: str
    team_id: int | None
    team: str
    people: tuple[str, ...] = ()  # planned or confirmed on it (removals)

    def to_json(self) -> dict:
        return {"shift_id": self.shift_id, "template_id": self.template_id,
                "date": self.date.isoformat(), "start": self.start.strftime("%H:%M"),
                "end": self.end.strftime("%H:%M"), "title": self.title, "team": self.team,
                "people": list(self.people)}


@dataclass(frozen=True)
class HolidayEffects:
    """What a change of the holiday table does to the duties from today on."""

    remove: tuple[AffectedShift, ...] = ()
    add: tuple[AffectedShift, ...] = ()
    kept: tuple[AffectedShift, ...] = ()  # would go, but served or edited by hand

    @property
    def people(self) -> list[str]:
        """Everyone planned on a duty to be removed, once each, sorted."""
        return sorted({p for s in self.remove for p in s.people})

    @property
    def empty(self) -> bool:
        return not (self.remove or self.add)

    def to_json(self) -> dict:
        return {"remove": [s.to_json() for s in self.remove],
                "add": [s.to_json() for s in self.add],
                "kept": [s.to_json() for s in self.kept], "people": self.people}


def _new_calendar(cal: HolidayCalendar, changes: Sequence[HolidayEdit]) -> HolidayCalendar:
    special = dict(cal.special)
    for c in changes:
        if c.kind is None:
            special.pop(c.date, None)
        else:
            old = special.get(c.date)
            special[c.date] = (c.kind, old[1] if old and old[0] == c.kind else "", c.name)
    return HolidayCalendar(special, cal.covered_years, cal.uncovered_years)


def _effects(session: Session, changes: Sequence[HolidayEdit]) -> HolidayEffects:
    today = local_now(session).date()
    days = [c.date for c in changes if c.date >= today]
    if not days:
        return HolidayEffects()
    lo, hi = days[0], days[-1]
    cal = _new_calendar(load_calendar(session, lo, hi), changes)
    tz = community_zone(session)
    wanted = set(days)
    templates = list(session.scalars(select(ShiftTemplate).where(ShiftTemplate.active.is_(True))
                                     .order_by(ShiftTemplate.id)))
    teams = dict(session.execute(select(Team.id, Team.name)).all())
    shifts = list(session.scalars(select(Shift).where(
        Shift.template_id.is_not(None), Shift.origin_date.in_(days)).order_by(Shift.date, Shift.start_time, Shift.id)))
    by_key = {(s.template_id, s.origin_date): s for s in shifts}
    skips = set(session.execute(select(ShiftSkip.template_id, ShiftSkip.date)
                                .where(ShiftSkip.date.in_(days))).all())
    # How far each template's shifts were generated (the end of the latest run that made
    # one: a weekday duty's run reaches the Sunday): beyond that, nothing to add yet.
    reach: dict[int, date] = dict(session.execute(
        select(Shift.template_id, func.max(Shift.origin_date))
        .where(Shift.template_id.is_not(None)).group_by(Shift.template_id)).all())
    for tid, last in session.execute(
            select(Shift.template_id, func.max(GenerationBatch.date_to))
            .join(GenerationBatch, GenerationBatch.id == Shift.batch_id)
            .where(Shift.template_id.is_not(None)).group_by(Shift.template_id)):
        reach[tid] = max(reach.get(tid, last), last)
    people: dict[int, list[tuple[str, str]]] = {}
    if shifts:
        for sid, status, name in session.execute(
                select(Assignment.shift_id, Assignment.status, Volunteer.name)
                .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
                .where(Assignment.shift_id.in_([s.id for s in shifts]))):
            people.setdefault(sid, []).append((status, name))
    remove: list[AffectedShift] = []
    add: list[AffectedShift] = []
    kept: list[AffectedShift] = []
    runs_on: dict[int, set[date]] = {}
    for t in templates:
        rec = Recurrence(t.start_time, t.day_of_week, t.day, t.month, t.valid_from,
                         t.valid_until, t.on_holidays, t.makeup_as_weekday)
        runs = runs_on[t.id] = set(occurrence_dates(rec, lo, hi, tz, cal.info)) & wanted
        for day in sorted(runs):
            if ((t.id, day) not in by_key and (t.id, day) not in skips
                    and reach.get(t.id) is not None and reach[t.id] >= day):
                add.append(AffectedShift(None, t.id, day, t.start_time, t.end_time, t.name,
                                         t.team_id, teams.get(t.team_id, "")))
    for s in shifts:
        if s.template_id not in runs_on or s.origin_date in runs_on[s.template_id]:
            continue  # still runs (or a paused template's: the coordinator's to look after)
        held = people.get(s.id, [])
        row = AffectedShift(s.id, s.template_id, s.date, s.start_time, s.end_time, s.title,
                            s.team_id, teams.get(s.team_id, ""),
                            tuple(sorted({n for st, n in held if st in ("planned", "confirmed")})))
        served = any(st in RECORD_STATUSES for st, _ in held)
        (kept if served or s.edited_by_hand or s.date < today else remove).append(row)
    add.sort(key=lambda a: (a.date, a.start, a.template_id or 0))
    return HolidayEffects(tuple(remove), tuple(add), tuple(kept))


def holiday_change_effects(session: Session, changes: Iterable[HolidayEdit]) -> HolidayEffects:
    """The duties a change of the holiday table would remove and add (nothing written)."""
    require(session, "holidays.edit")
    checked = _checked(changes)
    ensure_years(session, {c.date.year for c in checked})
    return _effects(session, checked)


# ---------------------------------------------------------------------------- snapshots


def _encode(obj: Any, skip: frozenset[str] = frozenset()) -> dict:
    out = {}
    for col in obj.__table__.columns:
        if col.key in skip:
            continue
        value = getattr(obj, col.key)
        out[col.key] = value.isoformat() if isinstance(value, (date, time)) else value
    return out


def _decode(model: type, data: dict) -> Any:
    kw = {}
    for col in model.__table__.columns:
        if col.key not in data:
            continue
        value = data[col.key]
        if isinstance(value, str):
            kind = col.type.python_type
            if kind is datetime:
                value = datetime.fromisoformat(value)
            elif kind is date:
                value = date.fromisoformat(value)
            elif kind is time:
                value = time.fromisoformat(value)
        kw[col.key] = value
    return model(**kw)


def _holiday_state(session: Session, days: Iterable[date]) -> dict[str, dict | None]:
    rows = {h.date: h for h in session.scalars(select(Holiday).where(Holiday.date.in_(list(days))))}
    return {d.isoformat(): ({"kind": rows[d].kind, "code": rows[d].code, "name": rows[d].name,
                             "source": rows[d].source, "estimated": rows[d].estimated}
                            if d in rows else None) for d in days}


@dataclass(frozen=True)
class HolidayChangeResult:
    """What :func:`apply_holiday_change` did."""

    change_id: int
    effects: HolidayEffects  # the duties the change affects (acted on when replanned)
    replanned: bool
    removed: tuple[int, ...] = ()  # shift ids removed
    added: tuple[int, ...] = ()  # shift ids created

    def to_json(self) -> dict:
        return {"change": self.change_id, "replanned": self.replanned,
                "removed": list(self.removed), "added": list(self.added),
                "people": self.effects.people, "effects": self.effects.to_json()}


def _require_teams(session: Session, team_ids: Iterable[int | None]) -> None:
    require(session, "shifts.plan")
    for team_id in sorted({t for t in team_ids if t is not None}):
        require(session, "shifts.plan", team_id=team_id)


def apply_holiday_change(session: Session, changes: Iterable[HolidayEdit], replan: bool = True,
                         expected_versions: dict[date, int] | None = None) -> HolidayChangeResult:
    """Write the change into the holiday table and, with ``replan``, remove and add the
    duties it affects; recorded as one change that :func:`undo_holiday_change` undoes.

    Without ``replan`` only the table changes (the duties are reported, untouched: a later
    replan of the same days still finds them). ``expected_versions``: the days' versions
    the form showed (0: no entry); another clerk's save since is ``ConflictError("stale")``."""
    require(session, "holidays.edit")
    checked = _checked(changes)
    days = [c.date for c in checked]
    ensure_years(session, {d.year for d in days})
    effects = _effects(session, checked)
    if replan and not effects.empty:
        _require_teams(session, [a.team_id for a in effects.remove + effects.add])
    before = _holiday_state(session, days)
    expected = expected_versions or {}
    for c in checked:
        if c.kind is None:
            row = session.get(Holiday, c.date)
            if row is None and expected.get(c.date):
                raise ConflictError("stale", id=c.date.isoformat(), version=0)
            if row is not None:
                versions.check(session, row, expected.get(c.date))
                session.delete(row)
        else:
            _write_holiday(session, c.date, c.kind, c.name, expected.get(c.date))
    session.flush()
    after = _holiday_state(session, days)
    removed: list[dict] = []
    added: list[int] = []
    now = local_now(session)
    if replan:
        for a in effects.remove:
            shift = session.get(Shift, a.shift_id)
            held = list(session.scalars(select(Assignment).where(Assignment.shift_id == shift.id)))
            removed.append({"shift": _encode(shift),
                            "assignments": [_encode(x, frozenset(_SERVER_COLUMNS)) for x in held]})
            for x in held:
                session.delete(x)
            session.flush()
            session.delete(shift)
        session.flush()
        templates = {t.id: t for t in session.scalars(select(ShiftTemplate).where(
            ShiftTemplate.id.in_([a.template_id for a in effects.add])))}
        for a in effects.add:
            t = templates[a.template_id]
            shift = Shift(title=t.name, team_id=t.team_id, grid_id=t.grid_id, location=t.location,
                          date=a.date, start_time=t.start_time, end_time=t.end_time,
                          duty_type=t.duty_type, needed=t.needed, notes=t.notes,
                          edited_by_hand=False, template_id=t.id, origin_date=a.date,
                          created_at=now)
            session.add(shift)
            session.flush()
            added.append(shift.id)
    record = HolidayChange(created_at=now, date_from=days[0], date_to=days[-1],
                           removed_count=len(removed), added_count=len(added),
                           data=json.dumps({"before": before, "after": after, "removed": removed,
                                            "added": added}, ensure_ascii=False))
    session.add(record)
    session.flush()
    return HolidayChangeResult(record.id, effects, replan,
                               tuple(r["shift"]["id"] for r in removed), tuple(added))


@dataclass(frozen=True)
class HolidayChangeRow:
    """A recorded change of the holiday table, as the undo list shows it."""

    id: int
    created_at: datetime
    date_from: date
    date_to: date
    removed_count: int
    added_count: int
    undone_at: datetime | None

    def to_json(self) -> dict:
        return {"id": self.id, "created_at": self.created_at.isoformat(),
                "from": self.date_from.isoformat(), "to": self.date_to.isoformat(),
                "removed": self.removed_count, "added": self.added_count,
                "undone_at": self.undone_at.isoformat() if self.undone_at else None}


def list_holiday_changes(session: Session, limit: int = 20) -> list[HolidayChangeRow]:
    """The latest recorded changes of the holiday table, newest first."""
    require(session, "shifts.read")
    return [HolidayChangeRow(c.id, c.created_at, c.date_from, c.date_to, c.removed_count,
                             c.added_count, c.undone_at)
            for c in session.scalars(select(HolidayChange).order_by(HolidayChange.id.desc())
                                     .limit(max(1, min(int(limit), 200))))]


def undo_holiday_change(session: Session, change_id: int) -> HolidayChangeRow:
    """Take a change back as a whole: the table's rows as they were, the removed shifts and
    their assignments back, the added shifts gone. Refused when one of the changed days
    was edited since (``stale``) or an added shift has an assignment."""
    require(session, "holidays.edit")
    record = session.get(HolidayChange, change_id)
    if record is None:
        raise NotFoundError("holiday_change_not_found", id=change_id)
    if record.undone_at is not None:
        raise ConflictError("holiday_change_undone", id=change_id)
    data = json.loads(record.data)
    days = [date.fromisoformat(d) for d in data["before"]]
    if _holiday_state(session, days) != data["after"]:
        raise ConflictError("stale", id=change_id, version=record.version)
    removed = data["removed"]
    added = list(session.scalars(select(Shift).where(Shift.id.in_(data["added"]))))
    if removed or added:
        _require_teams(session, [r["shift"]["team_id"] for r in removed] + [s.team_id for s in added])
    busy = session.scalar(select(func.count(func.distinct(Assignment.shift_id)))
                          .where(Assignment.shift_id.in_([s.id for s in added]))) if added else 0
    if busy:
        raise ConflictError("batch_has_assignments", id=change_id, count=busy)
    for s in added:
        session.delete(s)
    for d in days:
        old, row = data["before"][d.isoformat()], session.get(Holiday, d)
        if old is None:
            if row is not None:
                session.delete(row)
            continue
        if row is None:
            row = Holiday(date=d)
            session.add(row)
        row.kind, row.code, row.name = old["kind"], old["code"], old["name"]
        row.source, row.estimated = old["source"], old["estimated"]
    session.flush()
    for r in removed:
        shift = _decode(Shift, r["shift"])
        if session.get(Shift, shift.id) is not None:
            shift.id = None  # the id went to another shift meanwhile: a new one
        if session.scalar(select(Shift.id).where(Shift.template_id == shift.template_id,
                                                 Shift.origin_date == shift.origin_date)):
            raise ConflictError("stale", id=change_id, version=record.version)
        session.add(shift)
        session.flush()
        for a in r["assignments"]:
            a = {**a, "shift_id": shift.id}
            row = _decode(Assignment, a)
            if session.get(Assignment, row.id) is not None:
                row.id = None
            session.add(row)
    session.flush()  # the double-booking guard speaks here (ConflictError double_booking)
    record.undone_at = local_now(session)
    session.flush()
    return HolidayChangeRow(record.id, record.created_at, record.date_from, record.date_to,
                            record.removed_count, record.added_count, record.undone_at)
