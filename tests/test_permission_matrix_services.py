"""Every service function, called as every role, with accounts on (issue 17 point 4).

The functions are found by introspection: every public function whose first parameter is
the session (or the database) in volunteer_app/services/*.py, the accounts, audit log and
key administration, the jobs (settings, runs, duties, calendars, the Today overview),
backups and restores, the register's import and export, and the printing data. Each must
be in :data:`TABLE`, which says how to call it — with *another team's* records, so that a
captain of 小喇叭巡逻队 is tried on 点赞联盟文明劝导队's duties, hours, leave and templates —
and which permission it needs. The test then calls it as nobody (accounts on, no login),
an administrator, a coordinator, a clerk and that captain, and compares:

* ``login_required`` for nobody, always: who is working is asked before anything else;
* ``allowed`` when the role has the permission (a business refusal such as a conflict
  counts: the permission check was passed), else ``forbidden``;
* for a captain, ``forbidden`` as well where the record is another team's (``scoped``).

A function missing from the table, or a table entry naming no function, fails the test.
Helpers that are not entry points (they return ORM rows to a service that has checked,
or are the background jobs' own machinery) are listed in :data:`INTERNAL` with the reason,
and a front end (ui/, volunteer_app/cli/) that calls one fails the test.

Each call runs in its own session on one demo database, rolled back afterwards.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import pkgutil
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from volunteer_app.db import Database, open_database
from volunteer_app.errors import AppError
from volunteer_app.models import Membership, Team
from volunteer_app.models.shifts import Assignment, GenerationBatch, Shift, ShiftTemplate
from volunteer_app.paths import sqlite_url
from volunteer_app.security import accounts
from volunteer_app.security.permissions import (
    ADMINISTRATOR,
    CAPTAIN,
    CLERK,
    COORDINATOR,
    MATRIX,
    Actor,
    LoginRequired,
    PermissionDenied,
)

ROOT = Path(__file__).resolve().parent.parent
NOBODY = "nobody"
ROLES = (NOBODY, ADMINISTRATOR, COORDINATOR, CLERK, CAPTAIN)
ALLOWED, FORBIDDEN, LOGIN = "allowed", "forbidden", "login_required"
PASSWORDS = {ADMINISTRATOR: "correct horse", COORDINATOR: "coordpass1", CLERK: "clerkpass1",
             CAPTAIN: "captainpw1"}
MONDAY = date(2026, 12, 7)


def _modules() -> list[str]:
    names = [f"volunteer_app.services.{m.name}" for m in pkgutil.iter_modules(
        importlib.import_module("volunteer_app.services").__path__)]
    names += [f"volunteer_app.printing.{m.name}" for m in pkgutil.iter_modules(
        importlib.import_module("volunteer_app.printing").__path__)]
    names += ["volunteer_app.security.accounts", "volunteer_app.security.audit_log",
              "volunteer_app.security.key_admin", "volunteer_app.jobs.settings",
              "volunteer_app.jobs.jobs", "volunteer_app.jobs.duties", "volunteer_app.jobs.ics",
              "volunteer_app.jobs.overview", "volunteer_app.backup",
              "volunteer_app.importexport.volunteers_io"]
    return sorted(set(names))


def service_functions() -> dict[str, Callable]:
    """``module.function`` (without ``volunteer_app.``) of every public function taking the
    session or the database first."""
    out = {}
    for name in _modules():
        module = importlib.import_module(name)
        for fname, fn in vars(module).items():
            if fname.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != name:
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] in ("session", "db"):
                out[f"{name.removeprefix('volunteer_app.')}.{fname}"] = fn
    return out


# ---------------------------------------------------------------------------- the world


@dataclass
class World:
    """The demo community with accounts on, and records of another team than the captain's."""

    db: Database
    tmp: Path
    actors: dict[str, Actor | None]
    own: int  # 小喇叭巡逻队, the captain's team
    other: int  # 点赞联盟文明劝导队
    own_member: int
    other_member: int  # serves in the other team, not in the captain's
    own_shift: int
    other_shift: int
    other_assigned: int  # a volunteer on other_shift
    other_assignment: int
    other_entry: int  # an hours entry of the other team
    other_leave: int
    other_template: int
    other_generation: int  # a generation batch with the other team's shifts
    other_autofill: int  # an auto-fill batch of the other team's week
    autofill_result: Any
    request: int
    clerk_operator: int
    import_preview: Any
    extra: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def world(_templates: dict[str, str], tmp_path_factory: pytest.TempPathFactory,
          request: pytest.FixtureRequest) -> Iterator[World]:
    # The suite's own conftest (tests/conftest.py), found among pytest's plugins by its
    # file: in a whole-suite run the module name "conftest" is tests/ui/conftest.py's.
    here = Path(__file__).with_name("conftest.py").resolve()
    root = next(m for m in request.config.pluginmanager.get_plugins()
                if getattr(m, "__file__", None) and Path(m.__file__).resolve() == here)
    BACKEND, _pg_create, _pg_drop = root.BACKEND, root._pg_create, root._pg_drop  # noqa: N806

    from volunteer_app.importexport import volunteers_io as vio
    from volunteer_app.security import key_admin
    from volunteer_app.services import autofill, availability, hours, requests, templates

    tmp = tmp_path_factory.mktemp("matrix")
    if BACKEND == "postgres":
        pg_name = f"t_matrix_{tmp.name[-8:].replace('-', '_')}"
        url = _pg_create(pg_name, _templates["demo"])
    else:
        shutil.copyfile(_templates["demo"], tmp / "demo.db")
        url = sqlite_url(tmp / "demo.db")
    db = open_database(url)
    (tmp / "in.csv").write_text("姓名,手机号\n张三,13800001111\n", encoding="utf-8")
    with db.session() as s:
        own = s.scalar(select(Team.id).where(Team.name == "小喇叭巡逻队"))
        other = s.scalar(select(Team.id).where(Team.name == "点赞联盟文明劝导队"))
        in_own = set(s.scalars(select(Membership.volunteer_id).where(Membership.team_id == own)))
        in_other = set(s.scalars(select(Membership.volunteer_id).where(Membership.team_id == other)))
        own_shift = s.scalar(select(Shift.id).where(Shift.team_id == own).order_by(Shift.id))
        other_shift, other_assigned, other_assignment = s.execute(
            select(Shift.id, Assignment.volunteer_id, Assignment.id)
            .join(Assignment, Assignment.shift_id == Shift.id)
            .where(Shift.team_id == other).order_by(Shift.id, Assignment.id).limit(1)).one()
        other_member = min(in_other - in_own)
        accounts.enable_accounts(s, "admin", PASSWORDS[ADMINISTRATOR])
    admin = accounts.login_unit(db, "admin", PASSWORDS[ADMINISTRATOR])
    with db.session() as s:
        accounts.save_operator(s, None, "coord", COORDINATOR, password=PASSWORDS[COORDINATOR])
        clerk_op = accounts.save_operator(s, None, "clerk", CLERK, password=PASSWORDS[CLERK])
        accounts.save_operator(s, None, "cap", CAPTAIN, display_name="老王队长", team_id=own,
                               password=PASSWORDS[CAPTAIN])
        entry = hours.add_manual(s, other_member, MONDAY - timedelta(days=1), 1, "补录", "x",
                                 team_id=other, now=datetime(2026, 12, 7, 12))
        leave = availability.add_leave(s, other_member, date(2026, 12, 24), date(2026, 12, 25))
        template = s.scalar(select(ShiftTemplate.id).where(ShiftTemplate.team_id == other))
        generation = s.scalar(select(GenerationBatch.id).join(Shift, Shift.batch_id == GenerationBatch.id)
                              .where(Shift.team_id == other).limit(1))
        if generation is None:
            generation = templates.generate(s, date(2027, 1, 4), date(2027, 1, 10), [template]).batch_id
        scope = autofill.Scope.week(MONDAY + timedelta(days=7), other)
        problem = autofill.build_problem(s, scope)
        result = autofill.propose(scope, problem, time_limit=2)
        empty = autofill.propose(autofill.Scope.week(date(2027, 3, 1), other),
                                 autofill.build_problem(s, autofill.Scope.week(date(2027, 3, 1), other)),
                                 time_limit=1)
        fill = autofill.apply(s, empty).batch_id
        request = requests.create_request(s, requests.RequestData(
            resident_name="居民", resident_phone="13800001111", description="楼道灯坏了"), "文书")
        preview = vio.prepare(s, tmp / "in.csv")
        key_admin.export_database_key(s, tmp / "db.key")
    actors: dict[str, Actor | None] = {NOBODY: None, ADMINISTRATOR: admin}
    for role, user in ((COORDINATOR, "coord"), (CLERK, "clerk"), (CAPTAIN, "cap")):
        actors[role] = accounts.login_unit(db, user, PASSWORDS[role])
    db.actor = None
    yield World(db, tmp, actors, own, other, min(in_own), other_member, own_shift, other_shift,
                other_assigned, other_assignment, entry, leave, template, generation, fill, result,
                request, clerk_op, preview)
    db.dispose()
    if BACKEND == "postgres":
        _pg_drop(pg_name)


