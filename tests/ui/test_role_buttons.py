"""Buttons a role may not use are disabled before the form is filled (issue 18, point 12).

A captain saw 新增志愿者, 导入 and 收单 enabled and learnt only after filling the form that
the role may not use them; the Orders screen popped "您的角色不允许此操作" twice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select

from volunteer_app.models import Team
from volunteer_app.security import accounts


def _log_in_as(ctx, role: str):  # noqa: ANN001, ANN202
    with ctx.db.session() as s:
        accounts.enable_accounts(s, "admin", "admin-pass-1", "管理员老李")
    accounts.login_unit(ctx.db, "admin", "admin-pass-1")
    if role != "administrator":
        with ctx.db.session() as s:
            team = s.scalar(select(Team.id).where(Team.name == "小喇叭巡逻队")) if role == "captain" else None
            accounts.save_operator(s, None, "u", role, "某人", team_id=team, password="user-pass-1")
        accounts.login_unit(ctx.db, "u", "user-pass-1")


def _window(ctx, qtbot):  # noqa: ANN001, ANN202
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    return window


def _sidebar_hidden(window, key: str) -> bool:  # noqa: ANN001
    from ui.screens import SCREEN_KEYS

    return window._sidebar.item(SCREEN_KEYS.index(key)).isHidden()


def test_a_captain_is_not_offered_what_the_role_may_not_do(ctx, qtbot) -> None:  # noqa: ANN001
    _log_in_as(ctx, "captain")
    window = _window(ctx, qtbot)
    volunteers = window.screen_widget("volunteers")
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    for button in (volunteers.add_button, volunteers.import_button, volunteers.export_button):
        assert not button.isEnabled(), button.text()
        assert button.toolTip()
    volunteers.table.selectRow(0)
    qtbot.waitUntil(lambda: volunteers.edit_button.isEnabled())
    assert not volunteers.leave_button.isEnabled() and not volunteers.delete_button.isEnabled()
    assert _sidebar_hidden(window, "orders")  # no requests.read: not a screen that refuses twice
    teams = window.screen_widget("teams")
    assert not teams.new_team_button.isEnabled()
    planner = window.screen_widget("schedule")
    assert planner.generate_button.isEnabled()  # a captain plans their own team's week
    assert not planner.holidays_button.isEnabled()  # the community's holidays are not theirs
    assert not window.action_import.isEnabled() and not window.action_restore.isEnabled()


def test_a_clerk_keeps_the_registers_but_not_the_planning(ctx, qtbot) -> None:  # noqa: ANN001
    _log_in_as(ctx, "clerk")
    window = _window(ctx, qtbot)
    volunteers = window.screen_widget("volunteers")
    assert volunteers.add_button.isEnabled() and volunteers.import_button.isEnabled()
    assert not _sidebar_hidden(window, "orders")
    orders = window.screen_widget("orders")
    assert orders.new_button.isEnabled()
    planner = window.screen_widget("schedule")
    assert not planner.generate_button.isEnabled() and not planner.autofill_button.isEnabled()
    # Issue 18.4: no one-off duty, no delete; the history is there to read, its undo is not.
    assert not planner.oneoff_button.isEnabled()
    planner.removal.update(object())  # as if a duty were selected
    assert not planner.removal.delete_button.isEnabled() and planner.history_button.isEnabled()
    from ui.planner.batch_history_dialog import BatchHistoryDialog

    history = BatchHistoryDialog(ctx, planner)
    qtbot.waitUntil(lambda: history.table.rowCount() > 0, timeout=15000)  # the demo's generation
    denied = QCoreApplication.translate("Roles", "Your role may not do this.")
    undo_buttons = [history.table.cellWidget(r, 6) for r in range(history.table.rowCount())]
    assert all(not b.isEnabled() and b.toolTip() == denied for b in undo_buttons)
    assert window.action_import.isEnabled() and not window.action_restore.isEnabled()


def test_a_coordinator_cannot_take_in_requests(ctx, qtbot) -> None:  # noqa: ANN001
    _log_in_as(ctx, "coordinator")
    window = _window(ctx, qtbot)
    orders = window.screen_widget("orders")
    assert not orders.new_button.isEnabled()
    orders_steps = [b for b in orders.step_buttons.values() if b.isEnabled()]
    assert orders_steps == []
    volunteers = window.screen_widget("volunteers")
    assert not volunteers.add_button.isEnabled() and volunteers.export_button.isEnabled()
