"""Dragging a volunteer from one duty onto another in the planner (issue 18.4): a move in one
unit of work; a hard conflict refuses it with the reason shown, the volunteer stays put."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from ui.common.context import AppContext
from ui.planner.planner_view import PlannerView
from ui.planner.volunteer_drag import decode_from_shift, decode_volunteer_ids
from volunteer_app.services import assignments as assignment_service
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
    with qtbot.waitSignal(v.sig_week_loaded, timeout=15000):
        v.go_to_week(NEXT_MONDAY)
    return v


def two_open_duties(db):  # noqa: ANN001, ANN201
    """Two duties of one team with places open on different days, and a volunteer who may
    take either (put on the first) and one of another team (put on the first by override)."""
    with db.session() as s:
        open_ = [r for r in svc.week_plan(s, NEXT_MONDAY).shifts
                 if r.gap > 0 and r.team_id is not None and r.duty_type == "patrol"]
        for a in open_:
            for b in open_:
                if a.team_id != b.team_id or a.date == b.date:
                    continue
                ok_a = {c.volunteer_id for c in assignment_service.candidates(s, a.id) if not c.conflicts}
                ok_b = {c.volunteer_id for c in assignment_service.candidates(s, b.id) if not c.conflicts}
                both = sorted(ok_a & ok_b)
                stranger = next((c.volunteer_id for c in assignment_service.candidates(s, b.id)
                                 if [x.code for x in c.conflicts] == ["not_member"]), None)
                if both and stranger is not None:
                    assignment_service.assign(s, a.id, both[0])
                    assignment_service.assign(s, a.id, stranger, "队长临时借调")
                    return a, b, both[0], stranger
    raise AssertionError("the demo has no two such duties")


def drag_from_selected(view, qtbot, shift_id: int, volunteer_id: int):  # noqa: ANN001, ANN201
    with qtbot.waitSignal(view.sig_candidates_loaded, timeout=15000):
        assert view.select_shift(shift_id)
    table = view.assigned_table
    row = next(r for r in range(table.rowCount())
               if table.item(r, 0).data(Qt.ItemDataRole.UserRole + 2) == volunteer_id)
    mime = table.mimeData([table.item(row, 0)])
    assert decode_from_shift(mime) == shift_id and decode_volunteer_ids(mime) == [volunteer_id]
    return mime


def drop_on(view, shift_id: int, mime) -> None:  # noqa: ANN001
    index = view.model.index_of_shift(shift_id)
    view.table.scrollTo(index)
    event = QDropEvent(QPointF(view.table.visualRect(index).center()), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.table.dropEvent(event)


def on_shift(db, shift_id: int) -> set[int]:  # noqa: ANN001
    with db.session() as s:
        return {a.volunteer_id for a in svc.get_shift(s, shift_id).assigned}


def test_dragging_a_volunteer_off_one_duty_onto_another_moves_them(view, qtbot, demo_db) -> None:  # noqa: ANN001
    a, b, vid, _stranger = two_open_duties(demo_db)
    qtbot.waitUntil(lambda: vid in {x.volunteer_id for x in view.model.shift_at(
        view.model.index_of_shift(a.id)).assigned}, timeout=15000)
    mime = drag_from_selected(view, qtbot, a.id, vid)
    with qtbot.waitSignal(view.sig_assignment_changed, timeout=15000):
        drop_on(view, b.id, mime)
    assert vid not in on_shift(demo_db, a.id) and vid in on_shift(demo_db, b.id)
    assert view.message_label.text().startswith("Moved: ")


def test_a_hard_conflict_refuses_the_move_with_the_reason(view, qtbot, demo_db) -> None:  # noqa: ANN001
    a, b, _vid, stranger = two_open_duties(demo_db)
    qtbot.waitUntil(lambda: stranger in {x.volunteer_id for x in view.model.shift_at(
        view.model.index_of_shift(a.id)).assigned}, timeout=15000)
    mime = drag_from_selected(view, qtbot, a.id, stranger)
    drop_on(view, b.id, mime)
    qtbot.waitUntil(lambda: "was not moved" in view.message_label.text(), timeout=15000)
    assert "team" in view.message_label.text()  # the not-member reason, in words
    assert stranger in on_shift(demo_db, a.id) and stranger not in on_shift(demo_db, b.id)


def test_a_drop_back_on_the_same_duty_does_nothing(view, qtbot, demo_db) -> None:  # noqa: ANN001
    a, _b, vid, _stranger = two_open_duties(demo_db)
    qtbot.waitUntil(lambda: vid in {x.volunteer_id for x in view.model.shift_at(
        view.model.index_of_shift(a.id)).assigned}, timeout=15000)
    mime = drag_from_selected(view, qtbot, a.id, vid)
    drop_on(view, a.id, mime)
    qtbot.wait(200)
    assert vid in on_shift(demo_db, a.id) and view.message_label.text() == ""
