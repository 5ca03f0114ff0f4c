"""Reading the service-hours ledger: entry rows with names resolved, filters, the lazy
listing a large ledger needs, per-volunteer totals and correction chains.

Which entries count is the ledger's rule (:mod:`.hours`): verified, current and more than
zero minutes; superseded entries are listed only when asked for.

A logged-in captain reads their own team's entries only (the entries recorded for that
team): every function here narrows to it, and one entry of another team is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from ..errors import NotFoundError
from ..models import Team, Volunteer
from ..models.hours import HoursEntry
from ..names import like_pattern
from ..security.permissions import CAPTAIN, PermissionDenied, captain_team, require
from .hours import MinutesAsHours, is_current, minutes_to_hours, month_bounds


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
    require(session, "registers.read")
    flt = flt or EntryFilter()
    stmt = _filtered(_entry_select(), flt, captain_team(session)).order_by(*_LEDGER_ORDER)
    return _entry_rows(session, stmt)


# Newest day first, then by volunteer (pinyin), then in the order the entries were made.
_LEDGER_ORDER = (HoursEntry.date.desc(), Volunteer.sort_key, HoursEntry.id)


def _filtered(stmt, flt: EntryFilter, own_team: int | None):  # noqa: ANN001, ANN202
    """``stmt`` (joined to Volunteer) restricted to the entries ``flt`` asks for (and to a
    captain's ``own_team``)."""
    if own_team is not None:
        stmt = stmt.where(HoursEntry.team_id == own_team)
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
        stmt = stmt.where(is_current())
    for term in (flt.search or "").split():
        stmt = stmt.where(Volunteer.search_text.like(like_pattern(term), escape="\\"))
    return stmt


def entry_ids(session: Session, flt: EntryFilter | None = None) -> list[int]:
    """Ids of the matching entries in ledger order (newest day first), so that a front end
    can show a large ledger lazily and fetch the rows it displays with :func:`fetch_entries`."""
    require(session, "registers.read")
    stmt = _filtered(
        select(HoursEntry.id).join(Volunteer, Volunteer.id == HoursEntry.volunteer_id),
        flt or EntryFilter(), captain_team(session),
    ).order_by(*_LEDGER_ORDER)
    return list(session.scalars(stmt))


def fetch_entries(session: Session, ids: Sequence[int]) -> list[EntryRow]:
    """The entries with the given ids, in the order given (unknown ids are left out)."""
    require(session, "registers.read")
    if not ids:
        return []
    stmt = _entry_select().where(HoursEntry.id.in_(list(ids)))
    own = captain_team(session)
    if own is not None:  # another team's ids are left out like unknown ones
        stmt = stmt.where(HoursEntry.team_id == own)
    rows = {r.id: r for r in _entry_rows(session, stmt)}
    return [rows[i] for i in ids if i in rows]


@dataclass(frozen=True)
class LedgerTotal(MinutesAsHours):
    """One volunteer's hours among the entries of a ledger filter (current entries only)."""

    volunteer_id: int
    name: str
    verified_minutes: int  # verified, current, more than zero: what reports count
    unverified_minutes: int  # current entries still awaiting verification
    entries: int  # current entries with more than zero minutes


@dataclass(frozen=True)
class LedgerTotals(MinutesAsHours):
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
        flt, captain_team(session),
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
    require(session, "registers.read")
    rows = _entry_rows(session, _entry_select().where(HoursEntry.id == entry_id))
    if not rows:
        raise NotFoundError("hours_entry_not_found", id=entry_id)
    _require_own(session, rows[0].team_id)
    return rows[0]


def _require_own(session: Session, team_id: int | None) -> None:
    own = captain_team(session)
    if own is not None and team_id != own:
        raise PermissionDenied(action="registers.read", role=CAPTAIN, team_id=team_id)


def entry_chain(session: Session, entry_id: int) -> list[EntryRow]:
    """The whole correction chain an entry belongs to, original first, current last."""
    require(session, "registers.read")
    entry = session.get(HoursEntry, entry_id)
    if entry is None:
        raise NotFoundError("hours_entry_not_found", id=entry_id)
    _require_own(session, entry.team_id)  # corrections keep the entry's team
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
