"""Operator accounts: switching accounts on, logging in with lockout, managing operators.

Passwords are hashed with Argon2 (argon2-cffi). After ``MAX_FAILURES`` wrong passwords
in a row an account is locked for ``LOCK_MINUTES``; the lock and the count are stored,
so they hold across restarts and PCs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import versions
from ..errors import AppError, ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models.accounts import OPERATOR_ROLES, AppSetting, Operator
from ..models.people import Team
from ..validation import normalize_text
from . import audit
from .permissions import Actor, LoginRequired, accounts_enabled, require

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
_hasher = PasswordHasher()


class LoginFailed(AppError):
    """Wrong user name or password (``bad_credentials``) or a locked account (``locked``)."""

    code = "bad_credentials"


@dataclass(frozen=True)
class OperatorRow:
    """An operator as the administrator's list shows it (never the hash)."""

    id: int
    username: str
    display_name: str
    role: str
    team_id: int | None
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    version: int = 1  # what a save passes back as ``expected_version``

    def to_json(self) -> dict:
        return {"id": self.id, "username": self.username, "display_name": self.display_name,
                "role": self.role, "team_id": self.team_id, "active": self.active,
                "locked_until": self.locked_until.isoformat() if self.locked_until else None}


def _validate(session: Session, username: str, role: str, team_id: int | None,
              password: str | None, exclude_id: int | None = None,
              display_name: str = "") -> list[FieldProblem]:
    problems = []
    try:
        normalize_text(display_name, "display_name", 40)
    except ValidationError as exc:
        problems.extend(exc.problems)
    if not username or len(username) > 40 or not username.isprintable() or " " in username:
        problems.append(FieldProblem("username", "username_invalid", username))
    else:
        other = session.scalar(select(Operator.id).where(Operator.username == username))
        if other is not None and other != exclude_id:
            problems.append(FieldProblem("username", "duplicate_username", username))
    if role not in OPERATOR_ROLES:
        problems.append(FieldProblem("role", "role_invalid", role))
    if role == "captain" and (team_id is None or session.get(Team, team_id) is None):
        problems.append(FieldProblem("team", "captain_needs_team", team_id))
    if password is not None and len(password) < MIN_PASSWORD:
        problems.append(FieldProblem("password", "password_too_short", None))
    return problems


def _set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(AppSetting, key) or AppSetting(key=key)
    row.value = value
    session.add(row)


def enable_accounts(session: Session, username: str, password: str,
                    display_name: str = "") -> int:
    """Switch accounts on, creating the first administrator; returns the operator id."""
    require(session, "operators.manage")
    if accounts_enabled(session):
        raise ConflictError("accounts_already_enabled")
    problems = _validate(session, username, "administrator", None, password,
                         display_name=display_name)
    if problems:
        raise ValidationError(problems)
    op = Operator(username=username, display_name=display_name.strip() or username, role="administrator",
                  password_hash=_hasher.hash(password), active=True, failed_attempts=0,
                  created_at=datetime.now().replace(microsecond=0))
    session.add(op)
    _set_setting(session, "accounts_enabled", "1")
    session.flush()
    session.info["accounts_enabled"] = True
    audit.record(session, "accounts_on", "operator", op.id, username)
    return op.id


def disable_accounts(session: Session) -> None:
    """Back to single-user mode (operators are kept for when accounts come back on)."""
    require(session, "operators.manage")
    _set_setting(session, "accounts_enabled", "0")
    session.info["accounts_enabled"] = False
    audit.record(session, "accounts_off")


def login(session: Session, username: str, password: str, now: datetime | None = None) -> Actor:
    """Check a password; returns the Actor to put on the Database.

    Failures are counted and written even though the caller's unit of work then
    raises: call it in its own unit of work and let :class:`LoginFailed` propagate
    only after that commit (see :func:`login_unit`).
    """
    now = now or datetime.now()
    op = session.scalar(select(Operator).where(Operator.username == username))
    if op is None or not op.active:
        # What was typed is not written: it may be the password, typed into the user-name
        # field. The entry says a login failed, for no (active) account.
        audit.record(session, "login_failed", "operator", op.id if op is not None else "",
                     op.username if op is not None else "", who=op.username if op is not None else "")
        return _failed("bad_credentials")
    if op.locked_until is not None and op.locked_until > now:
        audit.record(session, "login_failed", "operator", op.id, f"{op.username} (locked)", who=op.username)
        return _failed("locked", until=op.locked_until)
    try:
        _hasher.verify(op.password_hash, password)
    except (VerificationError, InvalidHashError):
        op.failed_attempts += 1
        if op.failed_attempts >= MAX_FAILURES:
            op.locked_until = (now + timedelta(minutes=LOCK_MINUTES)).replace(microsecond=0)
            op.failed_attempts = 0
        audit.record(session, "login_failed", "operator", op.id, op.username, who=op.username)
        return _failed("locked" if op.locked_until and op.locked_until > now else "bad_credentials",
                       until=op.locked_until)
    op.failed_attempts = 0
    op.locked_until = None
    op.last_login_at = now.replace(microsecond=0)
    if _hasher.check_needs_rehash(op.password_hash):
        op.password_hash = _hasher.hash(password)
    actor = Actor(name=op.display_name or op.username, role=op.role, operator_id=op.id,
                  team_id=op.team_id)
    session.info["actor"] = actor
    audit.record(session, "login", "operator", op.id, op.username)
    return actor


