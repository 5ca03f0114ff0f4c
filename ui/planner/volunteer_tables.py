"""The planner's two volunteer lists beside the week grid: the volunteers on the selected
shift, and the free volunteers for it, eligible first. Rows of the free list are dragged
onto shifts of the week grid (see :mod:`ui.planner.volunteer_drag`).

Their texts keep the planner screen's translation context (``PlannerView``); the screen
sets their column headings.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.common.i18n import arg
from ui.planner.colours import COLOUR_HARD, COLOUR_MUTED, COLOUR_SOFT
from ui.planner.volunteer_drag import (
    MIME_FROM_SHIFT,
    MIME_VOLUNTEERS,
    encode_move,
    encode_volunteer_ids,
)
from ui.planner.week_model import clash_text
from ui.texts.planner import conflict_text, status_text
from volunteer_app.services.assignments import CandidateRow
from volunteer_app.services.shifts import ShiftRow

translate = QCoreApplication.translate

# The volunteer id on the name cell (column 0) of both tables.
ROLE_VOLUNTEER_ID = Qt.ItemDataRole.UserRole + 2


class AssignedTable(QTableWidget):
    """The volunteers on the selected shift with their status; one can be picked at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("plannerAssigned")
        self.shift_id: int | None = None
        # A volunteer dragged from here onto another duty of the week is moved there.
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

    def show_shift(self, shift: ShiftRow | None) -> None:
        """List the shift's volunteers (none for no shift); overrides are marked with ⚠, and
        volunteers who no longer hold a place (cancelled, no-show) are muted."""
        self.setRowCount(0)
        self.shift_id = shift.id if shift is not None else None
        if shift is None:
            return
        self.setRowCount(len(shift.assigned))
        for r, a in enumerate(shift.assigned):
            name = QTableWidgetItem(a.name)
            name.setData(ROLE_VOLUNTEER_ID, a.volunteer_id)
            if a.override_reason:
                name.setToolTip(arg(translate("PlannerView", "Assigned despite conflicts: %1"),
                                    a.override_reason))
                name.setText(a.name + " \u26a0")
            status = QTableWidgetItem(status_text(a.status))
            if not a.holds_place:
                for item in (name, status):
                    item.setForeground(QBrush(COLOUR_MUTED))
            elif a.clash:  # on leave or gone: release the duty or find someone else
                status.setText(f"{status_text(a.status)} · {clash_text(a.clash)}")
                for item in (name, status):
                    item.setForeground(QBrush(COLOUR_HARD))
            self.setItem(r, 0, name)
            self.setItem(r, 1, status)

    def picked_volunteer_id(self) -> int | None:
        """The volunteer of the selected row, if a row is selected."""
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return self.item(rows[0].row(), 0).data(ROLE_VOLUNTEER_ID)

    def mimeTypes(self) -> list[str]:
        return [MIME_VOLUNTEERS, MIME_FROM_SHIFT]

    def mimeData(self, items: Sequence[QTableWidgetItem]) -> QMimeData:
        ids = sorted({int(v) for item in items
                      if (v := self.item(item.row(), 0).data(ROLE_VOLUNTEER_ID)) is not None})
        return encode_move(self.shift_id or 0, ids)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


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

    def show_candidates(self, rows: Sequence[CandidateRow]) -> None:
        """One row per volunteer: name, duties this week, the conflicts; those who cannot
        take the shift in the hard-conflict colour, those with warnings in the soft one."""
        self.setUpdatesEnabled(False)
        self.setRowCount(len(rows))
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
            self.setItem(r, 0, name)
            self.setItem(r, 1, count)
            self.setItem(r, 2, why)
        self.setUpdatesEnabled(True)

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
