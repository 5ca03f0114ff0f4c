"""``hours`` commands through the real entry point: manual entries, verification, check-in
of an overnight shift, the .xlsx report (totals equal the ledger) and the certificate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from volunteer_app.db import open_database
from volunteer_app.models import Team, Volunteer
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.paths import sqlite_url
from volunteer_app.services import hours_reports as report_service


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "VOLUNTEER_APP_OPERATOR": "王芳"}
    return subprocess.run([sys.executable, "-m", "volunteer_app", *args], capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "hours.db")
    assert run("init", "--demo", "--db", url).returncode == 0
    return url


def _volunteers(url: str, n: int) -> list[dict]:
    return json.loads(run("volunteers", "list", "--json", "--db", url).stdout)[:n]


def test_add_verify_correct_list(url: str) -> None:
    v = _volunteers(url, 1)[0]
    res = run("hours", "add", str(v["id"]), "--date", "2026-11-03", "--hours", "2.5",
              "--reason", "社区活动布置", "--team", "红蜻蜓义务宣传队", "--db", url)
    assert res.returncode == 0, res.stderr
    entries = json.loads(run("hours", "list", "--json", "--db", url).stdout)
    assert len(entries) == 1 and entries[0]["hours"] == 2.5 and not entries[0]["verified"]
    eid = entries[0]["id"]
    res = run("hours", "verify", str(eid), "--by", "队长甲", "--db", url)
    assert res.returncode == 0 and "1 entries verified" in res.stdout
    res = run("hours", "correct", str(eid), "--hours", "2", "--reason", "记错了", "--db", url)
    assert res.returncode == 0, res.stderr
    res = run("hours", "correct", str(eid), "--hours", "1", "--reason", "again", "--db", url)
    assert res.returncode == 2 and "already corrected" in res.stderr
    history = json.loads(run("hours", "list", "--history", "--json", "--db", url).stdout)
    assert sorted(e["hours"] for e in history) == [2.0, 2.5]
    current = json.loads(run("hours", "list", "--json", "--db", url).stdout)
    assert [(e["hours"], e["corrects"], e["verified"]) for e in current] == [(2.0, eid, False)]
    res = run("hours", "verify", "--month", "2026-11", "--team", "红蜻蜓义务宣传队",
              "--by", "协调员", "--db", url)
    assert res.returncode == 0 and "1 entries verified" in res.stdout
    year = json.loads(run("hours", "year", str(v["id"]), "--year", "2026", "--json", "--db", url).stdout)
    assert year["hours"] == 2.0 and year["by_month"][10] == 2.0


def test_bad_hours_input_exits_2(url: str) -> None:
    v = _volunteers(url, 1)[0]
    base = ["hours", "add", str(v["id"]), "--db", url, "--reason", "x"]
    for extra, word in ((["--date", "2026-11-31", "--hours", "1"], "--date"),
                        (["--date", "2026-11-03", "--hours", "abc"], "hours"),
                        (["--date", "2026-11-03", "--hours", "30"], "hours"),
                        (["--date", "2999-01-01", "--hours", "1"], "date")):
        res = run(*base, *extra)
        assert res.returncode == 2 and word in res.stderr, (extra, res.stderr)
    res = run("hours", "add", "999999", "--date", "2026-11-03", "--hours", "1", "--reason", "x",
              "--db", url)
    assert res.returncode == 2
    res = run("hours", "verify", "--by", "x", "--db", url)
    assert res.returncode == 2
    res = run("hours", "report", "--month", "2026-11", "--output", "x.csv", "--db", url)
    assert res.returncode == 2
    assert json.loads(run("hours", "list", "--json", "--db", url).stdout) == []


def _overnight_shift(url: str) -> tuple[int, list[int]]:
    db = open_database(url)
    try:
        with db.session() as s:
            team = s.scalar(select(Team.id).where(Team.kind == "patrol"))
            vols = list(s.scalars(select(Volunteer.id).where(Volunteer.active.is_(True))
                                  .order_by(Volunteer.id).limit(3)))
            shift = Shift(title="夜间巡逻", team_id=team, date=date(2026, 11, 27),
                          start_time=time(22), end_time=time(6), needed=3, duty_type="patrol")
            s.add(shift)
            s.flush()
            for v in vols:
                s.add(Assignment(shift_id=shift.id, volunteer_id=v))
            return shift.id, vols
    finally:
        db.dispose()


def test_checkin_overnight_and_report_equals_ledger(url: str, tmp_path: Path) -> None:
    sid, vols = _overnight_shift(url)
    res = run("hours", "checkin", str(sid), "--json", "--db", url)
    sheet = json.loads(res.stdout)
    assert sheet["planned_end"] == "2026-11-28T06:00" and len(sheet["volunteers"]) == 3
    res = run("hours", "checkin", str(sid), "--completed", f"{vols[0]}@22:30-01:30",
              "--no-show", str(vols[1]), "--all-as-planned", "--json", "--db", url)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    by_vid = {v["volunteer_id"]: v for v in data["volunteers"]}
    assert by_vid[vols[0]]["hours"] == 3.0
    assert by_vid[vols[0]]["actual_end"] == "2026-11-28T01:30"
    assert by_vid[vols[1]]["status"] == "no_show" and by_vid[vols[1]]["hours"] is None
    assert by_vid[vols[2]]["hours"] == 8.0 and by_vid[vols[2]]["status"] == "completed"
    res = run("hours", "checkin", str(sid), "--completed", "nobody", "--db", url)
    assert res.returncode == 2 and "nobody" in res.stderr

    # Nothing verified yet: the report has no verified hours.
    out = tmp_path / "nov.xlsx"
    res = run("hours", "report", "--month", "2026-11", "--output", str(out), "--json", "--db", url)
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    assert summary["verified_hours"] == 0 and summary["unverified_hours"] == 11.0

    res = run("hours", "verify", "--shift", str(sid), "--by", "队长甲", "--db", url)
    assert res.returncode == 0 and "2 entries verified" in res.stdout
    v = _volunteers(url, 5)[4]
    run("hours", "add", str(v["id"]), "--date", "2026-11-20", "--hours", "1.25",
        "--reason", "入户宣传", "--db", url)  # stays unverified
    res = run("hours", "report", "--month", "2026-11", "--output", str(out), "--json", "--db", url)
    summary = json.loads(res.stdout)
    assert summary["verified_hours"] == 11.0 and summary["unverified_hours"] == 1.25

    db = open_database(url)
    with db.session() as s:
        ledger = report_service.ledger_minutes(s, date(2026, 11, 1), date(2026, 12, 1))
    db.dispose()
    wb = load_workbook(out)
    per_vol = wb["按志愿者"]
    rows = list(per_vol.iter_rows(min_row=4, values_only=True))
    body, total = rows[:-1], rows[-1]
    assert total[1] == "合计" and total[3] == ledger / 60 == 11.0
    assert sum(r[3] for r in body) == pytest.approx(ledger / 60)
    assert total[4] == 1.25  # unverified, shown apart
    per_team = list(wb["按队伍"].iter_rows(min_row=4, values_only=True))
    assert per_team[-1][2] == 11.0
    assert sum(r[2] for r in per_team[:-1]) == pytest.approx(11.0)
    detail = list(wb["明细"].iter_rows(min_row=4, values_only=True))
    assert len(detail) == 3
    assert sum(r[5] for r in detail if r[6] == "是") == pytest.approx(11.0)
    assert sorted(r[6] for r in detail) == ["否", "是", "是"]


def test_certificate_pdf(url: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from volunteer_app.printing.fonts import FontMissing, load_fonts

    try:
        load_fonts()
    except FontMissing:
        pytest.skip("no Chinese TrueType font installed")
    v = _volunteers(url, 1)[0]
    for d, h in (("2026-03-01", "2"), ("2026-07-15", "3.5")):
        run("hours", "add", str(v["id"]), "--date", d, "--hours", h, "--reason", "活动", "--db", url)
    run("hours", "add", str(v["id"]), "--date", "2026-08-01", "--hours", "9", "--reason", "x",
        "--db", url)  # never verified: not on the certificate
    ids = [str(e["id"]) for e in json.loads(run("hours", "list", "--json", "--db", url).stdout)
           if e["hours"] != 9]
    run("hours", "verify", *ids, "--by", "协调员", "--db", url)
    out = tmp_path / "cert.pdf"
    res = run("hours", "certificate", str(v["id"]), "--year", "2026", "--output", str(out),
              "--date", "2026-12-31", "--db", url)
    assert res.returncode == 0, res.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "志愿服务时长证明" in text and v["name"] in text and "5.5" in text
    assert "2026年12月31日" in text and "林琼社区" in text
    assert "14.5" not in text
