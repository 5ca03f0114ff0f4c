"""Engine, sessions and schema upgrades.

One :class:`Database` per open database owns the engine and the single
``sessionmaker``. Every user action, job or worker task is one unit of work::

    with db.session() as session:   # begins, commits or rolls back
        services.volunteers.create(session, ...)

Service functions take the session and never commit.
"""

from __future__ import annotations

import ast
import contextlib
import glob
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
from . import files as _files
from .errors import ConflictError, DatabaseError
from .paths import data_dir, sqlite_file_uri
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


# How long a SQLite write waits for another program's write lock before it gives up
# (``DatabaseError("database_busy")``); tests shorten it.
BUSY_TIMEOUT_S = 10.0


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cur.close()


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout."""
    sa_url = make_url(url)
    if sa_url.get_backend_name() == "sqlite":
        # hide_parameters: a failed statement's error text never quotes its values (names,
        # phones, ID numbers); it reaches logs and, as a last resort, messages.
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        if sa_url.database and sa_url.database != ":memory:":
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


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
    """Refuse files that are not SQLite databases before anything writes to them.

    A folder, a device or a pipe is not a database either (and must not be opened).
    """
    if not path.exists():
        return
    if not path.is_file():
        raise DatabaseError("not_a_database", path=str(path))
    if path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise DatabaseError("unreadable", path=str(path), reason=exc.strerror or type(exc).__name__) from None
    if header != SQLITE_HEADER:
        raise DatabaseError("not_a_database", path=str(path))


# PRAGMA quick_check on open at most once a day per file; the day is remembered here.
CHECK_MARKERS_DIRNAME = "checked"
# SQLite's result codes for a damaged file: SQLITE_CORRUPT and SQLITE_NOTADB.
_DAMAGE_CODES = frozenset({11, 26})


def is_damage(exc: BaseException) -> bool:
    """A SQLite error (raw or wrapped by SQLAlchemy) that says the file is damaged."""
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite3.DatabaseError):
        return False
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGE_CODES
    text = str(orig)
    return "malformed" in text or "not a database" in text


# SQLite's SQLITE_BUSY and SQLITE_LOCKED; PostgreSQL's lock_not_available (a lock_timeout),
# deadlock_detected and serialization_failure. PostgreSQL ends one of two transactions
# that wait on each other (two PCs putting one volunteer on two overlapping duties at the
# same moment wait on each other's exclusion-constraint check): for the one it ended,
# nothing was written and trying again is the answer, as for a lock held too long.
_BUSY_CODES = frozenset({5, 6})
_PG_BUSY_STATES = frozenset({"55P03", "40P01", "40001"})


def is_busy(exc: BaseException) -> bool:
    """A write that gave up waiting for another program's lock on the database."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.OperationalError):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in _BUSY_CODES
        return "database is locked" in str(orig) or "database table is locked" in str(orig)
    return getattr(orig, "sqlstate", None) in _PG_BUSY_STATES


def damaged_error(path: Path, reason: str) -> DatabaseError:
    """The error for a damaged database file: its path, what SQLite said and, when there
    is one, the newest nightly backup to recover from (``backup``)."""
    newest = newest_nightly_backup(path)
    extra = {"backup": str(newest)} if newest else {}
    # PRAGMA quick_check's first line names the schema ("*** in database main ***")
    lines = [x for x in reason.splitlines() if x.strip() and not x.startswith("***")] or ["damaged"]
    return DatabaseError("database_damaged", path=str(path), reason=lines[0][:200], **extra)


def newest_nightly_backup(path: Path) -> Path | None:
    """The newest nightly backup of the database file ``path``, if one is where the job
    puts them by default (``backups`` beside the file, or in the data directory).

    Files named as :data:`volunteer_app.jobs.jobs.BACKUP_RE` says; not imported from
    there, as that module brings the scheduler with it (a test checks they agree).
    """
    suffix = path.suffix or ".db"
    # Encrypted archives since issue 17.2 (NIGHTLY_SUFFIX), plain copies before.
    pattern = re.compile(rf"^{re.escape(path.stem)}-(\d{{8}}-\d{{6}})(?:{re.escape(suffix)}|\.vabak)$")
    found: list[tuple[str, Path]] = []
    for folder in {path.parent / "backups", data_dir() / "backups"}:
        try:
            found += [(m.group(1), p) for p in folder.iterdir()
                      if (m := pattern.match(p.name)) and p.is_file()]
        except OSError:
            continue
    return max(found)[1] if found else None


