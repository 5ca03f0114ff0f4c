"""Weekly roster (值班表) per team or per grid: A4 landscape, days as columns, duties as rows.

The page header names the team (or grid) with its captain (or grid leader) and phone, the
ISO week and its dates; holidays and make-up working days are marked on their columns;
every page carries the printed-on date and "第 x / y 页" counted per team. A team whose
duties do not fit on one page flows onto further pages with the header and the day row
repeated. Phones are masked (138****1234) unless asked otherwise: rosters are posted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Volunteer
from ..scheduling import holidays as hol
from ..scheduling.conflicts import ends_next_day
from ..security.permissions import require
from ..services import community as community_service
from ..services import grids as grid_service
from ..services import shifts as shift_service
from ..services import teams as team_service
from .common import (
    GREY,
    HOLIDAY_FILL,
    INK,
    RED,
    RED_DARK,
    WEEKEND_FILL,
    Output,
    PrintOptions,
    PrintResult,
    ProgressReporter,
    SectionMark,
    TextLines,
    Typesetter,
    build_document,
    cn_date,
    para,
    paragraph_styles,
    phone_text,
    table_style_commands,
)

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
DUTY_ZH = {
    "patrol": "巡逻", "small_inspection": "每日小排查", "big_inspection": "每周大排查",
    "persuasion": "文明劝导", "publicity": "宣传", "cleanup": "环境整治", "event": "活动",
    "other": "值班",
}
NO_TEAM = "未指定队伍"


def holiday_name(code: str, name: str) -> str:
    """The clerk's name for a special day, else chinese_calendar's Chinese name."""
    if name:
        return name
    if code:
        try:
            from chinese_calendar.constants import Holiday

            return Holiday[code].chinese
        except (KeyError, ImportError):
            return ""
    return ""


def time_span(start: time, end: time) -> str:
    """19:30–21:30; an overnight shift ends "次日" (the next day)."""
    nxt = "次日" if ends_next_day(start, end) else ""
    return f"{start:%H:%M}–{nxt}{end:%H:%M}"


@dataclass(frozen=True)
class RosterPerson:
    """A volunteer on a duty."""

    name: str
    phone: str


@dataclass(frozen=True)
class RosterCell:
    """One duty on one day: who is on it and how many are needed."""

    people: tuple[RosterPerson, ...]
    needed: int

    @property
    def gap(self) -> int:
        return max(0, self.needed - len(self.people))


@dataclass(frozen=True)
class RosterRow:
    """A duty (title, time, place) across the seven days; None where it does not run."""

    title: str
    start: time
    end: time
    place: str
    team: str | None
    cells: tuple[RosterCell | None, ...]


@dataclass(frozen=True)
class RosterDay:
    """A column: the date and whether it is a weekend, holiday or make-up working day."""

    date: date
    kind: str = hol.WORKDAY
    holiday: str = ""


@dataclass(frozen=True)
class RosterSection:
    """One team's (or grid's) roster: who leads it and its duty rows."""

    title: str
    leader_role: str  # 队长 or 网格长
    leader_name: str
    leader_phone: str
    rows: tuple[RosterRow, ...]
    colour: str = "#b8322a"


@dataclass(frozen=True)
class WeekRoster:
    """Everything a weekly roster printout needs."""

    community: str
    service_hall_phone: str
    monday: date
    days: tuple[RosterDay, ...]
    sections: tuple[RosterSection, ...]
    uncovered_years: tuple[int, ...] = field(default=())

    @property
    def week_label(self) -> str:
        iso = self.monday.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"


def _rows_of(shifts: Sequence[shift_service.ShiftRow], monday: date,
             mobiles: dict[int, str], with_team: bool) -> tuple[RosterRow, ...]:
    rows: dict[tuple, list[list]] = {}
    meta: dict[tuple, tuple] = {}
    for s in shifts:
        title = s.title or DUTY_ZH.get(s.duty_type, s.duty_type)
        place = s.location or (s.grid or "")
        team = s.team if with_team else None
        key = (s.start, s.end, title, place, team)
        cells = rows.setdefault(key, [[] for _ in range(7)])
        meta[key] = (title, s.start, s.end, place, team)
        day = (s.date - monday).days
        if 0 <= day < 7:
            cells[day].append(s)
    out = []
    for key in sorted(rows, key=lambda k: (k[0], k[1], k[2], k[3], k[4] or "")):
        cells: list[RosterCell | None] = []
        for day_shifts in rows[key]:
            if not day_shifts:
                cells.append(None)
                continue
            people = tuple(
                RosterPerson(a.name, mobiles.get(a.volunteer_id, ""))
                for s in day_shifts for a in s.on_shift
            )
            cells.append(RosterCell(people, sum(s.needed for s in day_shifts)))
        title, start, end, place, team = meta[key]
        out.append(RosterRow(title, start, end, place, team, tuple(cells)))
    return tuple(out)


def weekly_roster_data(session: Session, monday: date, *, team_id: int | None = None,
                       grid_id: int | None = None) -> WeekRoster:
    """The week's roster: one section for the team or grid asked for, else one per team."""
    require(session, "print")
    plan = shift_service.week_plan(session, monday, team_id=team_id, grid_id=grid_id)
    info = community_service.get_community(session)
    vids = {a.volunteer_id for s in plan.shifts for a in s.on_shift}
    mobiles: dict[int, str] = {}
    ids = sorted(vids)
    for start in range(0, len(ids), 900):
        mobiles.update(session.execute(
            select(Volunteer.id, Volunteer.mobile).where(Volunteer.id.in_(ids[start:start + 900]))
        ).all())
    days = tuple(
        RosterDay(d.date, d.kind, holiday_name(d.code, d.name)) for d in plan.days
    )
    teams = team_service.list_teams(session)
    sections: list[RosterSection] = []
    if grid_id is not None:
        g = grid_service.get_grid(session, grid_id)
        sections.append(RosterSection(
            title=g.name, leader_role="网格长", leader_name=g.leader_name,
            leader_phone=g.leader_phone,
            rows=_rows_of(plan.shifts, plan.monday, mobiles, with_team=True),
        ))
    else:
        by_team: dict[int | None, list] = {}
        for s in plan.shifts:
            by_team.setdefault(s.team_id, []).append(s)
        order = [t for t in teams if t.id in by_team or t.id == team_id]
        for t in order:
            sections.append(RosterSection(
                title=t.name, leader_role="队长", leader_name=t.captain or "",
                leader_phone=t.captain_phone or "",
                rows=_rows_of(by_team.get(t.id, []), plan.monday, mobiles, with_team=False),
                colour=t.colour,
            ))
        if None in by_team and team_id is None:
            sections.append(RosterSection(
                title=NO_TEAM, leader_role="队长", leader_name="", leader_phone="",
                rows=_rows_of(by_team[None], plan.monday, mobiles, with_team=False),
            ))
    return WeekRoster(info.name, info.service_hall_phone, plan.monday, days, tuple(sections),
                      tuple(plan.uncovered_years))


