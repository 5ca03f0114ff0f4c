"""Batch history (批次记录): every generation run, copied week and applied auto-fill, newest
first, with an Undo per batch (issue 18.4).

Before this, a generation batch or a copy could only be undone from the command line, and
an applied auto-fill only while its dialog was still open: once closed, a wrong fill had to
be taken apart by hand. The core already keeps each batch and refuses an undo that would
destroy records of service (``templates.undo_batch``, ``autofill.undo``); this dialog lists
them (``templates.list_batches``, ``autofill.list_batches``), asks before undoing and shows
the core's refusal in words.

Reading and undoing are short tasks on ``ctx.worker``; the core announces "shifts", so the
planner behind reloads by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common import roles
from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.texts.planner import planner_error_text
from volunteer_app.errors import AppError
from volunteer_app.security.permissions import PermissionDenied
from volunteer_app.services import autofill as autofill_service
from volunteer_app.services import holiday_changes
from volunteer_app.services import teams as team_service
from volunteer_app.services import templates as template_service

GENERATE, COPY, AUTOFILL, HOLIDAYS = "generate", "copy", "autofill", "holidays"
# How many holiday-table changes are listed (the core keeps them all).
HOLIDAY_CHANGES_SHOWN = 50


@dataclass(frozen=True)
class HistoryRow:
    """One batch as the list shows it, whatever service keeps it."""

    kind: str  # generate | copy | autofill | holidays
    id: int
    created_at: str  # "YYYY-MM-DD HH:MM"
    operator: str
    date_from: date
    date_to: date
    team: str
    # duties (generate, copy) or assignments (autofill) the batch made; for a holiday
    # change, the duties it removed
    created: int
    remaining: int  # of those, still there; for a holiday change, the duties it added
    blocked: int  # generated duties holding volunteers (an undo is refused)
    undone: bool
    # For the order, newest first: to the second, as the core keeps it. An auto-fill's
    # time comes to the minute only; within its minute it sorts after the others (a fill
    # usually follows the generation it fills).
    stamp: str = ""

    @property
    def can_undo(self) -> bool:
        return not self.undone and self.blocked == 0


def load_history(session: Any) -> list[HistoryRow]:
    """Both kinds of batch, newest first (runs on the worker)."""
    try:
        teams = {tid: name for tid, name, _parent in team_service.team_choices(session)}
    except PermissionDenied:  # a role without the registers: the list shows no team names
        teams = {}
    rows = [HistoryRow(b.kind, b.id, b.created_at.isoformat(sep=" ", timespec="minutes"), "",
                       b.date_from, b.date_to, "", b.created_count, b.remaining,
                       b.with_assignments, b.undone_at is not None,
                       b.created_at.isoformat(sep=" ", timespec="seconds"))
            for b in template_service.list_batches(session)]
    rows += [HistoryRow(AUTOFILL, b.id, b.created_at.replace("T", " "), b.operator, b.date_from,
                        b.date_to, teams.get(b.team_id, "") if b.team_id is not None else "",
                        b.created_count, b.remaining, 0, b.undone,
                        b.created_at.replace("T", " ")[:16] + ":59")
             for b in autofill_service.list_batches(session)]
    rows += [HistoryRow(HOLIDAYS, c.id, c.created_at.isoformat(sep=" ", timespec="minutes"), "",
                        c.date_from, c.date_to, "", c.removed_count, c.added_count, 0,
                        c.undone_at is not None, c.created_at.isoformat(sep=" ", timespec="seconds"))
             for c in holiday_changes.list_holiday_changes(session, HOLIDAY_CHANGES_SHOWN)]
    rows.sort(key=lambda r: (r.stamp, r.kind == AUTOFILL, r.id), reverse=True)
    return rows


def undo_row(session: Any, kind: str, batch_id: int) -> int:
    """Undo one batch through the service that keeps it; returns how many rows went."""
    if kind == AUTOFILL:
        return autofill_service.undo(session, batch_id)
    if kind == HOLIDAYS:
        holiday_changes.undo_holiday_change(session, batch_id)
        return 0
    return template_service.undo_batch(session, batch_id)


class BatchHistoryDialog(QDialog):
    """The list of batches with an Undo button on each one that can still be undone."""

    sig_loaded = Signal()
    sig_undone = Signal(str, int)  # kind, batch id
    sig_message = Signal(str)

    COLUMNS = 7

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[HistoryRow] = []
        self.setObjectName("batchHistoryDialog")
        self.setWindowTitle(self.tr("Batch history"))
        # Wide enough for every column at 1366 pixels: a squeezed result column read "6…".
        self.resize(1180, 460)
        intro = QLabel(self.tr(
            "Shifts generated from templates, weeks copied, auto-fills applied and changes of the "
            "holiday table, newest first. "
            "Undo takes back everything a batch did; it is refused once volunteers are on "
            "generated shifts or attendance has been recorded."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("batchHistoryTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("What"), self.tr("Dates"), self.tr("Team / by"),
            self.tr("Result"), self.tr("Status"), ""])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.message = QLabel(self)
        self.message.setObjectName("batchHistoryMessage")
        self.message.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.sig_message.connect(self.message.setText)
        self.load()

    # -- the list -----------------------------------------------------------------------

    def load(self) -> None:
        self.ctx.worker.submit(load_history, self._on_loaded, self._on_failed, owner=self,
                               label="batch history")

    def _on_loaded(self, rows: list[HistoryRow]) -> None:
        self.rows = rows
        t = self.table
        t.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [row.created_at, self.kind_text(row.kind),
                     f"{row.date_from:%Y-%m-%d} – {row.date_to:%Y-%m-%d}",
                     " · ".join(x for x in (row.team, row.operator) if x) or "—",
                     self.result_text(row), self.status_text(row)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a narrow window may cut the longer cells
                item.setData(Qt.ItemDataRole.UserRole, (row.kind, row.id))
                t.setItem(r, c, item)
            button = QPushButton(self.tr("Undo\u2026"), t)
            button.setObjectName(f"batchUndo_{row.kind}_{row.id}")
            button.clicked.connect(lambda _checked=False, x=row: self.ask_undo(x))
            t.setCellWidget(r, self.COLUMNS - 1, button)
            action = "holidays.edit" if row.kind == HOLIDAYS else "shifts.plan"
            if roles.deny_unless(self.ctx, action, button):
                button.setEnabled(row.can_undo)
        header = t.horizontalHeader()
        for c in range(self.COLUMNS):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == 5
                                        else QHeaderView.ResizeMode.ResizeToContents)
        if not rows:
            self.sig_message.emit(self.tr("No batches yet."))
        self.sig_loaded.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self.sig_message.emit(planner_error_text(exc))

    def kind_text(self, kind: str) -> str:
        return {GENERATE: self.tr("Generated from templates"), COPY: self.tr("Copied previous week"),
                AUTOFILL: self.tr("Auto-fill applied"),
                HOLIDAYS: self.tr("Holiday table changed")}.get(kind, kind)

    def result_text(self, row: HistoryRow) -> str:
        if row.kind == AUTOFILL:
            return arg(self.tr("%1 assignments made, %2 still in place"), row.created, row.remaining)
        if row.kind == HOLIDAYS:
            return arg(self.tr("%1 shifts removed, %2 added"), row.created, row.remaining)
        return arg(self.tr("%1 shifts created, %2 still there"), row.created, row.remaining)

    def status_text(self, row: HistoryRow) -> str:
        if row.undone:
            return self.tr("Undone")
        if row.blocked:
            return arg(self.tr("Blocked: volunteers on %1 shifts"), row.blocked)
        return self.tr("In effect")

    def undo_button(self, kind: str, batch_id: int) -> QPushButton | None:
        """The Undo button of a batch's row (for tests)."""
        return self.findChild(QPushButton, f"batchUndo_{kind}_{batch_id}")

    # -- undo ---------------------------------------------------------------------------

    def confirm(self, text: str) -> bool:
        """Ask before undoing (Cancel is the default: Enter does not undo by accident)."""
        answer = QMessageBox.question(
            self, self.tr("Undo a batch"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def ask_undo(self, row: HistoryRow) -> None:
        if row.kind == HOLIDAYS:
            removes = self.tr("the holiday change with the shifts it removed and added")
        elif row.kind == AUTOFILL:
            removes = arg(self.tr("%1 assignments"), row.remaining)
        else:
            removes = arg(self.tr("%1 shifts"), row.remaining)
        text = arg(self.tr("Undo \u201c%1\u201d of %2 (%3 \u2013 %4)?\n\nThis takes back %5."),
                   self.kind_text(row.kind), row.created_at, f"{row.date_from:%Y-%m-%d}",
                   f"{row.date_to:%Y-%m-%d}", removes)
        if not self.confirm(text):
            return
        kind, batch_id = row.kind, row.id
        self.ctx.worker.submit(lambda s: undo_row(s, kind, batch_id),
                               lambda n: self._on_undone(kind, batch_id, n),
                               self._on_undo_failed, owner=self, label="batch undo")

    def _on_undone(self, kind: str, batch_id: int, removed: int) -> None:
        if kind == HOLIDAYS:
            text = self.tr("Undone: the holiday table and its shifts are as they were.")
        elif kind == AUTOFILL:
            text = arg(self.tr("Undone: %1 assignments removed."), removed)
        else:
            text = arg(self.tr("Undone: %1 shifts removed."), removed)
        self.sig_message.emit(text)
        self.sig_undone.emit(kind, batch_id)
        self.load()

    def _on_undo_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError) and exc.code == "autofill_undo_recorded":
            text = arg(self.tr("The fill cannot be undone: %1 of its duties already have "
                               "attendance recorded."), exc.details.get("count", ""))
        elif isinstance(exc, AppError) and exc.code == "batch_has_assignments":
            text = arg(self.tr("The shifts cannot be undone: volunteers are already on %1 of "
                               "them. Remove them first."), exc.details.get("count", ""))
        else:
            text = planner_error_text(exc)
        self.sig_message.emit(text)
        self.load()
