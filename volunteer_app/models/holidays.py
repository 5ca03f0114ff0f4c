"""The holiday table: statutory holidays and make-up working days, editable by the clerk.

Rows come from the ``chinese_calendar`` package for the years it covers and from the
clerk for the others; ``holiday_year`` records which years were imported or confirmed,
so a clerk's edits are never overwritten by a later import.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, Integer, String
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
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class HolidayYear(Base):
    """A year whose holidays are complete in the table (imported or confirmed by the clerk)."""

    __tablename__ = "holiday_year"
    __table_args__ = (CheckConstraint(f"source IN {HOLIDAY_SOURCES!r}", name="source"),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
