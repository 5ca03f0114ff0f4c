"""The weekly planner (排班): a week grid of shifts, the selected shift's volunteers, and the
free volunteers for it, eligible first.

Layout: days are columns; rows are grouped by team or by grid (switchable). Within a group
every recurring duty (same times, type, title and place) gets its own line, so a template's
shifts line up across the week; each cell is one shift showing filled/needed, coloured by
its gaps. Drag a volunteer from the free list onto any shift, or double-click a volunteer to
put them on the selected shift. Hard conflicts ask for an override reason; soft ones warn.

All database work runs on ``ctx.worker``; the screen keeps only the plain rows the services
return (``WeekPlan``, ``ShiftRow``, ``CandidateRow``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from datetime import time as dtime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDate,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.texts.errors import error_text
from volunteer_app.errors import AppError
from volunteer_app.scheduling import holidays as hol
from volunteer_app.scheduling.conflicts import Conflict
from volunteer_app.scheduling.holidays import HOLIDAY, MAKEUP, DayInfo
from volunteer_app.scheduling.recurrence import Recurrence, cron_dates
from volunteer_app.services import availability as avail
from volunteer_app.services import grids as grid_service
from volunteer_app.services import shifts as svc
from volunteer_app.services import teams as team_service
from volunteer_app.services.shifts import CandidateRow, ShiftRow, WeekPlan

translate = QCoreApplication.translate

MIME_VOLUNTEERS = "application/x-volunteer-app-volunteer-ids"
ROLE_SHIFT_ID = Qt.ItemDataRole.UserRole + 1
ROLE_VOLUNTEER_ID = Qt.ItemDataRole.UserRole + 2
ROLE_ROW_KIND = Qt.ItemDataRole.UserRole + 3
MODE_TEAMS, MODE_GRIDS = "teams", "grids"

COLOUR_FULL = QColor("#d4efdf")
COLOUR_PART = QColor("#fdebd0")
COLOUR_EMPTY = QColor("#f9d6d2")
COLOUR_OVER = QColor("#d6eaf8")
COLOUR_HOLIDAY = QColor("#fdf2e9")
COLOUR_GROUP = QColor("#f3ede7")
COLOUR_TEXT = QColor("#2b1d19")
COLOUR_MUTED = QColor("#8a7a72")
COLOUR_HARD = QColor("#a93226")
COLOUR_SOFT = QColor("#9a6400")

DUTY_TYPES = {
    "patrol": QT_TRANSLATE_NOOP("PlannerView", "Patrol"),
    "small_inspection": QT_TRANSLATE_NOOP("PlannerView", "Daily small inspection"),
    "big_inspection": QT_TRANSLATE_NOOP("PlannerView", "Weekly big inspection"),
    "persuasion": QT_TRANSLATE_NOOP("PlannerView", "Civility persuasion"),
    "publicity": QT_TRANSLATE_NOOP("PlannerView", "Publicity"),
    "cleanup": QT_TRANSLATE_NOOP("PlannerView", "Cleanup"),
    "event": QT_TRANSLATE_NOOP("PlannerView", "Event"),
    "other": QT_TRANSLATE_NOOP("PlannerView", "Other duty"),
}
STATUSES = {
    "planned": QT_TRANSLATE_NOOP("PlannerView", "Planned"),
    "confirmed": QT_TRANSLATE_NOOP("PlannerView", "Confirmed"),
    "checked_in": QT_TRANSLATE_NOOP("PlannerView", "Checked in"),
    "completed": QT_TRANSLATE_NOOP("PlannerView", "Completed"),
    "no_show": QT_TRANSLATE_NOOP("PlannerView", "No-show"),
    "cancelled": QT_TRANSLATE_NOOP("PlannerView", "Cancelled"),
}
CONFLICTS = {
    "inactive": QT_TRANSLATE_NOOP("PlannerView", "has left (inactive)"),
    "on_leave": QT_TRANSLATE_NOOP("PlannerView", "on leave or unavailable that day"),
    "not_member": QT_TRANSLATE_NOOP("PlannerView", "not a member of the shift's team"),
    "overlap": QT_TRANSLATE_NOOP("PlannerView", "already on another shift at that time"),
    "full": QT_TRANSLATE_NOOP("PlannerView", "the shift is already full"),
    "outside_availability": QT_TRANSLATE_NOOP("PlannerView", "outside their available times"),
    "over_week_max": QT_TRANSLATE_NOOP("PlannerView", "over their weekly maximum"),
    "over_day_max": QT_TRANSLATE_NOOP("PlannerView", "over their daily maximum"),
    "short_rest": QT_TRANSLATE_NOOP("PlannerView", "less than 8 hours' rest between shifts"),
}
HOLIDAYS = {
    "new_years_day": QT_TRANSLATE_NOOP("PlannerView", "New Year's Day"),
    "spring_festival": QT_TRANSLATE_NOOP("PlannerView", "Spring Festival"),
    "tomb_sweeping_day": QT_TRANSLATE_NOOP("PlannerView", "Qingming Festival"),
    "labour_day": QT_TRANSLATE_NOOP("PlannerView", "Labour Day"),
    "dragon_boat_festival": QT_TRANSLATE_NOOP("PlannerView", "Dragon Boat Festival"),
    "national_day": QT_TRANSLATE_NOOP("PlannerView", "National Day"),
    "mid_autumn_festival": QT_TRANSLATE_NOOP("PlannerView", "Mid-Autumn Festival"),
    "anti_fascist_70th_day": QT_TRANSLATE_NOOP("PlannerView", "Victory Day (70th anniversary)"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("PlannerView", "Mon"), QT_TRANSLATE_NOOP("PlannerView", "Tue"),
    QT_TRANSLATE_NOOP("PlannerView", "Wed"), QT_TRANSLATE_NOOP("PlannerView", "Thu"),
    QT_TRANSLATE_NOOP("PlannerView", "Fri"), QT_TRANSLATE_NOOP("PlannerView", "Sat"),
    QT_TRANSLATE_NOOP("PlannerView", "Sun"),
)
CRON_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Error codes of the scheduling services (the shared error texts do not know them yet).
ERRORS = {
    "already_assigned": QT_TRANSLATE_NOOP("PlannerView", "The volunteer is already on this shift."),
    "assignment_has_record": QT_TRANSLATE_NOOP(
        "PlannerView", "This duty is already checked in, completed or marked no-show; change its status instead of removing it."),
    "assignment_not_found": QT_TRANSLATE_NOOP("PlannerView", "The volunteer is no longer on this shift."),
    "shift_not_found": QT_TRANSLATE_NOOP("PlannerView", "The shift no longer exists; it may have been deleted meanwhile."),
    "status_transition": QT_TRANSLATE_NOOP("PlannerView", "The duty's status cannot be changed that way."),
}


def tr_planner(text: str) -> str:
    """Translate a source text of the PlannerView context."""
    return translate("PlannerView", text)


def duty_type_text(code: str) -> str:
    return tr_planner(DUTY_TYPES.get(code, DUTY_TYPES["other"]))


def status_text(code: str) -> str:
    return tr_planner(STATUSES[code]) if code in STATUSES else code


def conflict_text(c: Conflict) -> str:
    """One conflict reason in the UI language, with its details where they help."""
    text = tr_planner(CONFLICTS[c.code]) if c.code in CONFLICTS else c.code
    d = c.detail()
    if c.code in ("over_week_max", "over_day_max"):
        return arg(translate("PlannerView", "%1 (%2 of at most %3)"), text, d.get("count"), d.get("limit"))
    if c.code == "short_rest":
        return arg(translate("PlannerView", "%1 (%2 h)"), text, d.get("hours"))
    if c.code == "on_leave":
        return arg(translate("PlannerView", "%1 (%2 to %3)"), text, d.get("start"), d.get("end"))
    return text


def holiday_text(day: DayInfo) -> str:
    """Name of a special day: the clerk's name, else the translated statutory holiday."""
    if day.name:
        return day.name
    if day.code in HOLIDAYS:
        return tr_planner(HOLIDAYS[day.code])
    return ""


