"""Import (all rows or none, every bad row reported) and export of volunteers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from volunteer_app.db import Database, open_database
from volunteer_app.errors import ImportFailed
from volunteer_app.importexport import volunteers_io as vio
from volunteer_app.services import volunteers as vs

HEADER = ["姓名", "性别", "手机号", "身份证号", "网格", "队伍", "职务", "政治面貌", "备注"]


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8",
              header: list[str] = HEADER) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


GOOD = [
    ["张三", "男", "138 0000 1111", "", "3号网格", "小喇叭巡逻队", "队长", "中共党员", ""],
    ["格桑·伦珠", "女", "+8613900002222", "11010519491231002x", "5", "爱骑志愿服务队、红蜻蜓义务宣传队", "队员", "群众", "美团外卖"],
    ["李四", "", "13700003333", "", "", "", "", "", ""],
]


def test_xlsx_import_writes_all_rows(demo_db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "in.xlsx", GOOD)
    with demo_db.session() as s:
        before = vs.count(s, vs.VolunteerFilter(active=None))
        assert vio.import_file(s, path) == 3
    with demo_db.session() as s:
        assert vs.count(s, vs.VolunteerFilter(active=None)) == before + 3
        row = vs.list_rows(s, vs.VolunteerFilter(search="13900002222"))[0]
        assert row.name == "格桑·伦珠" and row.grid == "5号网格"
        assert set(row.teams) == {"爱骑志愿服务队", "红蜻蜓义务宣传队"}
        detail = vs.get(s, row.id)
        assert detail.id_number == "11010519491231002X"
        zhang = vs.get(s, vs.list_rows(s, vs.VolunteerFilter(search="zhangsan"))[0].id)
        assert zhang.teams[0][1:] == ("小喇叭巡逻队", "captain")


def test_bad_rows_all_reported_and_nothing_written(demo_db: Database, tmp_path: Path) -> None:
    demo_mobile = None
    with demo_db.session() as s:
        demo_mobile = vs.list_rows(s)[0].mobile
        before = vs.count(s, vs.VolunteerFilter(active=None))
    rows = [
        GOOD[0],                                                         # row 2 fine
        ["", "男", "13800004444", "", "", "", "", "", ""],                 # row 3 no name
        ["王五", "男", "12345", "", "", "", "", "", ""],                   # row 4 bad mobile
        ["赵六", "男", "13800005555", "110105194912310021", "", "", "", "", ""],  # row 5 checksum
        ["孙七", "男", "13800006666", "", "99号网格", "不存在的队", "", "", ""],   # row 6 grid+team
        ["周八", "男", "138 0000 1111", "", "", "", "", "", ""],            # row 7 dup of row 2
        ["吴九", "男", demo_mobile, "", "", "", "", "", ""],               # row 8 already registered
        ["郑十", "人", "13800007777", "", "", "小喇叭巡逻队", "组长", "", ""],  # row 9 gender+role
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", rows)
    with pytest.raises(ImportFailed) as err, demo_db.session() as s:
        vio.import_file(s, path)
    got = {(p.row, p.column, p.code) for p in err.value.problems}
    assert got == {
        (3, "姓名", "required"),
        (4, "手机号", "mobile_invalid"),
        (5, "身份证号", "id_checksum"),
        (6, "网格", "unknown_grid"),
        (6, "队伍", "unknown_team"),
        (7, "手机号", "duplicate_in_file"),
        (8, "手机号", "duplicate_mobile"),
        (9, "性别", "gender_invalid"),
        (9, "职务", "role_invalid"),
    }
    with demo_db.session() as s:
        assert vs.count(s, vs.VolunteerFilter(active=None)) == before


def test_dry_run_writes_nothing(demo_db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "in.xlsx", GOOD)
    with demo_db.session() as s:
        before = vs.count(s)
        assert vio.import_file(s, path, dry_run=True) == 3
    with demo_db.session() as s:
        assert vs.count(s) == before


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings(demo_db: Database, tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "in.csv", GOOD, encoding=encoding)
    with demo_db.session() as s:
        assert vio.import_file(s, path) == 3
        assert vs.list_rows(s, vs.VolunteerFilter(search="gslz"))[0].name == "格桑·伦珠"


def test_english_headers_and_extra_columns(demo_db: Database, tmp_path: Path) -> None:
    header = ["No.", "name", "gender", "phone", "id_number", "grid", "team", "role",
              "political_status", "notes"]
    path = write_csv(tmp_path / "en.csv", [[i + 1, *r] for i, r in enumerate(GOOD)], header=header)
    with demo_db.session() as s:
        assert vio.import_file(s, path) == 3


def test_missing_required_column(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["张三"]], header=["姓名"])
    with pytest.raises(ImportFailed) as err, db.session() as s:
        vio.import_file(s, path)
    assert (1, "手机号", "missing_column") in {(p.row, p.column, p.code) for p in err.value.problems}


def test_numeric_phone_cells_from_excel(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", [["张三", "男", 13800001111, None, None, None, None, None, None]])
    with db.session() as s:
        assert vio.import_file(s, path) == 1
        assert vs.list_rows(s)[0].mobile == "13800001111"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_reproduces(demo_db: Database, tmp_path: Path, suffix: str,
                                       new_db_url) -> None:  # noqa: ANN001
    out = tmp_path / f"all{suffix}"
    with demo_db.session() as s:
        n = vio.export_file(s, out, vs.VolunteerFilter(active=None))
        original = vio.export_rows(s, vs.VolunteerFilter(active=None))
    fresh = open_database(new_db_url("fresh"))
    # The registers of teams and grids come first; volunteers import into them.
    from volunteer_app.demo import COMMUNITY  # noqa: F401  (same community)
    from volunteer_app.models import Grid, Team

    with demo_db.session() as s:
        grid_rows = [(g.number, g.name) for g in s.query(Grid).all()]
        team_rows = [(t.name, t.kind) for t in s.query(Team).all()]
    with fresh.session() as s:
        s.add_all([Grid(number=num, name=name) for num, name in grid_rows])
        s.add_all([Team(name=name, kind=kind) for name, kind in team_rows])
    with fresh.session() as s:
        assert vio.import_file(s, out) == n
    with fresh.session() as s:
        assert vio.export_rows(s, vs.VolunteerFilter(active=None)) == original
    fresh.dispose()


def test_export_neutralises_formulas_and_reimports(db: Database, tmp_path: Path,
                                                   new_db_url) -> None:  # noqa: ANN001
    with db.session() as s:
        vs.create(s, vs.VolunteerData(name="张三", mobile="13800001111", notes="=HYPERLINK(\"http://x\")"))
    out = tmp_path / "f.xlsx"
    with db.session() as s:
        vio.export_file(s, out)
    ws = load_workbook(out).active
    assert ws.cell(2, 9).value.startswith("'=")
    assert ws.cell(2, 9).data_type == "s"
    assert [c.value for c in ws[1]] == HEADER
    fresh = open_database(new_db_url("fresh"))
    with fresh.session() as s:
        vio.import_file(s, out)
    with fresh.session() as s:
        assert vs.get(s, vs.list_rows(s)[0].id).notes == "=HYPERLINK(\"http://x\")"
    fresh.dispose()


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage", b"PK\x03\x04broken zip"])
def test_damaged_xlsx_is_a_clear_error(db: Database, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as err, db.session() as s:
        vio.import_file(s, path)
    assert err.value.problems[0].code == "not_a_workbook"
