"""The community office's own details."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import FieldProblem, ValidationError
from ..models import Community
from ..validation import normalize_text


@dataclass(frozen=True)
class CommunityInfo:
    """Name, address, service hall and time zone of the community."""

    name: str = ""
    address: str = ""
    service_hall_phone: str = ""
    service_hall_hours: str = ""
    timezone: str = "Asia/Shanghai"


def get_community(session: Session) -> CommunityInfo:
    """The community row, or defaults when none was saved yet."""
    row = session.scalar(select(Community).order_by(Community.id).limit(1))
    if row is None:
        return CommunityInfo()
    return CommunityInfo(row.name, row.address, row.service_hall_phone, row.service_hall_hours,
                         row.timezone)


def save_community(session: Session, info: CommunityInfo) -> None:
    """Create or update the single community row."""
    problems = []
    try:
        ZoneInfo(info.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(FieldProblem("timezone", "timezone_invalid", info.timezone))
    values = {}
    for key, limit in (("name", 100), ("address", 200), ("service_hall_phone", 40),
                       ("service_hall_hours", 100)):
        try:
            values[key] = normalize_text(getattr(info, key), key, limit)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if not values.get("name"):
        problems.append(FieldProblem("name", "required", info.name))
    if problems:
        raise ValidationError(problems)
    row = session.scalar(select(Community).order_by(Community.id).limit(1)) or Community()
    for key, val in values.items():
        setattr(row, key, val)
    row.timezone = info.timezone
    session.add(row)
    session.flush()
