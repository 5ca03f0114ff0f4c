"""The server URL from its parts, and what a failed connection is called (issue 18.17)."""

from __future__ import annotations

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
