"""Sign-in sheets (签到表) for a shift or for every shift of a day.

One sheet (section) per shift: the duty, team and captain, place, date and planned time
at the top; a row per volunteer on the shift with name, phone and planned time, and
columns to write the arrival time, departure time and a signature; spare rows for
volunteers who join on the day; the captain signs the sheet off at the bottom. It is the
paper evidence behind the service-hours ledger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Volunteer
from ..scheduling import holidays as hol
from ..security.permissions import require
from ..services import community as community_service
from ..services import holidays as holiday_service
from ..services import shifts as shift_service
from ..services import teams as team_service
from .common import (
    GREY,
    INK,
    LIGHT,
    Output,
    PrintOptions,
    PrintResult,
    ProgressReporter,
    SectionMark,
    Typesetter,
    build_document,
    cn_date,
    para,
    paragraph_styles,
    phone_text,
    table_style_commands,
)
from .roster import DUTY_ZH, WEEKDAYS, holiday_name, time_span

MIN_ROWS = 15  # rows on a sheet at least: room for walk-ins, fills one A4 page
SPARE_ROWS = 3


@dataclass(frozen=True)
class SigninPerson:
    """A volunteer expected on the shift."""

    name: str
    phone: str


@dataclass(frozen=True)
class SigninSheet:
    """One shift's sign-in sheet."""

    shift_id: int
    community: str
    title: str
    team: str
    captain: str
    captain_phone: str
    place: str
    date: date
    start: time
    end: time
    needed: int
    people: tuple[SigninPerson, ...]
    day_note: str = ""  # 国庆节 / 调休上班 ...


def _day_note(session: Session, day: date) -> str:
    info = holiday_service.load_calendar(session, day, day).info(day)
    if info.kind == hol.HOLIDAY:
        return holiday_name(info.code, info.name) or "节假日"
    if info.kind == hol.MAKEUP:
        return "调休上班"
    return ""


def signin_sheets_data(session: Session, *, shift_id: int | None = None,
                       day: date | None = None, team_id: int | None = None) -> list[SigninSheet]:
    """Sheets of one shift, or of every shift on ``day`` (optionally of one team)."""
    require(session, "print")
    if shift_id is not None:
        shifts = [shift_service.get_shift(session, shift_id)]
    elif day is not None:
        shifts = shift_service.list_shifts(session, day, day, team_id=team_id)
    else:
        raise ValueError("give shift_id or day")
    info = community_service.get_community(session)
    captains = {t.id: (t.captain or "", t.captain_phone or "") for t in team_service.list_teams(session)}
    vids = sorted({a.volunteer_id for s in shifts for a in s.on_shift})
    mobiles = dict(session.execute(
        select(Volunteer.id, Volunteer.mobile).where(Volunteer.id.in_(vids))
    ).all()) if vids else {}
    notes: dict[date, str] = {}
    sheets = []
    for s in shifts:
        if s.date not in notes:
            notes[s.date] = _day_note(session, s.date)
        captain, captain_phone = captains.get(s.team_id, ("", "")) if s.team_id else ("", "")
        place = " · ".join(p for p in (s.location, s.grid or "") if p)
        sheets.append(SigninSheet(
            shift_id=s.id, community=info.name,
            title=s.title or DUTY_ZH.get(s.duty_type, s.duty_type), team=s.team or "",
            captain=captain, captain_phone=captain_phone, place=place, date=s.date,
            start=s.start, end=s.end, needed=s.needed,
            people=tuple(SigninPerson(a.name, mobiles.get(a.volunteer_id, ""))
                         for a in s.on_shift),
            day_note=notes[s.date],
        ))
    return sheets


HEADER_H = 20 * mm


def _header(pagesize: tuple[float, float], margin: float):  # noqa: ANN202
    def draw(c: Canvas, section: object, ts: Typesetter) -> None:
        if not isinstance(section, SigninSheet):
            return
        w, h = pagesize
        top = h - margin
        ts.draw(c, w / 2, top - 8 * mm, "志愿服务签到表", 18, bold=True, color=INK, align="centre")
        sub = f"{section.community}    {section.team}".strip()
        ts.draw(c, w / 2, top - 13.5 * mm, ts.truncate(sub, w - 2 * margin, 9.5), 9.5,
                color=GREY, align="centre")
        ts.draw(c, w - margin, top - 13.5 * mm, f"班次编号 {section.shift_id}", 8, color=GREY,
                align="right")

    return draw


