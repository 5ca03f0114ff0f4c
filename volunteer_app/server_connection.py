"""Pointing a PC at a shared PostgreSQL server: the URL from its parts, and a connection test.

Issue 18.17: 设置 → 数据库位置 only picked SQLite files although docs/shared-server.md
tells offices to point every PC at the server. The desktop's 连接服务器 dialog asks for
host, port, database, user, password and TLS mode; this module

* builds the URL with SQLAlchemy's ``URL.create`` (:func:`build_url`), so a password with
  ``@``, ``:`` or ``/`` is encoded instead of being taken for part of the host (the
  stored URL then drops it again, :mod:`volunteer_app.db_password`);
* tries the server once with a short timeout (:func:`check_server`) and says what it found
  by code: connected (server version, and whether this app's tables are there, older,
  newer or someone else's) or why not (wrong password, host unreachable, no such
  database, TLS refused). Never the driver's text, which a front end would show raw.

Connecting for real goes through :func:`volunteer_app.db.open_database` like a file, with
the same refusals (a newer version's database, another program's tables).
"""

from __future__ import annotations

from dataclasses import dataclass

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
SSL_MODES = ("disable", "prefer", "require", "verify-full")
CONNECT_TIMEOUT_S = 5

# What check_server found (worded by each front end).
CONNECTED = "connected"
AUTH_FAILED = "auth_failed"  # wrong user or password, or pg_hba.conf refuses this PC
UNREACHABLE = "unreachable"  # no such host, nothing listening, a firewall, a timeout
DATABASE_MISSING = "database_missing"
TLS_FAILED = "tls_failed"  # the TLS mode asked for what the server does not offer
FAILED = "failed"  # anything else
OUTCOMES = (CONNECTED, AUTH_FAILED, UNREACHABLE, DATABASE_MISSING, TLS_FAILED, FAILED)

# The app's tables in a database that answered.
SCHEMA_CURRENT = "current"
SCHEMA_EMPTY = "empty"  # a new database: connecting creates the tables
SCHEMA_OLDER = "older"  # connecting upgrades it
SCHEMA_NEWER = "newer"  # written by a newer version: connecting is refused
SCHEMA_FOREIGN = "foreign"  # another program's tables: connecting is refused
SCHEMAS = (SCHEMA_CURRENT, SCHEMA_EMPTY, SCHEMA_OLDER, SCHEMA_NEWER, SCHEMA_FOREIGN)

FIELDS = ("host", "port", "database", "user", "sslmode")


@dataclass(frozen=True)
class ServerCheck:
    """The answer of one connection test."""

    outcome: str
    version: str = ""
    schema: str = ""


def field_problems(host: str, port: object, database: str, user: str, sslmode: str) -> list[str]:
    """The fields (of :data:`FIELDS`) that cannot make a URL; empty when all can."""
    bad = []
    if not host.strip() or any(c in host.strip() for c in " /@?#\\"):
        bad.append("host")
    try:
        number = int(str(port))
    except ValueError:
        number = 0
    if not 1 <= number <= 65535:
        bad.append("port")
    if not database.strip() or "/" in database:
        bad.append("database")
    if not user.strip():
        bad.append("user")
    if sslmode not in SSL_MODES:
        bad.append("sslmode")
    return bad


def build_url(host: str, port: object, database: str, user: str, password: str,
              sslmode: str) -> str:
    """The connection URL, special characters encoded; ``ValueError(field)`` for a bad field."""
    bad = field_problems(host, port, database, user, sslmode)
    if bad:
        raise ValueError(bad[0])
    from sqlalchemy.engine import URL

    url = URL.create(DRIVER, username=user.strip(), password=password or None, host=host.strip(),
                     port=int(str(port)), database=database.strip(), query={"sslmode": sslmode})
    return url.render_as_string(hide_password=False)


def _classify(exc: BaseException) -> str:
    """Which of :data:`OUTCOMES` a failed connection is (SQLSTATE first, then libpq's words)."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).lower()
    if state in ("28P01", "28000") or "password" in text or "authentication" in text:
        return AUTH_FAILED
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return DATABASE_MISSING
    if "ssl" in text or "tls" in text or "certificate" in text:
        return TLS_FAILED
    if any(w in text for w in ("timeout", "timed out", "refused", "could not translate",
                               "name or service", "no route", "unreachable", "could not connect",
                               "connection failed", "nodename", "host")):
        return UNREACHABLE
    return FAILED


def check_server(url: str, timeout_s: int = CONNECT_TIMEOUT_S) -> ServerCheck:
    """Connect once (at most ``timeout_s`` seconds) and look; never raises for a refusal."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.pool import NullPool

    from .db import _has_foreign_tables, cheap_head_revisions, current_revisions, head_revisions

    try:
        engine = create_engine(url, poolclass=NullPool, hide_parameters=True,
                               connect_args={"connect_timeout": max(1, int(timeout_s))})
    except Exception:  # noqa: BLE001 - a URL psycopg cannot take
        return ServerCheck(FAILED)
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar() or "")
        current = current_revisions(engine)
        heads = cheap_head_revisions() or head_revisions()
        if not current:
            schema = SCHEMA_FOREIGN if _has_foreign_tables(engine) else SCHEMA_EMPTY
        elif current == heads:
            schema = SCHEMA_CURRENT
        elif _known(current):
            schema = SCHEMA_OLDER
        else:
            schema = SCHEMA_NEWER
        return ServerCheck(CONNECTED, version.split(" ")[0], schema)
    except SQLAlchemyError as exc:
        return ServerCheck(_classify(exc))
    except OSError:
        return ServerCheck(UNREACHABLE)
    finally:
        engine.dispose()


def _known(revisions: frozenset[str]) -> bool:
    """Whether this version's migrations know every revision (else a newer app wrote it)."""
    from .db import read_migration_graph

    graph = read_migration_graph()
    if graph is not None:
        return all(r in graph for r in revisions)
    from alembic.script import ScriptDirectory

    from .db import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    try:
        return all(script.get_revision(r) is not None for r in revisions)
    except Exception:  # noqa: BLE001 - an unknown revision
        return False


def keyring_available() -> bool:
    """Whether this PC keeps a server's password in a keyring (else libpq's pgpass file)."""
    from .security.keys import _keyring

    return _keyring() is not None