# ------------------------------------------------------------------------ rendering

HEADER_H = 24 * mm


def _colour(value: str) -> colors.Color:
    try:
        return colors.HexColor(value)
    except (ValueError, TypeError):
        return RED


@dataclass
class _Ctx:
    roster: WeekRoster
    masked: bool


def _header(ctx: _Ctx, pagesize: tuple[float, float], margin: float):  # noqa: ANN202
    roster = ctx.roster

    def draw(c: Canvas, section: object, ts: Typesetter) -> None:
        if not isinstance(section, RosterSection):
            return
        w, h = pagesize
        top = h - margin
        colour = _colour(section.colour)
        c.saveState()
        c.setFillColor(colour)
        c.rect(margin, top - 13 * mm, 2.2 * mm, 13 * mm, stroke=0, fill=1)
        c.restoreState()
        title = f"{section.title}  值班表"
        size = ts.fit_size(title, w * 0.5, 17, 11, bold=True)
        ts.draw(c, margin + 5 * mm, top - 7 * mm, title, size, bold=True, color=INK)
        lead = section.leader_name or "（未设）"
        phone = phone_text(section.leader_phone, ctx.masked)
        sub = f"{roster.community}    {section.leader_role}：{lead}  {phone}".rstrip()
        ts.draw(c, margin + 5 * mm, top - 12.6 * mm, ts.truncate(sub, w * 0.55, 9.5), 9.5,
                color=GREY)
        iso = roster.monday.isocalendar()
        sunday = roster.monday + timedelta(days=6)
        ts.draw(c, w - margin, top - 7 * mm, f"{iso[0]}年第{iso[1]}周", 15, bold=True,
                color=colour, align="right")
        span = (f"{cn_date(roster.monday)}（周一）至 "
                f"{sunday.month}月{sunday.day}日（周日）    {roster.week_label}")
        ts.draw(c, w - margin, top - 12.6 * mm, span, 9.5, color=GREY, align="right")
        c.saveState()
        c.setStrokeColor(colour)
        c.setLineWidth(1.2)
        c.line(margin, top - 16 * mm, w - margin, top - 16 * mm)
        c.restoreState()

    return draw


