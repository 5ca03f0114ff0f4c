"""Table model of the volunteer register: holds only row ids, loads rows lazily in batches.

Why: a register may hold 100,000 volunteers. The model asks the core for the ids of the
matching volunteers in display order (one cheap query) and fetches the visible rows in
batches of :data:`BATCH` on the database worker thread, as the view asks for them. The
first batch travels with the ids, so the first screenful appears after one round trip.

Searches are coalesced: while a query runs, further keystrokes only update the pending
filter, and exactly one follow-up query runs when the current one returns (no fixed
delay, so a fast database answers each keystroke immediately).

When a reload returns almost the same ids (a volunteer added, deactivated, deleted), the
model emits row insert/remove notifications instead of a reset, so the selection and the
scroll position survive; edited rows emit ``dataChanged`` with the roles that changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

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
from ui.common.icons import icon
from ui.common.lazy_rows import BATCH, LazyRowsModel, runs
from ui.texts.errors import error_text
from ui.texts.registers import gender_text
from volunteer_app.services import volunteers as vol_service
from volunteer_app.services.volunteers import VolunteerFilter, VolunteerRow

translate = QCoreApplication.translate

CACHE_LIMIT = 20_000  # rows kept in memory before the cache is trimmed
MAX_DIFF_RUNS = 64  # more changed runs than this and a reset is cheaper than notifications
MAX_DIFF_ROWS = 500  # more rows added or removed than this: a reset

# Custom item roles (public constants: views, delegates and tests use them).
ROLE_ID = Qt.ItemDataRole.UserRole + 1  # int volunteer id (available before the row loads)
ROLE_ROW = Qt.ItemDataRole.UserRole + 2  # VolunteerRow, or None while loading
ROLE_ACTIVE = Qt.ItemDataRole.UserRole + 3  # bool
ROLE_LOADED = Qt.ItemDataRole.UserRole + 4  # bool: the row's data has arrived
ROLE_SORT = Qt.ItemDataRole.UserRole + 5  # the raw value of the cell (date, str ...)

LOADED_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.DecorationRole,
                Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
                Qt.ItemDataRole.CheckStateRole, ROLE_ROW, ROLE_ACTIVE, ROLE_LOADED, ROLE_SORT]


@dataclass(frozen=True)
class Column:
    """A column: key (also the sort order passed to the core) and English header."""

    key: str
    header: str
    sortable: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("VolunteersModel", "Name")),
    Column("gender", QT_TRANSLATE_NOOP("VolunteersModel", "Gender")),
    Column("mobile", QT_TRANSLATE_NOOP("VolunteersModel", "Mobile phone")),
    Column("grid", QT_TRANSLATE_NOOP("VolunteersModel", "Grid")),
    Column("teams", QT_TRANSLATE_NOOP("VolunteersModel", "Teams"), sortable=False),
    Column("political_status", QT_TRANSLATE_NOOP("VolunteersModel", "Political status"),
           sortable=False),
    Column("joined_on", QT_TRANSLATE_NOOP("VolunteersModel", "Joined on")),
    Column("active", QT_TRANSLATE_NOOP("VolunteersModel", "Status")),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


class VolunteersModel(LazyRowsModel):
    """Lazy table of volunteers for a filter; see the module docstring."""

    sig_loaded = Signal(int)  # the id list of a query arrived (with its first rows): row count
    sig_load_failed = Signal(str)  # translated error text
    sig_check_changed = Signal()  # checkable mode: the set of checked volunteers changed

    COLUMN_COUNT = len(COLUMNS)
    LOADED_ROLES = LOADED_ROLES
    FETCH_LABEL = "volunteer rows"

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(ctx, parent)
        self._filter = VolunteerFilter(active=True)
        self._order = "name"
        self._descending = False
        self._querying = False
        self._pending: tuple[VolunteerFilter, str, bool] | None = None
        self._loaded_once = False
        self._checkable = False
        self._checked: set[int] = set()
        self._disabled: set[int] = set()  # checkable mode: ids that cannot be picked
        # In-memory search (see _prefetch_index): the search texts, the index of the
        # current register (filter without search text, sort order) and what it was for.
        self._keys: dict[int, str] | None = None
        self._index: vol_service.SearchIndex | None = None
        self._base_key: tuple | None = None
        self._shown: tuple = (None, "")  # (register, search text) the rows shown are for
        self._data_version = 0
        self._prefetching = False

    # -- querying ---------------------------------------------------------------------

    @property
    def filter(self) -> VolunteerFilter:
        return replace(self._filter)

    @property
    def loaded_once(self) -> bool:
        """Whether at least one query result has arrived."""
        return self._loaded_once

    @property
    def busy(self) -> bool:
        return self._querying or self._pending is not None

    def set_filter(self, flt: VolunteerFilter) -> None:
        """Show volunteers matching ``flt`` (queries at once, or after the running query)."""
        self._filter = replace(flt)
        self._request()

    def set_search(self, text: str) -> None:
        """Change only the search text of the filter."""
        flt = replace(self._filter)
        flt.search = text
        self.set_filter(flt)

    def reload(self) -> None:
        """Query again with the current filter (after data changed elsewhere)."""
        self._data_version += 1  # the in-memory search index is out of date
        self._index = None
        self._keys = None
        self._base_key = None
        self._request()

    def _request(self) -> None:
        wanted = (replace(self._filter), self._order, self._descending)
        if self._querying:
            self._pending = wanted  # coalesce: only the latest filter matters
            return
        self._start_query(*wanted)

    def _start_query(self, flt: VolunteerFilter, order: str, descending: bool) -> None:
        self._generation += 1
        generation = self._generation
        base_key = (flt.active, flt.team_id, flt.grid_id, order, descending)
        search = flt.search.strip()
        # A full ID number is looked up by its keyed hash in the database (the in-memory
        # index holds names and mobiles only, never ID numbers).
        by_id = vol_service.id_search_number(search) is not None
        if self._index is not None and base_key == self._base_key and not by_id:
            # Same register, other search text: match in memory, no SQL scan.
            # Typing on narrows the list shown; otherwise match the whole register.
            narrower = (self._shown == (base_key, self._shown[1]) and self._shown[1]
                        and search.startswith(self._shown[1]))
            ids = self._index.match(search, within=self._ids if narrower else None)
            need = [i for i in ids[:BATCH] if i not in self._cache or i in self._stale]
            if not need:
                self._finish(ids, base_key, search)
                return
            self._querying = True
            self.ctx.worker.submit(
                lambda s: {"ids": ids, "rows": vol_service.fetch_rows(s, need),
                           "search": search},
                lambda result: self._on_query_done(generation, base_key, result),
                lambda exc: self._on_query_failed(generation, exc),
                owner=self, label="volunteer rows",
            )
            return

        keys = self._keys
        base_flt = replace(flt, search="")
        shared: dict = {}  # handed from this task to the index prefetch queued after it

        def task(session):  # noqa: ANN001, ANN202 (runs on the worker thread)
            base = vol_service.query_ids_ordered(session, base_flt, order, descending)
            shared["base"] = base
            index = vol_service.SearchIndex(base, keys) if keys is not None else None
            if not search:
                ids = base
            elif index is not None and not by_id:
                ids = index.match(search)
            else:  # no keys yet: let the database search this once
                ids = vol_service.query_ids_ordered(session, flt, order, descending)
            return {"ids": ids, "rows": vol_service.fetch_rows(session, ids[:BATCH]),
                    "index": index, "search": search}

        self._querying = True
        self.ctx.worker.submit(
            task,
            lambda result: self._on_query_done(generation, base_key, result),
            lambda exc: self._on_query_failed(generation, exc),
            owner=self, label="volunteers query",
        )
        if keys is None:
            self._prefetch_index(base_key, shared)

    def _on_query_done(self, generation: int, base_key: tuple, result: dict) -> None:
        self._querying = False
        for row in result["rows"]:
            self._cache[row.id] = row
            self._stale.discard(row.id)
        if "index" in result:
            self._base_key = base_key
            self._index = result["index"]
        if self._pending is not None:
            # A newer filter is waiting: this result is already stale.
            pending, self._pending = self._pending, None
            self._start_query(*pending)
            return
        if generation != self._generation:
            return
        self._finish(result["ids"], base_key, result["search"])

    def _finish(self, ids: list[int], base_key: tuple, search: str) -> None:
        self._requested.clear()  # batch numbers refer to positions in the old list
        self._shown = (base_key, search)
        self._apply_ids(ids)
        self._loaded_once = True
        self.sig_loaded.emit(len(ids))

    def _prefetch_index(self, base_key: tuple, shared: dict) -> None:
        """Load every volunteer's search text once, in the background, so that later
        keystrokes are matched in memory (see SearchIndex) instead of scanning the table.

        Background tasks run after the query whose ids they reuse (``shared``: tasks run
        one after another on the worker thread) and never ahead of work the clerk waits
        for."""
        if self._prefetching:
            return
        self._prefetching = True
        version = self._data_version
        active, team_id, grid_id, order, descending = base_key
        base_flt = VolunteerFilter(active=active, team_id=team_id, grid_id=grid_id)

        def load_keys(session):  # noqa: ANN001, ANN202
            shared["keys"] = vol_service.search_keys(session)
            if shared.get("base") is None:  # the query failed or was skipped
                shared["base"] = vol_service.query_ids_ordered(session, base_flt, order,
                                                               descending)

        def build() -> tuple:  # two small background tasks rather than one long one
            keys = shared["keys"]
            return keys, vol_service.SearchIndex(shared["base"], keys)

        def done(result: tuple) -> None:
            self._prefetching = False
            if version == self._data_version and base_key == self._current_base_key():
                self._keys, self._index = result
                self._base_key = base_key

        def failed(_exc: BaseException) -> None:
            self._prefetching = False  # searching keeps working through SQL

        self.ctx.worker.submit(load_keys, None, failed, owner=self, label="search keys",
                               background=True)
        self.ctx.worker.submit(build, done, failed, owner=self, label="search index",
                               with_session=False, background=True)

    def _current_base_key(self) -> tuple:
        f = self._filter
        return (f.active, f.team_id, f.grid_id, self._order, self._descending)

    def _on_query_failed(self, generation: int, exc: BaseException) -> None:
        self._querying = False
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start_query(*pending)
            return
        self.sig_load_failed.emit(error_text(exc))

    def _apply_ids(self, new_ids: list[int]) -> None:
        """Replace the id list, with insert/remove notifications when that is cheaper."""
        old_ids = self._ids
        if not self._notify_diff(old_ids, new_ids):
            self.beginResetModel()
            self._ids = new_ids
            self._row_of = {vid: i for i, vid in enumerate(new_ids)}
            self.endResetModel()
        if len(self._cache) > CACHE_LIMIT:
            keep = set(new_ids[:BATCH])
            self._cache = {k: v for k, v in self._cache.items() if k in keep}
            self._requested.clear()

    def _notify_diff(self, old: list[int], new: list[int]) -> bool:
        """Turn old into new with remove/insert notifications; False if a reset is better.

        Meant for small changes (a volunteer added, left, deleted), where keeping the
        selection and the scroll position matters; a new search replaces the list wholesale
        and a reset is both cheaper and what the clerk expects.
        """
        if not old or not new or old == new:
            return old == new
        if abs(len(old) - len(new)) > MAX_DIFF_ROWS:
            return False
        old_set, new_set = set(old), set(new)
        removed = [n for n, i in enumerate(old) if i not in new_set]
        added = [n for n, i in enumerate(new) if i not in old_set]
        if len(removed) + len(added) > MAX_DIFF_ROWS:
            return False
        if removed or added:
            kept_old = [i for i in old if i in new_set]
            kept_new = [i for i in new if i in old_set]
            if kept_old != kept_new:
                return False  # order changed (a rename moved a row): a reset is clearer
        elif old != new:
            return False
        remove_runs, add_runs = runs(removed), runs(added)
        if len(remove_runs) + len(add_runs) > MAX_DIFF_RUNS:
            return False
        # data() only reads _ids; the id -> row map is rebuilt once, at the end.
        ids = list(old)
        for first, last in reversed(remove_runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del ids[first : last + 1]
            self._ids = ids
            self.endRemoveRows()
        for first, last in add_runs:
            self.beginInsertRows(QModelIndex(), first, last)
            ids[first:first] = new[first : last + 1]
            self._ids = ids
            self.endInsertRows()
        self._row_of = {vid: i for i, vid in enumerate(ids)}
        return True

    # -- lazy rows --------------------------------------------------------------------

    def fetch_rows(self, session, ids: list[int]) -> list[VolunteerRow]:  # noqa: ANN001
        return vol_service.fetch_rows(session, ids)

    def fetch_failed(self, exc: BaseException) -> None:
        self.sig_load_failed.emit(error_text(exc))

    def refresh_rows(self, ids: Sequence[int]) -> None:
        """Reload the given volunteers' rows (after an edit) and notify with dataChanged."""
        wanted = [i for i in ids if i in self._row_of]
        for i in wanted:
            self._cache.pop(i, None)
        if not wanted:
            return
        generation = self._generation
        self.ctx.worker.submit(
            lambda s: vol_service.fetch_rows(s, wanted),
            lambda rows: self._on_batch_loaded(generation, rows),
            owner=self, label="volunteer rows",
        )

    def invalidate_rows(self) -> None:
        """Team or grid names may have changed: refetch rows as they are shown again.

        The old rows stay visible until the fresh ones arrive (no flicker).
        """
        self._stale = set(self._cache)
        self._requested.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(COLUMNS) - 1), LOADED_ROLES)

    # -- checkable mode (pickers) -----------------------------------------------------

    def set_checkable(self, on: bool) -> None:
        self._checkable = on

    def set_disabled_ids(self, ids: set[int]) -> None:
        """Volunteers shown but not pickable (e.g. already members of the team)."""
        self._disabled = set(ids)

    @property
    def checked_ids(self) -> set[int]:
        return set(self._checked)

    def set_checked(self, volunteer_id: int, on: bool) -> None:
        if volunteer_id in self._disabled:
            return
        if on:
            self._checked.add(volunteer_id)
        else:
            self._checked.discard(volunteer_id)
        row = self._row_of.get(volunteer_id)
        if row is not None:
            idx = self.index(row, 0)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.CheckStateRole])
        self.sig_check_changed.emit()

    def cached_row(self, volunteer_id: int) -> VolunteerRow | None:
        return self._cache.get(volunteer_id)

    # -- Qt model interface -----------------------------------------------------------

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("VolunteersModel", COLUMNS[section].header)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._checkable and index.column() == 0:
            if self._ids[index.row()] in self._disabled:
                return Qt.ItemFlag.ItemIsSelectable
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self._checkable and role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
            self.set_checked(self._ids[index.row()], state == Qt.CheckState.Checked)
            return True
        return False

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        vid = self._ids[index.row()]
        if role == ROLE_ID:
            return vid
        row = self._cache.get(vid)
        if row is None or vid in self._stale:
            self._fetch_batch(index.row() // BATCH)
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return translate("VolunteersModel", "Loading\u2026")
            if role == ROLE_LOADED:
                return False
            return None
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == ROLE_ROW:
            return row
        if role == ROLE_ACTIVE:
            return row.active
        if role == ROLE_LOADED:
            return True
        if role == ROLE_SORT:
            return getattr(row, key, None)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(QColor("#8d7f78"))
        if role == Qt.ItemDataRole.FontRole and key == "name" and not row.active:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key == "teams" and row.teams:
            return "\n".join(row.teams)
        if key == "name" and row.party_household:
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("party")
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("VolunteersModel", "Party-member central household")
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable and index.column() == 0:
            return Qt.CheckState.Checked if vid in self._checked else Qt.CheckState.Unchecked
        return None

    def _display(self, row: VolunteerRow, key: str) -> str:
        if key == "name":
            already = (translate("VolunteersModel", " (already a member)")
                       if self._checkable and row.id in self._disabled else "")
            return row.name + already
        if key == "gender":
            return gender_text(row.gender)
        if key == "mobile":
            return row.mobile
        if key == "grid":
            return row.grid or ""
        if key == "teams":
            return "\u3001".join(row.teams)
        if key == "political_status":
            return row.political_status
        if key == "joined_on":
            return row.joined_on.isoformat() if row.joined_on else ""
        if key == "active":
            return (translate("VolunteersModel", "Active") if row.active
                    else translate("VolunteersModel", "Left"))
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column in the database (name sorts by pinyin)."""
        col = COLUMNS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if not col.sortable or (col.key, descending) == (self._order, self._descending):
            return  # e.g. the view enabling sorting: the order it asks for is already shown
        self._order = col.key
        self._descending = descending
        self._request()
