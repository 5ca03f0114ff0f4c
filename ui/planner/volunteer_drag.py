"""The drag payload that carries volunteers from the free list onto a shift of the week grid.

Both ends speak this one MIME type: :class:`ui.planner.volunteer_tables.CandidateTable`
encodes the dragged rows' volunteer ids, :class:`ui.planner.week_model.WeekModel` decodes
them when they are dropped on a shift cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData

MIME_VOLUNTEERS = "application/x-volunteer-app-volunteer-ids"
# Set when the volunteers are dragged off a duty (the selected shift's list): the drop is
# then a move from that shift, not a second duty (issue 18.4).
MIME_FROM_SHIFT = "application/x-volunteer-app-from-shift"


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


def encode_move(from_shift_id: int, ids: Sequence[int]) -> QMimeData:
    """Drag payload for volunteers taken off a duty: their ids and the duty they leave."""
    mime = encode_volunteer_ids(ids)
    mime.setData(MIME_FROM_SHIFT, QByteArray(str(int(from_shift_id)).encode()))
    return mime


def decode_from_shift(mime: QMimeData) -> int | None:
    """The duty the dragged volunteers leave, or None for volunteers from the free list."""
    if not mime.hasFormat(MIME_FROM_SHIFT):
        return None
    raw = bytes(mime.data(MIME_FROM_SHIFT).data()).decode(errors="replace").strip()
    return int(raw) if raw.isdigit() else None
