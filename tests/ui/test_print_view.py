"""The Print screen with pytest-qt: preview, save, print, masking defaults, fonts, cancel."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter

from ui.common import file_dialogs
from ui.common.context import KEY_FONT_PATH
from ui.printing.print_view import PrintView
from volunteer_app.printing.fonts import find_cjk_font
from volunteer_app.services import shifts as shift_service

try:
    find_cjk_font()
except Exception:  # pragma: no cover - machines without a Chinese font
    pytest.skip("no Chinese TrueType font installed", allow_module_level=True)


@pytest.fixture
def view(ctx, qtbot):  # noqa: ANN001, ANN201
    ctx.settings.setValue(KEY_FONT_PATH, "")
    v = PrintView(ctx)
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    qtbot.waitUntil(lambda: v.scope.cards_grids.count() == 11, timeout=15000)
    return v


def choose(v: PrintView, kind: str) -> None:
    v.kind_combo.setCurrentIndex(v.kind_combo.findData(kind))


def preview(qtbot, v: PrintView):  # noqa: ANN001, ANN201
    with qtbot.waitSignal(v.sig_preview_ready, timeout=60000) as blocker:
        v.preview_button.click()
    return blocker.args[0]


def text_of(path: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def test_cards_preview_then_save(view: PrintView, qtbot, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    assert not view.save_button.isEnabled()
    view.scope.cards_copies.setValue(2)
    result = preview(qtbot, view)
    assert result.pages == 3 and view.document.pageCount() == 3
    assert view.save_button.isEnabled() and view.print_button.isEnabled()
    assert not view.mask_check.isChecked()  # cards show phones in full by default
    target = tmp_path / "cards.pdf"
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a, **k: target)
    view.save_button.click()
    text = text_of(target)
    assert "1号网格" in text and "11号网格" in text and "网格联系卡" in text


def test_some_grids_only(view: PrintView, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    view.scope.cards_all.setChecked(False)
    view.scope.cards_grids.item(2).setCheckState(Qt.CheckState.Checked)
    view.scope.cards_copies.setValue(10)
    result = preview(qtbot, view)
    assert result.items == 10 and result.pages == 1
    text = text_of(view.pdf_path)
    assert "3号网格" in text and "1号网格" not in text


def test_roster_masks_phones_by_default(view: PrintView, qtbot) -> None:  # noqa: ANN001
    choose(view, "roster")
    assert view.mask_check.isChecked()
    view.scope.roster_date.setDate(QDate(date.today()))
    result = preview(qtbot, view)
    assert result.pages >= 5  # one page per team with duties this week
    text = text_of(view.pdf_path)
    assert "值班表" in text and "****" in text and shift_service.week_label(date.today()) in text
    choose(view, "cards")
    assert not view.mask_check.isChecked()


def test_signin_sheets_of_the_ticked_shifts(view: PrintView, qtbot, ctx) -> None:  # noqa: ANN001
    monday = shift_service.monday_of(date.today()) + timedelta(days=7)
    with ctx.db.session() as s:
        day_shifts = shift_service.list_shifts(s, monday, monday)
    choose(view, "signin")
    view.scope.signin_date.setDate(QDate(monday))
    qtbot.waitUntil(lambda: view.scope.signin_shifts.count() == len(day_shifts), timeout=15000)
    result = preview(qtbot, view)
    assert result.pages == len(day_shifts)
    assert "签到表" in text_of(view.pdf_path)


def test_hours_statement(view: PrintView, qtbot) -> None:  # noqa: ANN001
    choose(view, "hours")
    view.scope.hours_month.setDate(QDate(2030, 1, 1))
    result = preview(qtbot, view)
    assert result.pages == 1
    assert "没有志愿服务时长记录" in text_of(view.pdf_path)


def test_missing_font_is_explained(view: PrintView, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    missing = str(tmp_path / "gone.ttc")
    view.set_font_path(missing)
    assert view.ctx.settings.value(KEY_FONT_PATH) == missing
    with qtbot.waitSignal(view.sig_failed, timeout=30000) as blocker:
        view.preview_button.click()
    assert missing in blocker.args[0]
    assert missing in view.status.text()
    assert not view.save_button.isEnabled()
    view.font_reset.click()
    assert view.font_edit.text() == ""
    preview(qtbot, view)


def test_cancel_stops_a_long_job(view: PrintView, qtbot) -> None:  # noqa: ANN001
    view.scope.cards_copies.setValue(1000)
    with qtbot.waitSignal(view.sig_failed, timeout=60000) as blocker:
        view.preview_button.click()
        view.cancel_button.click()
    assert blocker.args[0] == view.tr("Cancelled.")
    assert view.preview_button.isEnabled()


def test_print_to_a_printer(view: PrintView, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    choose(view, "member_cards")
    result = preview(qtbot, view)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert view.print_to(printer) == result.pages
    assert len(PdfReader(str(out)).pages) == result.pages


def test_preview_pages_are_painted_white(view: PrintView, qtbot) -> None:  # noqa: ANN001
    choose(view, "hours")
    view.scope.hours_month.setDate(QDate(2030, 1, 1))
    preview(qtbot, view)
    qtbot.wait(200)  # let the view paint the freshly loaded document
    image = view.pdf_view.viewport().grab().toImage()
    # The lower middle of the first page holds no text: it must be white, not see-through.
    colour = image.pixelColor(image.width() // 2, int(image.height() * 0.6))
    assert (colour.red(), colour.green(), colour.blue()) == (255, 255, 255)
