"""The drag payload that carries volunteers from the free list onto a shift of the week grid.

Both ends speak this one MIME type: :class:`ui.planner.volunteer_tables.CandidateTable`
encodes the dragged rows' volunteer ids, :class:`ui.planner.week_model.WeekModel` decodes
them when they are dropped on a shift cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData

MIME_VOLUNTEERS = "application/x-volunteer-app-volunteer-ids"


def encode_volunteer_ids(ids: Sequence[int]) -> QMimeData:
    """Drag payload for volunteers (also what tests construct)."""
    mime = QMimeData()
    mime.setData(MIME_VOLUNTEERS, QByteArray(",".join(str(i) for i in ids).encode()))
    return mime


def decode_volunteer_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(MIME_VOLUNTEERS):
        return []
    raw = bytes(mime.data(MIME_VOLUNTEERS).data()).decode(errors="replace")
    return [int(x) for x in raw.split(",") if x.strip().isdigit()]
