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
        assert detail.id_number == "**************002X"  # masked: the full number is revealed
        assert vs.reveal_id_number(s, row.id) == "11010519491231002X"
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
        again = vio.export_rows(s, vs.VolunteerFilter(active=None))
    # Without --include-ids the numbers are exported masked, and a masked number imports
    # as no number: every other column comes back as it was.
    assert all(r[3] == "" or (r[3].startswith("*" * 14) and len(r[3]) == 18) for r in original)
    assert any(r[3] for r in original) and all(r[3] == "" for r in again)
    assert [r[:3] + r[4:] for r in again] == [r[:3] + r[4:] for r in original]
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
    # The original nine columns lead; the rest of the register follows them (issue 16).
    assert [c.value for c in ws[1]][:len(HEADER)] == HEADER
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


# -- issue 16: nothing lost, nothing wrong with exit 0 -------------------------------------

def _refused(db: Database, path: Path) -> list[tuple[int, str, str, object]]:
    """The problems of a refused import, after checking nothing was written."""
    with db.session() as s:
        before = vs.count(s, vs.VolunteerFilter(active=None))
    with pytest.raises(ImportFailed) as err, db.session() as s:
        vio.import_file(s, path)
    with db.session() as s:
        assert vs.count(s, vs.VolunteerFilter(active=None)) == before
    return [(p.row, p.column, p.code, p.value) for p in err.value.problems]


def _cli(db: Database, *argv: str, capsys: pytest.CaptureFixture) -> tuple[int, str]:
    from volunteer_app.cli import main

    code = main(["--db", db.url, *argv])
    err = capsys.readouterr().err
    assert "unexpected error" not in err and "Traceback" not in err
    return code, err


def _lines(*rows: tuple[str, str]) -> bytes:
    """CSV bytes, each line in its own encoding."""
    return b"".join((line + "\n").encode(enc) for line, enc in rows)


HEAD = ",".join(HEADER)


def test_csv_with_a_utf8_row_in_a_gbk_file_names_the_row(db: Database, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture) -> None:
    """Old code decoded the whole file as GB18030: 张三 was stored as 寮犱笁, exit 0."""
    path = tmp_path / "mixed.csv"
    path.write_bytes(_lines((HEAD, "gbk"), ("李四,男,13800002222", "gbk"), ("张三,男,13800003333", "utf-8"),
                            ("王五,男,13800004444", "gbk")))
    assert _refused(db, path) == [(3, "姓名", "mixed_encoding", "张三")]
    code, err = _cli(db, "volunteers", "import", str(path), capsys=capsys)
    assert code == 2
    assert f"{path}: row 3, column 姓名: '张三'" in err and "encoding" in err


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_csv_with_a_gbk_row_in_a_utf8_file_names_the_row(db: Database, tmp_path: Path, bom: bytes) -> None:
    """Old code: one GBK row made the whole file GB18030, every UTF-8 row garbled, or (with a
    BOM) a refusal of the file without naming the row."""
    path = tmp_path / "mixed.csv"
    path.write_bytes(bom + _lines((HEAD, "utf-8"), ("张三,男,13800003333,,3号网格", "utf-8"),
                                  ("李四,男,13800002222", "gbk"), ("王五,男,13800004444", "utf-8")))
    assert _refused(db, path) == [(3, "姓名", "mixed_encoding", "李四")]


def test_csv_rows_are_numbered_as_excel_shows_them(db: Database, tmp_path: Path) -> None:
    """A quoted cell over two lines is one row: the bad row after it is row 3, not line 4."""
    path = tmp_path / "multi.csv"
    path.write_bytes(_lines((HEAD, "gbk"), ('李四,男,13800002222,,,,,,"第一行', "gbk"), ('第二行"', "gbk"),
                            ("王五,男,13800004444,,,,,,备注", "utf-8")))
    assert _refused(db, path) == [(3, "姓名", "mixed_encoding", "王五")]


