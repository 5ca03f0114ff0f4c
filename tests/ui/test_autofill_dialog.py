"""The auto-fill dialog with pytest-qt: solving off the UI thread, the proposal as a diff,
translated explanations, apply and undo as a batch, discard, stop early, stale proposals."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QThread
from sqlalchemy import func, select

from ui.common.context import AppContext
from ui.planner.autofill_dialog import NEW_BRUSH, AutofillDialog
from volunteer_app.models.autofill import AutofillBatch
from volunteer_app.models.shifts import Assignment
from volunteer_app.scheduling.checker import violations
from volunteer_app.scheduling.explain import Gap
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import availability as avail
from volunteer_app.services import shifts as shifts_service

NEXT_MONDAY = shifts_service.monday_of(date.today()) + timedelta(days=7)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def ctx(app, demo_db):  # noqa: ANN001, ANN201
    context = AppContext(demo_db)
    yield context
    context.close()


def count(db, model=Assignment) -> int:  # noqa: ANN001
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_proposal_diff_apply_and_undo(ctx, qtbot) -> None:  # noqa: ANN001
    before = count(ctx.db)
    dialog = AutofillDialog(ctx, NEXT_MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    solving_thread = []
    dialog.sig_progress.connect(lambda _p: solving_thread.append(QThread.currentThread()))
    with qtbot.waitSignal(dialog.sig_solved, timeout=120_000) as blocker:
        pass
    result = blocker.args[0]
    p = result.proposal
    assert p.assignments and violations(result.problem, p.assignments) == []
    # The UI thread stayed free: progress arrived (queued) on the UI thread.
    assert solving_thread and all(t == dialog.thread() for t in solving_thread)
    kinds = dialog.row_kinds()
    assert kinds.count("new") == len(p.assignments)
    assert kinds.count("pinned") == len(result.problem.pins)
    assert kinds.count("empty") == p.needed - p.filled
    new_row = kinds.index("new")
    assert dialog.roster_table.item(new_row, 5).background() == NEW_BRUSH
    assert dialog.roster_table.item(new_row, 5).font().bold()
    dialog.changes_only.setChecked(True)
    assert "pinned" not in dialog.row_kinds()
    assert dialog.gaps_table.rowCount() == len(result.gaps)
    assert count(ctx.db) == before  # nothing written before Apply
    topics = []
    ctx.sig_data_changed.connect(topics.append)
    with qtbot.waitSignal(dialog.sig_applied, timeout=30_000) as applied:
        dialog.apply_button.click()
    assert count(ctx.db) == before + len(p.assignments)
    assert count(ctx.db, AutofillBatch) == 1
    assert "shifts" in topics
    assert dialog.undo_button.isVisible() and not dialog.apply_button.isVisible()
    with qtbot.waitSignal(dialog.sig_undone, timeout=30_000) as undone:
        dialog.undo_button.click()
    assert undone.args == [applied.args[0]]
    assert count(ctx.db) == before


def test_discard_writes_nothing(ctx, qtbot) -> None:  # noqa: ANN001
    before = count(ctx.db)
    dialog = AutofillDialog(ctx, NEXT_MONDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.sig_solved, timeout=120_000):
        pass
    dialog.discard_button.click()
    assert dialog.result() == AutofillDialog.DialogCode.Rejected
    assert count(ctx.db) == before and count(ctx.db, AutofillBatch) == 0


def test_stop_keeps_the_best_so_far(ctx, qtbot) -> None:  # noqa: ANN001
    dialog = AutofillDialog(ctx, NEXT_MONDAY)
    qtbot.addWidget(dialog)
    dialog.time_spin.setValue(600)  # before the solve starts (it starts on the event loop)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state == "solving", timeout=30_000)
    assert dialog.cancel_button.isVisible()
    with qtbot.waitSignal(dialog.sig_solved, timeout=60_000) as blocker:
        dialog.cancel_button.click()
    result = blocker.args[0]
    assert result.proposal.cancelled and result.proposal.status == "feasible"
    assert violations(result.problem, result.proposal.assignments) == []
    assert result.proposal.seconds < 60
    assert dialog.apply_button.isEnabled() == bool(result.proposal.assignments)


def test_explanations_are_translated(ctx, qtbot) -> None:  # noqa: ANN001
    dialog = AutofillDialog(ctx, NEXT_MONDAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_solved, timeout=120_000):
        pass
    team_id, team_name = next(iter(dialog.labels.teams.items()))
    gap = Gap(1, 2, 2, team_id, 4, (("on_leave", 3), ("busy", 1)))
    text = dialog.gap_text(gap)
    assert team_name in text and "3" in text and "1" in text
    assert CJK.search(text.replace(team_name, ""))  # the zh_CN catalogue is installed
    for row in range(dialog.gaps_table.rowCount()):
        assert dialog.gaps_table.item(row, 5).text()


def test_stale_proposal_is_refused(ctx, qtbot) -> None:  # noqa: ANN001
    dialog = AutofillDialog(ctx, NEXT_MONDAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_solved, timeout=120_000) as blocker:
        pass
    sid, vid = blocker.args[0].proposal.assignments[0]

    with ctx.db.session() as s:  # meanwhile, someone else puts that volunteer on a clash
        shift = shifts_service.get_shift(s, sid)
        other = shifts_service.create_shift(s, shifts_service.ShiftData(
            shift.date, shift.start, shift.end, team_id=shift.team_id, title="加班"))
        assignment_service.assign(s, other, vid)
    before = count(ctx.db)
    with qtbot.waitSignal(dialog.sig_failed, timeout=30_000) as failed:
        dialog.apply_button.click()
    assert failed.args[0] and count(ctx.db) == before
    assert not dialog.apply_button.isEnabled()


def test_clashing_duties_are_listed_and_the_rest_proposed(ctx, qtbot) -> None:  # noqa: ANN001
    with ctx.db.session() as s:  # a pinned volunteer goes on leave that day
        week = shifts_service.week_plan(s, NEXT_MONDAY)
        shift, a = next((r, a) for r in week.shifts for a in r.on_shift)
        avail.add_leave(s, a.volunteer_id, shift.date, shift.date)
        name = a.name
    dialog = AutofillDialog(ctx, NEXT_MONDAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_solved, timeout=120_000) as solved:
        pass
    assert solved.args[0].proposal.clashes
    assert name in dialog.summary_label.text() and "硬性规则" in dialog.summary_label.text()
    assert dialog.apply_button.isEnabled() == bool(solved.args[0].proposal.assignments)


def test_team_scope(ctx, qtbot) -> None:  # noqa: ANN001
    with ctx.db.session() as s:
        week = shifts_service.week_plan(s, NEXT_MONDAY)
        team_id = next(r.team_id for r in week.shifts if r.team_id is not None and r.gap > 0)
    dialog = AutofillDialog(ctx, NEXT_MONDAY, team_id=team_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_solved, timeout=120_000) as blocker:
        pass
    assert {s.team_id for s in blocker.args[0].problem.shifts} == {team_id}
    assert dialog.labels.teams[team_id] in dialog.scope_label.text()


def test_outside_availability_is_an_explicit_choice_and_marked(ctx, qtbot) -> None:  # noqa: ANN001
    """Issue 18.6: a volunteer who offered Monday 19-22 only is not proposed for Tuesday 9-11
    until "允许安排在可服务时间以外" is ticked; then the proposal, the stored duty and the planner
    cell mark it "不在其可服务时间"."""
    from datetime import time

    from PySide6.QtCore import Qt

    from ui.planner.week_model import MODE_TEAMS, WeekModel
    from volunteer_app.services import teams as team_service
    from volunteer_app.services import volunteers as vol_service

    with ctx.db.session() as s:
        tid = team_service.save_team(s, None, "晚间值守小组", "patrol")
        vid = vol_service.create(s, vol_service.VolunteerData(
            name="夜班测试", mobile="13900001806", teams=[(tid, "member")]))
        avail.set_windows(s, vid, [(0, time(19), time(22))])
        sid = shifts_service.create_shift(s, shifts_service.ShiftData(
            NEXT_MONDAY + timedelta(days=1), time(9), time(11), "patrol", team_id=tid))
    dialog = AutofillDialog(ctx, NEXT_MONDAY, team_id=tid)
    qtbot.addWidget(dialog)
    assert not dialog.outside_check.isChecked() and dialog.outside_check.text() == "允许安排在可服务时间以外"
    with qtbot.waitSignal(dialog.sig_solved, timeout=120_000) as solved:
        pass
    assert solved.args[0].proposal.assignments == () and not solved.args[0].scope.allow_outside_availability
    assert "不在其可服务时间" in dialog.gaps_table.item(0, 5).text()
    dialog.outside_check.setChecked(True)
    with qtbot.waitSignal(dialog.sig_solved, timeout=120_000) as solved:
        dialog.solve_button.click()
    p = solved.args[0].proposal
    assert p.assignments == ((sid, vid),) and p.outside == ((sid, vid),)
    row = dialog.row_kinds().index("new")
    assert "不在其可服务时间" in dialog.roster_table.item(row, 6).text()
    assert "不在其可服务时间" in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.sig_applied, timeout=30_000):
        dialog.apply_button.click()
    with ctx.db.session() as s:
        plan = shifts_service.week_plan(s, NEXT_MONDAY)
    (held,) = next(r for r in plan.shifts if r.id == sid).assigned
    assert held.outside_availability and held.overridden == "outside_availability"
    model = WeekModel()
    model.set_plan(plan, MODE_TEAMS)
    index = model.index_of_shift(sid)
    assert "夜班测试\u203b" in index.data(Qt.ItemDataRole.DisplayRole)
    assert "不在其可服务时间" in index.data(Qt.ItemDataRole.ToolTipRole)
