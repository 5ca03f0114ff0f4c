"""The holidays dialog shows the duties a change affects before applying it, applies it as
one change and undoes it; estimated days of a year without official data read 预计; a
range is one entry (issue 18 points 2 and 3)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select

from volunteer_app.db import Database
from volunteer_app.models import Volunteer
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import holiday_changes as changes
from volunteer_app.services import holidays as holiday_service
from volunteer_app.services import templates as template_service

NEW_YEAR = date(2027, 1, 1)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(changes, "local_now", lambda _s: datetime(2026, 12, 7, 9, 0))


def _inspection_on_new_years_day(db: Database) -> int:
    """A weekday inspection generated on 1 January 2027 before 元旦 was entered, with 张三."""
    with db.session() as s:
        template_service.save_template(s, None, template_service.TemplateData(
            name="日常小排查", start_time=time(10), end_time=time(11), duty_type="small_inspection",
            day_of_week="mon-fri", on_holidays=False))
        holiday_service.remove_holiday(s, NEW_YEAR)  # the estimate, as if never entered
        template_service.generate(s, date(2026, 12, 28), date(2027, 1, 10))
        shift_id = s.scalar(select(Shift.id).where(Shift.date == NEW_YEAR))
        v = Volunteer(name="张三", mobile="13800000000")
        s.add(v)
        s.flush()
        assignment_service.assign(s, shift_id, v.id)
        return shift_id


def _set_day(dialog, first: date, last: date, kind: str, name: str) -> None:  # noqa: ANN001
    dialog.date_edit.setDate(QDate(first.year, first.month, first.day))
    dialog.to_edit.setDate(QDate(last.year, last.month, last.day))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
    dialog.name_edit.setText(name)


def test_preview_then_apply_as_one_change_and_undo(empty_ctx, db, qtbot, monkeypatch, wait_idle) -> None:  # noqa: ANN001
    from ui.planner.holiday_effects_dialog import HolidayEffectsDialog
    from ui.planner.holidays_dialog import HolidaysDialog

    shift_id = _inspection_on_new_years_day(db)
    seen: dict[str, object] = {}

    def answer(self) -> int:  # noqa: ANN001
        seen["lines"], seen["summary"] = self.lines(), self.summary.text()
        qtbot.mouseClick(self.replan_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(HolidayEffectsDialog, "exec", answer)
    dialog = HolidaysDialog(empty_ctx, 2027)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 10, timeout=15000)
    # 2027 has no official data: pre-filled with estimates, marked 预计.
    sources = {dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole): dialog.table.item(r, 3).text()
               for r in range(dialog.table.rowCount())}
    assert sources["2027-02-06"] == "预计" and "2027-01-01" not in sources
    _set_day(dialog, NEW_YEAR, NEW_YEAR, "holiday", "元旦")
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.undo_button.isEnabled(), timeout=15000)
    wait_idle(empty_ctx)
    assert any("日常小排查" in line and "张三" in line for line in seen["lines"])
    assert "张三" in seen["summary"]
    with db.session() as s:
        assert s.get(Shift, shift_id) is None and not s.scalars(select(Assignment)).all()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.undo_button.isEnabled(), timeout=15000)
    wait_idle(empty_ctx)
    with db.session() as s:
        assert s.get(Shift, shift_id) is not None
        assert [a.shift_id for a in s.scalars(select(Assignment))] == [shift_id]
        assert session_kind(s, NEW_YEAR) is None


def session_kind(s, day: date) -> str | None:  # noqa: ANN001
    from volunteer_app.models.holidays import Holiday

    row = s.get(Holiday, day)
    return None if row is None else row.kind


def test_a_range_is_one_entry_and_no_duties_means_no_question(empty_ctx, db, qtbot, wait_idle) -> None:  # noqa: ANN001
    from ui.planner.holidays_dialog import HolidaysDialog

    dialog = HolidaysDialog(empty_ctx, 2027)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 10, timeout=15000)
    _set_day(dialog, date(2027, 2, 5), date(2027, 2, 11), "holiday", "春节")
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.undo_button.isEnabled(), timeout=15000)
    wait_idle(empty_ctx)
    with db.session() as s:
        rows = {r.date: r for r in holiday_service.list_holidays(s, 2027)}
    assert all(rows[date(2027, 2, d)].name == "春节" and not rows[date(2027, 2, d)].estimated
               for d in range(5, 12))
