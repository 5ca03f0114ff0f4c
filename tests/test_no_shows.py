"""Issue 18.16: no-shows (planned duties not come to) appear in the monthly report, its
spreadsheet and printed statement, and in the volunteer's record (the per-volunteer
statement and the yearly totals), without changing anyone's hours."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select
from test_printing_support import pdf_text

from volunteer_app.db import Database
from volunteer_app.importexport.hours_report import write_hours_report
from volunteer_app.models import Team, Volunteer
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.printing import PrintOptions
from volunteer_app.printing.hours import hours_lines, render_hours_statement
from volunteer_app.services import checkin as checkin_service
from volunteer_app.services import hours_reports as report_service

NOW = datetime(2026, 11, 30, 12, 0)
OPTS = PrintOptions(printed_on=date(2026, 11, 30))


def _setup(db: Database) -> dict:
    """Two evening patrols in November: A and B serve the first, B misses the second and
    C (who served nothing) misses both."""
    with db.session() as s:
        team = s.scalar(select(Team.id).where(Team.kind == "patrol"))
        a, b, c = s.scalars(select(Volunteer.id).where(Volunteer.active.is_(True))
                            .order_by(Volunteer.id).limit(3))
        ids = {}
        for day, who in ((3, {a: "completed", b: "completed", c: "no_show"}),
                         (10, {b: "no_show", c: "no_show"})):
            shift = Shift(title="夜间巡逻", team_id=team, date=date(2026, 11, day),
                          start_time=time(19), end_time=time(21), duty_type="patrol",
                          needed=3, location="香雪佳园")
            s.add(shift)
            s.flush()
            marks = []
            for vid, status in who.items():
                asg = Assignment(shift_id=shift.id, volunteer_id=vid, status="planned",
                                 overridden="overlap")
                s.add(asg)
                s.flush()
                marks.append(checkin_service.CheckinMark(asg.id, status))
            checkin_service.record_checkin(s, shift.id, marks, "周霞", now=NOW)
        names = dict(s.execute(select(Volunteer.id, Volunteer.name)
                               .where(Volunteer.id.in_([a, b, c]))).all())
        ids.update(team=team, a=a, b=b, c=c, names=names)
    return ids


def test_monthly_report_counts_no_shows_apart_from_hours(demo_db: Database) -> None:
    ids = _setup(demo_db)
    with demo_db.session() as s:
        report = report_service.monthly_report(s, "2026-11")
        totals_b = report_service.yearly_totals(s, ids["b"], 2026)
        totals_c = report_service.yearly_totals(s, ids["c"], 2026)
    by_vol = {v.volunteer_id: v for v in report.volunteers}
    assert by_vol[ids["a"]].no_shows == 0
    assert (by_vol[ids["b"]].no_shows, by_vol[ids["b"]].entries) == (1, 1)
    # C never served, yet is in the report with two no-shows and no hours.
    assert (by_vol[ids["c"]].no_shows, by_vol[ids["c"]].entries) == (2, 0)
    assert by_vol[ids["c"]].verified_minutes == by_vol[ids["c"]].unverified_minutes == 0
    assert report.no_shows == 3
    team = next(t for t in report.teams if t.team_id == ids["team"])
    assert team.no_shows == 3 and team.volunteers == 2
    assert report.unverified_minutes == 240  # A and B, two hours each; no-shows add nothing
    assert (totals_b.no_shows, totals_c.no_shows) == (1, 2)


def test_report_workbook_and_printed_statement_show_no_shows(demo_db: Database,
                                                           tmp_path: Path) -> None:
    ids = _setup(demo_db)
    c_name = ids["names"][ids["c"]]
    with demo_db.session() as s:
        write_hours_report(s, "2026-11", tmp_path / "r.xlsx")
        lines = hours_lines(s, "2026-11", ids["team"])
        mine = hours_lines(s, "2026-11", volunteer_id=ids["c"])
    wb = load_workbook(tmp_path / "r.xlsx")
    rows = list(wb["按志愿者"].iter_rows(min_row=3, values_only=True))
    assert rows[0][-1] == "缺勤次数"
    assert next(r for r in rows if r[1] == c_name)[-1] == 2
    assert rows[-1][1] == "合计" and rows[-1][-1] == 3
    team_rows = list(wb["按队伍"].iter_rows(min_row=3, values_only=True))
    assert team_rows[0][-1] == "缺勤次数" and team_rows[-1][-1] == 3

    assert sum(x.no_show for x in lines) == 3
    out = tmp_path / "team.pdf"
    result = render_hours_statement(lines, out, OPTS, month="2026-11", community="林琼社区")
    text = pdf_text(out)
    assert "缺勤次数" in text and "合计（已核实），缺勤 3 次" in text and "排班缺勤 3 人次" in text
    assert "共 2 人参加志愿服务" in text and result.items == 2

    # The volunteer's own record of the month says it in words.
    out = tmp_path / "c.pdf"
    render_hours_statement(mine, out, OPTS, month="2026-11", community="林琼社区",
                           per_volunteer=True)
    text = pdf_text(out)
    assert f"{c_name}同志2026年11月累计参加志愿服务 0 小时" in text
    assert "另有 2 次排班未到岗（缺勤）" in text


def test_cli_yearly_record_counts_no_shows(tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    from volunteer_app.db import open_database
    from volunteer_app.paths import sqlite_url

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "volunteer_app", *args], capture_output=True,
                              text=True, env={**os.environ, "VOLUNTEER_APP_OPERATOR": "王芳"},
                              timeout=120)

    url = sqlite_url(tmp_path / "cli.db")
    assert run("init", "--demo", "--db", url).returncode == 0
    db = open_database(url)
    try:
        ids = _setup(db)
    finally:
        db.dispose()
    res = run("hours", "year", str(ids["c"]), "--year", "2026", "--json", "--db", url)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["no_shows"] == 2
    res = run("hours", "year", str(ids["c"]), "--year", "2026", "--db", url)
    assert res.returncode == 0 and "2 no-shows" in res.stdout, res.stdout
