"""The audit log as a chain of keyed hashes, and the check that nothing was rewritten.

Why: triggers refuse UPDATE and DELETE on ``audit_entry``, but whoever holds the database
file drops them (``DROP TRIGGER ...; UPDATE audit_entry ...``) and history is rewritten
unnoticed; one ``UPDATE app_setting SET value='0' WHERE key='accounts_enabled'`` switches
logins off; the hours ledger can be edited the same way. Now:

* every entry carries ``mac`` = HMAC-SHA256 over its canonical content (id, time, who,
  what, the changes, the recorded rows) and the previous entry's ``mac``, with the
  audit-chain key derived from the database's secret (:mod:`.keys`, kept outside the
  database). Changing, removing or inserting an entry breaks the chain from there on;
  nobody without the key can mend it;
* the chain head (``audit_chain``, one row) names the last entry and is itself keyed, so
  removing entries at the end shows too; the next entry is chained to the head, keeping
  that evidence;
* **protected rows** (:data:`PROTECTED`: every ``app_setting`` row, i.e. the security
  settings, the database id and key check; every ``operator`` row, i.e. who may log in,
  with which role and password; every ``hours_entry`` row, i.e. the verified hours ledger
  and the corrections that supersede it) are recorded in the chain: each
  unit of work that changes one puts the row as committed into ``state`` of its audit
  entry (or of one ``state`` entry). :func:`verify` replays the chain and compares the
  current rows with what it recorded last: a changed value, a row nobody recorded
  (inserted behind the app's back) or a missing one is reported;
* :func:`verify` is ``volunteer-app audit verify``, runs in the background at the
  desktop's start and in the nightly ``audit_check`` job.

Concurrency: entries get their ids and MACs only when the unit of work commits
(:func:`seal`, from the audit log's ``before_commit`` hook), under a lock that serialises
every append: on PostgreSQL a transaction-scoped advisory lock, on SQLite the database's
write lock (taken at once by a write to the head row). Ids are allocated under that lock
(PostgreSQL: the table's sequence), so id order is chain order.

The canonical content is versioned (``audit-entry/1``); entries written before this
chain existed were chained by the migration ``0010_audit_chain``, which also recorded the
protected rows as they were then (``chain_start`` entries).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy import Table, event, func, insert, inspect, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..errors import DatabaseError
from . import keys
from .keys import KeyStoreError

ENTRY_FORMAT = "audit-entry/1"
HEAD_FORMAT = "audit-head/1"
SETTINGS_FORMAT = "audit-settings/1"
HEAD_ID = 1
# Tables whose rows the chain records, by primary-key column: the security settings, the
# operators (roles, password hashes, lockouts: who may log in as what) and the hours ledger.
PROTECTED: dict[str, str] = {"app_setting": "key", "operator": "id", "hours_entry": "id"}
# Foreign keys the database itself may set to NULL (ON DELETE SET NULL): a NULL where the
# chain recorded a row that no longer exists is the database's doing, not tampering.
STATE_ACTION = "state"
CHAIN_START_ACTION = "chain_start"
ROWS_PER_STATE_ENTRY = 500
# How many problems a report lists (the count says how many there were).
MAX_PROBLEMS = 200
# PostgreSQL advisory lock key of the chain append (any fixed 64-bit number).
PG_LOCK_KEY = 0x766F6C61756469  # "volaudi"

_keys_lock = threading.Lock()
_chain_keys: dict[tuple[str, bytes], tuple[bytes, str]] = {}


# -- canonical forms ---------------------------------------------------------------------


def plain(value: object) -> object:
    """A column value as JSON holds it (dates and times as ISO text)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return value


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_payload(values: dict) -> bytes:
    """The canonical bytes of an entry (what its MAC covers besides the previous MAC)."""
    body = [ENTRY_FORMAT, int(values["id"]), plain(values["at"]), values.get("operator_id"),
            values.get("operator") or "", values.get("action") or "", values.get("entity") or "",
            values.get("entity_id") or "", values.get("summary") or "", values.get("changes") or "",
            values.get("state")]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def entry_mac(chain_key: bytes, values: dict, prev_mac: str) -> str:
    """The MAC of an entry whose predecessor's MAC is ``prev_mac`` ("" for the first)."""
    return hmac.new(chain_key, (prev_mac or "").encode("ascii", "replace") + b"\n" + entry_payload(values),
                    hashlib.sha256).hexdigest()


