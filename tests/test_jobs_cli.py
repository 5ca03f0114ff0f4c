"""``jobs``, ``reminders`` and ``ics`` commands through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest

from volunteer_app.db import open_database
from volunteer_app.jobs import settings as cfg
from volunteer_app.models import Grid, Team, Volunteer
from volunteer_app.models.shifts import Assignment, Shift


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "volunteer_app", *args], capture_output=True,
                          text=True, env=dict(os.environ), timeout=120)


@pytest.fixture
def url(new_db_url: Callable[..., str]) -> str:
    """A database with one team, two volunteers and two shifts on 8 December 2026."""
    url = new_db_url("cli", template="empty")
    db = open_database(url)
    with db.session() as s:
        team = Team(name="小喇叭巡逻队", kind="patrol")
        grid = Grid(number=3, name="3号网格")
        s.add_all([team, grid])
        s.flush()
        vols = [Volunteer(name="张三", mobile="13812341234"), Volunteer(name="李四", mobile="13900001111")]
        s.add_all(vols)
        s.flush()
        for start, end in ((time(19), time(21)), (time(23), time(1))):
            sh = Shift(title="巡逻", team_id=team.id, grid_id=grid.id, date=date(2026, 12, 8),
                       start_time=start, end_time=end, needed=2)
            s.add(sh)
            s.flush()
            for v in vols:
                s.add(Assignment(shift_id=sh.id, volunteer_id=v.id))
    db.dispose()
    return url


def test_jobs_list_json(url: str) -> None:
    res = run("jobs", "list", "--json", "--db", url)
    assert res.returncode == 0, res.stderr
    jobs = json.loads(res.stdout)
    assert [j["id"] for j in jobs] == [s.id for s in cfg.SPECS]
    assert all({"id", "name", "next_run_time", "enabled"} <= set(j) for j in jobs)
    # The app never ran on this database: nothing is scheduled yet.
    assert all(j["next_run_time"] is None for j in jobs)
    assert {j["id"]: j["schedule"] for j in jobs}["weekly_plan"] == "thu 09:00"
    plain = run("jobs", "list", "--db", url)
    assert plain.returncode == 0 and "duty_reminders" in plain.stdout


def test_reminders_due_at_a_moment(url: str) -> None:
    res = run("reminders", "due", "--at", "2026-12-07T19:00", "--json", "--db", url)
    assert res.returncode == 0, res.stderr
    due = json.loads(res.stdout)
    assert [(r["volunteer"], r["start"], r["lead_minutes"]) for r in due] == [
        ("张三", "19:00", 1440), ("李四", "19:00", 1440)]
    assert all(r["remind_at"] == "2026-12-07T19:00" for r in due)
    # The same moment written in UTC.
    res = run("reminders", "due", "--at", "2026-12-07T11:00+00:00", "--json", "--db", url)
    assert json.loads(res.stdout) == due
    # Late on the day itself: the 2-hour reminder of the 23:00 overnight patrol, with the
    # 24-hour one superseded; the 19:00 patrol has begun.
    res = run("reminders", "due", "--at", "2026-12-08 21:30", "--json", "--db", url)
    late = json.loads(res.stdout)
    assert [(r["start"], r["end"], r["overnight"], r["lead_minutes"], r["superseded"]) for r in late] == [
        ("23:00", "01:00", True, 120, [1440])] * 2
    assert late[0]["minutes_before"] == 90
    text = run("reminders", "due", "--at", "2026-12-08T21:30", "--db", url)
    assert text.returncode == 0 and "2 reminders due" in text.stdout
    bad = run("reminders", "due", "--at", "8.12.2026", "--db", url)
    assert bad.returncode == 2 and "--at" in bad.stderr


def test_jobs_run_set_and_history(url: str) -> None:
    res = run("jobs", "run", "unfilled_alerts", "--json", "--db", url)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["status"] == "ok" and out["manual"] is True
    assert run("jobs", "run", "no_such_job", "--db", url).returncode == 2
    res = run("jobs", "set", "weekly_plan", "--day", "fri", "--at", "8:30", "--db", url)
    assert res.returncode == 0, res.stderr
    res = run("jobs", "set", "duty_reminders", "--leads", "24h,90m", "--team-leads", "小喇叭巡逻队", "3h",
              "--db", url)
    assert res.returncode == 0, res.stderr
    jobs = {j["id"]: j for j in json.loads(run("jobs", "list", "--json", "--db", url).stdout)}
    assert jobs["weekly_plan"]["schedule"] == "fri 08:30"
    bad = run("jobs", "set", "nightly_backup", "--keep", "0", "--at", "26:00", "--db", url)
    assert bad.returncode == 2 and "keep" in bad.stderr and "time" in bad.stderr
    # The team's own lead time now applies: 3 hours before 23:00 is 20:00.
    due = json.loads(run("reminders", "due", "--at", "2026-12-08T20:00", "--json", "--db", url).stdout)
    assert {r["lead_minutes"] for r in due} == {180}
    hist = json.loads(run("jobs", "history", "--json", "--db", url).stdout)
    assert [(h["job"], h["status"], h["manual"]) for h in hist] == [("unfilled_alerts", "ok", True)]
    res = run("jobs", "set", "overdue_requests", "--disable", "--db", url)
    assert res.returncode == 0 and "off" in res.stdout


@pytest.mark.sqlite_only
def test_jobs_run_backup_makes_a_file(url: str) -> None:
    res = run("jobs", "run", "nightly_backup", "--db", url)
    assert res.returncode == 0, res.stderr
    folder = Path(url.removeprefix("sqlite:///")).parent / "backups"
    files = list(folder.glob("cli-*.vabak"))  # encrypted with the database key (issue 17.2)
    assert len(files) == 1 and files[0].stat().st_size > 0


def test_volunteer_and_team_ics(url: str, tmp_path: Path) -> None:
    vol = json.loads(run("volunteers", "list", "--json", "--db", url).stdout)[0]
    target = tmp_path / "out" / "me.ics"
    res = run("volunteers", "ics", str(vol["id"]), "--output", str(target),
              "--from", "2026-12-01", "--to", "2026-12-31", "--db", url)
    assert res.returncode == 0, res.stderr
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert data.count(b"BEGIN:VEVENT") == 2
    assert b"DTSTART;TZID=Asia/Shanghai:20261208T230000" in data
    assert b"DTEND;TZID=Asia/Shanghai:20261209T010000" in data
    team_file = tmp_path / "team.ics"
    res = run("teams", "ics", "小喇叭巡逻队", "-o", str(team_file), "--from", "2026-12-08",
              "--to", "2026-12-08", "--utc", "--db", url)
    assert res.returncode == 0, res.stderr
    data = team_file.read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 2 and b"DTSTART:20261208T110000Z" in data
    assert b"138****1234" in data and b"13812341234" not in data
    missing = run("volunteers", "ics", "9999", "--output", str(tmp_path / "x.ics"), "--db", url)
    assert missing.returncode == 2 and "9999" in missing.stderr
    assert not (tmp_path / "x.ics").exists()
    assert run("teams", "ics", "没有这个队", "-o", str(tmp_path / "y.ics"), "--db", url).returncode == 2
    assert run("teams", "ics", "小喇叭巡逻队", "-o", str(tmp_path / "z.ics"), "--from", "2026-12-09",
               "--to", "2026-12-01", "--db", url).returncode == 2
