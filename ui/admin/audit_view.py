"""The audit log (administrators only): who did what, when, and which fields changed.

Read-only by design: the core has no service that edits or deletes entries.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.forms import within_years
from ui.common.i18n import arg
from ui.common.table_style import read_only_rows
from ui.texts.audit import ACTIONS, ENTITIES, action_title, changes_text, entity_title
from ui.texts.errors import error_text
from volunteer_app.clock import local_now
from volunteer_app.security.audit_log import AuditRow, list_entries

# The row limit of one query: the filters narrow the log down further.
LIMIT = 2000


class AuditView(QWidget):
    """Table of audit entries, newest first, with filters; nothing here can change them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[AuditRow] = []
        self._request = 0
        self.setObjectName("auditView")
        title = QLabel(self.tr("Audit log"), self)
        title.setObjectName("pageTitle")

        self.operator_edit = QLineEdit(self)
        self.operator_edit.setObjectName("auditOperator")
        self.operator_edit.setPlaceholderText(self.tr("any operator"))
        self.operator_edit.setClearButtonEnabled(True)
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("auditAction")
        self.action_combo.addItem(self.tr("All actions"), "")
        for code in ACTIONS:
            self.action_combo.addItem(action_title(code), code)
        self.entity_combo = QComboBox(self)
        self.entity_combo.setObjectName("auditEntity")
        self.entity_combo.addItem(self.tr("All records"), "")
        for table in sorted(ENTITIES, key=entity_title):
            self.entity_combo.addItem(entity_title(table), table)
        self.entity_combo.setCurrentIndex(0)
        self.entity_combo.activated.connect(self.refresh)
        today = QDate.currentDate()
        self.from_edit = QDateEdit(today.addDays(-30), self)
        self.from_edit.setObjectName("auditFrom")
        self.to_edit = QDateEdit(today, self)
        self.to_edit.setObjectName("auditTo")
        within_years(self.from_edit, self.to_edit)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.apply_button = QPushButton(self.tr("Show"), self)
        self.apply_button.setObjectName("auditApply")
        self.apply_button.clicked.connect(self.refresh)
        self.operator_edit.returnPressed.connect(self.refresh)
        self.action_combo.currentIndexChanged.connect(self.refresh)
        self.from_edit.dateChanged.connect(self.refresh)
        self.to_edit.dateChanged.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Operator"), self))
        filters.addWidget(self.operator_edit)
        filters.addWidget(QLabel(self.tr("Action"), self))
        filters.addWidget(self.action_combo)
        filters.addWidget(QLabel(self.tr("Record"), self))
        filters.addWidget(self.entity_combo)
        filters.addWidget(QLabel(self.tr("From"), self))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Operator"), self.tr("Action"), self.tr("Record"),
            self.tr("What"), self.tr("Changes (old \u2192 new)")])
        # Rows grow with their changes (resizeRowsToContents), so no fixed height.
        read_only_rows(self.table, 0, multi=True, wrap=True)
        header = self.table.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("auditCount")

        # The entries carry the community's time; so do the default dates (this machine's
        # date may be a day behind it).
        machine_today = today.toPython()
        self.ctx.worker.submit(lambda s: local_now(s).date(),
                               lambda day: self._start_dates_at(day, machine_today), owner=self)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _start_dates_at(self, day: date, machine_today: date) -> None:
        """Default dates from the community's today, unless the clerk has changed them."""
        if day != machine_today and self.to_edit.date().toPython() == machine_today:
            self.to_edit.setDate(QDate(day))
            self.from_edit.setDate(QDate(day - timedelta(days=30)))

    def refresh(self) -> None:
        """Reload the entries that match the filters."""
        self._request += 1
        request = self._request
        operator = self.operator_edit.text().strip() or None
        action = self.action_combo.currentData() or None
        entity = self.entity_combo.currentData() or None
        since = datetime.combine(self.from_edit.date().toPython(), time.min)
        to_day = self.to_edit.date().toPython()
        until = datetime.combine(to_day, time.min) + timedelta(days=1, seconds=-1)

        def load(session):  # noqa: ANN001, ANN202
            # Entries carry the community's time, which may be a day ahead of this
            # machine's clock: "up to today" means up to the community's today too.
            end = until
            if to_day >= date.today():
                end = max(until, datetime.combine(local_now(session).date(), time.max))
            return list_entries(session, operator=operator, action=action, entity=entity,
                                since=since, until=end, limit=LIMIT)

        def done(rows: list[AuditRow]) -> None:
            if request == self._request:
                self._show(rows)

        def failed(exc: BaseException) -> None:
            if request == self._request:
                self._show([])
                self.count_label.setText(error_text(exc))

        self.ctx.worker.submit(load, done, failed, owner=self)

    def _show(self, rows: list[AuditRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            entity = entity_title(row.entity) if row.entity else ""
            record = f"{entity} #{row.entity_id}" if row.entity_id else entity
            summary = row.summary
            if "ids" in row.changes and isinstance(row.changes.get("count"), int):
                # Many new rows of one kind summed up by the core ("N rows"): say it here.
                summary = self.tr("%n records", "", row.changes["count"])
            cells = [row.at.strftime("%Y-%m-%d %H:%M:%S"), row.operator, action_title(row.action),
                     record, summary, changes_text(row.changes, row.entity)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        if len(rows) >= LIMIT:
            self.count_label.setText(arg(self.tr("The newest %1 entries; narrow the filters to "
                                                 "see older ones."), LIMIT))
        else:
            self.count_label.setText(self.tr("%n entries", "", len(rows)))
