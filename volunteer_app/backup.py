"""Backup and restore of a whole database.

Two formats:

* ``.db`` / ``.sqlite``: a SQLite database file. Made from a SQLite database with
  SQLite's online backup API (consistent while the app runs).
* ``.vabak`` (any other name too): the app's own logical archive, a zip holding
  ``manifest.json`` (app marker, schema revisions, per-table row counts and SHA-256)
  and one JSON-lines file per table. Made from any back end, so an office can move
  from SQLite to a shared PostgreSQL server by backing up on one and restoring on the
  other.

Restore checks the source first — a damaged, truncated or foreign file, or one written
by a newer app version, is refused with a typed error and nothing is changed. It then
loads the source into a temporary SQLite database, upgrades that to this app's schema,
and replaces every row of the target in ONE transaction (all or nothing). Before that,
a SQLite target is copied to a safety backup beside it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.engine import Connection

from . import changes
from .db import (
    SQLITE_HEADER,
    Database,
    alembic_config,
    backup_sqlite,
    current_revisions,
    make_engine,
    open_database,
    sqlite_path,
)
from .errors import DatabaseError
from .models import Base
from .paths import sqlite_url
from .security import audit
from .security.permissions import require

APP_MARKER = "volunteer-app"
ARCHIVE_FORMAT = 1
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


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

def create_backup(db: Database, output: Path) -> dict:
    """Write a backup of ``db`` to ``output``; returns row counts per table."""
    with db.session() as s:
        require(s, "backup")
        audit.record(s, "backup", "", "", str(output))
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.suffix.lower() in SQLITE_SUFFIXES:
        src = sqlite_path(db.url)
        if src is None:
            raise DatabaseError("backup_format", path=str(output), reason="sqlite_only")
        tmp = output.with_name(output.name + ".part")
        backup_sqlite(src, tmp)
        tmp.replace(output)
        return _count_rows_sqlite(output)
    return _write_archive(db, output)


def _count_rows_sqlite(path: Path) -> dict:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t.name: con.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in app_tables()}
    finally:
        con.close()


def _write_archive(db: Database, output: Path) -> dict:
    counts: dict[str, int] = {}
    tables_meta: dict[str, dict] = {}
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".part")
    # REPEATABLE READ on PostgreSQL (SQLite reads are consistent within a transaction
    # anyway) so every table comes from the same moment.
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            revisions = sorted(current_revisions_conn(conn))
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for table in app_tables():
                    digest = hashlib.sha256()
                    n = 0
                    with zf.open(f"tables/{table.name}.jsonl", "w") as fh:
                        cols = [c.name for c in table.columns]
                        order = [table.c[c.name] for c in table.primary_key.columns]
                        for row in conn.execute(select(table).order_by(*order)):
                            line = json.dumps([_encode(v) for v in row], ensure_ascii=False).encode() + b"\n"
                            digest.update(line)
                            fh.write(line)
                            n += 1
                    counts[table.name] = n
                    tables_meta[table.name] = {"columns": cols, "rows": n, "sha256": digest.hexdigest()}
                manifest = {
                    "app": APP_MARKER, "format": ARCHIVE_FORMAT, "revisions": revisions,
                    "created": datetime.now().isoformat(timespec="seconds"),
                    "source_backend": db.engine.dialect.name, "tables": tables_meta,
                }
                zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    tmp.replace(output)
    return counts


def current_revisions_conn(conn: Connection) -> frozenset[str]:
    from alembic.runtime.migration import MigrationContext

    return frozenset(MigrationContext.configure(conn).get_current_heads())


# --- checking and restoring ------------------------------------------------------------------

def inspect_backup(source: Path) -> dict:
    """Check a backup file without changing anything; returns its manifest-like summary.

    Raises DatabaseError with code ``backup_missing``, ``backup_damaged``,
    ``backup_foreign`` or ``too_new``.
    """
    source = Path(source)
    if not source.is_file():
        raise DatabaseError("backup_missing", path=str(source))
    try:
        with source.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise DatabaseError("backup_unreadable", path=str(source), reason=exc.strerror) from None
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


def _inspect_sqlite(source: Path) -> dict:
    try:
        con = sqlite3.connect(f"file:{source}?mode=ro&immutable=1", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                raise DatabaseError("backup_damaged", path=str(source), reason=ok)
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables or "volunteer" not in tables:
                raise DatabaseError("backup_foreign", path=str(source))
            revisions = sorted(r[0] for r in con.execute("SELECT version_num FROM alembic_version"))
            counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                      for t in sorted(tables) if t != "alembic_version" and not t.startswith("sqlite_")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError("backup_damaged", path=str(source), reason=str(exc)) from None
    for rev in revisions:
        if not _known_revision(rev):
            raise DatabaseError("too_new", revision=rev)
    return {"format": "sqlite", "revisions": revisions, "rows": counts}


def _inspect_archive(source: Path) -> dict:
    try:
        with zipfile.ZipFile(source) as zf:
            bad = zf.testzip()
            if bad is not None:
                raise DatabaseError("backup_damaged", path=str(source), reason=bad)
            try:
                manifest = json.loads(zf.read("manifest.json"))
            except KeyError:
                raise DatabaseError("backup_foreign", path=str(source)) from None
            if not isinstance(manifest, dict) or manifest.get("app") != APP_MARKER:
                raise DatabaseError("backup_foreign", path=str(source))
            if manifest.get("format") != ARCHIVE_FORMAT:
                raise DatabaseError("too_new", revision=f"format {manifest.get('format')}")
            for name, meta in manifest["tables"].items():
                digest = hashlib.sha256()
                n = 0
                with zf.open(f"tables/{name}.jsonl") as fh:
                    for line in fh:
                        digest.update(line)
                        n += 1
                if n != meta["rows"] or digest.hexdigest() != meta["sha256"]:
                    raise DatabaseError("backup_damaged", path=str(source), reason=name)
    except (zipfile.BadZipFile, json.JSONDecodeError, KeyError, OSError, EOFError) as exc:
        raise DatabaseError("backup_damaged", path=str(source), reason=type(exc).__name__) from None
    for rev in manifest["revisions"]:
        if not _known_revision(rev):
            raise DatabaseError("too_new", revision=rev)
    return {"format": "archive", "revisions": manifest["revisions"],
            "rows": {n: m["rows"] for n, m in manifest["tables"].items()},
            "created": manifest.get("created")}


def _archive_rows(zf: zipfile.ZipFile, name: str) -> Iterator[list]:
    with zf.open(f"tables/{name}.jsonl") as fh:
        for line in fh:
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
        with zipfile.ZipFile(source) as zf, engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            manifest = json.loads(zf.read("manifest.json"))
            for name, tmeta in manifest["tables"].items():
                if name not in meta.tables:
                    raise DatabaseError("backup_damaged", path=str(source), reason=name)
                table = meta.tables[name]
                cols = tmeta["columns"]
                batch: list[dict] = []
                for row in _archive_rows(zf, name):
                    batch.append(dict(zip(cols, row, strict=True)))
                    if len(batch) >= 2000:
                        conn.execute(insert(table), batch)
                        batch = []
                if batch:
                    conn.execute(insert(table), batch)
    finally:
        engine.dispose()


def restore_backup(db: Database, source: Path) -> dict:
    """Replace every row of ``db`` with the backup's, in one transaction.

    Returns the row counts restored. The target's own safety copy (SQLite) is written
    beside it first and its path returned under ``"safety_copy"``.
    """
    source = Path(source)
    with db.session() as s:
        require(s, "restore")
    info = inspect_backup(source)
    with tempfile.TemporaryDirectory(prefix="volunteer-restore-") as tmp:
        staging = Path(tmp) / "staging.db"
        if info["format"] == "sqlite":
            backup_sqlite(source, staging)
        else:
            _staging_from_archive(source, staging, info["revisions"])
        staged = open_database(sqlite_url(staging))  # upgrades an older backup to our schema
        try:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target_path = sqlite_path(db.url)
            if target_path is not None:
                safety = target_path.with_name(f"{target_path.stem}.before-restore-{stamp}{target_path.suffix}")
                backup_sqlite(target_path, safety)
            else:
                # A shared server: keep what is there now as an archive in the data directory.
                from .paths import data_dir

                safety = data_dir() / "backups" / f"before-restore-{stamp}.vabak"
                _write_archive(db, safety)
            counts = _copy_all(staged, db)
        finally:
            staged.dispose()
    with db.session() as s:
        audit.record(s, "restore", "", "", str(source), {"safety_copy": str(safety)})
    db.announce(changes.ALL)  # whole tables were replaced outside the ORM's bookkeeping
    return {"rows": counts, "safety_copy": str(safety)}


def _copy_all(src: Database, dst: Database) -> dict:
    tables = app_tables()
    counts: dict[str, int] = {}
    if current_revisions(src.engine) != current_revisions(dst.engine):
        raise DatabaseError("schema_mismatch")
    with src.engine.connect() as sconn, dst.engine.begin() as dconn:
        postgres = dst.engine.dialect.name == "postgresql"
        if postgres:
            # Check foreign keys at commit, so rows can go in table by table.
            dconn.execute(text("SET CONSTRAINTS ALL DEFERRED"))
        else:
            dconn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        _audit_guard(dconn, postgres, on=False)
        for table in reversed(tables):
            dconn.execute(delete(table))
        for table in tables:
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
            counts[table.name] = n
        if postgres:
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
        _audit_guard(dconn, postgres, on=True)
    return counts


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
