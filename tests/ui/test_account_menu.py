"""The Account menu (账户): hidden without accounts; change my password, then log in with
the new one; switch operator, after which the window shows the new role's screens and
the operator in the status bar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from volunteer_app.security import accounts


def _window(ctx, qtbot):  # noqa: ANN001, ANN202
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    return window


def _accounts_on(ctx) -> None:  # noqa: ANN001
    """Accounts on with an administrator (logged in) and a clerk."""
    db = ctx.db
    with db.session() as s:
        accounts.enable_accounts(s, "admin", "admin-pass-1", "管理员老李")
    accounts.login_unit(db, "admin", "admin-pass-1")
    with db.session() as s:
        accounts.save_operator(s, None, "clerk", "clerk", "文员小张", password="clerk-pass-1")


def _row_hidden(window, key: str) -> bool:  # noqa: ANN001
    from ui.screens import SCREEN_KEYS

    return window._sidebar.item(SCREEN_KEYS.index(key)).isHidden()


def test_menu_hidden_without_accounts(ctx, qtbot) -> None:  # noqa: ANN001
    window = _window(ctx, qtbot)
    menu = window.account_menu
    assert not menu.accounts_on
    assert not menu.menu.menuAction().isVisible()
    assert menu.status_label.isHidden()


def test_menu_appears_when_accounts_are_switched_on(ctx, qtbot) -> None:  # noqa: ANN001
    window = _window(ctx, qtbot)
    _accounts_on(ctx)
    ctx.notify_changed("operators")  # what the Operators screen says after switching on
    qtbot.waitUntil(lambda: window.account_menu.accounts_on)
    assert window.account_menu.menu.menuAction().isVisible()
    assert window.account_menu.status_label.text() == "操作员：管理员老李（管理员）"


def test_change_password_then_log_in_with_the_new_one(ctx, qtbot) -> None:  # noqa: ANN001
    _accounts_on(ctx)
    window = _window(ctx, qtbot)
    menu = window.account_menu
    assert menu.accounts_on and menu.menu.menuAction().isVisible()
    assert menu.action_password.isEnabled()
    assert menu.menu.title() == "账户(&A)"
    dialog = menu.change_password()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.old_edit, "wrong-password")
    qtbot.keyClicks(dialog.new_edit, "short")
    assert "8" in dialog.rows["password"].error.text()  # at least 8 characters
    dialog.new_edit.clear()
    qtbot.keyClicks(dialog.new_edit, "new-pass-22")
    qtbot.keyClicks(dialog.repeat_edit, "new-pass-2")
    assert dialog.rows["repeat"].error.text() == "与新密码不一致"
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.repeat_edit, "2")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0 and dialog.rows["old"].error.text() != "")
    assert dialog.rows["old"].error.text() == "不正确"  # the current password was wrong
    assert not dialog.save_button.isEnabled() and dialog.isVisible()
    with pytest.raises(accounts.LoginFailed):  # nothing changed
        accounts.login_unit(ctx.db, "admin", "new-pass-22")
    accounts.login_unit(ctx.db, "admin", "admin-pass-1")
    dialog.old_edit.clear()
    qtbot.keyClicks(dialog.old_edit, "admin-pass-1")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_changed, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    with pytest.raises(accounts.LoginFailed):
        accounts.login_unit(ctx.db, "admin", "admin-pass-1")
    actor = accounts.login_unit(ctx.db, "admin", "new-pass-22")
    assert actor.role == "administrator"


def test_switch_operator_changes_the_visible_screens(ctx, qtbot) -> None:  # noqa: ANN001
    _accounts_on(ctx)
    window = _window(ctx, qtbot)
    qtbot.waitUntil(lambda: window.account_menu.accounts_on)
    assert not _row_hidden(window, "operators") and not _row_hidden(window, "audit")
    window.show_screen("operators")
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)

    # Cancelling keeps the administrator, even after a wrong password.
    dialog = window.account_menu.switch_operator()
    assert dialog.windowTitle() == "切换操作员"
    dialog.username_edit.setText("clerk")
    dialog.password_edit.setText("wrong-password")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.message_label.text() == "用户名或密码错误。"
    dialog.reject()
    assert ctx.db.actor is not None and ctx.db.actor.role == "administrator"
    assert not _row_hidden(window, "operators")

    dialog = window.account_menu.switch_operator()
    dialog.username_edit.setText("clerk")
    dialog.password_edit.setText("clerk-pass-1")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ctx.db.actor.role == "clerk" and ctx.db.actor.name == "文员小张"
    qtbot.waitUntil(lambda: ctx.worker.pending == 0 and window.account_menu.accounts_on)
    # Administrators' screens are gone; the screen shown falls back to one the clerk may use.
    assert _row_hidden(window, "operators") and _row_hidden(window, "audit")
    assert not window._view_actions["operators"].isVisible()
    assert window.current_screen_key == "volunteers"
    assert window.account_menu.status_label.text() == "操作员：文员小张（办事员）"
    # The hours screen is rebuilt for the clerk: may record, may not verify.
    window.show_screen("hours")
    hours = window.screen_widget("hours")
    qtbot.waitUntil(lambda: ctx.worker.pending == 0 and bool(hours.access.record))
    assert hours.add_button.isEnabled() and not hours.verify_button.isEnabled()

    # And back to the administrator.
    dialog = window.account_menu.switch_operator()
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText("admin-pass-1")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    assert not _row_hidden(window, "operators")
    assert window.account_menu.status_label.text() == "操作员：管理员老李（管理员）"