# ---------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class Call:
    """How to call a function and the permission it needs.

    ``action`` None: any logged-in operator. ``scoped``: the call touches another team's
    record, so a captain (who holds the action for their own team) is refused.
    ``expect`` overrides the outcome for some roles; ``db``: ``run`` takes the Database
    (the function opens its own units of work) instead of a Session.
    """

    run: Callable[[World, Any], object]
    action: str | None
    scoped: bool = False
    expect: dict[str, str] = field(default_factory=dict)
    db: bool = False
    credentials: bool = False  # checks a user name and password itself: a failure = no login

    def outcome(self, role: str) -> str:
        if role in self.expect:
            return self.expect[role]
        if role == NOBODY:
            return LOGIN
        if self.action is not None and self.action not in MATRIX[role]:
            return FORBIDDEN
        return FORBIDDEN if self.scoped and role == CAPTAIN else ALLOWED


def C(action: str | None, run: Callable[[World, Any], object], **kw: Any) -> Call:  # noqa: N802
    return Call(run, action, **kw)


def S(action: str, run: Callable[[World, Any], object], **kw: Any) -> Call:  # noqa: N802
    """A call on another team's record: a captain is refused."""
    return Call(run, action, scoped=True, **kw)


def _m(name: str) -> Any:
    return importlib.import_module(f"volunteer_app.{name}")