def test_csv_row_in_no_encoding_is_named(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(_lines((HEAD, "utf-8"), ("张三,男,13800003333", "utf-8")) + b"\xff\xfe\x80,x,13800004444\n")
    assert [(r, c, code) for r, c, code, _ in _refused(db, path)] == [(3, "姓名", "undecodable_text")]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_single_encoding_csv_files_still_import(db: Database, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "one.csv"
    path.write_bytes(f"{HEAD}\n格桑·伦珠,女,13800003333,,,,,,备注\n李四,男,13800002222\n".encode(encoding))
    with db.session() as s:
        assert vio.import_file(s, path) == 2
    with db.session() as s:
        assert {r.name for r in vs.list_rows(s)} == {"格桑·伦珠", "李四"}


def test_merged_cells_in_data_columns_are_refused_with_the_range(demo_db: Database, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture) -> None:
    """Old code: the grid merged over rows 3-5 went to row 3 only; rows 4 and 5 came in
    without a grid, exit 0."""
    rows = [["张三", "男", "13800001111"], ["李四", "男", "13800002222", "", "3号网格"],
            ["王五", "男", "13800003333"], ["赵六", "男", "13800004444"]]
    path = tmp_path / "merged.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    ws.merge_cells("E3:E5")
    wb.save(path)
    assert _refused(demo_db, path) == [(3, "网格", "merged_cells", "E3:E5")]
    code, err = _cli(demo_db, "volunteers", "import", str(path), capsys=capsys)
    assert code == 2 and f"{path}: row 3, column 网格: 'E3:E5'" in err


def test_merged_cells_outside_the_data_are_harmless(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "title.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", *HEADER])
    ws.append([1, "张三", "男", "13800001111"])
    ws.append([None, "李四", "男", "13800002222"])
    ws.merge_cells("A2:A3")  # a numbering column the import does not read
    ws.merge_cells("K1:L1")  # within the header row
    wb.save(path)
    with db.session() as s:
        assert vio.import_file(s, path) == 2


# -- limits --------------------------------------------------------------------------------

XLSX_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _handmade_xlsx(path: Path, strings: list[str], rows: str, *, sst_prolog: str = "",
                   sst_tail: bytes = b"", dimension: str = "", encoding: str = "utf-8") -> Path:
    """An .xlsx written by hand: shared strings, the sheet's rows as XML text."""
    import zipfile

    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {XLSX_NS} xmlns:r="{rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet {XLSX_NS}>'
                                    + (f'<dimension ref="{dimension}"/>' if dimension else "")
                                    + f"<sheetData>{rows}</sheetData></worksheet>",
    }
    sst = (f'<?xml version="1.0" encoding="{encoding}"?>{sst_prolog}<sst {XLSX_NS}>'
           + "".join(f"<si><t>{t}</t></si>" for t in strings)).encode(encoding)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode())
        z.writestr("xl/sharedStrings.xml", sst + sst_tail + "</sst>".encode(encoding))
    return path


def _row(r: int, *indexes: int) -> str:
    return f'<row r="{r}">' + "".join(f'<c r="{chr(65 + i)}{r}" t="s"><v>{v}</v></c>'
                                      for i, v in enumerate(indexes)) + "</row>"


SST = ["姓名", "性别", "手机号", "张三", "男", "13800001111"]
SHEET = _row(1, 0, 1, 2) + _row(2, 3, 4, 5)


def test_handmade_workbook_imports(db: Database, tmp_path: Path) -> None:
    """The hand-made workbooks below are refused for what they add, not for being hand-made."""
    with db.session() as s:
        assert vio.import_file(s, _handmade_xlsx(tmp_path / "ok.xlsx", SST, SHEET)) == 1


def test_workbook_expanding_to_millions_of_shared_strings_is_refused_early(db: Database, tmp_path: Path) -> None:
    """Old code: a 335 KB file with 8 million shared strings took 76 s and 834 MB, then
    imported. Refused from the zip's sizes now, before openpyxl parses anything."""
    import time

    path = _handmade_xlsx(tmp_path / "bomb.xlsx", SST, SHEET, sst_tail=b"<si><t>a</t></si>" * 2_000_000)
    assert path.stat().st_size < 200_000
    start = time.perf_counter()
    assert _refused(db, path) == [(0, "", "compression_ratio", 100)]
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_workbook_with_xml_entities_is_refused(db: Database, tmp_path: Path, encoding: str) -> None:
    """Billion laughs in the shared strings: refused before any XML parser sees it (expat
    stops the classic one itself, but not a smaller expansion)."""
    laughs = '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefg", "bcdefgh", strict=True)) + "]>"
    path = _handmade_xlsx(tmp_path / "laughs.xlsx", ["姓名", "性别", "手机号", "&h;", "男", "13800001111"],
                          SHEET, sst_prolog=laughs, encoding=encoding)
    assert _refused(db, path) == [(0, "", "xml_entities", "xl/sharedStrings.xml")]


