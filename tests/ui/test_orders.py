"""The orders screen through the real widgets (offscreen): taking in a request, dispatching
it with the suggested team and a volunteer of its grid, the next steps, month counts, the
printed slip, and the check-in dialog of an overnight shift."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from volunteer_app.models import Grid, Team, Volunteer
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.services import hours_listing as listing_service
from volunteer_app.services import requests as req_service


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are modal; record them instead of blocking the offscreen run."""
    shown: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    return shown


def _open_view(ctx, qtbot):  # noqa: ANN001, ANN202
    from ui.orders.orders_view import OrdersView

    view = OrdersView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 760)
    view.show()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
    return view


def _grid3(ctx) -> int:  # noqa: ANN001
    with ctx.db.session() as s:
        return s.scalar(select(Grid.id).where(Grid.number == 3))


def test_take_in_and_dispatch_a_request(ctx, qtbot, type_into) -> None:  # noqa: ANN001
    view = _open_view(ctx, qtbot)
    assert view.rows == []
    grid = _grid3(ctx)

    # 收单: the intake dialog.
    dialog = view.open_new_request()
    qtbot.waitUntil(lambda: dialog.grid_combo.count() > 1)
    type_into(dialog.name_edit, "卓玛")
    qtbot.keyClicks(dialog.phone_edit, "13800138000")
    type_into(dialog.building_edit, "香雪佳园3栋2单元")
    dialog.grid_combo.setCurrentIndex(dialog.grid_combo.findData(grid))
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("safety_hazard"))
    dialog.urgency_combo.setCurrentIndex(dialog.urgency_combo.findData("urgent"))
    dialog.description_edit.setPlainText("楼道灯不亮,老人上下楼危险")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    rid = saved.args[0]
    qtbot.waitUntil(lambda: [r.id for r in view.rows] == [rid])
    qtbot.waitUntil(lambda: view.current_request_id() == rid)
    assert view.table.item(0, 5).text() == "卓玛"
    assert view.step_buttons["dispatched"].isEnabled()
    assert not view.step_buttons["done"].isEnabled()  # not allowed from "received"

    # 派单: the dispatch dialog suggests the patrol team and lists the grid's volunteers.
    qtbot.mouseClick(view.step_buttons["dispatched"], Qt.MouseButton.LeftButton)
    dispatch = view.dialog
    with qtbot.waitSignal(dispatch.sig_loaded, timeout=10_000):
        pass
    with ctx.db.session() as s:
        patrol = s.scalar(select(Team.id).where(Team.kind == "patrol"))
        grid_vols = set(s.scalars(select(Volunteer.id).where(
            Volunteer.grid_id == grid, Volunteer.active.is_(True))))
    assert dispatch.chosen_team_id() == patrol
    assert "小喇叭巡逻队" in dispatch.suggestion_label.text()
    assert "小喇叭巡逻队" in dispatch.team_combo.currentText()
    shown = dispatch.shown_volunteer_ids()
    assert shown and set(shown) == grid_vols
    dispatch.members_only.setChecked(True)
    members = dispatch.shown_volunteer_ids()
    assert members and set(members) < grid_vols
    chosen = members[0]
    assert dispatch.select_volunteer(chosen)
    type_into(dispatch.note_edit, "请今天处理")
    with qtbot.waitSignal(dispatch.sig_dispatched, timeout=10_000):
        qtbot.mouseClick(dispatch.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.rows and view.rows[0].status == "dispatched")
    row = view.rows[0]
    assert (row.team_id, row.volunteer_id) == (patrol, chosen)
    qtbot.waitUntil(lambda: view.current_request_id() == rid)
    with ctx.db.session() as s:
        detail = req_service.get_request(s, rid)
    assert [e.to_status for e in detail.events] == ["received", "dispatched"]
    assert detail.events[-1].note == "请今天处理"
    qtbot.waitUntil(lambda: "请今天处理" in view.detail.toPlainText())
    assert view.step_buttons["accepted"].isEnabled()
    assert view.step_buttons["dispatched"].isEnabled()  # may still be re-dispatched

    # Accepted, work started, done with hours, followed up: through the step dialog.
    for status in ("accepted", "in_progress"):
        qtbot.mouseClick(view.step_buttons[status], Qt.MouseButton.LeftButton)
        step = view.dialog
        with qtbot.waitSignal(step.sig_done, timeout=10_000):
            qtbot.mouseClick(step.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda st=status: view.rows[0].status == st)
        qtbot.waitUntil(lambda: view.current_request_id() == rid)
    qtbot.mouseClick(view.step_buttons["done"], Qt.MouseButton.LeftButton)
    step = view.dialog
    step.note_edit.setPlainText("已更换灯泡")
    step.hours_spin.setValue(1.5)
    with qtbot.waitSignal(step.sig_done, timeout=10_000):
        qtbot.mouseClick(step.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.rows[0].status == "done")
    with ctx.db.session() as s:
        entries = listing_service.list_entries(s, listing_service.EntryFilter(volunteer_id=chosen))
    assert [(e.minutes, e.source, e.verified) for e in entries] == [(90, "request", False)]
    qtbot.waitUntil(lambda: view.current_request_id() == rid)
    qtbot.mouseClick(view.step_buttons["followed_up"], Qt.MouseButton.LeftButton)
    step = view.dialog
    ok_enabled = step.ok_button.isEnabled()
    qtbot.mouseClick(step.ok_button, Qt.MouseButton.LeftButton)  # no score chosen yet
    qtbot.waitUntil(lambda: step.rows["satisfaction"].error.isVisible())
    assert ok_enabled
    step.score_group.button(4).setChecked(True)
    with qtbot.waitSignal(step.sig_done, timeout=10_000):
        qtbot.mouseClick(step.ok_button, Qt.MouseButton.LeftButton)
    # The default filter shows what still needs doing: followed-up requests drop out.
    qtbot.waitUntil(lambda: view.rows == [])
    view.status_combo.setCurrentIndex(view.status_combo.findData("all"))
    qtbot.waitUntil(lambda: [r.status for r in view.rows] == ["followed_up"])
    assert view.rows[0].satisfaction == 4


