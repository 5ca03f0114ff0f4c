"""The volunteer register screen: search, filters, the lazy table, details, add/edit/leave.

A volunteer's weekly windows, leave and duty limits open from here too (issue 18.5): a
clerk who hears "I am away next month" looks the person up in the register, not in the
planner's candidate list of some shift. The planner's own dialog is reused.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common import file_actions, roles
from ui.common.context import AppContext
from ui.common.forms import search_box_limits
from ui.common.i18n import arg
from ui.common.icons import icon
from ui.common.table_style import read_only_rows
from ui.planner.availability_dialog import AvailabilityDialog
from ui.registers.volunteer_dialog import LeaveDialog, VolunteerDialog
from ui.registers.volunteers_model import COLUMN_KEYS, ROLE_ID, VolunteersModel
from ui.texts.errors import error_text
from ui.texts.registers import gender_text, role_text
from volunteer_app import changes
from volunteer_app.services import grids as grid_service
from volunteer_app.services import teams as team_service
from volunteer_app.services import volunteers as vol_service
from volunteer_app.services.volunteers import VolunteerDetail, VolunteerFilter
from volunteer_app.validation import mask_id_number

STATUS_ACTIVE, STATUS_LEFT, STATUS_ALL = "active", "left", "all"


class VolunteersView(QWidget):
    """The register clerks spend their day in."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._select_after_load: int | None = None
        self._detail_request = 0
        self.dialog: VolunteerDialog | None = None  # the open add/edit dialog (tests use it)
        self.setObjectName("volunteersView")

        title = QLabel(self.tr("Volunteers"), self)
        title.setObjectName("pageTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("hint")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.count_label)
        head.addStretch(1)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(
            self.tr("Search name, pinyin, initials (zs = 张三) or phone digits"))
        self.search_edit.setClearButtonEnabled(True)
        search_box_limits(self.search_edit)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMinimumWidth(320)
        self.team_combo = QComboBox(self)
        self.team_combo.setObjectName("teamFilter")
        self.team_combo.setMinimumContentsLength(12)
        self.team_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.grid_combo = QComboBox(self)
        self.grid_combo.setObjectName("gridFilter")
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("Active volunteers"), STATUS_ACTIVE)
        self.status_combo.addItem(self.tr("Volunteers who left"), STATUS_LEFT)
        self.status_combo.addItem(self.tr("Everyone"), STATUS_ALL)
        self._fill_filter_combos([], [])
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(QLabel(self.tr("Team"), self))
        filters.addWidget(self.team_combo, 1)
        filters.addWidget(QLabel(self.tr("Grid"), self))
        filters.addWidget(self.grid_combo)
        filters.addWidget(self.status_combo)

        self.add_button = QPushButton(icon("add"), self.tr("Add volunteer"), self)
        self.add_button.setObjectName("primary")
        self.edit_button = QPushButton(self.tr("Edit\u2026"), self)
        self.leave_button = QPushButton(self.tr("Mark as left\u2026"), self)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.delete_button = QPushButton(self.tr("Delete\u2026"), self)
        self.availability_button = QPushButton(self.tr("Availability and leave\u2026"), self)
        self.availability_button.setObjectName("availabilityButton")
        self.availability_button.setToolTip(
            self.tr("Weekly availability, leave and duty limits of the selected volunteer"))
        self.availability_dialog: AvailabilityDialog | None = None
        self.import_button = QPushButton(icon("import"), self.tr("Import\u2026"), self)
        self.export_button = QPushButton(icon("export"), self.tr("Export\u2026"), self)
        actions = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.leave_button, self.restore_button,
                  self.delete_button, self.availability_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        self.model = VolunteersModel(ctx, self)
        self.table = QTableView(self)
        self.table.setObjectName("volunteersTable")
        self.table.setModel(self.model)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = read_only_rows(self.table, 30, multi=True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = {"name": 150, "gender": 56, "mobile": 120, "grid": 90, "teams": 260,
                  "political_status": 110, "joined_on": 104, "active": 70}
        for col, key in enumerate(COLUMN_KEYS):
            header.resizeSection(col, widths[key])
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN_KEYS.index("teams"), QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        self.detail = VolunteerDetailPanel(self)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([900, 300])

        self.message_label = QLabel(self)
        self.message_label.setObjectName("fieldError")
        self.message_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        layout.addWidget(splitter, 1)

        self._build_shortcuts()
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.team_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.grid_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.status_combo.currentIndexChanged.connect(self._on_filter_changed)
        roles.deny_unless(self.ctx, "registers.edit", self.add_button, self.leave_button,
                          self.restore_button, self.delete_button)
        roles.deny_unless(self.ctx, "registers.import", self.import_button)
        roles.deny_unless(self.ctx, "availability.edit", self.availability_button)
        roles.deny_unless(self.ctx, "registers.export", self.export_button)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.leave_button.clicked.connect(self._on_leave_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.availability_button.clicked.connect(self._on_availability_clicked)
        self.import_button.clicked.connect(lambda: file_actions.import_volunteers(self.ctx, self))
        self.export_button.clicked.connect(
            lambda: file_actions.export_volunteers(self.ctx, self, self.model.filter))
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.sig_loaded.connect(self._on_model_loaded)
        self.model.sig_load_failed.connect(self._on_model_load_failed)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)

        self._update_buttons()
        self.model.set_filter(self.current_filter())  # first: the rows matter most
        self._load_filter_lists()

    def _build_shortcuts(self) -> None:
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search_edit.setFocus(), self.search_edit.selectAll()))
        new = QAction(self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(lambda: self.add_button.isEnabled() and self.open_add_dialog())
        for a in (find, new):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)

    # -- filters ----------------------------------------------------------------------

    def current_filter(self) -> VolunteerFilter:
        status = self.status_combo.currentData()
        return VolunteerFilter(
            search=self.search_edit.text(),
            team_id=self.team_combo.currentData(),
            grid_id=self.grid_combo.currentData(),
            active=None if status == STATUS_ALL else status == STATUS_ACTIVE,
        )

    def _fill_filter_combos(self, teams: list[tuple[int, str, int | None]],
                            grids: list[tuple[int, str]]) -> None:
        # The chosen ids must survive the refill: the loops below use their own names
        # (they once reused these and so reselected the last team/grid in the list).
        kept_team, kept_grid = self.team_combo.currentData(), self.grid_combo.currentData()
        for combo in (self.team_combo, self.grid_combo):
            combo.blockSignals(True)
            combo.clear()
        self.team_combo.addItem(self.tr("All teams"), None)
        for tid, name, parent_id in teams:
            self.team_combo.addItem(("\u3000" if parent_id else "") + name, tid)
        self.grid_combo.addItem(self.tr("All grids"), None)
        for gid, name in grids:
            self.grid_combo.addItem(name, gid)
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(kept_team)))
        self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(kept_grid)))
        for combo in (self.team_combo, self.grid_combo):
            combo.blockSignals(False)
        # A deleted team/grid falls back to "All" while signals are blocked: apply it, so
        # the boxes never show a filter the rows do not follow.
        model = getattr(self, "model", None)  # absent during __init__'s first, empty fill
        if model is not None and self.current_filter() != model.filter:
            model.set_filter(self.current_filter())

    def _load_filter_lists(self) -> None:
        self.ctx.worker.submit(
            lambda s: (team_service.team_choices(s), grid_service.grid_choices(s)),
            lambda r: self._fill_filter_combos(*r), owner=self)

    def _on_search_text_changed(self, text: str) -> None:
        self.model.set_search(text)

    def _on_filter_changed(self, _index: int) -> None:
        self.model.set_filter(self.current_filter())

    def set_team_filter(self, team_id: int | None) -> None:
        """Show the members of one team (used by other screens)."""
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(team_id)))

    # -- model events -----------------------------------------------------------------

    def _on_model_loaded(self, count: int) -> None:
        self.message_label.hide()
        self._update_count()
        if self._select_after_load is not None:
            self.select_volunteer(self._select_after_load)
        elif not self.table.selectionModel().hasSelection() and count:
            self.table.selectRow(0)
        self._update_buttons()

    def _on_model_load_failed(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%n volunteer(s) shown", "", n))

    def select_volunteer(self, volunteer_id: int) -> bool:
        """Select and scroll to a volunteer if the current list shows them."""
        row = self.model.row_of_id(volunteer_id)
        if row < 0:
            return False
        self._select_after_load = None
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in (changes.VOLUNTEERS, changes.TEAMS, changes.GRIDS):
            # Team and grid names appear in the rows: drop cached rows, then reload ids.
            self.model.invalidate_rows()
            self.model.reload()
            self._show_detail()
        if topic in (changes.TEAMS, changes.GRIDS):
            self._load_filter_lists()

    def refresh(self) -> None:
        """Called when the screen is shown: pick up changes made elsewhere."""
        if self.model.loaded_once:
            self.model.reload()

    # -- selection --------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows if r < self.model.rowCount()]

    def _selected_rows(self) -> list:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_for(r) for r in rows]

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        self._show_detail()

    def _update_buttons(self) -> None:
        rows = [r for r in self._selected_rows() if r is not None]
        one = len(self.selected_ids()) == 1
        roles.enable(self.edit_button, one)
        roles.enable(self.leave_button, any(r.active for r in rows))
        roles.enable(self.restore_button, any(not r.active for r in rows))
        roles.enable(self.delete_button, one)
        roles.enable(self.availability_button, one)

    def _show_detail(self) -> None:
        ids = self.selected_ids()
        self._detail_request += 1
        if len(ids) != 1:
            self.detail.show_detail(None, len(ids))
            return
        request = self._detail_request

        def done(detail: VolunteerDetail) -> None:
            if request == self._detail_request:
                idx = self.grid_combo.findData(detail.grid_id) if detail.grid_id else -1
                grid = self.grid_combo.itemText(idx) if idx >= 0 else ""
                self.detail.show_detail(detail, grid_name=grid)

        self.ctx.worker.submit(lambda s: vol_service.get(s, ids[0]), done,
                               lambda _e: self.detail.show_detail(None, 0), owner=self)

    # -- actions ----------------------------------------------------------------------

    def open_add_dialog(self) -> VolunteerDialog:
        """Open the add dialog (window-modal, not blocking); returns it."""
        return self._open_dialog(None)

    def open_edit_dialog(self, volunteer_id: int) -> VolunteerDialog:
        return self._open_dialog(volunteer_id)

    def _open_dialog(self, volunteer_id: int | None) -> VolunteerDialog:
        dialog = VolunteerDialog(self.ctx, volunteer_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self._on_dialog_saved)
        self.dialog = dialog
        dialog.destroyed.connect(self._on_dialog_destroyed)
        dialog.open()
        return dialog

    def _on_dialog_destroyed(self, *_args: object) -> None:
        self.dialog = None

    def _on_dialog_saved(self, volunteer_id: int) -> None:
        self._select_after_load = volunteer_id
        self.model.refresh_rows([volunteer_id])

    def _on_edit_clicked(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_edit_dialog(ids[0])

    def open_availability_dialog(self, volunteer_id: int, name: str) -> AvailabilityDialog:
        """The planner's availability dialog for one volunteer (window-modal); returns it."""
        dialog = AvailabilityDialog(self.ctx, volunteer_id, name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.availability_dialog = dialog
        dialog.destroyed.connect(self._on_availability_dialog_destroyed)
        dialog.open()
        return dialog

    def _on_availability_dialog_destroyed(self, *_args: object) -> None:
        self.availability_dialog = None

    def _on_availability_clicked(self) -> None:
        rows = [r for r in self._selected_rows() if r is not None]
        if len(rows) == 1 and self.availability_button.isEnabled():
            self.open_availability_dialog(rows[0].id, rows[0].name)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        self.open_edit_dialog(int(index.data(ROLE_ID)))

    def _on_leave_clicked(self) -> None:
        rows = [r for r in self._selected_rows() if r is not None and r.active]
        if not rows:
            return
        dialog = LeaveDialog([r.name for r in rows], self)
        if dialog.exec() != LeaveDialog.DialogCode.Accepted:
            return
        ids, left_on = [r.id for r in rows], dialog.left_on

        def task(s):  # noqa: ANN001, ANN202
            for vid in ids:
                vol_service.deactivate(s, vid, left_on)

        # Issue 18: the duties they hold after their last day are listed first, to be
        # released with the departure (one unit of work) or kept (shown red in the planner).
        from datetime import timedelta

        from ui.planner.released_duties_dialog import ReleasedDutiesDialog
        from volunteer_app.services import replan

        names = {r.id: r.name for r in rows}

        def held(s):  # noqa: ANN001, ANN202
            return [(vid, names[vid], d) for vid in ids
                    for d in replan.held_duties(s, vid, left_on + timedelta(days=1))]

        ReleasedDutiesDialog.record_asking(
            self.ctx, self, held, ReleasedDutiesDialog.departure_intro(list(names.values()), left_on),
            task, lambda: self._after_change(ids), self._show_error)

    def _on_restore_clicked(self) -> None:
        ids = [r.id for r in self._selected_rows() if r is not None and not r.active]
        if not ids:
            return

        def task(s):  # noqa: ANN001, ANN202
            for vid in ids:
                vol_service.reactivate(s, vid)

        self.ctx.worker.submit(task, lambda _r: self._after_change(ids), self._show_error,
                               owner=self)

    def _on_delete_clicked(self) -> None:
        rows = [r for r in self._selected_rows() if r is not None]
        if len(rows) != 1:
            return
        row = rows[0]
        self.ctx.worker.submit(lambda s: vol_service.has_history(s, row.id),
                               lambda history: self._confirm_delete(row, history),
                               self._show_error, owner=self)

    def _confirm_delete(self, row, history: bool) -> None:  # noqa: ANN001
        if history:
            QMessageBox.information(
                self, self.tr("Delete volunteer"),
                arg(self.tr("%1 has a service history (duties, hours or requests) and cannot "
                            "be deleted. Use \u201cMark as left\u201d instead."), row.name))
            return
        answer = QMessageBox.question(
            self, self.tr("Delete volunteer"),
            arg(self.tr("Delete %1 (%2) from the register for good?\n\nThis cannot be undone. "
                        "If the volunteer only stopped serving, use \u201cMark as left\u201d."),
                row.name, row.mobile),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.worker.submit(lambda s: vol_service.delete(s, row.id),
                               lambda _r: self._after_change([row.id]), self._show_error,
                               owner=self)

    def _after_change(self, ids: list[int]) -> None:
        self.model.refresh_rows(ids)

    def _show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Volunteers"), error_text(exc))

    def _on_table_context_menu(self, pos) -> None:  # noqa: ANN001
        menu = QMenu(self)
        menu.addAction(self.tr("Edit\u2026"), self._on_edit_clicked).setEnabled(
            self.edit_button.isEnabled())
        menu.addAction(self.tr("Mark as left\u2026"), self._on_leave_clicked).setEnabled(
            self.leave_button.isEnabled())
        menu.addAction(self.tr("Restore"), self._on_restore_clicked).setEnabled(
            self.restore_button.isEnabled())
        menu.addAction(self.tr("Availability and leave\u2026"), self._on_availability_clicked).setEnabled(
            self.availability_button.isEnabled())
        menu.addSeparator()
        copy = menu.addAction(self.tr("Copy mobile numbers"), self._copy_mobiles)
        copy.setEnabled(bool(self.selected_ids()))
        menu.addSeparator()
        menu.addAction(self.tr("Delete\u2026"), self._on_delete_clicked).setEnabled(
            self.delete_button.isEnabled())
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _copy_mobiles(self) -> None:
        mobiles = [r.mobile for r in self._selected_rows() if r is not None]
        QGuiApplication.clipboard().setText("\n".join(mobiles))


class VolunteerDetailPanel(QScrollArea):
    """Everything about the selected volunteer, read-only."""

    FIELDS = ("mobile", "gender", "id_number", "grid", "political_status", "party_household",
              "occupation", "skills", "joined_on", "status", "teams", "notes")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteerDetail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(240)
        body = QWidget(self)
        self.name_label = QLabel(body)
        self.name_label.setObjectName("pageTitle")
        self.name_label.setWordWrap(True)
        self.hint_label = QLabel(body)
        self.hint_label.setObjectName("hint")
        self.hint_label.setWordWrap(True)
        labels = {
            "mobile": self.tr("Mobile phone"), "gender": self.tr("Gender"),
            "id_number": self.tr("ID card number"), "grid": self.tr("Grid"),
            "political_status": self.tr("Political status"),
            "party_household": self.tr("Party household"),
            "occupation": self.tr("Occupation"), "skills": self.tr("Skills"),
            "joined_on": self.tr("Joined on"), "status": self.tr("Status"),
            "teams": self.tr("Teams"), "notes": self.tr("Notes"),
        }
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key in self.FIELDS:
            value = QLabel(body)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(labels[key], value)
        layout = QVBoxLayout(body)
        layout.addWidget(self.name_label)
        layout.addWidget(self.hint_label)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setWidget(body)
        self._form_widgets = [self.values[k] for k in self.FIELDS]
        self.show_detail(None, 0)

    def show_detail(self, d: VolunteerDetail | None, selected: int = 1,
                    grid_name: str = "") -> None:
        """Show one volunteer, or a hint when none or several are selected."""
        if d is None:
            self.name_label.setText("")
            self.hint_label.setText(
                self.tr("Select a volunteer to see the details.") if selected == 0
                else self.tr("%n volunteers selected.", "", selected))
            for v in self.values.values():
                v.setText("")
            return
        self.name_label.setText(d.name)
        self.hint_label.setText("")
        yes, no = self.tr("Yes"), self.tr("No")
        status = (self.tr("Active") if d.active
                  else arg(self.tr("Left on %1"), d.left_on.isoformat() if d.left_on else "?"))
        values = {
            "mobile": d.mobile,
            "gender": gender_text(d.gender),
            "id_number": mask_id_number(d.id_number),
            "grid": grid_name,
            "political_status": d.political_status,
            "party_household": yes if d.party_household else no,
            "occupation": d.occupation,
            "skills": d.skills,
            "joined_on": d.joined_on.isoformat() if d.joined_on else "",
            "status": status,
            "teams": "\n".join(f"{name}\uff08{role_text(role)}\uff09" for _t, name, role in d.teams),
            "notes": d.notes,
        }
        for key, text in values.items():
            self.values[key].setText(text or "\u2014")
