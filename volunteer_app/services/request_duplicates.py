"""A likely duplicate of a resident's request about to be taken in (issue 18.15).

Residents often call twice about the same thing (the second call is "did you get it?"),
and two clerks may take in the same call from the building chat group. Before saving,
the front ends ask :func:`find_duplicate` whether a request with the same resident phone,
category and description came in within a day of this one; the desktop then asks the
clerk, the command line refuses unless ``--allow-duplicate``. It answers plain data, never
a sentence (the texts live in the front ends).

Kept apart from :mod:`.requests` (already long) so the intake rules stay readable there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import local_now
from ..errors import ValidationError
from ..models.requests import ResidentRequest
from ..parsing import parse_moment
from ..security.permissions import require
from ..validation import normalize_optional_phone, normalize_text
from .requests import RequestData

# Two requests this close together with the same phone, category and description are
# most likely one request taken in twice.
DUPLICATE_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class PossibleDuplicate:
    """The earlier request that looks like the one being taken in."""

    id: int
    received_at: datetime
    status: str
    resident_name: str


def _same_text(a: str, b: str) -> bool:
    """Descriptions equal up to spacing and line breaks (typed again, not copied)."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def find_duplicate(
    session: Session, data: RequestData, *, now: datetime | None = None,
    exclude_id: int | None = None,
) -> PossibleDuplicate | None:
    """The most recent request (not cancelled) with the same resident phone, category and
    description received within :data:`DUPLICATE_WINDOW` of ``data.received_at`` (default
    now), else None. Without a phone there is nothing reliable to match: None. Input that
    does not validate is None too: saving reports it properly."""
    require(session, "requests.read")
    try:
        phone = normalize_optional_phone(data.resident_phone, "resident_phone")
        description = normalize_text(data.description, "description", multiline=True)
        received = parse_moment(data.received_at or now or local_now(session), "received_at")
    except ValidationError:
        return None
    if not phone or not description:
        return None
    query = (
        select(ResidentRequest)
        .where(ResidentRequest.resident_phone == phone,
               ResidentRequest.category == data.category,
               ResidentRequest.status != "cancelled",
               ResidentRequest.received_at >= received - DUPLICATE_WINDOW,
               ResidentRequest.received_at <= received + DUPLICATE_WINDOW)
        .order_by(ResidentRequest.received_at.desc(), ResidentRequest.id.desc())
    )
    if exclude_id is not None:
        query = query.where(ResidentRequest.id != exclude_id)
    for req in session.scalars(query):
        if _same_text(req.description, description):
            return PossibleDuplicate(id=req.id, received_at=req.received_at,
                                     status=req.status, resident_name=req.resident_name)
    return None