def test_intake_problems_show_under_the_field(ctx, qtbot) -> None:  # noqa: ANN001
    view = _open_view(ctx, qtbot)
    dialog = view.open_new_request()
    qtbot.keyClicks(dialog.phone_edit, "12")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.rows["resident_name"].error.isVisible())
    assert dialog.rows["resident_phone"].error.isVisible()
    assert dialog.rows["description"].error.isVisible()
    assert dialog.rows["resident_name"].error.text()
    with ctx.db.session() as s:
        assert req_service.list_requests(s) == []


def _seed(ctx, n: int = 3) -> list[int]:  # noqa: ANN001
    with ctx.db.session() as s:
        grids = list(s.scalars(select(Grid.id).order_by(Grid.number)))
        ids = []
        for i in range(n):
            ids.append(req_service.create_request(s, req_service.RequestData(
                resident_name=f"居民{i}", grid_id=grids[i % 2], description="需要帮助",
                category=("dispute", "environment", "care")[i % 3],
                urgency="emergency" if i == 0 else "normal",
                received_at=datetime.now() - timedelta(hours=5 if i == 0 else 1),
            ), "王芳", now=datetime.now()))
        return ids


def test_filters_overdue_and_month_counts(ctx, qtbot) -> None:  # noqa: ANN001
    ids = _seed(ctx)
    view = _open_view(ctx, qtbot)
    qtbot.waitUntil(lambda: len(view.rows) == 3)
    with ctx.db.session() as s:
        overdue = [r.id for r in req_service.list_requests(s) if r.overdue]
    assert view.rows[0].id in overdue  # overdue first
    view.status_combo.setCurrentIndex(view.status_combo.findData("overdue"))
    qtbot.waitUntil(lambda: [r.id for r in view.rows] == overdue)
    view.status_combo.setCurrentIndex(view.status_combo.findData("todo"))
    with ctx.db.session() as s:
        grid1 = s.scalar(select(Grid.id).where(Grid.number == 1))
    view.grid_combo.setCurrentIndex(view.grid_combo.findData(grid1))
    qtbot.waitUntil(lambda: {r.id for r in view.rows} == {ids[0], ids[2]})

    view.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(view.sig_counts_loaded, timeout=10_000):
        pass
    table = view.counts_table
    last = table.rowCount() - 1
    assert table.item(last, table.columnCount() - 1).text() == "3"
    assert table.item(0, 0).text() == "1号网格"
    assert table.item(0, table.columnCount() - 1).text() == "2"