def _failed(code: str, **details: object) -> Actor:
    # Returned as a marker object: the caller commits the failure count, then raises.
    return _Failure(code, details)  # type: ignore[return-value]


@dataclass(frozen=True)
class _Failure:
    code: str
    details: dict


def login_unit(db, username: str, password: str, now: datetime | None = None) -> Actor:  # noqa: ANN001
    """Log in against a Database: one unit of work that records the attempt either way,
    then sets ``db.actor`` on success or raises :class:`LoginFailed`."""
    db.actor = None
    with db.session() as s:
        result = login(s, username, password, now)
    if isinstance(result, _Failure):
        raise LoginFailed(result.code, **result.details)
    db.actor = result
    return result


def list_operators(session: Session) -> list[OperatorRow]:
    """Every operator (administrators only)."""
    require(session, "operators.manage")
    return [OperatorRow(o.id, o.username, o.display_name, o.role, o.team_id, o.active,
                        o.locked_until, o.last_login_at, o.version)
            for o in session.scalars(select(Operator).order_by(Operator.username))]


def save_operator(session: Session, operator_id: int | None, username: str, role: str,
                  display_name: str = "", team_id: int | None = None,
                  password: str | None = None, active: bool = True,
                  expected_version: int | None = None) -> int:
    """Create (operator_id None; password required) or update an operator;
    ``expected_version`` is ``OperatorRow.version`` as the form read it."""
    require(session, "operators.manage")
    if operator_id is None and password is None:
        raise ValidationError(FieldProblem("password", "required", None))
    problems = _validate(session, username, role, team_id, password, exclude_id=operator_id,
                         display_name=display_name)
    if problems:
        raise ValidationError(problems)
    op = Operator() if operator_id is None else session.get(Operator, operator_id)
    if op is None:
        raise NotFoundError("operator_not_found", id=operator_id)
    versions.check(session, op, expected_version)
    if operator_id is not None and op.role == "administrator" and (role != "administrator" or not active):
        admins = session.scalar(select(func.count()).where(
            Operator.role == "administrator", Operator.active.is_(True), Operator.id != op.id))
        if not admins:
            raise ConflictError("last_administrator")
    op.username, op.role, op.team_id = username, role, team_id if role == "captain" else None
    op.display_name = display_name.strip() or username
    op.active = active
    if password is not None:
        op.password_hash = _hasher.hash(password)
        op.failed_attempts, op.locked_until = 0, None
    if operator_id is None:
        op.failed_attempts = 0
        op.created_at = datetime.now().replace(microsecond=0)
    session.add(op)
    session.flush()
    if password is not None and operator_id is not None:
        # The hash is left out of the audit's field changes; the fact that it changed is not.
        audit.record(session, "password_changed", "operator", op.id, op.username)
    return op.id


def unlock(session: Session, operator_id: int) -> None:
    """Lift a lockout early (administrators)."""
    require(session, "operators.manage")
    op = session.get(Operator, operator_id)
    if op is None:
        raise NotFoundError("operator_not_found", id=operator_id)
    op.locked_until, op.failed_attempts = None, 0
    session.flush()
    audit.record(session, "unlock", "operator", op.id, op.username)


def change_own_password(session: Session, old: str, new: str) -> None:
    """Any logged-in operator may change their own password."""
    from .permissions import actor_of

    actor = actor_of(session)
    if actor.operator_id is None:
        if accounts_enabled(session):  # nobody logged in: who is working comes first
            raise LoginRequired(action="password")
        raise ConflictError("no_account")
    op = session.get(Operator, actor.operator_id)
    try:
        _hasher.verify(op.password_hash, old)
    except (VerificationError, InvalidHashError):
        raise LoginFailed("bad_credentials") from None
    if len(new) < MIN_PASSWORD:
        raise ValidationError(FieldProblem("password", "password_too_short", None))
    op.password_hash = _hasher.hash(new)
    session.flush()
    audit.record(session, "password_changed", "operator", op.id, op.username)
