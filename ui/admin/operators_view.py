"""Operators (administrators only): switch accounts on and off, add and edit operators,
reset passwords, lift lockouts.

Every change goes through :mod:`volunteer_app.security.accounts`, which checks
``operators.manage`` itself: hiding this screen from other roles is a convenience, the
core is the guard.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.i18n import arg
from ui.common.icons import icon
from ui.common.table_style import read_only_rows
from ui.texts.accounts import ROLE_TITLES, role_title
from ui.texts.errors import error_text
from volunteer_app.security import accounts
from volunteer_app.security.accounts import MIN_PASSWORD, OperatorRow


@dataclass(frozen=True)
class OperatorsState:
    """What the screen shows: whether accounts are on, the operators, the teams to pick."""

    enabled: bool
    operators: list[OperatorRow]
    teams: list[tuple[int, str]]


def load_state(session) -> OperatorsState:  # noqa: ANN001
    """One unit of work: accounts switch, operators (when on) and team names."""
    from volunteer_app.security.permissions import accounts_enabled, require
    from volunteer_app.services import teams as team_service

    require(session, "operators.manage")
    enabled = accounts_enabled(session)
    teams = [(t.id, t.name) for t in team_service.list_teams(session)]
    return OperatorsState(enabled, accounts.list_operators(session), teams)


class OperatorsView(QWidget):
    """The operators screen."""

    COLUMNS = 7

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state: OperatorsState | None = None
        self.setObjectName("operatorsView")
        title = QLabel(self.tr("Operators"), self)
        title.setObjectName("pageTitle")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("accountsStatus")
        self.status_label.setWordWrap(True)
        self.switch_button = QPushButton(self)
        self.switch_button.setObjectName("accountsSwitch")
        self.switch_button.clicked.connect(self._on_switch_clicked)
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.switch_button)

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("operatorTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Team"),
            self.tr("Status"), self.tr("Locked until"), self.tr("Last login")])
        header = read_only_rows(self.table, 28, wrap=True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self._on_edit_clicked())

        self.add_button = QPushButton(icon("add"), self.tr("New operator\u2026"), self)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button = QPushButton(self.tr("Edit\u2026"), self)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.unlock_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("operatorsMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        self._show_state(None)

    # -- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the switch and the operators."""
        self.ctx.worker.submit(load_state, self._show_state, self._on_load_failed, owner=self)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._show_state(None)
        self.message_label.setText(error_text(exc))
        self.message_label.show()

    def _show_state(self, state: OperatorsState | None) -> None:
        self.state = state
        if state is not None:
            self.message_label.hide()
        enabled = bool(state and state.enabled)
        if state is None:
            self.status_label.setText("")
        elif enabled:
            self.status_label.setText(self.tr(
                "Operator accounts are on: everyone logs in and may do only what their role "
                "allows; every change is recorded with their name."))
        else:
            self.status_label.setText(self.tr(
                "Operator accounts are off (single-user mode): whoever uses this PC may do "
                "everything. Switch them on when several people or PCs share this database."))
        self.switch_button.setText(self.tr("Switch accounts off\u2026") if enabled
                                   else self.tr("Switch accounts on\u2026"))
        self.switch_button.setEnabled(state is not None)
        rows = state.operators if state else []
        teams = dict(state.teams) if state else {}
        self.table.setRowCount(len(rows))
        for r, op in enumerate(rows):
            status = self.tr("Active") if op.active else self.tr("Disabled")
            locked = (op.locked_until.strftime("%Y-%m-%d %H:%M")
                      if op.locked_until is not None else "")
            last = op.last_login_at.strftime("%Y-%m-%d %H:%M") if op.last_login_at else ""
            cells = [op.username, op.display_name, role_title(op.role),
                     teams.get(op.team_id, "") if op.team_id else "", status, locked, last]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, op.id)
                if not op.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        self._update_buttons()

    def selected_operator(self) -> OperatorRow | None:
        """The operator of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.state is None:
            return None
        return self.state.operators[rows[0].row()]

    def _update_buttons(self) -> None:
        on = bool(self.state and self.state.enabled)
        op = self.selected_operator()
        self.add_button.setEnabled(on)
        self.edit_button.setEnabled(on and op is not None)
        self.unlock_button.setEnabled(on and op is not None and op.locked_until is not None)
        self.table.setEnabled(on)

    # -- actions ----------------------------------------------------------------------

    def _on_switch_clicked(self) -> None:
        if self.state is None:
            return
        if self.state.enabled:
            answer = QMessageBox.question(
                self, self.tr("Switch accounts off"),
                self.tr("Switch operator accounts off? Whoever uses this PC may then do "
                        "everything without logging in. The operators are kept for when "
                        "accounts are switched on again."))
            if answer == QMessageBox.StandardButton.Yes:
                self.ctx.worker.submit(accounts.disable_accounts, self._on_changed,
                                       self._on_failed, owner=self)
            return
        dialog = EnableAccountsDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _on_add_clicked(self) -> None:
        self._edit(None)

    def _on_edit_clicked(self) -> None:
        op = self.selected_operator()
        if op is not None:
            self._edit(op)

    def _edit(self, op: OperatorRow | None) -> None:
        dialog = OperatorDialog(self.ctx, self.state.teams if self.state else [], op, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._on_changed(None)

    def _on_unlock_clicked(self) -> None:
        op = self.selected_operator()
        if op is None:
            return
        self.ctx.worker.submit(lambda s: accounts.unlock(s, op.id), self._on_changed,
                               self._on_failed, owner=self)

    def _on_changed(self, _result: object) -> None:
        self.refresh()

    def _on_failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Operators"), error_text(exc))
        self.refresh()


def _password_pair(parent: QWidget) -> tuple[QLineEdit, QLineEdit]:
    first, second = QLineEdit(parent), QLineEdit(parent)
    for edit in (first, second):
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return first, second


class EnableAccountsDialog(QDialog):
    """Switch accounts on: the first administrator's user name and password.

    On success this process logs in as that administrator, since from now on the
    database refuses work from anybody not logged in.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("enableAccountsDialog")
        self.setWindowTitle(self.tr("Switch accounts on"))
        intro = QLabel(self.tr(
            "From now on everyone logs in with a user name and password and may do only what "
            "their role allows. Create the first administrator; you will be logged in as them."),
            self)
        intro.setWordWrap(True)
        self.username_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.password_edit, self.repeat_edit = _password_pair(self)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(arg(self.tr("Password (at least %1 characters)"), MIN_PASSWORD), self.password_edit)
        form.addRow(self.tr("Repeat password"), self.repeat_edit)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        # Esc, the close button and Cancel ask before what was typed is lost.
        self.dirty = DirtyTracker(
            self, lambda: (self.username_edit.text(), self.name_edit.text(),
                           self.password_edit.text(), self.repeat_edit.text()),
            lambda: self.tr("the first administrator's account"))
        self.buttons.rejected.connect(self.dirty.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.dirty.mark_clean()

    def _on_buttons_accepted(self) -> None:
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        if password != self.repeat_edit.text():
            self.message_label.setText(self.tr("The two passwords differ."))
            return
        name = self.name_edit.text().strip()
        db = self.ctx.db

        def task() -> None:  # the worker: two units of work, then the administrator acts
            with db.session() as s:
                accounts.enable_accounts(s, username, password, name)
            accounts.login_unit(db, username, password)

        self.buttons.setEnabled(False)
        self.ctx.worker.submit(task, lambda _r: self.accept(), self._on_failed,
                               with_session=False, owner=self, label="enable accounts")

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message_label.setText(error_text(exc))  # under the form; the dialog stays open


class OperatorDialog(QDialog):
    """Add or edit an operator: user name, name, role, the captain's team, active, password."""

    def __init__(self, ctx: AppContext, teams: list[tuple[int, str]], op: OperatorRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.op = op
        self.setObjectName("operatorDialog")
        self.setWindowTitle(self.tr("New operator") if op is None else self.tr("Edit operator"))
        self.username_edit = QLineEdit(op.username if op else "", self)
        self.name_edit = QLineEdit(op.display_name if op else "", self)
        self.role_combo = QComboBox(self)
        for role in ROLE_TITLES:
            self.role_combo.addItem(role_title(role), role)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(op.role if op else "clerk")))
        self.team_combo = QComboBox(self)
        self.team_combo.addItem(self.tr("(choose the team)"), None)
        for team_id, name in teams:
            self.team_combo.addItem(name, team_id)
        if op is not None and op.team_id is not None:
            self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(op.team_id)))
        self.active_check = QCheckBox(self.tr("May log in"), self)
        self.active_check.setChecked(op.active if op else True)
        self.password_edit, self.repeat_edit = _password_pair(self)
        if op is not None:
            self.password_edit.setPlaceholderText(self.tr("leave empty to keep the password"))
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        form.addRow(self.tr("Team (captains)"), self.team_combo)
        form.addRow("", self.active_check)
        form.addRow(self.tr("New password") if op else self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Repeat password"), self.repeat_edit)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("operatorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        # Esc, the close button and Cancel ask before typed changes are lost.
        self.dirty = DirtyTracker(self, self.form_values, self._subject)
        self.buttons.rejected.connect(self.dirty.cancel)
        self.role_combo.currentIndexChanged.connect(self._on_role_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._on_role_changed()
        self.dirty.mark_clean()

    def form_values(self) -> tuple:
        """What the form holds, for noticing changes."""
        return (self.username_edit.text(), self.name_edit.text(), self.role_combo.currentData(),
                self.team_combo.currentData(), self.active_check.isChecked(),
                self.password_edit.text(), self.repeat_edit.text())

    def _subject(self) -> str:
        if self.op is not None:
            return arg(self.tr("operator \u201c%1\u201d"), self.op.username)
        return self.tr("the new operator")

    def _on_role_changed(self) -> None:
        self.team_combo.setEnabled(self.role_combo.currentData() == "captain")

    def _on_buttons_accepted(self) -> None:
        password = self.password_edit.text()
        if password != self.repeat_edit.text():
            self.message_label.setText(self.tr("The two passwords differ."))
            return
        role = self.role_combo.currentData()
        args = dict(
            username=self.username_edit.text().strip(), role=role,
            display_name=self.name_edit.text().strip(),
            team_id=self.team_combo.currentData() if role == "captain" else None,
            password=password or None, active=self.active_check.isChecked(),
            expected_version=self.op.version if self.op else None)  # another admin's save: stale
        op_id = self.op.id if self.op else None
        self.buttons.setEnabled(False)
        self.ctx.worker.submit(lambda s: accounts.save_operator(s, op_id, **args),
                               lambda _r: self.accept(), self._on_failed, owner=self,
                               label="save operator")

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message_label.setText(error_text(exc))  # under the form; the dialog stays open
