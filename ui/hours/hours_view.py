"""The service-hours screen (服务时长): the ledger filtered by month, team, volunteer and
state; hours per volunteer; manual entries, corrections, verifying a month; the monthly
report (.xlsx or PDF statement) and a volunteer's yearly certificate.

The ledger is append-only (see volunteer_app/models/hours.py): a correction is a new
entry, and the corrected one stays visible, marked. Buttons the operator's role may not
use are disabled; the core checks again whatever the screen shows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common import file_dialogs
from ui.common.context import KEY_FONT_PATH, AppContext, settings_str
from ui.common.i18n import arg
from ui.common.icons import icon
from ui.common.months import recent_months
from ui.common.operations import BackgroundOp
from ui.common.table_style import read_only_rows
from ui.hours.hours_dialog import (
    CertificateDialog,
    CorrectionDialog,
    ManualEntryDialog,
    VerifyMonthDialog,
)
from ui.hours.hours_model import COLUMN_KEYS, SETTLED_TEXT, HoursLedgerModel, hours_text
from ui.texts.orders import orders_error_text
from volunteer_app import changes
from volunteer_app.services import hours_listing as listing_service
from volunteer_app.services import hours_reports as report_service
from volunteer_app.services import teams as team_service
from volunteer_app.services.hours_access import NO_ACCESS, HoursAccess, hours_access
from volunteer_app.services.hours_listing import EntryFilter, EntryRow, LedgerTotals

STATE_ALL, STATE_PENDING, STATE_VERIFIED = "all", "pending", "verified"
MONTHS_OFFERED = 24


class HoursView(QWidget):
    """The hours ledger with its totals and actions."""

    sig_loaded = Signal(int)  # the ledger table was (re)filled: row count
    sig_totals_loaded = Signal()
    sig_exported = Signal(str)  # path of a report or certificate written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("hoursView")
        self.access: HoursAccess = NO_ACCESS
        self.teams: list[tuple[int, str]] = []
        self.totals: LedgerTotals | None = None
        self.dialog: QDialog | None = None  # the dialog opened last (tests drive it)
        self._select_after_load: int | None = None
        self._totals_serial = 0
        self._lists_loaded = False

        title = QLabel(self.tr("Service hours"), self)
        title.setObjectName("pageTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("hint")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.count_label)
        head.addStretch(1)

        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("monthFilter")
        self.month_combo.addItem(self.tr("Any month"), None)
        self.months = recent_months(date.today(), MONTHS_OFFERED)
        for m in self.months:
            self.month_combo.addItem(m, m)
        self.month_combo.setCurrentIndex(1)  # this month
        self.team_combo = QComboBox(self)
        self.team_combo.setObjectName("teamFilter")
        self.team_combo.addItem(self.tr("All teams"), None)
        self.team_combo.setMinimumContentsLength(12)
        self.team_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("stateFilter")
        self.state_combo.addItem(self.tr("All entries"), STATE_ALL)
        self.state_combo.addItem(self.tr("Awaiting verification"), STATE_PENDING)
        self.state_combo.addItem(self.tr("Verified"), STATE_VERIFIED)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Volunteer: name, pinyin, initials or phone digits"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.history_check = QCheckBox(self.tr("Show corrected entries"), self)
        self.history_check.setObjectName("historyCheck")
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Month"), self))
        filters.addWidget(self.month_combo)
        filters.addWidget(QLabel(self.tr("Team"), self))
        filters.addWidget(self.team_combo)
        filters.addWidget(self.state_combo)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.history_check)

        self.add_button = QPushButton(icon("add"), self.tr("Add hours by hand\u2026"), self)
        self.add_button.setObjectName("primary")
        self.correct_button = QPushButton(self.tr("Correct\u2026"), self)
        self.correct_button.setObjectName("correctButton")
        self.verify_button = QPushButton(self.tr("Verify month\u2026"), self)
        self.verify_button.setObjectName("verifyButton")
        self.export_button = QPushButton(icon("export"), self.tr("Export report\u2026"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setToolTip(self.tr(
            "The month's report as an Excel workbook (every team) or a PDF statement "
            "(the team chosen above)."))
        self.certificate_button = QPushButton(icon("print"), self.tr("Yearly certificate\u2026"), self)
        self.certificate_button.setObjectName("certificateButton")
        self.certificate_button.setToolTip(self.tr(
            "A certificate of the chosen volunteer's verified hours in a year (PDF)."))
        actions = QHBoxLayout()
        for b in (self.add_button, self.correct_button, self.verify_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.certificate_button)

        self.model = HoursLedgerModel(ctx, self)
        self.table = QTableView(self)
        self.table.setObjectName("hoursTable")
        self.table.setModel(self.model)
        header = read_only_rows(self.table, 28)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Chinese at the UI font's size: team names run to 10 characters, statuses to 9.
        widths = {"id": 48, "date": 92, "volunteer": 76, "team": 128, "source": 72,
                  "duty": 160, "hours": 60, "status": 104, "verified_by": 72,
                  "verified_at": 92, "corrects": 68}
        for col, key in enumerate(COLUMN_KEYS):
            header.resizeSection(col, widths[key])
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN_KEYS.index("duty"), QHeaderView.ResizeMode.Stretch)

        self.summary_title = QLabel(self.tr("Hours per volunteer"), self)
        self.summary_title.setObjectName("sectionTitle")
        self.summary_totals = QLabel(self)
        self.summary_totals.setObjectName("summaryTotals")
        self.summary_totals.setWordWrap(True)
        self.summary = QTableWidget(0, 4, self)
        self.summary.setObjectName("hoursSummary")
        self.summary.setHorizontalHeaderLabels([
            self.tr("Volunteer"), self.tr("Verified"), self.tr("Awaiting"), self.tr("Entries")])
        sheader = read_only_rows(self.summary, 26)
        sheader.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            sheader.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.summary_note = QLabel(self.tr(
            "Figures are hours. Only verified hours count in reports and certificates."), self)
        self.summary_note.setObjectName("hint")
        self.summary_note.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.summary_title)
        right_layout.addWidget(self.summary_totals)
        right_layout.addWidget(self.summary, 1)
        right_layout.addWidget(self.summary_note)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([1000, 250])

        self.message_label = QLabel(self)
        self.message_label.setObjectName("hoursMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        layout.addWidget(splitter, 1)

        for combo in (self.month_combo, self.team_combo, self.state_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.history_check.toggled.connect(self._on_filter_changed)
        self.search_edit.textChanged.connect(self._on_filter_changed)
        self.add_button.clicked.connect(lambda: self.open_add_dialog())
        self.correct_button.clicked.connect(lambda: self.open_correct_dialog())
        self.verify_button.clicked.connect(lambda: self.open_verify_dialog())
        self.export_button.clicked.connect(lambda: self.export_report())
        self.certificate_button.clicked.connect(lambda: self.open_certificate_dialog())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.open_correct_dialog())
        self.summary.itemSelectionChanged.connect(self._update_buttons)
        self.model.sig_loaded.connect(self._on_model_loaded)
        self.model.sig_load_failed.connect(self._show_error)
        self.model.dataChanged.connect(lambda *_a: self._update_buttons())
        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)

        self._update_buttons()
        self.load()
        self._load_lists()

    # -- loading ----------------------------------------------------------------------

    def current_filter(self) -> EntryFilter:
        """The ledger filter the controls describe."""
        state = self.state_combo.currentData()
        return EntryFilter(
            month=self.month_combo.currentData(), team_id=self.team_combo.currentData(),
            verified=None if state == STATE_ALL else state == STATE_VERIFIED,
            include_superseded=self.history_check.isChecked(),
            search=self.search_edit.text().strip(),
        )

    def load(self) -> None:
        """Reload the ledger and the totals for the current filter (on the worker)."""
        flt = self.current_filter()
        self.model.set_filter(flt)
        self._totals_serial += 1
        serial = self._totals_serial
        self.ctx.worker.submit(lambda s: listing_service.ledger_totals(s, flt),
                               lambda totals: self._on_totals_loaded(serial, totals),
                               self._show_error, owner=self, label="hours totals")

    def _load_lists(self) -> None:
        def task(s):  # noqa: ANN001, ANN202
            teams = [(tid, name) for tid, name, _parent in team_service.team_choices(s)]
            return teams, hours_access(s, [tid for tid, _name in teams])

        self.ctx.worker.submit(task, self._on_lists_loaded, self._show_error, owner=self,
                               label="hours teams")

    def _on_lists_loaded(self, result: tuple[list[tuple[int, str]], HoursAccess]) -> None:
        self.teams, self.access = result
        keep = self.team_combo.currentData()
        if not self._lists_loaded and self.access.own_team is not None:
            keep = self.access.own_team  # a captain starts on their own team
        self.team_combo.blockSignals(True)
        while self.team_combo.count() > 1:
            self.team_combo.removeItem(1)
        for tid, name in self.teams:
            self.team_combo.addItem(name, tid)
        idx = self.team_combo.findData(keep)
        self.team_combo.setCurrentIndex(idx if idx >= 0 else 0)
        self.team_combo.blockSignals(False)
        first = not self._lists_loaded
        self._lists_loaded = True
        if self.team_combo.currentData() != keep or (first and keep is not None):
            self.load()
        self._update_buttons()

    def _on_model_loaded(self, count: int) -> None:
        keep = self._select_after_load
        self._select_after_load = None
        self.count_label.setText(self.tr("%n entries", "", count))
        if keep is not None:
            self.select_entry(keep)
        self._update_buttons()
        self.sig_loaded.emit(count)

    def _on_totals_loaded(self, serial: int, totals: LedgerTotals) -> None:
        if serial != self._totals_serial:
            return
        self.totals = totals
        table = self.summary
        table.blockSignals(True)
        table.setRowCount(len(totals.volunteers) + 1)
        for r, t in enumerate(totals.volunteers):
            cells = [t.name, hours_text(t.verified_minutes), hours_text(t.unverified_minutes),
                     str(t.entries)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (t.volunteer_id, t.name))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 2 and not t.unverified_minutes:
                    item.setForeground(QBrush(SETTLED_TEXT))
                table.setItem(r, c, item)
        bold = QFont(table.font())
        bold.setBold(True)
        cells = [self.tr("Total"), hours_text(totals.verified_minutes),
                 hours_text(totals.unverified_minutes), str(totals.entries)]
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setFont(bold)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(len(totals.volunteers), c, item)
        table.clearSelection()
        table.blockSignals(False)
        self.summary_totals.setText(arg(
            self.tr("<b>%1</b> hours verified · %2 awaiting verification"),
            hours_text(totals.verified_minutes), hours_text(totals.unverified_minutes)))
        self._update_buttons()
        self.sig_totals_loaded.emit()

    # -- selection --------------------------------------------------------------------

    def current_entry(self) -> EntryRow | None:
        """The loaded entry of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_for(rows[0].row()) if rows else None

    def select_entry(self, entry_id: int) -> bool:
        row = self.model.row_of_id(entry_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def chosen_volunteer(self) -> tuple[int, str] | None:
        """The volunteer of the selected summary row, else of the selected entry."""
        items = self.summary.selectedItems()
        if items:
            data = items[0].data(Qt.ItemDataRole.UserRole)
            if data:
                return tuple(data)  # type: ignore[return-value]
        entry = self.current_entry()
        return (entry.volunteer_id, entry.volunteer) if entry else None

    def _update_buttons(self, *_args: object) -> None:
        a = self.access
        entry = self.current_entry()
        self.add_button.setEnabled(bool(a.record))
        self.correct_button.setEnabled(entry is not None and entry.superseded_by is None
                                       and a.may_record(entry.team_id))
        self.verify_button.setEnabled(bool(a.verify))
        month = self.month_combo.currentData()
        self.export_button.setEnabled(month is not None and (a.report or a.print))
        # The certificate states verified totals: an office report, not a team's printout.
        self.certificate_button.setEnabled(a.report and a.print and self.chosen_volunteer() is not None)

    # -- dialogs ----------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_add_dialog(self) -> ManualEntryDialog | None:
        """Record hours by hand; the chosen volunteer and team are preset."""
        if not self.access.record:
            return None
        team_id = self.team_combo.currentData()
        dialog = ManualEntryDialog(self.ctx, self.access, self.teams, self.chosen_volunteer(),
                                   team_id, self)
        dialog.sig_saved.connect(self._on_entry_saved)
        return self._open(dialog)  # type: ignore[return-value]

    def open_correct_dialog(self) -> CorrectionDialog | None:
        entry = self.current_entry()
        if entry is None or entry.superseded_by is not None or not self.access.may_record(entry.team_id):
            return None
        dialog = CorrectionDialog(self.ctx, self.access, entry, self)
        dialog.sig_saved.connect(self._on_entry_saved)
        return self._open(dialog)  # type: ignore[return-value]

    def open_verify_dialog(self) -> VerifyMonthDialog | None:
        if not self.access.verify:
            return None
        month = self.month_combo.currentData() or self.months[0]
        dialog = VerifyMonthDialog(self.ctx, self.access, self.teams, self.months, month,
                                   self.team_combo.currentData(), self)
        dialog.sig_verified.connect(self._on_month_verified)
        return self._open(dialog)  # type: ignore[return-value]

    def open_certificate_dialog(self) -> CertificateDialog | None:
        who = self.chosen_volunteer()
        if who is None or not (self.access.report and self.access.print):
            return None
        month = self.month_combo.currentData()
        year = int(month[:4]) if month else date.today().year
        dialog = CertificateDialog(who[1], year, self)
        dialog.accepted.connect(lambda: self._on_certificate_year_chosen(who, dialog.year))
        return self._open(dialog)  # type: ignore[return-value]

    def _on_entry_saved(self, entry_id: int) -> None:
        self._select_after_load = entry_id
        self._say(arg(self.tr("Entry No. %1 was saved; it awaits verification."), entry_id))

    def _on_month_verified(self, month: str, count: int) -> None:
        self._say(self.tr("%n entries of the month were verified.", "", count) + f" ({month})")

    # -- reports ----------------------------------------------------------------------

    def _print_options(self):  # noqa: ANN202
        from volunteer_app.printing import PrintOptions

        return PrintOptions(paper=self.ctx.paper_size,
                            font_path=settings_str(self.ctx.settings, KEY_FONT_PATH, "") or None)

    def export_report(self, path: Path | None = None) -> None:
        """Write the month's report: .xlsx (every team) or a PDF statement (the team chosen)."""
        month = self.month_combo.currentData()
        if month is None:
            return
        filters = []
        if self.access.report:
            filters.append(self.tr("Excel workbook (*.xlsx)"))
        if self.access.print:
            filters.append(self.tr("PDF statement (*.pdf)"))
        if path is None:
            team = self.team_combo.currentText() if self.team_combo.currentData() else ""
            suggested = str(Path.home() / "-".join(x for x in ("志愿服务时长", month, team) if x))
            path = file_dialogs.ask_save_path(self, self.tr("Export the hours report"),
                                              suggested + (".xlsx" if self.access.report else ".pdf"),
                                              ";;".join(filters))
            if path is None:
                return
        suffix = path.suffix.lower()
        if suffix == ".xlsx" and self.access.report:
            self._say(self.tr("Writing the report\u2026"))

            def task(s):  # noqa: ANN001, ANN202
                from volunteer_app.importexport.hours_report import write_hours_report

                summary = write_hours_report(s, month, path)
                return str(path), summary

            self.ctx.worker.submit(task, self._on_exported, self._on_export_failed, owner=self,
                                   label="hours report")
        elif suffix == ".pdf" and self.access.print:
            self._export_pdf(month, self.team_combo.currentData(), path)
        else:
            self._say(self.tr("Choose a file ending in .xlsx or .pdf."), error=True)

    def _export_pdf(self, month: str, team_id: int | None, path: Path) -> None:
        from volunteer_app.printing.jobs import PrintRequest

        self._say(self.tr("Writing the PDF statement\u2026"))
        self._print(PrintRequest("hours", month=month, team_id=team_id), path,
                    lambda _prepared, result: (str(path), result))

    def _print(self, request, path: Path, outcome) -> None:  # noqa: ANN001
        """Load ``request`` on the database worker, then typeset it as a background
        operation (the worker stays free for the screens meanwhile); ``outcome(prepared,
        result)`` is what :meth:`_on_exported` receives."""
        from volunteer_app.printing.jobs import prepare

        options = self._print_options()

        def typeset(prepared) -> None:  # noqa: ANN001
            BackgroundOp(self, lambda _op: outcome(prepared, prepared.render(path, options)),
                         label=f"print {request.kind}") \
                .success(self._on_exported).failure(self._on_export_failed).run()

        self.ctx.worker.submit(lambda s: prepare(s, request), typeset, self._on_export_failed,
                               owner=self, label=f"prepare {request.kind}")

    def _on_certificate_year_chosen(self, who: tuple[int, str], year: int) -> None:
        vid, name = who
        path = file_dialogs.ask_save_path(
            self, self.tr("Save the certificate"),
            str(Path.home() / f"志愿服务时长证明-{name}-{year}.pdf"), self.tr("PDF file (*.pdf)"))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self.write_certificate(vid, year, path)

    def write_certificate(self, volunteer_id: int, year: int, path: Path) -> None:
        """Write a volunteer's certificate of a year (one page)."""
        from volunteer_app.printing.jobs import PrintRequest

        lang = "en" if self.ctx.language == "en" else "zh_CN"
        self._say(self.tr("Writing the certificate\u2026"))
        self._print(PrintRequest("certificate", volunteer_ids=(volunteer_id,), year=year,
                                 lang=lang), path,
                    lambda prepared, _result: (str(path), prepared.data[0]))

    def _on_exported(self, result: tuple[str, object]) -> None:
        path, what = result
        if isinstance(what, report_service.YearlyTotals):
            text = arg(self.tr("Certificate of %1 for %2 (%3 verified hours) saved to %4."),
                       what.name, what.year, f"{what.hours:g}", path)
        elif hasattr(what, "verified_hours"):
            text = arg(self.tr("Report of %1 saved to %2: %3 volunteers, %4 verified hours, "
                               "%5 hours awaiting verification."),
                       what.month, path, what.volunteers, f"{what.verified_hours:g}",
                       f"{what.unverified_hours:g}")
        else:
            text = arg(self.tr("PDF statement saved to %1 (%2 pages)."), path,
                       getattr(what, "pages", 0))
        self._say(text)
        self.sig_exported.emit(path)

    def _on_export_failed(self, exc: BaseException) -> None:
        from volunteer_app.printing import FontMissing

        if isinstance(exc, FontMissing):
            self._say(self.tr("No usable Chinese TrueType font was found for the PDF. Install "
                              "fonts-wqy-zenhei (Linux) or choose a font file on the Print "
                              "screen."), error=True)
        else:
            self._show_error(exc)

    # -- reacting ---------------------------------------------------------------------

    def _on_filter_changed(self, *_args: object) -> None:
        self._update_buttons()
        self.load()

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic == changes.TEAMS:
            self._load_lists()
        if topic in (changes.HOURS, changes.ORDERS, changes.SHIFTS, changes.VOLUNTEERS, changes.TEAMS):
            self.load()
        if topic == changes.OPERATORS:  # accounts switched on or off: roles change
            self._load_lists()

    def refresh(self) -> None:
        """Reload when the screen is shown (check-ins elsewhere may have added hours)."""
        if self.model.loaded_once and not self.model.busy:
            self.load()

    def _say(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #c0392b;" if error else "color: #1e7d43;")
        self.message_label.show()

    def _show_error(self, exc: BaseException | str) -> None:
        self._say(exc if isinstance(exc, str) else orders_error_text(exc), error=True)

