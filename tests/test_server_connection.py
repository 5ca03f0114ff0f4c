"""The server URL from its parts, and what a failed connection is called (issue 18.17)."""

from __future__ import annotations

import os

import pytest
from sqlalchemy.engine import make_url

from volunteer_app import server_connection as sc
from volunteer_app.db_password import without_password


def test_special_characters_are_encoded_and_stored_without_the_password() -> None:
    url = sc.build_url(" db.office ", "5433", "volunteer_hx", "office", "a@b:c/d?e#f", "verify-full")
    parsed = make_url(url)
    assert (parsed.host, parsed.port, parsed.password) == ("db.office", 5433, "a@b:c/d?e#f")
    assert without_password(url) == "postgresql+psycopg://office@db.office:5433/volunteer_hx?sslmode=verify-full"


@pytest.mark.parametrize(("parts", "field"), [
    (("", 5432, "d", "u", "prefer"), "host"),
    (("a@b", 5432, "d", "u", "prefer"), "host"),
    (("h", 0, "d", "u", "prefer"), "port"),
    (("h", "70000", "d", "u", "prefer"), "port"),
    (("h", 5432, "", "u", "prefer"), "database"),
    (("h", 5432, "d", " ", "prefer"), "user"),
    (("h", 5432, "d", "u", "allow-anything"), "sslmode"),
])
def test_a_bad_field_is_named(parts: tuple, field: str) -> None:
    host, port, database, user, mode = parts
    with pytest.raises(ValueError, match=field):
        sc.build_url(host, port, database, user, "pw", mode)


class _Orig(Exception):
    def __init__(self, text: str, sqlstate: str | None = None) -> None:
        super().__init__(text)
        self.sqlstate = sqlstate


class _Wrapped(Exception):
    def __init__(self, orig: Exception) -> None:
        super().__init__(str(orig))
        self.orig = orig


@pytest.mark.parametrize(("text", "state", "outcome"), [
    ('FATAL:  password authentication failed for user "office"', "28P01", sc.AUTH_FAILED),
    ('FATAL:  database "volunteer_x" does not exist', "3D000", sc.DATABASE_MISSING),
    ("connection is bad: Connection refused", None, sc.UNREACHABLE),
    ("timeout expired", None, sc.UNREACHABLE),
    ("server does not support SSL, but SSL was required", None, sc.TLS_FAILED),
    ("something else", None, sc.FAILED),
])
def test_failures_are_told_apart(text: str, state: str | None, outcome: str) -> None:
    assert sc._classify(_Wrapped(_Orig(text, state))) == outcome


def test_nothing_listening_is_unreachable_within_the_timeout() -> None:
    import time

    started = time.monotonic()
    check = sc.check_server(sc.build_url("127.0.0.1", 1, "d", "u", "pw", "disable"), timeout_s=2)
    assert check == sc.ServerCheck(sc.UNREACHABLE)
    assert time.monotonic() - started < 10


@pytest.mark.skipif(os.environ.get("VOLUNTEER_APP_TEST_BACKEND", "sqlite") != "postgres",
                    reason="needs the throwaway PostgreSQL server (scripts/with-postgres.sh)")
def test_a_real_server_is_described_and_a_foreign_database_refused_without_the_password() -> None:
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    from volunteer_app.db import open_database
    from volunteer_app.errors import DatabaseError

    base = make_url(os.environ["VOLUNTEER_APP_TEST_PG"])
    names = {k: f"srv_{k}_{uuid.uuid4().hex[:8]}" for k in ("empty", "ours", "foreign")}

    def url(database: str, password: str = "") -> str:
        return sc.build_url(base.host, base.port, database, base.username, password, "disable")

    admin = create_engine(url("postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        for name in names.values():
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    foreign = create_engine(url(names["foreign"]), poolclass=NullPool)
    with foreign.begin() as conn:
        conn.execute(text("CREATE TABLE someone_elses (id int)"))
    foreign.dispose()
    open_database(url(names["ours"])).dispose()
    assert sc.check_server(url(names["empty"])).schema == sc.SCHEMA_EMPTY
    ours = sc.check_server(url(names["ours"]))
    assert ours.outcome == sc.CONNECTED and ours.schema == sc.SCHEMA_CURRENT and ours.version
    assert sc.check_server(url(names["foreign"])).schema == sc.SCHEMA_FOREIGN
    assert sc.check_server(url("no_such_" + names["empty"])).outcome == sc.DATABASE_MISSING
    with pytest.raises(DatabaseError) as refused:  # the password is unused (trust) but given
        open_database(url(names["foreign"], "secret-pw@1"))
    assert refused.value.code == "foreign_database"
    assert "secret-pw" not in repr(refused.value.details) and "secret-pw" not in str(refused.value)
    with admin.connect() as conn:
        for name in names.values():
            conn.execute(text(f'DROP DATABASE "{name}"'))
    admin.dispose()
