"""The weekly planner screen with pytest-qt: drag-and-drop and double-click assignment,
override reasons, remove/confirm, copy previous week, navigation, holidays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QDropEvent
from sqlalchemy import select

from ui.common.context import AppContext
from ui.planner.override_dialog import OverrideDialog
from ui.planner.planner_view import PlannerView
from ui.planner.volunteer_drag import encode_volunteer_ids
from ui.planner.week_model import MODE_GRIDS
from volunteer_app.models.shifts import Assignment
from volunteer_app.scheduling import holidays as hol
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import holidays as holiday_service
from volunteer_app.services import shifts as svc
from volunteer_app.services import templates as template_service

NEXT_MONDAY = svc.monday_of(date.today()) + timedelta(days=7)


@pytest.fixture
def ctx(demo_db):  # noqa: ANN001, ANN201
    context = AppContext(demo_db)
    yield context
    context.close()


@pytest.fixture
def view(ctx, qtbot):  # noqa: ANN001, ANN201
    v = PlannerView(ctx)
    qtbot.addWidget(v)
    v.resize(1300, 800)
    v.show()
    qtbot.waitUntil(lambda: v.plan is not None, timeout=15000)
    return v


def go_to(qtbot, v: PlannerView, day: date) -> None:  # noqa: ANN001
    with qtbot.waitSignal(v.sig_week_loaded, timeout=15000):
        v.go_to_week(day)


def assignment(db, shift_id: int, volunteer_id: int):  # noqa: ANN001, ANN201
    with db.session() as s:
        row = s.scalar(select(Assignment).where(Assignment.shift_id == shift_id,
                                                Assignment.volunteer_id == volunteer_id))
        return None if row is None else (row.status, row.override_reason, row.source)


def open_shift_and_volunteers(db, monday: date):  # noqa: ANN001, ANN201
    """A shift of the week with a gap, one eligible volunteer and one blocked by team."""
    with db.session() as s:
        plan = svc.week_plan(s, monday)
        shift = next(r for r in plan.shifts if r.gap > 0 and r.team_id is not None
                     and r.duty_type == "patrol")
        rows = assignment_service.candidates(s, shift.id)
    ok = next(r for r in rows if not r.conflicts)
    blocked = next(r for r in rows if [c.code for c in r.conflicts] == ["not_member"])
    return shift, ok, blocked


def test_opens_on_this_week_with_iso_week_and_dates(view) -> None:  # noqa: ANN001
    monday = svc.monday_of(date.today())
    assert view.monday == monday
    assert svc.week_label(monday) in view.week_label.text()
    assert view.model.rowCount() > 10
    head = view.model.headerData(1, Qt.Orientation.Horizontal)
    assert f"{monday:%m-%d}" in head
    # Every demo shift of the week is on the grid.
    shown = {cell.id for row in view.model.rows for cell in row.cells if cell is not None}
    assert shown == {s.id for s in view.plan.shifts}


def test_drop_event_assigns_volunteer(view, qtbot, demo_db) -> None:  # noqa: ANN001
    go_to(qtbot, view, NEXT_MONDAY)
    shift, ok, _blocked = open_shift_and_volunteers(demo_db, NEXT_MONDAY)
    index = view.model.index_of_shift(shift.id)
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    mime = encode_volunteer_ids([ok.volunteer_id])  # the event does not own it: keep it alive
    event = QDropEvent(QPointF(rect.center()), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        view.table.dropEvent(event)
    assert assignment(demo_db, shift.id, ok.volunteer_id) == ("planned", None, "manual")
    cell = view.model.shift_at(view.model.index_of_shift(shift.id))
    assert ok.volunteer_id in [a.volunteer_id for a in cell.assigned]
    assert cell.filled == shift.filled + 1


def test_drop_of_blocked_volunteer_asks_for_a_reason(view, qtbot, demo_db) -> None:  # noqa: ANN001
    go_to(qtbot, view, NEXT_MONDAY)
    shift, _ok, blocked = open_shift_and_volunteers(demo_db, NEXT_MONDAY)
    index = view.model.index_of_shift(shift.id)
    mime = encode_volunteer_ids([blocked.volunteer_id])
    assert view.model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, index)
    view.model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, index)
    qtbot.waitUntil(lambda: isinstance(view._override_dialog, OverrideDialog)
                    and view._override_dialog.isVisible(), timeout=15000)
    dialog = view._override_dialog
    assert "not a member" in " ".join(lab.text() for lab in dialog.findChildren(type(view.week_label)))
    ok_button = dialog.buttons.buttons()[0]
    assert not ok_button.isEnabled()  # no reason, no override
    assert assignment(demo_db, shift.id, blocked.volunteer_id) is None
    dialog.reason_edit.setText("队长同意临时支援")
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        dialog.accept()
    assert assignment(demo_db, shift.id, blocked.volunteer_id) == ("planned", "队长同意临时支援", "manual")


def test_drop_outside_a_shift_is_refused(view, qtbot) -> None:  # noqa: ANN001
    mime = encode_volunteer_ids([1])
    label_cell = view.model.index(1, 0)
    assert not view.model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, label_cell)
    assert not view.model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, label_cell)


def test_candidates_listed_eligible_first_and_double_click_assigns(view, qtbot, demo_db) -> None:  # noqa: ANN001
    go_to(qtbot, view, NEXT_MONDAY)
    shift, _ok, _blocked = open_shift_and_volunteers(demo_db, NEXT_MONDAY)
    with qtbot.waitSignal(view.sig_candidates_loaded, timeout=15000):
        assert view.select_shift(shift.id)
    rows = view.candidates
    eligible = [r.eligible for r in rows]
    assert eligible == sorted(eligible, reverse=True) and eligible[0] and not eligible[-1]
    table = view.candidate_table
    last = table.rowCount() - 1
    assert table.item(last, 2).text()  # the reason is shown for those who cannot
    assert (table.item(0, 2).text() == "") == (not rows[0].conflicts)
    first_id = table.item(0, 0).data(Qt.ItemDataRole.UserRole + 2)
    rect = table.visualItemRect(table.item(0, 0))
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        # A real double-click: press and release, then the second press as a double-click.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert assignment(demo_db, shift.id, first_id) is not None
    qtbot.waitUntil(lambda: first_id not in [r.volunteer_id for r in view.candidates], timeout=15000)


def test_candidate_drag_carries_volunteer_ids(view, qtbot, demo_db) -> None:  # noqa: ANN001
    go_to(qtbot, view, NEXT_MONDAY)
    shift, _ok, _blocked = open_shift_and_volunteers(demo_db, NEXT_MONDAY)
    with qtbot.waitSignal(view.sig_candidates_loaded, timeout=15000):
        view.select_shift(shift.id)
    table = view.candidate_table
    mime = table.mimeData([table.item(0, 0), table.item(0, 2), table.item(1, 1)])
    from ui.planner.volunteer_drag import decode_volunteer_ids
    assert decode_volunteer_ids(mime) == [view.candidates[0].volunteer_id,
                                          view.candidates[1].volunteer_id]


def test_confirm_and_remove(view, qtbot, demo_db) -> None:  # noqa: ANN001
    go_to(qtbot, view, NEXT_MONDAY)
    shift = next(s for s in view.plan.shifts if any(a.status == "planned" for a in s.assigned))
    with qtbot.waitSignal(view.sig_candidates_loaded, timeout=15000):
        view.select_shift(shift.id)
    vid = next(a.volunteer_id for a in shift.assigned if a.status == "planned")
    row = next(r for r in range(view.assigned_table.rowCount())
               if view.assigned_table.item(r, 0).data(Qt.ItemDataRole.UserRole + 2) == vid)
    view.assigned_table.selectRow(row)
    assert view.confirm_button.isEnabled()
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
    assert assignment(demo_db, shift.id, vid)[0] == "confirmed"
    qtbot.waitUntil(lambda: view.assigned_table.rowCount() == len(shift.assigned), timeout=15000)
    row = next(r for r in range(view.assigned_table.rowCount())
               if view.assigned_table.item(r, 0).data(Qt.ItemDataRole.UserRole + 2) == vid)
    view.assigned_table.selectRow(row)
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert assignment(demo_db, shift.id, vid) is None


def test_generate_and_copy_previous_week(view, qtbot, demo_db) -> None:  # noqa: ANN001
    target = NEXT_MONDAY + timedelta(days=7)  # the demo has not planned this week
    go_to(qtbot, view, target)
    assert view.plan.shifts == ()
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    assert len(view.plan.shifts) > 40
    assert all(s.filled == 0 for s in view.plan.shifts)
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    with demo_db.session() as s:
        previous = svc.week_plan(s, NEXT_MONDAY)
    copied = sum(s.filled for s in view.plan.shifts)
    assert copied > 0
    assert copied <= sum(s.filled for s in previous.shifts)
    assert "Copied from the previous week" in view.message_label.text()


def test_navigation_and_row_modes(view, qtbot) -> None:  # noqa: ANN001
    start = view.monday
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.monday == start + timedelta(days=7)
    assert svc.week_label(view.monday) in view.week_label.text()
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert view.monday == start - timedelta(days=7)
    assert view.plan.shifts == ()  # the demo plans only this week and the next
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.monday == start
    team_groups = [r.label for r in view.model.rows if r.kind == "group"]
    view.set_mode(MODE_GRIDS)
    grid_groups = [r.label for r in view.model.rows if r.kind == "group"]
    assert "小喇叭巡逻队" in team_groups and "1号网格" in grid_groups
    assert grid_groups.index("1号网格") < grid_groups.index("11号网格")
    # The same shifts, grouped differently.
    shown = sorted(c.id for r in view.model.rows for c in r.cells if c is not None)
    assert shown == sorted(s.id for s in view.plan.shifts)


def test_holidays_marked_and_notice_for_years_without_data(view, qtbot) -> None:  # noqa: ANN001
    go_to(qtbot, view, date(2026, 10, 1))
    thursday = view.model.headerData(4, Qt.Orientation.Horizontal)
    saturday_after = date(2026, 10, 10)
    assert "National Day" in thursday
    assert view.notice_label.isHidden()
    go_to(qtbot, view, saturday_after)
    assert "Make-up working day" in view.model.headerData(6, Qt.Orientation.Horizontal)
    year = 2024
    while hol.package_covers(year):
        year += 1
    go_to(qtbot, view, date(year, 3, 4))
    assert not view.notice_label.isHidden() and str(year) in view.notice_label.text()


def test_clerk_edits_holidays_from_the_planner(view, qtbot, demo_db) -> None:  # noqa: ANN001
    from volunteer_app.scheduling.holiday_estimates import estimates_known

    year = 2024  # a year with neither official data nor estimates (issue 18: 2027-2035 have)
    while hol.package_covers(year) or estimates_known(year):
        year += 1
    go_to(qtbot, view, date(year, 2, 8))
    assert not view.notice_label.isHidden()
    qtbot.mouseClick(view.holidays_button, Qt.MouseButton.LeftButton)
    dialog = view._holidays_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.confirm_button.isEnabled(), timeout=15000)
    assert dialog.table.rowCount() == 0  # no official data: nothing imported
    losar = date(year, 2, 9)
    dialog.date_edit.setDate(QDate(losar.year, losar.month, losar.day))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("holiday"))
    dialog.name_edit.setText("藏历新年")
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=15000)
    column = (losar - view.monday).days + 1
    assert "藏历新年" in view.model.headerData(column, Qt.Orientation.Horizontal)
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert view.notice_label.isHidden()
    with demo_db.session() as s:
        assert holiday_service.year_status(s, year).source == "manual"
    dialog.table.selectRow(0)
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "藏历新年" not in view.model.headerData(column, Qt.Orientation.Horizontal)


def test_templates_dialog_creates_a_weekday_template_that_generates(view, qtbot, demo_db) -> None:  # noqa: ANN001
    from PySide6.QtCore import QTime

    target = NEXT_MONDAY + timedelta(days=7)
    go_to(qtbot, view, target)
    qtbot.mouseClick(view.templates_button, Qt.MouseButton.LeftButton)
    dialog = view._templates_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 10 and dialog.team_combo.count() > 1, timeout=15000)
    big = next(r for r, t in enumerate(dialog.templates) if t.duty_type == "big_inspection")
    dialog.table.selectRow(big)
    assert [b.isChecked() for b in dialog.day_boxes] == [False] * 5 + [True, False]
    assert not dialog.holidays_check.isChecked()
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    dialog.name_edit.setText("早间护学岗")
    dialog.team_combo.setCurrentIndex(dialog.team_combo.findText("小喇叭巡逻队"))
    dialog.start_edit.setTime(QTime(7, 15))
    dialog.end_edit.setTime(QTime(8, 0))
    dialog.needed_spin.setValue(3)
    for i, box in enumerate(dialog.day_boxes):
        box.setChecked(i < 5)
    count = dialog.table.rowCount()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == count + 1, timeout=15000)
    with demo_db.session() as s:
        made = next(t for t in template_service.list_templates(s) if t.name == "早间护学岗")
    assert (made.day_of_week, made.needed, made.start_time.hour, made.start_time.minute) == ("mon-fri", 3, 7, 15)
    dialog.reject()
    with qtbot.waitSignal(view.sig_week_loaded, timeout=15000):
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    days = sorted(s.date.weekday() for s in view.plan.shifts if s.template_id == made.id)
    assert days == [0, 1, 2, 3, 4]


def test_availability_dialog_sets_windows_limits_and_leave(view, qtbot, demo_db) -> None:  # noqa: ANN001
    go_to(qtbot, view, NEXT_MONDAY)
    shift, ok, _blocked = open_shift_and_volunteers(demo_db, NEXT_MONDAY)
    with qtbot.waitSignal(view.sig_candidates_loaded, timeout=15000):
        view.select_shift(shift.id)
    row = next(r for r, c in enumerate(view.candidates) if c.volunteer_id == ok.volunteer_id)
    view.candidate_table.selectRow(row)
    assert view.availability_button.isEnabled()
    qtbot.mouseClick(view.availability_button, Qt.MouseButton.LeftButton)
    dialog = view._availability_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.save_button.isEnabled(), timeout=15000)
    qtbot.mouseClick(dialog.add_window_button, Qt.MouseButton.LeftButton)
    dialog.windows_table.cellWidget(0, 0).setCurrentIndex(shift.date.weekday())
    dialog.week_spin.setValue(2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=15000)
    from volunteer_app.services import availability as avail
    with demo_db.session() as s:
        info = avail.get_availability(s, ok.volunteer_id)
    assert [(w.weekday, w.start.hour, w.end.hour) for w in info.windows] == [(shift.date.weekday(), 18, 22)]
    assert info.max_per_week == 2 and info.max_per_day is None
    day = QDate(shift.date.year, shift.date.month, shift.date.day)
    dialog.leave_from.setDate(day)
    dialog.leave_to.setDate(day)
    dialog.leave_reason.setText("探亲")
    qtbot.mouseClick(dialog.add_leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.leave_table.rowCount() == 1, timeout=15000)

    def now_on_leave() -> bool:  # the planner reloads its free list after the change
        again = next(c for c in view.candidates if c.volunteer_id == ok.volunteer_id)
        return "on_leave" in [c.code for c in again.conflicts] and not again.eligible

    qtbot.waitUntil(now_on_leave, timeout=15000)


def test_autofill_and_checkin_dialogs_open_from_the_planner(view, qtbot, demo_db) -> None:  # noqa: ANN001
    from ui.hours.checkin_dialog import CheckinDialog
    from ui.planner.autofill_dialog import AutofillDialog

    assert view.autofill_button.isEnabled()
    qtbot.mouseClick(view.autofill_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in view.findChildren(AutofillDialog))
    assert dialog.isVisible()
    dialog.reject()
    with demo_db.session() as s:
        shift = next(r for r in svc.week_plan(s, view.monday).shifts if r.assigned)
    with qtbot.waitSignal(view.sig_candidates_loaded, timeout=15000):
        assert view.select_shift(shift.id)
    assert view.checkin_button.isEnabled()
    qtbot.mouseClick(view.checkin_button, Qt.MouseButton.LeftButton)
    checkin = next(w for w in view.findChildren(CheckinDialog))
    qtbot.waitSignal(checkin.sig_loaded, timeout=15000)
    assert checkin.isVisible()
    checkin.reject()
