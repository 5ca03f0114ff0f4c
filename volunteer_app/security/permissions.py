"""Who may do what: the role matrix and the check every service call makes.

The acting operator travels with the unit of work: ``Database.session()`` puts the
database's current :class:`Actor` into ``session.info["actor"]``. Services call
:func:`require` first thing, so the rules hold whichever front end calls them.

In single-user mode (accounts off, the default on one PC) the actor is the local
user with every permission. Once accounts are switched on, a session without a
logged-in operator may do nothing that needs a permission.
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
        "registers.export",
    }),
    CLERK: frozenset({
        "registers.read", "registers.edit", "registers.import", "registers.export", "ids.view",
        "teams.edit", "grids.edit", "community.edit", "shifts.read", "requests.read",
        "requests.manage", "hours.record", "hours.report", "print", "backup",
    }),
    # Captains: their own team's roster, check-in and printing only.
    # They verify the hours their team served ("a captain or coordinator verifies").
    CAPTAIN: frozenset({"registers.read", "shifts.read", "shifts.plan", "shifts.checkin",
                        "hours.record", "hours.verify", "print"}),
}
# Actions a captain may do only for their own team.
TEAM_SCOPED = frozenset({"shifts.plan", "shifts.checkin", "hours.record", "hours.verify"})


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


def require(session: Session, action: str, *, team_id: int | None = None) -> Actor:
    """Raise unless the acting operator may do ``action`` (for ``team_id``, if scoped)."""
    actor = actor_of(session)
    if actor.single_user:
        if accounts_enabled(session):
            raise LoginRequired(action=action)
        return actor
    if not allowed(actor, action):
        raise PermissionDenied(action=action, role=actor.role)
    # team_id None: the service scopes the work to the captain's team itself (e.g. a
    # captain's week generation only touches their own team's duties).
    if actor.role == CAPTAIN and action in TEAM_SCOPED and team_id is not None and team_id != actor.team_id:
        raise PermissionDenied(action=action, role=actor.role, team_id=team_id)
    return actor


def may(session: Session, action: str, *, team_id: int | None = None) -> bool:
    """Like :func:`require` but answers instead of raising (for showing or hiding UI)."""
    try:
        require(session, action, team_id=team_id)
    except (PermissionDenied, LoginRequired):
        return False
    return True
