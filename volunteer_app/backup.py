"""Backup and restore of a whole database.

Two formats:

* ``.db`` / ``.sqlite``: a SQLite database file. Made from a SQLite database with
  SQLite's online backup API (consistent while the app runs).
* ``.vabak`` (any other name too): the app's own logical archive, a zip holding
  ``manifest.json`` (app marker, schema revisions, per-table row counts and SHA-256)
  and one JSON-lines file per table. Made from any back end, so an office can move
  from SQLite to a shared PostgreSQL server by backing up on one and restoring on the
  other.

Restore checks the source first — a damaged, truncated or foreign file, one written by
a newer app version, or an archive that leaves out a table of its schema, is refused
with a typed error and nothing is changed. It then loads the source into a staging SQLite
database in a private working folder beside the target (:mod:`volunteer_app.files`),
upgrades that to this app's schema, checks its foreign keys, and replaces every row of
the target in ONE transaction: lifting the audit log's append-only triggers, deferring
foreign keys, the safety copy of what is replaced (SQLite) and the audit entry of the
restore all happen inside it, so a restore that fails or is killed at any point leaves
the database, its triggers and its pragmas exactly as they were.

A backup is written under a temporary name and becomes the file only when complete; the
source is checked first (PRAGMA integrity_check) and a damaged database is not backed up.
The audit log records a backup once it exists. Errors say what happened by code: no SQL
text or statement parameters (names, phones, ID numbers) reach a message.
"""

from __future__ import annotations

import base64
import errno
import functools
import hashlib
import json
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from . import changes
from .backup_access import (
    BackupPlan,
    keep_password_hashes,
    plain_source,
    plan_backup,
    put_back_password_hashes,
    strip_row,
)
from .backup_crypto import encrypt_file, is_encrypted
from .db import (
    SQLITE_HEADER,
    Database,
    alembic_config,
    backup_sqlite,
    check_integrity,
    current_revisions,
    damaged_error,
    is_busy,
    is_damage,
    make_engine,
    open_database,
    sqlite_path,
)
from .errors import DatabaseError
from .files import atomic_output, output_problem, private_file, sweep, work_dir
from .models import Base
from .paths import sqlite_file_uri, sqlite_url
from .security import audit
from .security.permissions import require

APP_MARKER = "volunteer-app"
ARCHIVE_FORMAT = 1
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
# Limits on what an archive may make us read: a manifest, one row, and how far a member
# may inflate (deflate reaches ~1000:1 on a "zip bomb"; real tables stay below 20:1).
MAX_MANIFEST_BYTES = 16 << 20
MAX_LINE_BYTES = 16 << 20
MAX_INFLATION = 100


def app_tables() -> list[Table]:
    """The app's tables in dependency order (parents first)."""
    return list(Base.metadata.sorted_tables)


# --- value encoding for the logical archive -------------------------------------------

def _encode(value: object) -> object:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, time):
        return {"t": value.isoformat()}
    if isinstance(value, Decimal):
        return {"dec": str(value)}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"b64": base64.b64encode(bytes(value)).decode()}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict) and len(value) == 1:
        (kind, raw), = value.items()
        if kind == "dt":
            return datetime.fromisoformat(raw)
        if kind == "d":
            return date.fromisoformat(raw)
        if kind == "t":
            return time.fromisoformat(raw)
        if kind == "dec":
            return Decimal(raw)
        if kind == "b64":
            return base64.b64decode(raw)
    return value


# --- making backups ----------------------------------------------------------------------

