"""On a shared PostgreSQL server the office PCs use a role that cannot rewrite the audit
log: no UPDATE, DELETE, TRUNCATE or TRIGGER on ``audit_entry``, and triggers belong to the
schema owner, a separate role (docs/shared-server.md, "Two roles"). The app must work
with that role, and the role must really be unable to touch the log.

PostgreSQL only; the SQL is the documentation's, read from it, so the two cannot drift.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from volunteer_app.db import Database, open_database
from volunteer_app.security import accounts, chain
from volunteer_app.services import teams

pytestmark = pytest.mark.skipif(os.environ.get("VOLUNTEER_APP_TEST_BACKEND", "sqlite") != "postgres",
                                reason="PostgreSQL roles")
DOC = Path(__file__).resolve().parent.parent / "docs" / "shared-server.md"
_IN_DATABASE = ("ALTER SCHEMA", "REVOKE ALL ON SCHEMA", "GRANT USAGE ON SCHEMA")


def _doc_sql(marker: str) -> list[str]:
    """The statements of the ```sql block following ``marker`` in the documentation."""
    doc = DOC.read_text(encoding="utf-8")
    block = doc[doc.index(marker):]
    body = re.search(r"```sql\n(.*?)```", block, re.DOTALL).group(1)
    # psql's own commands (\c) and comments are not SQL
    body = "\n".join(line for line in body.splitlines() if not line.strip().startswith(("--", "\\")))
    return [s.strip() for s in body.split(";") if s.strip()]


def _admin():  # noqa: ANN202
    return create_engine(os.environ["VOLUNTEER_APP_TEST_PG"], isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _url(role: str, database: str) -> str:
    return make_url(os.environ["VOLUNTEER_APP_TEST_PG"]).set(username=role, database=database).render_as_string(
        hide_password=False)


@pytest.fixture
def two_roles() -> Iterator[tuple[str, str]]:
    """A database set up as the documentation says: URLs of the owner and the app role."""
    tag = uuid.uuid4().hex[:8]
    names = {"volunteer_owner": f"vo_{tag}", "volunteer_app": f"va_{tag}", "volunteer": f"vdb_{tag}"}

    def named(sql: str) -> str:
        for generic, actual in names.items():
            sql = re.sub(rf"\b{generic}\b", actual, sql)
        return re.sub(r"PASSWORD '[^']*'", "", sql)  # the throwaway server trusts 127.0.0.1

    admin = _admin()
    with admin.connect() as conn:
        for sql in _doc_sql("<!-- roles: as postgres -->"):
            if sql.startswith(_IN_DATABASE):
                continue  # run inside the new database below
            conn.execute(text(named(sql)))
    owner_db = create_engine(_url("postgres", names["volunteer"]), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with owner_db.connect() as conn:
        for sql in _doc_sql("<!-- roles: as postgres -->"):
            if sql.startswith(_IN_DATABASE):  # after the documentation's \c volunteer
                conn.execute(text(named(sql)))
    owner_db.dispose()
    owner_url = _url(names["volunteer_owner"], names["volunteer"])
    app_url = _url(names["volunteer_app"], names["volunteer"])
    db = open_database(owner_url)  # volunteer-app init, as the owner
    db.dispose()
    owner = create_engine(owner_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with owner.connect() as conn:
        for sql in _doc_sql("<!-- roles: as volunteer_owner -->"):
            conn.execute(text(named(sql)))
    owner.dispose()
    yield owner_url, app_url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{names["volunteer"]}" WITH (FORCE)'))
        for role in (names["volunteer_app"], names["volunteer_owner"]):
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


def test_the_app_works_with_the_restricted_role(two_roles: tuple[str, str]) -> None:
    _owner_url, app_url = two_roles
    db: Database = open_database(app_url)
    try:
        with db.session() as s:
            team = teams.save_team(s, None, "受限角色的队", "other")
        with db.session() as s:
            teams.save_team(s, team, "受限角色的队（改名）", "other")
            accounts.enable_accounts(s, "admin", "correct horse")
        accounts.login_unit(db, "admin", "correct horse")
        with db.session() as s:
            accounts.disable_accounts(s)
        report = chain.verify_database(db)
        assert report.ok, report.problems
        assert report.entries >= 5
    finally:
        db.dispose()


@pytest.mark.parametrize("attack", [
    "UPDATE audit_entry SET summary = 'x'",
    "DELETE FROM audit_entry",
    "TRUNCATE audit_entry",
    "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
    "DROP TRIGGER audit_entry_append_only ON audit_entry",
    "CREATE TRIGGER sneaky BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()",
    "UPDATE alembic_version SET version_num = '0001'",
])
def test_the_restricted_role_cannot_rewrite_the_log(two_roles: tuple[str, str], attack: str) -> None:
    _owner_url, app_url = two_roles
    db = open_database(app_url)
    try:
        with db.session() as s:
            teams.save_team(s, None, "有日志", "other")
        engine = create_engine(app_url, poolclass=NullPool)
        with pytest.raises(DBAPIError) as err, engine.begin() as conn:
            conn.exec_driver_sql(attack)
        assert getattr(err.value.orig, "sqlstate", "") in ("42501",)  # insufficient_privilege
        engine.dispose()
        assert chain.verify_database(db).ok
    finally:
        db.dispose()
