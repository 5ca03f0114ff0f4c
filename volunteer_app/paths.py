"""Where the app keeps its files: per-user data directory via platformdirs.

Both folders hold personal data or secrets (the database, backups, safety copies, the
settings, the key files): they are made 0700 and tightened to it at start-up if an older
version left them open (:func:`volunteer_app.files.private_dir`). On Windows they are in
the user's profile (``%LOCALAPPDATA%``), readable by that user only.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "volunteer-app"
ENV_DB = "VOLUNTEER_APP_DB"


def data_dir() -> Path:
    """Per-user data directory (created on demand)."""
    from .files import private_dir

    return private_dir(Path(os.environ.get("VOLUNTEER_APP_DATA") or user_data_dir(APP_NAME, appauthor=False)))


def config_dir() -> Path:
    """Per-user configuration directory (created on demand)."""
    from .files import private_dir

    return private_dir(Path(os.environ.get("VOLUNTEER_APP_CONFIG") or user_config_dir(APP_NAME, appauthor=False)))


def default_db_url() -> str:
    """``$VOLUNTEER_APP_DB`` if set, else a SQLite file in the data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return env
    return sqlite_url(data_dir() / "volunteer.db")


def sqlite_url(path: Path | str) -> str:
    """SQLAlchemy URL of a SQLite file.

    Exactly what ``URL.create("sqlite", database=path).render_as_string()`` gives (a test
    checks), the path percent-encoded: ``%``, ``?`` and ``#`` are URL syntax, so pasted
    into a string ``备份%20旧.db`` would open ``备份 旧.db`` and ``a?b.db`` the file ``a``.
    ``make_url(sqlite_url(p)).database`` is ``p`` again. Spelled out with urllib rather
    than imported: the desktop computes its default database before the window shows,
    and SQLAlchemy costs 0.2 s to import.
    """
    from urllib.parse import quote

    database = str(Path(path).expanduser().resolve())
    return "sqlite:///" + quote(database, safe=" +/")  # as sqlalchemy.engine.URL renders it


def sqlite_file_uri(path: Path | str, **params: str) -> str:
    """SQLite's own ``file:`` URI of a path (for ``sqlite3.connect(..., uri=True)``), the
    path percent-encoded so that ``%``, ``?`` and ``#`` in a file name stay in the name."""
    from urllib.parse import quote, urlencode

    posix = Path(path).expanduser().resolve().as_posix()
    if not posix.startswith("/"):  # C:/... on Windows
        posix = "/" + posix
    query = f"?{urlencode(params)}" if params else ""
    return f"file:{quote(posix, safe='/:')}{query}"
