"""Weekly rosters, sign-in sheets and hours statements: content, masking, pages, fonts."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

import pytest
from test_printing_support import assert_fonts_embedded, needs_font, page_texts, pdf_text, reader

from volunteer_app.db import Database
from volunteer_app.printing import PrintOptions
from volunteer_app.printing.hours import HoursLine, hours_lines, render_hours_statement
from volunteer_app.printing.roster import render_weekly_roster, weekly_roster_data
from volunteer_app.printing.signin import render_signin_sheets, signin_sheets_data
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import hours as hours_service
from volunteer_app.services import shifts as shift_service
from volunteer_app.services import teams as team_service
from volunteer_app.validation import mask_mobile

pytestmark = needs_font
OPTS = PrintOptions(printed_on=date(2026, 10, 1))
# 2026-W41: Oct 5-7 are National Day holidays, Saturday Oct 10 a make-up working day.
MONDAY = date(2026, 10, 5)
ROWS = 14


@pytest.fixture
def planned(demo_db: Database) -> dict:
    """The patrol team with 14 duties a day for a week (two of three places filled),
    an overnight duty, and one civility-team duty on Tuesday."""
    with demo_db.session() as s:
        patrol = team_service.resolve(s, "小喇叭巡逻队")
        civility = team_service.resolve(s, "点赞联盟文明劝导队")
        members = [m for m in team_service.members(s, patrol) if m.active]
        other = [m for m in team_service.members(s, civility) if m.active]
        shift_ids = []
        for day in range(7):
            on = date.fromordinal(MONDAY.toordinal() + day)
            for i in range(ROWS):
                sid = shift_service.create_shift(s, shift_service.ShiftData(
                    date=on, start_time=time(7 + i % 12, 0), end_time=time(8 + i % 12, 30),
                    title=f"巡逻点{i + 1:02d}", team_id=patrol, needed=3,
                    location=f"林琼花园{i + 1}号岗"))
                for k in range(2):
                    m = members[(day * ROWS + i * 2 + k) % len(members)]
                    assignment_service.assign(s, sid, m.volunteer_id, override_reason="test data")
                shift_ids.append(sid)
        night = shift_service.create_shift(s, shift_service.ShiftData(
            date=MONDAY, start_time=time(23, 0), end_time=time(7, 0), title="夜间巡逻",
            team_id=patrol, needed=1))
        assignment_service.assign(s, night, members[0].volunteer_id, override_reason="test data")
        civ = shift_service.create_shift(s, shift_service.ShiftData(
            date=date(2026, 10, 6), start_time=time(9, 0), end_time=time(11, 0),
            title="文明劝导", team_id=civility, needed=2, duty_type="persuasion"))
        assignment_service.assign(s, civ, other[0].volunteer_id, override_reason="test data")
        captain = next(m for m in members if m.role == "captain")
    return {"patrol": patrol, "civility": civility, "members": members, "other": other,
            "shift_ids": shift_ids, "night": night, "civ": civ, "captain": captain}


def test_team_roster_flows_over_pages_with_repeated_headers(demo_db: Database, planned: dict,
                                                           tmp_path: Path) -> None:
    with demo_db.session() as s:
        roster = weekly_roster_data(s, MONDAY, team_id=planned["patrol"])
    assert len(roster.sections) == 1 and len(roster.sections[0].rows) == ROWS + 1
    out = tmp_path / "roster.pdf"
    result = render_weekly_roster(roster, out, OPTS)
    pages = page_texts(out)
    assert result.pages == len(pages) >= 2
    for n, text in enumerate(pages, start=1):
        assert "小喇叭巡逻队" in text and "值班表" in text and "值班项目" in text
        assert planned["captain"].name in text
        assert "2026-W41" in text and "2026年第41周" in text
        assert f"第 {n} / {len(pages)} 页" in text
        assert "打印日期：2026年10月1日" in text
    # Landscape A4.
    box = reader(out).pages[0].mediabox
    assert float(box.width) > float(box.height)
    text = "\n".join(pages)
    assert "国庆节" in text and "调休上班" in text
    assert "次日07:00" in text and "待补 1 人" in text
    for row in range(1, ROWS + 1):
        assert f"巡逻点{row:02d}" in text
    assert_fonts_embedded(out)


def test_roster_masks_phones_by_default(demo_db: Database, planned: dict, tmp_path: Path) -> None:
    with demo_db.session() as s:
        roster = weekly_roster_data(s, MONDAY, team_id=planned["patrol"])
    on_roster = {p.phone for r in roster.sections[0].rows for c in r.cells if c for p in c.people}
    assert len(on_roster) > 10
    masked = pdf_text(_render(roster, tmp_path / "m.pdf", OPTS))
    plain = pdf_text(_render(roster, tmp_path / "p.pdf", PrintOptions(mask_phones=False)))
    for phone in on_roster:
        assert phone not in masked and mask_mobile(phone) in masked
        assert phone in plain
    assert mask_mobile(planned["captain"].mobile) in masked
    assert planned["captain"].mobile in plain


def _render(roster, path: Path, options: PrintOptions) -> Path:  # noqa: ANN001
    render_weekly_roster(roster, path, options)
    return path


def test_all_teams_are_numbered_separately(demo_db: Database, planned: dict,
                                           tmp_path: Path) -> None:
    with demo_db.session() as s:
        roster = weekly_roster_data(s, MONDAY)
    assert [x.title for x in roster.sections] == ["小喇叭巡逻队", "点赞联盟文明劝导队"]
    out = tmp_path / "all.pdf"
    seen: list[tuple[int, int]] = []
    render_weekly_roster(roster, out, PrintOptions(progress=lambda d, t: seen.append((d, t))))
    pages = page_texts(out)
    last = pages[-1]
    assert "点赞联盟文明劝导队" in last and "第 1 / 1 页" in last
    assert planned["other"][0].name in last
    patrol_pages = len(pages) - 1
    assert f"第 {patrol_pages} / {patrol_pages} 页" in pages[-2]
    assert seen[-1] == (2, 2)


def test_grid_roster(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as s:
        patrol = team_service.resolve(s, "小喇叭巡逻队")
        m = team_service.members(s, patrol)[3]
        from volunteer_app.services import grids as grid_service

        gid = grid_service.resolve(s, "5")
        leader = grid_service.get_grid(s, gid)
        sid = shift_service.create_shift(s, shift_service.ShiftData(
            date=MONDAY, start_time=time(19, 30), end_time=time(21, 30), title="网格巡查",
            team_id=patrol, grid_id=gid, needed=1))
        assignment_service.assign(s, sid, m.volunteer_id, override_reason="test data")
        roster = weekly_roster_data(s, MONDAY, grid_id=gid)
    text = pdf_text(_render(roster, tmp_path / "g.pdf", OPTS))
    assert "5号网格" in text and "网格长" in text and leader.leader_name in text
    assert "网格巡查" in text and m.name in text and "小喇叭巡逻队" in text


def test_empty_week_still_prints_a_page(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as s:
        roster = weekly_roster_data(s, date(2030, 1, 7))
    out = tmp_path / "empty.pdf"
    result = render_weekly_roster(roster, out, OPTS)
    assert result.pages == 1
    assert "本周没有排班" in pdf_text(out)


def test_signin_sheet_for_a_shift(demo_db: Database, planned: dict, tmp_path: Path) -> None:
    sid = planned["shift_ids"][0]
    with demo_db.session() as s:
        sheets = signin_sheets_data(s, shift_id=sid)
        shift = shift_service.get_shift(s, sid)
    assert len(sheets) == 1 and len(sheets[0].people) == 2
    out = tmp_path / "signin.pdf"
    result = render_signin_sheets(sheets, out, OPTS)
    assert result.pages == 1 and result.items == 2
    text = pdf_text(out)
    for head in ("签到表", "姓名", "手机号", "计划时间", "到岗时间", "离岗时间", "本人签名"):
        assert head in text
    assert "巡逻点01" in text and "国庆节" in text and "07:00–08:30" in text
    assert planned["captain"].name in text
    for a in shift.on_shift:
        member = next(m for m in planned["members"] if m.volunteer_id == a.volunteer_id)
        assert member.name in text
        assert mask_mobile(member.mobile) in text and member.mobile not in text
    # Numbered rows for walk-ins fill the sheet.
    assert re.search(r"\b15\b", text)
    assert_fonts_embedded(out)


def test_signin_sheets_for_a_day_and_team(demo_db: Database, planned: dict,
                                          tmp_path: Path) -> None:
    with demo_db.session() as s:
        sheets = signin_sheets_data(s, day=date(2026, 10, 6), team_id=planned["patrol"])
        everyone = signin_sheets_data(s, day=date(2026, 10, 6))
    assert len(sheets) == ROWS
    assert len(everyone) == ROWS + 1
    out = tmp_path / "day.pdf"
    result = render_signin_sheets(sheets, out, PrintOptions(mask_phones=False))
    pages = page_texts(out)
    assert result.pages == len(pages) == ROWS
    assert all("第 1 / 1 页" in p for p in pages)
    assert any(planned["members"][1].mobile in p for p in pages)


def test_hours_statement_from_plain_rows(tmp_path: Path) -> None:
    lines = [
        HoursLine("张伟", "小喇叭巡逻队", date(2026, 11, 2), "晚间巡逻 · 林琼花园", 2.0, True, 1),
        HoursLine("张伟", "小喇叭巡逻队", date(2026, 11, 9), "晚间巡逻 · 林琼花园", 2.5, True, 1),
        HoursLine("格桑·伦珠", "小喇叭巡逻队", date(2026, 11, 3), "每日小排查", 1.5, True, 2),
        HoursLine("格桑·伦珠", "小喇叭巡逻队", date(2026, 11, 4), "每日小排查", 4.0, False, 2),
        HoursLine("李娜", "爱骑志愿服务队", date(2026, 11, 5), "送餐", 3.0, True, 3),
    ]
    out = tmp_path / "hours.pdf"
    result = render_hours_statement(lines, out, OPTS, month="2026-11", community="林琼社区")
    pages = page_texts(out)
    assert result.pages == len(pages) == 2 and result.items == 5
    patrol, riders = pages
    assert "小喇叭巡逻队" in patrol and "2026年11月" in patrol
    assert "张伟" in patrol and "格桑·伦珠" in patrol and "待核实" in patrol
    # Verified totals: 张伟 4.5, 格桑·伦珠 1.5 (the unverified 4 h is listed, not added): 6.
    assert "4.5" in patrol and "合计（已核实）" in patrol
    assert "经核实累计 6 小时" in patrol and "共 2 人" in patrol
    assert "李娜" in riders and "经核实累计 3 小时" in riders and "张伟" not in riders
    assert_fonts_embedded(out)


def test_hours_statement_per_volunteer(tmp_path: Path) -> None:
    lines = [
        HoursLine("张伟", "小喇叭巡逻队", date(2026, 11, 2), "巡逻", 2.0, True, 1),
        HoursLine("张伟", "点赞联盟文明劝导队", date(2026, 11, 3), "劝导", 1.0, True, 1),
        HoursLine("李娜", "爱骑志愿服务队", date(2026, 11, 5), "送餐", 3.0, True, 3),
    ]
    out = tmp_path / "v.pdf"
    render_hours_statement(lines, out, OPTS, month="2026-11", community="林琼社区",
                           per_volunteer=True)
    first, second = page_texts(out)
    assert "张伟同志2026年11月累计参加志愿服务 3 小时" in first
    assert "点赞联盟文明劝导队" in first and "李娜" not in first
    assert "李娜同志2026年11月累计参加志愿服务 3 小时" in second


def test_hours_lines_come_from_the_ledger(demo_db: Database, planned: dict,
                                          tmp_path: Path) -> None:
    now = datetime(2026, 10, 20, 9, 0)
    member = planned["members"][0]
    with demo_db.session() as s:
        e1 = hours_service.add_manual(s, member.volunteer_id, date(2026, 10, 6), 2.5, "补录",
                                      "周霞", team_id=planned["patrol"], duty="国庆巡逻",
                                      now=now)
        hours_service.add_manual(s, member.volunteer_id, date(2026, 10, 7), 1, "补录", "周霞",
                                 team_id=planned["patrol"], duty="国庆巡逻", now=now)
        hours_service.verify(s, [e1], "周霞", now=now)
        lines = hours_lines(s, "2026-10", planned["patrol"])
    assert [(x.volunteer, x.hours, x.verified) for x in lines] == [
        (member.name, 2.5, True), (member.name, 1.0, False)]
    out = tmp_path / "ledger.pdf"
    render_hours_statement(lines, out, OPTS, month="2026-10", community="林琼社区")
    text = pdf_text(out)
    assert member.name in text and "国庆巡逻" in text and "经核实累计 2.5 小时" in text


def test_empty_hours_month(tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    result = render_hours_statement([], out, OPTS, month="2026-02", community="林琼社区")
    assert result.pages == 1 and "2026年2月没有志愿服务时长记录" in pdf_text(out)