def check_output(output: Path, database: Path | None = None) -> None:
    """Refuse a backup target that must not be replaced: a folder, a device (writing to
    ``/dev/full`` and renaming over it replaced the device node), a read-only file, or
    the database itself (or its -wal, -shm, -journal file)."""
    problem = output_problem(output)
    if problem == "not_a_file":
        raise DatabaseError("output_not_file", path=str(output))
    if problem == "read_only":
        raise DatabaseError("output_read_only", path=str(output))
    if database is not None:
        # Renamed over its -wal file, a backup would wipe transactions not yet in the file.
        own = [database, *(database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal"))]
        if any(output.exists() and p.exists() and os.path.samefile(output, p) for p in own) or \
                output.resolve() in [p.resolve() for p in own]:
            raise DatabaseError("output_is_database", path=str(output))


def write_failure(exc: BaseException, path: Path) -> DatabaseError:
    """A typed error for a failed write of ``path``: no driver text, no SQL, no values."""
    orig = getattr(exc, "orig", exc)
    full = (isinstance(orig, OSError) and orig.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)) or (
        isinstance(orig, sqlite3.Error) and (getattr(orig, "sqlite_errorcode", 0) or 0) & 0xFF == 13) or (
        getattr(orig, "sqlstate", None) == "53100")  # PostgreSQL's disk_full
    if full:
        return DatabaseError("disk_full", path=str(path))
    if isinstance(orig, OSError):
        return DatabaseError("output_unwritable", path=str(path), reason=orig.strerror or type(orig).__name__)
    if isinstance(orig, sqlite3.Error):
        return DatabaseError("output_unwritable", path=str(path),
                             reason=getattr(orig, "sqlite_errorname", None) or type(orig).__name__)
    return DatabaseError("output_unwritable", path=str(path), reason=type(orig).__name__)


def create_backup(db: Database, output: Path, *, passphrase: str | None = None) -> dict:
    """Write a backup of ``db`` to ``output``; returns row counts per table.

    Who may make which backup, and how an archive is encrypted (``passphrase``, else the
    database key), is :mod:`volunteer_app.backup_access`'s.

    A SQLite database is checked whole first (PRAGMA integrity_check): a damaged one is
    refused (``database_damaged``), never copied over a good backup. The backup is made
    in one transaction that also writes its audit entry (so the backup holds the entry
    that records it): the entry is committed only once the file is complete and in
    place. A failed or killed backup leaves neither a file nor an entry. On SQLite that
    transaction holds the write lock while the copy is made (others wait; ~4 s for an
    archive of 100,000 volunteers, under a second for a .db copy).
    """
    output = Path(output)
    as_sqlite = output.suffix.lower() in SQLITE_SUFFIXES
    with db.session() as s:
        plan = plan_backup(s, as_sqlite=as_sqlite, passphrase=passphrase)
    src = sqlite_path(db.url)
    check_output(output, src)
    if as_sqlite and src is None:
        raise DatabaseError("backup_format", path=str(output), reason="sqlite_only")
    if src is not None:
        check_integrity(src, full=True)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        sweep(output.parent)  # what a killed backup left there
        with db.engine.connect() as conn:
            if db.engine.dialect.name == "postgresql":
                # every table from the same moment
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
                conn.begin()  # now: the audit entry's savepoint must be inside it
            else:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            _record(conn, db, "backup", str(output))
            if as_sqlite:
                # The online backup copies what is committed (another connection): the
                # entry, not yet committed, is added to the copy before it is renamed.
                backup_sqlite(src, output, finish=lambda copy: _carry_audit_over(conn, copy))
                counts = _count_rows_sqlite(output)
            else:
                counts = _archive_from(conn, db.engine.dialect.name, output, plan)
            conn.commit()
    except DatabaseError:
        raise
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
        if is_busy(exc):  # a restore or a long write of another program holds the database
            raise DatabaseError("database_busy", path=str(src or db.display_name())) from None
        raise write_failure(exc, output) from None
    return counts


def _record(conn: Connection, db: Database, action: str, summary: str, changes_: dict | None = None) -> int:
    """Write an audit entry in the transaction of ``conn`` (a savepoint of it); its id."""
    from .models.accounts import AuditEntry

    with Session(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False) as session:
        if db.actor is not None:
            session.info["actor"] = db.actor
        entry: AuditEntry | None = audit.record(session, action, "", "", summary, changes_)
        if entry is None:  # an audit log that adds its entry to the session at once
            entry = next(o for o in session.new if isinstance(o, AuditEntry))
        # Chains the entry into the audit log (it gets its id then) and releases the
        # savepoint; the entry commits with the transaction.
        session.commit()
    return entry.id


def _carry_audit_over(conn: Connection, copy: sqlite3.Connection) -> None:
    """Put into a copy of the committed database what this transaction added to the
    audit log: its entries and the chain's head (``audit_chain``, when there is one)."""
    have = copy.execute("SELECT coalesce(max(id), 0) FROM audit_entry").fetchone()[0]
    tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    todo = [("audit_entry", "SELECT * FROM audit_entry WHERE id > ? ORDER BY id", (have,))]
    if "audit_chain" in tables:
        copy.execute("DELETE FROM audit_chain")
        todo.append(("audit_chain", "SELECT * FROM audit_chain", ()))
    for table, query, params in todo:
        for row in conn.exec_driver_sql(query, params).mappings():
            cols = ", ".join(f'"{c}"' for c in row)
            copy.execute(f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(row))})',
                         list(row.values()))
    copy.commit()


