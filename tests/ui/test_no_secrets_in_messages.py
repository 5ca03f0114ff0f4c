"""The desktop's error texts never quote an ID number, a phone number, a password or a
database URL's password (issue 17 point 6; the command line and the log:
tests/test_no_secrets_in_output.py)."""

from __future__ import annotations

from volunteer_app.errors import (
    DatabaseError,
    FieldProblem,
    ImportFailed,
    RowProblem,
    ValidationError,
)

ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"
PASSWORD = "Tr0ub4dor&3-zh"


def test_error_texts_quote_no_personal_numbers_or_passwords(app) -> None:  # noqa: ANN001
    from ui.texts.errors import error_text

    failures = [
        ImportFailed("名单.xlsx", [RowProblem(2, "手机号", "mobile_invalid", PHONE + "0"),
                                 RowProblem(3, "身份证号", "id_checksum", ID_NUMBER),
                                 RowProblem(4, "姓名", "bad_characters", f"={PHONE} {ID_NUMBER}"),
                                 RowProblem(5, "手机号", "duplicate_mobile", PHONE)]),
        ValidationError([FieldProblem("username", "username_invalid", PASSWORD),
                         FieldProblem("mobile", "mobile_invalid", PHONE)]),
        DatabaseError("unreadable", path=f"postgresql+psycopg://clerk:{PASSWORD}@server/volunteer",
                      reason=f"DETAIL: Key (mobile)=({PHONE}) already exists."),
        DatabaseError("bad_url", url=f"postgresql://clerk:{PASSWORD}@server"),
        RuntimeError(f"(psycopg.errors.UniqueViolation) duplicate key\n[parameters: ('{PHONE}', '{ID_NUMBER}')]"),
        OSError(f"cannot open {ID_NUMBER}.xlsx"),
    ]
    for exc in failures:
        text = error_text(exc)
        assert text
        for secret in (ID_NUMBER, PHONE, PASSWORD, PHONE + "0"):
            assert secret not in text, (type(exc).__name__, text)
    rows = error_text(failures[0])
    assert "2" in rows and "5678" in rows  # the row and the number's last four stay findable