def _marker(path: Path) -> Path:
    import hashlib

    key = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return data_dir() / CHECK_MARKERS_DIRNAME / key


def _checked_today(path: Path) -> bool:
    try:
        return _marker(path).read_text(encoding="ascii").strip() == datetime.now().date().isoformat()
    except (OSError, ValueError):
        return False


def _remember_checked(path: Path) -> None:
    marker = _marker(path)
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        tmp = marker.with_name(f"{marker.name}.{os.getpid()}")
        tmp.write_text(datetime.now().date().isoformat(), encoding="ascii")
        os.replace(tmp, marker)
    except OSError:  # the check simply runs again next time
        pass


def forget_checked(path: Path) -> None:
    """Check ``path`` again when it is next opened (it was found damaged, or replaced)."""
    try:
        _marker(path).unlink()
    except OSError:
        pass


def check_integrity(path: Path, *, full: bool = True) -> None:
    """Read the whole SQLite file and raise ``DatabaseError("database_damaged")`` if it is
    damaged. ``full``: PRAGMA integrity_check (also indexes against their tables), else
    quick_check (the pages and their structure: about the cost of reading the file).

    Opens the file read-only: nothing is written, whoever's file it is. (A read-only
    connection to a WAL file makes its empty -wal and -shm files when nobody has it open;
    a damaged file gets them removed again, its folder left as it was.)
    """
    sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = [p.exists() for p in sidecars]
    try:
        con = sqlite3.connect(sqlite_file_uri(path, mode="ro"), uri=True, timeout=10)
        try:
            pragma = "integrity_check(1)" if full else "quick_check(1)"
            result = con.execute(f"PRAGMA {pragma}").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            forget_checked(path)
            _remove_made(sidecars, existed)
            raise damaged_error(path, str(exc)) from None
        raise DatabaseError("unreadable", path=str(path), reason=str(exc)) from None
    if result != "ok":
        forget_checked(path)
        _remove_made(sidecars, existed)
        raise damaged_error(path, result)


def _remove_made(sidecars: list[Path], existed: list[bool]) -> None:
    """Remove the -wal/-shm files a read-only look made (an empty -wal: nothing in them)."""
    wal = sidecars[0]
    if existed[0] or not wal.exists() or wal.stat().st_size:
        return
    for p, was in zip(sidecars, existed, strict=True):
        if not was:
            with contextlib.suppress(OSError):
                p.unlink()


def _look_before_open(path: Path, *, check: bool) -> None:
    """Read-only checks of an existing database file before anything may write to it.

    SQLite writes on open (journal mode WAL changes bytes 18-19 of the header): a file
    that is not ours must be refused first, from a read-only look. The schema is read
    with ``immutable=1`` (no -wal/-shm files made beside a stranger's file); a file with
    tables but no Alembic stamp is foreign. Ours gets PRAGMA quick_check once a day.
    """
    # A WAL file without its -wal file is open nowhere: read it as immutable, so that not
    # even the -wal/-shm files of a read-only connection appear beside a stranger's file.
    # Otherwise a plain read-only connection (it makes no files: a rollback-journal file
    # needs none, and a WAL file in use has them already) sees what writers committed.
    with path.open("rb") as fh:
        wal = fh.read(20)[18:20] == b"\x02\x02"
    params = {"mode": "ro", "immutable": "1"} if wal and not Path(f"{path}-wal").exists() else {"mode": "ro"}
    try:
        con = sqlite3.connect(sqlite_file_uri(path, **params), uri=True, timeout=10)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise damaged_error(path, str(exc)) from None
        raise DatabaseError("unreadable", path=str(path), reason=str(exc)) from None
    if tables - {"sqlite_sequence"} and VERSION_TABLE not in tables:
        raise DatabaseError("foreign_database", path=str(path))
    if check and not _checked_today(path):
        check_integrity(path, full=False)
        _remember_checked(path)


def backup_sqlite(path: Path, target: Path,
                  finish: Callable[[sqlite3.Connection], None] | None = None) -> Path:
    """Copy a live SQLite database consistently with SQLite's online backup API.

    The source is opened read-only (a missing one is not created); the copy is private
    (0600), a single file (rollback journal, not WAL), and written under a temporary
    name, so a failed or killed copy leaves nothing. ``finish(copy)`` may add to the
    copy before it gets its name.
    """
    if not path.is_file():
        raise DatabaseError("missing", path=str(path))
    with _files.atomic_output(target) as part:
        src = sqlite3.connect(sqlite_file_uri(path, mode="ro"), uri=True, timeout=10)
        try:
            dst = sqlite3.connect(str(part))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                if finish is not None:
                    finish(dst)
            finally:
                dst.close()
        finally:
            src.close()
    return target


