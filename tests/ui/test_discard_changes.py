"""Edit dialogs ask before changes are lost (issue 16, case 20).

Esc, the window's close button or Cancel on an edited form used to drop the edits
without a word. Now the question names what would be lost (放弃对志愿者“张三”的修改吗？)
with 放弃修改 / 继续编辑: keep editing leaves the dialog open with the edits, discard closes
it and saves nothing, Esc on the question keeps editing, and an unchanged form closes
without asking. The question box is answered here by a patched ``QMessageBox.exec``
(tests/ui/conftest.py answers every other box with Cancel and fails the test).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from ui.common.i18n import arg
from volunteer_app.services import volunteers as vol_service
from volunteer_app.services.volunteers import VolunteerFilter


class Answers:
    """Answers the discard question: 'discard', 'keep' (clicks 继续编辑) or 'esc'."""

    def __init__(self) -> None:
        self.answer = "keep"
        self.asked: list[str] = []

    def exec(self, box: QMessageBox) -> int:
        if box.objectName() != "discardChangesBox":
            raise AssertionError(f"unexpected box: {box.text()}")
        self.asked.append(box.text())
        if self.answer == "esc":
            box.show()
            QTest.keyClick(box, Qt.Key.Key_Escape)
        else:
            name = "discardButton" if self.answer == "discard" else "keepEditingButton"
            next(b for b in box.buttons() if b.objectName() == name).click()
        return 0


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    got = Answers()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: got.exec(box))
    return got


def _question(subject: str) -> str:
    return arg(QCoreApplication.translate("DiscardChanges", "Discard the changes to %1?"), subject)


def press_esc(dialog) -> None:  # noqa: ANN001
    """Esc as the user presses it: into the focused field, which passes it on."""
    focus = QApplication.focusWidget()
    target = focus if focus is not None and dialog.isAncestorOf(focus) else dialog
    QTest.keyClick(target, Qt.Key.Key_Escape)


class _WindowSystemClose(QCloseEvent):
    """The close event the window system sends when the user clicks the close button.

    Only such spontaneous events ask (a ``close()`` by the code does not); the offscreen
    platform has no title bar to click, so the flag is set here."""

    def spontaneous(self) -> bool:
        return True


def click_close_button(dialog) -> None:  # noqa: ANN001
    """The window's close button: the window system sends the dialog a close event."""
    QApplication.sendEvent(dialog, _WindowSystemClose())


def click_cancel(dialog) -> None:  # noqa: ANN001
    """取消 (or 关闭 where the dialog saves as it goes)."""
    for box in dialog.findChildren(QDialogButtonBox):
        for which in (QDialogButtonBox.StandardButton.Cancel, QDialogButtonBox.StandardButton.Close):
            if box.button(which) is not None:
                box.button(which).click()
                return
    raise AssertionError("no Cancel or Close button")


CLOSERS: dict[str, Callable] = {"esc": press_esc, "close button": click_close_button,
                                "cancel": click_cancel}


def check_guard(qtbot, dialog, edit: Callable[[], None], edited: Callable[[], bool],  # noqa: ANN001
                answers: Answers, question: str, how: str = "esc") -> None:
    """edit -> close -> asked; keep -> still open with the edits; esc on the question ->
    still open; discard -> closed."""
    close = CLOSERS[how]
    edit()
    assert edited()
    answers.answer = "keep"
    close(dialog)
    assert answers.asked == [question]
    assert dialog.isVisible() and edited()
    answers.answer = "esc"
    close(dialog)
    assert len(answers.asked) == 2 and dialog.isVisible() and edited()
    answers.answer = "discard"
    close(dialog)
    assert len(answers.asked) == 3
    qtbot.waitUntil(lambda: not dialog.isVisible())


# ---------------------------------------------------------------------------- volunteers


def _volunteer(ctx) -> tuple[int, str]:  # noqa: ANN001
    with ctx.db.session() as s:
        row = vol_service.list_rows(s, VolunteerFilter())[0]
    return row.id, row.name


def _volunteer_dialog(ctx, qtbot, volunteer_id: int | None):  # noqa: ANN001, ANN202
    from ui.registers.volunteer_dialog import VolunteerDialog

    dialog = VolunteerDialog(ctx, volunteer_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.name_edit.isEnabled())
    dialog.activateWindow()
    dialog.name_edit.setFocus()
    return dialog


