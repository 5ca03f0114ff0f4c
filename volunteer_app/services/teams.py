"""Teams (the umbrella team and its branch teams) and their members."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import versions
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import ROLES, TEAM_KINDS, Membership, Team, Volunteer
from ..parsing import is_id_text
from ..security.permissions import captain_team, require, team_members
from ..validation import normalize_text


@dataclass(frozen=True)
class TeamRow:
    """A team as lists and trees show it."""

    id: int
    name: str
    kind: str
    parent_id: int | None
    parent: str | None
    colour: str
    description: str
    member_count: int
    captain: str | None
    captain_phone: str | None
    version: int = 1  # what a save passes back as ``expected_version``

    def to_json(self) -> dict:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "parent": self.parent,
            "colour": self.colour, "description": self.description,
            "members": self.member_count, "captain": self.captain,
        }


@dataclass(frozen=True)
class MemberRow:
    """One member of a team."""

    volunteer_id: int
    name: str
    mobile: str
    role: str
    since: date | None
    active: bool
    version: int = 1  # the membership's, for ``set_role(expected_version=...)``


ROLE_ORDER = {"captain": 0, "deputy": 1, "member": 2}


def list_teams(session: Session) -> list[TeamRow]:
    """Every team, umbrella team first, with member counts and captains."""
    require(session, "registers.read")
    counts = dict(
        session.execute(
            select(Membership.team_id, func.count())
            .join(Volunteer, Volunteer.id == Membership.volunteer_id)
            .where(Volunteer.active.is_(True))
            .group_by(Membership.team_id)
        ).all()
    )
    captains: dict[int, tuple[str, str]] = {}
    for team_id, name, mobile in session.execute(
        select(Membership.team_id, Volunteer.name, Volunteer.mobile)
        .join(Volunteer, Volunteer.id == Membership.volunteer_id)
        .where(Membership.role == "captain")
        .order_by(Volunteer.id)
    ):
        captains.setdefault(team_id, (name, mobile))
    teams = session.scalars(select(Team).order_by(Team.parent_id.is_not(None), Team.id)).all()
    names_by_id = {t.id: t.name for t in teams}
    return [
        TeamRow(
            id=t.id, name=t.name, kind=t.kind, parent_id=t.parent_id,
            parent=names_by_id.get(t.parent_id) if t.parent_id else None, colour=t.colour,
            description=t.description, member_count=counts.get(t.id, 0),
            captain=captains.get(t.id, (None, None))[0],
            captain_phone=captains.get(t.id, (None, None))[1],
            version=t.version,
        )
        for t in teams
    ]


def resolve(session: Session, name_or_id: str) -> int:
    """Team id from a name or a numeric id; NotFoundError otherwise."""
    require(session, "registers.read")
    text = name_or_id.strip()
    tid = session.scalar(select(Team.id).where(Team.name == text))
    if tid is None and is_id_text(text):  # ASCII digits in the id range: '²' or '١' is a name
        tid = session.scalar(select(Team.id).where(Team.id == int(text)))
    if tid is None:
        raise NotFoundError("team_not_found", name=name_or_id)
    return tid


def save_team(
    session: Session,
    team_id: int | None,
    name: str,
    kind: str,
    parent_id: int | None = None,
    colour: str = "#c0392b",
    description: str = "",
    expected_version: int | None = None,
) -> int:
    """Create (team_id None) or update a team; ``expected_version`` is the version the
    form was made from (another clerk's save since then is ``ConflictError("stale")``)."""
    require(session, "teams.edit")
    problems = []
    try:
        name = normalize_text(name, "name", 60)
        if not name:
            problems.append(FieldProblem("name", "required", name))
    except ValidationError as exc:
        problems.extend(exc.problems)
    try:
        colour = normalize_text(colour, "colour", 9)
    except ValidationError as exc:
        problems.extend(exc.problems)
    try:
        description = normalize_text(description, "description", multiline=True)
    except ValidationError as exc:
        problems.extend(exc.problems)
    if kind not in TEAM_KINDS:
        problems.append(FieldProblem("kind", "kind_invalid", kind))
    if parent_id is not None and parent_id == team_id:
        problems.append(FieldProblem("parent", "parent_self", parent_id))
    if problems:  # before the duplicate check: PostgreSQL refuses a NUL even in a query
        raise ValidationError(problems)
    other = session.scalar(select(Team.id).where(Team.name == name))
    if other is not None and other != team_id:
        raise ValidationError(FieldProblem("name", "duplicate_team", name))
    team = Team() if team_id is None else session.get(Team, team_id)
    if team is None:
        raise NotFoundError("team_not_found", id=team_id)
    versions.check(session, team, expected_version)
    team.name, team.kind, team.parent_id = name, kind, parent_id
    team.colour, team.description = colour, description
    session.add(team)
    session.flush()
    return team.id


def members(session: Session, team_id: int) -> list[MemberRow]:
    """Members of a team, captain and deputies first, then by pinyin. A captain sees only
    the people who serve in their own team (another team's list is theirs to keep)."""
    require(session, "registers.read")
    own = captain_team(session)
    allowed = None if own is None else team_members(session, own)
    rows = session.execute(
        select(
            Volunteer.id, Volunteer.name, Volunteer.mobile, Membership.role, Membership.since,
            Volunteer.active, Volunteer.sort_key, Membership.version,
        )
        .join(Membership, Membership.volunteer_id == Volunteer.id)
        .where(Membership.team_id == team_id)
    ).all()
    if allowed is not None:
        rows = [r for r in rows if r[0] in allowed]
    rows.sort(key=lambda r: (ROLE_ORDER.get(r[3], 9), r[6]))
    return [MemberRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[7]) for r in rows]


