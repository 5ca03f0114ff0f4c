"""Shifts, assignments, recurring duty templates and generation batches.

Time convention (used by every table of the scheduling feature): dates and times are
**naive local wall-clock values in the community's time zone** (``Community.timezone``,
default Asia/Shanghai). A shift is stored as its local ``date`` plus ``start_time`` and
``end_time``; when ``end_time`` is not after ``start_time`` the shift is overnight and ends
on the following day. ``Assignment.actual_start`` / ``actual_end`` and every ``*_at``
column are naive local datetimes too. Code that needs aware datetimes (APScheduler's
CronTrigger) attaches the community's ``ZoneInfo`` at the boundary and strips it again.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..scheduling.conflicts import ends_next_day
from .base import Base

DUTY_TYPES = (
    "patrol",
    "small_inspection",
    "big_inspection",
    "persuasion",
    "publicity",
    "cleanup",
    "event",
    "other",
)
ASSIGNMENT_STATUSES = ("planned", "confirmed", "checked_in", "completed", "no_show", "cancelled")
# Statuses that hold a place on the shift (count towards its headcount and towards the
# volunteer's load); a no-show or a cancellation frees the place.
ACTIVE_STATUSES = ("planned", "confirmed", "checked_in", "completed")
# The database's own guard against double booking (migration 0007): no two active
# assignments of one volunteer whose duties overlap in time, unless the coordinator
# overrode the overlap (``overridden`` names it). PostgreSQL: this exclusion constraint;
# SQLite: a trigger raising this message.
DOUBLE_BOOKING_GUARD = "ex_assignment_double_booking"


def is_double_booking(exc: BaseException) -> bool:
    """Whether a database error (raw or wrapped by SQLAlchemy) is that guard's refusal."""
    orig = getattr(exc, "orig", exc)
    diag = getattr(orig, "diag", None)
    if diag is not None:
        return getattr(diag, "constraint_name", None) == DOUBLE_BOOKING_GUARD
    return DOUBLE_BOOKING_GUARD in str(orig)
BATCH_KINDS = ("generate", "copy")
ASSIGNMENT_SOURCES = ("manual", "copy", "autofill")


class ShiftTemplate(Base):
    """A recurring duty, expanded into shifts by APScheduler's CronTrigger.

    ``day_of_week``, ``day`` and ``month`` are CronTrigger fields (use day names such as
    ``mon-fri`` or ``sat``; in cron 0 is Monday). ``on_holidays`` says whether the duty
    also runs on statutory holidays; ``makeup_as_weekday`` says whether a make-up working
    day (调休上班) is treated as an ordinary weekday (weekday duties run, weekend-only
    duties do not).
    """

    __tablename__ = "shift_template"
    __table_args__ = (
        CheckConstraint(f"duty_type IN {DUTY_TYPES!r}", name="duty_type"),
        CheckConstraint("needed >= 1", name="needed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), nullable=True, index=True
    )
    grid_id: Mapped[int | None] = mapped_column(
        ForeignKey("grid.id", ondelete="SET NULL"), nullable=True
    )
    location: Mapped[str] = mapped_column(String(100), default="")
    duty_type: Mapped[str] = mapped_column(String(20), default="patrol")
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    needed: Mapped[int] = mapped_column(Integer, default=1)
    notes: Mapped[str] = mapped_column(Text, default="")
    day_of_week: Mapped[str] = mapped_column(String(40), default="*")
    day: Mapped[str] = mapped_column(String(40), default="*")
    month: Mapped[str] = mapped_column(String(40), default="*")
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    on_holidays: Mapped[bool] = mapped_column(Boolean, default=True)
    makeup_as_weekday: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class GenerationBatch(Base):
    """One run of shift generation (or of copying a week); undone as a whole."""

    __tablename__ = "generation_batch"
    __table_args__ = (CheckConstraint(f"kind IN {BATCH_KINDS!r}", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), default="generate")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # Optimistic locking (migration 0011): every row the services update carries one.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class Shift(Base):
    """One duty on one day: who (team), where (grid or free text), when, what, how many."""

    __tablename__ = "shift"
    __table_args__ = (
        CheckConstraint(f"duty_type IN {DUTY_TYPES!r}", name="duty_type"),
        CheckConstraint("needed >= 1", name="needed"),
        # Generation is idempotent: one shift per template occurrence, wherever a
        # coordinator later moved it.
        UniqueConstraint("template_id", "origin_date", name="uq_shift_template_origin"),
        Index("ix_shift_date_start", "date", "start_time"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(60), default="")
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), nullable=True, index=True
    )
    grid_id: Mapped[int | None] = mapped_column(
        ForeignKey("grid.id", ondelete="SET NULL"), nullable=True, index=True
    )
    location: Mapped[str] = mapped_column(String(100), default="")
    date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    duty_type: Mapped[str] = mapped_column(String(20), default="patrol")
    needed: Mapped[int] = mapped_column(Integer, default=1)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Set when a coordinator edits the shift; generation never touches such shifts.
    edited_by_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("shift_template.id", ondelete="SET NULL"), nullable=True
    )
    # The template occurrence this shift was made for (stays put if the shift is moved).
    origin_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("generation_batch.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    @property
    def overnight(self) -> bool:
        """True when the shift ends on the following day."""
        return ends_next_day(self.start_time, self.end_time)


class ShiftSkip(Base):
    """A template occurrence whose shift the coordinator deleted: generation must not
    bring it back. ``date`` is the occurrence (``Shift.origin_date``)."""

    __tablename__ = "shift_skip"

    template_id: Mapped[int] = mapped_column(
        ForeignKey("shift_template.id", ondelete="CASCADE"), primary_key=True
    )
    date: Mapped[date] = mapped_column(Date, primary_key=True)


class Assignment(Base):
    """A volunteer on a shift, with the duty's status and what actually happened."""

    __tablename__ = "assignment"
    __table_args__ = (
        CheckConstraint(f"status IN {ASSIGNMENT_STATUSES!r}", name="status"),
        CheckConstraint(f"source IN {ASSIGNMENT_SOURCES!r}", name="source"),
        UniqueConstraint("shift_id", "volunteer_id", name="uq_assignment_shift_volunteer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id", ondelete="CASCADE"), index=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(12), default="planned")
    # How the assignment was made: by hand, by copying a week, or by the auto-fill solver.
    source: Mapped[str] = mapped_column(String(10), default="manual")
    actual_start: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    actual_end: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # A coordinator who assigns despite hard conflicts must say why; both are kept.
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    overridden: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The duty's start and end (its shift's, overnight ending the next day), written by
    # database triggers whenever the assignment or its shift changes, never by the app:
    # what the double-booking guard compares (see DOUBLE_BOOKING_GUARD). Not loaded with
    # the row; the ORM fetches them on demand.
    starts_at: Mapped[datetime | None] = mapped_column(
        DateTime, nullable=True, server_default=FetchedValue(), server_onupdate=FetchedValue(),
        deferred=True)
    ends_at: Mapped[datetime | None] = mapped_column(
        DateTime, nullable=True, server_default=FetchedValue(), server_onupdate=FetchedValue(),
        deferred=True)

    __mapper_args__ = {"version_id_col": version, "eager_defaults": False}