def render_signin_sheets(sheets: Sequence[SigninSheet], out: Output,
                         options: PrintOptions | None = None) -> PrintResult:
    """Write one sign-in sheet per shift to ``out``; phones masked unless asked otherwise."""
    options = options or PrintOptions()
    fonts = options.fonts()
    ts = Typesetter(fonts)
    masked = options.masked(True)
    pagesize = options.page_size()
    margin = 14 * mm
    width = pagesize[0] - 2 * margin
    styles = paragraph_styles(fonts, 9.5)
    styles["label"] = ParagraphStyle("label", parent=styles["cell"], textColor=GREY, fontSize=8.5)
    styles["value"] = ParagraphStyle("value", parent=styles["cell"], fontSize=10.5, leading=13)
    styles["sign"] = ParagraphStyle("sign", parent=styles["body"], fontSize=10, leading=16)
    reporter = ProgressReporter(options, max(1, len(sheets)))
    story: list = []
    items = 0
    for i, sheet in enumerate(sheets):
        if i:
            story.append(PageBreak())
        story.append(SectionMark(sheet, reporter))
        weekday = WEEKDAYS[sheet.date.weekday()]
        when = f"{cn_date(sheet.date)}（{weekday}）"
        if sheet.day_note:
            when += f"  {sheet.day_note}"
        captain = " ".join(p for p in (sheet.captain, phone_text(sheet.captain_phone, masked)) if p)
        info = [
            [para("服务项目", styles["label"]), para(sheet.title, styles["value"], fonts),
             para("服务日期", styles["label"]), para(when, styles["value"])],
            [para("服务地点", styles["label"]), para(sheet.place or "—", styles["value"], fonts),
             para("计划时间", styles["label"]),
             para(time_span(sheet.start, sheet.end), styles["value"])],
            [para("带班队长", styles["label"]), para(captain or "—", styles["value"], fonts),
             para("计划人数", styles["label"]),
             para(f"{sheet.needed} 人（已排 {len(sheet.people)} 人）", styles["value"])],
        ]
        info_table = Table(info, colWidths=[20 * mm, width / 2 - 20 * mm, 20 * mm,
                                            width / 2 - 20 * mm],
                           style=TableStyle([
                               ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
                               ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                               ("BACKGROUND", (2, 0), (2, -1), LIGHT),
                               ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#aab0b8")),
                               ("BOX", (0, 0), (-1, -1), 0.8, GREY),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                           ]))
        story += [info_table, Spacer(1, 5 * mm)]
        head = ["序号", "姓名", "手机号", "计划时间", "到岗时间", "离岗时间", "本人签名", "备注"]
        data = [[para(h, styles["head"]) for h in head]]
        planned = time_span(sheet.start, sheet.end)
        for n, p in enumerate(sheet.people, start=1):
            data.append([para(str(n), styles["cell_centre"]), para(p.name, styles["cell"], fonts),
                         para(phone_text(p.phone, masked), styles["cell"]),
                         para(planned, styles["cell_centre"]), "", "", "", ""])
            items += 1
        blanks = max(SPARE_ROWS, sheet.needed - len(sheet.people), MIN_ROWS - len(sheet.people))
        for n in range(len(sheet.people) + 1, len(sheet.people) + blanks + 1):
            data.append([para(str(n), styles["cell_centre"]), "", "", "", "", "", "", ""])
        cols = [11 * mm, 26 * mm, 30 * mm, 29 * mm, 20 * mm, 20 * mm]
        cols += [(width - sum(cols)) * 0.62, (width - sum(cols)) * 0.38]
        cmds = table_style_commands(fonts.regular)
        cmds += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f8fa")])]
        table = Table(data, colWidths=cols, rowHeights=[None] + [10.5 * mm] * (len(data) - 1),
                      repeatRows=1, style=TableStyle(cmds))
        story.append(table)
        sign = [
            Spacer(1, 6 * mm),
            para("说明：请本人如实填写到岗、离岗时间并签名；带班队长核实后，服务时长计入"
                 "志愿服务时长记录。临时参加的志愿者请在空行登记。", styles["cell_small"]),
            Spacer(1, 8 * mm),
            para("带班队长（签字）：____________________      核实日期：______年____月____日",
                 styles["sign"]),
        ]
        story.append(KeepTogether(sign))
    if not sheets:
        story.append(SectionMark(SigninSheet(0, "", "", "", "", "", "", date.today(), time(0),
                                             time(0), 1, ())))
        story.append(para("没有符合条件的班次。", styles["body"]))
    community = sheets[0].community if sheets else ""
    pages = build_document(
        out, options, ts, story, pagesize=pagesize, title=f"{community} 签到表",
        subject="签到表", author=community, header=_header(pagesize, margin),
        header_height=HEADER_H, margin=margin,
        footer_note=lambda s: (f"{s.title}  {cn_date(s.date)}" if isinstance(s, SigninSheet)
                               and s.title else ""),
    )
    reporter.finish()
    warnings = ("tibetan_font_missing",) if ts.missing_tibetan else ()
    return PrintResult(pages=pages, items=items, warnings=warnings)
