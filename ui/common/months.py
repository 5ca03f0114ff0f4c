"""Months as the month pickers offer them."""

from __future__ import annotations

from datetime import date


def recent_months(today: date, count: int = 12) -> list[str]:
    """``YYYY-MM`` of this month and the ``count - 1`` before it, newest first."""
    y, m = today.year, today.month
    out = []
    for _ in range(count):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out