def _count_rows_sqlite(path: Path) -> dict:
    # immutable: a file just written and open nowhere (no -wal/-shm files appear beside it)
    con = sqlite3.connect(sqlite_file_uri(path, mode="ro", immutable="1"), uri=True)
    try:
        return {t.name: con.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in app_tables()}
    finally:
        con.close()


def write_key_archive(db: Database, output: Path, database_id: str) -> dict:
    """An archive of ``db`` encrypted with the database key (``database_id``'s), from a
    read transaction of its own: the nightly backup (issue 17.2). Not audited, like the
    plain copies it replaces; password hashes included (it stands in for the database
    file itself, and opens only where the database key is)."""
    from .backup_crypto import Secret

    plan = BackupPlan(True, Secret(database_id=database_id), True)
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            return _archive_from(conn, db.engine.dialect.name, output, plan)


def _archive_from(conn: Connection, backend: str, output: Path, plan: BackupPlan | None = None) -> dict:
    """Write the archive of what ``conn``'s transaction sees; the file appears complete.

    With a ``plan`` that has a secret, the archive is made in a private working folder of
    the data directory and only its encryption is written to ``output`` (a plaintext
    temporary file never touches the USB stick). Without a plan (the safety copy a
    server's restore keeps in the data directory) it is written as it is.
    """
    if plan is None or plan.secret is None:
        with atomic_output(output) as tmp:
            return _write_zip(conn, backend, tmp, password_hashes=True)
    from .paths import data_dir

    sweep(data_dir())  # plaintext a killed backup left there
    with work_dir(data_dir()) as work:
        plain = private_file(work / "plain.vabak")
        counts = _write_zip(conn, backend, plain, password_hashes=plan.password_hashes)
        with atomic_output(output) as tmp:
            encrypt_file(plain, tmp, plan.secret)
    return counts


def _write_zip(conn: Connection, backend: str, path: Path, *, password_hashes: bool) -> dict:
    counts: dict[str, int] = {}
    tables_meta: dict[str, dict] = {}
    revisions = sorted(current_revisions_conn(conn))
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for table in app_tables():
            digest = hashlib.sha256()
            n = 0
            with zf.open(f"tables/{table.name}.jsonl", "w") as fh:
                cols = [c.name for c in table.columns]
                order = [table.c[c.name] for c in table.primary_key.columns]
                for row in conn.execute(select(table).order_by(*order)):
                    if not password_hashes:
                        row = strip_row(table.name, cols, row)
                    line = json.dumps([_encode(v) for v in row], ensure_ascii=False).encode() + b"\n"
                    digest.update(line)
                    fh.write(line)
                    n += 1
            counts[table.name] = n
            tables_meta[table.name] = {"columns": cols, "rows": n, "sha256": digest.hexdigest()}
        manifest = {
            "app": APP_MARKER, "format": ARCHIVE_FORMAT, "revisions": revisions,
            "created": datetime.now().isoformat(timespec="seconds"),
            "source_backend": backend, "tables": tables_meta, "password_hashes": password_hashes,
        }
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return counts


def current_revisions_conn(conn: Connection) -> frozenset[str]:
    from alembic.runtime.migration import MigrationContext

    return frozenset(MigrationContext.configure(conn).get_current_heads())


# --- checking and restoring ------------------------------------------------------------------

def inspect_backup(source: Path, passphrase: str | None = None) -> dict:
    """Check a backup file without changing anything; returns its manifest-like summary.

    Every row is read (and decoded) and every table of the backup's schema revision must
    be there with its columns: what passes here restores. Raises DatabaseError with code
    ``backup_missing``, ``backup_unreadable``, ``backup_damaged``, ``backup_foreign`` or
    ``too_new``; a file that cannot be parsed is ``backup_damaged``, whatever the reason.
    """
    source = Path(source)
    if not source.is_file():
        raise DatabaseError("backup_missing", path=str(source))
    try:
        with source.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise DatabaseError("backup_unreadable", path=str(source), reason=exc.strerror) from None
    if is_encrypted(source):
        from .backup_crypto import read_header

        kdf = read_header(source)["kdf"]["name"]
        with plain_source(source, passphrase) as plain:
            info = _inspect_archive(plain)
        return {**info, "encrypted": "passphrase" if kdf == "argon2id" else "database_key"}
    if head == SQLITE_HEADER:
        return _inspect_sqlite(source)
    if head[:2] == b"PK":
        return _inspect_archive(source)
    raise DatabaseError("backup_foreign", path=str(source))


