"""Residents' requests (诉求 / 点单) and the history of their status transitions.

A request is taken in ("收单"), dispatched to a team and optionally one volunteer
("派单"), accepted, worked on, done and finally followed up with the resident, or
cancelled with a reason while still open. Every transition is kept as a
:class:`RequestEvent` with its time and the operator who recorded it; the request row
carries the current state and the time of each milestone for fast listing.

Times follow the scheduling feature's convention (models/shifts.py): naive local
wall-clock datetimes in the community's time zone.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

REQUEST_CATEGORIES = ("repair", "safety_hazard", "dispute", "care", "environment", "other")
REQUEST_SOURCES = ("chat_group", "phone", "walk_in", "registration_point")
URGENCIES = ("low", "normal", "urgent", "emergency")
REQUEST_STATUSES = (
    "received",
    "dispatched",
    "accepted",
    "in_progress",
    "done",
    "followed_up",
    "cancelled",
)
# States in which work is still owed to the resident: these can be cancelled and overdue.
OPEN_STATUSES = ("received", "dispatched", "accepted", "in_progress")


class ResidentRequest(Base):
    """One resident's request with its current status and milestone times."""

    __tablename__ = "resident_request"
    __table_args__ = (
        CheckConstraint(f"category IN {REQUEST_CATEGORIES!r}", name="category"),
        CheckConstraint(f"source IN {REQUEST_SOURCES!r}", name="source"),
        CheckConstraint(f"urgency IN {URGENCIES!r}", name="urgency"),
        CheckConstraint(f"status IN {REQUEST_STATUSES!r}", name="status"),
        CheckConstraint(
            "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5", name="satisfaction"
        ),
        Index("ix_resident_request_status_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_name: Mapped[str] = mapped_column(String(40))
    resident_phone: Mapped[str] = mapped_column(String(20), default="")
    building: Mapped[str] = mapped_column(String(100), default="")
    grid_id: Mapped[int | None] = mapped_column(
        ForeignKey("grid.id", ondelete="SET NULL"), nullable=True, index=True
    )
    category: Mapped[str] = mapped_column(String(16), default="other")
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="phone")
    urgency: Mapped[str] = mapped_column(String(10), default="normal")
    status: Mapped[str] = mapped_column(String(12), default="received")
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    due_at: Mapped[datetime] = mapped_column(DateTime)
    received_by: Mapped[str] = mapped_column(String(40), default="")
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # RESTRICT: a volunteer who was sent to a resident has history and is never deleted.
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    dispatched_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    followed_up_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    result: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[int | None] = mapped_column(Integer, nullable=True)
    follow_up_remark: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class RequestEvent(Base):
    """One status transition of a request: when, by whom, from and to, with a note.

    Dispatch events also record the team and volunteer the request was sent to, so a
    re-dispatch keeps who had it before. Rows are appended; correcting a request's
    time received moves its intake entry.
    """

    __tablename__ = "request_event"
    __table_args__ = (
        CheckConstraint(f"to_status IN {REQUEST_STATUSES!r}", name="to_status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("resident_request.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime)
    operator: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(12), nullable=True)
    to_status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), nullable=True
    )
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    # Optimistic locking (migration 0011): every row the services update carries one.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}
