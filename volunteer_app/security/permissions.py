"""Who may do what: the role matrix and the check every service call makes.

The acting operator travels with the unit of work: ``Database.session()`` puts the
database's current :class:`Actor` into ``session.info["actor"]``. Services call
:func:`require` first thing, so the rules hold whichever front end calls them.

In single-user mode (accounts off, the default on one PC) the actor is the local
user with every permission. Once accounts are switched on, a session without a
logged-in operator may do nothing that needs a permission.

A captain is kept to their own team (issue 17): team-scoped actions only for records of
that team (``require(..., team_id=record.team_id)``; a record of no team is not theirs)
and for volunteers serving in it (:func:`require_member`); reads of many records are
narrowed to it (:func:`captain_team`, :func:`readable_team`). Who is recorded as doing
the work is the logged-in operator, never a name a caller passes (:func:`acting_name`).
tests/test_permission_matrix_services.py calls every service function as every role.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import AppError

ADMINISTRATOR, COORDINATOR, CLERK, CAPTAIN = "administrator", "coordinator", "clerk", "captain"

# Every guarded operation. Services name these; the matrix test walks all of them.
ACTIONS = (
    "registers.read",      # list and look at volunteers, teams, grids
    "registers.edit",      # add, edit, deactivate, delete volunteers
    "registers.import",
    "registers.export",
    "ids.view",            # see full ID-card numbers (edit dialog, exports when asked)
    "teams.edit",          # teams and memberships
    "grids.edit",
    "community.edit",
    "shifts.read",
    "shifts.plan",         # templates, generation, shifts, assignments, auto-fill
    "shifts.checkin",      # mark arrivals, departures, no-shows
    "requests.read",
    "requests.manage",     # intake, dispatch, status
    "hours.record",
    "hours.verify",
    "availability.edit",   # volunteers' weekly windows, leave and duty limits
    "holidays.edit",       # the community's holiday table (never a captain's: it is everyone's)
    "hours.report",
    "print",
    "backup",
    "restore",
    "jobs.manage",
    "operators.manage",
    "audit.view",
)

MATRIX: dict[str, frozenset[str]] = {
    ADMINISTRATOR: frozenset(ACTIONS),
    COORDINATOR: frozenset({
        "registers.read", "shifts.read", "shifts.plan", "shifts.checkin", "requests.read",
        "hours.record", "hours.verify", "hours.report", "print", "backup", "jobs.manage",
        "registers.export", "availability.edit", "holidays.edit",
    }),
    CLERK: frozenset({
        "registers.read", "registers.edit", "registers.import", "registers.export", "ids.view",
        "teams.edit", "grids.edit", "community.edit", "shifts.read", "requests.read",
        "requests.manage", "hours.record", "hours.report", "print", "backup",
        "availability.edit", "holidays.edit",
    }),
    # Captains: their own team's roster, check-in and printing only.
    # They verify the hours their team served ("a captain or coordinator verifies").
    CAPTAIN: frozenset({"registers.read", "shifts.read", "shifts.plan", "shifts.checkin",
                        "hours.record", "hours.verify", "availability.edit", "print"}),
}
# Actions a captain may do only for their own team: for records of that team
# (``require(..., team_id=)``) and for volunteers serving in it (:func:`require_member`).
TEAM_SCOPED = frozenset({"shifts.plan", "shifts.checkin", "hours.record", "hours.verify",
                         "availability.edit"})


class _Unscoped:
    """The default of ``require(team_id=)``: no record's team to check (see :func:`require`)."""

    def __repr__(self) -> str:
        return "UNSCOPED"


UNSCOPED = _Unscoped()


@dataclass(frozen=True)
class Actor:
    """The operator doing the work. ``operator_id`` None = the single local user."""

    name: str
    role: str = ADMINISTRATOR
    operator_id: int | None = None
    team_id: int | None = None

    @property
    def single_user(self) -> bool:
        return self.operator_id is None


class PermissionDenied(AppError):
    """The operator's role does not allow the operation (code ``forbidden``)."""

    code = "forbidden"


class LoginRequired(AppError):
    """Accounts are on and nobody is logged in (code ``login_required``)."""

    code = "login_required"


def local_actor() -> Actor:
    """The single user of a one-PC installation."""
    import getpass

    try:
        name = getpass.getuser()
    except Exception:  # no user name in some service environments
        name = "local"
    return Actor(name=name[:40])


