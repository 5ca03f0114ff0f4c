"""The Account menu of the main window (账户): change my password, switch operator; and
the operator shown in the status bar. Both appear only while the open database has
operator accounts switched on.

The main window installs it each time it builds its menus (:meth:`AccountMenu.install`);
it follows the window's context (database switches) and the ``"operators"`` topic
(accounts switched on or off on the Operators screen) by itself.

Switching operator shows the login dialog; after a successful login the window is
rebuilt for the new operator's role (screens they may not use disappear, the others are
built afresh with the buttons their role allows). Cancelling keeps the previous operator.

Nothing here touches PySide6's ``Qt`` namespace while the window is built: the main
window is shown before it is first loaded (start-up time).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QMenuBar

from ui.common.i18n import arg
from volunteer_app import changes

if TYPE_CHECKING:
    from ui.common.context import AppContext
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

STATUS_LABEL = "statusOperator"


class AccountMenu(QObject):
    """The menu, its two actions and the status-bar label of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog = None  # the dialog opened last (tests answer it)
        self.accounts_on = False
        self._ctx: AppContext | None = None
        self.menu = QMenu(self.tr("&Account"), window)
        self.menu.setObjectName("accountMenu")
        self.action_password = QAction(self.tr("&Change my password\u2026"), self)
        self.action_password.triggered.connect(self._on_password_triggered)
        self.action_switch = QAction(self.tr("&Switch operator\u2026"), self)
        self.action_switch.triggered.connect(self._on_switch_triggered)
        self.menu.addAction(self.action_password)
        self.menu.addAction(self.action_switch)
        self.menu.menuAction().setVisible(False)
        label = window.statusBar().findChild(QLabel, STATUS_LABEL)
        if label is None:
            label = QLabel(window)
            label.setObjectName(STATUS_LABEL)
            window.statusBar().addPermanentWidget(label)
            label.hide()
        self.status_label = label
        window.sig_context_ready.connect(self.refresh)
        window.sig_context_replaced.connect(self.refresh)
        self.refresh()

    @classmethod
    def install(cls, window: MainWindow, bar: QMenuBar) -> AccountMenu:
        """Add the Account menu to ``bar`` (replacing the window's previous one)."""
        old = getattr(window, "account_menu", None)
        if old is not None:
            old.dispose()
        menu = cls(window)
        bar.addMenu(menu.menu)
        window.account_menu = menu
        return menu

    def dispose(self) -> None:
        """Stop following the window (its menus are being rebuilt)."""
        for signal in (self.window.sig_context_ready, self.window.sig_context_replaced):
            try:
                signal.disconnect(self.refresh)
            except (RuntimeError, TypeError):  # already disconnected
                pass
        self._follow(None)
        self.menu.deleteLater()
        self.deleteLater()

    # -- state ------------------------------------------------------------------------

    def _follow(self, ctx: AppContext | None) -> None:
        if ctx is self._ctx:
            return
        if self._ctx is not None:
            try:
                self._ctx.sig_data_changed.disconnect(self._on_ctx_data_changed)
            except (RuntimeError, TypeError):  # the old context is gone already
                pass
        self._ctx = ctx
        if ctx is not None:
            ctx.sig_data_changed.connect(self._on_ctx_data_changed)

    def refresh(self, *_args: object) -> None:
        """Ask the database whether accounts are on, then show or hide the menu."""
        ctx = self.window.ctx
        self._follow(ctx)
        if ctx is None:
            self._show_state(False)
            return
        from volunteer_app.security.permissions import accounts_enabled

        ctx.worker.submit(accounts_enabled, self._show_state,
                          lambda exc: log.warning("accounts state: %s", exc), owner=self,
                          label="accounts state")

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic == changes.OPERATORS:
            self.refresh()

    def _show_state(self, on: bool) -> None:
        self.accounts_on = bool(on)
        ctx = self.window.ctx
        actor = ctx.db.actor if ctx is not None else None
        logged_in = actor is not None and not actor.single_user
        self.menu.menuAction().setVisible(self.accounts_on)
        self.action_password.setEnabled(self.accounts_on and logged_in)
        self.action_switch.setEnabled(self.accounts_on)
        if self.accounts_on and logged_in:
            from ui.texts.accounts import role_title

            self.status_label.setText(arg(self.tr("Operator: %1 (%2)"), actor.name,
                                          role_title(actor.role)))
            self.status_label.show()
        else:
            self.status_label.clear()
            self.status_label.hide()

    # -- actions ----------------------------------------------------------------------

    def _on_password_triggered(self) -> None:
        self.change_password()

    def change_password(self):  # noqa: ANN201
        """Open the change-my-password dialog (returned; it is window-modal)."""
        from PySide6.QtCore import Qt

        from ui.admin.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.window.ctx, self.window)
        dialog.sig_changed.connect(self._on_password_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_password_changed(self) -> None:
        self.window.statusBar().showMessage(self.tr("Your password was changed."), 5000)

    def _on_switch_triggered(self) -> None:
        self.switch_operator()

    def switch_operator(self):  # noqa: ANN201
        """Show the login dialog; a successful login makes its operator the acting one."""
        from PySide6.QtCore import Qt

        from ui.admin.login_dialog import LoginDialog

        ctx = self.window.ctx
        previous = ctx.db.actor
        dialog = LoginDialog(ctx.db, self.window)
        dialog.setObjectName("switchOperatorDialog")
        dialog.setWindowTitle(self.tr("Switch operator"))
        dialog.finished.connect(lambda result: self._on_login_finished(ctx, previous, result))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_login_finished(self, ctx: AppContext, previous: object, result: int) -> None:
        if ctx is not self.window.ctx:
            return  # the database was switched meanwhile
        from PySide6.QtWidgets import QDialog

        if result != QDialog.DialogCode.Accepted.value or ctx.db.actor is None:
            # Cancelled: the previous operator carries on (a failed attempt cleared it).
            ctx.db.actor = previous
            return
        if previous is not None and ctx.db.actor == previous:
            return
        actor = ctx.db.actor
        window = self.window
        window.rebuild()  # screens, sidebar and menus for the new role (replaces this menu)
        window.statusBar().showMessage(arg(self.tr("Now working as %1."), actor.name), 5000)
