"""When volunteers can serve: weekly windows, leave ranges and duty limits.

Times are naive local wall-clock times in the community's time zone (see models/shifts.py).
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

LEAVE_KINDS = ("leave", "unavailable")


class AvailabilityWindow(Base):
    """A weekly window a volunteer is available in (weekday 0 = Monday).

    A window whose end is not after its start runs past midnight. A volunteer without any
    window counts as available at all times.
    """

    __tablename__ = "availability_window"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), index=True
    )
    weekday: Mapped[int] = mapped_column(Integer)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)


class VolunteerLeave(Base):
    """A leave or otherwise unavailable date range (both ends inclusive)."""

    __tablename__ = "volunteer_leave"
    __table_args__ = (
        CheckConstraint(f"kind IN {LEAVE_KINDS!r}", name="kind"),
        CheckConstraint("end_date >= start_date", name="range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), index=True
    )
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(12), default="leave")
    reason: Mapped[str] = mapped_column(Text, default="")


class VolunteerLimit(Base):
    """Maximum number of duties a volunteer takes per ISO week and per day (None = no limit)."""

    __tablename__ = "volunteer_limit"
    __table_args__ = (
        CheckConstraint("max_per_week IS NULL OR max_per_week >= 0", name="week"),
        CheckConstraint("max_per_day IS NULL OR max_per_day >= 0", name="day"),
    )

    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True
    )
    max_per_week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_per_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
