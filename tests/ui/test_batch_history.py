"""Batch history (批次记录, issue 18.4): generation runs, copied weeks and applied auto-fills
listed from the planner after their dialogs are closed, each undone on its own after a
question, and the core's refusals shown in words."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from ui.common.context import AppContext
from ui.planner.batch_history_dialog import AUTOFILL, COPY, GENERATE, HOLIDAYS, BatchHistoryDialog
from ui.planner.planner_view import PlannerView
from volunteer_app.models.autofill import AutofillBatch
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.services import autofill as af
from volunteer_app.services import shifts as svc
from volunteer_app.services import templates as template_service
from volunteer_app.services import week_copy

# Two weeks ahead: the demo has not planned it.
EMPTY_MONDAY = svc.monday_of(date.today()) + timedelta(days=14)


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


def generate_and_fill(db) -> tuple[int, int]:  # noqa: ANN001
    """A generation batch for the empty week and an auto-fill applied on one team of it."""
    with db.session() as s:
        gen = template_service.generate(s, EMPTY_MONDAY, EMPTY_MONDAY + timedelta(days=6))
        team_id = s.scalar(select(Shift.team_id).where(Shift.batch_id == gen.batch_id,
                                                       Shift.team_id.is_not(None)))
    scope = af.Scope.week(EMPTY_MONDAY, team_id=team_id)
    with db.session() as s:
        problem = af.build_problem(s, scope)
    result = af.propose(scope, problem, time_limit=10)
    with db.session() as s:
        applied = af.apply(s, result)
    assert gen.created > 0 and applied.created > 0
    return gen.batch_id, applied.batch_id


def open_history(view, qtbot) -> BatchHistoryDialog:  # noqa: ANN001
    assert view.history_button.isEnabled()
    qtbot.mouseClick(view.history_button, Qt.MouseButton.LeftButton)
    dialog = view.findChildren(BatchHistoryDialog)[-1]
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0 or dialog.message.text() != "", timeout=15000)
    return dialog


def reload(dialog, qtbot) -> None:  # noqa: ANN001
    with qtbot.waitSignal(dialog.sig_loaded, timeout=15000):
        dialog.load()


def test_lists_newest_first_and_undoes_the_fill_then_the_generation(view, qtbot, demo_db, monkeypatch) -> None:  # noqa: ANN001
    gen_id, fill_id = generate_and_fill(demo_db)
    asked: list[str] = []
    monkeypatch.setattr(BatchHistoryDialog, "confirm", lambda _self, text: asked.append(text) or True)
    dialog = open_history(view, qtbot)
    reload(dialog, qtbot)
    keys = [(r.kind, r.id) for r in dialog.rows]
    assert keys.index((AUTOFILL, fill_id)) < keys.index((GENERATE, gen_id))  # newest first
    fill = next(r for r in dialog.rows if (r.kind, r.id) == (AUTOFILL, fill_id))
    gen = next(r for r in dialog.rows if (r.kind, r.id) == (GENERATE, gen_id))
    assert fill.remaining == fill.created > 0 and fill.operator
    assert gen.blocked > 0 and not gen.can_undo  # the fill's volunteers sit on its shifts
    assert not dialog.undo_button(GENERATE, gen_id).isEnabled()
    assert dialog.undo_button(AUTOFILL, fill_id).isEnabled()
    row = dialog.rows.index(fill)
    assert "Auto-fill applied" == dialog.table.item(row, 1).text()
    assert f"{fill.created} assignments made" in dialog.table.item(row, 4).text()

    with qtbot.waitSignal(dialog.sig_undone, timeout=15000):
        qtbot.mouseClick(dialog.undo_button(AUTOFILL, fill_id), Qt.MouseButton.LeftButton)
    assert f"{fill.created} assignments" in asked[-1]
    assert f"{fill.created} assignments removed" in dialog.message.text()
    qtbot.waitUntil(lambda: dialog.undo_button(AUTOFILL, fill_id) is not None
                    and not dialog.undo_button(AUTOFILL, fill_id).isEnabled(), timeout=15000)
    row = next(i for i, r in enumerate(dialog.rows) if (r.kind, r.id) == (AUTOFILL, fill_id))
    assert dialog.table.item(row, 5).text() == "Undone"
    assert dialog.undo_button(GENERATE, gen_id).isEnabled()  # nobody on its shifts any more

    with qtbot.waitSignal(dialog.sig_undone, timeout=15000):
        qtbot.mouseClick(dialog.undo_button(GENERATE, gen_id), Qt.MouseButton.LeftButton)
    with demo_db.session() as s:
        assert s.scalar(select(Shift.id).where(Shift.batch_id == gen_id)) is None


def test_declined_question_changes_nothing(view, qtbot, demo_db, monkeypatch) -> None:  # noqa: ANN001
    _gen_id, fill_id = generate_and_fill(demo_db)
    monkeypatch.setattr(BatchHistoryDialog, "confirm", lambda _self, _text: False)
    dialog = open_history(view, qtbot)
    reload(dialog, qtbot)
    qtbot.mouseClick(dialog.undo_button(AUTOFILL, fill_id), Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    with demo_db.session() as s:
        assert s.get(AutofillBatch, fill_id).undone_at is None


def test_refusal_for_attendance_is_shown_in_words(view, qtbot, demo_db, monkeypatch) -> None:  # noqa: ANN001
    _gen_id, fill_id = generate_and_fill(demo_db)
    with demo_db.session() as s:
        first = s.scalars(select(Assignment).where(Assignment.source == "autofill")
                          .order_by(Assignment.id.desc())).first()
        first.status = "checked_in"
    monkeypatch.setattr(BatchHistoryDialog, "confirm", lambda _self, _text: True)
    dialog = open_history(view, qtbot)
    reload(dialog, qtbot)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=15000):  # reloads after the refusal
        qtbot.mouseClick(dialog.undo_button(AUTOFILL, fill_id), Qt.MouseButton.LeftButton)
    assert "cannot be undone" in dialog.message.text()
    assert "attendance recorded" in dialog.message.text()
    with demo_db.session() as s:
        assert s.get(AutofillBatch, fill_id).undone_at is None


def test_copied_week_is_listed_and_refused_while_volunteers_came_along(view, qtbot, demo_db) -> None:  # noqa: ANN001
    # Copying the demo's planned next week into the empty week creates shifts as a "copy"
    # batch and puts the volunteers on them: the batch is listed, not undoable.
    with demo_db.session() as s:
        copied = week_copy.copy_week(s, EMPTY_MONDAY)
    assert copied.batch_id is not None and copied.assignments_copied > 0
    dialog = open_history(view, qtbot)
    reload(dialog, qtbot)
    row = next(r for r in dialog.rows if (r.kind, r.id) == (COPY, copied.batch_id))
    assert row.created == copied.shifts_created and row.blocked > 0
    index = dialog.rows.index(row)
    assert dialog.table.item(index, 1).text() == "Copied previous week"
    assert dialog.table.item(index, 5).text().startswith("Blocked")
    assert not dialog.undo_button(COPY, copied.batch_id).isEnabled()


def test_a_holiday_change_is_listed_and_undone(view, qtbot, demo_db, monkeypatch) -> None:  # noqa: ANN001
    from volunteer_app.services import holiday_changes

    wednesday = EMPTY_MONDAY + timedelta(days=2)
    with demo_db.session() as s:
        template_service.generate(s, EMPTY_MONDAY, EMPTY_MONDAY + timedelta(days=6))
        before = len(svc.list_shifts(s, wednesday, wednesday))
    time.sleep(1.1)  # the core keeps times to the second: the change is the later one
    with demo_db.session() as s:
        change = holiday_changes.apply_holiday_change(
            s, [holiday_changes.HolidayEdit(wednesday, "holiday", "社区假日")])
    assert change.removed
    with demo_db.session() as s:
        assert len(svc.list_shifts(s, wednesday, wednesday)) < before
    asked: list[str] = []
    monkeypatch.setattr(BatchHistoryDialog, "confirm", lambda _self, text: asked.append(text) or True)
    dialog = open_history(view, qtbot)
    reload(dialog, qtbot)
    row = next(r for r in dialog.rows if (r.kind, r.id) == (HOLIDAYS, change.change_id))
    assert (row.created, row.remaining) == (len(change.removed), len(change.added))
    generated = max(r.id for r in dialog.rows if r.kind == GENERATE)
    keys = [(r.kind, r.id) for r in dialog.rows]
    assert keys.index((HOLIDAYS, change.change_id)) < keys.index((GENERATE, generated))  # newest first
    assert dialog.table.item(dialog.rows.index(row), 1).text() == "Holiday table changed"
    with qtbot.waitSignal(dialog.sig_undone, timeout=15000):
        qtbot.mouseClick(dialog.undo_button(HOLIDAYS, change.change_id), Qt.MouseButton.LeftButton)
    assert "holiday change" in asked[-1]
    assert "holiday table and its shifts are as they were" in dialog.message.text()
    with demo_db.session() as s:
        assert len(svc.list_shifts(s, wednesday, wednesday)) == before
