"""Two clerks editing the same row over two real connections: nothing is overwritten
silently; the second save is refused as stale."""

from __future__ import annotations

import pytest

from volunteer_app.db import Database, open_database
from volunteer_app.errors import ConflictError
from volunteer_app.services import grids
from volunteer_app.services import volunteers as vs


@pytest.fixture
def second_clerk(demo_db: Database) -> Database:
    other = open_database(demo_db.url)  # its own engine: a second, independent connection
    yield other
    other.dispose()


def test_second_save_of_a_volunteer_is_refused(demo_db: Database, second_clerk: Database) -> None:
    with demo_db.session() as s:
        target = vs.list_rows(s)[0]
        seen = vs.get(s, target.id)
    with second_clerk.session() as s:
        seen_too = vs.get(s, target.id)
    assert seen.version == seen_too.version
    # Clerk A saves first.
    with demo_db.session() as s:
        vs.update(s, target.id, vs.VolunteerData(name="甲改的名字", mobile=seen.mobile), seen.version)
    # Clerk B, still looking at the old version, is refused and changes nothing.
    with pytest.raises(ConflictError) as err, second_clerk.session() as s:
        vs.update(s, target.id, vs.VolunteerData(name="乙改的名字", mobile=seen.mobile), seen_too.version)
    assert err.value.code == "stale"
    assert err.value.details["changed"] == {"name": "甲改的名字"}
    with second_clerk.session() as s:
        assert vs.get(s, target.id).name == "甲改的名字"


def test_version_guard_holds_inside_the_flush(demo_db: Database, second_clerk: Database) -> None:
    """Even when both sessions loaded the row before either wrote, the UPDATE carries
    the version it read, so the later flush finds no row and is refused."""
    from volunteer_app.models import Volunteer

    with demo_db.session() as s:
        vid = vs.list_rows(s)[0].id
    sa = demo_db.Session()
    sb = second_clerk.Session()
    try:
        va = sa.get(Volunteer, vid)
        vb = sb.get(Volunteer, vid)
        va.notes = "甲"
        sa.commit()
        vb.notes = "乙"
        from sqlalchemy.orm.exc import StaleDataError

        with pytest.raises(StaleDataError):
            sb.commit()
    finally:
        sa.close()
        sb.rollback()
        sb.close()
    with demo_db.session() as s:
        assert vs.get(s, vid).notes == "甲"


def test_stale_grid_edit_refused(demo_db: Database, second_clerk: Database) -> None:
    with demo_db.session() as s:
        g = grids.list_grids(s)[0]
    with demo_db.session() as s:
        grids.save_grid(s, g.id, g.number, g.name, leader_name="新网格长", expected_version=g.version)
    with pytest.raises(ConflictError), second_clerk.session() as s:
        grids.save_grid(s, g.id, g.number, g.name, leader_name="另一个", expected_version=g.version)
    with demo_db.session() as s:
        assert grids.get_grid(s, g.id).leader_name == "新网格长"