@pytest.mark.parametrize(("dimension", "rows", "code"), [
    ("A1:C1048576", SHEET, "too_many_rows"),  # the sheet says so: refused before reading
    ("A1:XFD200", SHEET, "too_many_cells"),
    ("", SHEET + '<row r="1048576"><c r="A1048576" t="s"><v>3</v></c></row>', "too_many_rows"),
    ("", SHEET + "".join(f'<row r="{r}"><c r="XFD{r}" t="s"><v>3</v></c></row>' for r in range(3, 400)),
     "too_many_cells"),  # every row padded to 16,384 columns while streaming
])
def test_workbook_over_the_row_and_cell_limits_is_refused(db: Database, tmp_path: Path, dimension: str,
                                                          rows: str, code: str) -> None:
    from volunteer_app.importexport import tables

    path = _handmade_xlsx(tmp_path / "big.xlsx", SST, rows, dimension=dimension)
    limit = tables.MAX_ROWS if code == "too_many_rows" else tables.MAX_CELLS
    assert _refused(db, path) == [(0, "", code, limit)]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_files_over_the_limits_are_refused_with_the_limit_named(db: Database, tmp_path: Path, suffix: str,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture) -> None:
    from volunteer_app.importexport import tables

    writer = write_csv if suffix == ".csv" else write_xlsx
    path = writer(tmp_path / f"in{suffix}", [[f"志愿者{i}", "男", f"1390000{i:04d}"] for i in range(30)])
    monkeypatch.setattr(tables, "MAX_ROWS", 20)
    assert _refused(db, path) == [(0, "", "too_many_rows", 20)]
    code, err = _cli(db, "volunteers", "import", str(path), capsys=capsys)
    assert code == 2 and f"{path}: has more than 20 rows, the import limit" in err
    monkeypatch.setattr(tables, "MAX_ROWS", 1000)
    monkeypatch.setattr(tables, "MAX_CELLS", 50)
    assert _refused(db, path) == [(0, "", "too_many_cells", 50)]
    monkeypatch.setattr(tables, "MAX_FILE_MB", 0)
    assert _refused(db, path) == [(0, "", "too_large", 0)]