def _shift_data(w: World, team: int) -> Any:
    return _m("services.shifts").ShiftData(date(2026, 12, 10), time(9), time(10), team_id=team)


def _template_data(w: World) -> Any:
    return _m("services.templates").TemplateData("宣传", time(8), time(9), team_id=w.other)


def _request_data() -> Any:
    return _m("services.requests").RequestData(resident_name="居民", resident_phone="13800001111",
                                              description="楼道灯全坏了")


def _volunteer_data() -> Any:
    return _m("services.volunteers").VolunteerData(name="新人", mobile="13912345678")


def _print_request(w: World) -> Any:
    return _m("printing.jobs").PrintRequest("roster", week=MONDAY, team_id=w.other)


def _mark(w: World) -> Any:
    return _m("services.checkin").CheckinMark(w.other_assignment, "completed")


def _login_as(role: str) -> tuple[str | None, str | None]:
    users = {ADMINISTRATOR: "admin", COORDINATOR: "coord", CLERK: "clerk", CAPTAIN: "cap"}
    return (users[role], PASSWORDS[role]) if role in users else (None, None)


EVERYONE = {role: ALLOWED for role in ROLES}
YESTERDAY = MONDAY - timedelta(days=1)

TABLE: dict[str, Call] = {
    # backups and restores (they open their own units of work)
    "backup.create_backup": C("backup", lambda w, db: _m("backup").create_backup(db, w.tmp / "b.db"), db=True),
    "backup.restore_backup": C("restore", lambda w, db: _m("backup").restore_backup(db, w.tmp / "none.db"),
                               db=True),
    # the register's import and export
    "importexport.volunteers_io.prepare": C("registers.import", lambda w, s: _m(
        "importexport.volunteers_io").prepare(s, w.tmp / "in.csv")),
    "importexport.volunteers_io.apply": C("registers.import", lambda w, s: _m(
        "importexport.volunteers_io").apply(s, w.import_preview)),
    "importexport.volunteers_io.import_file": C("registers.import", lambda w, s: _m(
        "importexport.volunteers_io").import_file(s, w.tmp / "in.csv", dry_run=True)),
    "importexport.volunteers_io.export_rows": C("registers.export", lambda w, s: _m(
        "importexport.volunteers_io").export_rows(s)),
    "importexport.volunteers_io.export_file": C("registers.export", lambda w, s: _m(
        "importexport.volunteers_io").export_file(s, w.tmp / "out.csv")),
    # jobs
    "jobs.duties.load_duties": S("shifts.read", lambda w, s: _m("jobs.duties").load_duties(
        s, datetime(2026, 12, 7), datetime(2026, 12, 14), team_id=w.other)),
    "jobs.duties.load_shifts": S("shifts.read", lambda w, s: _m("jobs.duties").load_shifts(
        s, MONDAY, MONDAY + timedelta(days=6), team_id=w.other)),
    "jobs.ics.volunteer_ics": C("shifts.read", lambda w, s: _m("jobs.ics").volunteer_ics(s, w.other_assigned)),
    "jobs.ics.team_ics": S("shifts.read", lambda w, s: _m("jobs.ics").team_ics(s, w.other)),
    "jobs.jobs.list_runs": C("jobs.manage", lambda w, s: _m("jobs.jobs").list_runs(s)),
    "jobs.jobs.last_runs": C("jobs.manage", lambda w, s: _m("jobs.jobs").last_runs(s)),
    "jobs.overview.today_overview": C("shifts.read", lambda w, s: _m("jobs.overview").today_overview(s)),
    "jobs.settings.get_config": C("shifts.read", lambda w, s: _m("jobs.settings").get_config(s, "nightly_backup")),
    "jobs.settings.list_configs": C("shifts.read", lambda w, s: _m("jobs.settings").list_configs(s)),
    "jobs.settings.save_config": C("jobs.manage", lambda w, s: _m("jobs.settings").save_config(
        s, "nightly_backup", enabled=False)),
    # printing
    "printing.cards.grid_cards_data": C("print", lambda w, s: _m("printing.cards").grid_cards_data(s)),
    "printing.hours.hours_lines": S("print", lambda w, s: _m("printing.hours").hours_lines(
        s, "2026-12", team_id=w.other)),
    "printing.hours.community_name": C("registers.read", lambda w, s: _m("printing.hours").community_name(s)),
    "printing.jobs.prepare": S("print", lambda w, s: _m("printing.jobs").prepare(s, _print_request(w))),
    "printing.member_cards.member_cards_data": S("print", lambda w, s: _m(
        "printing.member_cards").member_cards_data(s, team_id=w.other)),
    "printing.roster.weekly_roster_data": S("print", lambda w, s: _m("printing.roster").weekly_roster_data(
        s, MONDAY, team_id=w.other)),
    "printing.signin.signin_sheets_data": S("print", lambda w, s: _m("printing.signin").signin_sheets_data(
        s, shift_id=w.other_shift)),
    # accounts, audit log, the database key
    "security.accounts.enable_accounts": C("operators.manage", lambda w, s: _m(
        "security.accounts").enable_accounts(s, "admin2", "another pass")),
    "security.accounts.disable_accounts": C("operators.manage", lambda w, s: _m(
        "security.accounts").disable_accounts(s)),
    # Logging in is how one gets a permission: anyone may try.
    "security.accounts.login": C(None, lambda w, s: _m("security.accounts").login(s, "cap", "wrong pass"),
                                 expect=EVERYONE),
    "security.accounts.login_unit": C(None, lambda w, db: _m("security.accounts").login_unit(
        db, "ghost", "wrong pass"), expect=EVERYONE, db=True),
    "security.accounts.list_operators": C("operators.manage", lambda w, s: _m("security.accounts").list_operators(s)),
    "security.accounts.save_operator": C("operators.manage", lambda w, s: _m("security.accounts").save_operator(
        s, w.clerk_operator, "clerk", CLERK)),
    "security.accounts.unlock": C("operators.manage", lambda w, s: _m("security.accounts").unlock(
        s, w.clerk_operator)),
    # Any logged-in operator changes their own password (a wrong old one is refused).
    "security.accounts.change_own_password": C(None, lambda w, s: _m("security.accounts").change_own_password(
        s, "not the password", "new password 1")),
    "security.audit_log.list_entries": C("audit.view", lambda w, s: _m("security.audit_log").list_entries(s)),
    "security.key_admin.key_info": C("operators.manage", lambda w, s: _m("security.key_admin").key_info(s)),
    "security.key_admin.export_database_key": C("operators.manage", lambda w, s: _m(
        "security.key_admin").export_database_key(s, w.tmp / "again.key")),
    # Checks an administrator's user name and password itself (the key may be missing here).
    "security.key_admin.import_database_key": C("operators.manage", lambda w, db: _m(
        "security.key_admin").import_database_key(db, w.tmp / "db.key", *_login_as(w.extra["role"])),
        db=True, credentials=True),
    # putting volunteers on duties
    "services.assignments.check_assignment": S("shifts.read", lambda w, s: _m(
        "services.assignments").check_assignment(s, w.other_shift, w.other_member)),
    # The captain's own duty, another team's volunteer, with an override: refused.
    "services.assignments.assign": S("shifts.plan", lambda w, s: _m("services.assignments").assign(
        s, w.own_shift, w.other_member, override_reason="人手不够")),
    "services.assignments.unassign": S("shifts.plan", lambda w, s: _m("services.assignments").unassign(
        s, w.other_shift, w.other_assigned)),
    "services.assignments.set_status": S("shifts.plan", lambda w, s: _m("services.assignments").set_status(
        s, w.other_shift, w.other_assigned, "confirmed")),
    "services.assignments.confirm": S("shifts.plan", lambda w, s: _m("services.assignments").confirm(
        s, w.other_shift, w.other_assigned)),
    "services.assignments.confirm_shift": S("shifts.plan", lambda w, s: _m(
        "services.assignments").confirm_shift(s, w.other_shift)),
    "services.assignments.candidates": S("shifts.read", lambda w, s: _m("services.assignments").candidates(
        s, w.other_shift)),
    # auto-fill
    "services.autofill.build_problem": S("shifts.read", lambda w, s: _m("services.autofill").build_problem(
        s, w.autofill_result.scope)),
    "services.autofill.apply": S("shifts.plan", lambda w, s: _m("services.autofill").apply(s, w.autofill_result)),
    "services.autofill.undo": S("shifts.plan", lambda w, s: _m("services.autofill").undo(s, w.other_autofill)),
    "services.autofill.list_batches": C("shifts.read", lambda w, s: _m("services.autofill").list_batches(s)),
    "services.autofill.labels": C("shifts.read", lambda w, s: _m("services.autofill").labels(
        s, w.autofill_result.problem)),
    # availability
    "services.availability.get_availability": C("registers.read", lambda w, s: _m(
        "services.availability").get_availability(s, w.other_member)),
    "services.availability.set_windows": S("availability.edit", lambda w, s: _m(
        "services.availability").set_windows(s, w.other_member, [(0, time(1), time(2))])),
    "services.availability.add_leave": S("availability.edit", lambda w, s: _m(
        "services.availability").add_leave(s, w.other_member, date(2026, 12, 21), date(2026, 12, 22))),
    "services.availability.remove_leave": S("availability.edit", lambda w, s: _m(
        "services.availability").remove_leave(s, w.other_leave)),
    "services.availability.set_limits": S("availability.edit", lambda w, s: _m(
        "services.availability").set_limits(s, w.other_member, 0, 0)),
    # duties a leave or departure leaves behind (a captain sees only their team's: none here)
    "services.replan.held_duties": C("shifts.read", lambda w, s: _m("services.replan").held_duties(
        s, w.other_assigned, date(2026, 1, 1))),
    "services.replan.release_duties": S("shifts.plan", lambda w, s: _m("services.replan").release_duties(
        s, w.other_assigned, [w.other_assignment])),
    "services.replan.restore_released": S("shifts.plan", lambda w, s: _m("services.replan").restore_released(
        s, [w.other_assignment])),
    # check-in
    "services.checkin.checkin_sheet": S("shifts.read", lambda w, s: _m("services.checkin").checkin_sheet(
        s, w.other_shift)),
    "services.checkin.record_checkin": S("shifts.checkin", lambda w, s: _m("services.checkin").record_checkin(
        s, w.other_shift, [_mark(w)], "x")),
    "services.checkin.verify_shift": S("hours.verify", lambda w, s: _m("services.checkin").verify_shift(
        s, w.other_shift, "王主任")),
    "services.checkin.all_arrived_as_planned": S("shifts.checkin", lambda w, s: _m(
        "services.checkin").all_arrived_as_planned(s, w.other_shift, "x")),
    # the community, grids, teams
    "services.community.get_community": C("registers.read", lambda w, s: _m("services.community").get_community(s)),
    "services.community.save_community": C("community.edit", lambda w, s: _m(
        "services.community").save_community(s, _m("services.community").CommunityInfo(name="林琼社区"))),
    "services.community.register_counts": C("registers.read", lambda w, s: _m(
        "services.community").register_counts(s)),
    "services.grids.list_grids": C("registers.read", lambda w, s: _m("services.grids").list_grids(s)),
    "services.grids.get_grid": C("registers.read", lambda w, s: _m("services.grids").get_grid(s, 1)),
    "services.grids.resolve": C("registers.read", lambda w, s: _m("services.grids").resolve(s, "1号网格")),
    "services.grids.save_grid": C("grids.edit", lambda w, s: _m("services.grids").save_grid(s, None, 99, "99号网格")),
    "services.grids.grid_volunteers": C("registers.read", lambda w, s: _m("services.grids").grid_volunteers(s, 1)),
    "services.grids.grid_choices": C("registers.read", lambda w, s: _m("services.grids").grid_choices(s)),
    "services.teams.list_teams": C("registers.read", lambda w, s: _m("services.teams").list_teams(s)),
    "services.teams.resolve": C("registers.read", lambda w, s: _m("services.teams").resolve(s, "点赞联盟文明劝导队")),
    "services.teams.save_team": C("teams.edit", lambda w, s: _m("services.teams").save_team(s, None, "新队", "other")),
    "services.teams.members": C("registers.read", lambda w, s: _m("services.teams").members(s, w.other)),
    "services.teams.add_members": C("teams.edit", lambda w, s: _m("services.teams").add_members(
        s, w.other, [w.own_member])),
    "services.teams.set_role": C("teams.edit", lambda w, s: _m("services.teams").set_role(
        s, w.other, w.other_member, "deputy")),
    "services.teams.remove_member": C("teams.edit", lambda w, s: _m("services.teams").remove_member(
        s, w.other, w.other_member)),
    "services.teams.delete_team": C("teams.edit", lambda w, s: _m("services.teams").delete_team(s, w.other)),
    "services.teams.team_choices": C("registers.read", lambda w, s: _m("services.teams").team_choices(s)),
    # holidays: the community's, never a captain's
    "services.holidays.list_holidays": C("shifts.read", lambda w, s: _m("services.holidays").list_holidays(s, 2026)),
    "services.holidays.year_status": C("shifts.read", lambda w, s: _m("services.holidays").year_status(s, 2026)),
    "services.holidays.set_holiday": C("holidays.edit", lambda w, s: _m("services.holidays").set_holiday(
        s, date(2026, 12, 9), "holiday", "放假")),
    "services.holidays.remove_holiday": C("holidays.edit", lambda w, s: _m("services.holidays").remove_holiday(
        s, date(2026, 10, 1))),
    "services.holidays.confirm_year": C("holidays.edit", lambda w, s: _m("services.holidays").confirm_year(s, 2031)),
    "services.holidays.reimport_year": C("holidays.edit", lambda w, s: _m("services.holidays").reimport_year(
        s, 2026)),
    # a change of the holiday table with its duties (issue 18); a replan needs shifts.plan
    # too (tests/test_holiday_changes.py)
    "services.holiday_changes.holiday_change_effects": C("holidays.edit", lambda w, s: _m(
        "services.holiday_changes").holiday_change_effects(s, [_m("services.holiday_changes").HolidayEdit(
            date(2026, 12, 9), "holiday", "放假")])),
    "services.holiday_changes.apply_holiday_change": C("holidays.edit", lambda w, s: _m(
        "services.holiday_changes").apply_holiday_change(s, [_m("services.holiday_changes").HolidayEdit(
            date(2026, 12, 9), "holiday", "放假")], replan=False)),
    "services.holiday_changes.list_holiday_changes": C("shifts.read", lambda w, s: _m(
        "services.holiday_changes").list_holiday_changes(s)),
    "services.holiday_changes.undo_holiday_change": C("holidays.edit", lambda w, s: _m(
        "services.holiday_changes").undo_holiday_change(s, 999)),
    # service hours
    "services.hours.add_manual": S("hours.record", lambda w, s: _m("services.hours").add_manual(
        s, w.other_member, YESTERDAY, 1, "补录", "x", team_id=w.own)),
    "services.hours.correct": S("hours.record", lambda w, s: _m("services.hours").correct(
        s, w.other_entry, 2, "记错了", "x")),
    "services.hours.verify": S("hours.verify", lambda w, s: _m("services.hours").verify(s, [w.other_entry], "王主任")),
    "services.hours.verify_month": S("hours.verify", lambda w, s: _m("services.hours").verify_month(
        s, "2026-12", team_id=w.other)),
    "services.hours_access.hours_access": C("registers.read", lambda w, s: _m(
        "services.hours_access").hours_access(s, [w.own, w.other])),
    # Listings narrow a captain to their team (nothing to refuse); one entry is refused.
    "services.hours_listing.list_entries": C("registers.read", lambda w, s: _m(
        "services.hours_listing").list_entries(s)),
    "services.hours_listing.entry_ids": C("registers.read", lambda w, s: _m("services.hours_listing").entry_ids(s)),
    "services.hours_listing.fetch_entries": C("registers.read", lambda w, s: _m(
        "services.hours_listing").fetch_entries(s, [w.other_entry])),
    "services.hours_listing.ledger_totals": C("registers.read", lambda w, s: _m(
        "services.hours_listing").ledger_totals(s)),
    "services.hours_listing.get_entry": S("registers.read", lambda w, s: _m("services.hours_listing").get_entry(
        s, w.other_entry)),
    "services.hours_listing.entry_chain": S("registers.read", lambda w, s: _m(
        "services.hours_listing").entry_chain(s, w.other_entry)),
    "services.hours_reports.monthly_report": C("hours.report", lambda w, s: _m(
        "services.hours_reports").monthly_report(s, "2026-12")),
    "services.hours_reports.yearly_totals": C("hours.report", lambda w, s: _m(
        "services.hours_reports").yearly_totals(s, w.other_member, 2026)),
    # residents' requests
    "services.request_duplicates.find_duplicate": C("requests.read", lambda w, s: _m(
        "services.request_duplicates").find_duplicate(s, _request_data())),
    "services.requests.create_request": C("requests.manage", lambda w, s: _m("services.requests").create_request(
        s, _request_data(), "文书")),
    "services.requests.update_request": C("requests.manage", lambda w, s: _m("services.requests").update_request(
        s, w.request, _request_data(), "文书")),
    "services.requests.change_status": C("requests.manage", lambda w, s: _m("services.requests").change_status(
        s, w.request, "cancelled", "文书", note="重复")),
    "services.requests.dispatch": C("requests.manage", lambda w, s: _m("services.requests").dispatch(
        s, w.request, w.other, "文书")),
    "services.requests.list_requests": C("requests.read", lambda w, s: _m("services.requests").list_requests(s)),
    "services.requests.get_request": C("requests.read", lambda w, s: _m("services.requests").get_request(
        s, w.request)),
    "services.requests.month_counts": C("requests.read", lambda w, s: _m("services.requests").month_counts(
        s, "2026-12")),
    "services.requests.dispatch_options": C("requests.read", lambda w, s: _m(
        "services.requests").dispatch_options(s, w.request)),
    "services.requests.resolve_volunteer": C("registers.read", lambda w, s: _m(
        "services.requests").resolve_volunteer(s, str(w.other_member))),
    # shifts
    "services.shifts.planning_scope": S("shifts.plan", lambda w, s: _m("services.shifts").planning_scope(
        s, w.other)),
    "services.shifts.create_shift": S("shifts.plan", lambda w, s: _m("services.shifts").create_shift(
        s, _shift_data(w, w.other))),
    "services.shifts.update_shift": S("shifts.plan", lambda w, s: _m("services.shifts").update_shift(
        s, w.other_shift, _shift_data(w, w.other))),
    "services.shifts.delete_shift": S("shifts.plan", lambda w, s: _m("services.shifts").delete_shift(
        s, w.other_shift, force=True)),
    # deleting a duty so that it can be undone (issue 18.4)
    "services.shift_removal.remove_shift": S("shifts.plan", lambda w, s: _m(
        "services.shift_removal").remove_shift(s, w.other_shift)),
    "services.shift_removal.restore_shift": S("shifts.plan", lambda w, s: _m(
        "services.shift_removal").restore_shift(s, _m("services.shift_removal").RemovedShift(
            0, "宣传", w.other, None, "", date(2026, 12, 10), time(9), time(10), "patrol", 1))),
    # dragging a volunteer from one duty to another (issue 18.4)
    "services.assignment_move.move_volunteer": S("shifts.plan", lambda w, s: _m(
        "services.assignment_move").move_volunteer(s, w.other_shift, w.other_shift, w.other_assigned)),
    "services.shifts.list_shifts": S("shifts.read", lambda w, s: _m("services.shifts").list_shifts(
        s, MONDAY, MONDAY + timedelta(days=6), team_id=w.other)),
    "services.shifts.get_shift": S("shifts.read", lambda w, s: _m("services.shifts").get_shift(s, w.other_shift)),
    "services.shifts.week_plan": S("shifts.read", lambda w, s: _m("services.shifts").week_plan(
        s, MONDAY, team_id=w.other)),
    # templates and generation
    "services.templates.save_template": S("shifts.plan", lambda w, s: _m("services.templates").save_template(
        s, w.other_template, _template_data(w))),
    "services.templates.list_templates": C("shifts.read", lambda w, s: _m("services.templates").list_templates(s)),
    "services.templates.delete_template": S("shifts.plan", lambda w, s: _m(
        "services.templates").delete_template(s, w.other_template)),
    # A captain's generation is narrowed to their team: nothing of another team is made.
    "services.templates.generate": C("shifts.plan", lambda w, s: _m("services.templates").generate(
        s, date(2027, 2, 1), date(2027, 2, 7), [w.other_template])),
    "services.templates.list_batches": C("shifts.read", lambda w, s: _m("services.templates").list_batches(s)),
    "services.templates.undo_batch": S("shifts.plan", lambda w, s: _m("services.templates").undo_batch(
        s, w.other_generation)),
    "services.week_copy.copy_week": S("shifts.plan", lambda w, s: _m("services.week_copy").copy_week(
        s, MONDAY + timedelta(days=7), team_id=w.other)),
    # the register (community-wide reading: see docs/security.md)
    "services.volunteers.find_duplicate": C("registers.read", lambda w, s: _m("services.volunteers").find_duplicate(
        s, "13800001111")),
    "services.volunteers.create": C("registers.edit", lambda w, s: _m("services.volunteers").create(
        s, _volunteer_data())),
    "services.volunteers.update": C("registers.edit", lambda w, s: _m("services.volunteers").update(
        s, w.other_member, _volunteer_data())),
    "services.volunteers.deactivate": C("registers.edit", lambda w, s: _m("services.volunteers").deactivate(
        s, w.other_member)),
    "services.volunteers.reactivate": C("registers.edit", lambda w, s: _m("services.volunteers").reactivate(
        s, w.other_member)),
    "services.volunteers.has_history": C("registers.read", lambda w, s: _m("services.volunteers").has_history(
        s, w.other_member)),
    "services.volunteers.delete": C("registers.edit", lambda w, s: _m("services.volunteers").delete(
        s, w.other_member)),
    "services.volunteers.get": S("registers.read", lambda w, s: _m("services.volunteers").get(s, w.other_member)),
    "services.volunteers.reveal_id_number": C("ids.view", lambda w, s: _m(
        "services.volunteers").reveal_id_number(s, w.other_member)),
    # Answers whether the role may (the desktop shows a button): never raises.
    "services.volunteers.may_reveal_id_numbers": C(None, lambda w, s: _m(
        "services.volunteers").may_reveal_id_numbers(s), expect=EVERYONE),
    "services.volunteers.id_search_hash": C("registers.read", lambda w, s: _m(
        "services.volunteers").id_search_hash(s, "11010519491231002X")),
    "services.volunteers.query_ids": C("registers.read", lambda w, s: _m("services.volunteers").query_ids(s)),
    "services.volunteers.count": C("registers.read", lambda w, s: _m("services.volunteers").count(s)),
    "services.volunteers.fetch_rows": C("registers.read", lambda w, s: _m("services.volunteers").fetch_rows(
        s, [w.other_member])),
    "services.volunteers.list_rows": C("registers.read", lambda w, s: _m("services.volunteers").list_rows(s)),
    "services.volunteers.query_ids_ordered": C("registers.read", lambda w, s: _m(
        "services.volunteers").query_ids_ordered(s)),
    "services.volunteers.search_keys": C("registers.read", lambda w, s: _m("services.volunteers").search_keys(s)),
}