def display_url(url: str) -> str:
    """A database URL with any password hidden (for titles, lists and messages).

    A SQLite file shows its path as it is (``sqlite:////办公室/志愿者.db``), not
    percent-encoded: for reading, not for opening.
    """
    sa_url = make_url(url)
    if sa_url.get_backend_name() == "sqlite" and sa_url.database:
        return f"{sa_url.drivername}:///{sa_url.database}"
    return sa_url.render_as_string(hide_password=True)


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
        A write that waited longer than the busy timeout for another program's lock is
        ``DatabaseError("database_busy")``.
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
            from .models.shifts import is_double_booking

            if is_double_booking(exc):  # a volunteer on two duties at once (moved, re-activated, ...)
                raise ConflictError("double_booking") from None
            # No driver text in the error: it carries the statement's parameters
            # (names, phones, ID numbers), which must not reach a message or a log.
            raise ConflictError("constraint") from exc
        except SADatabaseError as exc:
            if self.is_sqlite and is_damage(exc):  # met a damaged page: say so, check again
                path = sqlite_path(self.url)
                if path is not None:
                    raise damaged_error(path, str(exc.orig)) from None
            if is_busy(exc):
                # Another program held the write lock longer than the busy timeout. Nothing
                # of this unit of work was written; the driver's text (the statement and
                # its parameters) stays out of the error.
                raise DatabaseError("database_busy", path=str(sqlite_path(self.url) or self.display_name())) from None
            raise
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


def open_database(url: str, *, upgrade: bool = True, create: bool = True,
                  check: bool = True) -> Database:
    """Open (and by default create or upgrade) a database.

    An existing database at an older revision is copied to a timestamped backup beside
    it before it is upgraded. A database stamped with a revision this app does not know
    (written by a newer version) is refused untouched.

    A SQLite file is looked at read-only first: one that is not a database, not ours,
    damaged (``check``: PRAGMA quick_check, at most once a day per file) or read-only
    (its mode bits, whoever runs the app) is refused unchanged. Working folders that a
    killed restore or backup left beside it are removed.
    """
    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except (ArgumentError, NoSuchModuleError):  # empty, malformed or unknown: a typo, not a crash
        raise DatabaseError("bad_url", url=url) from None
    if "@" in (parsed.host or ""):
        # "u:p@ss@host": a password with an unencoded "@" would be taken partly for the
        # host name, and a driver's message would quote that part (issue 17.3).
        raise DatabaseError("bad_url", url=url) from None
    path = sqlite_path(url)
    if path is not None:
        if not create and not path.exists():
            raise DatabaseError("missing", path=str(path))
        check_sqlite_file(path)
        if path.exists() and path.stat().st_size > 0:
            _look_before_open(path, check=check)
        if path.exists() and _files.is_read_only(path):
            # SQLite would open it and fail at the first write (or the WAL), or, run by
            # root, write to a file its owner made read-only: say so now.
            raise DatabaseError("read_only", path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        # Private from the first byte (issue 17.3): SQLite makes a new file with the
        # umask's mode and gives its -wal/-shm files the database file's mode.
        if not path.exists():
            with contextlib.suppress(FileExistsError):
                _files.private_file(path)
        for own in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), path.parent / "backups"):
            _files.tighten(own)
        # Copies older versions left readable by all beside it (before an upgrade or a
        # restore): they hold the same personal data.
        with contextlib.suppress(OSError):
            for copy in path.parent.glob(f"{glob.escape(path.stem)}.before-*"):
                _files.tighten(copy)
        for folder in (path.parent, path.parent / "backups"):
            _files.sweep(folder)
        _files.sweep_legacy_temp()
    engine = make_engine(url)
    try:
        current = current_revisions(engine)
    except SADatabaseError as exc:
        engine.dispose()
        # display_url: the password masked by the parsed URL, whatever characters it has
        raise DatabaseError("unreadable", path=str(path) if path else display_url(url),
                            reason=str(exc.orig)) from None
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
            # display_url: a server's URL is shown in the message, never with its password
            raise DatabaseError("foreign_database", path=str(path) if path else display_url(url))
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
