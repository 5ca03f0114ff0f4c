"""Where the app keeps its files: per-user data directory via platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "volunteer-app"
ENV_DB = "VOLUNTEER_APP_DB"


def data_dir() -> Path:
    """Per-user data directory (created on demand)."""
    path = Path(os.environ.get("VOLUNTEER_APP_DATA") or user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Per-user configuration directory (created on demand)."""
    path = Path(
        os.environ.get("VOLUNTEER_APP_CONFIG") or user_config_dir(APP_NAME, appauthor=False)
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    """``$VOLUNTEER_APP_DB`` if set, else a SQLite file in the data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return env
    return sqlite_url(data_dir() / "volunteer.db")


def sqlite_url(path: Path | str) -> str:
    """SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"
