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


# ---------------------------------------------------------------------------- a held lock


@pytest.mark.sqlite_only
def test_write_past_the_busy_timeout_is_database_busy(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path, capsys) -> None:  # noqa: ANN001
    """Another program holds the SQLite write lock longer than the busy timeout: the unit
    of work ends as ``DatabaseError("database_busy")`` (exit 1 on the command line), with
    no SQL and no values in it, and nothing of it is written."""
    import sqlite3

    from volunteer_app import cli
    from volunteer_app import db as db_module
    from volunteer_app.db import sqlite_path
    from volunteer_app.errors import DatabaseError

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_S", 0.3)
    clerk = open_database(demo_db.url)  # made after the patch: waits 0.3 s, not 10
    new = tmp_path / "new.csv"
    new.write_text("姓名,手机号\n王小明,13900001111\n", encoding="utf-8")
    holder = sqlite3.connect(sqlite_path(demo_db.url))
    holder.execute("BEGIN IMMEDIATE")  # the other program's write lock
    try:
        with pytest.raises(DatabaseError) as err, clerk.session() as s:
            vs.create(s, vs.VolunteerData(name="王小明", mobile="13900001111"))
        assert err.value.code == "database_busy"
        assert err.value.details == {"path": str(sqlite_path(demo_db.url))}
        assert err.value.__cause__ is None and err.value.__suppress_context__
        code = cli.main(["volunteers", "import", str(new), "--db", demo_db.url])
        stderr = capsys.readouterr().err
        assert code == 1, stderr
        assert "another program is writing" in stderr
        for leak in ("INSERT", "OperationalError", "locked", "13900001111", "unexpected"):
            assert leak not in stderr
    finally:
        holder.rollback()
        holder.close()
        clerk.dispose()
    with demo_db.session() as s:
        assert vs.find_duplicate(s, "13900001111") is None  # neither the form nor the import
