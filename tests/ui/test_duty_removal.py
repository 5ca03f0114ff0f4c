"""Deleting a duty from the planner (issue 18.4): the question names the duty and the people
on it, the delete takes its volunteers along, 撤销删除 puts everything back, a record of
service refuses it in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from ui.common.context import AppContext
from ui.planner.duty_removal import DutyRemoval
from ui.planner.planner_view import PlannerView
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.services import shifts as svc


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


def select_busy_shift(view, qtbot, demo_db):  # noqa: ANN001, ANN201
    """A shift of this week with planned or confirmed volunteers only, selected."""
    with demo_db.session() as s:
        shift = next(r for r in svc.week_plan(s, view.monday).shifts
                     if r.assigned and all(a.status in ("planned", "confirmed") for a in r.assigned))
    with qtbot.waitSignal(view.sig_candidates_loaded, timeout=15000):
        assert view.select_shift(shift.id)
    return shift


def test_delete_names_the_duty_and_its_people_and_undo_puts_them_back(view, qtbot, demo_db, monkeypatch) -> None:  # noqa: ANN001
    asked: list[str] = []
    monkeypatch.setattr(DutyRemoval, "confirm", lambda _self, text: asked.append(text) or True)
    shift = select_busy_shift(view, qtbot, demo_db)
    with demo_db.session() as s:
        before = sorted(s.execute(select(Assignment.volunteer_id, Assignment.status)
                                  .where(Assignment.shift_id == shift.id)).all())
    button = view.removal.delete_button
    assert button.isEnabled()
    with qtbot.waitSignal(view.removal.sig_removed, timeout=15000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert f"{len(shift.assigned)} volunteer(s)" in asked[0]
    assert all(a.name in asked[0] for a in shift.assigned)
    assert (shift.title or "") in asked[0] and f"{shift.date:%Y-%m-%d}" in asked[0]
    with demo_db.session() as s:
        assert s.get(Shift, shift.id) is None
        assert not s.scalars(select(Assignment).where(Assignment.shift_id == shift.id)).all()
    qtbot.waitUntil(lambda: shift.id not in {r.id for r in view.plan.shifts}, timeout=15000)
    assert view.removal.undo_button.isVisible() and "deleted" in view.message_label.text()

    with qtbot.waitSignal(view.removal.sig_restored, timeout=15000) as restored:
        qtbot.mouseClick(view.removal.undo_button, Qt.MouseButton.LeftButton)
    new_id = restored.args[0].shift_id
    with demo_db.session() as s:
        after = sorted(s.execute(select(Assignment.volunteer_id, Assignment.status)
                                 .where(Assignment.shift_id == new_id)).all())
    assert after == before
    qtbot.waitUntil(lambda: view.selected_shift() is not None and view.selected_shift().id == new_id,
                    timeout=15000)
    assert not view.removal.undo_button.isVisible()


def test_declining_deletes_nothing(view, qtbot, demo_db, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(DutyRemoval, "confirm", lambda _self, _text: False)
    shift = select_busy_shift(view, qtbot, demo_db)
    qtbot.mouseClick(view.removal.delete_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    with demo_db.session() as s:
        assert s.get(Shift, shift.id) is not None


def test_a_record_of_service_refuses_the_delete_in_words(view, qtbot, demo_db, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(DutyRemoval, "confirm", lambda _self, _text: True)
    shift = select_busy_shift(view, qtbot, demo_db)
    with demo_db.session() as s:
        s.scalars(select(Assignment).where(Assignment.shift_id == shift.id)).first().status = "completed"
    qtbot.mouseClick(view.removal.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "record of service" in view.message_label.text(), timeout=15000)
    with demo_db.session() as s:
        assert s.get(Shift, shift.id) is not None
    assert not view.removal.undo_button.isVisible()


def test_no_duty_selected_no_delete(view, qtbot, demo_db) -> None:  # noqa: ANN001
    assert view.selected_shift() is None and not view.removal.delete_button.isEnabled()
    select_busy_shift(view, qtbot, demo_db)
    assert view.removal.delete_button.isEnabled()
    view.table.setCurrentIndex(view.model.index(0, 0))  # a team's heading, no duty
    assert view.selected_shift() is None and not view.removal.delete_button.isEnabled()
