"""The service-hours ledger (志愿服务时长).

Entries are only ever appended. Hours are stored as whole **minutes** so that totals are
exact. An entry comes from a completed assignment (its actual start and end), from a
completed resident request, or is entered by hand with a reason. A captain or
coordinator verifies entries; only verified entries count in reports.

A correction is a new entry whose ``corrects_id`` points at the entry it replaces; it
carries the corrected *value* (not a difference) and must be verified again. An entry
that has a correction is *superseded* and no longer counts; ``minutes = 0`` in a
correction voids the entry. The unique constraint on ``corrects_id`` keeps the chain
linear: only the newest entry of a chain can be corrected.

Dates and datetimes are naive local wall-clock values (see models/shifts.py).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

HOURS_SOURCES = ("assignment", "request", "manual")


class HoursEntry(Base):
    """One line of the ledger: who served, when, for how long, and whether it is verified."""

    __tablename__ = "hours_entry"
    __table_args__ = (
        CheckConstraint(f"source IN {HOURS_SOURCES!r}", name="source"),
        CheckConstraint("minutes >= 0 AND minutes <= 1440", name="minutes"),
        # Only a correction may carry zero minutes (it voids the entry it corrects).
        CheckConstraint("minutes > 0 OR corrects_id IS NOT NULL", name="zero_only_correction"),
        UniqueConstraint("corrects_id", name="uq_hours_entry_corrects_id"),
        Index("ix_hours_entry_date", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # RESTRICT: hours are history; a volunteer who has any is deactivated, never deleted.
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="RESTRICT"), index=True
    )
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), nullable=True, index=True
    )
    date: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(12))
    # What was done, copied when the entry is made so it survives later edits/deletes.
    duty: Mapped[str] = mapped_column(String(200), default="")
    # SET NULL: the planner may delete a shift; the hours and their description stay.
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment.id", ondelete="SET NULL"), nullable=True, index=True
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("resident_request.id", ondelete="SET NULL"), nullable=True, index=True
    )
    start_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    end_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("hours_entry.id", ondelete="RESTRICT"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(40), default="")
    verified_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    verified_by: Mapped[str] = mapped_column(String(40), default="")
    # Optimistic locking (migration 0011): every row the services update carries one.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}
