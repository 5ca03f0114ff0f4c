"""Background jobs: their settings, the log of their runs, the log of what they sent.

Times follow the scheduling feature's convention (models/shifts.py): naive local
wall-clock datetimes in the community's time zone.

Idempotency lives here, in unique keys:

* ``job_run`` has one row per job and *slot* (the scheduled time a run belongs to), so a
  slot that was caught up after a restart is never run a second time;
* ``reminder_log`` has one row per kind and key (e.g. one duty reminder per assignment,
  shift start and lead time), so nothing is sent twice whatever runs the job.

``apscheduler_jobs`` is APScheduler's own job store table (``SQLAlchemyJobStore``). It is
declared here, column for column as APScheduler declares it, so that migrations create
it and autogenerate sees it as part of the schema; APScheduler finds it existing and
leaves it alone.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    Unicode,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

JOB_IDS = ("duty_reminders", "unfilled_alerts", "overdue_requests", "weekly_plan", "nightly_backup",
           "audit_check")
RUN_STATUSES = ("running", "ok", "failed", "skipped", "not_available")
RUN_TRIGGERS = ("schedule", "manual")
REMINDER_KINDS = ("duty", "unfilled", "overdue")
REMINDER_STATUSES = ("sent", "superseded")
APSCHEDULER_TABLE = "apscheduler_jobs"

# Same columns, types and index as apscheduler.jobstores.sqlalchemy.SQLAlchemyJobStore.
apscheduler_jobs = Table(
    APSCHEDULER_TABLE,
    Base.metadata,
    Column("id", Unicode(191), primary_key=True),
    Column("next_run_time", Float(25), index=True),
    Column("job_state", LargeBinary, nullable=False),
)


class JobSetting(Base):
    """Whether a job runs and when, plus its own options (JSON), as edited in Settings.

    A job without a row runs with its defaults. No check constraint on ``job_id``: a
    later feature adding a job needs no migration, and rows of unknown jobs are ignored.
    """

    __tablename__ = "job_setting"

    job_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    options: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class JobRun(Base):
    """One run of a job for one slot (its scheduled time, or the moment of a manual run)."""

    __tablename__ = "job_run"
    __table_args__ = (
        CheckConstraint(f"status IN {RUN_STATUSES!r}", name="status"),
        CheckConstraint(f"run_trigger IN {RUN_TRIGGERS!r}", name="run_trigger"),
        UniqueConstraint("job_id", "slot", name="uq_job_run_job_slot"),
        Index("ix_job_run_job_started", "job_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str] = mapped_column(String(40))
    slot: Mapped[datetime] = mapped_column(DateTime)
    run_trigger: Mapped[str] = mapped_column(String(10), default="schedule")
    status: Mapped[str] = mapped_column(String(14), default="running")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # JSON: counts and the notices the run produced (what the tray and Today show).
    summary: Mapped[str] = mapped_column(Text, default="{}")
    error: Mapped[str] = mapped_column(Text, default="")
    # Optimistic locking (migration 0011): every row the services update carries one.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class ReminderLog(Base):
    """One reminder or alert a job made; the unique key keeps every job idempotent.

    ``data`` (JSON) is a snapshot of what the reminder said (names, times, place), so the
    log still reads right after the shift or the volunteer changed.
    """

    __tablename__ = "reminder_log"
    __table_args__ = (
        CheckConstraint(f"kind IN {REMINDER_KINDS!r}", name="kind"),
        CheckConstraint(f"status IN {REMINDER_STATUSES!r}", name="status"),
        UniqueConstraint("kind", "key", name="uq_reminder_log_kind_key"),
        Index("ix_reminder_log_kind_subject", "kind", "subject_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    key: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(12), default="sent")
    # When the reminder fell due, and the moment it is about (shift start, request due).
    due_at: Mapped[datetime] = mapped_column(DateTime)
    subject_at: Mapped[datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    lead_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    shift_id: Mapped[int | None] = mapped_column(
        ForeignKey("shift.id", ondelete="SET NULL"), nullable=True, index=True
    )
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment.id", ondelete="SET NULL"), nullable=True
    )
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id", ondelete="SET NULL"), nullable=True
    )
    # No foreign key: resident requests arrive in a migration on another branch.
    request_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    job_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("job_run.id", ondelete="SET NULL"), nullable=True
    )
    data: Mapped[str] = mapped_column(Text, default="{}")
