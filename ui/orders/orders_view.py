"""The orders screen (点单 · 派单): residents' requests filtered by status, grid and team,
the chosen request's details and history with the next steps, the printable slip, and
the month's counts per grid and category."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.common import file_dialogs, roles
from ui.common.context import AppContext
from ui.common.forms import search_box_limits
from ui.common.i18n import arg
from ui.common.icons import icon
from ui.common.months import recent_months
from ui.common.table_style import read_only_rows
from ui.orders.dispatch_dialog import DispatchDialog
from ui.orders.request_dialog import RequestDialog, TransitionDialog
from ui.texts.orders import (
    action_text,
    category_text,
    orders_error_text,
    source_text,
    status_text,
    urgency_text,
)
from volunteer_app import changes, clock
from volunteer_app.models.requests import OPEN_STATUSES, REQUEST_CATEGORIES, REQUEST_STATUSES
from volunteer_app.services import grids as grid_service
from volunteer_app.services import requests as req_service
from volunteer_app.services import teams as team_service
from volunteer_app.services.requests import MonthCounts, RequestDetail, RequestRow

ROLE_REQUEST_ID = Qt.ItemDataRole.UserRole + 1
STEP_ORDER = ("dispatched", "accepted", "in_progress", "done", "followed_up", "cancelled")
OVERDUE_FILL = QColor("#fdecea")
OVERDUE_TEXT = QColor("#b8322a")
SETTLED_TEXT = QColor("#8d7f78")


def _fmt(dt) -> str:  # noqa: ANN001
    return f"{dt:%Y-%m-%d %H:%M}" if dt else ""


class OrdersView(QWidget):
    """Residents' requests: table with filters, details with next steps, month counts."""

    sig_loaded = Signal()  # the request table was (re)filled
    sig_detail_loaded = Signal(int)  # the details of a request were shown
    sig_counts_loaded = Signal()
    sig_slip_written = Signal(str)  # path of a printed slip

    COLUMNS = ("No.", "Received", "Status", "Category", "Urgency", "Resident", "Building",
               "Grid", "Team / volunteer", "Due")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ordersView")
        self._rows: list[RequestRow] = []
        self._detail: RequestDetail | None = None
        self._select_after_load: int | None = None
        self._load_serial = 0
        self.dialog: QWidget | None = None  # the dialog opened last (tests use it)

        title = QLabel(self.tr("Residents' requests"), self)
        title.setObjectName("pageTitle")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_requests_tab(), self.tr("Requests"))
        self.tabs.addTab(self._build_counts_tab(), self.tr("Month counts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)

        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)
        self.tabs.currentChanged.connect(self._on_tabs_changed)
        self._update_buttons()
        self.load_filters()
        self.load()

    # -- building ---------------------------------------------------------------------

    def _build_requests_tab(self) -> QWidget:
        page = QWidget(self)
        self.status_combo = QComboBox(page)
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("Open or awaiting follow-up"), "todo")
        self.status_combo.addItem(self.tr("Open"), "open")
        self.status_combo.addItem(self.tr("Overdue"), "overdue")
        self.status_combo.addItem(self.tr("All statuses"), "all")
        for code in REQUEST_STATUSES:
            self.status_combo.addItem(status_text(code), code)
        self.grid_combo = QComboBox(page)
        self.grid_combo.setObjectName("gridFilter")
        self.grid_combo.addItem(self.tr("All grids"), None)
        self.team_combo = QComboBox(page)
        self.team_combo.setObjectName("teamFilter")
        self.team_combo.addItem(self.tr("All teams"), None)
        self.month_combo = QComboBox(page)
        self.month_combo.setObjectName("monthFilter")
        self.month_combo.addItem(self.tr("Any month"), None)
        for m in recent_months(date.today()):
            self.month_combo.addItem(m, m)
        self.search_edit = QLineEdit(page)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search resident, phone, building, text"))
        self.search_edit.setClearButtonEnabled(True)
        search_box_limits(self.search_edit)
        filters = QHBoxLayout()
        for w in (self.status_combo, self.grid_combo, self.team_combo, self.month_combo):
            filters.addWidget(w)
        filters.addWidget(self.search_edit, 1)

        self.new_button = QPushButton(icon("add"), self.tr("New request\u2026"), page)
        self.new_button.setObjectName("primary")
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit\u2026"), page)
        self.edit_button.setObjectName("editRequest")
        self.edit_button.setToolTip(self.tr("Correct what was taken in (open requests only)"))
        self.step_buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        for status in STEP_ORDER:
            b = QPushButton(action_text(status), page)
            b.setObjectName(f"step_{status}")
            b.clicked.connect(lambda _c=False, st=status: self.open_step(st))
            self.step_buttons[status] = b
            actions.addWidget(b)
        actions.addStretch(1)
        self.slip_button = QPushButton(icon("print"), self.tr("Print slip\u2026"), page)
        actions.addWidget(self.slip_button)

        self.table = QTableWidget(0, len(self.COLUMNS), page)
        self.table.setObjectName("ordersTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Received"), self.tr("Status"), self.tr("Category"),
            self.tr("Urgency"), self.tr("Resident"), self.tr("Building"), self.tr("Grid"),
            self.tr("Team / volunteer"), self.tr("Due")])
        header = read_only_rows(self.table, 28, wrap=True)
        for col in range(len(self.COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel(page)
        self.count_label.setObjectName("hint")

        self.detail_title = QLabel(page)
        self.detail_title.setObjectName("pageTitle")
        self.detail = QTextBrowser(page)
        self.detail.setObjectName("requestDetail")
        self.detail.setOpenLinks(False)
        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.detail_title)
        right_layout.addWidget(self.detail, 1)
        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(page)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 420])

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

        for combo in (self.status_combo, self.grid_combo, self.team_combo, self.month_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.search_edit.returnPressed.connect(self.load)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        roles.deny_unless(self.ctx, "requests.manage", self.new_button, self.edit_button,
                          *self.step_buttons.values())
        self.new_button.clicked.connect(self.open_new_request)
        self.edit_button.clicked.connect(self.open_edit_request)
        self.table.doubleClicked.connect(self.open_edit_request)
        self.slip_button.clicked.connect(self._on_slip_clicked)
        return page

    def _build_counts_tab(self) -> QWidget:
        page = QWidget(self)
        self.counts_month = QComboBox(page)
        self.counts_month.setObjectName("countsMonth")
        for m in recent_months(date.today()):
            self.counts_month.addItem(m, m)
        self.counts_table = QTableWidget(0, len(REQUEST_CATEGORIES) + 2, page)
        self.counts_table.setObjectName("countsTable")
        self.counts_table.setHorizontalHeaderLabels(
            [self.tr("Grid")] + [category_text(c) for c in REQUEST_CATEGORIES] + [self.tr("Total")])
        self.counts_table.verticalHeader().hide()
        self.counts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts_table.setAlternatingRowColors(True)
        header = self.counts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counts_summary = QLabel(page)
        self.counts_summary.setObjectName("hint")
        self.counts_summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), page))
        top.addWidget(self.counts_month)
        top.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.counts_table, 1)
        layout.addWidget(self.counts_summary)
        self.counts_month.currentIndexChanged.connect(lambda _i: self.load_counts())
        return page

    # -- loading ----------------------------------------------------------------------

    def load_filters(self) -> None:
        def task(s):  # noqa: ANN001, ANN202
            return grid_service.list_grids(s), team_service.list_teams(s)

        self.ctx.worker.submit(task, self._on_filters_loaded, self._show_error, owner=self)

    def _on_filters_loaded(self, data) -> None:  # noqa: ANN001
        grids, teams = data
        for combo, items in ((self.grid_combo, [(g.id, g.name) for g in grids]),
                             (self.team_combo, [(t.id, t.name) for t in teams])):
            keep = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for item_id, name in items:
                combo.addItem(name, item_id)
            idx = combo.findData(keep)
            combo.setCurrentIndex(idx if idx >= 0 else 0)
            combo.blockSignals(False)

    def current_filter(self) -> req_service.RequestFilter:
        flt = req_service.RequestFilter(search=self.search_edit.text().strip())
        status = self.status_combo.currentData()
        if status == "todo":
            flt.statuses = (*OPEN_STATUSES, "done")
        elif status == "open":
            flt.open_only = True
        elif status == "overdue":
            flt.overdue_only = True
        elif status in REQUEST_STATUSES:
            flt.statuses = (status,)
        flt.grid_id = self.grid_combo.currentData()
        flt.team_id = self.team_combo.currentData()
        flt.month = self.month_combo.currentData()
        return flt

    def load(self) -> None:
        """Reload the table with the current filters (on the worker)."""
        flt = self.current_filter()
        self._load_serial += 1
        serial = self._load_serial
        self.ctx.worker.submit(lambda s: req_service.list_requests(s, flt),
                               lambda rows: self._on_rows_loaded(serial, rows),
                               self._show_error, owner=self)

    def _on_rows_loaded(self, serial: int, rows: list[RequestRow]) -> None:
        if serial != self._load_serial:
            return  # a newer filter is on its way
        keep = self._select_after_load or self.current_request_id()
        self._select_after_load = None
        self._rows = rows
        table = self.table
        table.blockSignals(True)
        table.setRowCount(len(rows))
        bold = QFont(table.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            who = row.team or ""
            if row.volunteer:
                who = f"{who} / {row.volunteer}" if who else row.volunteer
            due = _fmt(row.due_at)
            if row.overdue:
                due = arg(self.tr("%1 (overdue)"), due)
            cells = [str(row.id), _fmt(row.received_at), status_text(row.status),
                     category_text(row.category), urgency_text(row.urgency), row.resident_name,
                     row.building, row.grid or "", who, due]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE_REQUEST_ID, row.id)
                if row.overdue:
                    item.setBackground(QBrush(OVERDUE_FILL))
                    if c in (2, 9):
                        item.setForeground(QBrush(OVERDUE_TEXT))
                        item.setFont(bold)
                elif not row.open:
                    item.setForeground(QBrush(SETTLED_TEXT))
                if c == 1:
                    item.setToolTip(row.description)
                table.setItem(r, c, item)
        table.clearSelection()
        table.blockSignals(False)
        overdue = sum(r.overdue for r in rows)
        text = self.tr("%n requests", "", len(rows))
        if overdue:
            text += " \u00b7 " + self.tr("%n overdue", "", overdue)
        self.count_label.setText(text)
        if not (keep is not None and self.select_request(keep)):
            self._show_detail(None)
        self._update_buttons()
        self.sig_loaded.emit()

    def load_detail(self, request_id: int) -> None:
        self.ctx.worker.submit(lambda s: req_service.get_request(s, request_id),
                               self._on_detail_loaded, self._on_detail_failed, owner=self)

    def _on_detail_loaded(self, detail: RequestDetail) -> None:
        if detail.row.id != self.current_request_id():
            return
        self._show_detail(detail)
        self.sig_detail_loaded.emit(detail.row.id)

    def _on_detail_failed(self, exc: BaseException) -> None:
        self._show_detail(None)
        self._show_error(exc)

    def load_counts(self) -> None:
        month = self.counts_month.currentData()
        if not month:
            return
        self.ctx.worker.submit(lambda s: req_service.month_counts(s, month),
                               self._on_counts_loaded, self._show_error, owner=self)

    def _on_counts_loaded(self, counts: MonthCounts) -> None:
        if counts.month != self.counts_month.currentData():
            return
        table = self.counts_table
        rows = [g for g in counts.grids if g.grid_id is not None or g.total]
        table.setRowCount(len(rows) + 1)
        bold = QFont(table.font())
        bold.setBold(True)
        for r, g in enumerate(rows):
            cells = [g.grid or self.tr("(no grid)")] + [str(g.by_category[c]) for c in REQUEST_CATEGORIES] + [str(g.total)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    if text == "0":
                        item.setForeground(QBrush(SETTLED_TEXT))
                table.setItem(r, c, item)
        totals = [self.tr("Total")] + [str(counts.by_category[c]) for c in REQUEST_CATEGORIES] + [str(counts.total)]
        for c, text in enumerate(totals):
            item = QTableWidgetItem(text)
            item.setFont(bold)
            if c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(len(rows), c, item)
        avg = "\u2013" if counts.satisfaction_avg is None else f"{counts.satisfaction_avg:.1f}"
        self.counts_summary.setText(arg(
            self.tr("%1 requests received in %2: %3 done on time, %4 done late, %5 open and "
                    "overdue, %6 cancelled. Average satisfaction %7 (%8 follow-ups)."),
            counts.total, counts.month, counts.done_on_time, counts.done_late,
            counts.overdue_open, counts.by_status.get("cancelled", 0), avg,
            counts.satisfaction_count))
        self.sig_counts_loaded.emit()

    # -- selection and details --------------------------------------------------------

    @property
    def rows(self) -> list[RequestRow]:
        return list(self._rows)

    def current_request_id(self) -> int | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        r = selected[0].row()
        return self._rows[r].id if r < len(self._rows) else None

    def current_row(self) -> RequestRow | None:
        rid = self.current_request_id()
        return next((r for r in self._rows if r.id == rid), None)

    def select_request(self, request_id: int) -> bool:
        for r, row in enumerate(self._rows):
            if row.id == request_id:
                self.table.selectRow(r)
                self.table.scrollToItem(self.table.item(r, 0))
                return True
        return False

    def _on_table_selection_changed(self) -> None:
        row = self.current_row()
        self._update_buttons()
        if row is None:
            self._show_detail(None)
        else:
            self.detail_title.setText(arg(self.tr("Request %1"), row.id))
            self.load_detail(row.id)

    def _show_detail(self, detail: RequestDetail | None) -> None:
        self._detail = detail
        if detail is None:
            self.detail_title.setText(self.tr("No request chosen"))
            self.detail.setHtml(html.escape(self.tr(
                "Choose a request to see its details and history, or take in a new one.")))
            return
        r = detail.row
        e = html.escape
        self.detail_title.setText(arg(self.tr("Request %1: %2"), r.id, status_text(r.status)))
        lines = [
            (self.tr("Resident"), f"{r.resident_name} {r.resident_phone}"),
            (self.tr("Building"), " ".join(x for x in (r.grid or "", r.building) if x)),
            (self.tr("Category"), category_text(r.category)),
            (self.tr("Urgency"), urgency_text(r.urgency)),
            (self.tr("Source"), source_text(r.source)),
            (self.tr("Received"), arg(self.tr("%1 by %2"), _fmt(r.received_at), detail.received_by)),
            (self.tr("Due"), _fmt(r.due_at)),
            (self.tr("Team"), r.team or ""),
            (self.tr("Volunteer"), r.volunteer or ""),
        ]
        if r.satisfaction:
            lines.append((self.tr("Satisfaction"), f"{r.satisfaction} / 5"))
        parts = []
        if r.overdue:
            overdue_text = self.tr("Overdue: the due time has passed.")
            parts.append(f"<p style='color:#b8322a'><b>{e(overdue_text)}</b></p>")
        parts.append("<table cellspacing='0' cellpadding='2'>")
        for label, value in lines:
            parts.append(f"<tr><td style='color:#5f6670'>{e(label)}</td><td>{e(value)}</td></tr>")
        parts.append("</table>")
        parts.append(f"<p>{e(r.description).replace(chr(10), '<br/>')}</p>")
        for label, value in ((self.tr("Result"), detail.result),
                             (self.tr("Follow-up remark"), detail.follow_up_remark),
                             (self.tr("Reason for cancelling"), detail.cancel_reason)):
            if value:
                parts.append(f"<p><b>{e(label)}:</b> {e(value)}</p>")
        history_text = self.tr("History")
        parts.append(f"<h4>{e(history_text)}</h4><table cellspacing='0' cellpadding='2'>")
        for ev in detail.events:
            what = status_text(ev.to_status)
            if ev.to_status in ("dispatched", "accepted") and (ev.team or ev.volunteer):
                what += " \u2192 " + " / ".join(x for x in (ev.team, ev.volunteer) if x)
            note = f"<br/><span style='color:#5f6670'>{e(ev.note)}</span>" if ev.note else ""
            parts.append(f"<tr><td style='color:#5f6670'>{e(_fmt(ev.at))}</td>"
                         f"<td>{e(ev.operator)}</td><td>{e(what)}{note}</td></tr>")
        parts.append("</table>")
        if detail.hours_entry_ids:
            ledger_text = self.tr("Hours of this request were written to the ledger; a captain "
                                  "or coordinator verifies them.")
            parts.append(f"<p style='color:#5f6670'>{e(ledger_text)}</p>")
        self.detail.setHtml("".join(parts))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current_row()
        allowed = set(req_service.allowed_transitions(row.status)) if row else set()
        for status, button in self.step_buttons.items():
            roles.enable(button, status in allowed)
        self.slip_button.setEnabled(row is not None)
        roles.enable(self.edit_button, row is not None and row.open)

    # -- actions ----------------------------------------------------------------------

    def open_new_request(self) -> RequestDialog:
        """Open the intake dialog; returns it (tests drive it)."""
        dialog = RequestDialog(self.ctx, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self._remember_selection)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_edit_request(self) -> RequestDialog | None:
        """Open the chosen request for correction (open requests only); returns the dialog."""
        row = self.current_row()
        if row is None or not row.open:
            return None
        dialog = RequestDialog(self.ctx, parent=self, row=row)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self._remember_selection)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_step(self, status: str) -> QWidget | None:
        """Open the dialog for moving the chosen request into ``status``."""
        row = self.current_row()
        if row is None or status not in req_service.allowed_transitions(row.status):
            return None
        if status == "dispatched":
            dialog: QWidget = DispatchDialog(self.ctx, row, self)
            dialog.sig_dispatched.connect(self._remember_selection)
        else:
            dialog = TransitionDialog(self.ctx, row, status, self)
            dialog.sig_done.connect(self._remember_selection)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_dispatch(self) -> DispatchDialog | None:
        dialog = self.open_step("dispatched")
        return dialog if isinstance(dialog, DispatchDialog) else None

    def _remember_selection(self, request_id: int) -> None:
        self._select_after_load = request_id

    def _on_slip_clicked(self) -> None:
        row = self.current_row()
        if row is None:
            return
        suggested = str(Path.home() / arg(self.tr("request-%1.pdf"), row.id))
        path = file_dialogs.ask_save_path(self, self.tr("Print request slip"), suggested,
                                          self.tr("PDF file (*.pdf)"))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self.print_slip(row.id, path)

    def print_slip(self, request_id: int, path: Path) -> None:
        """Render the slip of a request to ``path`` on the worker thread."""
        lang = self.ctx.language
        paper = "A5"  # a slip to take along; printers scale it onto A4 when asked

        def task(s):  # noqa: ANN001, ANN202
            from volunteer_app.printing.request_slip import render_request_slip
            from volunteer_app.services.community import get_community

            detail = req_service.get_request(s, request_id)
            community = get_community(s).name
            printed_at = clock.local_now(s)
            render_request_slip(detail, path, community=community, paper=paper,
                                lang="en" if lang == "en" else "zh_CN", printed_at=printed_at)
            return str(path)

        self.ctx.worker.submit(task, self._on_slip_written, self._show_error, owner=self,
                               label="request slip")

    def _on_slip_written(self, path: str) -> None:
        self.sig_slip_written.emit(path)
        QMessageBox.information(self, self.tr("Print request slip"),
                                arg(self.tr("The slip was saved to %1."), path))

    # -- reacting ---------------------------------------------------------------------

    def _on_filter_changed(self, _index: int) -> None:
        self.load()

    def _on_search_text_changed(self, text: str) -> None:
        if not text:
            self.load()

    def _on_tabs_changed(self, index: int) -> None:
        if index == 1:
            self.load_counts()

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in (changes.GRIDS, changes.TEAMS):
            self.load_filters()
        if topic in (changes.ORDERS, changes.GRIDS, changes.TEAMS, changes.VOLUNTEERS):
            self.load()
            if self.tabs.currentIndex() == 1:
                self.load_counts()

    def refresh(self) -> None:
        self.load()
        if self.tabs.currentIndex() == 1:
            self.load_counts()

    def _show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Residents' requests"), orders_error_text(exc))
