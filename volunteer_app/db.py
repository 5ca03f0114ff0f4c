"""Engine, sessions and schema upgrades.

One :class:`Database` per open database owns the engine and the single
``sessionmaker``. Every user action, job or worker task is one unit of work::

    with db.session() as session:   # begins, commits or rolls back
        services.volunteers.create(session, ...)

Service functions take the session and never commit.
"""

from __future__ import annotations

import ast
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from . import changes as _changes
from .errors import ConflictError, DatabaseError
from .security import audit as _audit  # noqa: F401  (registers the audit log's flush hooks)

_changes.install()

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
VERSION_TABLE = "alembic_version"
SQLITE_HEADER = b"SQLite format 3\x00"
# ``revision = "0002_shifts"`` / ``down_revision: str | None = "0001"`` at the top of a migration.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout."""
    sa_url = make_url(url)
    if sa_url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        if sa_url.database and sa_url.database != ":memory:":
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine | None = None) -> Config:
    """Alembic configuration pointing at the packaged migrations, no ini file needed."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revisions() -> frozenset[str]:
    """The newest migration revisions this version of the app knows (asks Alembic).

    Features add migrations that depend only on what they need, so there may be several
    heads; the database is always upgraded to all of them.
    """
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def read_migration_graph() -> dict[str, tuple[str, ...]] | None:
    """Each migration's revision and its down revisions, read from the files without Alembic.

    Opening a database whose schema is current then needs no Alembic at all (its import
    costs up to a second of every start). None when a file does not state both ids as
    plain literals: Alembic decides then. A test checks the result against Alembic's.
    """
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        if path.name.startswith(("_", ".")):
            continue
        try:
            found = {m[1]: ast.literal_eval(m[2])
                     for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8"))}
        except (OSError, ValueError, SyntaxError):
            return None
        rev, down = found.get("revision"), found.get("down_revision", ())
        if isinstance(down, str):
            down = (down,)
        elif down is None:
            down = ()
        if not isinstance(rev, str) or not isinstance(down, (tuple, list)) or rev in graph:
            return None
        graph[rev] = tuple(down)
    return graph


def cheap_head_revisions() -> frozenset[str] | None:
    """Heads of :func:`read_migration_graph` (revisions nothing builds on); None if unknown."""
    graph = read_migration_graph()
    if not graph:
        return None
    below = {d for downs in graph.values() for d in downs}
    return frozenset(rev for rev in graph if rev not in below)


def current_revisions(engine: Engine) -> frozenset[str]:
    """Revisions stamped in the database; empty for a new database.

    Plain SQL on Alembic's version table, as Alembic itself reads it.
    """
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return frozenset()
        return frozenset(r[0] for r in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")))


def sqlite_path(url: str) -> Path | None:
    """File path of a SQLite URL, None for other back ends or in-memory databases."""
    sa_url = make_url(url)
    if sa_url.get_backend_name() != "sqlite" or sa_url.database in (None, "", ":memory:"):
        return None
    return Path(sa_url.database)


def check_sqlite_file(path: Path) -> None:
    """Refuse files that are not SQLite databases before anything writes to them."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise DatabaseError("not_a_database", path=str(path))


def backup_sqlite(path: Path, target: Path) -> Path:
    """Copy a live SQLite database consistently with SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def display_url(url: str) -> str:
    """A database URL with any password hidden (for titles, lists and messages)."""
    return make_url(url).render_as_string(hide_password=True)


class Database:
    """An open database: engine, session factory, and the upgrade on open."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.Session = sessionmaker(engine, expire_on_commit=False)
        # The operator on whose behalf this process works (see security.permissions);
        # None = the single local user. Set after a login.
        self.actor = None
        self._listeners: list[Callable[[frozenset[str]], None]] = []

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception.

        A row changed by another clerk since it was read (its version counter moved on)
        surfaces as ``ConflictError("stale")``; a constraint the database refused (a
        unique number registered meanwhile by another PC) as ``ConflictError("constraint")``.
        Nothing of this unit of work is written then. After a commit, the topics it
        changed (see :mod:`volunteer_app.changes`) are announced to the subscribers.
        """
        try:
            with self.Session.begin() as session:
                if self.actor is not None:
                    session.info["actor"] = self.actor
                yield session
        except StaleDataError as exc:
            raise ConflictError("stale", reason=str(exc)) from exc
        except IntegrityError as exc:
            # No driver text in the error: it carries the statement's parameters
            # (names, phones, ID numbers), which must not reach a message or a log.
            raise ConflictError("constraint") from exc
        self.announce(_changes.changed(session))

    def subscribe(self, listener: Callable[[frozenset[str]], None]) -> None:
        """Call ``listener(topics)`` after every unit of work that changed something.

        The listener runs on the thread that committed (a worker, a job's thread): a
        front end hands the topics on to its own thread.
        """
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[frozenset[str]], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def announce(self, topics: frozenset[str]) -> None:
        """Tell the subscribers that ``topics`` changed (also for changes made outside a
        unit of work, e.g. a restore copying whole tables)."""
        if topics:
            for listener in list(self._listeners):
                listener(topics)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def display_name(self) -> str:
        """Database location with any password hidden."""
        return display_url(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, upgrade: bool = True, create: bool = True) -> Database:
    """Open (and by default create or upgrade) a database.

    An existing database at an older revision is copied to a timestamped backup beside
    it before it is upgraded. A database stamped with a revision this app does not know
    (written by a newer version) is refused untouched.
    """
    try:
        make_url(url).get_dialect()
    except (ArgumentError, NoSuchModuleError):  # empty, malformed or unknown: a typo, not a crash
        raise DatabaseError("bad_url", url=url) from None
    path = sqlite_path(url)
    if path is not None:
        if not create and not path.exists():
            raise DatabaseError("missing", path=str(path))
        check_sqlite_file(path)
        if path.exists() and not os.access(path, os.W_OK):
            # SQLite would open it and fail at the first write (or the WAL): say so now.
            raise DatabaseError("read_only", path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        current = current_revisions(engine)
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseError("unreadable", path=str(path or url), reason=str(exc.orig)) from exc
    if current and current == cheap_head_revisions():
        # Already at every head: nothing to refuse, back up or migrate, so Alembic is not
        # even imported. Anything else (new, older, unknown revisions) goes through it.
        return Database(url, engine)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    heads = frozenset(script.get_heads())
    for rev in current:
        try:
            known = script.get_revision(rev) is not None
        except Exception:
            known = False
        if not known:
            engine.dispose()
            raise DatabaseError("too_new", revision=rev)
    if upgrade and current != heads:
        if not current and _has_foreign_tables(engine):
            engine.dispose()
            raise DatabaseError("foreign_database", path=str(path or url))
        if current and path is not None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            label = "-".join(sorted(current))
            backup_sqlite(path, path.with_name(f"{path.stem}.before-{label}-{stamp}{path.suffix}"))
        # Imported only when there is something to migrate: alembic's command layer
        # (environment, autogenerate) costs ~0.3 s of start-up otherwise.
        from alembic import command

        command.upgrade(alembic_config(engine), "heads")
    return Database(url, engine)


def _has_foreign_tables(engine: Engine) -> bool:
    """An unstamped database that already has tables was not made by this app."""
    return bool(inspect(engine).get_table_names())