def _day_header(day: RosterDay, styles: dict[str, ParagraphStyle], ts: Typesetter) -> list:
    wd = WEEKDAYS[day.date.weekday()]
    lines = [para(f"{wd}  {day.date.month}月{day.date.day}日", styles["head"])]
    if day.kind == hol.HOLIDAY:
        lines.append(para(f"{day.holiday or '节假日'} · 休", styles["head_mark"]))
    elif day.kind == hol.MAKEUP:
        lines.append(para("调休上班", styles["head_mark"]))
    return lines


def _cell(cell: RosterCell | None, styles: dict[str, ParagraphStyle], masked: bool,
          ts: Typesetter, avail: float) -> list:
    if cell is None:
        return [TextLines(ts, [[("—", 9, GREY)]], align="centre")]
    out = [_person_lines(p.name, phone_text(p.phone, masked), ts, avail)
           for p in cell.people]
    if cell.gap:
        out.append(TextLines(ts, [[(f"待补 {cell.gap} 人", 8, RED)]]))
    return out


NAME_SIZE, PHONE_SIZE = 9.0, 7.5


def _person_lines(name: str, phone: str, ts: Typesetter, avail: float) -> TextLines:
    """Name with the phone after it in smaller grey type, or below it when both do not
    fit on one line; a phone number is never broken, a very long name wraps."""
    name_w = ts.width(name, NAME_SIZE)
    if name_w + ts.width(" " + phone, PHONE_SIZE) <= avail:
        return TextLines(ts, [[(name, NAME_SIZE, INK), (" " + phone, PHONE_SIZE, GREY)]])
    lines: list[list] = [[(part, NAME_SIZE, INK)] for part in ts.wrap(name, avail, NAME_SIZE)]
    if phone:
        size = ts.fit_size(phone, avail, PHONE_SIZE, 5.5)
        lines.append([(phone, size, GREY)])
    return TextLines(ts, lines)


