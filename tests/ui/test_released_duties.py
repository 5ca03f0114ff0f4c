"""A leave or a departure covering duties someone holds, on the desktop (issue 18, point 1):
the duties are listed; releasing them (Enter) saves the change and cancels them in one unit
of work, undo gives them back, 填补空位 opens auto-fill for their week; keeping them (Esc)
saves the change alone and the planner draws the name in red. Before: the leave was saved
without a word and the cell stayed green with the name."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from ui.planner.availability_dialog import AvailabilityDialog
from ui.planner.colours import COLOUR_HARD
from ui.planner.planner_view import PlannerView
from ui.planner.released_duties_dialog import ReleasedDutiesDialog
from ui.planner.week_model import ROLE_CLASHES
from volunteer_app.models import Volunteer
from volunteer_app.models.availability import VolunteerLeave
from volunteer_app.models.shifts import Assignment
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import shifts as svc

NEXT_MONDAY = svc.monday_of(date.today()) + timedelta(days=7)


def _held(db):  # noqa: ANN001, ANN202
    """A volunteer with a planned or confirmed duty next week: (id, name, assignment, shift)."""
    with db.session() as s:
        week = svc.week_plan(s, NEXT_MONDAY)
        shift, a = next((r, a) for r in week.shifts for a in r.on_shift
                        if a.status in ("planned", "confirmed"))
        return a.volunteer_id, a.name, a.assignment_id, shift


def _status(db, assignment_id: int) -> str:  # noqa: ANN001
    with db.session() as s:
        return s.scalar(select(Assignment.status).where(Assignment.id == assignment_id))


def _leaves(db, vid: int) -> int:  # noqa: ANN001
    with db.session() as s:
        return len(s.scalars(select(VolunteerLeave).where(VolunteerLeave.volunteer_id == vid)).all())


def _leave_over(qtbot, ctx, vid: int, name: str, day: date) -> tuple[AvailabilityDialog, ReleasedDutiesDialog]:  # noqa: ANN001
    """Type a leave over ``day`` in the availability dialog and wait for the duties dialog."""
    dialog = AvailabilityDialog(ctx, vid, name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=15000)
    qday = QDate(day.year, day.month, day.day)
    dialog.leave_from.setDate(qday)
    dialog.leave_to.setDate(qday)
    qtbot.mouseClick(dialog.add_leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.released_dialog is not None and dialog.released_dialog.isVisible(),
                    timeout=15000)
    return dialog, dialog.released_dialog


def _planner(qtbot, ctx) -> PlannerView:  # noqa: ANN001
    view = PlannerView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitUntil(lambda: view.plan is not None, timeout=15000)
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        view.go_to_week(NEXT_MONDAY)
    return view


def _table_texts(rd: ReleasedDutiesDialog) -> list[str]:
    t = rd.table
    return [" ".join(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount())]


def test_leave_over_a_duty_lists_it_enter_releases_undo_gives_back(ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    vid, name, aid, shift = _held(ctx.db)
    before = _status(ctx.db, aid)
    view = _planner(qtbot, ctx)
    dialog, rd = _leave_over(qtbot, ctx, vid, name, shift.date)
    assert _leaves(ctx.db, vid) == 0  # nothing written before the choice
    assert rd.table.rowCount() >= 1
    assert any(shift.date.isoformat() in row and f"{shift.start:%H:%M}" in row for row in _table_texts(rd))
    assert rd.release_button.isDefault()
    qtbot.keyClick(rd, Qt.Key.Key_Return)  # Enter = release
    qtbot.waitUntil(lambda: rd.state == "released", timeout=15000)
    assert _status(ctx.db, aid) == "cancelled" and _leaves(ctx.db, vid) == 1
    assert aid in rd.released and rd.undo_button.isVisible() and rd.fill_button.isVisible()
    assert "释放" in rd.message.text()
    assert rd.table.item(0, rd.status_column).text() == "已取消"  # the list says what became of them
    qtbot.waitUntil(lambda: dialog.leave_table.rowCount() == 1, timeout=15000)

    def cell_names() -> str:
        return view.model.index_of_shift(shift.id).data(Qt.ItemDataRole.DisplayRole) or ""

    qtbot.waitUntil(lambda: name not in cell_names(), timeout=15000)  # the place is open again
    qtbot.mouseClick(rd.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rd.state == "undone", timeout=15000)
    assert _status(ctx.db, aid) == before
    assert rd.table.item(0, rd.status_column).text() != "已取消"
    assert _leaves(ctx.db, vid) == 1  # undo gives the duties back, the leave stays
    qtbot.waitUntil(lambda: name in cell_names(), timeout=15000)
    wait_idle(ctx)


def test_esc_keeps_the_duty_saves_the_leave_and_the_planner_draws_it_red(ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    vid, name, aid, shift = _held(ctx.db)
    before = _status(ctx.db, aid)
    view = _planner(qtbot, ctx)
    index = view.model.index_of_shift(shift.id)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None and index.data(ROLE_CLASHES) == []
    dialog, rd = _leave_over(qtbot, ctx, vid, name, shift.date)
    qtbot.keyClick(rd, Qt.Key.Key_Escape)  # Esc = keep
    qtbot.waitUntil(lambda: dialog.leave_table.rowCount() == 1, timeout=15000)
    assert _status(ctx.db, aid) == before and _leaves(ctx.db, vid) == 1

    def red() -> bool:
        i = view.model.index_of_shift(shift.id)
        brush = i.data(Qt.ItemDataRole.ForegroundRole)
        return brush is not None and brush.color() == COLOUR_HARD

    qtbot.waitUntil(red, timeout=15000)
    index = view.model.index_of_shift(shift.id)
    assert (name, "在请假") in index.data(ROLE_CLASHES)
    assert name in index.data(Qt.ItemDataRole.DisplayRole)
    assert f"{name}" in index.data(Qt.ItemDataRole.ToolTipRole) and "在请假" in index.data(Qt.ItemDataRole.ToolTipRole)
    wait_idle(ctx)


def test_a_failed_release_saves_nothing_not_even_the_leave(ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    vid, name, aid, shift = _held(ctx.db)
    _dialog, rd = _leave_over(qtbot, ctx, vid, name, shift.date)
    with ctx.db.session() as s:  # meanwhile, on another PC: the duty is served
        assignment_service.set_status(s, shift.id, vid, "completed")
    qtbot.mouseClick(rd.release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rd.state == "asking" and rd.keep_button.isEnabled(), timeout=15000)
    assert _leaves(ctx.db, vid) == 0 and _status(ctx.db, aid) == "completed"
    assert rd.message.text() != "" and rd.isVisible()
    rd.reject()  # keep: the leave alone is saved now
    qtbot.waitUntil(lambda: _leaves(ctx.db, vid) == 1, timeout=15000)
    wait_idle(ctx)


def test_fill_the_places_opens_autofill_for_the_week(ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    from ui.planner.autofill_dialog import AutofillDialog

    vid, name, aid, shift = _held(ctx.db)
    view = _planner(qtbot, ctx)
    dialog = AvailabilityDialog(ctx, vid, name, view)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=15000)
    qday = QDate(shift.date.year, shift.date.month, shift.date.day)
    dialog.leave_from.setDate(qday)
    dialog.leave_to.setDate(qday)
    qtbot.mouseClick(dialog.add_leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.released_dialog is not None and dialog.released_dialog.isVisible(),
                    timeout=15000)
    rd = dialog.released_dialog
    qtbot.mouseClick(rd.release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rd.state == "released", timeout=15000)
    qtbot.mouseClick(rd.fill_button, Qt.MouseButton.LeftButton)
    auto = rd.autofill_dialog
    assert isinstance(auto, AutofillDialog) and auto.isVisible()
    assert auto.parentWidget() is view  # outlives the availability dialog
    assert auto.scope.date_from == svc.monday_of(shift.date)
    auto.reject()
    wait_idle(ctx)


def test_mark_as_left_lists_the_duties_after_the_last_day(ctx, qtbot, wait_idle, monkeypatch) -> None:  # noqa: ANN001
    from ui.registers.volunteer_dialog import LeaveDialog
    from ui.registers.volunteers_view import VolunteersView

    vid, name, aid, shift = _held(ctx.db)
    monkeypatch.setattr(LeaveDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    view = VolunteersView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.loaded_once, timeout=15000)
    view.search_edit.setText(name)
    qtbot.waitUntil(lambda: view.select_volunteer(vid), timeout=15000)
    view._on_leave_clicked()  # left today: next week's duty is after the last day
    qtbot.waitUntil(lambda: bool(view.findChildren(ReleasedDutiesDialog)), timeout=15000)
    rd = view.findChildren(ReleasedDutiesDialog)[0]
    qtbot.waitUntil(rd.isVisible, timeout=15000)
    assert any(shift.date.isoformat() in row for row in _table_texts(rd))
    with ctx.db.session() as s:
        assert s.get(Volunteer, vid).active  # nothing written before the choice
    qtbot.keyClick(rd, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rd.state == "released", timeout=15000)
    with ctx.db.session() as s:
        assert not s.get(Volunteer, vid).active
    assert _status(ctx.db, aid) == "cancelled"
    rd.accept()
    wait_idle(ctx)


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape])
def test_mark_as_left_and_keep(ctx, qtbot, wait_idle, monkeypatch, key) -> None:  # noqa: ANN001
    from ui.registers.volunteer_dialog import LeaveDialog
    from ui.registers.volunteers_view import VolunteersView

    vid, name, aid, shift = _held(ctx.db)
    before = _status(ctx.db, aid)
    monkeypatch.setattr(LeaveDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    view = VolunteersView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.loaded_once, timeout=15000)
    view.search_edit.setText(name)
    qtbot.waitUntil(lambda: view.select_volunteer(vid), timeout=15000)
    view._on_leave_clicked()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(ReleasedDutiesDialog)),
                    timeout=15000)
    rd = view.findChildren(ReleasedDutiesDialog)[0]
    qtbot.keyClick(rd, key)
    qtbot.waitUntil(lambda: rd.state == "kept", timeout=15000)
    with ctx.db.session() as s:
        assert not s.get(Volunteer, vid).active
    assert _status(ctx.db, aid) == before
    with ctx.db.session() as s:
        clash = next(a.clash for r in svc.week_plan(s, NEXT_MONDAY).shifts for a in r.assigned
                     if a.assignment_id == aid)
    assert clash == "left"
    wait_idle(ctx)


def test_a_clerk_who_may_not_plan_sees_the_duties_and_keeps_them(ctx, qtbot, wait_idle, monkeypatch) -> None:  # noqa: ANN001
    """A clerk may mark someone as left but not plan duties: the list is shown (so they can
    tell a coordinator), 释放 is disabled with the reason, and Enter keeps."""
    from ui.registers.volunteer_dialog import LeaveDialog
    from ui.registers.volunteers_view import VolunteersView
    from volunteer_app.security import accounts

    vid, name, aid, shift = _held(ctx.db)
    before = _status(ctx.db, aid)
    with ctx.db.session() as s:
        accounts.enable_accounts(s, "admin", "admin-pass-1", "管理员老李")
    accounts.login_unit(ctx.db, "admin", "admin-pass-1")
    with ctx.db.session() as s:
        accounts.save_operator(s, None, "u", "clerk", "某人", password="user-pass-1")
    accounts.login_unit(ctx.db, "u", "user-pass-1")
    monkeypatch.setattr(LeaveDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    view = VolunteersView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.loaded_once, timeout=15000)
    view.search_edit.setText(name)
    qtbot.waitUntil(lambda: view.select_volunteer(vid), timeout=15000)
    view._on_leave_clicked()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(ReleasedDutiesDialog)),
                    timeout=15000)
    rd = view.findChildren(ReleasedDutiesDialog)[0]
    assert not rd.release_button.isEnabled() and rd.release_button.toolTip()
    assert rd.keep_button.isDefault() and not rd.release_button.isDefault()
    qtbot.keyClick(rd, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rd.state == "kept", timeout=15000)
    with ctx.db.session() as s:
        assert not s.get(Volunteer, vid).active
    assert _status(ctx.db, aid) == before
    wait_idle(ctx)
