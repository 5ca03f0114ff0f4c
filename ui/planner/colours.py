"""The planner's colours: how full a shift is, special days, group headings, and the two
conflict severities (hard conflicts in red, soft warnings in amber).

Shared by the week grid, its cell painter, the free-volunteer list and the dialogs, so a
shift or a conflict looks the same wherever it appears.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from volunteer_app.services.shifts import ShiftRow

COLOUR_FULL = QColor("#d4efdf")
COLOUR_PART = QColor("#fdebd0")
COLOUR_EMPTY = QColor("#f9d6d2")
COLOUR_OVER = QColor("#d6eaf8")
COLOUR_HOLIDAY = QColor("#fdf2e9")
COLOUR_GROUP = QColor("#f3ede7")
COLOUR_TEXT = QColor("#2b1d19")
COLOUR_MUTED = QColor("#8a7a72")
COLOUR_HARD = QColor("#a93226")
COLOUR_SOFT = QColor("#9a6400")


def fill_colour(s: ShiftRow) -> QColor:
    """Green when full, amber with gaps, red when nobody is on it yet, blue when over-full."""
    if s.filled > s.needed:
        return COLOUR_OVER
    if s.filled == s.needed:
        return COLOUR_FULL
    return COLOUR_PART if s.filled else COLOUR_EMPTY