def actor_of(session: Session) -> Actor:
    """The actor of this unit of work (the local user when none was set)."""
    actor = session.info.get("actor")
    if actor is None:
        actor = local_actor()
        session.info["actor"] = actor
    return actor


def accounts_enabled(session: Session) -> bool:
    """Whether this database requires operators to log in (read once per unit of work).

    Fails closed: a setting that says "off" is believed only if the settings are as the app
    last sealed them in the audit chain's head (security.chain.settings_tampered). One
    ``UPDATE app_setting SET value='0'`` in a SQLite editor no longer switches logins off.
    """
    cached = session.info.get("accounts_enabled")
    if cached is None:
        from ..models.accounts import AppSetting

        cached = session.scalar(select(AppSetting.value).where(AppSetting.key == "accounts_enabled")) == "1"
        if not cached:
            from .chain import settings_tampered

            cached = settings_tampered(session)
        session.info["accounts_enabled"] = cached
    return cached


def allowed(actor: Actor, action: str) -> bool:
    """Role check only (no team scope)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    return action in MATRIX.get(actor.role, frozenset())


def require(session: Session, action: str, *, team_id: int | None | _Unscoped = UNSCOPED) -> Actor:
    """Raise unless the acting operator may do ``action`` (for ``team_id``, if scoped).

    ``team_id`` is the team of the record the work touches, None for a record of no team
    (a community-wide duty, hours entered without a team): a captain may do a team-scoped
    action only for their own team's records, so None is refused too. Left out, only the
    role is checked, and the service keeps a captain's work to their team itself (e.g.
    :func:`volunteer_app.services.shifts.planning_scope`, :func:`captain_team`).
    """
    actor = actor_of(session)
    if actor.single_user:
        if accounts_enabled(session):
            raise LoginRequired(action=action)
        return actor
    if not allowed(actor, action):
        raise PermissionDenied(action=action, role=actor.role)
    if (actor.role == CAPTAIN and action in TEAM_SCOPED and team_id is not UNSCOPED
            and team_id != actor.team_id):
        raise PermissionDenied(action=action, role=actor.role, team_id=team_id)
    return actor


def captain_team(session: Session) -> int | None:
    """The team a logged-in captain is kept to (reads included); None for every other role."""
    actor = actor_of(session)
    if actor.single_user or actor.role != CAPTAIN:
        return None
    # A captain account always has a team (accounts._validate); -1 matches no team if not.
    return actor.team_id if actor.team_id is not None else -1


def readable_team(session: Session, action: str, team_id: int | None) -> int | None:
    """The team a read of many records is narrowed to, after ``require(action)``: the one
    asked for (None: every team), or a captain's own (another team's is refused)."""
    actor = require(session, action)
    own = captain_team(session)
    if own is None:
        return team_id
    if team_id is not None and team_id != own:
        raise PermissionDenied(action=action, role=actor.role, team_id=team_id)
    return own


def team_members(session: Session, team_id: int) -> set[int]:
    """Volunteers serving in a team: its members and those of the teams below it."""
    from ..models.people import Membership, Team

    teams, frontier = {team_id}, {team_id}
    while frontier:  # the teams below, however deep (a cycle stops: seen teams are skipped)
        below = set(session.scalars(select(Team.id).where(Team.parent_id.in_(frontier)))) - teams
        teams |= below
        frontier = below
    return set(session.scalars(select(Membership.volunteer_id).where(Membership.team_id.in_(teams))))


def require_member(session: Session, action: str, volunteer_id: int) -> Actor:
    """Like :func:`require`, for work on one volunteer: a captain only for a volunteer who
    serves in their team (a leave, a limit, hours recorded, a place on a duty)."""
    actor = require(session, action)
    own = captain_team(session)
    if own is not None and action in TEAM_SCOPED and volunteer_id not in team_members(session, own):
        raise PermissionDenied(action=action, role=actor.role, volunteer_id=volunteer_id)
    return actor


def acting_name(session: Session, given: str | None) -> str | None:
    """Who is recorded as doing the work (creating, verifying): the logged-in operator when
    accounts are on, whatever name the caller passed; in single-user mode the name given
    (a front end's "by" field), else None for the caller to default."""
    actor = actor_of(session)
    if not actor.single_user:
        return actor.name
    return given


def may(session: Session, action: str, *, team_id: int | None | _Unscoped = UNSCOPED) -> bool:
    """Like :func:`require` but answers instead of raising (for showing or hiding UI)."""
    try:
        require(session, action, team_id=team_id)
    except (PermissionDenied, LoginRequired):
        return False
    return True