def head_mac(chain_key: bytes, last_id: int, last_mac: str) -> str:
    return hmac.new(chain_key, f"{HEAD_FORMAT}\n{int(last_id)}\n{last_mac or ''}".encode("ascii", "replace"),
                    hashlib.sha256).hexdigest()


def settings_mac(chain_key: bytes, settings: dict[str, str]) -> str:
    """The keyed hash of every setting (key and value), as the head keeps it."""
    return hmac.new(chain_key, f"{SETTINGS_FORMAT}\n".encode() + _dumps(settings).encode("utf-8", "surrogatepass"),
                    hashlib.sha256).hexdigest()


def current_settings(conn: Connection) -> dict[str, str]:
    t = _tables()["app_setting"]
    return {k: v or "" for k, v in conn.execute(select(t.c.key, t.c.value))}


def _tables() -> dict[str, Table]:
    from ..models import Base

    return Base.metadata.tables  # type: ignore[return-value]


def row_state(table: Table, row: object) -> dict:
    """A protected row as the chain records it: every column, plain values."""
    mapping = row._mapping if hasattr(row, "_mapping") else row  # type: ignore[union-attr]
    return {c.name: plain(mapping[c.name]) for c in table.columns if c.name in mapping}


# -- the key --------------------------------------------------------------------------


def database_settings(conn: Connection) -> tuple[str, str]:
    """The database id and key check stored in ``app_setting`` ("" where missing)."""
    t = _tables()["app_setting"]
    rows = dict(conn.execute(select(t.c.key, t.c.value).where(
        t.c.key.in_([keys.DATABASE_ID_SETTING, keys.KEY_CHECK_SETTING]))).all())
    return rows.get(keys.DATABASE_ID_SETTING, "") or "", rows.get(keys.KEY_CHECK_SETTING, "") or ""


def chain_key_for(database_id: str, master: bytes) -> tuple[bytes, str]:
    """(audit-chain key, key check value) of a database's secret, computed once."""
    cache_key = (database_id, hashlib.sha256(master).digest())
    with _keys_lock:
        found = _chain_keys.get(cache_key)
    if found is None:
        found = (keys.derive(master, database_id, keys.AUDIT_CHAIN), keys.key_check_value(master, database_id))
        with _keys_lock:
            _chain_keys[cache_key] = found
    return found


def chain_key(conn: Connection) -> tuple[str, bytes]:
    """``(database id, audit-chain key)`` of the database on ``conn``.

    ``key_missing`` when the database has no id or this PC has no key for it,
    ``key_mismatch`` when the key here is not the one the database was made with.
    """
    database_id, check = database_settings(conn)
    if not keys.valid_database_id(database_id):
        raise KeyStoreError("key_missing", database_id="")
    master = keys.load_key(database_id)
    if master is None:
        raise KeyStoreError("key_missing", database_id=database_id)
    ck, expected = chain_key_for(database_id, master)
    if not hmac.compare_digest(expected, check or ""):
        raise KeyStoreError("key_mismatch", database_id=database_id)
    return database_id, ck


# -- recording protected rows ------------------------------------------------------------

_TOUCHED = "chain_touched"
_BULK = "chain_bulk"
_NEW = "chain_new_rows"
_BULK_INSERTS = "chain_bulk_inserts"
# Tables that hold the community's data: a database with rows in any of them but no audit
# log had its log removed (every change the app makes is audited), and gets no new chain.
DATA_TABLES = ("volunteer", "team", "grid", "operator", "hours_entry", "app_setting")


@event.listens_for(Session, "before_flush")
def _note_touched(session: Session, _ctx, _instances) -> None:  # noqa: ANN001
    touched = session.info.setdefault(_TOUCHED, [])
    made = session.info.setdefault(_NEW, {})
    for obj in session.new:
        table = getattr(obj, "__tablename__", None)
        if table in DATA_TABLES:
            made[table] = made.get(table, 0) + 1
    for obj in list(session.new) + list(session.deleted):
        if getattr(obj, "__tablename__", None) in PROTECTED:
            touched.append(obj)
    for obj in list(session.dirty):
        if getattr(obj, "__tablename__", None) in PROTECTED and session.is_modified(obj, include_collections=False):
            touched.append(obj)


