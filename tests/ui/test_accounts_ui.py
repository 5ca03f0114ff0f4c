"""Operators, login and audit in the desktop app: the login dialog, screens only
administrators see, the audit screen, ID numbers masked for a coordinator."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from volunteer_app.models.people import Volunteer
from volunteer_app.security import accounts
from volunteer_app.security.permissions import Actor
from volunteer_app.services import volunteers as vol_service

COORDINATOR = Actor(name="协调员小李", role="coordinator", operator_id=901)
CAPTAIN = Actor(name="队长老王", role="captain", operator_id=902, team_id=1)


def _ok(dialog) -> None:  # noqa: ANN001
    """Press OK and wait for what it started on the database worker (dialogs with a context
    save there; the login dialog waits for its own background check)."""
    button = (dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
              or dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    button.click()
    ctx = getattr(dialog, "ctx", None)
    if ctx is not None:
        deadline = time.monotonic() + 10
        while ctx.worker.pending and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
        QApplication.processEvents()


def test_enable_accounts_then_login_wrong_and_right(empty_ctx, qtbot) -> None:  # noqa: ANN001
    from ui.admin.login_dialog import LoginDialog, accounts_on
    from ui.admin.operators_view import EnableAccountsDialog

    db = empty_ctx.db
    enable = EnableAccountsDialog(empty_ctx)
    qtbot.addWidget(enable)
    enable.username_edit.setText("admin")
    enable.password_edit.setText("short")
    enable.repeat_edit.setText("short")
    _ok(enable)
    assert "至少" in enable.message_label.text()  # password too short, named in Chinese
    assert not accounts_on(db)
    enable.password_edit.setText("geheim-123")
    enable.repeat_edit.setText("geheim-123")
    _ok(enable)
    assert enable.result() == enable.DialogCode.Accepted
    assert accounts_on(db)
    assert db.actor is not None and db.actor.role == "administrator"  # logged in at once

    db.actor = None  # a fresh start of the app
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText("wrong-password")
    _ok(dialog)
    assert not dialog.message_label.isHidden()
    assert dialog.message_label.text() == "用户名或密码错误。"
    assert db.actor is None and dialog.result() != dialog.DialogCode.Accepted
    dialog.password_edit.setText("geheim-123")
    _ok(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert db.actor is not None and db.actor.role == "administrator"
    assert db.actor.operator_id is not None


def test_locked_account_shows_until_when(empty_ctx, qtbot) -> None:  # noqa: ANN001
    from ui.admin.login_dialog import LoginDialog

    db = empty_ctx.db
    with db.session() as s:
        accounts.enable_accounts(s, "admin", "geheim-123")
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("admin")
    for _ in range(accounts.MAX_FAILURES):
        dialog.password_edit.setText("wrong-password")
        _ok(dialog)
    until = (datetime.now() + timedelta(minutes=accounts.LOCK_MINUTES)).strftime("%Y-%m-%d %H:")
    text = dialog.message_label.text()
    assert "锁定" in text and until in text
    dialog.password_edit.setText("geheim-123")  # the right password does not help now
    _ok(dialog)
    assert "锁定" in dialog.message_label.text() and db.actor is None


def test_admin_screens_hidden_for_coordinator_and_captain(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.main_window import MainWindow
    from ui.screens import SCREEN_KEYS

    rows = {k: SCREEN_KEYS.index(k) for k in ("operators", "audit")}
    for actor in (COORDINATOR, CAPTAIN):
        ctx.db.actor = actor
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        for row in rows.values():
            assert window._sidebar.item(row).isHidden()
        assert not window._view_actions["operators"].isVisible()
        window.show_screen("operators")
        assert window.current_screen_key == "volunteers"
        window.show_screen("audit")
        assert window.current_screen_key == "volunteers"
        window.close()


def test_admin_screens_shown_in_single_user_mode(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("operators")
    assert window.current_screen_key == "operators"
    window.show_screen("audit")
    assert window.current_screen_key == "audit"


def test_operators_screen_refuses_a_coordinator_in_the_core(ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    from ui.admin.operators_view import OperatorsView

    ctx.db.actor = COORDINATOR
    view = OperatorsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    wait_idle(ctx)
    assert "不允许" in view.message_label.text()
    assert view.table.rowCount() == 0 and not view.switch_button.isEnabled()


def test_operators_screen_lists_and_adds(empty_ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    from ui.admin.operators_view import OperatorDialog, OperatorsView

    db = empty_ctx.db
    with db.session() as s:
        accounts.enable_accounts(s, "admin", "geheim-123")
    accounts.login_unit(db, "admin", "geheim-123")
    view = OperatorsView(empty_ctx)
    qtbot.addWidget(view)
    view.refresh()
    wait_idle(empty_ctx)
    assert view.table.rowCount() == 1 and view.table.item(0, 2).text() == "管理员"
    dialog = OperatorDialog(empty_ctx, view.state.teams, None, view)
    dialog.username_edit.setText("clerk1")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("clerk"))
    dialog.password_edit.setText("clerk-pass-1")
    dialog.repeat_edit.setText("clerk-pass-1")
    _ok(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    view.refresh()
    wait_idle(empty_ctx)
    assert [view.table.item(r, 0).text() for r in range(view.table.rowCount())] == ["admin", "clerk1"]


def test_audit_screen_lists_a_change(ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    from ui.admin.audit_view import AuditView

    with ctx.db.session() as s:
        vid = vol_service.query_ids(s)[0]
        name = s.get(Volunteer, vid).name
        vol_service.deactivate(s, vid)
    view = AuditView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    wait_idle(ctx)
    found = [r for r in range(view.table.rowCount())
             if view.table.item(r, 3).text() == f"志愿者 #{vid}"
             and view.table.item(r, 2).text() == "修改"]
    assert found, [view.table.item(r, 3).text() for r in range(view.table.rowCount())]
    row = found[0]
    assert view.table.item(row, 4).text() == name
    assert "有效: 是 \u2192 否" in view.table.item(row, 5).text()
    # Filter by record type: the combo offers readable names, the query gets the table.
    view.entity_combo.setCurrentIndex(view.entity_combo.findData("volunteer"))
    view.refresh()
    wait_idle(ctx)
    assert view.table.rowCount() > 0
    assert all(view.table.item(r, 3).text().startswith("志愿者") for r in range(view.table.rowCount()))
    view.entity_combo.setCurrentIndex(0)
    # Filters: another action leaves it out.
    view.action_combo.setCurrentIndex(view.action_combo.findData("login"))
    wait_idle(ctx)
    assert all(view.table.item(r, 2).text() == "登录" for r in range(view.table.rowCount()))


def test_id_numbers_masked_in_details_for_a_coordinator(ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    from ui.registers.volunteers_view import VolunteersView

    with ctx.db.session() as s:
        vid, name, last4 = s.execute(select(Volunteer.id, Volunteer.name, Volunteer.id_number_last4)
                               .where(Volunteer.id_number_last4.is_not(None)).limit(1)).one()
    ctx.db.actor = COORDINATOR
    view = VolunteersView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    wait_idle(ctx)
    assert view.select_volunteer(vid)
    qtbot.waitUntil(lambda: view.detail.name_label.text() == name, timeout=10_000)
    shown = view.detail.values["id_number"].text()
    assert shown == "*" * 14 + last4


def test_gate_asks_for_a_login_only_when_accounts_are_on(empty_ctx, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from ui.admin import login_dialog

    shown = []
    monkeypatch.setattr(login_dialog.LoginDialog, "exec",
                        lambda self: shown.append(self) or login_dialog.QDialog.DialogCode.Rejected)
    db = empty_ctx.db
    assert login_dialog.gate_database(db) and not shown  # single-user mode: no login
    with db.session() as s:
        accounts.enable_accounts(s, "admin", "geheim-123")
    assert not login_dialog.gate_database(db) and len(shown) == 1  # cancelled: not opened
    accounts.login_unit(db, "admin", "geheim-123")
    assert login_dialog.gate_database(db) and len(shown) == 1


def test_login_and_the_accounts_check_open_no_session_on_the_ui_thread(empty_ctx, qtbot, monkeypatch) -> None:  # noqa: ANN001
    import threading

    from ui.admin.login_dialog import LoginDialog, accounts_on

    db = empty_ctx.db
    with db.session() as s:
        accounts.enable_accounts(s, "admin", "geheim-123")
    db.actor = None
    main = threading.get_ident()
    on_ui: list[bool] = []
    real = type(db).session

    def watched(self):  # noqa: ANN001, ANN202
        on_ui.append(threading.get_ident() == main)
        return real(self)

    monkeypatch.setattr(type(db), "session", watched)
    assert accounts_on(db)
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText("geheim-123")
    _ok(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert on_ui and not any(on_ui)
