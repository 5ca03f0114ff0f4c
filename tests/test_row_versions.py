"""Every row the services edit carries the version check (issue 16, "Two PCs at once"):
the second of two clerks saving the same record is refused as stale, never silently
wins. Which tables are edited is listed here; a table nobody classified, or an edited
one without a version column, fails. (tests/conftest.py also fails any test in which the
app's code updated a row without a version counter through the ORM.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import inspect as sa_inspect

from volunteer_app.db import Database, open_database
from volunteer_app.errors import ConflictError
from volunteer_app.models import Base

# Tables the services update in place (UPDATE of an existing row), with who does it.
EDITED = {
    "community": "community.save_community",
    "grid": "grids.save_grid",
    "volunteer": "volunteers.update / deactivate / reactivate",
    "team": "teams.save_team",
    "membership": "teams.set_role, volunteers.update (roles)",
    "volunteer_limit": "availability.set_limits",
    "shift_template": "templates.save_template",
    "shift": "shifts.update_shift",
    "assignment": "assignments.set_status / confirm, checkin",
    "generation_batch": "templates.undo_batch, week_copy.copy_week",
    "autofill_batch": "autofill.undo",
    "holiday": "holidays.set_holiday",
    "holiday_change": "holiday_changes.undo_holiday_change",
    "holiday_year": "holidays.confirm_year, ensure_years (estimates confirmed or replaced)",
    "hours_entry": "hours.verify",
    "resident_request": "requests.update_request / change_status",
    "request_event": "requests.update_request (the intake entry's time)",
    "operator": "accounts.save_operator / login / unlock",
    "app_setting": "accounts (accounts switched on and off)",
    "job_setting": "jobs.settings.save_config",
    "job_run": "jobs.jobs (claiming and finishing a run)",
}
# Tables no service updates in place: rows are added and removed (replaced as a whole), or
# the table is bookkeeping written under a lock of its own.
NOT_EDITED = {
    "availability_window": "replaced as a whole by availability.set_windows",
    "volunteer_leave": "added and removed, never changed",
    "shift_skip": "added when a generated shift is deleted, never changed",
    "autofill_batch_assignment": "a link, added and removed",
    "reminder_log": "appended; its unique key keeps the jobs idempotent",
    "audit_entry": "append-only (triggers refuse UPDATE and DELETE)",
    "audit_chain": "the chain's head, rewritten under the chain's own lock (security.chain)",
    "apscheduler_jobs": "APScheduler's own job store",
}


def test_every_table_is_classified() -> None:
    tables = set(Base.metadata.tables)
    assert not set(EDITED) & set(NOT_EDITED)
    unknown = tables - set(EDITED) - set(NOT_EDITED)
    assert not unknown, f"say whether the services update these tables in place: {sorted(unknown)}"
    assert not (set(EDITED) | set(NOT_EDITED)) - tables, "a listed table no longer exists"


@pytest.mark.parametrize("table", sorted(EDITED))
def test_every_edited_table_carries_a_version_check(table: str) -> None:
    mapper = next(m for m in Base.registry.mappers if m.local_table.name == table)
    assert mapper.version_id_col is not None, f"{table} is edited but has no version_id_col"
    assert mapper.version_id_col.name == "version"


def test_bulk_updates_name_only_edited_tables() -> None:
    """``update(Model)`` statements in the core (they bypass the ORM's flush) touch only
    tables listed as edited; each must bump or deliberately keep the version itself."""
    root = Path(__file__).resolve().parents[1] / "volunteer_app"
    classes = {m.class_.__name__: m.local_table.name for m in Base.registry.mappers}
    found: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "update"
                    and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in classes):
                found.setdefault(classes[node.args[0].id], set()).add(path.name)
    assert found, "the scan finds the planner's bulk updates"
    assert set(found) <= set(EDITED) | {"audit_chain"}, found


# ---------------------------------------------------------------------------- stale saves


@pytest.fixture
def second_clerk(demo_db: Database) -> Database:
    other = open_database(demo_db.url)
    yield other
    other.dispose()


def test_stale_team_save_is_refused(demo_db: Database, second_clerk: Database) -> None:
    from volunteer_app.services import teams

    with demo_db.session() as s:
        t = next(t for t in teams.list_teams(s) if t.parent_id is not None)
    with demo_db.session() as s:
        teams.save_team(s, t.id, t.name, t.kind, t.parent_id, t.colour, "甲写的说明",
                        expected_version=t.version)
    with pytest.raises(ConflictError) as err, second_clerk.session() as s:
        teams.save_team(s, t.id, t.name, t.kind, t.parent_id, t.colour, "乙写的说明",
                        expected_version=t.version)
    assert err.value.code == "stale"
    with demo_db.session() as s:
        again = next(x for x in teams.list_teams(s) if x.id == t.id)
    assert again.description == "甲写的说明" and again.version == t.version + 1


def test_stale_role_change_is_refused(demo_db: Database, second_clerk: Database) -> None:
    from volunteer_app.services import teams

    with demo_db.session() as s:
        tid = teams.resolve(s, "点赞联盟文明劝导队")
        m = next(m for m in teams.members(s, tid) if m.role == "member")
    with demo_db.session() as s:
        teams.set_role(s, tid, m.volunteer_id, "deputy", expected_version=m.version)
    with pytest.raises(ConflictError) as err, second_clerk.session() as s:
        teams.set_role(s, tid, m.volunteer_id, "captain", expected_version=m.version)
    assert err.value.code == "stale"
    with demo_db.session() as s:
        assert next(x for x in teams.members(s, tid) if x.volunteer_id == m.volunteer_id).role == "deputy"


def test_stale_community_save_is_refused(demo_db: Database, second_clerk: Database) -> None:
    from dataclasses import replace

    from volunteer_app.services import community

    with demo_db.session() as s:
        info = community.get_community(s)
    with demo_db.session() as s:
        community.save_community(s, replace(info, address="甲的地址"), expected_version=info.version)
    with pytest.raises(ConflictError) as err, second_clerk.session() as s:
        community.save_community(s, replace(info, address="乙的地址"), expected_version=info.version)
    assert err.value.code == "stale"
    with demo_db.session() as s:
        assert community.get_community(s).address == "甲的地址"


def test_stale_holiday_limits_operator_and_job_saves_are_refused(demo_db: Database,
                                                                 second_clerk: Database) -> None:
    from datetime import date

    from volunteer_app.jobs import settings as job_settings
    from volunteer_app.security import accounts
    from volunteer_app.services import availability, holidays

    day = date(2031, 5, 6)
    with demo_db.session() as s:
        holidays.set_holiday(s, day, "holiday", "甲")
        seen = next(h for h in holidays.list_holidays(s, 2031) if h.date == day)
        vid = availability.volunteer_facts(s).popitem()[0]
        limits = availability.get_availability(s, vid)
        oid = accounts.save_operator(s, None, "clerk2", "clerk", password="longenough1")
        op = next(o for o in accounts.list_operators(s) if o.id == oid)
        job = job_settings.get_config(s, "weekly_plan")
    with demo_db.session() as s:
        holidays.set_holiday(s, day, "holiday", "甲改", expected_version=seen.version)
        availability.set_limits(s, vid, 3, 1, expected_version=limits.limits_version)
        accounts.save_operator(s, oid, "clerk2", "clerk", "甲改", expected_version=op.version)
        job_settings.save_config(s, "weekly_plan", enabled=False, expected_version=job.version)
    with second_clerk.session() as s:
        for save in (lambda: holidays.set_holiday(s, day, "holiday", "乙改", expected_version=seen.version),
                     lambda: availability.set_limits(s, vid, 5, 2, expected_version=limits.limits_version),
                     lambda: accounts.save_operator(s, oid, "clerk2", "coordinator", "乙改",
                                                    expected_version=op.version),
                     lambda: job_settings.save_config(s, "weekly_plan", enabled=True,
                                                      expected_version=job.version)):
            with pytest.raises(ConflictError) as err:
                save()
            assert err.value.code == "stale"
    with demo_db.session() as s:
        assert next(h for h in holidays.list_holidays(s, 2031) if h.date == day).name == "甲改"
        assert availability.get_availability(s, vid).max_per_week == 3
        assert next(o for o in accounts.list_operators(s) if o.id == oid).role == "clerk"
        assert job_settings.get_config(s, "weekly_plan").enabled is False


def test_second_verification_of_an_hours_entry_is_refused_not_doubled(demo_db: Database,
                                                                      second_clerk: Database) -> None:
    """Two captains verify the same entry at once: the ORM's version check refuses the
    later flush (the rows were read before either wrote)."""
    from datetime import date

    from volunteer_app.models.hours import HoursEntry
    from volunteer_app.services import hours as hours_service
    from volunteer_app.services import volunteers as vs

    with demo_db.session() as s:
        vid = vs.list_rows(s)[0].id
        entry_id = hours_service.add_manual(s, vid, date(2026, 12, 1), 2, "社区活动", "文书")
    sa, sb = demo_db.Session(), second_clerk.Session()
    try:
        a, b = sa.get(HoursEntry, entry_id), sb.get(HoursEntry, entry_id)
        from datetime import datetime

        a.verified_at, a.verified_by = datetime(2031, 1, 1, 9), "队长甲"
        sa.commit()
        b.verified_at, b.verified_by = datetime(2031, 1, 1, 9, 5), "队长乙"
        from sqlalchemy.orm.exc import StaleDataError

        with pytest.raises(StaleDataError):
            sb.commit()
    finally:
        sa.close()
        sb.rollback()
        sb.close()
    with demo_db.session() as s:
        assert s.get(HoursEntry, entry_id).verified_by == "队长甲"


def test_version_columns_are_mapped_for_the_audit_to_hide() -> None:
    from volunteer_app.security.audit import HIDDEN_COLUMNS

    assert "version" in HIDDEN_COLUMNS
    for table in EDITED:
        cols = {c.key for c in sa_inspect(next(m for m in Base.registry.mappers
                                               if m.local_table.name == table)).column_attrs}
        assert "version" in cols