# Not entry points: what each is for, and why it asks nobody.
_JOB = "a background job's own machinery, run by the scheduler as its system actor; people " \
       "start jobs through SchedulerService.run_now (jobs.manage)"
INTERNAL: dict[str, str] = {
    "jobs.jobs.run_job": _JOB,
    "jobs.jobs.record_missed": _JOB,
    "jobs.jobs.backup_directory": _JOB,
    "jobs.jobs.duty_reminders": _JOB,
    "jobs.jobs.unfilled_alerts": _JOB,
    "jobs.jobs.overdue_requests": _JOB,
    "jobs.jobs.weekly_plan": _JOB,
    "jobs.jobs.nightly_backup": _JOB,
    "jobs.jobs.audit_check": _JOB,
    "backup.write_key_archive": "the nightly backup's archive, written by that job (jobs.manage) only",
    "services.availability.leave_days": "leave facts for the week plan and the reminders job, after their check",
    "services.assignments.load_duties": "conflict facts for assign/candidates/auto-fill, after their check",
    "services.assignments.lock_shifts": "a row lock taken by assign and auto-fill after their check",
    "services.availability.team_ancestors": "team tree for the conflict facts",
    "services.availability.volunteer_facts": "conflict facts for the planning services, after their check",
    "services.checkin.sync_assignment": "keeps the ledger in step, called by set_status after its check",
    "services.community.stored_community": "the time zone behind every service's 'now' and the "
                                           "scheduler's, before anyone logs in; front ends call get_community",
    "services.grids.lookup_table": "grid names for the import, after registers.import",
    "services.holidays.ensure_years": "copies the package's holidays, called by the reads that checked",
    "services.holidays.load_calendar": "the holiday calendar for planning services, after their check",
    "services.hours.load_volunteer": "an ORM row for the hours services, after their check",
    "services.hours.append_correction": "the ledger's append, after correct/check-in/requests checked",
    "services.hours.entry_for_request": "a completed request's hours, after change_status checked",
    "services.hours_reports.monthly_statement": "the rows behind the printed statement and the "
                                                "monthly .xlsx, after their own check",
    "services.hours_reports.ledger_minutes": "a total for the reports, after their check",
    "services.hours_reports.no_shows": "no-show rows for the statements and reports, after their check",
    "services.hours_reports.month_no_shows": "no-show rows for the statements and reports, after their check",
    "services.shifts.load_shift": "an ORM row for the planning services, after their check",
    "services.shifts.require_readable": "a check itself (a captain's shift), called after require",
    "services.shifts.reference_problems": "form validation for shifts and templates, after their check",
}


