"""The desktop side of strict parsing (issue 16, case 5): the forms offer only the years
the core accepts, search boxes take no more than the core searches for, and the texts
name the same years as volunteer_app.parsing."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QLineEdit, QSpinBox

from volunteer_app import parsing
from volunteer_app.cli import messages


def test_the_texts_name_the_years_the_core_accepts() -> None:
    from ui.texts.errors import REASONS

    for text in (REASONS["date_out_of_range"], messages.REASONS["date_out_of_range"]):
        assert str(parsing.YEAR_MIN) in text and str(parsing.YEAR_MAX) in text


def test_within_years_keeps_editors_in_range_and_narrower_ranges(app) -> None:  # noqa: ANN001
    from ui.common.forms import search_box_limits, within_years

    day, moment, year = QDateEdit(), QDateTimeEdit(), QSpinBox()
    year.setRange(2004, 9999)
    narrow = QDateEdit()
    narrow.setMaximumDate(QDate(2030, 1, 1))
    within_years(day, moment, year, narrow)
    assert day.minimumDate() == QDate(parsing.FIRST_DAY) and day.maximumDate() == QDate(parsing.LAST_DAY)
    assert moment.minimumDate() == QDate(parsing.FIRST_DAY)
    assert (year.minimum(), year.maximum()) == (2004, parsing.YEAR_MAX)
    assert narrow.maximumDate() == QDate(2030, 1, 1)
    day.setDate(QDate(1, 1, 1))
    assert day.date() == QDate(parsing.FIRST_DAY)
    box = QLineEdit()
    search_box_limits(box)
    box.setText("x" * 40_000)
    assert len(box.text()) == parsing.SEARCH_MAX


def test_the_forms_offer_only_those_years(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.registers.volunteer_dialog import VolunteerDialog
    from ui.registers.volunteers_view import VolunteersView

    dialog = VolunteerDialog(ctx, None)
    qtbot.addWidget(dialog)
    assert dialog.joined_edit.minimumDate() == QDate(parsing.FIRST_DAY)
    view = VolunteersView(ctx)
    qtbot.addWidget(view)
    assert view.search_edit.maxLength() == parsing.SEARCH_MAX
    qtbot.waitUntil(lambda: ctx.worker.pending == 0)
