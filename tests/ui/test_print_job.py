"""Issue 18.9: printing through the system dialog keeps each page's orientation (the
weekly roster is landscape) and the print job small (it was 38 MB for six pages: every page
rendered at the printer's 1200 dpi in full colour).

The job is measured by printing to a PDF file with a high-resolution QPrinter, as the
print dialog's "Print to file" does."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter

from ui.common.context import KEY_FONT_PATH
from ui.printing.print_view import PrintView
from volunteer_app.printing.fonts import find_cjk_font

try:
    find_cjk_font()
except Exception:  # pragma: no cover - machines without a Chinese font
    pytest.skip("no Chinese TrueType font installed", allow_module_level=True)

# Bytes a printed page may take: a text page at 300 dpi compresses to well under this.
MAX_BYTES_PER_PAGE = 1_500_000


@pytest.fixture
def view(ctx, qtbot):  # noqa: ANN001, ANN201
    ctx.settings.setValue(KEY_FONT_PATH, "")
    v = PrintView(ctx)
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    qtbot.waitUntil(lambda: v.scope.cards_grids.count() == 11, timeout=15000)
    return v


def _print(view: PrintView, qtbot, kind: str, tmp_path: Path) -> tuple[int, Path]:  # noqa: ANN001
    view.kind_combo.setCurrentIndex(view.kind_combo.findData(kind))
    if kind == "roster":
        view.scope.roster_date.setDate(QDate.currentDate())
    with qtbot.waitSignal(view.sig_preview_ready, timeout=60000) as blocker:
        view.preview_button.click()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # what the print dialog gets
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / f"{kind}-job.pdf"
    printer.setOutputFileName(str(out))
    assert view.print_to(printer) == blocker.args[0].pages
    return blocker.args[0].pages, out


def test_landscape_roster_prints_landscape_and_small(view: PrintView, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    pages, out = _print(view, qtbot, "roster", tmp_path)
    printed = PdfReader(str(out)).pages
    assert len(printed) == pages
    for page in printed:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width > height, (width, height)  # landscape paper, not shrunk onto portrait
    size = out.stat().st_size
    assert size < MAX_BYTES_PER_PAGE * pages, f"{size / 1e6:.1f} MB for {pages} pages"


def test_portrait_documents_stay_portrait(view: PrintView, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    pages, out = _print(view, qtbot, "member_cards", tmp_path)
    for page in PdfReader(str(out)).pages:
        assert float(page.mediabox.height) > float(page.mediabox.width)
    assert out.stat().st_size < MAX_BYTES_PER_PAGE * pages