# ---------------------------------------------------------------------------- the tests


def test_every_service_function_is_in_the_table() -> None:
    found = set(service_functions())
    missing = sorted(found - set(TABLE) - set(INTERNAL))
    assert not missing, f"add these to TABLE (how to call them, which permission) or INTERNAL: {missing}"
    stale = sorted((set(TABLE) | set(INTERNAL)) - found)
    assert not stale, f"no such service function (renamed or removed?): {stale}"
    assert not set(TABLE) & set(INTERNAL)


def _imported_names(path: Path) -> set[str]:
    """``module.function`` (without ``volunteer_app.``) a front-end file calls or imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    aliases: dict[str, str] = {}
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            for a in node.names:
                full = f"{base}.{a.name}".removeprefix("volunteer_app.")
                aliases[a.asname or a.name] = full
                names.add(full)
        elif isinstance(node, ast.Import):
            for a in node.names:
                aliases[a.asname or a.name] = a.name.removeprefix("volunteer_app.")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
            names.add(f"{aliases[node.value.id]}.{node.attr}")
    return names


def test_front_ends_call_no_internal_helper() -> None:
    used: dict[str, list[str]] = {}
    for folder in (ROOT / "ui", ROOT / "volunteer_app" / "cli"):
        for path in folder.rglob("*.py"):
            for name in _imported_names(path) & set(INTERNAL):
                used.setdefault(name, []).append(str(path.relative_to(ROOT)))
    assert not used, f"front ends call helpers that check no permission: {used}"


def _outcome(call: Call, world: World, role: str) -> str:
    actor = world.actors[role]
    world.extra["role"] = role
    try:
        if call.db:
            world.db.actor = actor
            try:
                call.run(world, world.db)
            finally:
                world.db.actor = None
        else:
            s = world.db.Session()
            if actor is not None:
                s.info["actor"] = actor
            try:
                call.run(world, s)
            finally:
                s.rollback()
                s.close()
    except LoginRequired:
        return LOGIN
    except PermissionDenied:
        return FORBIDDEN
    except accounts.LoginFailed:
        if call.credentials:
            return LOGIN  # no valid login (the key import's own check)
        OUTCOMES.append((role, "bad_credentials"))
        return ALLOWED
    except AppError as exc:
        OUTCOMES.append((role, exc.code))
        return ALLOWED  # refused for what was asked, after the permission check
    OUTCOMES.append((role, "done"))
    return ALLOWED


OUTCOMES: list[tuple[str, str]] = []  # how the allowed calls ended (see the test's report)


@pytest.mark.parametrize("name", sorted(TABLE))
def test_every_role_against_every_service_function(world: World, name: str) -> None:
    call = TABLE[name]
    OUTCOMES.clear()
    got = {role: _outcome(call, world, role) for role in ROLES}
    expected = {role: call.outcome(role) for role in ROLES}
    assert got == expected, f"how the allowed calls ended: {OUTCOMES}"
    if os.environ.get("MATRIX_REPORT"):
        print(f"\n{name}: {OUTCOMES}")