def planner_error_text(exc: BaseException) -> str:
    """Messages for the scheduling error codes; everything else through the shared texts."""
    if isinstance(exc, AppError) and exc.code in ERRORS:
        return tr_planner(ERRORS[exc.code])
    if isinstance(exc, AppError) and exc.code == "batch_has_assignments":
        return translate("PlannerView", "The generated shifts already have volunteers on them.")
    return error_text(exc)


def time_span(shift: ShiftRow) -> str:
    """'19:30–21:30', with a next-day mark for overnight shifts."""
    text = f"{shift.start:%H:%M}\u2013{shift.end:%H:%M}"
    return text + translate("PlannerView", " (+1 day)") if shift.overnight else text


# ---------------------------------------------------------------------------- week model


@dataclass
class _Row:
    """A line of the week grid: a group heading, or one recurring duty with a shift per day."""

    kind: str  # "group" or "lane"
    label: str
    colour: str | None = None
    cells: list[ShiftRow | None] = field(default_factory=lambda: [None] * 7)


def _lane_key(s: ShiftRow) -> tuple:
    return (s.start, s.end, s.duty_type, s.title, s.grid_id or 0, s.location, s.team_id or 0)


def build_rows(plan: WeekPlan, mode: str, no_group: str) -> list[_Row]:
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
    rows: list[_Row] = []
    for gkey in sorted(groups):
        label, colour = labels[gkey]
        rows.append(_Row("group", label, colour))
        for lkey in sorted(groups[gkey], key=lambda k: (k[0], k[1], k[3], k[5])):
            per_day = groups[gkey][lkey]
            sample = next(s for day in per_day for s in day)
            title = sample.title or duty_type_text(sample.duty_type)
            where = "" if mode == MODE_GRIDS else (sample.grid or "")
            text = f"{time_span(sample)}\n{title}" + (f" · {where}" if where and where not in title else "")
            for i in range(max(len(d) for d in per_day)):
                cells = [day[i] if i < len(day) else None for day in per_day]
                rows.append(_Row("lane", text, colour, cells))
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
        self.rows: list[_Row] = []
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
        if role == Qt.ItemDataRole.DisplayRole:
            names = "、".join(a.name for a in shift.on_shift)
            return f"{shift.filled}/{shift.needed}\n{names}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(fill_colour(shift))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(shift)
        return None

    def _tooltip(self, s: ShiftRow) -> str:
        lines = [f"{s.title or duty_type_text(s.duty_type)}",
                 f"{s.date:%Y-%m-%d} {time_span(s)}",
                 " · ".join(x for x in (s.team, s.grid, s.location) if x),
                 arg(self.tr("%1 of %2 places filled"), s.filled, s.needed)]
        for a in s.assigned:
            lines.append(f"  {a.name} — {status_text(a.status)}")
        if s.notes:
            lines.append(s.notes)
        return "\n".join(x for x in lines if x)

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


def fill_colour(s: ShiftRow) -> QColor:
    """Green when full, amber with gaps, red when nobody is on it yet, blue when over-full."""
    if s.filled > s.needed:
        return COLOUR_OVER
    if s.filled == s.needed:
        return COLOUR_FULL
    return COLOUR_PART if s.filled else COLOUR_EMPTY


def encode_volunteer_ids(ids: Sequence[int]) -> QMimeData:
    """Drag payload for volunteers (also what tests construct)."""
    mime = QMimeData()
    mime.setData(MIME_VOLUNTEERS, QByteArray(",".join(str(i) for i in ids).encode()))
    return mime


def decode_volunteer_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(MIME_VOLUNTEERS):
        return []
    raw = bytes(mime.data(MIME_VOLUNTEERS).data()).decode(errors="replace")
    return [int(x) for x in raw.split(",") if x.strip().isdigit()]


def wrap_names(names: Sequence[str], fm: QFontMetrics, width: int, lines: int) -> list[str]:
    """Names joined with 、 over at most ``lines`` lines; what does not fit becomes "+N"."""
    out: list[str] = []
    current = ""
    for i, name in enumerate(names):
        joined = f"{current}、{name}" if current else name
        if fm.horizontalAdvance(joined) <= width or not current:
            current = joined
            continue
        if len(out) + 1 == lines:
            rest = f" +{len(names) - i}"
            out.append(fm.elidedText(current, Qt.TextElideMode.ElideRight,
                                     width - fm.horizontalAdvance(rest)) + rest)
            return out
        out.append(fm.elidedText(current, Qt.TextElideMode.ElideRight, width))
        current = name
    if current:
        out.append(fm.elidedText(current, Qt.TextElideMode.ElideRight, width))
    return out


class ShiftCellDelegate(QStyledItemDelegate):
    """Paints a shift as a small card: count and gap on top, then the names."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model = index.model()
        if index.column() == 0 or index.data(ROLE_ROW_KIND) == "group" or index.data(ROLE_SHIFT_ID) is None:
            super().paint(painter, option, index)
            return
        shift = model.shift_at(index) if isinstance(model, WeekModel) else None
        if shift is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect.adjusted(2, 2, -2, -2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill_colour(shift))
        painter.drawRoundedRect(rect, 4, 4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(QPen(QColor("#c0392b"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        text_rect = rect.adjusted(6, 3, -4, -2)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(COLOUR_TEXT)
        fm = QFontMetrics(bold)
        head = f"{shift.filled}/{shift.needed}"
        if shift.gap > 0:
            head += "  " + arg(translate("PlannerView", "%1 open"), shift.gap)
        painter.drawText(QRect(text_rect.left(), text_rect.top(), text_rect.width(), fm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, head)
        painter.setFont(option.font)
        fm = QFontMetrics(option.font)
        names = [a.name + ("\u2713" if a.status in ("confirmed", "checked_in", "completed") else "")
                 for a in shift.on_shift]
        top = text_rect.top() + fm.height() + 1
        room = max(1, (text_rect.bottom() - top + 4) // fm.height())
        for y, line in enumerate(wrap_names(names, fm, text_rect.width(), room)):
            painter.drawText(QRect(text_rect.left(), top + y * fm.height(), text_rect.width(), fm.height()),
                             Qt.AlignmentFlag.AlignLeft, line)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(110, fm.height() * 3 + 14)


class WeekTable(QTableView):
    """The week grid; accepts volunteers dropped on shift cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plannerWeekTable")
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setShowGrid(True)
        self.verticalHeader().hide()
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(ShiftCellDelegate(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 190)
        header.setMinimumSectionSize(80)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)