def _known_revision(rev: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(rev) is not None
    except Exception:
        return False


def schema_tables(revisions: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Every table (and its columns) of the schema at ``revisions``: what a backup of
    that schema holds."""
    return {t: frozenset(cols) for t, cols in schema_columns(revisions).items()}


@functools.lru_cache(maxsize=8)
def schema_columns(revisions: tuple[str, ...]) -> dict[str, dict[str, tuple[type | None, bool]]]:
    """Table -> column -> (Python type of its values or None if any, nullable) of the
    schema at ``revisions``, built by the migrations in a database in memory (~0.3 s)."""
    from alembic import command
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.pool import StaticPool

    def kind(sa_type: object) -> type | None:
        try:
            return sa_type.python_type  # type: ignore[attr-defined]
        except (NotImplementedError, AttributeError):
            return None

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        for rev in revisions:
            command.upgrade(alembic_config(engine), rev)
        found = inspect(engine)
        return {t: {c["name"]: (kind(c["type"]), bool(c["nullable"])) for c in found.get_columns(t)}
                for t in found.get_table_names() if t != "alembic_version"}
    finally:
        engine.dispose()


def _fits(value: object, kind: type | None) -> bool:
    """A decoded archive value can go into a column of that Python type."""
    if kind is None or value is None:
        return True
    if isinstance(value, bool):
        return kind in (bool, int)
    if kind is bool:
        return value in (0, 1)
    if kind is int:
        return isinstance(value, int)
    if kind in (float, Decimal):
        return isinstance(value, int | float | Decimal)
    if kind is date:
        return isinstance(value, date)
    return isinstance(value, kind)


def _check_revisions(revisions: object, source: Path) -> tuple[str, ...]:
    if not isinstance(revisions, list) or not revisions or not all(isinstance(r, str) for r in revisions):
        raise DatabaseError("backup_damaged", path=str(source), reason="revisions")
    for rev in revisions:
        if not _known_revision(rev):
            raise DatabaseError("too_new", revision=rev)
    return tuple(sorted(revisions))


def _read_only_uri(path: Path) -> str:
    # immutable (no locks, no -wal/-shm files made) only when no -wal file says the file
    # is in use; a backup copy is a closed file.
    if Path(f"{path}-wal").exists():
        return sqlite_file_uri(path, mode="ro")
    return sqlite_file_uri(path, mode="ro", immutable="1")


def _inspect_sqlite(source: Path) -> dict:
    try:
        con = sqlite3.connect(_read_only_uri(source), uri=True, timeout=10)
        try:
            ok = con.execute("PRAGMA integrity_check(1)").fetchone()[0]
            if ok != "ok":
                raise DatabaseError("backup_damaged", path=str(source), reason="integrity_check")
            columns: dict[str, set[str]] = {}
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall():
                quoted = name.replace('"', '""')
                columns[name] = {r[1] for r in con.execute(f'PRAGMA table_info("{quoted}")')}
            if "alembic_version" not in columns or "volunteer" not in columns:
                raise DatabaseError("backup_foreign", path=str(source))
            revisions = [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
            revs = _check_revisions(revisions, source)
            expected = schema_tables(revs)
            for name, cols in expected.items():
                if name not in columns or not cols <= columns[name]:
                    raise DatabaseError("backup_damaged", path=str(source), reason=f"table {name}")
            counts = {}
            for name in sorted(expected):
                quoted = name.replace('"', '""')
                counts[name] = con.execute(f'SELECT count(*) FROM "{quoted}"').fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        reason = "damaged" if is_damage(exc) else type(exc).__name__
        raise DatabaseError("backup_damaged", path=str(source), reason=reason) from None
    return {"format": "sqlite", "revisions": list(revs), "rows": counts, "password_hashes": True,
            "encrypted": None}


def _inspect_archive(source: Path) -> dict:
    where = "zip"  # named as the reason when reading fails
    try:
        with zipfile.ZipFile(source) as zf:
            where = "manifest.json"
            manifest = _read_manifest(zf, source)
            revisions = _check_revisions(manifest.get("revisions"), source)
            tables = manifest.get("tables")
            if not isinstance(tables, dict):
                raise DatabaseError("backup_damaged", path=str(source), reason="manifest")
            expected = schema_columns(revisions)
            if set(tables) != set(expected):  # a table left out would be emptied by a restore
                missing = sorted(set(expected) - set(tables)) or sorted(set(tables) - set(expected))
                raise DatabaseError("backup_damaged", path=str(source), reason=f"table {missing[0]}")
            rows: dict[str, int] = {}
            for name in sorted(tables):
                where = f"tables/{name}.jsonl"
                rows[name] = _check_table(zf, source, name, tables[name], expected[name])
    except DatabaseError:
        raise
    except Exception:  # zlib, zip, JSON, Unicode, value errors: all mean a damaged file
        raise DatabaseError("backup_damaged", path=str(source), reason=where) from None
    created = manifest.get("created")
    hashes = manifest.get("password_hashes", True)
    if not isinstance(hashes, bool):
        raise DatabaseError("backup_damaged", path=str(source), reason="manifest.json")
    return {"format": "archive", "revisions": list(revisions), "rows": rows,
            "created": created if isinstance(created, str) else None, "password_hashes": hashes,
            "encrypted": None}


def _member(zf: zipfile.ZipFile, source: Path, name: str, limit: int | None = None) -> zipfile.ZipInfo:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise DatabaseError("backup_damaged", path=str(source), reason=f"missing {name}") from None
    inflated = info.file_size > MAX_INFLATION * info.compress_size + (1 << 20)
    if inflated or (limit is not None and info.file_size > limit):
        raise DatabaseError("backup_damaged", path=str(source), reason=f"size of {name}")
    return info


def _read_manifest(zf: zipfile.ZipFile, source: Path) -> dict:
    if "manifest.json" not in zf.namelist():
        raise DatabaseError("backup_foreign", path=str(source))
    manifest = json.loads(zf.read(_member(zf, source, "manifest.json", MAX_MANIFEST_BYTES)))
    if not isinstance(manifest, dict) or manifest.get("app") != APP_MARKER:
        raise DatabaseError("backup_foreign", path=str(source))
    if manifest.get("format") != ARCHIVE_FORMAT:
        raise DatabaseError("too_new", revision=f"format {manifest.get('format')}")
    return manifest


def _lines(zf: zipfile.ZipFile, info: zipfile.ZipInfo, source: Path) -> Iterator[bytes]:
    """The lines of a table file, none longer than MAX_LINE_BYTES (a bomb without line
    breaks is not read into memory); the CRC is checked at the end by zipfile."""
    with zf.open(info) as fh:
        while line := fh.readline(MAX_LINE_BYTES + 1):
            if len(line) > MAX_LINE_BYTES:
                raise DatabaseError("backup_damaged", path=str(source), reason=f"line of {info.filename}")
            yield line


def _check_table(zf: zipfile.ZipFile, source: Path, name: str, meta: object,
                 expected: dict[str, tuple[type | None, bool]]) -> int:
    """Read one table file whole: row count and checksum as the manifest says, every row
    as many values as the columns, every value decodable and of its column's type (NULL
    only where the column allows it). Returns the row count."""
    if not isinstance(meta, dict):
        raise DatabaseError("backup_damaged", path=str(source), reason=f"manifest {name}")
    cols, rows, sha = meta.get("columns"), meta.get("rows"), meta.get("sha256")
    if (not isinstance(cols, list) or len(set(cols)) != len(cols) or set(cols) != set(expected)
            or not isinstance(rows, int) or isinstance(rows, bool) or not isinstance(sha, str)):
        raise DatabaseError("backup_damaged", path=str(source), reason=f"columns of {name}")
    types = [expected[c] for c in cols]
    info = _member(zf, source, f"tables/{name}.jsonl")
    digest = hashlib.sha256()
    n = 0
    for line in _lines(zf, info, source):
        digest.update(line)
        n += 1
        if n > rows:
            break
        row = json.loads(line)
        if not isinstance(row, list) or len(row) != len(cols):
            raise DatabaseError("backup_damaged", path=str(source), reason=f"row {n} of {name}")
        for col, (kind, nullable), value in zip(cols, types, row, strict=True):
            value = _decode(value)
            if (value is None and not nullable) or not _fits(value, kind):
                raise DatabaseError("backup_damaged", path=str(source), reason=f"{name}.{col}, row {n}")
    if n != rows or digest.hexdigest() != sha:
        raise DatabaseError("backup_damaged", path=str(source), reason=name)
    return n


def _archive_rows(zf: zipfile.ZipFile, name: str, source: Path) -> Iterator[list]:
    for line in _lines(zf, zf.getinfo(f"tables/{name}.jsonl"), source):
        yield [_decode(v) for v in json.loads(line)]


def _staging_from_archive(source: Path, staging: Path, revisions: list[str]) -> None:
    """Rebuild the archive's database, at its own schema revisions, as a SQLite file."""
    from alembic import command

    engine = make_engine(sqlite_url(staging))
    try:
        for rev in revisions:
            command.upgrade(alembic_config(engine), rev)
        from sqlalchemy import MetaData

        meta = MetaData()
        meta.reflect(engine)
        with zipfile.ZipFile(source) as zf, engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # a connection's setting: before BEGIN
            conn.exec_driver_sql("BEGIN")
            # The staged database holds the archive's rows and nothing else: rows the
            # migrations seeded (settings, the audit chain's start) go, with the triggers
            # that would guard them or act on the load, which come back afterwards.
            triggers = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type='trigger'").all()
            for name, _sql in triggers:
                conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
            for table in reversed(meta.sorted_tables):
                if table.name != "alembic_version":
                    conn.execute(delete(table))
            manifest = json.loads(zf.read("manifest.json"))
            for name, tmeta in manifest["tables"].items():
                if name not in meta.tables:
                    raise DatabaseError("backup_damaged", path=str(source), reason=name)
                table = meta.tables[name]
                cols = tmeta["columns"]
                batch: list[dict] = []
                for row in _archive_rows(zf, name, source):
                    batch.append(dict(zip(cols, row, strict=True)))
                    if len(batch) >= 2000:
                        conn.execute(insert(table), batch)
                        batch = []
                if batch:
                    conn.execute(insert(table), batch)
            for _name, sql in triggers:
                conn.exec_driver_sql(sql)
            conn.commit()
    finally:
        engine.dispose()


def _stage(source: Path, info: dict, work: Path) -> Database:
    """The checked backup rebuilt as a SQLite database in ``work``, upgraded to this app's
    schema, its foreign keys checked; a backup that does not load is ``backup_damaged``."""
    staging = work / "staging.db"
    try:
        if info["format"] == "sqlite":
            backup_sqlite(source, staging)
        else:
            _staging_from_archive(source, private_file(staging), info["revisions"])
        staged = open_database(sqlite_url(staging), check=False)  # upgrades an older backup
    except DatabaseError:
        raise
    except Exception as exc:  # a value the schema refuses (a duplicate key, ...)
        if isinstance(exc, OSError | SQLAlchemyError | sqlite3.Error):
            failure = write_failure(exc, staging)
            if failure.code == "disk_full":
                raise failure from None
        raise DatabaseError("backup_damaged", path=str(source), reason=type(exc).__name__) from None
    try:
        _check_staged(staged, source)
    except BaseException:
        staged.dispose()
        raise
    return staged


def verify_backup(source: Path, passphrase: str | None = None) -> dict:
    """:func:`inspect_backup`, then load the backup as a restore would (in a private
    working folder in the data directory, removed afterwards), changing nothing else:
    what passes this restores. Returns the summary of :func:`inspect_backup`."""
    from .paths import data_dir

    with plain_source(Path(source), passphrase) as plain:
        info = inspect_backup(source, passphrase) if plain == Path(source) else {
            **inspect_backup(plain), "encrypted": _encryption(Path(source))}
        with work_dir(data_dir()) as work:
            _stage(plain, info, work).dispose()
    return info


def _encryption(source: Path) -> str:
    from .backup_crypto import read_header

    return "passphrase" if read_header(source)["kdf"]["name"] == "argon2id" else "database_key"


def _check_staged(staged: Database, source: Path) -> None:
    """The staged backup holds together: every foreign key finds its row (a backup with
    a dangling one would fail half-way through the copy, or at its commit)."""
    with staged.engine.connect() as conn:
        dangling = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
    if dangling is not None:
        raise DatabaseError("backup_damaged", path=str(source), reason=f"foreign key of {dangling[0]}")


def restore_backup(db: Database, source: Path, passphrase: str | None = None) -> dict:
    """Replace every row of ``db`` with the backup's, in one transaction.

    Returns the row counts restored. What is replaced is kept as a safety copy beside a
    SQLite target (taken inside the transaction, so it is exactly what was replaced) or
    as an archive in the data directory for a server; its path is under ``"safety_copy"``.
    The staging copy lives in a private working folder beside the target, removed on
    every way out (and by the next open after a kill).
    """
    source = Path(source)
    with db.session() as s:
        require(s, "restore")
    with plain_source(source, passphrase) as plain:
        return _restore_plain(db, source, plain)


def _restore_plain(db: Database, source: Path, plain: Path) -> dict:
    """:func:`restore_backup` of a backup file (decrypted already: ``plain``)."""
    info = inspect_backup(plain)
    target_path = sqlite_path(db.url)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if target_path is not None:
        safety = target_path.with_name(f"{target_path.stem}.before-restore-{stamp}{target_path.suffix}")
        work_parent = target_path.parent
    else:
        from .paths import data_dir

        safety = data_dir() / "backups" / f"before-restore-{stamp}.vabak"
        work_parent = data_dir()
    safety = _unused(safety)
    with work_dir(work_parent) as work:
        staged = _stage(plain, info, work)
        try:
            counts = _copy_all(staged, db, source=source, safety=safety,
                               safety_from=target_path, password_hashes=info["password_hashes"])
        finally:
            staged.dispose()
    db.announce(changes.ALL)  # whole tables were replaced outside the ORM's bookkeeping
    return {"rows": counts, "safety_copy": str(safety)}


def _unused(path: Path) -> Path:
    """``path``, or ``name-2``, ``name-3``... if taken: a second restore within the same
    second must not write its safety copy over the first one's."""
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _safety_plan(conn: Connection) -> BackupPlan | None:
    """A server's safety archive is encrypted with the database key when this PC has it
    (a server's data should not lie on a clerk's PC in the clear, issue 17.2); without
    the key it is written plain, 0600 in the private data directory."""
    from .backup_crypto import Secret
    from .security.chain import database_settings
    from .security.keys import load_key, valid_database_id

    database_id = database_settings(conn)[0]
    if valid_database_id(database_id) and load_key(database_id) is not None:
        return BackupPlan(True, Secret(database_id=database_id), True)
    return None


def _copy_all(src: Database, dst: Database, *, source: Path, safety: Path,
              safety_from: Path | None, password_hashes: bool = True) -> dict:
    """Replace every row of ``dst`` with ``src``'s in ONE transaction of ``dst``.

    On SQLite the transaction is opened explicitly (BEGIN IMMEDIATE) before anything
    else: the driver would otherwise run DROP TRIGGER and PRAGMA defer_foreign_keys
    outside any transaction (each committed at once, or gone at once). The safety copy
    of ``safety_from`` is taken once the write lock is held, and the restore's audit
    entry is written in the same transaction.

    On PostgreSQL every table is locked exclusively first (other PCs' writes wait, or
    give up after the lock timeout with ``database_busy``), and the safety archive is
    written from inside the same transaction. Taken before, from a transaction of its
    own, it missed what another PC committed between it and the copy: those writes were
    confirmed to the clerk and then in neither the restored database nor the safety copy
    (issue 16: 2 of 2,136). A ``safety_from`` of None means a server's safety archive.
    """
    tables = app_tables()
    counts: dict[str, int] = {}
    if current_revisions(src.engine) != current_revisions(dst.engine):
        raise DatabaseError("schema_mismatch")
    postgres = dst.engine.dialect.name == "postgresql"
    try:
        with src.engine.connect() as sconn, dst.engine.connect() as dconn:
            if postgres:
                # Check foreign keys at commit, so rows can go in table by table.
                dconn.execute(text("SET CONSTRAINTS ALL DEFERRED"))
                names = ", ".join(dconn.dialect.identifier_preparer.quote(t.name) for t in tables)
                dconn.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))
                try:  # what is replaced, exactly: no other write can come in between now
                    _archive_from(dconn, "postgresql", safety, _safety_plan(dconn))
                except OSError as exc:
                    raise write_failure(exc, safety) from None
            else:
                dconn.exec_driver_sql("BEGIN IMMEDIATE")
                dconn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
            if safety_from is not None:
                try:
                    backup_sqlite(safety_from, safety)  # the committed state, i.e. what is replaced
                except (OSError, sqlite3.Error) as exc:
                    raise write_failure(exc, safety) from None
            _audit_guard(dconn, postgres, on=False)
            # A backup made without password hashes (backup_access): operators keep theirs.
            kept = None if password_hashes else keep_password_hashes(dconn)
            for table in reversed(tables):
                dconn.execute(delete(table))
            for table in tables:
                counts[table.name] = _copy_table(sconn, dconn, table)
            if kept is not None:
                put_back_password_hashes(dconn, kept, source)
            if postgres:
                _reset_sequences(dconn, tables)
            _audit_guard(dconn, postgres, on=True)
            _record(dconn, dst, "restore", str(source), {"safety_copy": str(safety)})
            dconn.commit()
    except DatabaseError:
        raise
    except SQLAlchemyError as exc:
        raise _restore_failure(exc, dst, source) from None
    return counts


