"""The unit of work reports what it changed: topics announced after commit, never on rollback."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from volunteer_app import changes
from volunteer_app.backup import create_backup, restore_backup
from volunteer_app.db import Database
from volunteer_app.errors import ConflictError
from volunteer_app.models import Base
from volunteer_app.models.people import Grid, Team, Volunteer
from volunteer_app.services import teams as team_service
from volunteer_app.services import volunteers as vs


def heard(db: Database) -> list[frozenset[str]]:
    got: list[frozenset[str]] = []
    db.subscribe(got.append)
    return got


def test_every_table_has_its_topics() -> None:
    """A new table must say which topics (and so which screens) its changes concern."""
    tables = set(Base.metadata.tables)
    assert tables - set(changes.TABLE_TOPICS) == set()
    assert set(changes.TABLE_TOPICS) - tables == set()
    for topics in changes.TABLE_TOPICS.values():
        assert topics and topics <= changes.ALL


def test_creating_a_volunteer_announces_volunteers(demo_db: Database) -> None:
    got = heard(demo_db)
    with demo_db.session() as s:
        vs.create(s, vs.VolunteerData(name="测试者", mobile="13912345670"))
    assert len(got) == 1
    assert changes.VOLUNTEERS in got[0]
    assert changes.SHIFTS not in got[0] and changes.ORDERS not in got[0]


def test_membership_change_announces_teams_and_volunteers(demo_db: Database) -> None:
    with demo_db.session() as s:
        vid = vs.create(s, vs.VolunteerData(name="入队者", mobile="13912345671"))
        team_id = s.scalar(select(Team.id).order_by(Team.id))
    got = heard(demo_db)
    with demo_db.session() as s:
        team_service.add_members(s, team_id, [vid])
    assert {changes.TEAMS, changes.VOLUNTEERS} <= got[0]


def test_bulk_statements_are_seen(demo_db: Database) -> None:
    got = heard(demo_db)
    with demo_db.session() as s:
        s.execute(update(Grid).where(Grid.id == -1).values(area="x"))
    with demo_db.session() as s:
        s.execute(insert(Volunteer), [{"name": "批量", "mobile": "13912345672", "pinyin": "pl",
                                       "initials": "pl", "active": True}])
    assert got[0] == {changes.GRIDS}
    assert changes.VOLUNTEERS in got[1]


def test_reading_announces_nothing(demo_db: Database) -> None:
    got = heard(demo_db)
    with demo_db.session() as s:
        vs.list_rows(s)
        team_service.list_teams(s)
    assert got == []


def test_rollback_announces_nothing(demo_db: Database) -> None:
    got = heard(demo_db)
    with pytest.raises(RuntimeError), demo_db.session() as s:
        vs.create(s, vs.VolunteerData(name="回滚者", mobile="13912345673"))
        s.flush()
        raise RuntimeError("the clerk's task failed")
    assert got == []


def test_unsubscribed_listener_hears_nothing(demo_db: Database) -> None:
    got: list[frozenset[str]] = []
    demo_db.subscribe(got.append)
    demo_db.unsubscribe(got.append)
    with demo_db.session() as s:
        vs.create(s, vs.VolunteerData(name="无声者", mobile="13912345674"))
    assert got == []


def test_mark_rejects_unknown_topics(demo_db: Database) -> None:
    with demo_db.session() as s:
        changes.mark(s, changes.HOURS)
        assert changes.changed(s) == {changes.HOURS}
        with pytest.raises(ValueError):
            changes.mark(s, "requests")  # a topic nobody listens to is a typo


def test_constraint_violation_is_a_typed_conflict_without_sql(demo_db: Database) -> None:
    with demo_db.session() as s:
        number = s.scalar(select(Grid.number).order_by(Grid.id))
    got = heard(demo_db)
    with pytest.raises(ConflictError) as info, demo_db.session() as s:
        s.add(Grid(number=number, name="重复编号的网格", area=""))
        s.flush()
    assert info.value.code == "constraint"
    assert "INSERT" not in str(info.value) and "重复编号" not in str(info.value)
    assert got == []


def test_restore_announces_every_topic(demo_db: Database, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "b.vabak"
    create_backup(demo_db, path)
    got = heard(db)
    restore_backup(db, path)
    assert changes.ALL <= frozenset().union(*got)
