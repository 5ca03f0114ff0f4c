"""The week grid's view: one shift selected at a time, volunteers dropped on shift cells,
cells painted by :class:`ui.planner.week_delegate.ShiftCellDelegate`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDropEvent, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.planner.volunteer_drag import decode_from_shift, decode_volunteer_ids
from ui.planner.week_delegate import ShiftCellDelegate
from ui.planner.week_model import WeekRow


class WeekTable(QTableView):
    """The week grid; accepts volunteers dropped on shift cells."""

    # from shift id, to shift id, volunteer ids: volunteers dragged off one duty onto another
    sig_move_requested = Signal(int, int, list)

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

    def fit_rows(self, rows: Sequence[WeekRow]) -> None:
        """After the model was reset: group headings span the row, lanes get their height."""
        self.clearSpans()
        for r, row in enumerate(rows):
            if row.kind == "group":
                self.setSpan(r, 0, 1, 8)
        # Lanes are tall enough for the count and two lines of names.
        fm = QFontMetrics(self.font())
        self.verticalHeader().setDefaultSectionSize(fm.height() * 3 + 14)
        for r, row in enumerate(rows):
            if row.kind == "group":
                self.setRowHeight(r, fm.height() + 10)
        self.horizontalHeader().setMinimumHeight(fm.height() * 2 + 10)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt)
        """Volunteers dragged off a duty are moved (the view asks the core); volunteers from
        the free list go to the model as before (assigned)."""
        source = decode_from_shift(event.mimeData())
        if source is None:
            super().dropEvent(event)
            return
        shift = self.model().shift_at(self.indexAt(event.position().toPoint()))
        ids = decode_volunteer_ids(event.mimeData())
        if shift is None or not ids or shift.id == source:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.sig_move_requested.emit(source, shift.id, ids)
