"""The community office's own details."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import versions
from ..errors import ConflictError, FieldProblem, ValidationError
from ..models import Community
from ..security.permissions import require
from ..validation import normalize_text


@dataclass(frozen=True)
class CommunityInfo:
    """Name, address, service hall and time zone of the community."""

    name: str = ""
    address: str = ""
    service_hall_phone: str = ""
    service_hall_hours: str = ""
    timezone: str = "Asia/Shanghai"
    version: int = 0  # 0 while nothing is saved; a save passes it back as ``expected_version``


def get_community(session: Session) -> CommunityInfo:
    """The community row, or defaults when none was saved yet (for a logged-in operator)."""
    require(session, "registers.read")
    return stored_community(session)


def stored_community(session: Session) -> CommunityInfo:
    """The community row without asking who is working: the time zone every service's
    "now" needs, the background jobs' included, before anyone has logged in
    (:func:`volunteer_app.clock.community_zone`). Front ends call :func:`get_community`."""
    row = session.scalar(select(Community).order_by(Community.id).limit(1))
    if row is None:
        return CommunityInfo()
    return CommunityInfo(row.name, row.address, row.service_hall_phone, row.service_hall_hours,
                         row.timezone, row.version)


def save_community(session: Session, info: CommunityInfo,
                   expected_version: int | None = None) -> None:
    """Create or update the single community row. ``expected_version``: the version the
    form was made from (``CommunityInfo.version``; another save since then is stale)."""
    require(session, "community.edit")
    problems = []
    try:
        ZoneInfo(info.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(FieldProblem("timezone", "timezone_invalid", info.timezone))
    values = {}
    for key, limit in (("name", 100), ("address", 200), ("service_hall_phone", 40),
                       ("service_hall_hours", 100)):
        try:
            values[key] = normalize_text(getattr(info, key), key, limit)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if not values.get("name"):
        problems.append(FieldProblem("name", "required", info.name))
    if problems:
        raise ValidationError(problems)
    row = session.scalar(select(Community).order_by(Community.id).limit(1))
    if row is None:
        if expected_version:  # the form showed a saved row, which is gone (a restore)
            raise ConflictError("stale", id=None, version=0)
        row = Community()
    versions.check(session, row, expected_version)
    for key, val in values.items():
        setattr(row, key, val)
    row.timezone = info.timezone
    session.add(row)
    session.flush()


@dataclass(frozen=True)
class RegisterCounts:
    """Sizes of the registers, for the status bar and the empty-database check."""

    volunteers_active: int
    volunteers_left: int
    teams: int
    grids: int

    @property
    def empty(self) -> bool:
        return not (self.volunteers_active or self.volunteers_left or self.teams or self.grids)


def register_counts(session: Session) -> RegisterCounts:
    """How many active and former volunteers, teams and grids there are."""
    require(session, "registers.read")
    from sqlalchemy import func

    from ..models import Grid, Team, Volunteer

    active, left = session.execute(
        select(
            func.count(Volunteer.id).filter(Volunteer.active.is_(True)),
            func.count(Volunteer.id).filter(Volunteer.active.is_(False)),
        )
    ).one()
    teams = session.scalar(select(func.count(Team.id))) or 0
    grids = session.scalar(select(func.count(Grid.id))) or 0
    return RegisterCounts(active or 0, left or 0, teams, grids)
