"""The part every lazy register model shares: a list of row ids in display order, and
rows fetched on the database worker in batches as the view asks for them.

Subclasses decide how the ids are queried (and set ``_ids`` / ``_row_of``, bumping
``_generation`` per query) and how a row is shown; this base fetches, caches and
announces rows.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex

from ui.common.context import AppContext

BATCH = 200  # rows per fetch: a few screenfuls


def runs(indices: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs (first, last) of sorted indices."""
    out: list[tuple[int, int]] = []
    for i in indices:
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


class LazyRowsModel(QAbstractTableModel):
    """Ids in order, rows cached by id and fetched in batches of :data:`BATCH`."""

    COLUMN_COUNT = 0
    LOADED_ROLES: list[int] | None = None  # roles a row's arrival changes (None: all)
    # Rows of an earlier query that arrive late: keep them (rows are refreshed by id
    # elsewhere) or drop them (each query starts from a fresh cache).
    KEEP_LATE_ROWS = True
    FETCH_LABEL = "rows"

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, object] = {}
        self._requested: set[int] = set()  # batch numbers asked for in this generation
        self._stale: set[int] = set()  # cached rows shown until their fresh copy arrives
        self._generation = 0

    # -- what subclasses provide -------------------------------------------------------

    def fetch_rows(self, session, ids: list[int]) -> list:  # noqa: ANN001
        """The rows of ``ids`` (runs on the worker thread)."""
        raise NotImplementedError

    def fetch_failed(self, exc: BaseException) -> None:
        """A batch could not be fetched (on the UI thread)."""

    # -- fetching ----------------------------------------------------------------------

    def _fetch_batch(self, batch: int) -> None:
        if batch in self._requested:
            return
        self._requested.add(batch)
        generation = self._generation
        ids = [i for i in self._ids[batch * BATCH:(batch + 1) * BATCH]
               if i not in self._cache or i in self._stale]
        if not ids:
            return
        self.ctx.worker.submit(
            lambda s: self.fetch_rows(s, ids),
            lambda rows: self._on_batch_loaded(generation, rows),
            self.fetch_failed, owner=self, label=self.FETCH_LABEL)

    def _on_batch_loaded(self, generation: int, rows: list) -> None:
        current = generation == self._generation
        if not current and not self.KEEP_LATE_ROWS:
            return
        for row in rows:
            self._cache[row.id] = row
            self._stale.discard(row.id)
        if not current:
            return
        positions = sorted(self._row_of[r.id] for r in rows if r.id in self._row_of)
        for first, last in runs(positions):
            top, bottom = self.index(first, 0), self.index(last, self.COLUMN_COUNT - 1)
            if self.LOADED_ROLES is None:
                self.dataChanged.emit(top, bottom)
            else:
                self.dataChanged.emit(top, bottom, self.LOADED_ROLES)

    # -- access ------------------------------------------------------------------------

    def row_for(self, row: int):  # noqa: ANN201
        """The loaded row at a position (None while loading)."""
        if 0 <= row < len(self._ids):
            return self._cache.get(self._ids[row])
        return None

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of_id(self, row_id: int) -> int:
        """Position of a row id in the current list, -1 if not shown."""
        return self._row_of.get(row_id, -1)

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.COLUMN_COUNT
