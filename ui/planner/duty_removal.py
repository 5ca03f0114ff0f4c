"""Deleting a duty from the planner, confirmed and undoable (issue 18.4).

From the selected shift's panel (删除任务…) or the week grid's context menu: the question
names the duty and how many people are on it; the core deletes it with its assignments
(``shift_removal.remove_shift``, refused for records of service) and hands back what it
deleted, which 撤销删除 puts back (``shift_removal.restore_shift``). Only the last delete
can be undone, and only while the planner is open: the undo is this screen's memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton

from ui.common import roles
from ui.common.i18n import arg
from ui.texts.planner import WEEKDAYS, duty_type_text, planner_error_text, time_span, tr_planner
from volunteer_app.services import shift_removal
from volunteer_app.services.shift_removal import RemovedShift, RestoreResult
from volunteer_app.services.shifts import ShiftRow

if TYPE_CHECKING:
    from ui.planner.planner_view import PlannerView


class DutyRemoval(QObject):
    """The planner's delete and undo-delete of a duty (buttons, menu, worker tasks)."""

    sig_removed = Signal(object)  # RemovedShift
    sig_restored = Signal(object)  # RestoreResult

    def __init__(self, view: PlannerView) -> None:
        super().__init__(view)
        self.view = view
        self.last: RemovedShift | None = None
        self.delete_button = QPushButton(self.tr("Delete duty\u2026"), view.shift_box)
        self.delete_button.setObjectName("plannerDeleteDuty")
        self.delete_button.setToolTip(self.tr("Delete the selected duty with its volunteers (can be undone)"))
        self.undo_button = QPushButton(self.tr("Undo delete"), view)
        self.undo_button.setObjectName("plannerUndoDelete")
        self.undo_button.hide()
        self.delete_action = QAction(self.tr("Delete duty\u2026"), view.table)
        roles.deny_unless(view.ctx, "shifts.plan", self.delete_button, self.undo_button)
        self.delete_button.clicked.connect(self.ask_delete)
        self.undo_button.clicked.connect(self.undo)
        self.delete_action.triggered.connect(self.ask_delete)
        view.table.setContextMenuPolicy(view.table.contextMenuPolicy().CustomContextMenu)
        view.table.customContextMenuRequested.connect(self._on_context_menu)

    def update(self, shift: ShiftRow | None) -> None:
        """Enable for a selected duty (the view's button update calls this)."""
        roles.enable(self.delete_button, shift is not None)
        self.delete_action.setEnabled(shift is not None and self.delete_button.isEnabled())

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.table.indexAt(pos)
        if self.view.model.shift_at(index) is None:
            return
        self.view.table.setCurrentIndex(index)
        menu = QMenu(self.view.table)
        menu.addAction(self.delete_action)
        menu.popup(self.view.table.viewport().mapToGlobal(pos))

    # -- delete -------------------------------------------------------------------------

    def question(self, shift: ShiftRow) -> str:
        """The confirmation naming the duty and the people on it."""
        name = shift.title or duty_type_text(shift.duty_type)
        when = f"{tr_planner(WEEKDAYS[shift.date.weekday()])} {shift.date:%Y-%m-%d} {time_span(shift)}"
        people = len(shift.assigned)
        if people:
            return arg(self.tr("Delete the duty \u201c%1\u201d (%2)?\n\n%3 volunteer(s) on it will be "
                               "taken off it: %4. You can undo this right after."),
                       name, when, people, "\u3001".join(a.name for a in shift.assigned))
        return arg(self.tr("Delete the duty \u201c%1\u201d (%2)?\n\nNobody is on it. You can undo "
                           "this right after."), name, when)

    def confirm(self, text: str) -> bool:
        """Ask (Cancel is the default: Enter does not delete by accident)."""
        answer = QMessageBox.question(
            self.view, self.tr("Delete duty"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def ask_delete(self) -> None:
        shift = self.view.selected_shift()
        if shift is None or not self.delete_button.isEnabled():
            return
        if not self.confirm(self.question(shift)):
            return
        sid, version = shift.id, shift.version
        self.view.ctx.worker.submit(lambda s: shift_removal.remove_shift(s, sid, version),
                                    self._on_removed, self.view._show_error, owner=self,
                                    label="delete duty")

    def _on_removed(self, removed: RemovedShift) -> None:
        self.last = removed
        self.undo_button.show()
        roles.enable(self.undo_button, True)
        name = removed.title or duty_type_text(removed.duty_type)
        self.view.sig_message.emit(arg(self.tr("Duty \u201c%1\u201d of %2 deleted with %3 volunteer(s)."),
                                       name, f"{removed.date:%Y-%m-%d}", len(removed.assignments)))
        self.sig_removed.emit(removed)

    # -- undo ---------------------------------------------------------------------------

    def undo(self) -> None:
        removed = self.last
        if removed is None:
            return
        self.undo_button.setEnabled(False)
        self.view.ctx.worker.submit(lambda s: shift_removal.restore_shift(s, removed),
                                    lambda res: self._on_restored(removed, res),
                                    self._on_restore_failed, owner=self, label="undo delete duty")

    def _on_restored(self, _removed: RemovedShift, res: RestoreResult) -> None:
        self.last = None
        self.undo_button.hide()
        text = arg(self.tr("The duty is back with %1 volunteer(s)."), res.restored)
        if res.skipped:
            text += " " + arg(self.tr("Not put back (booked elsewhere meanwhile): %1."),
                              "\u3001".join(res.skipped))
        self.view.keep_selected(res.shift_id)  # selected when the week reloads (if shown)
        self.view.sig_message.emit(text)
        self.sig_restored.emit(res)

    def _on_restore_failed(self, exc: BaseException) -> None:
        self.last = None
        self.undo_button.hide()
        self.view.sig_message.emit(planner_error_text(exc))
        self.view._show_error(exc)