class CandidateTable(QTableWidget):
    """Free volunteers for the selected shift; rows can be dragged onto shifts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("plannerCandidates")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.setShowGrid(False)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def mimeTypes(self) -> list[str]:
        return [MIME_VOLUNTEERS]

    def mimeData(self, items: Sequence[QTableWidgetItem]) -> QMimeData:
        ids: list[int] = []
        for item in items:
            vid = self.item(item.row(), 0).data(ROLE_VOLUNTEER_ID)
            if vid is not None and int(vid) not in ids:
                ids.append(int(vid))
        return encode_volunteer_ids(ids)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class OverrideDialog(QDialog):
    """Asks for the reason to assign despite hard conflicts (stored with the assignment)."""

    def __init__(self, name: str, conflicts: Sequence[Conflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plannerOverrideDialog")
        self.setWindowTitle(self.tr("Assign despite conflicts?"))
        layout = QVBoxLayout(self)
        head = QLabel(arg(self.tr("%1 cannot normally take this shift:"), name), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        for c in conflicts:
            lab = QLabel("• " + conflict_text(c), self)
            lab.setStyleSheet(f"color: {(COLOUR_HARD if c.hard else COLOUR_SOFT).name()};")
            layout.addWidget(lab)
        layout.addWidget(QLabel(self.tr("Reason for assigning anyway (kept with the assignment):"), self))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("overrideReason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. the captain agreed by phone"))
        layout.addWidget(self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Assign anyway"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._on_reason_edit_text_changed)
        self._on_reason_edit_text_changed("")

    def _on_reason_edit_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()


class HolidaysDialog(QDialog):
    """The holiday table of one year: statutory holidays and make-up working days, editable.

    Rows come from chinese_calendar where it has data; the clerk adds regional holidays
    (e.g. 藏历新年), corrects days, and for a year without published data enters the
    schedule and marks the year complete, which removes the planner's notice.
    """

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.rows: list[hol.HolidayRow] = []
        self.setObjectName("plannerHolidaysDialog")
        self.setWindowTitle(self.tr("Holidays and make-up working days"))
        self.resize(640, 560)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2004, 2100)
        self.year_spin.setValue(year)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Name"), self.tr("Source")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for col in (0, 1, 3):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate(year, 1, 1))
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Holiday (day off)"), "holiday")
        self.kind_combo.addItem(self.tr("Make-up working day"), "workday")
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Name, e.g. 藏历新年"))
        self.set_button = QPushButton(self.tr("Add / change"), self)
        self.remove_button = QPushButton(self.tr("Make ordinary day"), self)
        self.confirm_button = QPushButton(self.tr("Mark year complete"), self)
        self.confirm_button.setToolTip(self.tr(
            "Declare that the table now holds this year's official schedule (removes the notice)"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year_spin)
        top.addStretch(1)
        top.addWidget(self.confirm_button)
        edit = QHBoxLayout()
        edit.addWidget(self.date_edit)
        edit.addWidget(self.kind_combo)
        edit.addWidget(self.name_edit, 1)
        edit.addWidget(self.set_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

        self.year_spin.valueChanged.connect(self._on_year_spin_changed)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.set_button.clicked.connect(self._on_set_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.load()

    def load(self) -> None:
        year = self.year
        self.ctx.worker.submit(lambda s: (hol.list_holidays(s, year), hol.year_status(s, year)),
                               lambda res: self._on_loaded(year, *res), self._on_failed, owner=self)

    def _on_loaded(self, year: int, rows: list[hol.HolidayRow], status: hol.YearStatus) -> None:
        if year != self.year:
            return
        self.rows = rows
        if status.source == "chinese_calendar":
            self.status_label.setText(self.tr("Official schedule from chinese_calendar; your changes are kept."))
        elif status.source == "manual":
            self.status_label.setText(self.tr("Entered by hand and marked complete."))
        else:
            self.status_label.setText(self.tr(
                "No official data for this year yet: planning uses weekends plus the days below. "
                "Enter the published schedule, then mark the year complete."))
        self.confirm_button.setEnabled(status.source is None)
        self.table.setRowCount(len(rows))
        for r, h in enumerate(rows):
            day = QTableWidgetItem(f"{h.date:%Y-%m-%d} {tr_planner(WEEKDAYS[h.date.weekday()])}")
            day.setData(Qt.ItemDataRole.UserRole, h.date.isoformat())
            kind = QTableWidgetItem(self.tr("Holiday") if h.kind == "holiday" else self.tr("Make-up working day"))
            kind.setForeground(QBrush(COLOUR_HARD if h.kind == "holiday" else COLOUR_SOFT))
            info = DayInfo(h.date, HOLIDAY, h.code, h.name)
            self.table.setItem(r, 0, day)
            self.table.setItem(r, 1, kind)
            self.table.setItem(r, 2, QTableWidgetItem(holiday_text(info)))
            self.table.setItem(r, 3, QTableWidgetItem(
                self.tr("chinese_calendar") if h.source == "chinese_calendar" else self.tr("by hand")))
        self.remove_button.setEnabled(False)

    def _on_year_spin_changed(self, year: int) -> None:
        self.year = year
        self.date_edit.setDate(QDate(year, 1, 1))
        self.load()

    def _selected(self) -> hol.HolidayRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _on_table_selection_changed(self) -> None:
        h = self._selected()
        self.remove_button.setEnabled(h is not None)
        if h is not None:
            self.date_edit.setDate(QDate(h.date.year, h.date.month, h.date.day))
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(h.kind))
            self.name_edit.setText(h.name)

    def _run(self, fn) -> None:  # noqa: ANN001
        self.ctx.worker.submit(fn, lambda _r: self._on_saved(), self._on_failed, owner=self)

    def _on_set_clicked(self) -> None:
        q = self.date_edit.date()
        day, kind, name = date(q.year(), q.month(), q.day()), self.kind_combo.currentData(), self.name_edit.text()
        self._run(lambda s: hol.set_holiday(s, day, kind, name))

    def _on_remove_clicked(self) -> None:
        h = self._selected()
        if h is not None:
            day = h.date
            self._run(lambda s: hol.remove_holiday(s, day))

    def _on_confirm_clicked(self) -> None:
        year = self.year
        self._run(lambda s: hol.confirm_year(s, year))

    def _on_saved(self) -> None:
        self.sig_changed.emit()
        self.load()

    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setText(planner_error_text(exc))


class TemplatesDialog(QDialog):
    """The recurring duty templates: list, add, change, delete.

    Days are ticked weekday boxes (stored as CronTrigger day names such as ``mon-fri``);
    a template with extra day-of-month or month rules (made on the command line) keeps them.
    """

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.templates: list[svc.TemplateRow] = []
        self._current: svc.TemplateRow | None = None
        self._keep_id: int | None = None  # template to select after a reload
        self.setObjectName("plannerTemplatesDialog")
        self.setWindowTitle(self.tr("Recurring duty templates"))
        self.resize(1100, 580)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Team"), self.tr("Days"), self.tr("Time"), self.tr("Needed")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, 4):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.name_edit = QLineEdit(self)
        self.type_combo = QComboBox(self)
        for code, text in DUTY_TYPES.items():
            self.type_combo.addItem(tr_planner(text), code)
        self.team_combo = QComboBox(self)
        self.grid_combo = QComboBox(self)
        self.location_edit = QLineEdit(self)
        self.start_edit = QTimeEdit(self)
        self.end_edit = QTimeEdit(self)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        self.needed_spin = QSpinBox(self)
        self.needed_spin.setRange(1, 99)
        self.day_boxes = [QCheckBox(tr_planner(WEEKDAYS[i]), self) for i in range(7)]
        self.holidays_check = QCheckBox(self.tr("Also on statutory holidays"), self)
        self.makeup_check = QCheckBox(self.tr("Make-up working days count as weekdays"), self)
        self.active_check = QCheckBox(self.tr("Active (used when generating)"), self)
        self.extra_label = QLabel(self)
        self.extra_label.setObjectName("hint")
        self.extra_label.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        days = QHBoxLayout()
        for box in self.day_boxes:
            days.addWidget(box)
        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel("\u2013", self))
        times.addWidget(self.end_edit)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Duty type"), self.type_combo)
        form.addRow(self.tr("Team"), self.team_combo)
        form.addRow(self.tr("Grid"), self.grid_combo)
        form.addRow(self.tr("Place"), self.location_edit)
        form.addRow(self.tr("Time"), times)
        form.addRow(self.tr("People needed"), self.needed_spin)
        form.addRow(self.tr("Days"), days)
        form.addRow("", self.holidays_check)
        form.addRow("", self.makeup_check)
        form.addRow("", self.active_check)
        form.addRow("", self.extra_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.message)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)

        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self._on_new_clicked()
        self.load()

    def load(self) -> None:
        def work(s):  # noqa: ANN001, ANN202
            return svc.list_templates(s), team_service.list_teams(s), grid_service.list_grids(s)

        self.ctx.worker.submit(work, self._on_loaded, self._on_failed, owner=self)

    def _on_loaded(self, result: tuple) -> None:
        templates, teams, grids = result
        self.templates = templates
        for combo, rows, none in ((self.team_combo, teams, self.tr("(no team)")),
                                  (self.grid_combo, grids, self.tr("(no grid)"))):
            keep = combo.currentData()
            combo.clear()
            combo.addItem(none, None)
            for row in rows:
                combo.addItem(row.name, row.id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
        keep_id = self._keep_id
        self.table.blockSignals(True)
        self.table.setRowCount(len(templates))
        for r, t in enumerate(templates):
            name = QTableWidgetItem(t.name)
            name.setData(Qt.ItemDataRole.UserRole, t.id)
            cells = [name, QTableWidgetItem(t.team or ""), QTableWidgetItem(days_text(t.day_of_week)),
                     QTableWidgetItem(f"{t.start_time:%H:%M}\u2013{t.end_time:%H:%M}"),
                     QTableWidgetItem(str(t.needed))]
            for c, item in enumerate(cells):
                if not t.active:
                    item.setForeground(QBrush(COLOUR_MUTED))
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        row = next((r for r, t in enumerate(templates) if t.id == keep_id), -1)
        if row >= 0:
            self.table.blockSignals(True)
            self.table.selectRow(row)
            self.table.blockSignals(False)
            self._show(templates[row], keep_message=True)

    def _on_table_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._show(self.templates[rows[0].row()])

    def _show(self, t: svc.TemplateRow | None, keep_message: bool = False) -> None:
        self._current = t
        self._keep_id = t.id if t else None
        self.delete_button.setEnabled(t is not None)
        if not keep_message:
            self.message.setText("")
        if t is None:
            self.name_edit.clear()
            self.type_combo.setCurrentIndex(0)
            self.team_combo.setCurrentIndex(0)
            self.grid_combo.setCurrentIndex(0)
            self.location_edit.clear()
            self.start_edit.setTime(QTime(19, 0))
            self.end_edit.setTime(QTime(21, 0))
            self.needed_spin.setValue(2)
            for box in self.day_boxes:
                box.setChecked(True)
            self.holidays_check.setChecked(True)
            self.makeup_check.setChecked(True)
            self.active_check.setChecked(True)
            self.extra_label.setText("")
            return
        self.name_edit.setText(t.name)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(t.duty_type)))
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(t.team_id)))
        self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(t.grid_id)))
        self.location_edit.setText(t.location)
        self.start_edit.setTime(QTime(t.start_time.hour, t.start_time.minute))
        self.end_edit.setTime(QTime(t.end_time.hour, t.end_time.minute))
        self.needed_spin.setValue(t.needed)
        fired = weekdays_of(t.day_of_week)
        for i, box in enumerate(self.day_boxes):
            box.setChecked(i in fired)
        self.holidays_check.setChecked(t.on_holidays)
        self.makeup_check.setChecked(t.makeup_as_weekday)
        self.active_check.setChecked(t.active)
        extra = [x for x in (t.day != "*" and f"day={t.day}", t.month != "*" and f"month={t.month}") if x]
        self.extra_label.setText(arg(self.tr("Also limited to: %1"), ", ".join(extra)) if extra else "")

    def _on_new_clicked(self) -> None:
        self.table.clearSelection()
        self._show(None)

    def _data(self) -> svc.TemplateData | None:
        ticked = [i for i, box in enumerate(self.day_boxes) if box.isChecked()]
        if not ticked:
            self.message.setText(self.tr("Tick at least one day."))
            return None
        start, end = self.start_edit.time(), self.end_edit.time()
        t = self._current
        return svc.TemplateData(
            name=self.name_edit.text(), start_time=dtime(start.hour(), start.minute()),
            end_time=dtime(end.hour(), end.minute()), duty_type=self.type_combo.currentData(),
            team_id=self.team_combo.currentData(), grid_id=self.grid_combo.currentData(),
            location=self.location_edit.text(), needed=self.needed_spin.value(),
            notes=t.notes if t else "", day_of_week=cron_days(ticked),
            day=t.day if t else "*", month=t.month if t else "*",
            valid_from=t.valid_from if t else None, valid_until=t.valid_until if t else None,
            on_holidays=self.holidays_check.isChecked(),
            makeup_as_weekday=self.makeup_check.isChecked(), active=self.active_check.isChecked())

    def _on_save_clicked(self) -> None:
        data = self._data()
        if data is None:
            return
        tid = self._current.id if self._current else None
        version = self._current.version if self._current else None

        def work(s):  # noqa: ANN001, ANN202
            return svc.save_template(s, tid, data, expected_version=version)

        self.ctx.worker.submit(work, self._on_saved, self._on_failed, owner=self)

    def _on_saved(self, template_id: int) -> None:
        self._keep_id = template_id
        self.sig_changed.emit()
        self.load()
        self.message.setText(self.tr("Saved. \u201cGenerate from templates\u201d creates the shifts."))

    def _on_delete_clicked(self) -> None:
        if self._current is None:
            return
        tid = self._current.id
        self._current = None
        self.ctx.worker.submit(lambda s: svc.delete_template(s, tid),
                               lambda _r: (self._show(None), self.sig_changed.emit(), self.load()),
                               self._on_failed, owner=self)

    def _on_failed(self, exc: BaseException) -> None:
        self.message.setText(planner_error_text(exc))


def weekdays_of(day_of_week: str) -> set[int]:
    """Weekdays (0 = Monday) a CronTrigger day_of_week expression fires on."""
    monday = date(2024, 1, 1)
    try:
        fired = cron_dates(Recurrence(dtime(12), day_of_week=day_of_week or "*"), monday,
                           monday + timedelta(days=6), ZoneInfo("UTC"))
    except ValueError:
        return set()
    return {d.weekday() for d in fired}


def cron_days(weekdays: Sequence[int]) -> str:
    """CronTrigger day names for ticked weekdays: ``*``, ``mon-fri``, ``sat,sun``, ``mon,wed``."""
    days = sorted(set(weekdays))
    if days == list(range(7)):
        return "*"
    if days == list(range(5)):
        return "mon-fri"
    return ",".join(CRON_DAYS[d] for d in days)


def days_text(day_of_week: str) -> str:
    """Weekdays of a template for lists: every day, Mon–Fri, or the day names."""
    days = sorted(weekdays_of(day_of_week))
    if days == list(range(7)):
        return translate("PlannerView", "Every day")
    if days == list(range(5)):
        return translate("PlannerView", "Mon\u2013Fri")
    return "\u3001".join(tr_planner(WEEKDAYS[d]) for d in days)


class AvailabilityDialog(QDialog):
    """When one volunteer can serve: weekly windows, duty limits and leave ranges."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, volunteer_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volunteer_id = volunteer_id
        self.leaves: list = []
        self.setObjectName("plannerAvailabilityDialog")
        self.setWindowTitle(arg(self.tr("Availability of %1"), name))
        self.resize(620, 600)
        self.windows_table = QTableWidget(0, 3, self)
        self.windows_table.setHorizontalHeaderLabels([self.tr("Weekday"), self.tr("From"), self.tr("To")])
        self.windows_table.verticalHeader().hide()
        self.windows_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_window_button = QPushButton(self.tr("Add window"), self)
        self.remove_window_button = QPushButton(self.tr("Remove window"), self)
        self.week_spin = QSpinBox(self)
        self.day_spin = QSpinBox(self)
        for spin in (self.week_spin, self.day_spin):
            spin.setRange(-1, 50)
            spin.setSpecialValueText(self.tr("no limit"))
            spin.setValue(-1)
        self.save_button = QPushButton(self.tr("Save windows and limits"), self)
        self.save_button.setEnabled(False)  # until the current values are loaded
        self.leave_table = QTableWidget(0, 4, self)
        self.leave_table.setHorizontalHeaderLabels(
            [self.tr("From"), self.tr("To"), self.tr("Kind"), self.tr("Reason")])
        self.leave_table.verticalHeader().hide()
        self.leave_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.leave_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.leave_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.leave_from = QDateEdit(self)
        self.leave_to = QDateEdit(self)
        today = date.today()
        for edit in (self.leave_from, self.leave_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(today.year, today.month, today.day))
        self.leave_kind = QComboBox(self)
        self.leave_kind.addItem(self.tr("Leave"), "leave")
        self.leave_kind.addItem(self.tr("Unavailable"), "unavailable")
        self.leave_reason = QLineEdit(self)
        self.leave_reason.setPlaceholderText(self.tr("Reason (optional)"))
        self.add_leave_button = QPushButton(self.tr("Add leave"), self)
        self.remove_leave_button = QPushButton(self.tr("Remove leave"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        windows_box = QGroupBox(self.tr("Weekly availability (none = any time)"), self)
        wl = QVBoxLayout(windows_box)
        wl.addWidget(self.windows_table)
        row = QHBoxLayout()
        row.addWidget(self.add_window_button)
        row.addWidget(self.remove_window_button)
        row.addStretch(1)
        wl.addLayout(row)
        limits = QFormLayout()
        limits.addRow(self.tr("At most per week"), self.week_spin)
        limits.addRow(self.tr("At most per day"), self.day_spin)
        wl.addLayout(limits)
        wl.addWidget(self.save_button)
        leave_box = QGroupBox(self.tr("Leave and unavailable days"), self)
        ll = QVBoxLayout(leave_box)
        ll.addWidget(self.leave_table)
        add = QHBoxLayout()
        add.addWidget(self.leave_from)
        add.addWidget(self.leave_to)
        add.addWidget(self.leave_kind)
        add.addWidget(self.leave_reason, 1)
        ll.addLayout(add)
        row = QHBoxLayout()
        row.addWidget(self.add_leave_button)
        row.addWidget(self.remove_leave_button)
        row.addStretch(1)
        ll.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(windows_box, 1)
        layout.addWidget(leave_box, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)

        self.add_window_button.clicked.connect(lambda: self._add_window_row(0, dtime(18), dtime(22)))
        self.remove_window_button.clicked.connect(self._on_remove_window_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.add_leave_button.clicked.connect(self._on_add_leave_clicked)
        self.remove_leave_button.clicked.connect(self._on_remove_leave_clicked)
        self.load()

    def load(self) -> None:
        vid = self.volunteer_id
        self.ctx.worker.submit(lambda s: avail.get_availability(s, vid), self._on_loaded,
                               self._on_failed, owner=self)

    def _on_loaded(self, info: avail.AvailabilityInfo) -> None:
        self.save_button.setEnabled(True)
        self.windows_table.setRowCount(0)
        for w in info.windows:
            self._add_window_row(w.weekday, w.start, w.end)
        self.week_spin.setValue(-1 if info.max_per_week is None else info.max_per_week)
        self.day_spin.setValue(-1 if info.max_per_day is None else info.max_per_day)
        self.leaves = list(info.leaves)
        self.leave_table.setRowCount(len(self.leaves))
        for r, x in enumerate(self.leaves):
            kind = self.tr("Leave") if x.kind == "leave" else self.tr("Unavailable")
            for c, text in enumerate((x.start.isoformat(), x.end.isoformat(), kind, x.reason)):
                self.leave_table.setItem(r, c, QTableWidgetItem(text))

    def _add_window_row(self, weekday: int, start: dtime, end: dtime) -> None:
        r = self.windows_table.rowCount()
        self.windows_table.insertRow(r)
        combo = QComboBox(self.windows_table)
        for i, text in enumerate(WEEKDAYS):
            combo.addItem(tr_planner(text), i)
        combo.setCurrentIndex(weekday)
        self.windows_table.setCellWidget(r, 0, combo)
        for c, value in ((1, start), (2, end)):
            edit = QTimeEdit(QTime(value.hour, value.minute), self.windows_table)
            edit.setDisplayFormat("HH:mm")
            self.windows_table.setCellWidget(r, c, edit)

    def windows(self) -> list[tuple[int, dtime, dtime]]:
        out = []
        for r in range(self.windows_table.rowCount()):
            wd = self.windows_table.cellWidget(r, 0).currentData()
            st = self.windows_table.cellWidget(r, 1).time()
            en = self.windows_table.cellWidget(r, 2).time()
            out.append((int(wd), dtime(st.hour(), st.minute()), dtime(en.hour(), en.minute())))
        return out

    def _on_remove_window_clicked(self) -> None:
        row = self.windows_table.currentRow()
        if row < 0:
            row = self.windows_table.rowCount() - 1
        if row >= 0:
            self.windows_table.removeRow(row)

    def _on_save_clicked(self) -> None:
        vid, windows = self.volunteer_id, self.windows()
        week = None if self.week_spin.value() < 0 else self.week_spin.value()
        day = None if self.day_spin.value() < 0 else self.day_spin.value()

        def work(s):  # noqa: ANN001, ANN202
            avail.set_windows(s, vid, windows)
            avail.set_limits(s, vid, week, day)

        self.ctx.worker.submit(work, lambda _r: self._done(self.tr("Saved.")), self._on_failed, owner=self)

    def _on_add_leave_clicked(self) -> None:
        a, b = self.leave_from.date(), self.leave_to.date()
        start, end = date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())
        vid, kind, reason = self.volunteer_id, self.leave_kind.currentData(), self.leave_reason.text()
        self.ctx.worker.submit(lambda s: avail.add_leave(s, vid, start, end, kind, reason),
                               lambda _r: self._done(self.tr("Leave recorded.")), self._on_failed,
                               owner=self)

    def _on_remove_leave_clicked(self) -> None:
        rows = self.leave_table.selectionModel().selectedRows()
        if not rows:
            return
        leave_id = self.leaves[rows[0].row()].id
        self.ctx.worker.submit(lambda s: avail.remove_leave(s, leave_id),
                               lambda _r: self._done(self.tr("Leave removed.")), self._on_failed,
                               owner=self)

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.sig_changed.emit()
        self.load()

    def _on_failed(self, exc: BaseException) -> None:
        self.message.setText(planner_error_text(exc))


# ---------------------------------------------------------------------------- the screen


class PlannerView(QWidget):
    """The 排班 screen: week navigation, the week grid, the selected shift and free volunteers."""

    sig_week_loaded = Signal(object)  # the WeekPlan shown
    sig_candidates_loaded = Signal(int)  # shift id whose free volunteers are listed
    sig_assignment_changed = Signal(int)  # shift id changed by this screen
    sig_message = Signal(str)  # result or warning shown under the grid

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("plannerView")
        self.monday = svc.monday_of(date.today())
        self.mode = MODE_TEAMS
        self.plan: WeekPlan | None = None
        self.candidates: list[CandidateRow] = []
        self._selected_shift_id: int | None = None
        self._loads_pending = 0
        self._override_dialog: OverrideDialog | None = None
        self._holidays_dialog: HolidaysDialog | None = None
        self._templates_dialog: TemplatesDialog | None = None
        self._availability_dialog: AvailabilityDialog | None = None

        title = QLabel(self.tr("Schedule"), self)
        title.setObjectName("pageTitle")
        self.prev_button = QPushButton(self.tr("\u25c0 Previous week"), self)
        self.today_button = QPushButton(self.tr("This week"), self)
        self.next_button = QPushButton(self.tr("Next week \u25b6"), self)
        self.week_label = QLabel(self)
        self.week_label.setObjectName("plannerWeekLabel")
        font = self.week_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.week_label.setFont(font)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setToolTip(self.tr("Go to the week of a date"))
        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem(self.tr("Rows: teams"), MODE_TEAMS)
        self.mode_combo.addItem(self.tr("Rows: grids"), MODE_GRIDS)
        self.generate_button = QPushButton(self.tr("Generate from templates"), self)
        self.generate_button.setToolTip(self.tr(
            "Create this week's shifts from the recurring duty templates (shifts already there are kept)"))
        self.templates_button = QPushButton(self.tr("Duty templates\u2026"), self)
        self.templates_button.setToolTip(self.tr("Recurring duties the week's shifts are generated from"))
        self.holidays_button = QPushButton(self.tr("Holidays\u2026"), self)
        self.holidays_button.setToolTip(self.tr("Statutory holidays and make-up working days (editable)"))
        self.copy_button = QPushButton(self.tr("Copy previous week"), self)
        self.copy_button.setToolTip(self.tr(
            "Put last week's volunteers on this week's matching shifts (checked for conflicts)"))
        self.autofill_button = QPushButton(self.tr("Auto-fill\u2026"), self)
        self.autofill_button.setObjectName("plannerAutofill")
        self.autofill_button.setToolTip(self.tr(
            "Propose volunteers for this week's open places, fairly; you review and apply"))

        nav = QHBoxLayout()
        nav.addWidget(title)
        nav.addSpacing(16)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.today_button)
        nav.addWidget(self.next_button)
        nav.addSpacing(12)
        nav.addWidget(self.week_label)
        nav.addStretch(1)
        nav.addWidget(self.date_edit)
        nav.addWidget(self.mode_combo)
        nav.addWidget(self.templates_button)
        nav.addWidget(self.generate_button)
        nav.addWidget(self.holidays_button)
        nav.addWidget(self.copy_button)
        nav.addWidget(self.autofill_button)

        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("plannerHolidayNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "background: #fef5e7; border: 1px solid #f5cba7; border-radius: 4px; padding: 4px 8px;"
            " color: #7e5109;")
        self.notice_label.hide()

        self.model = WeekModel(self)
        self.table = WeekTable(self)
        self.table.setModel(self.model)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("plannerMessage")
        self.message_label.setWordWrap(True)
        legend = QLabel(self)
        legend.setObjectName("hint")
        legend.setText(self.tr("Colours: green = full, amber = places open, red = nobody yet. "
                               "\u2713 = confirmed. Drag a volunteer onto any shift."))
        legend.setWordWrap(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.summary_label)
        left_layout.addWidget(legend)
        left_layout.addWidget(self.message_label)

        # The selected shift and who is on it.
        self.shift_box = QGroupBox(self.tr("Selected shift"), self)
        self.shift_title = QLabel(self.shift_box)
        self.shift_title.setWordWrap(True)
        self.shift_title.setObjectName("plannerShiftTitle")
        self.assigned_table = QTableWidget(0, 2, self.shift_box)
        self.assigned_table.setObjectName("plannerAssigned")
        self.assigned_table.setHorizontalHeaderLabels([self.tr("On this shift"), self.tr("Status")])
        self.assigned_table.verticalHeader().hide()
        self.assigned_table.verticalHeader().setDefaultSectionSize(26)
        self.assigned_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assigned_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.assigned_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assigned_table.setShowGrid(False)
        self.assigned_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.assigned_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.remove_button = QPushButton(self.tr("Remove"), self.shift_box)
        self.confirm_button = QPushButton(self.tr("Mark confirmed"), self.shift_box)
        self.confirm_all_button = QPushButton(self.tr("Confirm all"), self.shift_box)
        self.checkin_button = QPushButton(self.tr("Check-in\u2026"), self.shift_box)
        self.checkin_button.setToolTip(self.tr("Record who arrived and left, or did not come"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.confirm_all_button)
        buttons.addWidget(self.checkin_button)
        buttons.addStretch(1)
        shift_layout = QVBoxLayout(self.shift_box)
        shift_layout.addWidget(self.shift_title)
        shift_layout.addWidget(self.assigned_table, 1)
        shift_layout.addLayout(buttons)

        self.free_box = QGroupBox(self.tr("Free volunteers"), self)
        self.free_hint = QLabel(self.free_box)
        self.free_hint.setObjectName("hint")
        self.free_hint.setWordWrap(True)
        self.candidate_table = CandidateTable(self.free_box)
        self.candidate_table.setHorizontalHeaderLabels(
            [self.tr("Volunteer"), self.tr("This week"), self.tr("Why not")])
        self.assign_button = QPushButton(self.tr("Assign to shift"), self.free_box)
        self.availability_button = QPushButton(self.tr("Availability\u2026"), self.free_box)
        self.availability_button.setToolTip(self.tr("Weekly times, limits and leave of the selected volunteer"))
        free_layout = QVBoxLayout(self.free_box)
        free_layout.addWidget(self.free_hint)
        free_layout.addWidget(self.candidate_table, 1)
        free_buttons = QHBoxLayout()
        free_buttons.addWidget(self.assign_button, 1)
        free_buttons.addWidget(self.availability_button)
        free_layout.addLayout(free_buttons)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.shift_box, 2)
        right_layout.addWidget(self.free_box, 3)

        splitter = QSplitter(self)
        splitter.setObjectName("plannerSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 360])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(nav)
        layout.addWidget(self.notice_label)
        layout.addWidget(splitter, 1)

        self.prev_button.clicked.connect(self._on_prev_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.today_button.clicked.connect(self._on_today_clicked)
        self.date_edit.dateChanged.connect(self._on_date_edit_changed)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_combo_changed)
        self.generate_button.clicked.connect(self._on_generate_clicked)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.holidays_button.clicked.connect(self._on_holidays_clicked)
        self.templates_button.clicked.connect(self._on_templates_clicked)
        self.availability_button.clicked.connect(self._on_availability_clicked)
        self.table.selectionModel().currentChanged.connect(self._on_table_current_changed)
        self.model.sig_drop_requested.connect(self._on_model_drop_requested)
        self.model.modelReset.connect(self._on_model_reset)
        self.candidate_table.itemDoubleClicked.connect(self._on_candidate_double_clicked)
        self.candidate_table.itemSelectionChanged.connect(self._update_buttons)
        self.assigned_table.itemSelectionChanged.connect(self._update_buttons)
        self.assign_button.clicked.connect(self._on_assign_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.confirm_all_button.clicked.connect(self._on_confirm_all_clicked)
        self.autofill_button.clicked.connect(self._on_autofill_clicked)
        self.checkin_button.clicked.connect(self._on_checkin_clicked)
        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)
        self.sig_message.connect(self.message_label.setText)

        self._show_shift(None)
        self._sync_date_edit()
        self.load_week()

    # -- loading ------------------------------------------------------------------------

    def load_week(self) -> None:
        """Reload the week shown (and the free volunteers of the selected shift)."""
        monday = self.monday
        self._loads_pending += 1
        self.week_label.setText(self._week_text(monday))
        self.ctx.worker.submit(lambda s: svc.week_plan(s, monday),
                               lambda plan: self._on_week_loaded(monday, plan),
                               self._on_load_failed, owner=self, label="planner week")

    def refresh(self) -> None:
        """Called when the screen is shown: reload unless a load is already on its way."""
        if self._loads_pending == 0:
            self.load_week()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loads_pending = max(0, self._loads_pending - 1)
        self._show_error(exc)

    def _on_week_loaded(self, monday: date, plan: WeekPlan) -> None:
        self._loads_pending = max(0, self._loads_pending - 1)
        if monday != self.monday:
            return  # the clerk moved on to another week meanwhile
        self.plan = plan
        self.model.set_plan(plan, self.mode)
        self._show_notice(plan)
        self._show_summary(plan)
        self.sig_week_loaded.emit(plan)

    def _on_model_reset(self) -> None:
        self.table.clearSpans()
        for r, row in enumerate(self.model.rows):
            if row.kind == "group":
                self.table.setSpan(r, 0, 1, 8)
        # Lanes are tall enough for the count and two lines of names.
        fm = QFontMetrics(self.table.font())
        self.table.verticalHeader().setDefaultSectionSize(fm.height() * 3 + 14)
        for r, row in enumerate(self.model.rows):
            if row.kind == "group":
                self.table.setRowHeight(r, fm.height() + 10)
        self.table.horizontalHeader().setMinimumHeight(fm.height() * 2 + 10)
        # Keep the selected shift selected across reloads.
        if self._selected_shift_id is not None:
            index = self.model.index_of_shift(self._selected_shift_id)
            if index.isValid():
                self.table.setCurrentIndex(index)
                self._show_shift(self.model.shift_at(index))
                self.load_candidates()
            else:
                self._selected_shift_id = None
                self._show_shift(None)

    def _week_text(self, monday: date) -> str:
        iso = monday.isocalendar()
        sunday = monday + timedelta(days=6)
        return arg(self.tr("%1 week %2 (%3) · %4 – %5"), iso[0], iso[1], svc.week_label(monday),
                   f"{monday:%m-%d}", f"{sunday:%m-%d}")

    def _show_notice(self, plan: WeekPlan) -> None:
        if plan.holiday_notice:
            years = "、".join(str(y) for y in plan.uncovered_years)
            self.notice_label.setText(arg(self.tr(
                "No official holiday schedule for %1 yet: days off are weekends plus the holidays "
                "entered by hand. Statutory holidays and make-up working days may be missing."), years))
            self.notice_label.show()
        else:
            self.notice_label.hide()

    def _show_summary(self, plan: WeekPlan) -> None:
        needed = sum(s.needed for s in plan.shifts)
        filled = sum(min(s.filled, s.needed) for s in plan.shifts)
        gaps = sum(1 for s in plan.shifts if s.gap > 0)
        self.summary_label.setText(arg(self.tr("%1 shifts · %2 of %3 places filled · %4 shifts with gaps"),
                                       len(plan.shifts), filled, needed, gaps))

    # -- navigation ---------------------------------------------------------------------

    def go_to_week(self, day: date) -> None:
        """Show the ISO week holding ``day``."""
        monday = svc.monday_of(day)
        if monday == self.monday and self.plan is not None:
            return
        self.monday = monday
        self._selected_shift_id = None
        self._show_shift(None)
        self._sync_date_edit()
        self.load_week()

    def _sync_date_edit(self) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.monday.year, self.monday.month, self.monday.day))
        self.date_edit.blockSignals(False)

    def _on_prev_clicked(self) -> None:
        self.go_to_week(self.monday - timedelta(days=7))

    def _on_next_clicked(self) -> None:
        self.go_to_week(self.monday + timedelta(days=7))

    def _on_today_clicked(self) -> None:
        self.go_to_week(date.today())

    def _on_date_edit_changed(self, qdate: QDate) -> None:
        self.go_to_week(date(qdate.year(), qdate.month(), qdate.day()))

    def set_mode(self, mode: str) -> None:
        """Rows by team (``"teams"``) or by grid (``"grids"``)."""
        i = self.mode_combo.findData(mode)
        if i >= 0 and self.mode_combo.currentIndex() != i:
            self.mode_combo.setCurrentIndex(i)

    def _on_mode_combo_changed(self, _index: int) -> None:
        self.mode = self.mode_combo.currentData()
        if self.plan is not None:
            self.model.set_plan(self.plan, self.mode)

    # -- the selected shift -------------------------------------------------------------

    def select_shift(self, shift_id: int) -> bool:
        """Select a shift in the grid (as a click would); False if it is not shown."""
        index = self.model.index_of_shift(shift_id)
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def selected_shift(self) -> ShiftRow | None:
        return self.model.shift_at(self.table.currentIndex())

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        shift = self.model.shift_at(current)
        self._selected_shift_id = shift.id if shift else None
        self._show_shift(shift)
        if shift is not None:
            self.load_candidates()

    def _show_shift(self, shift: ShiftRow | None) -> None:
        self.assigned_table.setRowCount(0)
        if shift is None:
            self.shift_title.setText(self.tr("Click a shift in the week to see who is on it "
                                             "and who could take it."))
            self.candidates = []
            self._fill_candidates([])
            self.free_hint.setText("")
            self._update_buttons()
            return
        where = " · ".join(x for x in (shift.team, shift.grid, shift.location) if x)
        day = self.model.day((shift.date - self.monday).days + 1)
        special = ""
        if day is not None and day.kind == HOLIDAY:
            special = " · " + (holiday_text(day) or self.tr("Holiday"))
        self.shift_title.setText(
            f"<b>{shift.title or duty_type_text(shift.duty_type)}</b><br>"
            f"{tr_planner(WEEKDAYS[shift.date.weekday()])} {shift.date:%Y-%m-%d} {time_span(shift)}{special}<br>"
            f"{where}<br>" + arg(self.tr("%1 of %2 places filled"), shift.filled, shift.needed)
            + (f"<br><i>{shift.notes}</i>" if shift.notes else ""))
        self.assigned_table.setRowCount(len(shift.assigned))
        for r, a in enumerate(shift.assigned):
            name = QTableWidgetItem(a.name)
            name.setData(ROLE_VOLUNTEER_ID, a.volunteer_id)
            if a.override_reason:
                name.setToolTip(arg(self.tr("Assigned despite conflicts: %1"), a.override_reason))
                name.setText(a.name + " \u26a0")
            status = QTableWidgetItem(status_text(a.status))
            if not a.holds_place:
                for item in (name, status):
                    item.setForeground(QBrush(COLOUR_MUTED))
            self.assigned_table.setItem(r, 0, name)
            self.assigned_table.setItem(r, 1, status)
        self.free_hint.setText(self.tr("Loading\u2026"))
        self._update_buttons()

    def load_candidates(self) -> None:
        shift_id = self._selected_shift_id
        if shift_id is None:
            return
        self.ctx.worker.submit(lambda s: svc.candidates(s, shift_id),
                               lambda rows: self._on_candidates_loaded(shift_id, rows),
                               self._show_error, owner=self, label="planner candidates")

    def _on_candidates_loaded(self, shift_id: int, rows: list[CandidateRow]) -> None:
        if shift_id != self._selected_shift_id:
            return
        self.candidates = rows
        self._fill_candidates(rows)
        eligible = sum(1 for r in rows if r.eligible)
        self.free_hint.setText(arg(self.tr(
            "%1 can take it; the others are listed with the reason. Double-click or drag onto a shift."),
            eligible))
        self.sig_candidates_loaded.emit(shift_id)

    def _fill_candidates(self, rows: list[CandidateRow]) -> None:
        table = self.candidate_table
        table.setUpdatesEnabled(False)
        table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            name = QTableWidgetItem(c.name)
            name.setData(ROLE_VOLUNTEER_ID, c.volunteer_id)
            count = QTableWidgetItem(str(c.week_duties))
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            reasons = "; ".join(conflict_text(x) for x in c.conflicts)
            why = QTableWidgetItem(reasons)
            why.setToolTip(reasons)
            if not c.eligible:
                colour = COLOUR_HARD
            elif c.conflicts:
                colour = COLOUR_SOFT
            else:
                colour = None
            if colour is not None:
                for item in (name, count, why):
                    item.setForeground(QBrush(colour))
            table.setItem(r, 0, name)
            table.setItem(r, 1, count)
            table.setItem(r, 2, why)
        table.setUpdatesEnabled(True)

    def _update_buttons(self) -> None:
        shift = self.selected_shift()
        has_candidate = bool(self.candidate_table.selectionModel().selectedRows())
        picked = self._picked_assigned()
        self.assign_button.setEnabled(shift is not None and has_candidate)
        self.availability_button.setEnabled(has_candidate)
        self.remove_button.setEnabled(picked is not None)
        self.confirm_button.setEnabled(picked is not None and picked.status == "planned")
        self.confirm_all_button.setEnabled(
            shift is not None and any(a.status == "planned" for a in shift.assigned))
        self.checkin_button.setEnabled(shift is not None and bool(shift.assigned))

    def _picked_assigned(self):  # noqa: ANN202
        shift = self.selected_shift()
        rows = self.assigned_table.selectionModel().selectedRows()
        if shift is None or not rows:
            return None
        vid = self.assigned_table.item(rows[0].row(), 0).data(ROLE_VOLUNTEER_ID)
        return next((a for a in shift.assigned if a.volunteer_id == vid), None)

    # -- assigning ----------------------------------------------------------------------

    def _candidate(self, volunteer_id: int) -> CandidateRow | None:
        return next((c for c in self.candidates if c.volunteer_id == volunteer_id), None)

    def assign(self, shift_id: int, volunteer_id: int, override_reason: str | None = None) -> None:
        """Put a volunteer on a shift through the services; hard conflicts ask for a reason."""
        self.ctx.worker.submit(lambda s: svc.assign(s, shift_id, volunteer_id, override_reason),
                               lambda res: self._on_assigned(shift_id, res),
                               lambda exc: self._on_assign_failed(shift_id, volunteer_id, exc),
                               owner=self, label="planner assign")

    def _on_assigned(self, shift_id: int, res: svc.AssignResult) -> None:
        name = res.volunteer_name
        if res.warnings:
            self.sig_message.emit(arg(self.tr("%1 assigned, but: %2"), name,
                                      "; ".join(conflict_text(c) for c in res.warnings)))
        elif res.overridden:
            self.sig_message.emit(arg(self.tr("%1 assigned despite: %2"), name,
                                      "; ".join(conflict_text(c) for c in res.overridden)))
        else:
            self.sig_message.emit(arg(self.tr("%1 assigned."), name))
        self._changed(shift_id)

    def _on_assign_failed(self, shift_id: int, volunteer_id: int, exc: BaseException) -> None:
        if isinstance(exc, svc.AssignmentBlocked):
            name = str(exc.details.get("volunteer_name") or volunteer_id)
            self._ask_override(shift_id, volunteer_id, name, exc.conflicts)
            return
        self._show_error(exc)

    def _ask_override(self, shift_id: int, volunteer_id: int, name: str,
                      conflicts: Sequence[Conflict]) -> None:
        dialog = OverrideDialog(name, conflicts, self)
        self._override_dialog = dialog
        dialog.accepted.connect(lambda: self.assign(shift_id, volunteer_id, dialog.reason))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _assign_rows(self, rows: list[int]) -> None:
        shift = self.selected_shift()
        if shift is None:
            return
        for r in rows:
            vid = int(self.candidate_table.item(r, 0).data(ROLE_VOLUNTEER_ID))
            cand = self._candidate(vid)
            if cand is not None and not cand.eligible:
                self._ask_override(shift.id, vid, cand.name, cand.conflicts)
            else:
                self.assign(shift.id, vid)

    def _on_candidate_double_clicked(self, item: QTableWidgetItem) -> None:
        self._assign_rows([item.row()])

    def _on_assign_clicked(self) -> None:
        self._assign_rows(sorted({i.row() for i in self.candidate_table.selectionModel().selectedRows()}))

    def _on_model_drop_requested(self, shift_id: int, volunteer_ids: list) -> None:
        selected = self._selected_shift_id
        for vid in volunteer_ids:
            cand = self._candidate(int(vid)) if shift_id == selected else None
            if cand is not None and not cand.eligible:
                self._ask_override(shift_id, cand.volunteer_id, cand.name, cand.conflicts)
            else:
                self.assign(shift_id, int(vid))

    def _on_remove_clicked(self) -> None:
        shift, picked = self.selected_shift(), self._picked_assigned()
        if shift is None or picked is None:
            return
        sid, vid, name = shift.id, picked.volunteer_id, picked.name
        self.ctx.worker.submit(lambda s: svc.unassign(s, sid, vid),
                               lambda _r: self._after(sid, arg(self.tr("%1 removed from the shift."), name)),
                               self._show_error, owner=self)

    def _on_confirm_clicked(self) -> None:
        shift, picked = self.selected_shift(), self._picked_assigned()
        if shift is None or picked is None:
            return
        sid, vid, name = shift.id, picked.volunteer_id, picked.name
        self.ctx.worker.submit(lambda s: svc.confirm(s, sid, vid),
                               lambda _r: self._after(sid, arg(self.tr("%1 confirmed."), name)),
                               self._show_error, owner=self)

    def _on_confirm_all_clicked(self) -> None:
        shift = self.selected_shift()
        if shift is None:
            return
        sid = shift.id
        self.ctx.worker.submit(lambda s: svc.confirm_shift(s, sid),
                               lambda n: self._after(sid, self.tr("%n volunteer(s) confirmed.", "", n)),
                               self._show_error, owner=self)

    def _on_autofill_clicked(self) -> None:
        from ui.planner.autofill_dialog import AutofillDialog

        dialog = AutofillDialog(self.ctx, self.monday, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The dialog announces "shifts" changes itself after apply and undo.
        dialog.open()

    def _on_checkin_clicked(self) -> None:
        from ui.hours.checkin_dialog import CheckinDialog

        shift = self.selected_shift()
        if shift is None:
            return
        dialog = CheckinDialog(self.ctx, shift.id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _after(self, shift_id: int, message: str) -> None:
        self.sig_message.emit(message)
        self._changed(shift_id)

    def _changed(self, shift_id: int) -> None:
        self.sig_assignment_changed.emit(shift_id)
        self.ctx.notify_changed("shifts")  # reloads this screen too, see _on_ctx_data_changed

    # -- whole-week actions -------------------------------------------------------------

    def _on_generate_clicked(self) -> None:
        monday = self.monday
        self.ctx.worker.submit(lambda s: svc.generate(s, monday, monday + timedelta(days=6)),
                               self._on_generated, self._show_error, owner=self)

    def _on_generated(self, res: svc.GenerationResult) -> None:
        if res.created:
            self.sig_message.emit(self.tr("%n shift(s) created from the templates.", "", res.created))
        else:
            self.sig_message.emit(self.tr("Nothing new: every template's shifts are already there."))
        self.ctx.notify_changed("shifts")

    def _on_copy_clicked(self) -> None:
        monday = self.monday
        self.ctx.worker.submit(lambda s: svc.copy_week(s, monday), self._on_copied,
                               self._show_error, owner=self)

    def _on_copied(self, res: svc.CopyResult) -> None:
        text = arg(self.tr("Copied from the previous week: %1 volunteer(s) on shifts, %2 shift(s) created."),
                   res.assignments_copied, res.shifts_created)
        if res.skipped:
            skipped = "; ".join(
                f"{k.name}: " + ", ".join(tr_planner(CONFLICTS.get(code, code)) for code in k.codes)
                for k in res.skipped[:8])
            more = f" \u2026 (+{len(res.skipped) - 8})" if len(res.skipped) > 8 else ""
            text += " " + arg(self.tr("Not copied: %1"), skipped + more)
        self.sig_message.emit(text)
        self.ctx.notify_changed("shifts")

    def _on_templates_clicked(self) -> None:
        dialog = TemplatesDialog(self.ctx, self)
        self._templates_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_availability_clicked(self) -> None:
        rows = self.candidate_table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.candidate_table.item(rows[0].row(), 0)
        vid = int(item.data(ROLE_VOLUNTEER_ID))
        name = item.text()
        dialog = AvailabilityDialog(self.ctx, vid, name, self)
        self._availability_dialog = dialog
        dialog.sig_changed.connect(lambda: self.ctx.notify_changed("volunteers"))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_holidays_clicked(self) -> None:
        dialog = HolidaysDialog(self.ctx, self.monday.year, self)
        self._holidays_dialog = dialog
        dialog.sig_changed.connect(lambda: self.ctx.notify_changed("shifts"))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- changes elsewhere --------------------------------------------------------------

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in ("shifts", "volunteers", "teams", "grids", "community"):
            self.load_week()

    def _show_error(self, exc: BaseException) -> None:
        text = planner_error_text(exc)
        self.sig_message.emit(text)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Schedule"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("plannerErrorBox")
        box.finished.connect(box.deleteLater)
        box.open()
