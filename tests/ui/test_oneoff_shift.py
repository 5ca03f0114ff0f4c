"""A one-off duty (临时任务, issue 18.4) added from the planner: saved through the core with
no template, selected in the week; field problems under their field; typed values not
lost by Esc without a question."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtTest import QTest

from ui.common.context import AppContext
from ui.planner.planner_view import PlannerView
from ui.planner.shift_dialog import OneOffShiftDialog
from volunteer_app.models.shifts import Shift
from volunteer_app.services import shifts as svc

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
    v.resize(1366, 768)
    v.show()
    qtbot.waitUntil(lambda: v.plan is not None, timeout=15000)
    return v


def open_dialog(view, qtbot) -> OneOffShiftDialog:  # noqa: ANN001
    assert view.oneoff_button.isEnabled()
    qtbot.mouseClick(view.oneoff_button, Qt.MouseButton.LeftButton)
    dialog = view.findChildren(OneOffShiftDialog)[-1]
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=15000)
    return dialog


def test_adds_a_one_off_duty_and_selects_it_in_its_week(view, qtbot, demo_db) -> None:  # noqa: ANN001
    dialog = open_dialog(view, qtbot)
    assert dialog.type_combo.currentData() == "event"
    day = NEXT_MONDAY + timedelta(days=2)
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.start_edit.setTime(QTime(14, 0))
    dialog.end_edit.setTime(QTime(16, 30))
    dialog.title_edit.setText("中秋游园会引导")
    dialog.team_combo.setCurrentIndex(1)
    team_id = dialog.team_combo.currentData()
    dialog.location_edit.setText("社区广场")
    dialog.needed_spin.setValue(4)
    with qtbot.waitSignal(dialog.sig_created, timeout=15000) as created:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    shift_id = created.args[0]
    with demo_db.session() as s:
        row = s.get(Shift, shift_id)
        assert (row.date, row.start_time, row.end_time, row.title, row.team_id, row.location,
                row.needed, row.duty_type) == (day, time(14), time(16, 30), "中秋游园会引导",
                                               team_id, "社区广场", 4, "event")
        assert row.template_id is None and row.batch_id is None and row.edited_by_hand
    qtbot.waitUntil(lambda: view.monday == NEXT_MONDAY and view.selected_shift() is not None
                    and view.selected_shift().id == shift_id, timeout=15000)
    assert "中秋游园会引导" in view.shift_title.text()
    assert view.message_label.text() == "One-off duty added."


def test_a_field_problem_is_shown_under_its_field(view, qtbot, demo_db) -> None:  # noqa: ANN001
    dialog = open_dialog(view, qtbot)
    dialog.team_combo.addItem("gone", 987654)  # a team deleted meanwhile
    dialog.team_combo.setCurrentIndex(dialog.team_combo.count() - 1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.rows["team"].error.isVisible(), timeout=15000)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert not dialog.rows["title"].error.isVisible()
    with demo_db.session() as s:
        assert s.query(Shift).filter(Shift.team_id == 987654).count() == 0


def test_esc_with_typed_values_asks_first(view, qtbot, monkeypatch) -> None:  # noqa: ANN001
    asked: list[str] = []
    monkeypatch.setattr("ui.common.dirty.ask_discard", lambda _p, subject: asked.append(subject) or False)
    dialog = open_dialog(view, qtbot)
    dialog.title_edit.setText("临时清扫")
    QTest.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert asked == ["the new one-off duty"] and dialog.isVisible()
    dialog.title_edit.setText("")
    QTest.keyClick(dialog.title_edit, Qt.Key.Key_Escape)  # unchanged again: closes silently
    assert asked == ["the new one-off duty"] and not dialog.isVisible()
