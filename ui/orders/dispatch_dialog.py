"""Dispatch a resident's request (派单) to a team and optionally one volunteer.

The team usually handling the request's category is preselected and marked; the grid's
volunteers are listed with their teams and how many open requests they already hold,
members of the chosen team first. Options load and the dispatch saves on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.i18n import arg
from ui.common.operator import operator_of
from ui.texts.orders import category_text, orders_error_text
from volunteer_app import changes
from volunteer_app.errors import AppError
from volunteer_app.services import requests as req_service
from volunteer_app.services.requests import DispatchOptions, RequestRow, VolunteerOption

ROLE_VOLUNTEER_ID = Qt.ItemDataRole.UserRole + 1


class DispatchDialog(QDialog):
    """Choose the team (suggested by category) and, if wanted, a volunteer of the grid."""

    sig_dispatched = Signal(int)  # request id, after the unit of work committed
    sig_loaded = Signal()  # the options arrived (tests and accessibility tools wait for it)

    def __init__(self, ctx: AppContext, row: RequestRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.options: DispatchOptions | None = None
        self._shown: list[VolunteerOption] = []
        self.setWindowTitle(arg(self.tr("Dispatch request %1"), row.id))
        self.setMinimumSize(640, 520)
        summary = QLabel(arg(self.tr("%1 \u00b7 %2 \u00b7 %3\n%4"), row.resident_name,
                             category_text(row.category),
                             " ".join(x for x in (row.grid or "", row.building) if x),
                             row.description), self)
        summary.setWordWrap(True)
        summary.setObjectName("hint")
        self.team_combo = QComboBox(self)
        self.team_combo.setObjectName("teamCombo")
        self.suggestion_label = QLabel(self)
        self.suggestion_label.setObjectName("hint")
        self.members_only = QCheckBox(self.tr("Only members of the chosen team"), self)
        self.members_only.setObjectName("membersOnly")
        self.volunteer_table = QTableWidget(0, 4, self)
        self.volunteer_table.setObjectName("volunteerTable")
        self.volunteer_table.setHorizontalHeaderLabels(
            [self.tr("Volunteer"), self.tr("Mobile phone"), self.tr("Teams"),
             self.tr("Open requests")])
        self.volunteer_table.verticalHeader().hide()
        self.volunteer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.volunteer_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.volunteer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.volunteer_table.setAlternatingRowColors(True)
        header = self.volunteer_table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.volunteer_hint = QLabel(self)
        self.volunteer_hint.setObjectName("hint")
        self.volunteer_hint.setWordWrap(True)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("dispatchNote")
        self.note_edit.setPlaceholderText(self.tr("e.g. please call the resident before going"))
        form = QFormLayout()
        form.addRow(self.tr("Team"), self.team_combo)
        form.addRow("", self.suggestion_label)
        form.addRow(self.tr("Note"), self.note_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Dispatch"))
        self.ok_button.setObjectName("primary")
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_ok_clicked)
        # Esc, the close button and Cancel ask before the choices made are lost.
        self.dirty = DirtyTracker(self, self.form_values, self._subject)
        self.buttons.rejected.connect(self.dirty.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Volunteer (optional; select none to leave it to the team)"), self))
        layout.addWidget(self.members_only)
        layout.addWidget(self.volunteer_table, 1)
        layout.addWidget(self.volunteer_hint)
        layout.addWidget(self.buttons)
        self.team_combo.currentIndexChanged.connect(self._on_team_combo_changed)
        self.members_only.toggled.connect(self._on_members_only_toggled)
        rid = row.id
        ctx.worker.submit(lambda s: req_service.dispatch_options(s, rid), self._on_options_loaded,
                          self._on_failed, owner=self)

    # -- loading ----------------------------------------------------------------------

    def _on_options_loaded(self, options: DispatchOptions) -> None:
        self.options = options
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        suggested_index = 0
        for i, t in enumerate(options.teams):
            label = t.name
            if t.suggested:
                label = arg(self.tr("%1 (suggested)"), t.name)
            if t.open_requests:
                label += "  " + arg(self.tr("[%1 open]"), t.open_requests)
            self.team_combo.addItem(label, t.team_id)
            if t.team_id == options.suggested_team_id:
                suggested_index = i
        # A request already with a team (re-dispatch) starts from that team.
        current = self.row.team_id if self.row.team_id is not None else options.suggested_team_id
        idx = self.team_combo.findData(current)
        self.team_combo.setCurrentIndex(idx if idx >= 0 else suggested_index)
        self.team_combo.blockSignals(False)
        if options.suggested_team_id is not None:
            name = next(t.name for t in options.teams if t.team_id == options.suggested_team_id)
            self.suggestion_label.setText(arg(
                self.tr("Requests about \u201c%1\u201d usually go to %2."),
                category_text(self.row.category), name))
        self._fill_volunteers()
        self.ok_button.setEnabled(self.team_combo.count() > 0)
        self.dirty.mark_clean()  # the suggestion shown is not a choice of the clerk's
        self.sig_loaded.emit()

    def _fill_volunteers(self) -> None:
        options = self.options
        table = self.volunteer_table
        if options is None:
            return
        team_id = self.team_combo.currentData()
        vols = list(options.volunteers)
        # Members of the chosen team first, then those with fewest open requests.
        vols.sort(key=lambda v: (team_id not in v.team_ids, v.open_requests))
        if self.members_only.isChecked():
            vols = [v for v in vols if team_id in v.team_ids]
        keep = self.chosen_volunteer_id()
        if keep is None and self.row.volunteer_id is not None:
            keep = self.row.volunteer_id
        self._shown = vols
        table.setRowCount(len(vols))
        grey = QBrush(QColor("#8d7f78"))
        for r, v in enumerate(vols):
            member = team_id in v.team_ids
            cells = [v.name, v.mobile, "\u3001".join(v.teams), str(v.open_requests)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE_VOLUNTEER_ID, v.volunteer_id)
                if member and c == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if not member:
                    item.setForeground(grey)
                table.setItem(r, c, item)
        table.clearSelection()
        for r, v in enumerate(vols):
            if v.volunteer_id == keep:
                table.selectRow(r)
        if options.grid_id is None:
            self.volunteer_hint.setText(self.tr("The request has no grid, so no volunteers are suggested."))
        elif not options.volunteers:
            self.volunteer_hint.setText(self.tr("No active volunteers live in this grid."))
        else:
            self.volunteer_hint.setText(arg(
                self.tr("Active volunteers living in %1; members of the chosen team in bold."),
                self.row.grid or ""))

    # -- choices ----------------------------------------------------------------------

    def form_values(self) -> tuple:
        """The choices made, for noticing changes."""
        return (self.chosen_team_id(), self.chosen_volunteer_id(), self.note_edit.text())

    def _subject(self) -> str:
        return arg(self.tr("the dispatch of request %1"), self.row.id)

    def chosen_team_id(self) -> int | None:
        return self.team_combo.currentData()

    def chosen_volunteer_id(self) -> int | None:
        rows = self.volunteer_table.selectionModel().selectedRows()
        if not rows:
            return None
        r = rows[0].row()
        return self._shown[r].volunteer_id if r < len(self._shown) else None

    def select_team(self, team_id: int) -> None:
        idx = self.team_combo.findData(team_id)
        if idx >= 0:
            self.team_combo.setCurrentIndex(idx)

    def select_volunteer(self, volunteer_id: int | None) -> bool:
        self.volunteer_table.clearSelection()
        for r, v in enumerate(self._shown):
            if v.volunteer_id == volunteer_id:
                self.volunteer_table.selectRow(r)
                return True
        return volunteer_id is None

    def shown_volunteer_ids(self) -> list[int]:
        return [v.volunteer_id for v in self._shown]

    def _on_team_combo_changed(self, _index: int) -> None:
        self._fill_volunteers()

    def _on_members_only_toggled(self, _checked: bool) -> None:
        self._fill_volunteers()

    # -- saving -----------------------------------------------------------------------

    def _on_ok_clicked(self) -> None:
        team_id, vol_id = self.chosen_team_id(), self.chosen_volunteer_id()
        if team_id is None:
            return
        rid, version, note = self.row.id, self.row.version, self.note_edit.text()
        operator = operator_of(self.ctx)
        self.ok_button.setEnabled(False)
        self.ctx.worker.submit(
            lambda s: req_service.dispatch(s, rid, team_id, operator, volunteer_id=vol_id,
                                           note=note, expected_version=version),
            self._on_dispatched, self._on_failed, owner=self)

    def _on_dispatched(self, _result: object) -> None:
        self.sig_dispatched.emit(self.row.id)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(self.team_combo.count() > 0)
        QMessageBox.warning(self, self.windowTitle(), orders_error_text(exc))
        if isinstance(exc, AppError) and exc.code in ("invalid_transition", "stale",
                                                       "request_not_found"):
            self.ctx.notify_changed(changes.ORDERS)  # changed elsewhere: screens reload
            self.reject()
