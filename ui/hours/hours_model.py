"""Table model of the service-hours ledger: holds the ids of the matching entries and
loads their rows lazily, in batches, on the database worker.

Why lazy: a community books a few thousand entries a month, and "any month" over some
years means tens of thousands. The core hands the ids in ledger order (one cheap query,
:func:`volunteer_app.services.hours_listing.entry_ids`); the rows the view shows are fetched in
batches of :data:`BATCH`, the first batch together with the ids.

Filters are coalesced: while a query runs, further keystrokes in the search box only
update the pending filter, and one follow-up query runs when the current one returns.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.common.lazy_rows import BATCH, LazyRowsModel
from ui.texts.hours import duty_and_reason, duty_text, reason_text, source_text, status_text
from ui.texts.orders import orders_error_text
from volunteer_app.services import hours as hours_service
from volunteer_app.services import hours_listing as listing_service
from volunteer_app.services.hours_listing import EntryFilter, EntryRow

translate = QCoreApplication.translate

ROLE_ID = Qt.ItemDataRole.UserRole + 1  # int entry id (available before the row loads)
ROLE_ROW = Qt.ItemDataRole.UserRole + 2  # EntryRow, or None while loading

COLUMNS = (
    ("id", QT_TRANSLATE_NOOP("HoursModel", "No.")),
    ("date", QT_TRANSLATE_NOOP("HoursModel", "Date")),
    ("volunteer", QT_TRANSLATE_NOOP("HoursModel", "Volunteer")),
    ("team", QT_TRANSLATE_NOOP("HoursModel", "Team")),
    ("source", QT_TRANSLATE_NOOP("HoursModel", "Source")),
    ("duty", QT_TRANSLATE_NOOP("HoursModel", "Duty / reason")),
    ("hours", QT_TRANSLATE_NOOP("HoursModel", "Hours")),
    ("status", QT_TRANSLATE_NOOP("HoursModel", "Status")),
    ("verified_by", QT_TRANSLATE_NOOP("HoursModel", "Verified by")),
    ("verified_at", QT_TRANSLATE_NOOP("HoursModel", "Verified at")),
    ("corrects", QT_TRANSLATE_NOOP("HoursModel", "Corrects")),
)
COLUMN_KEYS = tuple(key for key, _header in COLUMNS)

PENDING_TEXT = QColor("#b9770e")
SETTLED_TEXT = QColor("#8d7f78")


def hours_text(minutes: int) -> str:
    """Minutes as hours with two decimals (as the reports print them)."""
    return f"{hours_service.minutes_to_hours(minutes):.2f}"


class HoursLedgerModel(LazyRowsModel):
    """Lazy table of ledger entries for a filter; see the module docstring."""

    sig_loaded = Signal(int)  # the ids of a query arrived (with the first rows): row count
    sig_load_failed = Signal(str)  # translated error text

    COLUMN_COUNT = len(COLUMNS)
    # Entries change only by verification or correction, and a reload follows exactly
    # those: each query starts from a fresh cache and late rows of the last are dropped.
    KEEP_LATE_ROWS = False
    FETCH_LABEL = "hours rows"

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, parent)
        self._filter = EntryFilter()
        self._querying = False
        self._pending: EntryFilter | None = None
        self._loaded_once = False

    # -- querying ---------------------------------------------------------------------

    @property
    def filter(self) -> EntryFilter:
        return replace(self._filter)

    @property
    def loaded_once(self) -> bool:
        return self._loaded_once

    @property
    def busy(self) -> bool:
        return self._querying

    def set_filter(self, flt: EntryFilter) -> None:
        """Show the entries matching ``flt`` (queried on the worker)."""
        self._filter = replace(flt)
        self._request()

    def reload(self) -> None:
        """Query again (the ledger changed); rows are fetched afresh."""
        self._request()

    def _request(self) -> None:
        wanted = replace(self._filter)
        if self._querying:
            self._pending = wanted  # coalesce: only the latest filter matters
            return
        self._start_query(wanted)

    def _start_query(self, flt: EntryFilter) -> None:
        self._generation += 1
        generation = self._generation
        self._querying = True

        def task(session):  # noqa: ANN001, ANN202 (runs on the worker thread)
            ids = listing_service.entry_ids(session, flt)
            return ids, listing_service.fetch_entries(session, ids[:BATCH])

        self.ctx.worker.submit(
            task, lambda result: self._on_query_done(generation, result),
            lambda exc: self._on_query_failed(generation, exc), owner=self, label="hours ledger")

    def _on_query_done(self, generation: int, result: tuple[list[int], list[EntryRow]]) -> None:
        self._querying = False
        if self._pending is not None:  # a newer filter waits: this result is stale
            pending, self._pending = self._pending, None
            self._start_query(pending)
            return
        if generation != self._generation:
            return
        ids, rows = result
        self.beginResetModel()
        self._ids = ids
        self._row_of = {eid: n for n, eid in enumerate(ids)}
        # Entries are never edited except when verified or corrected, but a reload
        # follows exactly those changes: start from a fresh cache.
        self._cache = {r.id: r for r in rows}
        self._requested = {0}
        self.endResetModel()
        self._loaded_once = True
        self.sig_loaded.emit(len(ids))

    def _on_query_failed(self, generation: int, exc: BaseException) -> None:
        self._querying = False
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start_query(pending)
            return
        if generation == self._generation:
            self.sig_load_failed.emit(orders_error_text(exc))

    def fetch_rows(self, session, ids: list[int]) -> list[EntryRow]:  # noqa: ANN001
        return listing_service.fetch_entries(session, ids)

    def fetch_failed(self, exc: BaseException) -> None:
        self.sig_load_failed.emit(orders_error_text(exc))

    # -- Qt model ---------------------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("HoursModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ROLE_ID:
            return self._ids[index.row()]
        row = self.row_for(index.row())
        if row is None:
            self._fetch_batch(index.row() // BATCH)
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return "\u2026"
            return None
        key = COLUMN_KEYS[index.column()]
        if role == ROLE_ROW:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("id", "hours"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.superseded_by is not None or row.minutes == 0:
                return QBrush(SETTLED_TEXT)
            if key == "status" and not row.verified:
                return QBrush(PENDING_TEXT)
        if role == Qt.ItemDataRole.FontRole and row.superseded_by is not None and key == "hours":
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _display(self, row: EntryRow, key: str) -> str:
        if key == "id":
            return str(row.id)
        if key == "date":
            return row.date.isoformat()
        if key == "volunteer":
            return row.volunteer
        if key == "team":
            return row.team or ""
        if key == "source":
            return source_text(row.source)
        if key == "duty":
            return duty_and_reason(row)
        if key == "hours":
            return hours_text(row.minutes)
        if key == "status":
            return status_text(row)
        if key == "verified_by":
            return row.verified_by
        if key == "verified_at":
            # Without the year (it is the entry's, nearly always): the column stays narrow.
            return f"{row.verified_at:%m-%d %H:%M}" if row.verified_at else ""
        if key == "corrects":
            return arg(translate("HoursModel", "No. %1"), row.corrects_id) if row.corrects_id else ""
        return ""

    def _tooltip(self, row: EntryRow) -> str:
        lines = [duty_text(row.duty)] if row.duty else []
        lines.append(arg(translate("HoursModel", "Recorded %1 by %2"),
                         f"{row.created_at:%Y-%m-%d %H:%M}", row.created_by))
        if row.verified_at:
            lines.append(arg(translate("HoursModel", "Verified %1 by %2"),
                             f"{row.verified_at:%Y-%m-%d %H:%M}", row.verified_by))
        if row.start_at and row.end_at:
            lines.append(arg(translate("HoursModel", "Served %1 \u2013 %2"),
                             f"{row.start_at:%Y-%m-%d %H:%M}", f"{row.end_at:%H:%M}"))
        if row.reason:
            lines.append(arg(translate("HoursModel", "Reason: %1"), reason_text(row.reason)))
        return "\n".join(lines)