def _copy_table(sconn: Connection, dconn: Connection, table: Table) -> int:
    # Self-references (a branch team's parent) are filled in after all rows exist.
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    later: list[dict] = []
    n = 0
    batch: list[dict] = []
    order = list(table.primary_key.columns)
    for row in sconn.execute(select(table).order_by(*order)).mappings():
        rec = dict(row)
        if self_refs and any(rec[c] is not None for c in self_refs):
            later.append({"pk": [rec[c.name] for c in order], **{c: rec[c] for c in self_refs}})
            for c in self_refs:
                rec[c] = None
        batch.append(rec)
        n += 1
        if len(batch) >= 2000:
            dconn.execute(insert(table), batch)
            batch = []
    if batch:
        dconn.execute(insert(table), batch)
    for item in later:
        cond = [c == v for c, v in zip(order, item.pop("pk"), strict=True)]
        dconn.execute(table.update().where(*cond).values(**item))
    return n


def _reset_sequences(dconn: Connection, tables: list[Table]) -> None:
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and pk[0].autoincrement in (True, "auto") and pk[0].type.python_type is int:
            seq = dconn.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk[0].name}
            ).scalar()
            if seq:
                top = dconn.execute(select(func.max(table.c[pk[0].name]))).scalar()
                dconn.execute(text("SELECT setval(:s, :v, :called)"),
                              {"s": seq, "v": top or 1, "called": top is not None})


