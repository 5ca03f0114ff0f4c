"""Pick volunteers to add to a team: searchable, multi-select with check boxes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.common.icons import icon
from ui.registers.volunteers_model import COLUMN_KEYS, ROLE_ID, VolunteersModel
from ui.texts.registers import ROLE_CODES, role_text
from volunteer_app.services.volunteers import VolunteerFilter

SHOWN_COLUMNS = ("name", "mobile", "grid", "teams")


class MemberPickerDialog(QDialog):
    """Search the register and tick volunteers; ticks survive changing the search."""

    def __init__(self, ctx: AppContext, team_name: str, member_ids: set[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("memberPicker")
        self.setWindowTitle(arg(self.tr("Add members to %1"), team_name))
        self.resize(760, 560)

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(
            self.tr("Search name, pinyin, initials or phone digits"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.model = VolunteersModel(ctx, self)
        self.model.set_checkable(True)
        self.model.set_disabled_ids(member_ids)
        self.table = QTableView(self)
        self.table.setObjectName("pickerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        for col, key in enumerate(COLUMN_KEYS):
            self.table.setColumnHidden(col, key not in SHOWN_COLUMNS)
        header.resizeSection(COLUMN_KEYS.index("name"), 190)
        header.resizeSection(COLUMN_KEYS.index("mobile"), 120)
        header.resizeSection(COLUMN_KEYS.index("grid"), 90)
        header.setSectionResizeMode(COLUMN_KEYS.index("teams"), QHeaderView.ResizeMode.Stretch)
        hint = QLabel(self.tr("Tick the volunteers to add (Space ticks the selected rows). "
                              "Ticks are kept when you search again."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.chosen_label = QLabel(self)
        self.chosen_label.setWordWrap(True)
        self.role_combo = QComboBox(self)
        for code in ROLE_CODES:
            self.role_combo.addItem(role_text(code), code)
        role_row = QHBoxLayout()
        role_row.addWidget(QLabel(self.tr("Role in the team"), self))
        role_row.addWidget(self.role_combo)
        role_row.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("primary")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chosen_label)
        layout.addLayout(role_row)
        layout.addWidget(self.buttons)

        self.search_edit.textChanged.connect(self.model.set_search)
        self.model.sig_check_changed.connect(self._update_chosen)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self._update_chosen()
        self.model.set_filter(VolunteerFilter(active=True))

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 (Qt override)
        if event.key() == Qt.Key.Key_Space and self.table.hasFocus():
            rows = {i.row() for i in self.table.selectionModel().selectedRows()}
            ids = [self.model.id_at(r) for r in rows]
            on = not all(i in self.model.checked_ids for i in ids)
            for vid in ids:
                self.model.set_checked(vid, on)
            return
        super().keyPressEvent(event)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        vid = int(index.data(ROLE_ID))
        self.model.set_checked(vid, vid not in self.model.checked_ids)

    def _update_chosen(self) -> None:
        ids = self.model.checked_ids
        names = [r.name for r in (self.model.cached_row(i) for i in ids) if r is not None]
        shown = "\u3001".join(sorted(names)[:12]) + ("\u2026" if len(names) > 12 else "")
        self.chosen_label.setText(arg(self.tr("Chosen: %1"), shown) if ids
                                  else self.tr("No one chosen yet."))
        self.ok_button.setText(self.tr("Add %n volunteer(s)", "", len(ids)) if ids
                               else self.tr("Add"))
        self.ok_button.setEnabled(bool(ids))

    @property
    def chosen_ids(self) -> list[int]:
        return sorted(self.model.checked_ids)

    @property
    def role(self) -> str:
        return self.role_combo.currentData()
