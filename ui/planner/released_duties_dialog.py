"""The duties a leave or a departure covers: listed, released (or kept), undone, refilled.

Recording a leave or marking someone as left ignored the duties they held: the cell stayed
green with the name, reminders went out and auto-fill refused the week (issue 18). Now the
screen that records it first reads the duties it covers (``services.replan.held_duties``,
nothing written yet); when there are some, this dialog lists them and the clerk chooses:

* 释放这些排班 (Enter): the leave/departure is recorded *and* the duties released in one
  unit of work (``replan.release_duties``, all or nothing, audited like any status change);
  then 撤销 gives them back (``replan.restore_released``) and 填补空位 opens auto-fill for
  the week of the first one (its places are open again).
* 保留 (Esc): the leave/departure alone is recorded; the planner shows the clash in red.

Whatever the clerk does, the leave or departure the screen asked for is recorded: closing
the dialog is 保留, never "forget it".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common import roles
from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.texts.planner import WEEKDAYS, planner_error_text, status_text, tr_planner
from volunteer_app.services import replan
from volunteer_app.services.replan import HeldDuty

# The core's session, as the worker hands it to a task (the desktop imports no SQLAlchemy).
Session = Any
# What the caller records (the leave, the departure) inside the dialog's unit of work.
Record = Callable[[Session], object]
# (volunteer id, their name, a duty they hold)
Held = tuple[int, str, HeldDuty]


class ReleasedDutiesDialog(QDialog):
    """Lists held duties; records the caller's change with or without releasing them."""

    sig_recorded = Signal()  # the leave/departure is saved (released or kept)
    sig_message = Signal(str)  # what happened, for the caller's message line

    def __init__(self, ctx: AppContext, intro: str, held: list[Held], record: Record,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.held = held
        self.record = record
        self.released: list[int] = []
        self.state = "asking"  # asking -> working -> released | kept; undone
        self.setObjectName("releasedDutiesDialog")
        self.setWindowTitle(self.tr("Duties in this time"))
        # As tall as the list needs (a leave usually covers one or two duties), up to a
        # dozen rows; the table scrolls beyond.
        self.resize(640, 190 + 30 * min(max(len(held), 2), 12))
        several = len({vid for vid, _n, _d in held}) > 1
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        heads = [self.tr("Date"), self.tr("Time"), self.tr("Duty"), self.tr("Team"), self.tr("Status")]
        if several:
            heads.insert(0, self.tr("Volunteer"))
        self.table = QTableWidget(len(held), len(heads), self)
        self.table.setObjectName("releasedDutiesTable")
        self.table.setHorizontalHeaderLabels(heads)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter reaches the default button
        self.status_column = len(heads) - 1
        for r, (_vid, name, d) in enumerate(held):
            cells = [f"{d.date:%Y-%m-%d} {tr_planner(WEEKDAYS[d.date.weekday()])}",
                     f"{d.start:%H:%M}–{d.end:%H:%M}", d.title, d.team, status_text(d.status)]
            if several:
                cells.insert(0, name)
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(len(heads) - 3, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel(self.tr("Release them to open the places again (you can undo it), "
                                      "or keep them: the planner then shows each in red."), self)
        self.message.setObjectName("releasedDutiesMessage")
        self.message.setWordWrap(True)

        self.release_button = QPushButton(self.tr("Release these duties"), self)
        self.keep_button = QPushButton(self.tr("Keep"), self)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.fill_button = QPushButton(self.tr("Fill the places\u2026"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for b in (self.undo_button, self.fill_button, self.close_button):
            b.hide()
        self.release_button.setDefault(True)
        self.release_button.setAutoDefault(True)
        self.keep_button.setAutoDefault(False)
        if not roles.deny_unless(ctx, "shifts.plan", self.release_button):
            self.release_button.setDefault(False)
            self.keep_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.release_button, self.keep_button, self.undo_button, self.fill_button,
                  self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.release_button.clicked.connect(self._on_release_clicked)
        self.keep_button.clicked.connect(self._on_keep_clicked)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.fill_button.clicked.connect(self._on_fill_clicked)
        self.close_button.clicked.connect(self.accept)

    # -- the choice ---------------------------------------------------------------------

    def reject(self) -> None:
        """Esc and the window's close button: keep the duties (the change is still saved)."""
        if self.state == "asking":
            self._on_keep_clicked()
        elif self.state != "working":
            super().reject()

    def _busy(self) -> None:
        self.state = "working"
        self.release_button.setEnabled(False)
        self.keep_button.setEnabled(False)

    def _on_keep_clicked(self) -> None:
        if self.state != "asking":
            return
        self._busy()
        self.ctx.worker.submit(self.record, self._on_kept, self._on_failed, owner=self)

    def _on_release_clicked(self) -> None:
        if self.state != "asking" or not self.release_button.isEnabled():
            return
        self._busy()
        record = self.record
        per_volunteer: dict[int, list[int]] = {}
        for vid, _name, d in self.held:
            per_volunteer.setdefault(vid, []).append(d.assignment_id)

        def work(s: Session) -> list[int]:  # the change and the release: one unit of work
            record(s)
            out: list[int] = []
            for vid, ids in per_volunteer.items():
                out += replan.release_duties(s, vid, ids)
            return sorted(out)

        self.ctx.worker.submit(work, self._on_released, self._on_failed, owner=self)

    def _on_kept(self, _result: object) -> None:
        self.state = "kept"
        self.sig_recorded.emit()
        self.sig_message.emit(self.tr("Saved. The duties are kept; the planner shows them in red."))
        self.accept()

    def _on_released(self, released: list[int]) -> None:
        self.state = "released"
        self.released = released
        self.release_button.hide()
        self.keep_button.hide()
        for b in (self.undo_button, self.fill_button, self.close_button):
            b.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self._show_statuses(lambda d: "cancelled" if d.assignment_id in released else d.status)
        text = self.tr("Saved, and %n duty(ies) released: their places are open again.", "",
                       len(released))
        self.message.setText(text)
        self.sig_recorded.emit()
        self.sig_message.emit(text)

    def _show_statuses(self, status: Callable[[HeldDuty], str]) -> None:
        for r, (_vid, _name, d) in enumerate(self.held):
            self.table.item(r, self.status_column).setText(status_text(status(d)))

    def _on_failed(self, exc: BaseException) -> None:
        # Nothing was written (the unit of work rolled back): the clerk may choose again.
        self.state = "asking"
        self.keep_button.setEnabled(True)
        roles.enable(self.release_button, True)
        self.message.setText(arg(self.tr("Nothing was saved: %1"), planner_error_text(exc)))

    # -- after releasing ----------------------------------------------------------------

    def _on_undo_clicked(self) -> None:
        ids = list(self.released)
        self.undo_button.setEnabled(False)
        self.fill_button.setEnabled(False)
        self.ctx.worker.submit(lambda s: replan.restore_released(s, ids), self._on_undone,
                               self._on_undo_failed, owner=self)

    def _on_undone(self, restored: list[int]) -> None:
        self.state = "undone"
        self.released = []
        self._show_statuses(lambda d: d.status)  # back as they were listed
        text = self.tr("%n duty(ies) given back. The leave or departure stays recorded.", "",
                       len(restored))
        self.message.setText(text)
        self.sig_message.emit(text)

    def _on_undo_failed(self, exc: BaseException) -> None:
        self.undo_button.setEnabled(True)
        self.fill_button.setEnabled(True)
        self.message.setText(arg(self.tr("Not given back: %1"), planner_error_text(exc)))

    def fill_week(self) -> date:
        """The Monday of the week of the first released duty (auto-fill's scope)."""
        first = min(d.date for _v, _n, d in self.held)
        return first - timedelta(days=first.weekday())

    def _on_fill_clicked(self) -> None:
        from ui.planner.autofill_dialog import AutofillDialog

        # Parented to the screen, not to a dialog that may close before it (the
        # availability dialog): closing that would take auto-fill with it.
        owner = self.parentWidget()
        while isinstance(owner, QDialog) and owner.parentWidget() is not None:
            owner = owner.parentWidget()
        dialog = AutofillDialog(self.ctx, self.fill_week(), parent=owner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.autofill_dialog = dialog
        self.accept()
        dialog.open()


    @staticmethod
    def leave_intro(name: str, start: date, end: date, kind: str = "leave") -> str:
        """The dialog's opening line for a leave (or an unavailable range)."""
        text = (QCoreApplication.translate(
                    "ReleasedDutiesDialog", "%1 is unavailable from %2 to %3 but holds these duties:")
                if kind == "unavailable" else QCoreApplication.translate(
                    "ReleasedDutiesDialog", "The leave of %1 from %2 to %3 covers these duties they hold:"))
        return arg(text, name, start.isoformat(), end.isoformat())

    @staticmethod
    def departure_intro(names: list[str], left_on: date) -> str:
        """The dialog's opening line for a departure."""
        shown = "\u3001".join(names[:5]) + ("\u2026" if len(names) > 5 else "")
        return arg(QCoreApplication.translate(
            "ReleasedDutiesDialog", "%1 will be marked as left after %2, but still hold these duties:"),
            shown, left_on.isoformat())

    @staticmethod
    def record_asking(ctx: AppContext, parent: QWidget, find: Callable[[Session], list[Held]],
                      intro: str, record: Record, on_recorded: Callable[[], None],
                      on_failed: Callable[[BaseException], None]) -> None:
        """Read the duties ``record`` would leave behind (``find``, nothing written); with none,
        record it at once; with some, let a ReleasedDutiesDialog record it with the clerk's
        choice. ``on_recorded`` runs once the change is saved either way."""

        def found(held: list[Held]) -> None:
            if not held:
                ctx.worker.submit(record, lambda _r: on_recorded(), on_failed, owner=parent)
                return
            dialog = ReleasedDutiesDialog(ctx, intro, held, record, parent)
            dialog.sig_recorded.connect(on_recorded)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

        ctx.worker.submit(find, found, on_failed, owner=parent)
