"""The community's clock: its time zone and "now" as naive local wall-clock time.

Every stored date and time is naive local wall-clock time in the community's time zone
(see ``models/shifts.py``). Planning, the hours ledger, resident requests and the jobs
all ask this module for the zone and the current time, so they agree on what "now" is.

A zone name that this machine cannot load (a database written where more zones were
known, or a hand-edited row; saving the community refuses such names) falls back to the
default zone rather than stopping every screen that needs the time.
"""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from .services.community import CommunityInfo, stored_community

log = logging.getLogger(__name__)


def community_zone(session: Session) -> ZoneInfo:
    """The community's time zone (the default zone when the stored name cannot be loaded)."""
    name = stored_community(session).timezone
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("time zone %r cannot be loaded here; using %s", name, CommunityInfo.timezone)
        return ZoneInfo(CommunityInfo.timezone)


def local_now(session: Session) -> datetime:
    """The community's current local wall-clock time, naive, to the second."""
    return datetime.now(community_zone(session)).replace(tzinfo=None, microsecond=0)
