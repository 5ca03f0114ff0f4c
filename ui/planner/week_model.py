"""The week grid's model: the plan of one ISO week laid out as lines of shifts.

Days are columns; rows are grouped by team or by grid (switchable). Within a group every
recurring duty (same times, type, title and place) gets its own line, so a template's
shifts line up across the week; each cell is one shift showing filled/needed, coloured by
its gaps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from ui.common.i18n import arg
from ui.planner.colours import (
    COLOUR_GROUP,
    COLOUR_HARD,
    COLOUR_HOLIDAY,
    COLOUR_SOFT,
    COLOUR_TEXT,
    fill_colour,
)
from ui.planner.volunteer_drag import MIME_VOLUNTEERS, decode_volunteer_ids
from ui.texts.planner import (
    WEEKDAYS,
    duty_type_text,
    holiday_text,
    status_text,
    time_span,
    tr_planner,
)
from volunteer_app.scheduling.holidays import HOLIDAY, MAKEUP, DayInfo
from volunteer_app.services.shifts import ShiftRow, WeekPlan

# UserRole + 2 is ROLE_VOLUNTEER_ID of the volunteer tables (ui.planner.volunteer_tables);
# the planner's item roles keep distinct numbers, as when they were declared together.
ROLE_SHIFT_ID = Qt.ItemDataRole.UserRole + 1
ROLE_ROW_KIND = Qt.ItemDataRole.UserRole + 3
# [(name, why)] of the volunteers on a shift who cannot serve it (services.shifts
# AssignedRow.clash): drawn red by the cell painter, named in the tooltip (issue 18).
ROLE_CLASHES = Qt.ItemDataRole.UserRole + 4
MODE_TEAMS, MODE_GRIDS = "teams", "grids"


def clash_text(clash: str | None) -> str:
    """Why a volunteer on a shift cannot serve it (services.shifts AssignedRow.clash)."""
    if clash == "leave":
        return QCoreApplication.translate("WeekModel", "on leave")
    if clash == "unavailable":
        return QCoreApplication.translate("WeekModel", "unavailable that day")
    if clash == "left":
        return QCoreApplication.translate("WeekModel", "has left")
    return clash or ""


@dataclass
class WeekRow:
    """A line of the week grid: a group heading, or one recurring duty with a shift per day."""

    kind: str  # "group" or "lane"
    label: str
    colour: str | None = None
    cells: list[ShiftRow | None] = field(default_factory=lambda: [None] * 7)


def _lane_key(s: ShiftRow) -> tuple:
    return (s.start, s.end, s.duty_type, s.title, s.grid_id or 0, s.location, s.team_id or 0)


def build_rows(plan: WeekPlan, mode: str, no_group: str) -> list[WeekRow]:
    """Group the week's shifts by team or grid, one line per recurring duty."""
    groups: dict[tuple, dict[tuple, list[list[ShiftRow]]]] = {}
    labels: dict[tuple, tuple[str, str | None]] = {}
    for s in plan.shifts:
        if mode == MODE_GRIDS:
            gkey = (0, s.grid_number or 0, s.grid or "") if s.grid_id else (1, 0, s.location or "")
            labels.setdefault(gkey, (s.grid or s.location or no_group, None))
        else:
            gkey = (0, s.team_id, "") if s.team_id else (1, 0, "")
            labels.setdefault(gkey, (s.team or no_group, s.team_colour))
        lanes = groups.setdefault(gkey, {})
        per_day = lanes.setdefault(_lane_key(s), [[] for _ in range(7)])
        per_day[(s.date - plan.monday).days].append(s)
    rows: list[WeekRow] = []
    for gkey in sorted(groups):
        label, colour = labels[gkey]
        rows.append(WeekRow("group", label, colour))
        for lkey in sorted(groups[gkey], key=lambda k: (k[0], k[1], k[3], k[5])):
            per_day = groups[gkey][lkey]
            sample = next(s for day in per_day for s in day)
            title = sample.title or duty_type_text(sample.duty_type)
            where = "" if mode == MODE_GRIDS else (sample.grid or "")
            text = f"{time_span(sample)}\n{title}" + (f" · {where}" if where and where not in title else "")
            for i in range(max(len(d) for d in per_day)):
                cells = [day[i] if i < len(day) else None for day in per_day]
                rows.append(WeekRow("lane", text, colour, cells))
    return rows


