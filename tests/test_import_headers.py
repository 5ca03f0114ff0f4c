"""Import headers offices use, and ID numbers Excel stored as numbers (issue 18, point 11).

A sheet headed 手机号码 / 身份证号码 / 所在网格 / 所在队伍 was refused ("missing column 手机号")
or imported without its grid and team; an ID number typed into an Excel number cell
(5.40102199001011E+17, its last digits lost) was reported as a wrong check digit, which
sent the clerk looking for a typo that is not there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import_export import write_csv, write_xlsx

from volunteer_app.db import Database
from volunteer_app.errors import ImportFailed
from volunteer_app.importexport import volunteers_io as vio
from volunteer_app.importexport.tables import cell_text
from volunteer_app.services import volunteers as vs

OFFICE_HEADER = ["*志愿者姓名", "性别", "手机号码（必填）", "身份证号码", "所在网格", "所在队伍", "职务"]
ROW = ["曾力", "男", "13912340000", "11010519491231002X", "3号网格", "小喇叭巡逻队", "队员"]


@pytest.mark.parametrize("header", [
    OFFICE_HEADER,
    ["姓名", "性别", "联系电话", "身份证", "所属网格", "所属队伍", "职务"],
    ["姓 名", "性别", "电话", "公民身份号码", "网格名称", "队伍名称", "职务"],
])
def test_office_headers_are_understood(demo_db: Database, tmp_path: Path, header: list[str]) -> None:
    path = write_xlsx(tmp_path / "office.xlsx", [ROW], header=header)
    with demo_db.session() as s:
        assert vio.import_file(s, path) == 1
    with demo_db.session() as s:
        row = vs.list_rows(s, vs.VolunteerFilter(search="13912340000"))[0]
    assert row.grid == "3号网格" and list(row.teams) == ["小喇叭巡逻队"]


def test_an_id_number_excel_stored_as_a_number_is_explained(demo_db: Database, tmp_path: Path) -> None:
    as_number = ROW[:3] + [5.40102199001011e17] + ROW[4:]
    xlsx = write_xlsx(tmp_path / "number.xlsx", [as_number], header=OFFICE_HEADER)
    csv_ = write_csv(tmp_path / "number.csv", [ROW[:3] + ["5.40102199001011E+17"] + ROW[4:]],
                     header=OFFICE_HEADER)
    for path in (xlsx, csv_):
        with pytest.raises(ImportFailed) as err, demo_db.session() as s:
            vio.import_file(s, path)
        assert [(p.row, p.column, p.code) for p in err.value.problems] == [(2, "身份证号码", "id_excel_number")]


def test_long_numbers_excel_cannot_hold_are_shown_as_excel_shows_them() -> None:
    assert cell_text(5.40102199001011e17) == "5.40102199001011E+17"
    assert cell_text(13800138000.0) == "13800138000"  # a mobile typed as a number: whole
    assert cell_text(540102199001011234) == "540102199001011234"  # an exact integer stays


def test_a_number_column_under_another_header_is_masked_in_messages(demo_db: Database, tmp_path: Path) -> None:
    from volunteer_app.cli.messages import row_problem

    bad = ROW[:3] + ["11010519491231002Y"] + ROW[4:]
    path = write_xlsx(tmp_path / "bad.xlsx", [bad], header=OFFICE_HEADER)
    with pytest.raises(ImportFailed) as err, demo_db.session() as s:
        vio.import_file(s, path)
    text = " ".join(row_problem(str(path), p) for p in err.value.problems)
    assert "身份证号码" in text and "11010519491231002Y" not in text
