"""ORM models. Import from here so every table is registered on ``Base.metadata``."""

from __future__ import annotations

from .base import Base
from .people import ROLES, TEAM_KINDS, Community, Grid, Membership, Team, Volunteer


def _register_all() -> None:
    """Import every model module so all tables are on ``Base.metadata`` (for Alembic).

    Feature modules (shifts, orders, ...) only need to live in this package.
    """
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")


_register_all()

__all__ = [
    "Base",
    "Community",
    "Grid",
    "Membership",
    "ROLES",
    "TEAM_KINDS",
    "Team",
    "Volunteer",
]
