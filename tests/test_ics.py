"""iCalendar export: RFC 5545 structure, folding, escaping, time zones; chat-group text."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from volunteer_app.db import Database
from volunteer_app.jobs import chat_text
from volunteer_app.jobs.duties import DutyShift, Person
from volunteer_app.jobs.ics import Event, calendar, escape_text, fold, team_ics, volunteer_ics
from volunteer_app.jobs.reminders import Duty
from volunteer_app.models import Grid, Team, Volunteer
from volunteer_app.models.shifts import Assignment, Shift

SHANGHAI = ZoneInfo("Asia/Shanghai")
STAMP = datetime(2026, 12, 1, 9, 30, tzinfo=SHANGHAI)


def unfold(text: str) -> list[str]:
    """Content lines of an iCalendar text (RFC 5545 3.1 unfolding)."""
    assert text.endswith("\r\n")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def props(lines: list[str], name: str) -> list[str]:
    return [ln.split(":", 1)[1] for ln in lines if ln.split(":", 1)[0].split(";")[0] == name]


def check_structure(text: str) -> list[str]:
    raw = text.split("\r\n")[:-1]
    assert "\n" not in text.replace("\r\n", "")  # only CRLF line ends
    assert all(len(line.encode("utf-8")) <= 75 for line in raw)
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(ln.startswith("PRODID:") for ln in lines)
    depth = []
    for ln in lines:  # BEGIN/END nest properly
        if ln.startswith("BEGIN:"):
            depth.append(ln[6:])
        elif ln.startswith("END:"):
            assert depth.pop() == ln[4:]
    assert depth == []
    return lines


def test_escaping_of_text_values() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert escape_text("行1\r\n行2") == "行1\\n行2"


@given(st.text(alphabet=st.sampled_from("ab,;\\\n中文网格·ཀ😀 "), max_size=300))
def test_fold_and_escape_round_trip(value: str) -> None:
    line = "DESCRIPTION:" + escape_text(value)
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert folded.replace("\r\n ", "") == line  # never splits inside a character
    assert unescape(line.split(":", 1)[1]) == value.replace("\r\n", "\n").replace("\r", "\n")


def test_calendar_with_tzid_and_vtimezone() -> None:
    ev = Event("shift-1-v2@volunteer-app", 3, datetime(2026, 12, 8, 22, 0), datetime(2026, 12, 9, 6, 0),
               "夜间巡逻; 小喇叭巡逻队", "3号网格, 天峰祥和苑", "同班: 张三\n备注: 带手电", (120,))
    text = calendar([ev], name="张三 值班", tz=SHANGHAI, stamp=STAMP)
    lines = check_structure(text)
    assert "DTSTART;TZID=Asia/Shanghai:20261208T220000" in lines
    assert "DTEND;TZID=Asia/Shanghai:20261209T060000" in lines  # overnight: ends next day
    assert "DTSTAMP:20261201T013000Z" in lines
    assert "TZID:Asia/Shanghai" in lines and "TZOFFSETTO:+0800" in lines
    assert props(lines, "UID") == ["shift-1-v2@volunteer-app"]
    assert props(lines, "SEQUENCE") == ["3"]
    assert unescape(props(lines, "SUMMARY")[0]) == "夜间巡逻; 小喇叭巡逻队"
    assert unescape(props(lines, "LOCATION")[0]) == "3号网格, 天峰祥和苑"
    assert unescape(props(lines, "DESCRIPTION")[0]) == "同班: 张三\n备注: 带手电"
    assert "TRIGGER:-PT120M" in lines


def test_calendar_in_utc_has_no_vtimezone() -> None:
    ev = Event("u@x", 1, datetime(2026, 12, 8, 0, 30), datetime(2026, 12, 8, 2, 0), "巡逻")
    lines = check_structure(calendar([ev], name="t", tz=SHANGHAI, stamp=STAMP, utc=True))
    assert "DTSTART:20261207T163000Z" in lines and "DTEND:20261207T180000Z" in lines
    assert not any(ln.startswith("BEGIN:VTIMEZONE") for ln in lines)


def test_vtimezone_of_a_zone_with_summer_time() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    ev = Event("b@x", 1, datetime(2026, 7, 1, 9), datetime(2026, 7, 1, 10), "x")
    lines = check_structure(calendar([ev], name="t", tz=berlin, stamp=STAMP))
    i = lines.index("BEGIN:DAYLIGHT")
    block = lines[i:lines.index("END:DAYLIGHT", i)]
    assert "TZOFFSETFROM:+0100" in block and "TZOFFSETTO:+0200" in block
    # 2026: summer time begins on 29 March at 02:00 local (standard) time.
    assert "DTSTART:20260329T020000" in lines
    assert "DTSTART:20261025T030000" in lines  # and ends on 25 October at 03:00 summer time
    assert "DTSTART;TZID=Europe/Berlin:20260701T090000" in lines


def _world(db: Database) -> dict:
    with db.session() as s:
        team = Team(name="小喇叭巡逻队", kind="patrol")
        other = Team(name="红蜻蜓义务宣传队", kind="publicity")
        grid = Grid(number=3, name="3号网格")
        s.add_all([team, other, grid])
        s.flush()
        a, b = Volunteer(name="张三", mobile="13812341234"), Volunteer(name="格桑·伦珠", mobile="13900001111")
        s.add_all([a, b])
        s.flush()
        today = date.today()
        shifts = []
        for offset, start, end, tid in ((1, time(19), time(21), team.id), (2, time(22), time(6), team.id),
                                        (3, time(9), time(11), other.id), (500, time(9), time(10), team.id)):
            sh = Shift(title="", team_id=tid, grid_id=grid.id, date=today + timedelta(days=offset),
                       start_time=start, end_time=end, needed=2, location="天峰祥和苑")
            s.add(sh)
            s.flush()
            shifts.append(sh.id)
        for sid in shifts[:3]:
            s.add(Assignment(shift_id=sid, volunteer_id=a.id))
        s.add(Assignment(shift_id=shifts[0], volunteer_id=b.id))
        s.add(Assignment(shift_id=shifts[1], volunteer_id=b.id, status="cancelled"))
        return {"a": a.id, "b": b.id, "team": team.id, "shifts": shifts}


def test_volunteer_export_holds_their_duties_only(db: Database) -> None:
    w = _world(db)
    with db.session() as s:
        export = volunteer_ics(s, w["a"], stamp=STAMP)
        other = volunteer_ics(s, w["b"], stamp=STAMP)
    lines = check_structure(export.text)
    assert export.events == 3 and export.name == "张三 值班"
    assert props(lines, "UID") == [f"shift-{sid}-v{w['a']}@volunteer-app" for sid in w["shifts"][:3]]
    first = unescape(props(lines, "DESCRIPTION")[0])
    assert "同班: 格桑·伦珠" in first and "队伍: 小喇叭巡逻队" in first
    assert other.events == 1  # the cancelled overnight duty is not in the calendar
    # Beyond the default year ahead unless asked for.
    with db.session() as s:
        wide = volunteer_ics(s, w["a"], last=date.today() + timedelta(days=600), stamp=STAMP)
    assert wide.events == 3  # the far shift has nobody on it


def test_team_export_lists_everyone_with_masked_phones(db: Database) -> None:
    w = _world(db)
    with db.session() as s:
        export = team_ics(s, w["team"], last=date.today() + timedelta(days=600), stamp=STAMP)
    lines = check_structure(export.text)
    assert export.events == 3
    descriptions = [unescape(d) for d in props(lines, "DESCRIPTION")]
    assert "人员(2/2): 张三 138****1234、格桑·伦珠 139****1111" in descriptions[0]
    assert "13812341234" not in export.text
    assert "人员(0/2): 待安排" in descriptions[2]


def test_chat_text_of_one_and_of_several_shifts() -> None:
    day = date(2026, 12, 8)
    one = DutyShift(1, "", 1, "小喇叭巡逻队", "#2471a3", "3号网格", "", "patrol", day, time(19), time(21),
                    1, "", 1, (Person(1, "张三", "13812341234", "planned"),))
    assert chat_text.shifts_text([one], date(2026, 12, 7), footer=False) == \
        "明日值班提醒: 12月8日 19:00-21:00 小喇叭巡逻队 3号网格 张三 138****1234"
    night = DutyShift(2, "夜间巡逻", 1, "小喇叭巡逻队", None, None, "天峰祥和苑", "patrol", day, time(22),
                      time(6), 3, "", 1, (Person(2, "李四", "13900001111", "confirmed"),))
    text = chat_text.shifts_text([night, one], day)
    assert text.splitlines() == [
        "今日值班提醒(12月8日 星期二):",
        "1. 22:00-次日06:00 小喇叭巡逻队 夜间巡逻 李四 139****1111 (尚缺2人)",
        "2. 19:00-21:00 小喇叭巡逻队 3号网格 张三 138****1234",
        chat_text.FOOTER,
    ]
    assert chat_text.heading(day, day - timedelta(days=5)) == "值班提醒"


def test_chat_text_of_one_duty() -> None:
    d = Duty(1, 1, 1, "张三", "13812341234", 1, "小喇叭巡逻队", "3号网格", "", "", "patrol",
             date(2026, 12, 8), time(19), time(21))
    assert chat_text.duty_text(d, date(2026, 12, 7)) == \
        "明日值班提醒: 12月8日 19:00-21:00 小喇叭巡逻队 3号网格 张三 138****1234"
