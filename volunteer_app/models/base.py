"""Declarative base shared by every model module."""

from __future__ import annotations

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names so Alembic migrations behave the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Root of all ORM models."""

    metadata = MetaData(naming_convention=NAMING)


def sort_string(length: int) -> String:
    """A string column compared byte by byte on every back end.

    Pinyin sort keys must order the same on SQLite (binary by default) and PostgreSQL,
    whose default collation depends on the server's locale.
    """
    return String(length).with_variant(String(length, collation="C"), "postgresql")
