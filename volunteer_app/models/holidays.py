"""The holiday table: statutory holidays and make-up working days, editable by the clerk.

Rows come from the ``chinese_calendar`` package for the years it covers and from the
clerk for the others; ``holiday_year`` records which years were imported or confirmed,
so a clerk's edits are never overwritten by a later import. A year the package does not
cover yet is pre-filled with *estimated* rows (``estimated``: computed from the lunar
calendar, shown as 预计) until the clerk confirms it or a package upgrade brings the
official schedule, which replaces the estimates and never the clerk's own rows.
``holiday_change`` keeps each change of the table made with its effect on the duties,
so that it can be undone as a whole (issue 18).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

HOLIDAY_KINDS = ("holiday", "workday")
HOLIDAY_SOURCES = ("chinese_calendar", "manual")


class Holiday(Base):
    """One special day: a statutory day off (``holiday``) or a make-up working day (``workday``).

    ``code`` is the chinese_calendar holiday name (``national_day``...) that front ends
    translate; ``name`` is free text a clerk typed (e.g. 藏历新年).
    """

    __tablename__ = "holiday"
    __table_args__ = (
        CheckConstraint(f"kind IN {HOLIDAY_KINDS!r}", name="kind"),
        CheckConstraint(f"source IN {HOLIDAY_SOURCES!r}", name="source"),
    )

    date: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    code: Mapped[str] = mapped_column(String(40), default="")
    name: Mapped[str] = mapped_column(String(60), default="")
    source: Mapped[str] = mapped_column(String(20), default="manual")
    # Computed from the lunar calendar for a year without official data (预计); cleared
    # when the clerk confirms the year, replaced when the package brings the year.
    estimated: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class HolidayYear(Base):
    """A year whose holidays are complete in the table (imported or confirmed by the clerk)."""

    __tablename__ = "holiday_year"
    __table_args__ = (CheckConstraint(f"source IN {HOLIDAY_SOURCES!r}", name="source"),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    # True: the year was only pre-filled with estimates (not complete, not confirmed);
    # planning treats it as uncovered and the package's data replaces the estimates.
    estimated: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Updated in place since issue 18 (estimates confirmed or replaced): versioned.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class HolidayChange(Base):
    """One change of the holiday table applied with its effect on the duties.

    ``data`` (JSON) holds what undoing needs: the table's rows before and after for the
    changed days, the shifts removed (with their assignments, as they were) and the ids
    of the shifts added.
    """

    __tablename__ = "holiday_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    date_from: Mapped[date] = mapped_column(Date)
    date_to: Mapped[date] = mapped_column(Date)
    removed_count: Mapped[int] = mapped_column(Integer, default=0)
    added_count: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[str] = mapped_column(Text, default="{}")
    undone_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