def test_workbook_expanding_past_the_size_limit_is_refused(db: Database, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from volunteer_app.importexport import tables

    path = write_xlsx(tmp_path / "in.xlsx", GOOD)
    monkeypatch.setattr(tables, "MAX_EXPANDED_MB", 0)
    assert _refused(db, path) == [(0, "", "too_large", 0)]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_folder_or_an_unreadable_file_is_a_clear_refusal(db: Database, tmp_path: Path, suffix: str,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture) -> None:
    """Old code: a folder named like.csv or an unreadable file gave 'unexpected error', exit 1."""
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    assert _refused(db, folder) == [(0, "", "not_a_file", str(folder))]
    code, err = _cli(db, "volunteers", "import", str(folder), capsys=capsys)
    assert code == 2 and str(folder) in err and "not a file" in err

    path = (write_csv if suffix == ".csv" else write_xlsx)(tmp_path / f"locked{suffix}", GOOD)
    real_open = Path.open

    def locked(self: Path, *a, **k):  # noqa: ANN002, ANN003, ANN202
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *a, **k)

    monkeypatch.setattr(Path, "open", locked)
    if suffix == ".xlsx":
        import zipfile

        real_zip = zipfile.ZipFile.__init__

        def locked_zip(self, file, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
            if Path(file) == path:
                raise PermissionError(13, "Permission denied")
            return real_zip(self, file, *a, **k)

        monkeypatch.setattr(zipfile.ZipFile, "__init__", locked_zip)
    assert _refused(db, path) == [(0, "", "unreadable_file", "Permission denied")]
    code, err = _cli(db, "volunteers", "import", str(path), capsys=capsys)
    assert code == 2 and str(path) in err and "cannot be read" in err


def test_nul_and_bidi_marks_in_cells_are_refused_with_the_column(db: Database, tmp_path: Path) -> None:
    """Old code stripped NUL out of CSV files and stored bidi overrides and line breaks."""
    path = tmp_path / "ctl.csv"
    path.write_bytes(_lines((HEAD + ",特长", "utf-8"), ("张\x00三,男,13800001111", "utf-8"),
                            ('李四,男,"138\n00002222"', "utf-8"), ("王五,男,13800003333,,,,,,,\u202e电工", "utf-8"),
                            ('赵六,男,13800004444,,"3号网格\n"', "utf-8"),
                            ('钱七,男,13800005555,,,,,,"第一行\n第二行"', "utf-8")))
    got = {(r, c, code) for r, c, code, _ in _refused(db, path)}
    assert got == {(2, "姓名", "control_characters"), (3, "手机号", "control_characters"),
                   (4, "特长", "control_characters"), (5, "网格", "control_characters")}


# -- the export carries every field of the register --------------------------------------

def _register_setup(db: Database) -> None:
    from volunteer_app.services import grids, teams

    with db.session() as s:
        grids.save_grid(s, None, 3, "3号网格")
        grids.save_grid(s, None, 5, "5号网格")
        teams.save_team(s, None, "小喇叭巡逻队", "patrol")
        teams.save_team(s, None, "爱骑志愿服务队", "rider")


def _register(db: Database) -> list[tuple]:
    """Every field of every volunteer, with names in place of ids."""
    from volunteer_app.models import Grid

    with db.session() as s:
        grid_names = {g.id: g.name for g in s.query(Grid)}
        out = []
        for row in vs.list_rows(s, vs.VolunteerFilter(active=None)):
            d = vs.get(s, row.id)
            out.append((d.name, d.gender, d.mobile, vs.reveal_id_number(s, row.id), grid_names.get(d.grid_id),
                        d.political_status, d.party_household, d.occupation, d.skills, d.notes,
                        d.joined_on, d.active, d.left_on, tuple((t, r) for _, t, r in d.teams)))
    return sorted(out, key=lambda r: r[2])


def _fill_register(db: Database) -> None:
    from datetime import date

    from volunteer_app.models import Grid, Team

    with db.session() as s:
        team = {t.name: t.id for t in s.query(Team)}
        grid = {g.name: g.id for g in s.query(Grid)}
        people = [
            dict(name="格桑·伦珠", gender="female", mobile="13900002222", id_number="11010519491231002X",
                 grid_id=grid["5号网格"], political_status="中共党员", party_household=True,
                 occupation="美团外卖", skills="急救、电工", notes="第一行\n=第二行", joined_on=date(2023, 3, 5),
                 teams=[(team["爱骑志愿服务队"], "captain"), (team["小喇叭巡逻队"], "member")]),
            dict(name="བཀྲ་ཤིས་", gender="male", mobile="13700003333", id_number="110105198001011238",
                 grid_id=grid["3号网格"], political_status="群众", party_household=False,
                 occupation="退休教师", skills="书法", notes="-", joined_on=date(2021, 1, 1),
                 teams=[(team["小喇叭巡逻队"], "deputy")]),
            dict(name="张三", gender=None, mobile="13800001111", id_number=None, grid_id=None,
                 political_status="", occupation="", skills="", notes="", joined_on=date(2024, 12, 31)),
        ]
        ids = [vs.create(s, vs.VolunteerData(**p)) for p in people]
        vs.deactivate(s, ids[1], date(2025, 6, 30))  # a volunteer who left
        vs.deactivate(s, ids[2], date(2025, 1, 2))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_keeps_every_field(db: Database, tmp_path: Path, suffix: str, new_db_url) -> None:  # noqa: ANN001
    """Old code: occupation, skills, the party-member household, the joined and leaving dates
    and the active state were not exported, so they were lost, and volunteers who left came
    back active."""
    _register_setup(db)
    _fill_register(db)
    original = _register(db)
    assert [r[11] for r in original] == [False, False, True]  # by mobile: 137, 138, 139
    out = tmp_path / f"register{suffix}"
    with db.session() as s:
        assert vio.export_file(s, out, vs.VolunteerFilter(active=None), include_ids=True) == 3
    fresh = open_database(new_db_url("fresh"))
    _register_setup(fresh)
    with fresh.session() as s:
        assert vio.import_file(s, out) == 3
    assert _register(fresh) == original
    fresh.dispose()


def test_export_headers_and_english_aliases(db: Database, tmp_path: Path) -> None:
    _register_setup(db)
    _fill_register(db)
    out = tmp_path / "register.csv"
    with db.session() as s:
        vio.export_file(s, out, vs.VolunteerFilter(active=None))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == [*HEADER, "职业/单位", "特长", "党员中心户", "加入日期", "状态", "离开日期"]
    english = ["name", "gender", "phone", "id_number", "grid", "team", "role", "political_status",
               "notes", "occupation", "skills", "party_household", "joined_on", "status", "left_on"]
    path = write_csv(tmp_path / "en.csv", [["李四", "男", "13600004444", "", "", "", "", "", "",
                                            "快递员", "修车", "是", "2024/5/6", "已离队", "2025年1月2日"]],
                     header=english)
    with db.session() as s:
        assert vio.import_file(s, path) == 1
    with db.session() as s:
        d = vs.get(s, vs.list_rows(s, vs.VolunteerFilter(search="13600004444", active=None))[0].id)
    from datetime import date

    assert (d.occupation, d.skills, d.party_household, d.joined_on, d.active, d.left_on) == (
        "快递员", "修车", True, date(2024, 5, 6), False, date(2025, 1, 2))


def test_bad_register_flags_are_refused_by_column(db: Database, tmp_path: Path) -> None:
    header = [*HEADER, "党员中心户", "加入日期", "状态", "离开日期"]
    rows = [
        ["张三", "", "13800001111", "", "", "", "", "", "", "也许", "", "", ""],              # row 2
        ["李四", "", "13800002222", "", "", "", "", "", "", "", "去年", "", ""],              # row 3
        ["王五", "", "13800003333", "", "", "", "", "", "", "", "", "请假", ""],              # row 4
        ["赵六", "", "13800004444", "", "", "", "", "", "", "", "", "在册", "2025-01-01"],    # row 5
        ["钱七", "", "13800005555", "", "", "", "", "", "", "", "2025-02-01", "", "2025-01-01"],  # row 6
    ]
    path = write_csv(tmp_path / "flags.csv", rows, header=header)
    got = {(r, c, code) for r, c, code, _ in _refused(db, path)}
    assert got == {(2, "党员中心户", "yes_no_invalid"), (3, "加入日期", "date_invalid"),
                   (4, "状态", "state_invalid"), (5, "离开日期", "not_applicable"),
                   (6, "离开日期", "end_before_start")}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_text_starting_with_a_quote_survives_the_round_trip(db: Database, tmp_path: Path, suffix: str,
                                                            new_db_url) -> None:  # noqa: ANN001
    """Old code exported '=x as '=x and read it back as =x (the quote taken for its own)."""
    notes = ["'=SUM(A1)", "''+1", "'-", "'plain", "="]
    with db.session() as s:
        for i, note in enumerate(notes):
            vs.create(s, vs.VolunteerData(name=f"张{i}", mobile=f"1380000111{i}", notes=note))
    out = tmp_path / f"q{suffix}"
    with db.session() as s:
        vio.export_file(s, out)
    fresh = open_database(new_db_url("fresh"))
    with fresh.session() as s:
        vio.import_file(s, out)
    with fresh.session() as s:
        got = {r.mobile: vs.get(s, r.id).notes for r in vs.list_rows(s)}
    assert got == {f"1380000111{i}": note for i, note in enumerate(notes)}
    fresh.dispose()


def test_excel_escapes_are_read_as_excel_shows_them(db: Database, tmp_path: Path, new_db_url) -> None:  # noqa: ANN001
    """Excel stores a control character in a cell as _xHHHH_; openpyxl hands the escape
    over as it is, so old code stored 张_x0000_三 as a name. Read as Excel shows it, the
    NUL is refused; a literal _x0041_ written by the export comes back unchanged."""
    path = _handmade_xlsx(tmp_path / "esc.xlsx", [*SST[:3], "张_x0000_三", "男", "13800001111",
                                                  "李_x005F_x0041_四", "13800002222"],
                          _row(1, 0, 1, 2) + _row(2, 3, 4, 5) + _row(3, 6, 4, 7))
    assert _refused(db, path) == [(2, "姓名", "control_characters", "张\x00三")]
    with db.session() as s:
        vs.create(s, vs.VolunteerData(name="王五", mobile="13800003333", notes="_x0041_ 与 _x005F_"))
    out = tmp_path / "out.xlsx"
    with db.session() as s:
        vio.export_file(s, out)
    fresh = open_database(new_db_url("fresh"))
    with fresh.session() as s:
        vio.import_file(s, out)
    with fresh.session() as s:
        assert vs.get(s, vs.list_rows(s)[0].id).notes == "_x0041_ 与 _x005F_"
    fresh.dispose()


def test_workbook_with_thousands_of_parts_is_refused(db: Database, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from volunteer_app.importexport import tables

    monkeypatch.setattr(tables, "MAX_PARTS", 4)
    path = write_xlsx(tmp_path / "in.xlsx", GOOD)
    [(row, column, code, value)] = _refused(db, path)
    assert (row, column, code) == (0, "", "not_a_workbook") and value.endswith("parts")


def test_gbk_names_that_happen_to_be_valid_utf8_are_not_taken_for_utf8(db: Database, tmp_path: Path) -> None:
    """郑叶 in GBK (D6A3 D2B6) is valid UTF-8 too (֣Ҷ): about 2 % of GBK rows holding only a
    name are. They stay GBK; a UTF-8 row of Chinese in the same file is still named."""
    rows = [(HEAD, "gbk"), ("郑叶,,13800001111", "gbk"), ("郑肖,,13800002222", "gbk"),
            ("郑谢,,13800003333", "gbk"), ("王芳,女,13800004444", "gbk")]
    path = tmp_path / "gbk.csv"
    path.write_bytes(_lines(*rows))
    with db.session() as s:
        assert vio.import_file(s, path, dry_run=True) == 4
    path.write_bytes(_lines(*rows, ("张三,男,13800005555", "utf-8")))
    assert _refused(db, path) == [(6, "姓名", "mixed_encoding", "张三")]


def test_accented_utf8_names_and_gbk_rows_read_as_utf8_are_caught(db: Database, tmp_path: Path) -> None:
    """Zoë in UTF-8 reads as Zo毛 in GBK and 郑 in GBK as U+05A3 in UTF-8, without any
    decoding error: both are named when the file shows it mixes encodings."""
    path = tmp_path / "a.csv"
    path.write_bytes(_lines((HEAD, "gbk"), ("李四,男,13800002222", "gbk"), ("Zoë,,13800003333", "utf-8")))
    assert _refused(db, path) == [(3, "姓名", "mixed_encoding", "Zoë")]
    path.write_bytes(_lines((HEAD, "utf-8"), ("张三,男,13800001111", "utf-8"), ("郑,,13800002222", "gbk"),
                            ("王芳,女,13800003333", "gbk")))
    assert _refused(db, path) == [(3, "姓名", "mixed_encoding", "郑"), (4, "姓名", "mixed_encoding", "王芳")]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_imports_into_an_empty_database_creating_its_teams_and_grids(
        db: Database, tmp_path: Path, suffix: str, new_db_url, capsys) -> None:  # noqa: ANN001
    """Issue 16.6: importing an export into an empty database was refused (unknown team,
    unknown grid); the teams and grids it names are now listed first, then created."""
    from volunteer_app.cli import main

    _register_setup(db)
    _fill_register(db)
    original = _register(db)
    out = tmp_path / f"register{suffix}"
    with db.session() as s:
        vio.export_file(s, out, vs.VolunteerFilter(active=None), include_ids=True)
    fresh = open_database(new_db_url("fresh"))
    with pytest.raises(ImportFailed) as err, fresh.session() as s:  # without the option: refused
        vio.import_file(s, out)
    assert {p.code for p in err.value.problems} >= {"unknown_team", "unknown_grid"}
    assert main(["--db", fresh.url, "volunteers", "import", str(out), "--create-missing", "--dry-run"]) == 0
    said = capsys.readouterr().out
    assert "would create teams: " in said and "小喇叭巡逻队" in said and "would create grids: " in said
    with fresh.session() as s:
        assert vs.count(s, vs.VolunteerFilter(active=None)) == 0  # the dry run wrote nothing
    assert main(["--db", fresh.url, "volunteers", "import", str(out), "--create-missing"]) == 0
    assert _register(fresh) == original
    fresh.dispose()
