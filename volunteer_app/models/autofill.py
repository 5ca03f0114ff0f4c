"""Applied auto-fills: each one a batch of assignments that can be undone as a whole.

A proposal is never stored: it lives in the front end until the coordinator applies it.
Applying writes the assignments (``source = "autofill"``) and one ``autofill_batch`` row
linked to each of them, in one transaction. Times are naive local wall-clock values in
the community's time zone (see models/shifts.py).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

AUTOFILL_STATUSES = ("optimal", "feasible")


class AutofillBatch(Base):
    """One applied auto-fill of a date range (optionally one team or grid)."""

    __tablename__ = "autofill_batch"
    __table_args__ = (CheckConstraint(f"status IN {AUTOFILL_STATUSES!r}", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    operator: Mapped[str] = mapped_column(String(40), default="")
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), nullable=True)
    grid_id: Mapped[int | None] = mapped_column(
        ForeignKey("grid.id", ondelete="SET NULL"), nullable=True)
    needed: Mapped[int] = mapped_column(Integer, default=0)
    # Places taken before the fill, and assignments it created.
    filled_before: Mapped[int] = mapped_column(Integer, default=0)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(10), default="feasible")
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    min_rest_minutes: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AutofillBatchAssignment(Base):
    """An assignment an auto-fill created (the link goes when the assignment is deleted)."""

    __tablename__ = "autofill_batch_assignment"

    batch_id: Mapped[int] = mapped_column(
        ForeignKey("autofill_batch.id", ondelete="CASCADE"), primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignment.id", ondelete="CASCADE"), primary_key=True, index=True)
