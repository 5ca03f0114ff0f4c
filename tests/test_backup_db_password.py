"""Issue 17.3: a PostgreSQL password never reaches a message, the settings or the audit log.

Run the real command line (its own process, as a clerk would) against server URLs that
cannot connect, with the password written in every way a clerk might type it.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from volunteer_app import db_password
from volunteer_app.security.redact import scrub

URLS = [
    "postgresql://u:secretpw@127.0.0.1:1/x",
    "postgresql+psycopg://u:secretpw@127.0.0.1:1/x",
    "postgresql://u:secretpw@127.0.0.1:1",            # no database name: no "/" after the host
    "postgresql://u:secret pw@127.0.0.1:1/x",          # a space in it
    "postgresql://u:sec@retpw@127.0.0.1:1/x",          # an "@" not percent-encoded
    "postgresql://u:secretpw@127.0.0.1:99999/x",       # an invalid port
    "postgresql+nodriver://u:secretpw@127.0.0.1:1/x",  # an unknown driver
]


def cli(*args: str) -> subprocess.CompletedProcess:
    code = "import sys; from volunteer_app.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {k: v for k, v in os.environ.items() if k != "VOLUNTEER_APP_DB"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.mark.parametrize("url", URLS)
def test_no_password_in_any_message(url: str, tmp_path) -> None:  # noqa: ANN001
    for command in (["teams", "list"], ["init"], ["backup", "-o", str(tmp_path / "b.vabak")]):
        result = cli("--db", url, *command)
        out = result.stdout + result.stderr
        assert result.returncode in (1, 2), (command, out)
        assert out.strip(), command
        for part in ("secretpw", "secret pw", "retpw"):
            assert part not in out, (command, out)
        assert "Traceback" not in out


def test_unencoded_at_in_the_password_is_a_bad_url_not_a_host() -> None:
    result = cli("--db", "postgresql://u:sec@retpw@127.0.0.1:1/x", "teams", "list")
    assert result.returncode == 2 and "retpw" not in result.stderr


@pytest.mark.parametrize("text", [
    "postgresql://u:sec@retpw@host/x failed",
    "postgresql://u:secret pw@host/x failed",
    "could not open postgresql://u:secretpw@host and sqlite:///a.db",
])
def test_scrub_masks_the_whole_password(text: str) -> None:
    out = scrub(text)
    assert "secret" not in out and "retpw" not in out
    assert out.endswith(("failed", "sqlite:///a.db"))  # the text after the URL stays


def test_stored_url_has_no_password() -> None:
    assert db_password.without_password("postgresql://u:secretpw@h:5433/x") == "postgresql://u@h:5433/x"
    assert db_password.without_password("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"
    stored, where = db_password.remember("postgresql://u:secretpw@h/x")
    assert stored == "postgresql://u@h/x" and where == "pgpass"  # tests run without a keyring


def test_audit_log_of_a_backup_never_holds_the_url(db, tmp_path) -> None:  # noqa: ANN001
    """The backup's entry names the file written, never the database URL."""
    from sqlalchemy import text

    from volunteer_app.backup import create_backup

    create_backup(db, tmp_path / "b.vabak")
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT summary, changes FROM audit_entry WHERE action = 'backup'")).all()
    assert rows and all(db.url not in str(r) and "://" not in str(r) for r in rows)