def test_print_slip(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from volunteer_app.printing.fonts import FontMissing, load_fonts

    try:
        load_fonts()
    except FontMissing:
        pytest.skip("no Chinese TrueType font installed")
    ids = _seed(ctx, 1)
    view = _open_view(ctx, qtbot)
    qtbot.waitUntil(lambda: len(view.rows) == 1)
    view.select_request(ids[0])
    out = tmp_path / "slip.pdf"
    from ui.common import file_dialogs

    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a, **k: out)
    with qtbot.waitSignal(view.sig_slip_written, timeout=20_000):
        qtbot.mouseClick(view.slip_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes()[:5] == b"%PDF-"


def test_checkin_dialog_overnight_shift(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.hours.checkin_dialog import CheckinDialog

    with ctx.db.session() as s:
        team = s.scalar(select(Team.id).where(Team.kind == "patrol"))
        vols = list(s.scalars(select(Volunteer.id).where(Volunteer.active.is_(True))
                              .order_by(Volunteer.id).limit(3)))
        on = date.today() - timedelta(days=3)
        shift = Shift(title="夜间巡逻", team_id=team, date=on, start_time=time(22),
                      end_time=time(6), needed=3, duty_type="patrol")
        s.add(shift)
        s.flush()
        aids = []
        for v in vols:
            a = Assignment(shift_id=shift.id, volunteer_id=v)
            s.add(a)
            s.flush()
            aids.append(a.id)
        sid = shift.id
    dialog = CheckinDialog(ctx, sid)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10_000):
        dialog.show()
    assert dialog.table.rowCount() == 3
    dialog.set_status(aids[0], "no_show")
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    dialog.set_times(aids[1], start=QTime(22, 30), end=QTime(1, 30))  # left early, next day
    assert dialog.table.item(dialog._row_index(aids[1]), 4).text() == "3.00"
    assert dialog.table.item(dialog._row_index(aids[2]), 4).text() == "8.00"
    assert dialog.table.item(dialog._row_index(aids[0]), 4).text() == ""
    dialog.verify_check.setChecked(True)
    dialog.verifier_edit.setText("队长甲")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ctx.db.session() as s:
        by_id = {a.id: a for a in s.scalars(select(Assignment).where(Assignment.shift_id == sid))}
        entries = listing_service.list_entries(s)
    assert by_id[aids[0]].status == "no_show"
    assert by_id[aids[1]].actual_end == datetime.combine(on + timedelta(days=1), time(1, 30))
    assert by_id[aids[2]].status == "completed"
    assert sorted(e.minutes for e in entries) == [180, 480]
    assert all(e.verified and e.verified_by == "队长甲" for e in entries)


def test_checkin_dialog_bad_verifier_writes_nothing(ctx, qtbot, _no_message_boxes) -> None:  # noqa: ANN001
    from ui.hours.checkin_dialog import CheckinDialog

    with ctx.db.session() as s:
        vol = s.scalar(select(Volunteer.id).where(Volunteer.active.is_(True)))
        shift = Shift(title="巡逻", date=date.today() - timedelta(days=2), start_time=time(9),
                      end_time=time(11), needed=1, duty_type="patrol")
        s.add(shift)
        s.flush()
        s.add(Assignment(shift_id=shift.id, volunteer_id=vol))
        sid = shift.id
    dialog = CheckinDialog(ctx, sid)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10_000):
        dialog.show()
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    dialog.verify_check.setChecked(True)
    dialog.verifier_edit.setText("")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_no_message_boxes))
    assert dialog.isVisible()
    with ctx.db.session() as s:
        assert listing_service.list_entries(s) == []  # the check-in was rolled back too
        assert s.scalar(select(Assignment.status).where(Assignment.shift_id == sid)) == "planned"