@pytest.mark.parametrize("how", sorted(CLOSERS))
def test_edited_volunteer_asks_before_discarding(ctx, qtbot, answers, how: str) -> None:  # noqa: ANN001
    vid, name = _volunteer(ctx)
    dialog = _volunteer_dialog(ctx, qtbot, vid)
    question = _question(arg(QCoreApplication.translate("VolunteerDialog", "volunteer \u201c%1\u201d"), name))
    assert name in question

    check_guard(qtbot, dialog, lambda: qtbot.keyClicks(dialog.skills_edit, " first aid"),
                lambda: dialog.skills_edit.text().endswith(" first aid"), answers, question, how)
    with ctx.db.session() as s:
        assert "first aid" not in vol_service.get(s, vid).skills  # nothing saved


def test_unchanged_volunteer_closes_without_asking(ctx, qtbot, answers) -> None:  # noqa: ANN001
    vid, _ = _volunteer(ctx)
    for close in CLOSERS.values():
        dialog = _volunteer_dialog(ctx, qtbot, vid)
        close(dialog)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
    assert answers.asked == []
    # Typing and then undoing the edit leaves nothing to lose either.
    dialog = _volunteer_dialog(ctx, qtbot, vid)
    qtbot.keyClicks(dialog.skills_edit, "x")
    qtbot.keyClick(dialog.skills_edit, Qt.Key.Key_Backspace)
    press_esc(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert answers.asked == []


def test_new_volunteer_names_what_would_be_lost(ctx, qtbot, answers, type_into) -> None:  # noqa: ANN001
    dialog = _volunteer_dialog(ctx, qtbot, None)
    type_into(dialog.name_edit, "李测试")
    press_esc(dialog)
    assert answers.asked and "李测试" in answers.asked[0]
    assert dialog.isVisible() and dialog.name_edit.text() == "李测试"
    answers.answer = "discard"
    press_esc(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with ctx.db.session() as s:
        assert not [r for r in vol_service.list_rows(s, VolunteerFilter(active=None)) if r.name == "李测试"]


def test_a_reject_or_close_by_the_code_itself_does_not_ask(ctx, qtbot, answers) -> None:  # noqa: ANN001
    vid, _ = _volunteer(ctx)
    for close in ("reject", "close"):
        dialog = _volunteer_dialog(ctx, qtbot, vid)
        qtbot.keyClicks(dialog.skills_edit, "x")
        getattr(dialog, close)()
        assert not dialog.isVisible() and answers.asked == []


def test_the_question_keeps_editing_on_esc_and_by_default(app, qtbot, monkeypatch) -> None:  # noqa: ANN001
    """The real box: 继续编辑 is the default and the escape button."""
    from ui.common.dirty import ask_discard

    seen = {}

    def inspect(box: QMessageBox) -> int:
        seen["default"] = box.defaultButton().objectName()
        seen["escape"] = box.escapeButton().objectName()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        box.show()
        QTest.keyClick(box, Qt.Key.Key_Escape)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", inspect)
    assert ask_discard(None, "x") is False
    assert seen["default"] == seen["escape"] == "keepEditingButton"
    tr = QCoreApplication.translate
    assert seen["buttons"] == sorted([tr("DiscardChanges", "Discard changes"),
                                      tr("DiscardChanges", "Keep editing")])


# ---------------------------------------------------------------------------- the other dialogs


def _show(qtbot, dialog):  # noqa: ANN001, ANN202
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _tr(context: str, text: str, *values: object) -> str:
    return arg(QCoreApplication.translate(context, text), *values)


def test_edited_team_asks_and_keeps_or_discards(ctx, qtbot, answers) -> None:  # noqa: ANN001
    from ui.registers.team_dialog import TeamDialog
    from volunteer_app.services import teams as team_service

    with ctx.db.session() as s:
        teams = team_service.list_teams(s)
    team = teams[1]
    dialog = _show(qtbot, TeamDialog(ctx, teams, team))
    question = _question(_tr("TeamDialog", "team \u201c%1\u201d", team.name))
    for how in ("esc", "close button", "cancel"):
        answers.asked.clear()
        if not dialog.isVisible():
            dialog = _show(qtbot, TeamDialog(ctx, teams, team))
        check_guard(qtbot, dialog, lambda d=dialog: d.description_edit.setPlainText("changed"),
                    lambda d=dialog: d.description_edit.toPlainText() == "changed", answers,
                    question, how)
    with ctx.db.session() as s:
        assert next(t for t in team_service.list_teams(s) if t.id == team.id).description != "changed"
    answers.asked.clear()
    press_esc(_show(qtbot, TeamDialog(ctx, teams, team)))  # unchanged: closes silently
    assert answers.asked == []


def test_edited_grid_asks(ctx, qtbot, answers) -> None:  # noqa: ANN001
    from ui.registers.grid_dialog import GridDialog
    from volunteer_app.services import grids as grid_service

    with ctx.db.session() as s:
        grid = grid_service.list_grids(s)[0]
    dialog = _show(qtbot, GridDialog(ctx, grid))
    check_guard(qtbot, dialog, lambda: dialog.area_edit.setPlainText("另一个小区"),
                lambda: dialog.area_edit.toPlainText() == "另一个小区", answers,
                _question(_tr("GridDialog", "grid \u201c%1\u201d", grid.name)), "close button")


def _request(ctx) -> int:  # noqa: ANN001
    from volunteer_app.services import requests as req_service

    with ctx.db.session() as s:
        return req_service.create_request(s, req_service.RequestData(
            resident_name="卓玛", description="楼道灯坏了"), "文员")


def test_edited_request_asks_and_saves_nothing(ctx, qtbot, answers, type_into) -> None:  # noqa: ANN001
    from ui.orders.request_dialog import RequestDialog
    from volunteer_app.services import requests as req_service

    rid = _request(ctx)
    with ctx.db.session() as s:
        row = req_service.get_request(s, rid).row
    dialog = _show(qtbot, RequestDialog(ctx, row=row))
    qtbot.waitUntil(lambda: dialog.grid_combo.count() > 1)
    press_esc(dialog)  # loaded, unchanged: no question
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert answers.asked == []
    dialog = _show(qtbot, RequestDialog(ctx, row=row))
    qtbot.waitUntil(lambda: dialog.grid_combo.count() > 1)
    dialog.activateWindow()
    dialog.description_edit.setFocus()
    check_guard(qtbot, dialog, lambda: type_into(dialog.building_edit, "3栋"),
                lambda: dialog.building_edit.text() == "3栋", answers,
                _question(_tr("RequestDialog", "request %1", rid)), "esc")
    with ctx.db.session() as s:
        assert req_service.get_request(s, rid).row.building == ""
    # A new request names itself so.
    answers.asked.clear()
    dialog = _show(qtbot, RequestDialog(ctx))
    qtbot.waitUntil(lambda: dialog.grid_combo.count() > 1)
    type_into(dialog.name_edit, "次仁")
    answers.answer = "discard"
    click_cancel(dialog)
    assert answers.asked == [_question(_tr("RequestDialog", "the new request"))]
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_dispatch_and_status_dialogs_ask(ctx, qtbot, answers) -> None:  # noqa: ANN001
    from ui.orders.dispatch_dialog import DispatchDialog
    from ui.orders.request_dialog import TransitionDialog
    from volunteer_app.services import requests as req_service

    rid = _request(ctx)
    with ctx.db.session() as s:
        row = req_service.get_request(s, rid).row
    dialog = _show(qtbot, DispatchDialog(ctx, row))
    qtbot.waitUntil(lambda: dialog.options is not None)
    check_guard(qtbot, dialog, lambda: qtbot.keyClicks(dialog.note_edit, "call first"),
                lambda: dialog.note_edit.text() == "call first", answers,
                _question(_tr("DispatchDialog", "the dispatch of request %1", rid)), "cancel")
    answers.asked.clear()
    dialog = _show(qtbot, TransitionDialog(ctx, row, "cancelled"))
    check_guard(qtbot, dialog, lambda: dialog.note_edit.setPlainText("duplicate"),
                lambda: dialog.note_edit.toPlainText() == "duplicate", answers,
                _question(_tr("TransitionDialog", "the step \u201c%1\u201d of request %2",
                              QCoreApplication.translate("Requests", "Cancelled"), rid)), "esc")
    with ctx.db.session() as s:
        assert req_service.get_request(s, rid).row.status == "received"


def _access(ctx):  # noqa: ANN001, ANN202
    from volunteer_app.services import teams as team_service
    from volunteer_app.services.hours_access import hours_access

    with ctx.db.session() as s:
        teams = [(t.id, t.name) for t in team_service.list_teams(s)]
        return hours_access(s, [t for t, _ in teams]), teams


def _hours_entries(ctx) -> int:  # noqa: ANN001
    from sqlalchemy import func, select

    from volunteer_app.models.hours import HoursEntry

    with ctx.db.session() as s:
        return s.scalar(select(func.count(HoursEntry.id)))


def test_hours_entry_and_correction_ask(ctx, qtbot, answers) -> None:  # noqa: ANN001
    from datetime import date

    from ui.hours.hours_dialog import CorrectionDialog, ManualEntryDialog
    from volunteer_app.services import hours as hours_service
    from volunteer_app.services import hours_listing

    access, teams = _access(ctx)
    vid, name = _volunteer(ctx)
    before = _hours_entries(ctx)
    dialog = _show(qtbot, ManualEntryDialog(ctx, access, teams, (vid, name)))
    press_esc(dialog)  # the volunteer handed in is no edit
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert answers.asked == []
    dialog = _show(qtbot, ManualEntryDialog(ctx, access, teams, (vid, name)))
    dialog.activateWindow()
    dialog.hours_edit.setFocus()
    check_guard(qtbot, dialog, lambda: qtbot.keyClicks(dialog.hours_edit, "2.5"),
                lambda: dialog.hours_edit.text() == "2.5", answers,
                _question(_tr("ManualEntryDialog", "the new hours entry of %1", name)), "esc")
    assert _hours_entries(ctx) == before

    with ctx.db.session() as s:
        eid = hours_service.add_manual(s, vid, date.today(), 2, "活动", "文员")
        entry = hours_listing.get_entry(s, eid)
    answers.asked.clear()
    dialog = _show(qtbot, CorrectionDialog(ctx, access, entry))
    check_guard(qtbot, dialog, lambda: qtbot.keyClicks(dialog.reason_edit, "left early"),
                lambda: dialog.reason_edit.text() == "left early", answers,
                _question(_tr("CorrectionDialog", "the correction of entry No. %1", eid)), "cancel")
    assert _hours_entries(ctx) == before + 1  # only the entry made above


# This test once died with a segmentation fault: the discarded templates dialog was freed
# by the database worker's thread (test_db_worker.py, the screen freed on the UI thread).
def test_planner_dialogs_ask(ctx, qtbot, answers) -> None:  # noqa: ANN001
    from ui.planner.availability_dialog import AvailabilityDialog
    from ui.planner.holidays_dialog import HolidaysDialog
    from ui.planner.templates_dialog import TemplatesDialog

    dialog = _show(qtbot, TemplatesDialog(ctx))
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    dialog.table.selectRow(0)
    name = dialog.templates[0].name
    check_guard(qtbot, dialog, lambda: dialog.needed_spin.setValue(dialog.needed_spin.value() % 9 + 1),
                lambda: True, answers,
                _question(_tr("TemplatesDialog", "duty template \u201c%1\u201d", name)), "close button")

    vid, vname = _volunteer(ctx)
    answers.asked.clear()
    dialog = _show(qtbot, AvailabilityDialog(ctx, vid, vname))
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    check_guard(qtbot, dialog, lambda: dialog.week_spin.setValue(3),
                lambda: dialog.week_spin.value() == 3, answers,
                _question(_tr("AvailabilityDialog", "the availability of %1", vname)), "esc")

    answers.asked.clear()
    dialog = _show(qtbot, HolidaysDialog(ctx, 2026))
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)
    check_guard(qtbot, dialog, lambda: dialog.name_edit.setText("藏历新年"),
                lambda: dialog.name_edit.text() == "藏历新年", answers,
                _question(_tr("HolidaysDialog", "the holiday entry for %1", "2026-01-01")), "cancel")


def test_admin_dialogs_ask(ctx, qtbot, answers) -> None:  # noqa: ANN001
    from ui.admin.jobs_settings_widget import TeamLeadsDialog
    from ui.admin.operators_view import OperatorDialog

    dialog = _show(qtbot, OperatorDialog(ctx, [], None))
    check_guard(qtbot, dialog, lambda: qtbot.keyClicks(dialog.username_edit, "clerk2"),
                lambda: dialog.username_edit.text() == "clerk2", answers,
                _question(_tr("OperatorDialog", "the new operator")), "esc")
    answers.asked.clear()
    dialog = _show(qtbot, TeamLeadsDialog(((1, "小喇叭巡逻队"),), {}, "24h"))
    check_guard(qtbot, dialog, lambda: dialog.table.item(0, 1).setText("3h"),
                lambda: dialog.table.item(0, 1).text() == "3h", answers,
                _question(_tr("TeamLeadsDialog", "the reminder lead times per team")), "cancel")


def test_closing_while_the_save_is_on_its_way_waits_for_it(ctx, qtbot, answers) -> None:  # noqa: ANN001
    """A 'discard' while the worker writes would be a lie: the dialog stays, no question,
    and the save's outcome decides (here: saved, so the dialog closes by itself)."""
    vid, _ = _volunteer(ctx)
    dialog = _volunteer_dialog(ctx, qtbot, vid)
    qtbot.keyClicks(dialog.skills_edit, " first aid")
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    gate = threading.Event()  # holds the worker: the save waits behind this task
    ctx.worker.submit(lambda _s: gate.wait(10), lambda _r: None)
    dialog._on_save_clicked()
    press_esc(dialog)
    click_close_button(dialog)
    click_cancel(dialog)
    assert answers.asked == [] and dialog.isVisible() and dialog._saving
    gate.set()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with ctx.db.session() as s:
        assert vol_service.get(s, vid).skills.endswith(" first aid")