@event.listens_for(Session, "do_orm_execute")
def _note_bulk(state) -> None:  # noqa: ANN001
    if state.is_insert or state.is_update or state.is_delete:
        name = getattr(getattr(state.statement, "table", None), "name", None)
        if name in PROTECTED:
            state.session.info.setdefault(_BULK, set()).add(name)
        if state.is_insert and name in DATA_TABLES:
            state.session.info.setdefault(_BULK_INSERTS, set()).add(name)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    for key in (_TOUCHED, _BULK, _NEW, _BULK_INSERTS):
        session.info.pop(key, None)


def holds_data(conn: Connection, made: dict[str, int] | None = None, skip: set[str] | frozenset = frozenset()) -> bool:
    """Whether the data tables hold rows beyond ``made`` (rows this unit of work added;
    tables in ``skip`` had a bulk insert whose rows cannot be told apart)."""
    tables = _tables()
    made = made or {}
    for name in DATA_TABLES:
        if name in skip:
            continue
        count = conn.execute(select(func.count()).select_from(tables[name])).scalar()
        if count > made.get(name, 0):
            return True
    return False


def _touched_keys(session: Session) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for obj in session.info.pop(_TOUCHED, []):
        try:
            identity = inspect(obj).identity
        except Exception:
            identity = None
        if identity:
            found.setdefault(obj.__tablename__, set()).add(str(identity[0]))
    return found


def _current_rows(conn: Connection, table: Table, wanted: Iterable[str] | None) -> dict[str, dict]:
    """``{key: state}`` of the rows of ``table`` with those keys (all rows for None)."""
    pk = table.c[PROTECTED[table.name]]
    out: dict[str, dict] = {}
    if wanted is None:
        for row in conn.execute(select(table).order_by(pk)):
            out[str(row._mapping[pk.name])] = row_state(table, row)
        return out
    wanted = sorted(wanted)
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        values = [int(k) for k in chunk] if pk.type.python_type is int else chunk
        for row in conn.execute(select(table).where(pk.in_(values))):
            out[str(row._mapping[pk.name])] = row_state(table, row)
    return out


def _states(session: Session, conn: Connection) -> dict[str, dict[str, dict | None]]:
    """What this unit of work did to protected rows: ``{table: {key: row or None}}``."""
    touched = _touched_keys(session)
    bulk = session.info.pop(_BULK, set())
    states: dict[str, dict[str, dict | None]] = {}
    tables = _tables()
    for name in PROTECTED:
        table = tables[name]
        if name in bulk:  # which rows a bulk statement changed is unknown: all of them
            rows = _current_rows(conn, table, None)
            states[name] = {**{k: None for k in touched.get(name, ())}, **rows}
        elif touched.get(name):
            rows = _current_rows(conn, table, touched[name])
            states[name] = {k: rows.get(k) for k in touched[name]}
    return states


def _attach_states(session: Session, entries: list, states: dict[str, dict[str, dict | None]]) -> list:
    """Put each recorded row into the last entry about it (else the table's bulk summary,
    else a ``state`` entry); returns the entries, new ``state`` entries appended."""
    from ..models.accounts import AuditEntry
    from .audit import new_entry

    per_entry: dict[int, dict[str, dict]] = {}
    rest: dict[str, dict] = {}
    for table, rows in states.items():
        for key, row in rows.items():
            target = next((i for i in range(len(entries) - 1, -1, -1)
                           if entries[i].entity == table and entries[i].entity_id == key), None)
            if target is None:
                target = next((i for i in range(len(entries) - 1, -1, -1)
                               if entries[i].entity == table and entries[i].entity_id == ""
                               and entries[i].action == "create"), None)
            if target is None:
                rest.setdefault(table, {})[key] = row
            else:
                per_entry.setdefault(target, {}).setdefault(table, {})[key] = row
    for i, state in per_entry.items():
        entries[i].state = _dumps(state)
    items = [(t, k, r) for t, rows in sorted(rest.items()) for k, r in sorted(rows.items())]
    for chunk in state_chunks(items):
        entry: AuditEntry = new_entry(session, STATE_ACTION, ",".join(sorted(chunk)), "",
                                      f"{sum(len(v) for v in chunk.values())} rows")
        entry.state = _dumps(chunk)
        entries.append(entry)
    return entries