def test_edit_an_open_request_and_see_problems_under_the_field(ctx, qtbot) -> None:  # noqa: ANN001
    ids = _seed(ctx, 2)
    view = _open_view(ctx, qtbot)
    qtbot.waitUntil(lambda: len(view.rows) == 2)
    assert view.select_request(ids[1])
    qtbot.waitUntil(lambda: view.edit_button.isEnabled())
    dialog = view.open_edit_request()
    qtbot.waitUntil(lambda: dialog.grid_combo.count() > 1)
    # The form shows the request as taken in, grid included.
    with ctx.db.session() as s:
        before = req_service.get_request(s, ids[1]).row
    assert dialog.name_edit.text() == before.resident_name
    assert dialog.grid_combo.currentData() == before.grid_id
    assert dialog.urgency_combo.currentData() == before.urgency
    # A bad phone: the message under the field, nothing written.
    dialog.phone_edit.setText("12")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.rows["resident_phone"].error.isVisible())
    with ctx.db.session() as s:
        assert req_service.get_request(s, ids[1]).row == before
    dialog.phone_edit.setText("13900139000")
    dialog.urgency_combo.setCurrentIndex(dialog.urgency_combo.findData("urgent"))
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ctx.db.session() as s:
        after = req_service.get_request(s, ids[1]).row
    assert after.resident_phone == "13900139000" and after.urgency == "urgent"
    assert after.received_at == before.received_at  # untouched time stays to the second
    assert after.due_at == before.received_at + timedelta(hours=24)
    # Settled requests cannot be edited: the button is off and the action does nothing.
    with ctx.db.session() as s:
        req_service.change_status(s, ids[1], "cancelled", "王芳", note="重复")
    view.status_combo.setCurrentIndex(view.status_combo.findData("all"))
    qtbot.waitUntil(lambda: any(r.id == ids[1] and r.status == "cancelled" for r in view.rows))
    assert view.select_request(ids[1])
    qtbot.waitUntil(lambda: not view.edit_button.isEnabled())
    assert view.open_edit_request() is None


def test_a_second_identical_request_asks_before_saving(ctx, qtbot, monkeypatch, type_into) -> None:  # noqa: ANN001
    """Issue 18.15: the same phone, category and description within a day asks
    "是否重复收单?"; No saves nothing and keeps the form, Yes takes it in."""
    with ctx.db.session() as s:
        first = req_service.create_request(s, req_service.RequestData(
            resident_name="卓玛", resident_phone="13800138000", category="safety_hazard",
            description="楼道灯不亮", received_at=datetime.now() - timedelta(hours=3),
        ), "王芳", now=datetime.now())
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        asked.append(f"{title}|{text}")
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    view = _open_view(ctx, qtbot)
    dialog = view.open_new_request()
    type_into(dialog.name_edit, "卓玛")
    qtbot.keyClicks(dialog.phone_edit, "13800138000")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("safety_hazard"))
    dialog.description_edit.setPlainText("楼道灯不亮")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked) and dialog.save_button.isEnabled())
    assert "是否重复收单" in asked[0] and str(first) in asked[0], asked
    assert dialog.isVisible()
    with ctx.db.session() as s:
        assert [r.id for r in req_service.list_requests(s)] == [first]

    answer[0] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0] != first and len(asked) == 2
    with ctx.db.session() as s:
        assert len(req_service.list_requests(s)) == 2


def test_checkin_dialog_verifies_as_the_logged_in_operator(ctx, qtbot) -> None:  # noqa: ANN001
    """Issue 18.8: the verifier offered (and recorded) was the OS account ("root")."""
    from ui.hours.checkin_dialog import CheckinDialog
    from volunteer_app.security import accounts

    with ctx.db.session() as s:
        vol = s.scalar(select(Volunteer.id).where(Volunteer.active.is_(True)))
        shift = Shift(title="巡逻", date=date.today() - timedelta(days=2), start_time=time(9),
                      end_time=time(11), needed=1, duty_type="patrol")
        s.add(shift)
        s.flush()
        s.add(Assignment(shift_id=shift.id, volunteer_id=vol))
        sid = shift.id
        accounts.enable_accounts(s, "admin", "admin-pass-1", "王主任")
    accounts.login_unit(ctx.db, "admin", "admin-pass-1")
    dialog = CheckinDialog(ctx, sid)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_loaded, timeout=10_000):
        dialog.show()
    assert dialog.verifier_edit.text() == "王主任" and dialog.verifier_edit.isReadOnly()
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    dialog.verify_check.setChecked(True)
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with ctx.db.session() as s:
        entries = listing_service.list_entries(s)
    assert [e.verified_by for e in entries] == ["王主任"]
