"""Monthly service-hours statements (志愿服务时长统计表), per team or per volunteer.

The renderer takes plain rows (:class:`HoursLine`: volunteer, team, date, duty, hours,
verified) so it does not depend on how the ledger stores them; :func:`hours_lines` reads
them from the ledger service. Only verified hours make the totals; unverified lines are
listed, marked 待核实, and counted in their own column. No-shows (planned duties not come
to, issue 18.16) are listed too, marked 缺勤, counted in their own column and in the
volunteer's sentence, and never add hours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from ..security.permissions import readable_team
from ..services import community as community_service
from ..services import hours_reports as report_service
from .common import (
    GREY,
    INK,
    LIGHT,
    RED,
    RED_DARK,
    Output,
    PrintOptions,
    PrintResult,
    ProgressReporter,
    SectionMark,
    Typesetter,
    build_document,
    hours_text,
    para,
    paragraph_styles,
    table_style_commands,
)
from .roster import DUTY_ZH

NO_TEAM = "未指定队伍"


@dataclass(frozen=True)
class HoursLine:
    """One served duty: who, for which team, when, what, how long, verified or not."""

    volunteer: str
    team: str | None
    date: date
    duty: str
    hours: float
    verified: bool = True
    volunteer_id: int | None = None
    no_show: bool = False  # a planned duty not come to: no hours, listed as 缺勤


def duty_label(duty: str) -> str:
    """A ledger duty as printed: a bare duty-type code becomes its Chinese name."""
    head, sep, rest = duty.partition(" · ")
    return DUTY_ZH.get(head, head) + sep + rest


def hours_lines(session: Session, month: str, team_id: int | None = None,
                volunteer_id: int | None = None) -> list[HoursLine]:
    """The month's ledger lines (current, non-void entries) from the hours service (a
    captain's own team's only)."""
    team_id = readable_team(session, "print", team_id)
    rows = report_service.monthly_statement(session, month, team_id)
    lines = [
        HoursLine(volunteer=r.volunteer, team=r.team, date=r.date, duty=duty_label(r.duty),
                  hours=r.hours, verified=r.verified, volunteer_id=r.volunteer_id)
        for r in rows if volunteer_id is None or r.volunteer_id == volunteer_id
    ]
    lines += [
        HoursLine(volunteer=m.volunteer, team=m.team, date=m.date, duty=duty_label(m.duty),
                  hours=0.0, verified=False, volunteer_id=m.volunteer_id, no_show=True)
        for m in report_service.month_no_shows(session, month, team_id)
        if volunteer_id is None or m.volunteer_id == volunteer_id
    ]
    return lines


@dataclass(frozen=True)
class _Section:
    kind: str  # team or volunteer
    title: str
    lines: tuple[HoursLine, ...]


def _month_title(month: str) -> str:
    year, mon = month.split("-")
    return f"{int(year)}年{int(mon)}月"


def _total(lines: Sequence[HoursLine], verified: bool = True) -> float:
    return round(sum(x.hours for x in lines if x.verified == verified and not x.no_show), 2)


def _served(lines: Sequence[HoursLine]) -> list[HoursLine]:
    return [x for x in lines if not x.no_show]


def _missed(lines: Sequence[HoursLine]) -> int:
    return sum(1 for x in lines if x.no_show)


def _person_key(line: HoursLine) -> object:
    return line.volunteer_id if line.volunteer_id is not None else line.volunteer


def render_hours_statement(lines: Sequence[HoursLine], out: Output,
                           options: PrintOptions | None = None, *, month: str,
                           community: str = "", per_volunteer: bool = False) -> PrintResult:
    """Write the month's statement: one section per team (summary, then every line grouped
    by volunteer with subtotals), or with ``per_volunteer`` one section per volunteer."""
    options = options or PrintOptions()
    fonts = options.fonts()
    ts = Typesetter(fonts)
    pagesize = options.page_size()
    margin = 15 * mm
    width = pagesize[0] - 2 * margin
    styles = paragraph_styles(fonts, 9.5)
    styles["num"] = ParagraphStyle("num", parent=styles["cell"], alignment=2)
    styles["total"] = ParagraphStyle("total", parent=styles["cell"], fontName=fonts.bold,
                                     textColor=INK)
    styles["total_num"] = ParagraphStyle("total_num", parent=styles["total"], alignment=2)
    styles["pending"] = ParagraphStyle("pending", parent=styles["cell_centre"], textColor=RED,
                                       fontSize=8.5)
    styles["ok"] = ParagraphStyle("ok", parent=styles["cell_centre"], textColor=GREY,
                                  fontSize=8.5)
    styles["h2"] = ParagraphStyle("h2", parent=styles["body"], fontName=fonts.bold,
                                  fontSize=11.5, leading=15, textColor=RED_DARK)
    styles["sign"] = ParagraphStyle("sign", parent=styles["body"], fontSize=10, leading=17)

    sections: list[_Section] = []
    if per_volunteer:
        groups: dict[object, list[HoursLine]] = {}
        for line in lines:
            groups.setdefault(_person_key(line), []).append(line)
        for group in groups.values():
            sections.append(_Section("volunteer", group[0].volunteer, tuple(group)))
    else:
        teams: dict[str, list[HoursLine]] = {}
        for line in lines:
            teams.setdefault(line.team or NO_TEAM, []).append(line)
        for name, group in teams.items():
            sections.append(_Section("team", name, tuple(group)))
    reporter = ProgressReporter(options, max(1, len(sections)))
    month_title = _month_title(month)

    def detail_table(sec_lines: Sequence[HoursLine], with_name: bool) -> Table:
        head = ["日期", "姓名" if with_name else "队伍", "服务内容", "时长（小时）", "状态"]
        data = [[para(h, styles["head"]) for h in head]]
        cmds = table_style_commands(fonts.regular)
        groups: dict[object, list[HoursLine]] = {}
        for line in sec_lines:
            groups.setdefault(_person_key(line) if with_name else 0, []).append(line)
        for group in groups.values():
            for line in sorted(group, key=lambda x: x.date):
                who = line.volunteer if with_name else (line.team or NO_TEAM)
                state = "缺勤" if line.no_show else "已核实" if line.verified else "待核实"
                data.append([
                    para(f"{line.date:%m-%d}", styles["cell_centre"]), para(who, styles["cell"], fonts),
                    para(line.duty, styles["cell"], fonts),
                    para("—" if line.no_show else hours_text(line.hours), styles["num"]),
                    para(state, styles["ok"] if line.verified else styles["pending"]),
                ])
            if with_name and len(groups) > 1:
                row = len(data)
                data.append([para("", styles["cell"]),
                             para(f"{group[0].volunteer} 小计", styles["total"], fonts), "",
                             para(hours_text(_total(group)), styles["total_num"]), ""])
                cmds += [("BACKGROUND", (0, row), (-1, row), LIGHT), ("SPAN", (1, row), (2, row))]
        row = len(data)
        pending = _total(sec_lines, verified=False)
        missed = _missed(sec_lines)
        label = "合计（已核实）" + (f"，缺勤 {missed} 次" if missed else "")
        data.append([para("", styles["cell"]), para(label, styles["total"]), "",
                     para(hours_text(_total(sec_lines)), styles["total_num"]),
                     para(f"待核实 {hours_text(pending)}" if pending else "", styles["pending"])])
        cmds += [("BACKGROUND", (0, row), (-1, row), colors.HexColor("#fbe9e7")),
                 ("SPAN", (1, row), (2, row)), ("LINEABOVE", (0, row), (-1, row), 1, INK)]
        who_w = 30 * mm if with_name else 46 * mm  # team names are longer than people's
        cols = [18 * mm, who_w, width - 18 * mm - who_w - 26 * mm - 20 * mm, 26 * mm, 20 * mm]
        return Table(data, colWidths=cols, repeatRows=1, style=TableStyle(cmds))

    def summary_table(sec_lines: Sequence[HoursLine]) -> Table:
        head = ["序号", "姓名", "服务次数", "已核实（小时）", "待核实（小时）", "缺勤次数"]
        data = [[para(h, styles["head"]) for h in head]]
        groups: dict[object, list[HoursLine]] = {}
        for line in sec_lines:
            groups.setdefault(_person_key(line), []).append(line)
        for n, group in enumerate(groups.values(), start=1):
            pending = _total(group, verified=False)
            missed = _missed(group)
            data.append([para(str(n), styles["cell_centre"]),
                         para(group[0].volunteer, styles["cell"], fonts),
                         para(str(len(_served(group))), styles["num"]),
                         para(hours_text(_total(group)), styles["num"]),
                         para(hours_text(pending) if pending else "—", styles["num"]),
                         para(str(missed) if missed else "—", styles["num"])])
        row = len(data)
        pending = _total(sec_lines, verified=False)
        missed = _missed(sec_lines)
        data.append([para("", styles["cell"]), para(f"合计 {len(groups)} 人", styles["total"]),
                     para(str(len(_served(sec_lines))), styles["total_num"]),
                     para(hours_text(_total(sec_lines)), styles["total_num"]),
                     para(hours_text(pending) if pending else "—", styles["total_num"]),
                     para(str(missed) if missed else "—", styles["total_num"])])
        cmds = table_style_commands(fonts.regular) + [
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#fbe9e7")),
            ("LINEABOVE", (0, row), (-1, row), 1, INK),
            ("ROWBACKGROUNDS", (0, 1), (-1, row - 1), [colors.white, colors.HexColor("#f7f8fa")]),
        ]
        num = min(30 * mm, (width - 14 * mm - 30 * mm) / 4)
        cols = [14 * mm, width - 14 * mm - 4 * num, num, num, num, num]
        return Table(data, colWidths=cols, repeatRows=1, style=TableStyle(cmds))

    def sign_block(sec: _Section) -> KeepTogether:
        total = hours_text(_total(sec.lines))
        missed = _missed(sec.lines)
        if sec.kind == "volunteer":
            text = f"经核实，{sec.title}同志{month_title}累计参加志愿服务 {total} 小时。"
            if missed:
                text += f"另有 {missed} 次排班未到岗（缺勤）。"
        else:
            people = len({_person_key(x) for x in _served(sec.lines)})
            text = f"{sec.title}{month_title}共 {people} 人参加志愿服务，经核实累计 {total} 小时。"
            if missed:
                text += f"排班缺勤 {missed} 人次。"
        return KeepTogether([
            Spacer(1, 6 * mm), para(text, styles["body"], fonts), Spacer(1, 9 * mm),
            para("队长（签字）：__________________      社区（盖章）：__________________",
                 styles["sign"]),
            para("日期：______年____月____日", styles["sign"]),
        ])

    story: list = []
    for i, sec in enumerate(sections):
        if i:
            story.append(PageBreak())
        story.append(SectionMark(sec, reporter))
        if sec.kind == "team":
            story += [para("一、人员汇总", styles["h2"]), Spacer(1, 2 * mm),
                      summary_table(sec.lines), Spacer(1, 6 * mm),
                      para("二、服务明细", styles["h2"]), Spacer(1, 2 * mm),
                      detail_table(sec.lines, with_name=True)]
        else:
            story.append(detail_table(sec.lines, with_name=False))
        story.append(sign_block(sec))
    if not sections:
        story.append(SectionMark(_Section("team", "（无记录）", ())))
        story.append(para(f"{month_title}没有志愿服务时长记录。", styles["body"]))

    def header(c: Canvas, section: object, ts: Typesetter) -> None:
        if not isinstance(section, _Section):
            return
        w, h = pagesize
        top = h - margin
        ts.draw(c, w / 2, top - 7 * mm, "志愿服务时长统计表", 17, bold=True, color=INK,
                align="centre")
        who = "队伍" if section.kind == "team" else "志愿者"
        sub = f"{community}    {who}：{section.title}    统计月份：{month_title}".strip()
        ts.draw(c, w / 2, top - 12.8 * mm, ts.truncate(sub, w - 2 * margin, 9.5), 9.5,
                color=GREY, align="centre")
        c.saveState()
        c.setStrokeColor(RED)
        c.setLineWidth(1.2)
        c.line(margin, top - 15.5 * mm, w - margin, top - 15.5 * mm)
        c.restoreState()

    pages = build_document(
        out, options, ts, story, pagesize=pagesize,
        title=f"{community} 志愿服务时长统计表 {month}", subject="志愿服务时长统计表",
        author=community, header=header, header_height=19 * mm, margin=margin,
        footer_note=lambda _s: "仅统计经队长核实的时长" if lines else "",
    )
    reporter.finish()
    warnings = ("tibetan_font_missing",) if ts.missing_tibetan else ()
    return PrintResult(pages=pages, items=len(_served(lines)), warnings=warnings)


def community_name(session: Session) -> str:
    """The community's name for the statement's header."""
    return community_service.get_community(session).name