def add_members(
    session: Session, team_id: int, volunteer_ids: Iterable[int], role: str = "member"
) -> int:
    """Add volunteers to a team (existing members are left as they are); returns how many."""
    require(session, "teams.edit")
    if session.get(Team, team_id) is None:
        raise NotFoundError("team_not_found", id=team_id)
    if role not in ROLES:
        raise ValidationError(FieldProblem("role", "role_invalid", role))
    existing = set(
        session.scalars(select(Membership.volunteer_id).where(Membership.team_id == team_id))
    )
    added = 0
    for vid in volunteer_ids:
        if vid in existing:
            continue
        if session.get(Volunteer, vid) is None:
            raise NotFoundError("volunteer_not_found", id=vid)
        session.add(Membership(volunteer_id=vid, team_id=team_id, role=role, since=date.today()))
        existing.add(vid)
        added += 1
    session.flush()
    return added


def set_role(session: Session, team_id: int, volunteer_id: int, role: str,
             expected_version: int | None = None) -> None:
    """Make a member captain, deputy or plain member. A team has at most one captain:
    appointing a new captain turns the previous one into a deputy. ``expected_version``:
    ``MemberRow.version`` as the list showed it."""
    require(session, "teams.edit")
    if role not in ROLES:
        raise ValidationError(FieldProblem("role", "role_invalid", role))
    m = session.get(Membership, (volunteer_id, team_id))
    if m is None:
        raise NotFoundError("membership_not_found", team_id=team_id, volunteer_id=volunteer_id)
    versions.check(session, m, expected_version)
    if role == "captain":
        for other in session.scalars(
            select(Membership).where(
                Membership.team_id == team_id, Membership.role == "captain",
                Membership.volunteer_id != volunteer_id,
            )
        ):
            other.role = "deputy"
    m.role = role
    session.flush()


def remove_member(session: Session, team_id: int, volunteer_id: int) -> None:
    """Take a volunteer out of a team."""
    require(session, "teams.edit")
    m = session.get(Membership, (volunteer_id, team_id))
    if m is None:
        raise NotFoundError("membership_not_found", team_id=team_id, volunteer_id=volunteer_id)
    session.delete(m)
    session.flush()


def delete_team(session: Session, team_id: int) -> None:
    """Delete a team that has no members and no branch teams."""
    require(session, "teams.edit")
    team = session.get(Team, team_id)
    if team is None:
        raise NotFoundError("team_not_found", id=team_id)
    if team.memberships or session.scalar(select(Team.id).where(Team.parent_id == team_id)):
        raise ConflictError("team_in_use", id=team_id)
    session.delete(team)
    session.flush()


def team_choices(session: Session) -> list[tuple[int, str, int | None]]:
    """(id, name, parent id) of every team, umbrella teams first: for pickers and filters.

    Cheaper than :func:`list_teams`, which counts members over the whole register.
    """
    require(session, "registers.read")
    return [tuple(r) for r in session.execute(
        select(Team.id, Team.name, Team.parent_id).order_by(Team.parent_id.is_not(None), Team.id))]