# -- appending ----------------------------------------------------------------------------


def lock_chain(conn: Connection) -> None:
    """Wait for the chain: one appender at a time, until this transaction ends."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
    else:  # a write takes SQLite's write lock now (waiting up to the busy timeout)
        head = _tables()["audit_chain"]
        conn.execute(update(head).where(head.c.id == HEAD_ID).values(last_id=head.c.last_id))


def _chain_position(conn: Connection) -> tuple[str, int]:
    """(MAC to chain the next entry to, the highest id used so far)."""
    tables = _tables()
    head_t, entry_t = tables["audit_chain"], tables["audit_entry"]
    head = conn.execute(select(head_t.c.last_id, head_t.c.last_mac).where(head_t.c.id == HEAD_ID)).first()
    last = conn.execute(select(entry_t.c.id, entry_t.c.mac).order_by(entry_t.c.id.desc()).limit(1)).first()
    if head is not None and (last is None or head.last_id > last.id):
        # Entries after the head's are gone: chain to the head, so the gap stays visible.
        return head.last_mac or "", head.last_id
    if last is not None:
        return last.mac or "", max(last.id, head.last_id if head is not None else 0)
    return "", 0


def _allocate_id(conn: Connection, highest: int) -> int:
    return _allocate_ids(conn, highest, 1)[0]


def _allocate_ids(conn: Connection, highest: int, count: int) -> list[int]:
    """``count`` new entry ids in increasing order (PostgreSQL: from the table's sequence,
    in one round trip; SQLite: after the highest id used, under the write lock)."""
    if conn.dialect.name == "postgresql":
        return sorted(int(i) for i in conn.execute(
            text("SELECT nextval(pg_get_serial_sequence('audit_entry', 'id')) FROM generate_series(1, :n)"),
            {"n": count}).scalars())
    return list(range(highest + 1, highest + 1 + count))


def write_head(conn: Connection, chain_key_: bytes, last_id: int, last_mac: str) -> None:
    """The head names the last entry, and seals the settings as they are now."""
    head_t = sa.table("audit_chain", sa.column("id"), sa.column("last_id"), sa.column("last_mac"),
                      sa.column("mac"), sa.column("settings_mac"))
    values = {"last_id": last_id, "last_mac": last_mac, "mac": head_mac(chain_key_, last_id, last_mac),
              "settings_mac": settings_mac(chain_key_, current_settings(conn))}
    done = conn.execute(update(head_t).where(head_t.c.id == HEAD_ID).values(**values)).rowcount
    if not done:
        conn.execute(insert(head_t).values(id=HEAD_ID, **values))


def is_empty(conn: Connection) -> bool:
    """No audit entry and no chain head: a chain may start here (and nowhere else)."""
    tables = _tables()
    for name in ("audit_entry", "audit_chain"):
        if conn.execute(select(tables[name].c.id).limit(1)).first() is not None:
            return False
    return True


def start_chain(conn: Connection) -> tuple[str, bytes]:
    """Give the database its id, create its secret (stored outside the database first)
    and store the key check; returns ``(database id, audit-chain key)``."""
    database_id = keys.new_database_id()
    master = keys.create_key(database_id)
    ck, check = chain_key_for(database_id, master)
    # Only the columns every revision since 0010 has (a migration runs this too; later
    # columns have server defaults).
    setting = sa.table("app_setting", sa.column("key"), sa.column("value"))
    conn.execute(setting.delete().where(setting.c.key.in_([keys.DATABASE_ID_SETTING, keys.KEY_CHECK_SETTING])))
    conn.execute(insert(setting), [{"key": keys.DATABASE_ID_SETTING, "value": database_id},
                                   {"key": keys.KEY_CHECK_SETTING, "value": check}])
    return database_id, ck


def protected_snapshot(conn: Connection) -> list[tuple[str, str, dict]]:
    """Every protected row now, as ``(table, key, row)``."""
    tables = _tables()
    return [(name, key, row) for name in PROTECTED
            for key, row in _current_rows(conn, tables[name], None).items()]


def state_chunks(items: list[tuple[str, str, dict | None]]) -> list[dict[str, dict]]:
    """Recorded rows in pieces of :data:`ROWS_PER_STATE_ENTRY` (one entry each)."""
    chunks = []
    for i in range(0, len(items), ROWS_PER_STATE_ENTRY):
        chunk: dict[str, dict] = {}
        for t, k, r in items[i:i + ROWS_PER_STATE_ENTRY]:
            chunk.setdefault(t, {})[k] = r
        chunks.append(chunk)
    return chunks


def seal(session: Session, entries: list, *, start: bool = False) -> None:
    """Give this unit of work's new audit entries their ids and MACs and insert them.

    Called once all other rows are flushed (the audit log's ``before_commit``); records
    the protected rows the unit of work changed. Raises :class:`~.keys.KeyStoreError`
    (``key_missing``/``key_mismatch``) when this PC cannot extend the chain: the unit
    of work is then rolled back, nothing of it is written.

    The first entry ever written to a new database starts the chain: the database gets
    its id and secret, and a ``chain_start`` entry records every protected row. A log
    that holds entries but no database id is never started again (that would bless
    whatever was done to it): it stays ``key_missing``. ``start``: start the chain of a
    new database now even without entries (:func:`ensure_started`).
    """
    states = _states(session, session.connection()) if (session.info.get(_TOUCHED) or session.info.get(_BULK)) else {}
    if states:
        entries = _attach_states(session, entries, states)
    if not entries and not start:
        return
    conn = session.connection()
    lock_chain(conn)
    database_id, _check = database_settings(conn)
    if not database_id and is_empty(conn):
        from .audit import new_entry

        made, skip = session.info.pop(_NEW, {}), session.info.pop(_BULK_INSERTS, set())
        if holds_data(conn, made, skip):
            # Data older than this unit of work, and no audit log at all: the log (and the
            # database id) were removed. A new chain would bless that; refused.
            raise DatabaseError("audit_log_missing")

        _database_id, ck = start_chain(conn)
        starts = []
        for chunk in state_chunks(protected_snapshot(conn)) or [{}]:
            start = new_entry(session, CHAIN_START_ACTION, ",".join(PROTECTED), "",
                              f"{sum(len(v) for v in chunk.values())} rows")
            start.state = _dumps(chunk)
            starts.append(start)
        entries = starts + list(entries)
    else:
        _database_id, ck = chain_key(conn)
    if not entries:
        return
    prev, highest = _chain_position(conn)
    for entry, new_id in zip(entries, _allocate_ids(conn, highest, len(entries)), strict=True):
        entry.id = new_id
        entry.mac = entry_mac(ck, _entry_values(entry), prev)
        prev = entry.mac
    session.add_all(entries)
    session.flush()
    write_head(conn, ck, entries[-1].id, prev)


def settings_tampered(session: Session) -> bool:
    """Whether the settings differ from what the app last sealed in the chain's head, and
    someone could log in (an active administrator exists): then a setting must not be
    trusted to switch logins off (:func:`volunteer_app.security.permissions.accounts_enabled`
    fails closed). A PC without the key cannot tell, and trusts them.
    """
    conn = session.connection()
    settings = current_settings(conn)
    if not settings.get(keys.DATABASE_ID_SETTING) and is_empty(conn):
        return False  # a new database: nothing sealed yet
    try:
        _database_id, ck = chain_key(conn)
        head = conn.execute(select(_tables()["audit_chain"].c.settings_mac)
                            .where(_tables()["audit_chain"].c.id == HEAD_ID)).first()
        if head is not None and hmac.compare_digest(settings_mac(ck, settings), head.settings_mac or ""):
            return False
    except KeyStoreError as exc:
        if exc.code == "key_missing" and keys.valid_database_id(settings.get(keys.DATABASE_ID_SETTING)):
            return False  # this PC lacks the key: it cannot tell (nor write)
    from ..models.accounts import Operator

    return session.scalar(select(Operator.id).where(
        Operator.role == "administrator", Operator.active.is_(True)).limit(1)) is not None


def ensure_started(session: Session) -> str:
    """The database's id, starting its chain (id, key, ``chain_start``) if it is new."""
    database_id, _check = database_settings(session.connection())
    if not database_id:
        seal(session, [], start=True)
        database_id, _check = database_settings(session.connection())
    return database_id


def _entry_values(entry: object) -> dict:
    return {name: getattr(entry, name) for name in
            ("id", "at", "operator_id", "operator", "action", "entity", "entity_id", "summary",
             "changes", "state")}


# -- verifying ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainProblem:
    """One thing that does not match the chain. ``kind`` is a code:

    ``key_missing``, ``key_mismatch``: the chain cannot be checked on this PC;
    ``chain_missing``: the database holds data but no audit log and no chain at all;
    ``entry_altered`` (``entry_id``: changed, or an entry just before it removed),
    ``entry_unchained`` (an entry without a MAC: added behind the app's back);
    ``head_missing``, ``head_altered``, ``entries_removed`` (``entry_id`` the last one
    left, ``key`` the id the head named);
    ``setting_changed``/``setting_added``/``setting_removed`` (``key`` the setting);
    ``operator_changed`` (``fields``)/``operator_added``/``operator_removed`` (``key`` the
    operator's id); ``hours_changed`` (``fields``)/``hours_added``/``hours_removed``
    (``key`` the entry id). ``recorded`` and ``current`` are shown for settings only
    (hours rows may hold names, operator rows password hashes).
    """

    kind: str
    entry_id: int | None = None
    key: str = ""
    fields: tuple[str, ...] = ()
    recorded: str | None = None
    current: str | None = None

    def to_json(self) -> dict:
        return {"kind": self.kind, "entry_id": self.entry_id, "key": self.key,
                "fields": list(self.fields), "recorded": self.recorded, "current": self.current}


@dataclass(frozen=True)
class ChainReport:
    """The outcome of :func:`verify`."""

    database_id: str
    entries: int
    problems: tuple[ChainProblem, ...] = ()
    problem_count: int = 0
    checked_rows: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    @property
    def first_bad_entry(self) -> int | None:
        return next((p.entry_id for p in self.problems
                     if p.kind in ("entry_altered", "entry_unchained") and p.entry_id is not None), None)

    def to_json(self) -> dict:
        return {"ok": self.ok, "database_id": self.database_id, "entries": self.entries,
                "first_bad_entry": self.first_bad_entry, "problem_count": self.problem_count,
                "problems": [p.to_json() for p in self.problems], "checked_rows": self.checked_rows}


class _Collector:
    def __init__(self) -> None:
        self.items: list[ChainProblem] = []
        self.count = 0

    def add(self, problem: ChainProblem) -> None:
        self.count += 1
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(problem)


def verify(session: Session) -> ChainReport:
    """Replay the chain and compare the protected rows with what it recorded.

    Read-only. Needs the database's key on this PC (else one ``key_missing`` problem).
    """
    conn = session.connection()
    problems = _Collector()
    database_id, _check = database_settings(conn)
    if not database_id and is_empty(conn):
        if holds_data(conn):  # data but no log at all: the log was removed
            problems.add(ChainProblem("chain_missing"))
            return ChainReport("", 0, tuple(problems.items), problems.count)
        return ChainReport("", 0)  # a new database: its chain starts with its first entry
    try:
        _dbid, ck = chain_key(conn)
    except KeyStoreError as exc:
        problems.add(ChainProblem(exc.code, key=database_id))
        return ChainReport(database_id, 0, tuple(problems.items), problems.count)
    tables = _tables()
    entry_t, head_t = tables["audit_entry"], tables["audit_chain"]
    recorded: dict[str, dict[str, dict | None]] = {name: {} for name in PROTECTED}
    prev = ""
    count = 0
    macs: dict[int, str] = {}
    last_id = None
    cols = [entry_t.c[n] for n in ("id", "at", "operator_id", "operator", "action", "entity", "entity_id",
                                   "summary", "changes", "state", "mac")]
    result = conn.execution_options(yield_per=2000).execute(select(*cols).order_by(entry_t.c.id))
    for row in result:
        values = dict(row._mapping)
        count += 1
        last_id = values["id"]
        stored = values["mac"]
        if not stored:
            problems.add(ChainProblem("entry_unchained", values["id"]))
        elif not hmac.compare_digest(entry_mac(ck, values, prev), stored):
            problems.add(ChainProblem("entry_altered", values["id"]))
        else:
            _replay_state(recorded, values["state"])
        macs[values["id"]] = stored or ""
        prev = stored or ""
    head = conn.execute(select(head_t).where(head_t.c.id == HEAD_ID)).first()
    if head is None:
        if count:
            problems.add(ChainProblem("head_missing", last_id))
    elif not hmac.compare_digest(head_mac(ck, head.last_id, head.last_mac or ""), head.mac or ""):
        problems.add(ChainProblem("head_altered", last_id))
    elif macs.get(head.last_id) != (head.last_mac or ""):
        kept = max((i for i in macs if i < head.last_id), default=None)
        problems.add(ChainProblem("entries_removed", kept, key=str(head.last_id)))
    checked = _compare_rows(conn, recorded, problems)
    return ChainReport(database_id, count, tuple(problems.items), problems.count, checked)


def _replay_state(recorded: dict[str, dict[str, dict | None]], state: str | None) -> None:
    if not state:
        return
    try:
        doc = json.loads(state)
    except ValueError:
        return
    if not isinstance(doc, dict):
        return
    for table, rows in doc.items():
        if table in recorded and isinstance(rows, dict):
            recorded[table].update(rows)


def _set_null_columns(table: Table) -> dict[str, Table]:
    out = {}
    for fk in table.foreign_keys:
        if (fk.ondelete or "").upper() == "SET NULL":
            out[fk.parent.name] = fk.column.table
    return out


def _gone(conn: Connection, target: Table, value: object) -> bool:
    pk = list(target.primary_key.columns)[0]
    return conn.execute(select(func.count()).select_from(target).where(pk == value)).scalar() == 0


def _compare_rows(conn: Connection, recorded: dict[str, dict[str, dict | None]],
                  problems: _Collector) -> dict[str, int]:
    tables = _tables()
    checked: dict[str, int] = {}
    for name in PROTECTED:
        table = tables[name]
        settings = name == "app_setting"
        seen: set[str] = set()
        nullable = _set_null_columns(table)
        pk = table.c[PROTECTED[name]]
        n = 0
        for row in conn.execution_options(yield_per=2000).execute(select(table).order_by(pk)):
            n += 1
            current = row_state(table, row)
            key = str(current[pk.name])
            seen.add(key)
            before = recorded[name].get(key)
            if before is None:
                if settings:
                    problems.add(ChainProblem("setting_added", key=key, current=str(current.get("value"))))
                else:
                    problems.add(ChainProblem("operator_added" if name == "operator" else "hours_added", key=key))
                continue
            differ = []
            for column, old in before.items():
                if column not in current or current[column] == old:
                    continue
                if current[column] is None and column in nullable and _gone(conn, nullable[column], old):
                    continue  # the referenced row was deleted: the database set the link to NULL
                differ.append(column)
            if differ:
                if settings:
                    problems.add(ChainProblem("setting_changed", key=key, fields=tuple(differ),
                                              recorded=str(before.get("value")), current=str(current.get("value"))))
                else:
                    problems.add(ChainProblem("operator_changed" if name == "operator" else "hours_changed",
                                              key=key, fields=tuple(differ)))
        for key, before in recorded[name].items():
            if before is not None and key not in seen:
                if settings:
                    problems.add(ChainProblem("setting_removed", key=key, recorded=str(before.get("value"))))
                else:
                    problems.add(ChainProblem("operator_removed" if name == "operator" else "hours_removed",
                                              key=key))
        checked[name] = n
    return checked


def verify_database(db) -> ChainReport:  # noqa: ANN001
    """:func:`verify` in a unit of work of its own (front ends, the nightly job)."""
    with db.session() as s:
        return verify(s)
