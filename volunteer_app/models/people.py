"""Community, grids, volunteers, teams and memberships: the registers clerks keep."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, sort_string

TEAM_KINDS = ("patrol", "civility", "publicity", "cleanup", "rider", "other")
ROLES = ("captain", "deputy", "member")


class Community(Base):
    """The community office itself; one row."""

    __tablename__ = "community"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    service_hall_phone: Mapped[str] = mapped_column(String(40), default="")
    service_hall_hours: Mapped[str] = mapped_column(String(100), default="")
    timezone: Mapped[str] = mapped_column(String(60), default="Asia/Shanghai")
    # Optimistic locking (migration 0011): every row the services update carries one.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class Grid(Base):
    """A grid (网格) with its leader and the "1+3" people around the leader."""

    __tablename__ = "grid"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    area: Mapped[str] = mapped_column(Text, default="")
    leader_name: Mapped[str] = mapped_column(String(40), default="")
    leader_phone: Mapped[str] = mapped_column(String(20), default="")
    worker_name: Mapped[str] = mapped_column(String(40), default="")
    worker_phone: Mapped[str] = mapped_column(String(20), default="")
    police_name: Mapped[str] = mapped_column(String(40), default="")
    police_phone: Mapped[str] = mapped_column(String(20), default="")
    instructor_name: Mapped[str] = mapped_column(String(40), default="")
    instructor_phone: Mapped[str] = mapped_column(String(20), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Volunteer(Base):
    """A registered volunteer. Leaving deactivates; rows with history are never deleted."""

    __tablename__ = "volunteer"
    __table_args__ = (
        CheckConstraint("gender IN ('male', 'female')", name="gender"),
        UniqueConstraint("mobile", name="uq_volunteer_mobile"),
        # The register lists active volunteers in pinyin order: one index serves both.
        Index("ix_volunteer_active_sort", "active", "sort_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    gender: Mapped[str | None] = mapped_column(String(6), nullable=True)
    mobile: Mapped[str] = mapped_column(String(11))
    # The ID-card number, encrypted (security.id_numbers; migration 0012): never in plaintext.
    id_number_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # Keyed hash (HMAC-SHA256, hex) of the number: duplicates and full-number search.
    id_number_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    # Its last four characters: the masked form, shown also where the key is missing.
    id_number_last4: Mapped[str | None] = mapped_column(String(4), nullable=True)
    grid_id: Mapped[int | None] = mapped_column(
        ForeignKey("grid.id", ondelete="SET NULL"), nullable=True, index=True
    )
    political_status: Mapped[str] = mapped_column(String(20), default="")
    party_household: Mapped[bool] = mapped_column(Boolean, default=False)
    occupation: Mapped[str] = mapped_column(String(100), default="")
    skills: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    joined_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    left_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Derived from name, kept in the row so search and pinyin sort run in SQL.
    sort_key: Mapped[str] = mapped_column(sort_string(200), default="", index=True)
    search_text: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    version: Mapped[int] = mapped_column(Integer, default=1)

    grid: Mapped[Grid | None] = relationship()
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class Team(Base):
    """A volunteer team; branch teams point at the umbrella team through ``parent_id``."""

    __tablename__ = "team"
    __table_args__ = (CheckConstraint(f"kind IN {TEAM_KINDS!r}", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(12), default="other")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), nullable=True
    )
    colour: Mapped[str] = mapped_column(String(9), default="#c0392b")
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="team", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class Membership(Base):
    """A volunteer's place in a team, with role and since-date."""

    __tablename__ = "membership"
    __table_args__ = (CheckConstraint(f"role IN {ROLES!r}", name="role"),)

    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True
    )
    team_id: Mapped[int] = mapped_column(
        ForeignKey("team.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(8), default="member")
    since: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Optimistic locking (migration 0011): every row the services update carries one.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    volunteer: Mapped[Volunteer] = relationship(back_populates="memberships")
    team: Mapped[Team] = relationship(back_populates="memberships")

    __mapper_args__ = {"version_id_col": version}
