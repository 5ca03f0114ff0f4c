"""The Print screen: choose a printout and its scope, preview it, save it as PDF or print it.

Threads: the scope lists (teams, grids, shifts, members) and the printout's data load on
the database worker (``ctx.worker``); the PDF is then rendered as a background operation
(:class:`~ui.common.operations.BackgroundOp`), so a long job (a thousand cards) neither
freezes the window nor holds up other screens' database work. Progress and the result
arrive on the UI thread; Cancel sets a flag the renderer polls between cards or pages.

The preview is QtPdf's QPdfView on the rendered file. Printing renders each page with
QPdfDocument.render at 300 dpi (not the printer's 1200) in the page's own orientation;
those images have a transparent background, so each page is painted on white first, and
pages without colour go to the printer in greyscale.

Settings: the paper size comes from ``ctx.paper_size`` (Settings screen); the printing
font file chosen here is kept under ``KEY_FONT_PATH`` (empty = the system's font).
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QRect,
    QSize,
    QSizeF,
    Qt,
    QTemporaryDir,
    Signal,
)
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.common import file_dialogs
from ui.common.context import KEY_FONT_PATH, PAPER_SIZES, AppContext, settings_str
from ui.common.i18n import arg
from ui.common.operations import BackgroundOp, OpContext
from ui.printing.scope_pages import KINDS, PrintScope
from ui.texts.errors import error_text
from volunteer_app import changes
from volunteer_app.printing import FontMissing, PrintCancelled, PrintOptions, PrintResult
from volunteer_app.printing.jobs import DEFAULT_MASK, PreparedPrint, PrintRequest, prepare


class PrintView(QWidget):
    """Printouts: contact cards, member cards, weekly rosters, sign-in sheets, hours."""

    sig_preview_ready = Signal(object)  # PrintResult, once the preview shows the new PDF
    sig_failed = Signal(str)  # the message shown when generating failed or was cancelled

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("printView")
        self._tmp = QTemporaryDir()
        self._job_id = 0
        self._cancel = threading.Event()
        self._busy = False
        self._prepared: PreparedPrint | None = None
        self._pdf_path: Path | None = None
        self._result: PrintResult | None = None
        self._build()
        self._on_kind_changed()
        self.scope.load()
        ctx.sig_data_changed.connect(self._on_ctx_data_changed)
        ctx.sig_settings_changed.connect(self._on_ctx_settings_changed)

    # -- building --------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Print"), self)
        title.setObjectName("pageTitle")

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("printKind")
        labels = {
            "cards": self.tr("Grid contact cards"),
            "member_cards": self.tr("Volunteer member cards"),
            "roster": self.tr("Weekly roster"),
            "signin": self.tr("Sign-in sheet"),
            "hours": self.tr("Service hours statement"),
        }
        for kind in KINDS:
            self.kind_combo.addItem(labels[kind], kind)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)

        self.scope = PrintScope(self.ctx, self)
        self.scope.sig_problem.connect(self._show_error)

        common = QGroupBox(self.tr("Paper and privacy"), self)
        form = QFormLayout(common)
        self.paper_combo = QComboBox(common)
        self.paper_combo.setObjectName("printPaper")
        for paper in PAPER_SIZES:
            self.paper_combo.addItem(paper, paper)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(self.ctx.paper_size)))
        form.addRow(self.tr("Paper"), self.paper_combo)
        self.mask_check = QCheckBox(self.tr("Mask phone numbers (138****1234)"), common)
        self.mask_check.setObjectName("printMask")
        form.addRow(self.mask_check)
        font_row = QHBoxLayout()
        self.font_edit = QLineEdit(common)
        self.font_edit.setObjectName("printFont")
        self.font_edit.setReadOnly(True)
        self.font_edit.setPlaceholderText(self.tr("System font"))
        self.font_edit.setText(settings_str(self.ctx.settings, KEY_FONT_PATH, ""))
        self.font_button = QPushButton(self.tr("Choose\u2026"), common)
        self.font_button.clicked.connect(self._on_font_button_clicked)
        self.font_reset = QPushButton(self.tr("Default"), common)
        self.font_reset.clicked.connect(self._on_font_reset_clicked)
        font_row.addWidget(self.font_edit, 1)
        font_row.addWidget(self.font_button)
        font_row.addWidget(self.font_reset)
        form.addRow(self.tr("Font file"), font_row)

        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setObjectName("printPreview")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.generate)
        self.save_button = QPushButton(self.tr("Save as PDF\u2026"), self)
        self.save_button.setObjectName("printSave")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button = QPushButton(self.tr("Print\u2026"), self)
        self.print_button.setObjectName("printPrint")
        self.print_button.clicked.connect(self._on_print_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("printProgress")
        self.progress.setTextVisible(True)
        self.status = QLabel(self)
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(title)
        kind_form = QFormLayout()
        kind_form.addRow(self.tr("Printout"), self.kind_combo)
        left_layout.addLayout(kind_form)
        left_layout.addWidget(self.scope, 1)
        left_layout.addWidget(common)
        left_layout.addLayout(buttons)
        left_layout.addLayout(progress_row)
        left_layout.addWidget(self.status)

        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setObjectName("printPreviewPane")
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setPageSpacing(12)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.pdf_view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._set_busy(False)

    # -- scope lists ------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the teams, grids and shifts the scope lists offer."""
        self.scope.load()

    def _on_kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.scope.show_kind(kind)
        self.mask_check.setChecked(DEFAULT_MASK[kind])

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in (changes.TEAMS, changes.GRIDS, changes.VOLUNTEERS, changes.SHIFTS):
            self.scope.load()

    def _on_ctx_settings_changed(self, key: str) -> None:
        from ui.common.context import KEY_PAPER_SIZE

        if key == KEY_PAPER_SIZE:
            self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(self.ctx.paper_size)))

    # -- font ------------------------------------------------------------------------

    def _on_font_button_clicked(self) -> None:
        path = file_dialogs.ask_open_path(
            self, self.tr("Choose a Chinese TrueType font"), self.font_edit.text(),
            self.tr("TrueType fonts (*.ttf *.ttc);;All files (*)"))
        if path is not None:
            self.set_font_path(str(path))

    def _on_font_reset_clicked(self) -> None:
        self.set_font_path("")

    def set_font_path(self, path: str) -> None:
        """Use this font file for printing (empty: the system's Chinese font); remembered."""
        self.font_edit.setText(path)
        self.ctx.set_setting(KEY_FONT_PATH, path)

    # -- generating ------------------------------------------------------------------

    def request(self) -> PrintRequest | None:
        """The request the form describes; None (with a message) when the scope is empty."""
        return self.scope.request(self.kind_combo.currentData())

    def options(self) -> PrintOptions:
        """Paper, masking and font as chosen on the form."""
        return PrintOptions(paper=self.paper_combo.currentData() or "A4",
                            font_path=self.font_edit.text() or None,
                            mask_phones=self.mask_check.isChecked())

    def generate(self) -> None:
        """Load the data on the database thread, then render the PDF in the background."""
        if self._busy:
            return
        req = self.request()
        if req is None:
            return
        self._job_id += 1
        job_id = self._job_id
        self._cancel = threading.Event()
        options = self.options()
        self._set_busy(True)
        self.progress.setRange(0, 0)  # busy until the renderer reports a total
        self.status.setText(self.tr("Loading data\u2026"))
        self.ctx.worker.submit(
            lambda s: prepare(s, req),
            lambda prepared: self._on_prepared(job_id, prepared, options),
            lambda exc: self._on_render_failed(job_id, exc),
            owner=self, label="print data")

    def _on_prepared(self, job_id: int, prepared: PreparedPrint, options: PrintOptions) -> None:
        if job_id != self._job_id:
            return
        if self._cancel.is_set():
            self._on_render_failed(job_id, PrintCancelled())
            return
        self._prepared = prepared
        self.status.setText(self.tr("Generating the PDF\u2026"))
        path = Path(self._tmp.path()) / f"preview-{job_id}.pdf"
        cancel = self._cancel

        def render(op: OpContext) -> PrintResult:
            # Every report: the renderer already keeps them to about a hundred.
            return prepared.render(path, replace(
                options, progress=lambda done, total: op.progress((done, total), force=True),
                cancelled=lambda: cancel.is_set() or op.cancelled()))

        BackgroundOp(self, render, label="print preview") \
            .success(lambda result: self._on_render_done(job_id, result)) \
            .failure(lambda exc: self._on_render_failed(job_id, exc)) \
            .with_progress(lambda info: self._on_render_progress(job_id, *info)) \
            .run()

    def cancel(self) -> None:
        """Stop the printout being generated (the previous preview stays)."""
        self._cancel.set()

    def _on_render_progress(self, job_id: int, done: int, total: int) -> None:
        if job_id == self._job_id:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_render_done(self, job_id: int, result: PrintResult) -> None:
        if job_id != self._job_id:
            return
        path = Path(self._tmp.path()) / f"preview-{job_id}.pdf"
        self.document.close()
        old = self._pdf_path
        self._pdf_path = path
        self._result = result
        self.document.load(str(path))
        if old is not None and old != path:
            old.unlink(missing_ok=True)
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        text = arg(self.tr("%1 pages ready."), result.pages)
        if "tibetan_font_missing" in result.warnings:
            text += " " + self.tr("Text in Tibetan script was printed without a Tibetan font: "
                                  "install fonts-tibetan-machine.")
        self.status.setText(text)
        self.status.setProperty("error", False)
        self.sig_preview_ready.emit(result)

    def _on_render_failed(self, job_id: int, exc: BaseException) -> None:
        if job_id != self._job_id:
            return
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, PrintCancelled):
            message = self.tr("Cancelled.")
        elif isinstance(exc, FontMissing):
            message = self._font_message(exc)
        else:
            message = error_text(exc)
        self._show_error(message)
        self.sig_failed.emit(message)

    def _font_message(self, exc: FontMissing) -> str:
        if exc.code == "font_file_missing":
            return arg(self.tr("The font file %1 does not exist. Choose another font file, or "
                               "press Default to use the system's Chinese font."),
                       exc.details.get("path", ""))
        if exc.code == "font_unusable":
            return arg(self.tr("The font file %1 cannot be used for printing. Choose a "
                               "TrueType Chinese font (.ttf or .ttc), such as wqy-zenhei.ttc, "
                               "msyh.ttc or simsun.ttc."), exc.details.get("path", ""))
        return self.tr("No Chinese TrueType font was found for printing. Install the "
                       "fonts-wqy-zenhei package (Linux) or choose a font file such as "
                       "msyh.ttc or simsun.ttc with Choose\u2026 below.")

    def _show_error(self, message: str) -> None:
        self.status.setText(message)
        self.status.setProperty("error", True)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.preview_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        ready = not busy and self._pdf_path is not None
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    # -- saving and printing -------------------------------------------------------------

    @property
    def pdf_path(self) -> Path | None:
        """The PDF the preview shows (None before the first preview)."""
        return self._pdf_path

    def _on_save_clicked(self) -> None:
        if self._pdf_path is None or self._prepared is None:
            return
        target = file_dialogs.ask_save_path(self, self.tr("Save as PDF"),
                                            f"{self._prepared.name}.pdf",
                                            self.tr("PDF files (*.pdf)"))
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        self.save_to(target)

    def save_to(self, target: Path) -> bool:
        """Copy the previewed PDF to ``target``; the status says what happened."""
        if self._pdf_path is None:
            return False
        try:
            shutil.copyfile(self._pdf_path, target)
        except OSError as exc:
            self._show_error(error_text(exc))
            return False
        self.status.setText(arg(self.tr("Saved %1."), str(target)))
        self.status.setProperty("error", False)
        return True

    def _on_print_clicked(self) -> None:
        if self._pdf_path is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._prepared.name if self._prepared else "print")
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Send the previewed pages to ``printer``; returns how many pages were printed.

        Each page is printed in its own orientation (the weekly roster is landscape, cards
        portrait): it was shrunk onto the orientation the dialog started with. Pages are
        rendered at most at :data:`PRINT_DPI` (a printer reports 1200 dpi: six roster pages
        made a 38 MB job), painted on white (QtPdf leaves the background transparent) and
        sent in greyscale when they hold no colour (issue 18.9).
        """
        count = self.document.pageCount()
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(count, printer.toPage() or count)
        if first > last:
            return 0
        set_orientation(printer, self.document.pagePointSize(first - 1))
        painter = QPainter()
        if not painter.begin(printer):
            self._show_error(self.tr("The printer could not be started."))
            return 0
        printed = 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            grey = printer.colorMode() == QPrinter.ColorMode.GrayScale
            for page in range(first - 1, last):
                size_pt = self.document.pagePointSize(page)
                if printed:
                    set_orientation(printer, size_pt)  # applies from the next page on
                    printer.newPage()
                page_image = page_bitmap(self.document, page, size_pt, dpi, grey)
                area = printer.pageLayout().paintRectPixels(printer.resolution())
                fit = page_image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(0, 0, fit.width(), fit.height()), page_image)
                printed += 1
        finally:
            painter.end()
            QApplication.restoreOverrideCursor()
        self.status.setText(arg(self.tr("%1 pages sent to the printer."), printed))
        return printed


# Resolution pages are rendered at for printing: sharp text and lines on paper, a few
# megabytes a page at most (the printer's own 1200 dpi gives ~30 MB per colour page).
PRINT_DPI = 300


def set_orientation(printer: QPrinter, size_pt: QSizeF) -> None:
    """Landscape paper for a page wider than tall, portrait otherwise."""
    landscape = size_pt.width() > size_pt.height()
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)


def page_bitmap(document: QPdfDocument, page: int, size_pt: QSizeF, dpi: int,
                grey: bool) -> QImage:
    """One page as an opaque bitmap at ``dpi``: white under the page, 8-bit grey when the
    page has no colour (or ``grey``: the dialog asked for greyscale), else 24-bit colour."""
    size = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
    image = document.render(page, size)
    page_image = QImage(image.size(), QImage.Format.Format_RGB32)
    page_image.fill(Qt.GlobalColor.white)
    p = QPainter(page_image)
    p.drawImage(0, 0, image)
    p.end()
    if grey or page_image.allGray():
        return page_image.convertToFormat(QImage.Format.Format_Grayscale8)
    return page_image.convertToFormat(QImage.Format.Format_RGB888)
