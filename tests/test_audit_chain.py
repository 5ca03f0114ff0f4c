"""The audit log as a chain of keyed hashes (volunteer_app.security.chain), attacked the
way someone with the database file and a SQLite editor (or a server login) would:
triggers dropped, entries edited, removed, forged; security settings and verified hours
changed behind the app's back. ``audit verify`` must name what was done; what the app
itself does must never look like tampering."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from volunteer_app.cli import main
from volunteer_app.db import Database, open_database, sqlite_path
from volunteer_app.models.accounts import AuditEntry
from volunteer_app.security import accounts, chain, keys
from volunteer_app.security.keys import KeyStoreError
from volunteer_app.services import hours as hours_service
from volunteer_app.services import teams
from volunteer_app.services import volunteers as vs


def _url(db: Database) -> str:
    from sqlalchemy.engine import make_url

    return make_url(db.url).render_as_string(hide_password=False)


def tamper(db: Database, *statements: str) -> None:
    """Run SQL as an attacker would: the append-only triggers out of the way first.

    SQLite: a plain sqlite3 connection to the file (no app code); PostgreSQL: the
    server's superuser (the test admin), disabling the trigger.
    """
    path = sqlite_path(db.url)
    if path is not None:
        con = sqlite3.connect(path)
        try:
            con.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
            con.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
            for sql in statements:
                con.execute(sql)
            con.commit()
        finally:
            con.close()
        return
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
        for sql in statements:
            conn.exec_driver_sql(sql)
        conn.exec_driver_sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only")


def verify(db: Database) -> chain.ChainReport:
    return chain.verify_database(db)


def kinds(report: chain.ChainReport) -> list[tuple[str, object]]:
    return [(p.kind, p.entry_id if p.entry_id is not None else p.key) for p in report.problems]


def entry_ids(db: Database) -> list[int]:
    with db.engine.connect() as conn:
        return list(conn.execute(select(AuditEntry.id).order_by(AuditEntry.id)).scalars())


def new_team(db: Database, name: str) -> int:
    with db.session() as s:
        return teams.save_team(s, None, name, "other")


@pytest.fixture
def hours_db(demo_db: Database) -> Iterator[tuple[Database, int, int]]:
    """The demo community with one verified and one unverified hours entry (their ids)."""
    with demo_db.session() as s:
        volunteer = vs.query_ids(s)[0]
        yesterday = date.today() - timedelta(days=1)
        verified = hours_service.add_manual(s, volunteer, yesterday, 2, "社区活动", "文书")
        pending = hours_service.add_manual(s, volunteer, yesterday, 1.5, "培训", "文书")
    with demo_db.session() as s:
        hours_service.verify(s, [verified], "王队长")
    yield demo_db, verified, pending


# -- what the app does is not tampering ------------------------------------------------


def test_a_new_database_starts_its_chain_with_its_first_change(db: Database) -> None:
    report = verify(db)
    assert report.ok and report.entries == 0
    new_team(db, "第一支队")
    with db.session() as s:
        database_id, check = chain.database_settings(s.connection())
    assert keys.valid_database_id(database_id) and check
    assert keys.load_key(database_id) is not None
    report = verify(db)
    assert report.ok, report.problems
    assert report.entries >= 2  # the chain's start and the team
    with db.engine.connect() as conn:
        assert conn.execute(select(AuditEntry.action).order_by(AuditEntry.id).limit(1)).scalar() == "chain_start"
        assert conn.execute(select(AuditEntry.id).where(AuditEntry.mac.is_(None))).first() is None


def test_the_demo_community_and_ordinary_work_verify(hours_db: tuple[Database, int, int]) -> None:
    db, verified, pending = hours_db
    with db.session() as s:
        hours_service.correct(s, verified, 3, "多记了一小时", "文书")
        hours_service.verify(s, [pending], "王队长")
        accounts.enable_accounts(s, "admin", "correct horse")
    accounts.login_unit(db, "admin", "correct horse")
    with db.session() as s:
        accounts.disable_accounts(s)
    db.actor = None
    report = verify(db)
    assert report.ok, report.problems
    assert report.checked_rows["hours_entry"] >= 3
    assert report.checked_rows["app_setting"] >= 3  # id, key check, accounts_enabled


def test_changes_left_unflushed_at_commit_are_audited_and_chained(demo_db: Database) -> None:
    """Switching accounts off changes its setting without a flush: the commit's own flush
    wrote it, and the audit log used to miss it (its entry was collected too late)."""
    with demo_db.session() as s:
        accounts.enable_accounts(s, "admin", "correct horse")
    accounts.login_unit(demo_db, "admin", "correct horse")
    with demo_db.session() as s:
        accounts.disable_accounts(s)
    demo_db.actor = None
    with demo_db.engine.connect() as conn:
        changes = conn.execute(select(AuditEntry.changes, AuditEntry.state).where(
            AuditEntry.entity == "app_setting", AuditEntry.entity_id == "accounts_enabled",
            AuditEntry.action == "update")).all()
    assert [c for c, _ in changes] == ['{"value": ["1", "0"]}']
    import json

    assert json.loads(changes[0][1])["app_setting"]["accounts_enabled"]["value"] == "0"
    assert verify(demo_db).ok


def test_lockout_and_unlock_are_recorded_by_their_own_entries(demo_db: Database) -> None:
    with demo_db.session() as s:
        accounts.enable_accounts(s, "admin", "correct horse")
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(accounts.LoginFailed):
            accounts.login_unit(demo_db, "admin", "wrong")
    accounts.login_unit(demo_db, "admin", "correct horse", now=datetime.now() + timedelta(hours=1))
    with demo_db.session() as s:
        accounts.unlock(s, accounts.list_operators(s)[0].id)
    demo_db.actor = None
    with demo_db.engine.connect() as conn:
        actions = list(conn.execute(select(AuditEntry.action).where(AuditEntry.entity == "operator")
                                    .order_by(AuditEntry.id)).scalars())
    assert actions[-3:] == ["login_failed", "login", "unlock"]  # no "update" for the bookkeeping
    assert verify(demo_db).ok  # and the operator row's lockout columns are recorded all the same


def test_a_deleted_team_nulling_hours_links_is_not_tampering(demo_db: Database) -> None:
    team = new_team(demo_db, "临时活动队")
    with demo_db.session() as s:
        volunteer = vs.query_ids(s)[0]
        entry = hours_service.add_manual(s, volunteer, date.today() - timedelta(days=1), 1, "活动", "文书",
                                         team_id=team)
        hours_service.verify(s, [entry], "协调员")
    with demo_db.session() as s:
        teams.delete_team(s, team)  # the database sets hours_entry.team_id to NULL
    report = verify(demo_db)
    assert report.ok, report.problems


@pytest.mark.parametrize("suffix", [".vabak", ".db"])
def test_restoring_a_backup_keeps_the_chain_intact(hours_db: tuple[Database, int, int], new_db_url,  # noqa: ANN001
                                                   tmp_path: Path, suffix: str) -> None:
    """A .db backup holds its own backup entry beyond the chain head it copied: still intact."""
    from volunteer_app.backup import create_backup, restore_backup

    db = hours_db[0]
    if suffix == ".db" and not db.is_sqlite:
        pytest.skip("a .db backup is made of a SQLite database")
    archive = tmp_path / f"all{suffix}"
    create_backup(db, archive)
    target = open_database(new_db_url("target"))
    try:
        restore_backup(target, archive)
        assert verify(target).ok
        new_team(target, "恢复后的队")
        report = verify(target)
        assert report.ok, report.problems
    finally:
        target.dispose()


# -- attacks on the log itself -----------------------------------------------------------


def test_drop_trigger_and_edit_an_entry_is_named(demo_db: Database) -> None:
    ids = entry_ids(demo_db)
    victim = ids[len(ids) // 2]
    tamper(demo_db, f"UPDATE audit_entry SET operator = 'someone else' WHERE id = {victim}")
    report = verify(demo_db)
    assert not report.ok
    assert report.first_bad_entry == victim
    assert kinds(report) == [("entry_altered", victim)]  # the entries after it still link


def test_removing_an_entry_is_found_at_the_next_one(demo_db: Database) -> None:
    ids = entry_ids(demo_db)
    tamper(demo_db, f"DELETE FROM audit_entry WHERE id = {ids[5]}")
    report = verify(demo_db)
    assert kinds(report) == [("entry_altered", ids[6])]


def test_removing_the_newest_entries_is_found_and_stays_found(demo_db: Database) -> None:
    new_team(demo_db, "要被抹掉的队")
    ids = entry_ids(demo_db)
    tamper(demo_db, f"DELETE FROM audit_entry WHERE id > {ids[-3]}")
    report = verify(demo_db)
    assert ("entries_removed", ids[-3]) in kinds(report)
    # The app goes on writing: the gap stays visible in the chain itself.
    new_team(demo_db, "之后的队")
    report = verify(demo_db)
    assert not report.ok
    assert report.first_bad_entry is not None and report.first_bad_entry > ids[-1]


def test_forged_entries_are_found(demo_db: Database) -> None:
    top = entry_ids(demo_db)[-1]
    tamper(demo_db,
           "INSERT INTO audit_entry (id, at, operator, action, entity, entity_id, summary, changes, mac) "
           f"VALUES ({top + 1}, '2026-12-01 09:00:00', '王主任', 'export', 'volunteer', '', 'x', '{{}}', "
           f"'{'ab' * 32}')",
           "INSERT INTO audit_entry (id, at, operator, action, entity, entity_id, summary, changes) "
           f"VALUES ({top + 2}, '2026-12-01 09:00:00', '王主任', 'export', 'volunteer', '', 'y', '{{}}')")
    report = verify(demo_db)
    assert ("entry_altered", top + 1) in kinds(report)
    assert ("entry_unchained", top + 2) in kinds(report)
    assert report.first_bad_entry == top + 1


def test_wiping_the_whole_log_is_found_and_starts_no_new_chain(hours_db: tuple[Database, int, int]) -> None:
    """Everything that identifies the chain removed at once (entries, head, database id):
    the data is still there, so this is no new database; no new chain blesses it."""
    from volunteer_app.errors import DatabaseError

    db = hours_db[0]
    tamper(db, "DELETE FROM audit_entry", "DELETE FROM audit_chain",
           "DELETE FROM app_setting WHERE key IN ('database_id', 'key_check')")
    assert kinds(verify(db)) == [("chain_missing", "")]
    with pytest.raises(DatabaseError) as err, db.session() as s:
        teams.save_team(s, None, "新链", "other")
    assert err.value.code == "audit_log_missing"
    assert entry_ids(db) == [] and kinds(verify(db)) == [("chain_missing", "")]


def test_rewriting_the_chain_head_is_found(demo_db: Database) -> None:
    top = entry_ids(demo_db)[-1]
    tamper(demo_db, f"UPDATE audit_chain SET last_id = {top - 3}")
    assert [k for k, _ in kinds(verify(demo_db))] == ["head_altered"]


def test_macs_recomputed_without_the_key_do_not_pass(demo_db: Database) -> None:
    """An attacker who knows the algorithm but not the key recomputes every MAC with a
    key of their own (here: the database id, the only "secret" in the file)."""
    with demo_db.engine.connect() as conn:
        database_id, _ = chain.database_settings(conn)
        rows = [dict(r._mapping) for r in conn.execute(select(AuditEntry.__table__).order_by(AuditEntry.id))]
    guess = database_id.encode()
    prev, statements = "", []
    for row in rows:
        row["summary"] = "rewritten"
        mac = chain.entry_mac(guess, row, prev)
        statements.append(f"UPDATE audit_entry SET summary = 'rewritten', mac = '{mac}' WHERE id = {row['id']}")
        prev = mac
    head = chain.head_mac(guess, rows[-1]["id"], prev)
    statements.append(f"UPDATE audit_chain SET last_mac = '{prev}', mac = '{head}'")
    tamper(demo_db, *statements)
    report = verify(demo_db)
    assert report.first_bad_entry == rows[0]["id"]
    assert report.problem_count >= len(rows)


# -- attacks on what the log protects ----------------------------------------------------


def test_switching_logins_off_behind_the_apps_back_is_named_and_does_not_work(
        demo_db: Database, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    from volunteer_app.security.permissions import LoginRequired

    with demo_db.session() as s:
        accounts.enable_accounts(s, "admin", "correct horse")
    tamper(demo_db, "UPDATE app_setting SET value = '0' WHERE key = 'accounts_enabled'")
    report = verify(demo_db)
    assert [(p.kind, p.key, p.recorded, p.current) for p in report.problems] == [
        ("setting_changed", "accounts_enabled", "1", "0")]
    # The settings no longer match what the app sealed: logins stay on (fails closed).
    with pytest.raises(LoginRequired), demo_db.session() as s:
        teams.save_team(s, None, "没登录", "other")
    capsys.readouterr()
    assert main(["--db", _url(demo_db), "audit", "verify"]) == 2  # login required
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", "correct horse")
    assert main(["--db", _url(demo_db), "--operator", "admin", "audit", "verify"]) == 1
    out = capsys.readouterr()
    assert "accounts_enabled" in out.out and "'1'" in out.out and "'0'" in out.out
    tamper(demo_db, "DELETE FROM app_setting WHERE key = 'accounts_enabled'")
    assert kinds(verify(demo_db)) == [("setting_removed", "accounts_enabled")]
    with pytest.raises(LoginRequired), demo_db.session() as s:
        teams.save_team(s, None, "没登录", "other")


def test_logins_switched_off_by_the_app_stay_off(demo_db: Database) -> None:
    with demo_db.session() as s:
        accounts.enable_accounts(s, "admin", "correct horse")
    accounts.login_unit(demo_db, "admin", "correct horse")
    with demo_db.session() as s:
        accounts.disable_accounts(s)
    demo_db.actor = None
    with demo_db.session() as s:  # single-user mode again, with an administrator on file
        teams.save_team(s, None, "单机模式", "other")


def test_a_setting_slipped_in_is_named(demo_db: Database) -> None:
    new_team(demo_db, "先有一条记录")
    tamper(demo_db, "INSERT INTO app_setting (key, value) VALUES ('accounts_enabled', '0')")
    assert [(p.kind, p.key, p.current) for p in verify(demo_db).problems] == [
        ("setting_added", "accounts_enabled", "0")]


def test_editing_verified_hours_is_named(hours_db: tuple[Database, int, int]) -> None:
    db, verified, pending = hours_db
    tamper(db, f"UPDATE hours_entry SET minutes = 600 WHERE id = {verified}")
    report = verify(db)
    assert [(p.kind, p.key, p.fields) for p in report.problems] == [("hours_changed", str(verified), ("minutes",))]
    assert report.problems[0].recorded is None  # hours rows are not quoted (duty, names)


def test_verifying_hours_by_sql_is_named(hours_db: tuple[Database, int, int]) -> None:
    db, _verified, pending = hours_db
    tamper(db, f"UPDATE hours_entry SET verified_at = '2026-12-01 10:00:00', verified_by = '王队长' "
               f"WHERE id = {pending}")
    report = verify(db)
    assert [(p.kind, p.key, set(p.fields)) for p in report.problems] == [
        ("hours_changed", str(pending), {"verified_at", "verified_by"})]


def test_hours_added_or_removed_by_sql_are_named(hours_db: tuple[Database, int, int]) -> None:
    db, verified, pending = hours_db
    with db.engine.connect() as conn:
        volunteer = conn.execute(text(f"SELECT volunteer_id FROM hours_entry WHERE id = {verified}")).scalar()
    tamper(db, "INSERT INTO hours_entry (id, volunteer_id, date, minutes, source, duty, reason, created_at, "
               f"created_by, verified_at, verified_by) VALUES (9999, {volunteer}, '2026-12-01', 480, 'manual', "
               "'巡逻', '补录', '2026-12-01 10:00:00', '文书', '2026-12-01 10:00:00', '王队长')",
           f"DELETE FROM hours_entry WHERE id = {pending}")
    assert sorted(kinds(verify(db))) == [("hours_added", "9999"), ("hours_removed", str(pending))]


def test_an_operator_made_administrator_or_given_a_known_password_is_named(demo_db: Database) -> None:
    """Logins are only as good as the operator rows: a role raised or a password hash
    replaced by SQL is named (the hash itself is never quoted)."""
    with demo_db.session() as s:
        accounts.enable_accounts(s, "admin", "correct horse")
    accounts.login_unit(demo_db, "admin", "correct horse")
    with demo_db.session() as s:
        clerk = accounts.save_operator(s, None, "clerk1", "clerk", password="clerkpass1")
    demo_db.actor = None
    with demo_db.engine.connect() as conn:
        known_hash = conn.execute(text(f"SELECT password_hash FROM operator WHERE id = {clerk}")).scalar()
    tamper(demo_db, f"UPDATE operator SET role = 'administrator', password_hash = '{known_hash}' "
                    "WHERE username = 'admin' OR id = " + str(clerk))
    report = verify(demo_db)
    found = {(p.kind, p.key, p.fields) for p in report.problems}
    assert ("operator_changed", str(clerk), ("role",)) in found
    assert any(k == "operator_changed" and f == ("password_hash",) for k, _key, f in found)
    assert known_hash not in str(report.to_json())


# -- attacks on the key ------------------------------------------------------------------


def test_a_changed_key_check_stops_writes_and_is_reported(demo_db: Database) -> None:
    before = entry_ids(demo_db)
    tamper(demo_db, "UPDATE app_setting SET value = 'x' WHERE key = 'key_check'")
    assert kinds(verify(demo_db)) == [("key_mismatch", verify(demo_db).database_id)]
    with pytest.raises(KeyStoreError) as err, demo_db.session() as s:
        teams.save_team(s, None, "不该写进去", "other")
    assert err.value.code == "key_mismatch"
    assert entry_ids(demo_db) == before
    with demo_db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM team WHERE name = '不该写进去'")).scalar() == 0


@pytest.mark.parametrize("new_id", ["../../../../etc/passwd", "", None])
def test_a_changed_or_removed_database_id_never_starts_a_new_chain(demo_db: Database, new_id: str | None) -> None:
    """The log holds entries: no new id, key and chain are made for it (that would bless
    whatever was done to it); writes stop, verify says the key is missing."""
    before = entry_ids(demo_db)
    if new_id is None:
        tamper(demo_db, "DELETE FROM app_setting WHERE key IN ('database_id', 'key_check')")
    else:
        tamper(demo_db, f"UPDATE app_setting SET value = '{new_id}' WHERE key = 'database_id'")
    assert [k for k, _ in kinds(verify(demo_db))] == ["key_missing"]
    with pytest.raises(KeyStoreError) as err, demo_db.session() as s:
        teams.save_team(s, None, "不该写进去", "other")
    assert err.value.code == "key_missing"
    assert entry_ids(demo_db) == before


# -- concurrency ---------------------------------------------------------------------------


def test_concurrent_writers_keep_one_chain(new_db_url) -> None:  # noqa: ANN001
    url = new_db_url("busy", template="demo")
    dbs = [open_database(url) for _ in range(4)]
    errors: list[BaseException] = []

    def work(n: int, db: Database) -> None:
        try:
            for i in range(8):
                with db.session() as s:
                    teams.save_team(s, None, f"并发队{n}-{i}", "other")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n, db)) for n, db in enumerate(dbs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert not errors, errors
        report = verify(dbs[0])
        assert report.ok, report.problems
        with dbs[0].engine.connect() as conn:
            made = conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'create' "
                                     "AND entity = 'team' AND summary LIKE '并发队%'")).scalar()
        assert made == 32
    finally:
        for db in dbs:
            db.dispose()


# -- the command, the nightly job ------------------------------------------------------


def test_audit_verify_command(demo_db: Database, capsys: pytest.CaptureFixture) -> None:
    import json

    url = _url(demo_db)
    assert main(["--db", url, "audit", "verify"]) == 0
    assert "audit log intact" in capsys.readouterr().out
    victim = entry_ids(demo_db)[3]
    tamper(demo_db, f"UPDATE audit_entry SET summary = '改过' WHERE id = {victim}")
    assert main(["--db", url, "audit", "verify"]) == 1
    out = capsys.readouterr()
    assert f"#{victim}" in out.out and f"first entry that does not match: #{victim}" in out.err
    assert main(["--db", url, "audit", "verify", "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False and doc["first_bad_entry"] == victim


@pytest.mark.slow
def test_a_fresh_process_records_its_first_unit_of_work(new_db_url) -> None:  # noqa: ANN001
    """The chain's flush hooks are there from a process's first unit of work (they once
    came with the chain's module, imported at the first commit: a command's only unit of
    work then recorded none of the rows it changed)."""
    import os
    import subprocess
    import sys

    url = new_db_url("fresh")
    env = {**os.environ, "VOLUNTEER_APP_NEW_PASSWORD": "correct horse", "VOLUNTEER_APP_PASSWORD": "correct horse"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "volunteer_app", "--db", url, *args],
                              capture_output=True, text=True, env=env, timeout=120)

    for args in (["init"], ["init", "--demo"], ["operators", "enable", "--username", "admin"]):
        res = run(*args)
        assert res.returncode == 0, res.stderr
    res = run("--operator", "admin", "audit", "verify")
    assert res.returncode == 0, res.stdout + res.stderr


def test_audit_verify_is_for_administrators(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with demo_db.session() as s:
        accounts.enable_accounts(s, "admin", "correct horse")
    accounts.login_unit(demo_db, "admin", "correct horse")
    with demo_db.session() as s:
        accounts.save_operator(s, None, "clerk1", "clerk", password="clerkpass1")
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", "clerkpass1")
    assert main(["--db", _url(demo_db), "--operator", "clerk1", "audit", "verify"]) == 1
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", "correct horse")
    assert main(["--db", _url(demo_db), "--operator", "admin", "audit", "verify"]) == 0


def test_the_nightly_check_reports_tampering(hours_db: tuple[Database, int, int]) -> None:
    from volunteer_app.jobs.jobs import run_job

    db, verified, _ = hours_db
    outcome = run_job(db, "audit_check", manual=True)
    assert outcome.status == "ok" and outcome.summary["problems"] == 0
    tamper(db, f"UPDATE hours_entry SET minutes = 900 WHERE id = {verified}")
    outcome = run_job(db, "audit_check", manual=True)
    assert outcome.status == "failed" and outcome.reason == "audit_mismatch"
    assert [n.kind for n in outcome.notices] == ["audit_mismatch"]
    assert outcome.summary["kinds"] == ["hours_changed"]


# -- the migration ------------------------------------------------------------------------


# The heads before the chain's migration (0010_audit_chain).
PRE_CHAIN = ("0003_requests_hours", "0004_jobs", "0005_autofill", "0006_accounts", "0007_no_double_booking")


def test_the_migration_chains_the_entries_already_there(new_db_url) -> None:  # noqa: ANN001
    from alembic import command

    from volunteer_app.db import alembic_config, make_engine

    url = new_db_url("old")
    engine = make_engine(url)
    for rev in PRE_CHAIN:
        command.upgrade(alembic_config(engine), rev)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO app_setting (key, value) VALUES ('accounts_enabled', '0')")
        conn.execute(text("INSERT INTO volunteer (name, gender, mobile, id_number, political_status, notes, "
                          "occupation, skills, sort_key, search_text, active, party_household, version) "
                          "VALUES ('老张', 'male', '13800001111', '', '', '', '', '', 'lz', 'lz', :t, :f, 1)"),
                     {"t": True, "f": False})
        volunteer = conn.exec_driver_sql("SELECT id FROM volunteer").scalar()
        conn.execute(text("INSERT INTO hours_entry (volunteer_id, date, minutes, source, duty, reason, "
                          "created_at, created_by, verified_at, verified_by) VALUES (:v, '2026-11-30', 120, "
                          "'manual', '巡逻', '补录', '2026-11-30 10:00:00', '文书', '2026-11-30 12:00:00', "
                          "'王队长')"), {"v": volunteer})
        for i in range(3):
            conn.execute(text("INSERT INTO audit_entry (at, operator, action, entity, entity_id, summary, "
                              "changes) VALUES ('2026-11-30 10:00:00', '文书', 'create', 'volunteer', '1', "
                              ":s, '{}')"), {"s": f"旧记录{i}"})
    engine.dispose()
    db = open_database(url)
    try:
        report = verify(db)
        assert report.ok, report.problems
        assert report.entries == 4  # the three old ones and the chain's start
        assert report.checked_rows == {"app_setting": 3, "operator": 0, "hours_entry": 1}
        old = entry_ids(db)[1]
        tamper(db, f"UPDATE audit_entry SET summary = '改过' WHERE id = {old}",
               "UPDATE hours_entry SET minutes = 480")
        assert sorted(kinds(verify(db))) == [("entry_altered", old), ("hours_changed", "1")]
    finally:
        db.dispose()


def test_a_copied_database_keeps_its_id_and_key(new_db_url) -> None:  # noqa: ANN001
    """Every test's demo database is a copy of one template: one id, one key, found again."""
    first, second = (open_database(new_db_url(name, template="demo")) for name in ("a", "b"))
    try:
        ids = []
        for db in (first, second):
            with db.session() as s:
                ids.append(chain.database_settings(s.connection())[0])
        assert ids[0] == ids[1] and keys.load_key(ids[0]) is not None
        assert verify(first).ok and verify(second).ok
    finally:
        first.dispose()
        second.dispose()