def render_weekly_roster(roster: WeekRoster, out: Output,
                         options: PrintOptions | None = None) -> PrintResult:
    """Write the roster (one section per team or grid) to ``out``; phones masked by default."""
    options = options or PrintOptions()
    fonts = options.fonts()
    ts = Typesetter(fonts)
    masked = options.masked(True)
    pagesize = landscape(options.page_size())
    margin = 12 * mm
    styles = paragraph_styles(fonts, 9)
    styles["head_mark"] = ParagraphStyle("head_mark", parent=styles["head"], fontSize=7.5,
                                         leading=9.5, textColor=colors.HexColor("#ffe3a3"))
    styles["person"] = ParagraphStyle("person", parent=styles["cell"], fontSize=9, leading=11.5)
    styles["phone"] = ParagraphStyle("phone", parent=styles["cell_small"], fontSize=7.5,
                                     leading=9.5)
    styles["gap"] = ParagraphStyle("gap", parent=styles["cell"], fontSize=8, textColor=RED)
    styles["empty"] = ParagraphStyle("empty", parent=styles["cell_centre"], textColor=GREY)
    styles["duty"] = ParagraphStyle("duty", parent=styles["cell"], fontName=fonts.bold,
                                    fontSize=9.5, leading=12)
    width = pagesize[0] - 2 * margin
    label_w = 44 * mm
    day_w = (width - label_w) / 7
    reporter = ProgressReporter(options, max(1, len(roster.sections)))
    story: list = []
    items = 0
    for i, section in enumerate(roster.sections):
        if i:
            story.append(PageBreak())
        story.append(SectionMark(section, reporter))
        head = [para("值班项目", styles["head_left"])]
        head += [_day_header(d, styles, ts) for d in roster.days]
        data = [head]
        for row in section.rows:
            label = [para(row.title, styles["duty"], fonts),
                     para(time_span(row.start, row.end), styles["cell"])]
            extra = " · ".join(p for p in (row.team or "", row.place) if p)
            if extra:
                label.append(para(extra, styles["cell_small"], fonts))
            data.append([label] + [_cell(c, styles, masked, ts, day_w - 9) for c in row.cells])
            items += sum(len(c.people) for c in row.cells if c)
        if not section.rows:
            data.append([para("本周没有排班", styles["cell_small"])] + [""] * 7)
        cmds = table_style_commands(fonts.regular)
        for col, day in enumerate(roster.days, start=1):
            if day.kind == hol.HOLIDAY:
                cmds += [("BACKGROUND", (col, 0), (col, 0), RED_DARK),
                         ("BACKGROUND", (col, 1), (col, -1), HOLIDAY_FILL)]
            elif day.kind == hol.WEEKEND:
                cmds += [("BACKGROUND", (col, 0), (col, 0), colors.HexColor("#4f6478")),
                         ("BACKGROUND", (col, 1), (col, -1), WEEKEND_FILL)]
        cmds += [("VALIGN", (1, 1), (-1, -1), "TOP"),
                 ("BACKGROUND", (0, 1), (0, -1), colors.HexColor("#f3f4f6")),
                 ("LINEBELOW", (0, 0), (-1, 0), 1, INK)]
        table = Table(data, colWidths=[label_w] + [day_w] * 7, repeatRows=1, splitByRow=1,
                      splitInRow=1, style=TableStyle(cmds))
        story.append(table)
        notes = []
        if roster.uncovered_years:
            years = "、".join(str(y) for y in roster.uncovered_years)
            notes.append(f"{years}年的法定节假日安排尚未公布，表中只标出了周末，请以国家公布为准。")
        if masked:
            notes.append("为保护个人信息，手机号码已隐去中间四位；如需联系请咨询队长或便民服务大厅。")
        if notes:
            story.append(Spacer(1, 3 * mm))
            for note in notes:
                story.append(para("注：" + note, styles["cell_small"]))
    if not roster.sections:
        story.append(SectionMark(RosterSection("（无队伍）", "队长", "", "", ())))
        story.append(para("本周没有排班。", styles["body"]))
    hall = f"便民服务大厅 {roster.service_hall_phone}" if roster.service_hall_phone else ""
    pages = build_document(
        out, options, ts, story, pagesize=pagesize,
        title=f"{roster.community} 值班表 {roster.week_label}", subject="值班表",
        author=roster.community, header=_header(_Ctx(roster, masked), pagesize, margin),
        header_height=HEADER_H - 4 * mm, margin=margin,
        footer_note=lambda _s: f"{roster.community}  {hall}".strip(),
    )
    reporter.finish()
    warnings = ("tibetan_font_missing",) if ts.missing_tibetan else ()
    return PrintResult(pages=pages, items=items, warnings=warnings)
