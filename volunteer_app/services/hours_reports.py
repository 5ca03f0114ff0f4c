"""Reports of the service-hours ledger: the monthly statement (for the printed statement
and the spreadsheet), monthly hours per volunteer and per team, and a volunteer's yearly
totals for the service record certificate.

Only counting entries make the totals (verified, current, more than zero minutes; see
:mod:`.hours`); unverified ones are shown apart and never added in.

No-shows (duties a volunteer was planned for and did not come to: assignment status
``no_show``) have no ledger entry, yet the office reports them and they belong in the
volunteer's record (issue 18.16): they are read from the assignments, counted apart and
never change the hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Membership, Team, Volunteer
from ..models.hours import HoursEntry
from ..models.shifts import Assignment, Shift
from ..parsing import parse_year
from ..security.permissions import require
from .hours import MinutesAsHours, is_current, load_volunteer, minutes_to_hours, month_bounds


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
               is_current())
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
class NoShowRow:
    """A planned duty the volunteer did not come to."""

    assignment_id: int
    volunteer_id: int
    volunteer: str
    team_id: int | None
    team: str | None
    date: date
    duty: str  # the shift's title (else its duty-type code) · its location


def no_shows(session: Session, date_from: date, date_to: date, *, team_id: int | None = None,
             volunteer_id: int | None = None) -> list[NoShowRow]:
    """No-shows of shifts dated from ``date_from`` to ``date_to`` (exclusive), optionally of
    one team or volunteer, by team, volunteer (pinyin order) and date."""
    stmt = (
        select(Assignment.id, Assignment.volunteer_id, Volunteer.name, Shift.team_id, Team.name,
               Shift.date, Shift.title, Shift.duty_type, Shift.location)
        .join(Shift, Shift.id == Assignment.shift_id)
        .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
        .outerjoin(Team, Team.id == Shift.team_id)
        .where(Assignment.status == "no_show", Shift.date >= date_from, Shift.date < date_to)
        .order_by(Shift.team_id.is_(None), Shift.team_id, Volunteer.sort_key,
                  Assignment.volunteer_id, Shift.date, Shift.start_time, Assignment.id)
    )
    if team_id is not None:
        stmt = stmt.where(Shift.team_id == team_id)
    if volunteer_id is not None:
        stmt = stmt.where(Assignment.volunteer_id == volunteer_id)
    # The duty reads like the ledger's entries of served shifts: "title · place".
    return [NoShowRow(aid, vid, vname, tid, tname, on,
                      " · ".join(p for p in (title or duty_type, place) if p))
            for aid, vid, vname, tid, tname, on, title, duty_type, place in session.execute(stmt)]


def month_no_shows(session: Session, month: str, team_id: int | None = None) -> list[NoShowRow]:
    """The no-shows of a month (optionally of one team), for statements and reports."""
    first, nxt = month_bounds(month)
    return no_shows(session, first, nxt, team_id=team_id)


@dataclass(frozen=True)
class VolunteerHours(MinutesAsHours):
    """A volunteer's hours in a month."""

    volunteer_id: int
    name: str
    teams: tuple[str, ...]
    verified_minutes: int
    unverified_minutes: int
    entries: int
    no_shows: int = 0


@dataclass(frozen=True)
class TeamHours(MinutesAsHours):
    """A team's hours in a month (by the team each entry was served for)."""

    team_id: int | None
    name: str | None
    verified_minutes: int
    unverified_minutes: int
    volunteers: int
    no_shows: int = 0


@dataclass(frozen=True)
class MonthlyReport:
    """Monthly hours per volunteer and per team; only verified minutes make the totals."""

    month: str
    volunteers: tuple[VolunteerHours, ...]
    teams: tuple[TeamHours, ...]
    verified_minutes: int
    unverified_minutes: int
    no_shows: int = 0

    @property
    def hours(self) -> float:
        return minutes_to_hours(self.verified_minutes)


def monthly_report(session: Session, month: str) -> MonthlyReport:
    """Hours of a month per volunteer and per team, from the statement lines."""
    require(session, "hours.report")
    lines = monthly_statement(session, month)
    missed = month_no_shows(session, month)
    by_vol: dict[int, list[StatementRow]] = {}
    by_team: dict[int | None, list[StatementRow]] = {}
    for line in lines:
        by_vol.setdefault(line.volunteer_id, []).append(line)
        by_team.setdefault(line.team_id, []).append(line)
    names = {line.volunteer_id: line.volunteer for line in lines}
    team_names = {line.team_id: line.team for line in lines}
    missed_by_vol: dict[int, int] = {}
    missed_by_team: dict[int | None, set[int]] = {}
    for m in missed:  # a volunteer who only missed duties is in the report too
        by_vol.setdefault(m.volunteer_id, [])
        by_team.setdefault(m.team_id, [])
        names.setdefault(m.volunteer_id, m.volunteer)
        team_names.setdefault(m.team_id, m.team)
        missed_by_vol[m.volunteer_id] = missed_by_vol.get(m.volunteer_id, 0) + 1
        missed_by_team.setdefault(m.team_id, set()).add(m.assignment_id)
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
            volunteer_id=vid, name=names[vid], teams=tuple(memberships.get(vid, ())),
            verified_minutes=sum(x.minutes for x in ls if x.verified),
            unverified_minutes=sum(x.minutes for x in ls if not x.verified),
            entries=len(ls), no_shows=missed_by_vol.get(vid, 0),
        )
        for vid, ls in sorted(by_vol.items(), key=lambda kv: (sort_keys.get(kv[0], ""), kv[0]))
    )
    teams = tuple(
        TeamHours(
            team_id=tid, name=team_names[tid],
            verified_minutes=sum(x.minutes for x in ls if x.verified),
            unverified_minutes=sum(x.minutes for x in ls if not x.verified),
            volunteers=len({x.volunteer_id for x in ls}),
            no_shows=len(missed_by_team.get(tid, ())),
        )
        for tid, ls in sorted(by_team.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
    )
    return MonthlyReport(
        month=month, volunteers=volunteers, teams=teams,
        verified_minutes=sum(x.minutes for x in lines if x.verified),
        unverified_minutes=sum(x.minutes for x in lines if not x.verified),
        no_shows=len(missed),
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
        HoursEntry.date >= date_from, HoursEntry.date < date_to, is_current()
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
    no_shows: int = 0  # planned duties of the year not come to

    @property
    def hours(self) -> float:
        return minutes_to_hours(self.verified_minutes)


def yearly_totals(session: Session, volunteer_id: int, year: int) -> YearlyTotals:
    """Verified hours of one volunteer in a calendar year, per month and per team."""
    require(session, "hours.report")
    year = parse_year(year, "year")
    vol = load_volunteer(session, volunteer_id)
    rows = session.execute(
        select(HoursEntry.date, HoursEntry.minutes, HoursEntry.verified_at, Team.id, Team.name)
        .outerjoin(Team, Team.id == HoursEntry.team_id)
        .where(
            HoursEntry.volunteer_id == volunteer_id,
            HoursEntry.date >= date(year, 1, 1), HoursEntry.date < date(year + 1, 1, 1),
            HoursEntry.minutes > 0, is_current(),
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
        no_shows=len(no_shows(session, date(year, 1, 1), date(year + 1, 1, 1),
                              volunteer_id=volunteer_id)),
    )
