"""Translated messages for the core's error codes name the field, row and column."""

from __future__ import annotations

from volunteer_app.errors import (
    ConflictError,
    DatabaseError,
    FieldProblem,
    ImportFailed,
    RowProblem,
    ValidationError,
)
from volunteer_app.validation import normalize_id_number, normalize_mobile


def test_field_problems_name_the_field(app) -> None:  # noqa: ANN001
    from ui.texts.errors import field_problem_text

    try:
        normalize_mobile("12345")
    except ValidationError as exc:
        assert field_problem_text(exc.problems[0]) == \
            "手机号不是有效的手机号（应为以 1 开头的 11 位数字）"
    try:
        normalize_id_number("110101199003071234")
    except ValidationError as exc:
        assert exc.problems[0].code == "id_checksum"
        assert field_problem_text(exc.problems[0]).startswith("身份证号校验位")
    p = FieldProblem("mobile", "duplicate_mobile", "13800138000")
    assert field_problem_text(p, include_field=False) == "已登记给其他志愿者"


def test_row_problems_name_row_and_column(app) -> None:  # noqa: ANN001
    from ui.texts.errors import error_text, row_problem_text

    # A phone number, even a wrong one, shows only its last four digits (issue 17).
    assert row_problem_text(RowProblem(3, "手机号", "mobile_invalid", "1360000")) == \
        "第 3 行“手机号”列：“***0000”不是有效的手机号（应为以 1 开头的 11 位数字）"
    assert row_problem_text(RowProblem(5, "手机号", "duplicate_in_file", 2)) == \
        "第 5 行“手机号”列：与文件第 2 行重复"
    assert row_problem_text(RowProblem(1, "姓名", "missing_column")) == \
        "第 1 行“姓名”列：列在表头中缺失"
    assert row_problem_text(RowProblem(0, "", "not_a_workbook", "BadZipFile")) == \
        "文件不是可读取的 Excel 工作簿（.xlsx）。"
    failed = ImportFailed("a.xlsx", [RowProblem(2, "网格", "unknown_grid", "99号网格"),
                                     RowProblem(4, "队伍", "unknown_team", "无名队")])
    assert error_text(failed).splitlines() == [
        "第 2 行“网格”列：“99号网格”中的网格不存在",
        "第 4 行“队伍”列：“无名队”中的队伍不存在",
    ]


def test_errors_and_unknown_codes(app) -> None:  # noqa: ANN001
    from ui.texts.errors import error_text

    assert error_text(DatabaseError("not_a_database", path="/tmp/x.db")) == \
        "/tmp/x.db 不是本软件的数据库文件。"
    assert "不能删除" in error_text(ConflictError("has_history", id=3))
    assert error_text(ConflictError("some_new_code")) == "错误：some_new_code"
    assert error_text(ZeroDivisionError("x")).startswith("意外错误：ZeroDivisionError")


def test_every_register_code_has_chinese(app) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication

    from ui.texts import errors as et

    for table in (et.FIELDS, et.REASONS, et.FILE_PROBLEMS, et.ERRORS):
        for code, source in table.items():
            text = QCoreApplication.translate("ErrorText", source)
            assert text != source or not any(c.isalpha() and c.isascii() for c in source), code


def test_features_can_register_codes(app) -> None:  # noqa: ANN001
    from ui.texts import errors as et

    et.register_texts(errors={"zz_probe": "Probe %1"})
    try:
        assert et.error_text(ConflictError("zz_probe", name="x")) == "Probe x"
    finally:
        del et.ERRORS["zz_probe"]
