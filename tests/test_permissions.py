"""Operators and roles: the permission matrix is enforced in the core (every role
against every guarded service operation), lockout, masking of ID numbers, audit entries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from volunteer_app.db import Database
from volunteer_app.errors import AppError
from volunteer_app.importexport import volunteers_io as vio
from volunteer_app.security import accounts
from volunteer_app.security.audit_log import list_entries
from volunteer_app.security.permissions import (
    ACTIONS,
    MATRIX,
    Actor,
    LoginRequired,
    PermissionDenied,
)
from volunteer_app.services import community, grids, teams
from volunteer_app.services import volunteers as vs

ROLES = ["administrator", "coordinator", "clerk", "captain"]


def _first_volunteer(s: Session) -> int:
    return vs.query_ids(s)[0]


# (action, operation) — each operation runs inside a unit of work that is rolled back.
OPERATIONS: list[tuple[str, Callable[[Session, Path], object]]] = [
    ("registers.read", lambda s, p: vs.query_ids(s)),
    ("registers.read", lambda s, p: teams.list_teams(s)),
    ("registers.read", lambda s, p: grids.list_grids(s)),
    ("registers.edit", lambda s, p: vs.create(s, vs.VolunteerData(name="新人", mobile="13912345678"))),
    ("registers.edit", lambda s, p: vs.deactivate(s, _first_volunteer(s))),
    ("registers.import", lambda s, p: vio.prepare(s, p / "in.csv")),
    ("registers.export", lambda s, p: vio.export_file(s, p / "out.csv")),
    ("ids.view", lambda s, p: vio.export_file(s, p / "out.csv", include_ids=True)),
    ("teams.edit", lambda s, p: teams.save_team(s, None, "新队", "other")),
    ("grids.edit", lambda s, p: grids.save_grid(s, None, 99, "99号网格")),
    ("community.edit", lambda s, p: community.save_community(s, community.CommunityInfo(name="林琼社区"))),
    ("operators.manage", lambda s, p: accounts.list_operators(s)),
    ("audit.view", lambda s, p: list_entries(s)),
    # shift planning
    ("shifts.read", lambda s, p: _shifts().week_plan(s, _monday())),
    # The captain's own team (a captain may not add a duty of no team: test_captain_scope.py).
    ("shifts.plan", lambda s, p: _shifts().create_shift(s, _shifts().ShiftData(
        _monday(), time(9), time(10), team_id=_own_team(s), location="社区广场"))),
    ("shifts.plan", lambda s, p: _templates().generate(s, _monday(), _monday())),
    ("shifts.plan", lambda s, p: _autofill_apply_empty(s)),
    # residents' requests
    ("requests.read", lambda s, p: _requests().list_requests(s)),
    ("requests.manage", lambda s, p: _requests().create_request(s, _requests().RequestData(
        resident_name="居民", resident_phone="13800001111", description="楼道灯坏了"), "文书")),
    ("requests.manage", lambda s, p: _requests().update_request(
        s, _open_request(s), _requests().RequestData(
            resident_name="居民", resident_phone="13800001111", description="楼道灯全坏了"), "文书")),
    # service hours
    ("hours.record", lambda s, p: _hours().add_manual(s, _own_member(s), _yesterday(), 1, "培训", "文书",
                                                      team_id=_own_team(s))),
    ("hours.verify", lambda s, p: _hours().verify_month(s, "2026-12", "协调员")),
    ("hours.report", lambda s, p: _hours_reports().monthly_report(s, "2026-12")),
    ("hours.report", lambda s, p: _hours_reports().yearly_totals(s, _first_volunteer(s), 2026)),
    # printing, background jobs, backups
    ("print", lambda s, p: _printing_cards().grid_cards_data(s)),
    ("jobs.manage", lambda s, p: _job_settings().save_config(s, "nightly_backup", enabled=False)),
]


def _own_team(s: Session) -> int:
    """The team the captain under test leads (the same for every role)."""
    return teams.list_teams(s)[1].id


def _own_member(s: Session) -> int:
    from volunteer_app.models import Membership

    return s.scalar(select(Membership.volunteer_id).where(Membership.team_id == _own_team(s))
                    .order_by(Membership.volunteer_id).limit(1))


def _open_request(s):  # noqa: ANN001, ANN202
    """A request taken in by the lead (whatever the role under test) to edit."""
    from volunteer_app.models.requests import ResidentRequest

    found = s.scalar(select(ResidentRequest.id).limit(1))
    if found is not None:
        return found
    actor = s.info.get("actor")
    s.info["actor"] = None
    try:
        return _requests().create_request(s, _requests().RequestData(
            resident_name="居民", resident_phone="13800001111", description="楼道灯坏了"), "文书")
    finally:
        s.info["actor"] = actor


def _monday():  # noqa: ANN202
    from datetime import date

    return date(2026, 12, 7)


def _yesterday():  # noqa: ANN202
    from datetime import date

    return date.today() - timedelta(days=1)


def _shifts():  # noqa: ANN202
    from volunteer_app.services import shifts

    return shifts


def _templates():  # noqa: ANN202
    from volunteer_app.services import templates

    return templates


def _requests():  # noqa: ANN202
    from volunteer_app.services import requests

    return requests


def _hours():  # noqa: ANN202
    from volunteer_app.services import hours

    return hours


def _hours_reports():  # noqa: ANN202
    from volunteer_app.services import hours_reports

    return hours_reports


def _printing_cards():  # noqa: ANN202
    from volunteer_app.printing import cards

    return cards


def _job_settings():  # noqa: ANN202
    from volunteer_app.jobs import settings

    return settings


def _autofill_apply_empty(s: Session) -> object:
    """Applying a (possibly empty) auto-fill proposal for the whole week."""
    from volunteer_app.services import autofill

    scope = autofill.Scope(_monday(), _monday())
    problem = autofill.build_problem(s, scope)
    result = autofill.propose(scope, problem, time_limit=2)
    return autofill.apply(s, result)


@pytest.fixture
def import_file(tmp_path: Path) -> Path:
    (tmp_path / "in.csv").write_text("姓名,手机号\n张三,13800001111\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("action", "operation"), OPERATIONS,
                         ids=[f"{a}-{i}" for i, (a, _) in enumerate(OPERATIONS)])
def test_permission_matrix(demo_db: Database, import_file: Path, role: str, action: str,
                           operation: Callable) -> None:
    with demo_db.session() as s:
        team_id = teams.list_teams(s)[1].id
    demo_db.actor = Actor(name=f"{role}-user", role=role, operator_id=1000,
                          team_id=team_id if role == "captain" else None)
    s = demo_db.Session()
    s.info["actor"] = demo_db.actor
    try:
        if action in MATRIX[role]:
            operation(s, import_file)
        else:
            with pytest.raises(PermissionDenied) as err:
                operation(s, import_file)
            # Refused for this action or for a prerequisite the role lacks as well.
            assert err.value.details["action"] not in MATRIX[role]
    finally:
        s.rollback()
        s.close()


def test_every_action_is_in_the_administrators_set_and_roles_are_narrower() -> None:
    assert MATRIX["administrator"] == frozenset(ACTIONS)
    for role in ("coordinator", "clerk", "captain"):
        assert MATRIX[role] < MATRIX["administrator"]
        assert "operators.manage" not in MATRIX[role] and "audit.view" not in MATRIX[role]
    assert "ids.view" in MATRIX["clerk"] and "ids.view" not in MATRIX["coordinator"]


def _enable(db: Database) -> None:
    with db.session() as s:
        accounts.enable_accounts(s, "admin", "correct horse")
    db.actor = None


def test_accounts_on_means_login_required(demo_db: Database) -> None:
    _enable(demo_db)
    with pytest.raises(LoginRequired), demo_db.session() as s:
        vs.query_ids(s)
    accounts.login_unit(demo_db, "admin", "correct horse")
    with demo_db.session() as s:
        assert vs.query_ids(s)


def test_lockout_after_repeated_failures(demo_db: Database) -> None:
    _enable(demo_db)
    now = datetime(2026, 12, 7, 9, 0)
    for i in range(accounts.MAX_FAILURES):
        with pytest.raises(accounts.LoginFailed) as err:
            accounts.login_unit(demo_db, "admin", "wrong", now=now)
        expected = "locked" if i == accounts.MAX_FAILURES - 1 else "bad_credentials"
        assert err.value.code == expected
    # Even the right password is refused while locked...
    with pytest.raises(accounts.LoginFailed) as err:
        accounts.login_unit(demo_db, "admin", "correct horse", now=now + timedelta(minutes=5))
    assert err.value.code == "locked"
    # ...and accepted once the lock has run out.
    actor = accounts.login_unit(demo_db, "admin", "correct horse",
                                now=now + timedelta(minutes=accounts.LOCK_MINUTES + 1))
    assert actor.role == "administrator"
    with demo_db.session() as s:
        actions = [e.action for e in list_entries(s)]
    assert actions[:2] == ["login", "login_failed"]
    assert actions.count("login_failed") == accounts.MAX_FAILURES + 1
    with demo_db.session() as s:
        failed = [e for e in list_entries(s) if e.action == "login_failed"]
    assert {e.operator for e in failed} == {"admin"}  # the name that was tried, not the OS user


def test_unknown_user_and_inactive_account(demo_db: Database) -> None:
    _enable(demo_db)
    with pytest.raises(accounts.LoginFailed):
        accounts.login_unit(demo_db, "nobody", "whatever1")
    accounts.login_unit(demo_db, "admin", "correct horse")
    with demo_db.session() as s:
        oid = accounts.save_operator(s, None, "li", "clerk", password="clerkpass1")
        accounts.save_operator(s, oid, "li", "clerk", active=False)
    with pytest.raises(accounts.LoginFailed):
        accounts.login_unit(demo_db, "li", "clerkpass1")


def test_last_administrator_cannot_be_demoted(demo_db: Database) -> None:
    _enable(demo_db)
    accounts.login_unit(demo_db, "admin", "correct horse")
    with pytest.raises(AppError) as err, demo_db.session() as s:
        admin_id = accounts.list_operators(s)[0].id
        accounts.save_operator(s, admin_id, "admin", "clerk")
    assert err.value.code == "last_administrator"


def test_passwords_are_argon2_hashed(demo_db: Database) -> None:
    from volunteer_app.models.accounts import Operator

    _enable(demo_db)
    with demo_db.session() as s:
        op = s.query(Operator).one()
        assert op.password_hash.startswith("$argon2") and "correct horse" not in op.password_hash


def test_id_numbers_masked_for_roles_without_permission(demo_db: Database) -> None:
    with demo_db.session() as s:
        vid = next(v for v in vs.query_ids(s) if vs.get(s, v).id_number)
        shown_admin = vs.get(s, vid).id_number
        full = vs.reveal_id_number(s, vid)  # the full number only through the audited reveal
    assert "*" not in full and shown_admin == "*" * 14 + full[-4:]
    demo_db.actor = Actor(name="coord", role="coordinator", operator_id=5)
    with demo_db.session() as s:
        shown = vs.get(s, vid).id_number
        with pytest.raises(PermissionDenied):
            vs.reveal_id_number(s, vid)
    assert shown == "*" * 14 + full[-4:]


def test_exports_mask_id_numbers_unless_asked(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as s:
        plain = vio.export_rows(s)
        with_ids = vio.export_rows(s, include_ids=True)
    assert all(r[3] == "" or r[3] == "*" * 14 + f[3][-4:] for r, f in zip(plain, with_ids, strict=True))
    assert any(len(r[3]) == 18 and "*" not in r[3] for r in with_ids)


def test_audit_records_changes_with_masked_ids_and_who(demo_db: Database, tmp_path: Path) -> None:
    demo_db.actor = Actor(name="王文书", role="clerk", operator_id=7)
    with demo_db.session() as s:
        vid = vs.create(s, vs.VolunteerData(name="新人", mobile="13912345678",
                                            id_number="11010519491231002X"))
    with demo_db.session() as s:
        d = vs.get(s, vid)
        vs.update(s, vid, vs.VolunteerData(name="新人改名", mobile=d.mobile, id_number=d.id_number), d.version)
    with demo_db.session() as s:
        vio.export_file(s, tmp_path / "x.csv")
    with demo_db.session() as s:
        vs.deactivate(s, vid)
    demo_db.actor = Actor(name="admin", role="administrator", operator_id=1)
    with demo_db.session() as s:
        entries = [e for e in list_entries(s) if e.operator == "王文书"]
    kinds = [(e.action, e.entity) for e in entries]
    assert kinds == [("update", "volunteer"), ("export", "volunteer"), ("update", "volunteer"),
                     ("create", "volunteer")]
    created = entries[-1]
    assert created.changes["id_number"] == [None, "**************002X"]
    renamed = entries[2]
    assert renamed.changes == {"name": ["新人", "新人改名"]}
    assert entries[0].changes["active"] == [True, False]


def test_audit_log_cannot_be_edited(demo_db: Database) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError), demo_db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET operator = 'someone else'"))
    with pytest.raises(DBAPIError), demo_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry"))


def test_password_changes_are_audited_without_the_password(demo_db: Database) -> None:
    _enable(demo_db)
    accounts.login_unit(demo_db, "admin", "correct horse")
    with demo_db.session() as s:
        clerk = accounts.save_operator(s, None, "li", "clerk", password="clerkpass1")
    with demo_db.session() as s:
        accounts.change_own_password(s, "correct horse", "battery staple")
        accounts.save_operator(s, clerk, "li", "clerk", password="newclerkpass")
    with demo_db.session() as s:
        entries = list_entries(s, action="password_changed")
    assert sorted(e.summary for e in entries) == ["admin", "li"]
    assert all(e.operator == "admin" for e in entries)
    for e in entries:
        text = str(e.changes)
        assert "battery" not in text and "newclerk" not in text and "argon2" not in text
