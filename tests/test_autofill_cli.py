"""``roster autofill`` / ``roster undo`` / ``roster batches`` through the real entry point."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from volunteer_app.db import open_database
from volunteer_app.paths import sqlite_url
from volunteer_app.services import availability as avail
from volunteer_app.services import shifts as shifts_service

pytestmark = pytest.mark.slow


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "volunteer_app", *args], capture_output=True,
                          text=True, env=dict(os.environ), timeout=300)


def next_week() -> str:
    iso = (date.today() + timedelta(days=7)).isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


@pytest.fixture
def demo(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "demo.db"
    url = sqlite_url(path)
    res = run("init", "--demo", "--db", url)
    assert res.returncode == 0, res.stderr
    return url, path


def assignments(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("select count(*) from assignment").fetchone()[0]
    finally:
        con.close()


def test_dry_run_json_writes_nothing(demo) -> None:  # noqa: ANN001
    url, path = demo
    before = assignments(path)
    res = run("roster", "autofill", "--week", next_week(), "--dry-run", "--json",
              "--time-limit", "20", "--db", url)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert {"filled", "needed", "assignments", "unfilled", "status", "seconds"} <= set(data)
    assert data["status"] in ("optimal", "feasible")
    assert data["filled"] + len(data["unfilled"]) == data["needed"]
    assert data["assignments"] and all(set(a) == {"shift_id", "volunteer_id", "outside_availability"}
                                       for a in data["assignments"])
    # Issue 18.6: windows are hard unless asked otherwise, so nothing is outside them.
    assert not any(a["outside_availability"] for a in data["assignments"])
    assert data["scope"]["allow_outside_availability"] is False
    assert all(isinstance(u["reason"], str) and u["reason"] for u in data["unfilled"])
    assert data["written"] is False and data["batch_id"] is None
    assert data["filled"] >= data["greedy"]["filled"]
    assert assignments(path) == before


def test_apply_then_undo(demo) -> None:  # noqa: ANN001
    url, path = demo
    before = assignments(path)
    res = run("roster", "autofill", "--week", next_week(), "--time-limit", "20", "--db", url)
    assert res.returncode == 0, res.stderr
    assert "places filled" in res.stdout and "applied as batch" in res.stdout
    created = assignments(path) - before
    assert created > 0
    res = run("roster", "batches", "--json", "--db", url)
    [batch] = json.loads(res.stdout)
    assert batch["created"] == created and batch["remaining"] == created and not batch["undone"]
    res = run("roster", "undo", str(batch["id"]), "--json", "--db", url)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == {"batch_id": batch["id"], "removed": created}
    assert assignments(path) == before
    res = run("roster", "undo", str(batch["id"]), "--db", url)
    assert res.returncode == 2 and "already undone" in res.stderr
    res = run("roster", "undo", "999", "--db", url)
    assert res.returncode == 2 and "no auto-fill batch" in res.stderr


def test_team_scope_and_bad_arguments(demo) -> None:  # noqa: ANN001
    url, _ = demo
    res = run("roster", "autofill", "--week", next_week(), "--team", "爱骑志愿服务队", "--dry-run",
              "--json", "--db", url)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["scope"]["team_id"] is not None
    for args, text in ((("--week", "2026-W60"), "week"),
                       (("--week", next_week(), "--team", "没有这个队"), "没有这个队"),
                       (("--week", next_week(), "--time-limit", "0"), "--time-limit"),
                       (("--week", next_week(), "--time-limit", "nan"), "--time-limit"),
                       (("--week", "9999-W52"), "too far"),
                       (("--week", "0001-W01"), "too far"),
                       (("--week", next_week(), "--min-rest", "30"), "--min-rest")):
        res = run("roster", "autofill", *args, "--db", url)
        assert res.returncode == 2, (args, res.stdout, res.stderr)
        assert text in res.stderr


def test_a_duty_clashing_with_a_leave_is_reported_and_the_rest_filled(demo) -> None:  # noqa: ANN001
    """Issue 18: one clash used to refuse the whole week with exit 2."""
    url, path = demo
    db = open_database(url)
    try:
        with db.session() as s:
            week = shifts_service.week_plan(s, date.today() + timedelta(days=7))
            shift, assignment = next((r, a) for r in week.shifts for a in r.on_shift)
            avail.add_leave(s, assignment.volunteer_id, shift.date, shift.date)
    finally:
        db.dispose()
    before = assignments(path)
    res = run("roster", "autofill", "--week", next_week(), "--db", url, "--json")
    assert res.returncode == 0, res.stderr
    assert "break hard rules" in res.stderr
    assert f"shift {shift.id}" in res.stderr and "on leave" in res.stderr
    data = json.loads(res.stdout)
    assert {"shift_id": shift.id, "volunteer_id": assignment.volunteer_id, "code": "on_leave",
            "other_shift_id": None} in data["clashes"]
    assert assignments(path) > before  # the other open places were filled


def _night_duty_for_an_evening_volunteer(url: str) -> tuple[int, int]:
    """A team of one whose member offered Monday 19-22 only, and a Tuesday 9-11 duty of it."""
    from datetime import time

    from volunteer_app.services import teams as team_service
    from volunteer_app.services import volunteers as vol_service

    db = open_database(url)
    monday = date.today() + timedelta(days=7)
    monday -= timedelta(days=monday.weekday())
    try:
        with db.session() as s:
            tid = team_service.save_team(s, None, "晚间值守小组", "patrol")
            vid = vol_service.create(s, vol_service.VolunteerData(
                name="夜班测试", mobile="13900001806", teams=[(tid, "member")]))
            avail.set_windows(s, vid, [(0, time(19), time(22))])
            sid = shifts_service.create_shift(s, shifts_service.ShiftData(
                monday + timedelta(days=1), time(9), time(11), "patrol", team_id=tid))
    finally:
        db.dispose()
    return sid, vid


def test_outside_availability_only_when_asked_and_marked(demo) -> None:  # noqa: ANN001
    """Issue 18.6: nobody is proposed outside the times they offered unless
    --outside-availability is given; then each such placement says so, and is stored so."""
    url, path = demo
    sid, vid = _night_duty_for_an_evening_volunteer(url)
    res = run("roster", "autofill", "--week", next_week(), "--dry-run", "--json",
              "--time-limit", "10", "--db", url)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert [sid, vid] not in [[a["shift_id"], a["volunteer_id"]] for a in data["assignments"]]
    gap = next(u for u in data["unfilled"] if u["shift_id"] == sid)
    assert gap["code"] == "outside_availability" and gap["counts"] == {"outside_availability": 1}
    res = run("roster", "autofill", "--week", next_week(), "--outside-availability", "--json",
              "--time-limit", "10", "--db", url)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    mine = [a for a in data["assignments"] if a["shift_id"] == sid]
    assert mine == [{"shift_id": sid, "volunteer_id": vid, "outside_availability": True}]
    assert data["scope"]["allow_outside_availability"] is True and data["written"] is True
    con = sqlite3.connect(path)
    try:
        stored = con.execute("select overridden from assignment where shift_id = ? and volunteer_id = ?",
                             (sid, vid)).fetchone()
    finally:
        con.close()
    assert stored == ("outside_availability",)
