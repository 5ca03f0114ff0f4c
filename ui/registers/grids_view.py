"""The grids register: each grid's "1+3" people with phones, and the volunteers living there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common import roles
from ui.common.context import AppContext
from ui.common.icons import icon
from ui.registers.grid_dialog import GridDialog
from ui.texts.errors import error_text
from ui.texts.registers import person_title
from volunteer_app import changes
from volunteer_app.services import grids as grid_service
from volunteer_app.services.grids import PEOPLE, GridRow

ROLE_GRID_ID = Qt.ItemDataRole.UserRole + 1


def _item(text: str, data: object = None, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(ROLE_GRID_ID, data)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class GridsView(QWidget):
    """List of grids; the chosen grid's people and residents who volunteer."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._grids: list[GridRow] = []
        self._volunteers: list[tuple[int, str, str, bool]] = []
        self.setObjectName("gridsView")

        title = QLabel(self.tr("Grids"), self)
        title.setObjectName("pageTitle")
        self.grid_table = QTableWidget(0, 4, self)
        self.grid_table.setObjectName("gridTable")
        self.grid_table.setHorizontalHeaderLabels(
            [self.tr("Grid"), self.tr("Grid leader"), self.tr("Phone"), self.tr("Volunteers")])
        self.grid_table.verticalHeader().hide()
        self.grid_table.verticalHeader().setDefaultSectionSize(28)
        self.grid_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid_table.setAlternatingRowColors(True)
        self.grid_table.setShowGrid(False)
        gh = self.grid_table.horizontalHeader()
        gh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            gh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.new_button = QPushButton(icon("add"), self.tr("New grid\u2026"), self)
        self.edit_button = QPushButton(self.tr("Edit grid and people\u2026"), self)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.new_button)
        left_buttons.addWidget(self.edit_button)
        left_buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.grid_table, 1)
        left_layout.addLayout(left_buttons)

        self.grid_title = QLabel(self)
        self.grid_title.setObjectName("pageTitle")
        self.area_label = QLabel(self)
        self.area_label.setObjectName("hint")
        self.area_label.setWordWrap(True)
        people_box = QGroupBox(self.tr("The \u201c1+3\u201d people"), self)
        people_layout = QGridLayout(people_box)
        people_layout.setHorizontalSpacing(24)
        self.people_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for r, role in enumerate(PEOPLE):
            name, phone = QLabel(people_box), QLabel(people_box)
            for lab in (name, phone):
                lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.people_labels[role] = (name, phone)
            people_layout.addWidget(QLabel(person_title(role), people_box), r, 0)
            people_layout.addWidget(name, r, 1)
            people_layout.addWidget(phone, r, 2)
        people_layout.setColumnStretch(2, 1)
        self.volunteers_label = QLabel(self)
        self.volunteers_label.setObjectName("hint")
        self.volunteer_table = QTableWidget(0, 3, self)
        self.volunteer_table.setObjectName("gridVolunteersTable")
        self.volunteer_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Mobile phone"), self.tr("Party household")])
        self.volunteer_table.verticalHeader().hide()
        self.volunteer_table.verticalHeader().setDefaultSectionSize(28)
        self.volunteer_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.volunteer_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.volunteer_table.setAlternatingRowColors(True)
        self.volunteer_table.setShowGrid(False)
        vh = self.volunteer_table.horizontalHeader()
        vh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        vh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        vh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.grid_title)
        right_layout.addWidget(self.area_label)
        right_layout.addWidget(people_box)
        right_layout.addWidget(self.volunteers_label)
        right_layout.addWidget(self.volunteer_table, 1)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 720])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

        self.grid_table.itemSelectionChanged.connect(self._on_grid_selection_changed)
        self.grid_table.doubleClicked.connect(lambda _i: self.edit_button.isEnabled() and self._on_edit_clicked())
        roles.deny_unless(self.ctx, "grids.edit", self.new_button, self.edit_button)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)
        self._show_grid(None)
        self.load_grids()

    def load_grids(self) -> None:
        self.ctx.worker.submit(grid_service.list_grids, self._on_grids_loaded, self._show_error,
                               owner=self)

    def _on_grids_loaded(self, grids: list[GridRow]) -> None:
        keep = self.current_grid_id()
        self._grids = grids
        table = self.grid_table
        table.blockSignals(True)
        table.setRowCount(len(grids))
        for r, g in enumerate(grids):
            table.setItem(r, 0, _item(g.name, g.id))
            table.setItem(r, 1, _item(g.leader_name))
            table.setItem(r, 2, _item(g.leader_phone))
            table.setItem(r, 3, _item(str(g.volunteer_count), align_right=True))
        table.blockSignals(False)
        row = next((r for r, g in enumerate(grids) if g.id == keep), 0 if grids else -1)
        if row >= 0:
            table.selectRow(row)
            self._on_grid_selection_changed()
        else:
            self._show_grid(None)

    def current_grid_id(self) -> int | None:
        rows = self.grid_table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.grid_table.item(rows[0].row(), 0).data(ROLE_GRID_ID))

    def current_grid(self) -> GridRow | None:
        gid = self.current_grid_id()
        return next((g for g in self._grids if g.id == gid), None)

    def _on_grid_selection_changed(self) -> None:
        grid = self.current_grid()
        self._show_grid(grid)
        if grid is not None:
            gid = grid.id
            self.ctx.worker.submit(lambda s: grid_service.grid_volunteers(s, gid),
                                   lambda rows: self._on_volunteers_loaded(gid, rows),
                                   self._show_error, owner=self)

    def _show_grid(self, grid: GridRow | None) -> None:
        roles.enable(self.edit_button, grid is not None)
        if grid is None:
            self.grid_title.setText(self.tr("No grid yet"))
            self.area_label.setText(self.tr("Create the grids of the community with \u201cNew grid\u201d."))
            for name, phone in self.people_labels.values():
                name.setText("")
                phone.setText("")
            self._fill_volunteers([])
            return
        self.grid_title.setText(grid.name)
        self.area_label.setText(grid.area or self.tr("(no area described)"))
        for role, (name, phone) in self.people_labels.items():
            name.setText(getattr(grid, f"{role}_name") or self.tr("(vacant)"))
            phone.setText(getattr(grid, f"{role}_phone"))

    def _on_volunteers_loaded(self, grid_id: int, rows: list[tuple[int, str, str, bool]]) -> None:
        if grid_id == self.current_grid_id():
            self._fill_volunteers(rows)

    def _fill_volunteers(self, rows: list[tuple[int, str, str, bool]]) -> None:
        self._volunteers = rows
        self.volunteers_label.setText(self.tr("%n active volunteer(s) live in this grid", "",
                                              len(rows)))
        table = self.volunteer_table
        table.setRowCount(len(rows))
        for r, (_vid, name, mobile, party) in enumerate(rows):
            table.setItem(r, 0, _item(name))
            table.setItem(r, 1, _item(mobile))
            table.setItem(r, 2, _item(self.tr("Yes") if party else ""))

    @property
    def grid_volunteers(self) -> list[tuple[int, str, str, bool]]:
        return list(self._volunteers)

    def _on_new_clicked(self) -> None:
        next_number = max((g.number for g in self._grids), default=0) + 1
        GridDialog(self.ctx, None, next_number, self).open()

    def _on_edit_clicked(self) -> None:
        grid = self.current_grid()
        if grid is not None:
            GridDialog(self.ctx, grid, grid.number, self).open()

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in (changes.GRIDS, changes.VOLUNTEERS):
            self.load_grids()

    def refresh(self) -> None:
        self.load_grids()

    def _show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Grids"), error_text(exc))
