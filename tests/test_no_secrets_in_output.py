"""Nothing sensitive in logs or messages (issue 17 point 6): a password typed into the
user-name field is not written to the audit log; the core's errors on bad input holding
an ID number, a phone number or a password reach neither the command line's stderr nor
the log (the desktop's error texts: tests/ui/test_no_secrets_in_messages.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from volunteer_app.cli import main
from volunteer_app.db import Database
from volunteer_app.errors import ConflictError
from volunteer_app.models import Volunteer
from volunteer_app.models.accounts import AuditEntry
from volunteer_app.security import accounts
from volunteer_app.security.redact import install_log_redaction, scrub

ID_NUMBER = "11010519491231002X"  # a valid one (checksum right)
ID_BAD_CHECKSUM = "110105194912310021"
PHONE = "13912345678"
PHONE_SHORT = "1391234567"
PASSWORD = "Tr0ub4dor&3-zh"
SECRETS = (ID_NUMBER, ID_BAD_CHECKSUM, PHONE, PHONE_SHORT, PASSWORD)


def _url(db: Database) -> str:
    from sqlalchemy.engine import make_url

    return make_url(db.url).render_as_string(hide_password=False)


def _leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


def _audit_text(db: Database) -> str:
    with db.engine.connect() as conn:
        return "\n".join(repr(tuple(r)) for r in conn.execute(select(AuditEntry.__table__)))


def test_a_password_typed_as_the_user_name_is_not_in_the_audit_log(demo_db: Database) -> None:
    with demo_db.session() as s:
        accounts.enable_accounts(s, "admin", "correct horse")
    with pytest.raises(accounts.LoginFailed):  # the password in the user-name field
        accounts.login_unit(demo_db, PASSWORD, "")
    with pytest.raises(accounts.LoginFailed):  # a real account, a wrong password
        accounts.login_unit(demo_db, "admin", PASSWORD)
    assert _leaks(_audit_text(demo_db)) == []
    with demo_db.engine.connect() as conn:
        failed = conn.execute(select(AuditEntry.operator, AuditEntry.entity_id, AuditEntry.summary)
                              .where(AuditEntry.action == "login_failed").order_by(AuditEntry.id)).all()
    admin_id = conn_id = None
    with demo_db.session() as s:
        from volunteer_app.models.accounts import Operator

        admin_id = s.scalar(select(Operator.id).where(Operator.username == "admin"))
    conn_id = str(admin_id)
    # That a login failed is recorded: for no account, then for the admin's account.
    assert [tuple(r) for r in failed] == [("", "", ""), ("admin", conn_id, "admin")]


def test_command_line_errors_carry_no_numbers_or_passwords(demo_db: Database, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    url = _url(demo_db)
    sheet = tmp_path / "bad.csv"
    with demo_db.session() as s:
        taken = s.scalar(select(Volunteer.mobile).limit(1))
    sheet.write_text("姓名,性别,手机号,身份证号\n"
                     f"张三,男,{PHONE_SHORT},{ID_BAD_CHECKSUM}\n"
                     f"李四,女,{taken},{ID_NUMBER[:-1]}\n"
                     f"王五{PHONE},男,{PHONE},{ID_NUMBER}\n", encoding="utf-8")
    runs = [
        (["volunteers", "import", str(sheet)], 2),
        (["orders", "add", "--resident", "居民", "--phone", f"{PHONE}#{ID_NUMBER}", "--description", "灯坏了"], 2),
        (["--operator", f"={PASSWORD}", "teams", "list"], 2),  # the password in the name field
    ]
    for argv, code in runs:
        assert main(["--db", url, *argv]) == code, argv
    out = capsys.readouterr()
    assert "row 2" in out.err and "row 3" in out.err  # the rows are still named
    assert _leaks(out.err) == [] and _leaks(out.out) == [] and _leaks(caplog.text) == []
    assert taken not in out.err


def test_usage_errors_mask_what_was_typed(demo_db: Database, capsys: pytest.CaptureFixture) -> None:
    """A phone or ID number typed into the wrong option: argparse's refusal and the command
    line's own usage messages quote the value, masked (they printed it whole)."""
    url = _url(demo_db)
    runs = [
        ["hours", "add", "1", "--date", "2026-12-01", "--hours", PHONE, "--reason", "x"],
        ["hours", "list", "--month", ID_NUMBER],
        ["shifts", "add", "--date", ID_BAD_CHECKSUM, "--start", "09:00", "--end", "10:00"],
        ["hours", "checkin", "1", "--completed", f"{PHONE}@09:00-10:00"],
        ["jobs", "set", "nightly_backup", "--leads", PHONE],
    ]
    for argv in runs:
        try:
            code = main(["--db", url, *argv])
        except SystemExit as exc:  # argparse's refusal
            code = exc.code
        assert code == 2, argv
        err = capsys.readouterr().err
        assert err.startswith(("volunteer-app", "usage")) and _leaks(err) == [], (argv, err)
        assert "5678" in err or "002X" in err or "0021" in err, err  # still names the value


def test_a_server_password_never_reaches_the_message(capsys: pytest.CaptureFixture) -> None:
    url = f"postgresql+psycopg://clerk:{PASSWORD}@127.0.0.1:9/nothing"
    assert main(["--db", url, "teams", "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("volunteer-app: ") and PASSWORD not in err


def test_driver_errors_and_their_log_lines_are_scrubbed(demo_db: Database,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    """A constraint the database refuses: the driver's text (PostgreSQL quotes the values
    of the violated key) stays out of the error, and out of the log with the traceback."""
    install_log_redaction()
    with demo_db.session() as s:
        taken = s.scalar(select(Volunteer.mobile).where(Volunteer.mobile.is_not(None)).limit(1))
    with pytest.raises(ConflictError) as err, demo_db.session() as s:
        s.execute(insert(Volunteer.__table__).values(
            name="重复", mobile=taken, id_number_last4=ID_NUMBER[-4:], gender="male", sort_key="c", search_text="c",
            active=True, party_household=False, version=1, political_status="", notes="", occupation="",
            skills=""))
    assert taken not in str(err.value) and ID_NUMBER not in str(err.value)
    with caplog.at_level(logging.ERROR):
        logging.getLogger("ui.common.db_worker").error("database task %s failed", "save", exc_info=err.value)
        logging.getLogger("volunteer_app.jobs.jobs").error("resident %s called about %s", PHONE, ID_NUMBER)
    assert "IntegrityError" in caplog.text or "constraint" in caplog.text  # the traceback is there
    assert taken not in caplog.text and _leaks(caplog.text) == []


def test_scrub() -> None:
    text = (f"postgresql+psycopg://u:{PASSWORD}@db/x; call {PHONE} or 139-1234-5678 or +86 139 1234 5678; "
            f"ID {ID_NUMBER} / {ID_BAD_CHECKSUM.lower()}; landline 0891-6321234\n"
            "[parameters: ('张三', '13912345678')]\nDETAIL:  Key (mobile)=(13912345678) already exists.")
    out = scrub(text)
    assert _leaks(out) == [] and "1234-5678" not in out and "6321234" not in out
    assert "postgresql+psycopg://u:***@db/x" in out and "5678" in out  # the last four stay
    # Not personal numbers: dates, times, ids, file names with time stamps stay as they are.
    plain = "volunteer-20261207-023000.db row 12345, 2026-12-07 09:30, id 42, 共 152 人"
    assert scrub(plain) == plain
