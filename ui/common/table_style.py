"""How the app's read-only lists look and select: one place for what every list shares."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_rows(table: QTableView, row_height: int, *, multi: bool = False,
                   wrap: bool = False) -> QHeaderView:
    """Whole-row selection (one row, or several with ``multi``), no editing in place,
    alternating rows without a grid, fixed row height, no row numbers.

    Returns the horizontal header, whose column sizes differ from list to list.
    """
    Sel = QAbstractItemView.SelectionMode  # noqa: N806
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(Sel.ExtendedSelection if multi else Sel.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(wrap)
    rows = table.verticalHeader()
    rows.hide()
    if row_height:
        rows.setDefaultSectionSize(row_height)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    return table.horizontalHeader()
