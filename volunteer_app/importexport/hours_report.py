"""The monthly service-hours report as an .xlsx workbook for the office.

Three sheets: per volunteer, per team, and every entry of the month. Only verified hours
make the totals; unverified hours are shown in their own column and flagged in the
detail sheet, so a captain can see what still awaits verification. Headers are Chinese,
like the register's import/export columns, because the clerks work in Chinese Excel.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from ..errors import FieldProblem, ValidationError
from ..models.shifts import DUTY_TYPES
from ..services import hours as hours_service
from ..services import hours_reports as report_service
from ..services.community import get_community
from .tables import safe_cell

# 缺勤次数: planned duties not come to (no ledger entry; issue 18.16).
VOLUNTEER_HEADER = ("序号", "姓名", "所属队伍", "已核实时长(小时)", "未核实时长(小时)", "记录条数",
                    "缺勤次数")
TEAM_HEADER = ("序号", "队伍", "已核实时长(小时)", "未核实时长(小时)", "参与人数", "缺勤次数")
DETAIL_HEADER = ("日期", "姓名", "队伍", "服务内容", "来源", "时长(小时)", "是否核实", "记录编号")
SOURCE_ZH = {"assignment": "排班签到", "request": "居民诉求", "manual": "手工补录"}
DUTY_ZH = {
    "patrol": "巡逻", "small_inspection": "每日小排查", "big_inspection": "每周大排查",
    "persuasion": "文明劝导", "publicity": "宣传", "cleanup": "环境整治", "event": "活动",
    "other": "其他",
}
NO_TEAM = "(未指定队伍)"


def duty_text(duty: str) -> str:
    """A ledger duty as printed: a bare duty-type code becomes its Chinese name."""
    head, sep, rest = duty.partition(" · ")
    if head in DUTY_TYPES:
        head = DUTY_ZH.get(head, head)
    return head + sep + rest


@dataclass(frozen=True)
class ReportSummary:
    """What was written, for the command line and the UI."""

    month: str
    volunteers: int
    teams: int
    verified_hours: float
    unverified_hours: float
    entries: int


def write_hours_report(session: Session, month: str, path: Path) -> ReportSummary:
    """Write the month's hours report to ``path`` (.xlsx)."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(FieldProblem("output", "unsupported_format", path.suffix))
    report = report_service.monthly_report(session, month)
    lines = report_service.monthly_statement(session, month)
    community = get_community(session).name

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    bold = Font(bold=True)
    head_font = Font(bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor="B8322A")
    pending_fill = PatternFill("solid", fgColor="FDECEA")
    year, mon = month.split("-")
    title = f"{community or ''}志愿服务时长统计 {int(year)}年{int(mon)}月".strip()

    def sheet(ws, header: tuple[str, ...], widths: tuple[int, ...]) -> None:  # noqa: ANN001
        ws.append([title])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append(["只有经队长或协调员核实的时长计入合计。"])
        ws.append(list(header))
        for col, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(col)].width = width
            cell = ws.cell(row=3, column=col)
            cell.font, cell.fill = head_font, head_fill
            cell.alignment = Alignment(horizontal="center")
        ws.freeze_panes = "A4"

    ws = wb.active
    ws.title = "按志愿者"
    sheet(ws, VOLUNTEER_HEADER, (6, 14, 30, 18, 18, 10, 10))
    for n, v in enumerate(report.volunteers, start=1):
        ws.append([n, safe_cell(v.name), safe_cell("、".join(v.teams)), v.hours,
                   v.unverified_hours, v.entries, v.no_shows])
    ws.append(["", "合计", "", report.hours,
               hours_service.minutes_to_hours(report.unverified_minutes),
               sum(v.entries for v in report.volunteers), report.no_shows])
    for cell in ws[ws.max_row]:
        cell.font = bold

    ws = wb.create_sheet("按队伍")
    sheet(ws, TEAM_HEADER, (6, 26, 18, 18, 10, 10))
    for n, t in enumerate(report.teams, start=1):
        ws.append([n, safe_cell(t.name or NO_TEAM), t.hours, t.unverified_hours, t.volunteers,
                   t.no_shows])
    ws.append(["", "合计", report.hours,
               hours_service.minutes_to_hours(report.unverified_minutes),
               sum(1 for v in report.volunteers if v.entries), report.no_shows])
    for cell in ws[ws.max_row]:
        cell.font = bold

    ws = wb.create_sheet("明细")
    sheet(ws, DETAIL_HEADER, (12, 14, 24, 40, 12, 12, 10, 10))
    for line in lines:
        ws.append([line.date, safe_cell(line.volunteer), safe_cell(line.team or NO_TEAM),
                   safe_cell(duty_text(line.duty)), SOURCE_ZH.get(line.source, line.source),
                   line.hours, "是" if line.verified else "否", line.entry_id])
        ws.cell(row=ws.max_row, column=1).number_format = "yyyy-mm-dd"
        if not line.verified:
            for cell in ws[ws.max_row]:
                cell.fill = pending_fill

    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=4):
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = "0.00"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    wb.save(tmp)
    tmp.replace(path)  # never leave half a workbook where the clerk expects the report
    return ReportSummary(
        month=month, volunteers=len(report.volunteers), teams=len(report.teams),
        verified_hours=report.hours,
        unverified_hours=hours_service.minutes_to_hours(report.unverified_minutes),
        entries=len(lines),
    )