def _restore_failure(exc: SQLAlchemyError, db: Database, source: Path) -> DatabaseError:
    """What a failed copy means, without the driver's text (it quotes the statement and
    its parameters: names, phones, ID numbers). Nothing was changed: it rolled back."""
    target = sqlite_path(db.url)
    where = str(target) if target is not None else db.display_name()
    if isinstance(exc, IntegrityError):  # rows the schema refuses: the backup is at fault
        return DatabaseError("backup_damaged", path=str(source), reason="constraint")
    if db.is_sqlite and is_damage(exc):
        return damaged_error(target, "restore") if target is not None else DatabaseError("restore_failed", path=where)
    failure = write_failure(exc, Path(where))
    if failure.code == "disk_full":
        return failure
    orig = getattr(exc, "orig", None)
    if is_busy(exc):
        return DatabaseError("database_busy", path=where)
    return DatabaseError("restore_failed", path=where, reason=type(orig or exc).__name__)


def _audit_guard(conn: Connection, postgres: bool, *, on: bool) -> None:
    """Lift the audit log's append-only triggers for the restore's own transaction only.

    A restore replaces the whole database, its audit log included (the replaced log is
    kept in the safety copy); the triggers are back before the transaction commits.
    """
    if postgres:
        verb = "ENABLE" if on else "DISABLE"
        conn.execute(text(f"ALTER TABLE audit_entry {verb} TRIGGER audit_entry_append_only"))
        return
    for kind in ("update", "delete"):
        if on:
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS audit_entry_no_{kind} BEFORE {kind.upper()} ON audit_entry "
                "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
            )
        else:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS audit_entry_no_{kind}")
