"""The Print screen: choose a printout and its scope, preview it, save it as PDF or print it.

Threads: the scope lists (teams, grids, shifts, members) and the printout's data load on
the database worker (``ctx.worker``); the PDF is then rendered as a background operation
(:class:`~ui.common.operations.BackgroundOp`), so a long job (a thousand cards) neither
freezes the window nor holds up other screens' database work. Progress and the result
arrive on the UI thread; Cancel sets a flag the renderer polls between cards or pages.

The preview is QtPdf's QPdfView on the rendered file. Printing renders each page with
QPdfDocument.render at the printer's resolution; those images have a transparent
background, so each page is painted on white first.

Settings: the paper size comes from ``ctx.paper_size`` (Settings screen); the printing
font file chosen here is kept under ``KEY_FONT_PATH`` (empty = the system's font).
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QRect,
    QSize,
    Qt,
    QTemporaryDir,
    Signal,
)
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import file_dialogs
from ui.common.context import KEY_FONT_PATH, PAPER_SIZES, AppContext, settings_str
from ui.common.i18n import arg
from ui.common.operations import BackgroundOp, OpContext
from ui.texts.errors import error_text
from volunteer_app.printing import FontMissing, PrintCancelled, PrintOptions, PrintResult
from volunteer_app.printing.jobs import DEFAULT_MASK, PreparedPrint, PrintRequest, prepare
from volunteer_app.services import grids as grid_service
from volunteer_app.services import shifts as shift_service
from volunteer_app.services import teams as team_service

ROLE_ID = Qt.ItemDataRole.UserRole + 1
KINDS = ("cards", "member_cards", "roster", "signin", "hours")


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


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
        self._load_scope_lists()
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

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_cards_page())
        self.pages.addWidget(self._build_member_page())
        self.pages.addWidget(self._build_roster_page())
        self.pages.addWidget(self._build_signin_page())
        self.pages.addWidget(self._build_hours_page())

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
        left_layout.addWidget(self.pages, 1)
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

    def _team_combo(self, parent: QWidget, all_label: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItem(all_label, None)
        return combo

    def _build_cards_page(self) -> QWidget:
        page = QGroupBox(self.tr("Grids"), self)
        layout = QVBoxLayout(page)
        self.cards_all = QCheckBox(self.tr("All grids"), page)
        self.cards_all.setChecked(True)
        self.cards_grids = QListWidget(page)
        self.cards_grids.setObjectName("printGrids")
        self.cards_grids.setEnabled(False)
        self.cards_all.toggled.connect(lambda on: self.cards_grids.setEnabled(not on))
        form = QFormLayout()
        self.cards_copies = QSpinBox(page)
        self.cards_copies.setObjectName("printCopies")
        self.cards_copies.setRange(1, 1000)
        self.cards_copies.setValue(10)
        self.cards_copies.setSuffix(self.tr(" per grid"))
        self.cards_backs = QCheckBox(self.tr("Print the backs too (double-sided)"), page)
        form.addRow(self.tr("Copies"), self.cards_copies)
        layout.addWidget(self.cards_all)
        layout.addWidget(self.cards_grids, 1)
        layout.addLayout(form)
        layout.addWidget(self.cards_backs)
        return page

    def _build_member_page(self) -> QWidget:
        page = QGroupBox(self.tr("Volunteers"), self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.member_team = self._team_combo(page, self.tr("All active volunteers"))
        self.member_team.setObjectName("printMemberTeam")
        self.member_team.currentIndexChanged.connect(self._on_member_team_changed)
        form.addRow(self.tr("Team"), self.member_team)
        layout.addLayout(form)
        self.member_list = QListWidget(page)
        self.member_list.setObjectName("printMembers")
        self.member_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.member_hint = QLabel(self.tr("Choose a team to pick single members; "
                                          "otherwise every active volunteer gets a card."), page)
        self.member_hint.setWordWrap(True)
        layout.addWidget(self.member_hint)
        layout.addWidget(self.member_list, 1)
        return page

    def _build_roster_page(self) -> QWidget:
        page = QGroupBox(self.tr("Week and team"), self)
        form = QFormLayout(page)
        week_row = QHBoxLayout()
        self.roster_prev = QPushButton("\u25c0", page)
        self.roster_prev.setFixedWidth(32)
        self.roster_date = QDateEdit(page)
        self.roster_date.setObjectName("printWeek")
        self.roster_date.setCalendarPopup(True)
        self.roster_date.setDisplayFormat("yyyy-MM-dd")
        self.roster_date.setDate(QDate(date.today()))
        self.roster_next = QPushButton("\u25b6", page)
        self.roster_next.setFixedWidth(32)
        self.roster_prev.clicked.connect(lambda: self._shift_week(-7))
        self.roster_next.clicked.connect(lambda: self._shift_week(7))
        week_row.addWidget(self.roster_prev)
        week_row.addWidget(self.roster_date, 1)
        week_row.addWidget(self.roster_next)
        self.roster_week_label = QLabel(page)
        self.roster_date.dateChanged.connect(self._on_roster_date_changed)
        self.roster_by = QComboBox(page)
        self.roster_by.setObjectName("printRosterBy")
        self.roster_by.addItem(self.tr("By team"), "team")
        self.roster_by.addItem(self.tr("By grid"), "grid")
        self.roster_team = self._team_combo(page, self.tr("All teams, one after another"))
        self.roster_team.setObjectName("printRosterTeam")
        self.roster_grid = QComboBox(page)
        self.roster_grid.setObjectName("printRosterGrid")
        self.roster_by.currentIndexChanged.connect(self._on_roster_by_changed)
        form.addRow(self.tr("Week"), week_row)
        form.addRow("", self.roster_week_label)
        form.addRow(self.tr("Roster of"), self.roster_by)
        form.addRow(self.tr("Team"), self.roster_team)
        form.addRow(self.tr("Grid"), self.roster_grid)
        self._on_roster_date_changed()
        self._on_roster_by_changed()
        return page

    def _build_signin_page(self) -> QWidget:
        page = QGroupBox(self.tr("Day and shifts"), self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.signin_date = QDateEdit(page)
        self.signin_date.setObjectName("printSigninDate")
        self.signin_date.setCalendarPopup(True)
        self.signin_date.setDisplayFormat("yyyy-MM-dd")
        self.signin_date.setDate(QDate(date.today()))
        self.signin_team = self._team_combo(page, self.tr("All teams"))
        self.signin_team.setObjectName("printSigninTeam")
        form.addRow(self.tr("Date"), self.signin_date)
        form.addRow(self.tr("Team"), self.signin_team)
        layout.addLayout(form)
        self.signin_shifts = QListWidget(page)
        self.signin_shifts.setObjectName("printShifts")
        self.signin_shifts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout.addWidget(QLabel(self.tr("One sheet for each ticked shift:"), page))
        layout.addWidget(self.signin_shifts, 1)
        self.signin_date.dateChanged.connect(self._load_shifts)
        self.signin_team.currentIndexChanged.connect(self._load_shifts)
        return page

    def _build_hours_page(self) -> QWidget:
        page = QGroupBox(self.tr("Month and team"), self)
        form = QFormLayout(page)
        self.hours_month = QDateEdit(page)
        self.hours_month.setObjectName("printMonth")
        self.hours_month.setCalendarPopup(True)
        self.hours_month.setDisplayFormat("yyyy-MM")
        self.hours_month.setDate(QDate(date.today()))
        self.hours_team = self._team_combo(page, self.tr("All teams"))
        self.hours_team.setObjectName("printHoursTeam")
        self.hours_per_volunteer = QCheckBox(self.tr("One statement per volunteer"), page)
        self.hours_per_volunteer.setObjectName("printPerVolunteer")
        form.addRow(self.tr("Month"), self.hours_month)
        form.addRow(self.tr("Team"), self.hours_team)
        form.addRow(self.hours_per_volunteer)
        note = QLabel(self.tr("Only hours verified by a captain are added into the totals."),
                      page)
        note.setWordWrap(True)
        form.addRow(note)
        return page

    # -- scope lists ------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the teams, grids and shifts the scope lists offer."""
        self._load_scope_lists()

    def _load_scope_lists(self) -> None:
        def load(s):  # noqa: ANN001, ANN202 - runs on the database thread
            return team_service.list_teams(s), grid_service.list_grids(s)

        self.ctx.worker.submit(load, self._on_scope_loaded, self._on_scope_failed, owner=self,
                               label="print scope")

    def _on_scope_loaded(self, result: tuple) -> None:
        teams, grids = result
        for combo in (self.member_team, self.roster_team, self.signin_team, self.hours_team):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for t in teams:
                combo.addItem(("    " if t.parent_id else "") + t.name, t.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        current_grid = self.roster_grid.currentData()
        self.roster_grid.clear()
        self.cards_grids.clear()
        for g in grids:
            label = g.name if g.leader_name == "" else f"{g.name}  {g.leader_name}"
            self.roster_grid.addItem(g.name, g.id)
            item = QListWidgetItem(label, self.cards_grids)
            item.setData(ROLE_ID, g.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.roster_grid.setCurrentIndex(max(0, self.roster_grid.findData(current_grid)))
        self._load_shifts()
        self._on_member_team_changed()

    def _on_scope_failed(self, exc: BaseException) -> None:
        self._show_error(error_text(exc))

    def _load_shifts(self) -> None:
        day = self.signin_date.date().toPython()
        team_id = self.signin_team.currentData()

        def load(s):  # noqa: ANN001, ANN202
            return shift_service.list_shifts(s, day, day, team_id=team_id)

        self.ctx.worker.submit(load, self._on_shifts_loaded, self._on_scope_failed, owner=self,
                               label="print shifts")

    def _on_shifts_loaded(self, shifts: list) -> None:
        self.signin_shifts.clear()
        for s in shifts:
            who = s.team or s.grid or ""
            text = arg(self.tr("%1–%2  %3  %4  (%5 on it)"), s.start.strftime("%H:%M"),
                       s.end.strftime("%H:%M"), s.title or s.duty_type, who, s.filled)
            item = QListWidgetItem(text, self.signin_shifts)
            item.setData(ROLE_ID, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        if not shifts:
            item = QListWidgetItem(self.tr("No shifts on this day."), self.signin_shifts)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _on_member_team_changed(self) -> None:
        team_id = self.member_team.currentData()
        self.member_list.clear()
        self.member_list.setVisible(team_id is not None)
        self.member_hint.setVisible(team_id is None)
        if team_id is None:
            return

        def load(s):  # noqa: ANN001, ANN202
            return team_service.members(s, team_id)

        self.ctx.worker.submit(load, self._on_members_loaded, self._on_scope_failed, owner=self,
                               label="print members")

    def _on_members_loaded(self, members: list) -> None:
        self.member_list.clear()
        roles = {"captain": self.tr("captain"), "deputy": self.tr("deputy"), "member": ""}
        for m in members:
            if not m.active:
                continue
            role = roles.get(m.role, "")
            item = QListWidgetItem(f"{m.name}  {role}".rstrip(), self.member_list)
            item.setData(ROLE_ID, m.volunteer_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)

    def _shift_week(self, days: int) -> None:
        self.roster_date.setDate(self.roster_date.date().addDays(days))

    def _on_roster_date_changed(self) -> None:
        monday = monday_of(self.roster_date.date().toPython())
        sunday = monday + timedelta(days=6)
        self.roster_week_label.setText(arg(self.tr("%1 (%2 to %3)"),
                                           shift_service.week_label(monday),
                                           monday.strftime("%m-%d"), sunday.strftime("%m-%d")))

    def _on_roster_by_changed(self) -> None:
        by_grid = self.roster_by.currentData() == "grid"
        self.roster_team.setEnabled(not by_grid)
        self.roster_grid.setEnabled(by_grid)

    def _on_kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.pages.setCurrentIndex(KINDS.index(kind))
        self.mask_check.setChecked(DEFAULT_MASK[kind])

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in ("teams", "grids", "volunteers", "shifts"):
            self._load_scope_lists()

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

    def _checked_ids(self, widget: QListWidget) -> tuple[int, ...]:
        ids = []
        for i in range(widget.count()):
            item = widget.item(i)
            if item.data(ROLE_ID) is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(ROLE_ID)))
        return tuple(ids)

    def request(self) -> PrintRequest | None:
        """The request the form describes; None (with a message) when the scope is empty."""
        kind = self.kind_combo.currentData()
        if kind == "cards":
            grid_ids = None if self.cards_all.isChecked() else self._checked_ids(self.cards_grids)
            if grid_ids == ():
                self._show_error(self.tr("Tick at least one grid, or choose all grids."))
                return None
            return PrintRequest("cards", grid_ids=grid_ids, copies=self.cards_copies.value(),
                                backs=self.cards_backs.isChecked())
        if kind == "member_cards":
            team_id = self.member_team.currentData()
            ids = self._checked_ids(self.member_list) if team_id is not None else None
            if ids == ():
                self._show_error(self.tr("Tick at least one member."))
                return None
            return PrintRequest("member_cards", team_id=team_id, volunteer_ids=ids)
        if kind == "roster":
            week = self.roster_date.date().toPython()
            if self.roster_by.currentData() == "grid":
                grid_id = self.roster_grid.currentData()
                if grid_id is None:
                    self._show_error(self.tr("There are no grids yet."))
                    return None
                return PrintRequest("roster", week=week, grid_id=grid_id)
            return PrintRequest("roster", week=week, team_id=self.roster_team.currentData())
        if kind == "signin":
            ids = self._checked_ids(self.signin_shifts)
            if not ids:
                self._show_error(self.tr("There is no ticked shift on this day."))
                return None
            return PrintRequest("signin", shift_ids=ids, day=self.signin_date.date().toPython())
        month = self.hours_month.date().toPython().strftime("%Y-%m")
        return PrintRequest("hours", month=month, team_id=self.hours_team.currentData(),
                            per_volunteer=self.hours_per_volunteer.isChecked())

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

        Pages are rendered at the printer's resolution and painted on white: QtPdf leaves
        the page background transparent.
        """
        count = self.document.pageCount()
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(count, printer.toPage() or count)
        painter = QPainter()
        if not painter.begin(printer):
            self._show_error(self.tr("The printer could not be started."))
            return 0
        printed = 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dpi = printer.resolution()
            for page in range(first - 1, last):
                if printed:
                    printer.newPage()
                size_pt = self.document.pagePointSize(page)
                rect = painter.viewport()
                image_size = QSize(round(size_pt.width() / 72 * dpi),
                                   round(size_pt.height() / 72 * dpi))
                image = self.document.render(page, image_size)
                page_image = QImage(image.size(), QImage.Format.Format_RGB32)
                page_image.fill(Qt.GlobalColor.white)
                p = QPainter(page_image)
                p.drawImage(0, 0, image)
                p.end()
                fit = image_size.scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(0, 0, fit.width(), fit.height()), page_image)
                printed += 1
        finally:
            painter.end()
            QApplication.restoreOverrideCursor()
        self.status.setText(arg(self.tr("%1 pages sent to the printer."), printed))
        return printed