class WeekModel(QAbstractTableModel):
    """Rows of the week grid; column 0 names the duty, columns 1-7 hold Monday to Sunday.

    Volunteers dropped on a shift cell are announced through ``sig_drop_requested``; the
    view decides what to do (assign through the services).
    """

    sig_drop_requested = Signal(int, list)  # shift id, volunteer ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: WeekPlan | None = None
        self.rows: list[WeekRow] = []
        self.today = date.today()

    def set_plan(self, plan: WeekPlan, mode: str) -> None:
        self.beginResetModel()
        self.plan = plan
        self.today = date.today()
        self.rows = build_rows(plan, mode, self.tr("(no team / place)") if mode == MODE_TEAMS
                               else self.tr("(no grid / place)"))
        self.endResetModel()

    # -- reading --------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def shift_at(self, index: QModelIndex) -> ShiftRow | None:
        if not index.isValid() or index.column() == 0 or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()].cells[index.column() - 1]

    def index_of_shift(self, shift_id: int) -> QModelIndex:
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row.cells):
                if cell is not None and cell.id == shift_id:
                    return self.index(r, c + 1)
        return QModelIndex()

    def day(self, column: int) -> DayInfo | None:
        if self.plan is None or not 1 <= column <= 7:
            return None
        return self.plan.days[column - 1]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == ROLE_ROW_KIND:
            return row.kind
        if row.kind == "group":
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                return row.label
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(COLOUR_GROUP)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.DecorationRole and col == 0 and row.colour:
                return QColor(row.colour)
            return None
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.label
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(COLOUR_TEXT)
            return None
        shift = row.cells[col - 1]
        if shift is None:
            if role == Qt.ItemDataRole.BackgroundRole:
                day = self.day(col)
                if day is not None and day.kind == HOLIDAY:
                    return QBrush(COLOUR_HOLIDAY)
            return None
        if role == ROLE_SHIFT_ID:
            return shift.id
        if role == ROLE_CLASHES:
            return [(a.name, self.clash_text(a.clash)) for a in shift.on_shift if a.clash]
        if role == Qt.ItemDataRole.DisplayRole:
            names = "、".join(a.name + ("\u203b" if a.outside_availability else "")
                             for a in shift.on_shift)
            return f"{shift.filled}/{shift.needed}\n{names}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(fill_colour(shift))
        if role == Qt.ItemDataRole.ForegroundRole and any(a.clash for a in shift.on_shift):
            return QBrush(COLOUR_HARD)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(shift)
        return None

    def _tooltip(self, s: ShiftRow) -> str:
        lines = [f"{s.title or duty_type_text(s.duty_type)}",
                 f"{s.date:%Y-%m-%d} {time_span(s)}",
                 " · ".join(x for x in (s.team, s.grid, s.location) if x),
                 arg(self.tr("%1 of %2 places filled"), s.filled, s.needed)]
        for a in s.assigned:
            why = f" — {self.clash_text(a.clash)}" if a.clash and a.holds_place else ""
            if a.outside_availability and a.holds_place:  # issue 18.6: marked ※ in the cell
                why += " — " + self.tr("\u203b outside the times they offered")
            lines.append(f"  {a.name} — {status_text(a.status)}{why}")
        if any(a.clash for a in s.on_shift):
            lines.append(self.tr("Release the duty or find someone else (the candidates list)."))
        if s.notes:
            lines.append(s.notes)
        return "\n".join(x for x in lines if x)

    def clash_text(self, clash: str | None) -> str:
        return clash_text(clash)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Duty") if role == Qt.ItemDataRole.DisplayRole else None
        day = self.day(section)
        if day is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            head = f"{tr_planner(WEEKDAYS[section - 1])} {day.date:%m-%d}"
            if day.kind == HOLIDAY:
                return head + "\n" + (holiday_text(day) or self.tr("Holiday"))
            if day.kind == MAKEUP:
                return head + "\n" + self.tr("Make-up working day")
            return head + "\n" + (self.tr("Today") if day.date == self.today else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if day.kind == HOLIDAY:
                return QBrush(COLOUR_HARD)
            if day.kind == MAKEUP:
                return QBrush(COLOUR_SOFT)
            return None
        if role == Qt.ItemDataRole.FontRole and day.date == self.today:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if day.kind == HOLIDAY:
                return arg(self.tr("Statutory holiday: %1"), holiday_text(day))
            if day.kind == MAKEUP:
                return self.tr("Make-up working day: counts as a weekday")
        return None

    # -- drag and drop ------------------------------------------------------------------

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.shift_at(index) is not None:
            return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDropEnabled)
        return Qt.ItemFlag.ItemIsEnabled

    def mimeTypes(self) -> list[str]:
        return [MIME_VOLUNTEERS]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        return data.hasFormat(MIME_VOLUNTEERS) and self.shift_at(parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        """A drop on a shift cell asks for the dropped volunteers to be assigned to it."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        shift = self.shift_at(parent)
        ids = decode_volunteer_ids(data)
        if shift is None or not ids:
            return False
        self.sig_drop_requested.emit(shift.id, ids)
        # Nothing moves in the model itself: the view reloads after the assignment.
        return False
