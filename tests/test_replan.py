"""A leave or a departure that covers duties: listed, released in one unit of work, given
back on undo (issue 18, point 1). Before: the duties stayed with the absent volunteer
without a word, reminders went out and auto-fill refused the week."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from volunteer_app.cli import main
from volunteer_app.db import Database
from volunteer_app.errors import ConflictError, NotFoundError
from volunteer_app.models.shifts import Assignment
from volunteer_app.security.permissions import CAPTAIN, Actor, PermissionDenied
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import replan
from volunteer_app.services import shifts as shifts_service


def _held(db: Database) -> tuple[int, int, date, int]:
    """A volunteer with a duty next week: (volunteer, assignment, its day, its team)."""
    with db.session() as s:
        week = shifts_service.week_plan(s, date.today() + timedelta(days=7))
        shift, a = next((r, a) for r in week.shifts for a in r.on_shift if r.team_id is not None)
        return a.volunteer_id, a.assignment_id, shift.date, shift.team_id


def _status(db: Database, assignment_id: int) -> str:
    with db.session() as s:
        return s.scalar(select(Assignment.status).where(Assignment.id == assignment_id))


def test_leave_lists_the_duties_it_covers_and_release_takes_them_off(demo_db: Database, capsys) -> None:  # noqa: ANN001
    vid, aid, day, _team = _held(demo_db)
    url = demo_db.url
    assert main(["--db", url, "availability", "leave", str(vid), "--from", str(day), "--to", str(day),
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert aid in [d["assignment_id"] for d in out["duties"]] and out["released"] == []
    assert _status(demo_db, aid) in ("planned", "confirmed")  # listed, not touched
    before = _status(demo_db, aid)
    assert main(["--db", url, "availability", "leave", str(vid), "--from", str(day), "--to", str(day),
                 "--release"]) == 0
    text = capsys.readouterr().out
    assert "released" in text and f"restore-duties {aid}" in text.replace(",", "")
    assert _status(demo_db, aid) == "cancelled"
    # Undo gives the duty back as it was.
    assert main(["--db", url, "availability", "restore-duties", str(aid)]) == 0
    assert _status(demo_db, aid) == before


def test_departure_releases_the_duties_after_the_last_day(demo_db: Database, capsys) -> None:  # noqa: ANN001
    vid, aid, day, _team = _held(demo_db)
    assert main(["--db", demo_db.url, "volunteers", "leave", str(vid), "--date",
                 str(day - timedelta(days=1)), "--release", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert aid in out["released"]
    assert _status(demo_db, aid) == "cancelled"


def test_served_duties_and_other_peoples_duties_are_refused_whole(demo_db: Database) -> None:
    vid, aid, day, _team = _held(demo_db)
    with demo_db.session() as s:
        other = s.scalar(select(Assignment.id).where(Assignment.volunteer_id != vid,
                                                     Assignment.status.in_(replan.RELEASABLE)))
    with pytest.raises(NotFoundError), demo_db.session() as s:
        replan.release_duties(s, vid, [aid, other])
    assert _status(demo_db, aid) != "cancelled"  # all or nothing
    with demo_db.session() as s:
        shift_id = s.get(Assignment, aid).shift_id
        assignment_service.set_status(s, shift_id, vid, "completed")
    with pytest.raises(ConflictError) as err, demo_db.session() as s:
        replan.release_duties(s, vid, [aid])
    assert err.value.code == "assignment_has_record"


def test_a_captain_releases_only_their_own_teams_duties(demo_db: Database) -> None:
    vid, aid, day, team = _held(demo_db)
    with demo_db.session() as s:
        s.info["actor"] = Actor("队长", CAPTAIN, operator_id=99, team_id=team + 1000)
        with pytest.raises(PermissionDenied):
            replan.release_duties(s, vid, [aid])
        assert replan.held_duties(s, vid, day, day) == []  # another team's: not shown either
    assert _status(demo_db, aid) != "cancelled"


def test_giving_back_what_was_not_released_is_refused_clearly(demo_db: Database, capsys) -> None:  # noqa: ANN001
    vid, aid, day, _team = _held(demo_db)
    assert main(["--db", demo_db.url, "availability", "restore-duties", str(aid)]) == 2
    assert f"assignment {aid} was not released" in capsys.readouterr().err
    assert main(["--db", demo_db.url, "availability", "restore-duties", "999999"]) == 2
    assert "no duty assignment with id 999999" in capsys.readouterr().err
