"""Operators (accounts), app-wide settings and the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
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

OPERATOR_ROLES = ("administrator", "coordinator", "clerk", "captain")


class Operator(Base):
    """A person who may log in. Captains are tied to their team."""

    __tablename__ = "operator"
    __table_args__ = (CheckConstraint(f"role IN {OPERATOR_ROLES!r}", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40), default="")
    role: Mapped[str] = mapped_column(String(14))
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), nullable=True
    )
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AppSetting(Base):
    """Settings that belong to the database (shared by every PC), not to one PC."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    # Optimistic locking (migration 0011): every row the services update carries one.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class AuditEntry(Base):
    """Who did what, when, with the changed fields (ID numbers masked).

    Append-only: the app has no service that edits or deletes entries, and database
    triggers refuse UPDATE and DELETE on this table. Whoever drops the triggers is found
    out by the chain of keyed hashes (security.chain: ``volunteer-app audit verify``).
    """

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    operator_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    operator: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(20), index=True)
    entity: Mapped[str] = mapped_column(String(40), default="", index=True)
    entity_id: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[str] = mapped_column(Text, default="")  # JSON: {field: [old, new]}
    # JSON {table: {key: row or null}}: the protected rows (security.chain.PROTECTED) as
    # this entry's unit of work committed them; NULL for entries about other things.
    state: Mapped[str | None] = mapped_column(Text, nullable=True)
    # HMAC of this entry's content and the previous entry's mac (security.chain).
    mac: Mapped[str | None] = mapped_column(String(64), nullable=True)


class AuditChain(Base):
    """The head of the audit log's chain: its last entry, keyed (one row, ``id`` 1).

    Entries removed from the end of the log leave the head pointing past them.
    """

    __tablename__ = "audit_chain"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    last_mac: Mapped[str] = mapped_column(String(64), default="")
    mac: Mapped[str] = mapped_column(String(64), default="")
    # Keyed hash of every app_setting (key, value) as last committed by the app: a setting
    # changed behind its back is noticed on every unit of work (permissions.accounts_enabled).
    settings_mac: Mapped[str] = mapped_column(String(64), default="")
