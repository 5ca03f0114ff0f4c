"""Hostile input: whatever a file, a form or the command line throws at the app, the
outcome is success or a clean refusal (typed error / exit 2 with a message) — never a
traceback, never a partial write."""

from __future__ import annotations

import contextlib
import csv
import io
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from volunteer_app.db import Database
from volunteer_app.errors import ImportFailed, ValidationError
from volunteer_app.importexport import volunteers_io as vio
from volunteer_app.services import volunteers as vs
from volunteer_app.validation import (
    normalize_gender,
    normalize_id_number,
    normalize_mobile,
    normalize_name,
    normalize_optional_phone,
    normalize_text,
)

HEADER = ["姓名", "性别", "手机号", "身份证号", "网格", "队伍", "职务", "政治面貌", "备注"]
nasty_text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(["=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)",
                     "\x00", "\r\n", "\u202e反转", "𠀀𠀁", "格桑·伦珠", "１３８００１３８０００",
                     "13800138000", "+86 138 0013 8000", "110105194912310021", "11010519491231002X",
                     "3号网格", "小喇叭巡逻队", "队长", "x" * 5000]),
)
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FAST
@given(nasty_text)
def test_validators_return_or_raise_validation_error(value: str) -> None:
    for fn in (normalize_mobile, normalize_id_number, normalize_name, normalize_gender):
        with contextlib.suppress(ValidationError):
            fn(value)
    with contextlib.suppress(ValidationError):
        normalize_optional_phone(value, "leader_phone")
    with contextlib.suppress(ValidationError):
        normalize_text(value, "notes")


def _count(db: Database) -> int:
    with db.session() as s:
        return vs.count(s, vs.VolunteerFilter(active=None))


def _check_import(db: Database, path: Path) -> None:
    before = _count(db)
    try:
        with db.session() as s:
            n = vio.import_file(s, path)
    except ImportFailed as exc:
        assert exc.problems, "a refusal must say why"
        for p in exc.problems:
            assert isinstance(p.row, int) and isinstance(p.code, str)
        assert _count(db) == before
    else:
        assert _count(db) == before + n


@FAST
@given(rows=st.lists(st.lists(nasty_text, min_size=0, max_size=12), max_size=6),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1"]))
def test_csv_import_of_arbitrary_cells(demo_db: Database, tmp_path: Path, rows: list[list[str]],
                                       encoding: str) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    w.writerows(rows)
    path = tmp_path / "hostile.csv"
    try:
        path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
    except UnicodeEncodeError:
        return
    _check_import(demo_db, path)


@FAST
@given(rows=st.lists(st.lists(st.one_of(nasty_text, st.integers(), st.floats(allow_nan=True),
                                        st.booleans(), st.none()), max_size=10), max_size=5))
def test_xlsx_import_of_arbitrary_cells_and_formulas(demo_db: Database, tmp_path: Path,
                                                     rows: list[list[object]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in rows:
        # openpyxl itself refuses some control characters in cells; such files cannot exist.
        clean = [v if not isinstance(v, str) else "".join(ch for ch in v if ch >= " " or ch in "\t\n\r")
                 for v in r]
        ws.append(clean)
    path = tmp_path / "hostile.xlsx"
    wb.save(path)
    _check_import(demo_db, path)


@FAST
@given(st.binary(max_size=3000), st.sampled_from([".csv", ".xlsx"]))
def test_import_of_random_bytes(db: Database, tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    _check_import(db, path)


def test_huge_cells_and_mixed_encodings(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerow(["张三", "男", "13800001111", "", "", "", "", "", "备" * 1_000_000])
    _check_import(demo_db, path)
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(",".join(HEADER).encode("utf-8") + b"\n" + "李四,男,13800002222".encode("gbk") + b"\n")
    _check_import(demo_db, mixed)


@pytest.mark.slow
def test_100k_row_file_with_one_bad_row_writes_nothing(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        for i in range(100_000):
            mobile = f"139{i:08d}" if i != 99_998 else "139"  # row 100,000 is bad
            w.writerow([f"志愿者{i}", "男", mobile, "", "", "", "", "", ""])
    with pytest.raises(ImportFailed) as err, db.session() as s:
        vio.import_file(s, path)
    assert [(p.row, p.code) for p in err.value.problems] == [(100_000, "mobile_invalid")]
    assert _count(db) == 0


SAFE_TEXT = st.text(alphabet=string.ascii_letters + string.digits + "-_.:=,中文网格队 ", max_size=20)
COMMANDS = [["init"], ["volunteers", "list"], ["volunteers", "import"], ["volunteers", "export"],
            ["teams", "list"], ["grids", "list"], ["backup"], ["restore"]]
OPTIONS = ["--json", "--team", "--grid", "--search", "--dry-run", "--output", "--db", "--check",
           "--demo", "-h"]


@FAST
@given(cmd=st.sampled_from(COMMANDS),
       rest=st.lists(st.one_of(st.sampled_from(OPTIONS), SAFE_TEXT), max_size=5))
def test_command_line_never_crashes(demo_db: Database, tmp_path: Path, cmd: list[str],
                                    rest: list[str], monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture) -> None:
    from volunteer_app.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VOLUNTEER_APP_DB", demo_db.url)
    argv = [*cmd, *rest]
    if "--db" in argv:  # never point the command at some other database
        i = argv.index("--db")
        argv[i + 1 : i + 2] = [demo_db.url]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: --help exits 0, usage errors exit 2
        code = exc.code
    err = capsys.readouterr().err
    assert code in (0, 2), (argv, err)
    assert "Traceback" not in err and "unexpected error" not in err
    if code == 2:
        assert err.strip()


# -- issue 16: every free-text field of the core goes through validation.check_text ------

BIDI = "\u202e"


def _free_text_writers():  # noqa: ANN202
    """(label, field, multi-line?, write(session, ctx, text)) for each free-text field."""
    from datetime import date, time

    from volunteer_app.security import accounts
    from volunteer_app.services import (
        assignments,
        availability,
        community,
        grids,
        holidays,
        requests,
        shifts,
        teams,
        templates,
    )
    from volunteer_app.services import hours as hours_service

    def vol(**kw):  # noqa: ANN003, ANN202
        return lambda s, c, t: vs.create(s, vs.VolunteerData(**{"name": "张三", "mobile": "13912345678", **{k: t for k in kw}}))

    def shift(key):  # noqa: ANN001, ANN202
        return lambda s, c, t: shifts.create_shift(s, shifts.ShiftData(
            date=date(2026, 12, 8), start_time=time(8), end_time=time(10), team_id=c["team"], **{key: t}))

    def template(key):  # noqa: ANN001, ANN202
        return lambda s, c, t: templates.save_template(s, None, templates.TemplateData(
            **{"name": "早班", "start_time": time(8), "end_time": time(10), "team_id": c["team"], key: t}))

    def request(key):  # noqa: ANN001, ANN202
        data = {"resident_name": "王大妈", "description": "换灯泡"}
        return lambda s, c, t: requests.create_request(s, requests.RequestData(**{**data, key: t}), "李文员")

    def grid(key):  # noqa: ANN001, ANN202
        return lambda s, c, t: grids.save_grid(s, None, 99, **{"name": "新网格", key: t})

    return [
        ("volunteer name", "name", False, vol(name=1)),
        ("volunteer mobile", "mobile", False, vol(mobile=1)),
        ("volunteer political status", "political_status", False, vol(political_status=1)),
        ("volunteer occupation", "occupation", False, vol(occupation=1)),
        ("volunteer skills", "skills", False, vol(skills=1)),
        ("volunteer notes", "notes", True, vol(notes=1)),
        ("team name", "name", False, lambda s, c, t: teams.save_team(s, None, t, "patrol")),
        ("team description", "description", True,
         lambda s, c, t: teams.save_team(s, None, "新队", "patrol", description=t)),
        ("team colour", "colour", False, lambda s, c, t: teams.save_team(s, None, "新队", "patrol", colour=t)),
        ("grid name", "name", False, lambda s, c, t: grids.save_grid(s, None, 99, t)),
        ("grid area", "area", True, grid("area")),
        ("grid leader", "leader_name", False, grid("leader_name")),
        ("grid leader's phone", "leader_phone", False, grid("leader_phone")),
        ("template name", "name", False, template("name")),
        ("template location", "location", False, template("location")),
        ("template notes", "notes", True, template("notes")),
        ("shift title", "title", False, shift("title")),
        ("shift location", "location", False, shift("location")),
        ("shift notes", "notes", True, shift("notes")),
        ("resident's name", "resident_name", False, request("resident_name")),
        ("resident's phone", "resident_phone", False, request("resident_phone")),
        ("request building", "building", False, request("building")),
        ("request description", "description", True, request("description")),
        ("request operator", "operator", False,
         lambda s, c, t: requests.create_request(s, requests.RequestData(resident_name="王大妈", description="换灯泡"), t)),
        ("request step note", "note", True,
         lambda s, c, t: requests.change_status(s, requests.create_request(
             s, requests.RequestData(resident_name="王大妈", description="换灯泡"), "李文员"), "cancelled", "李文员", note=t)),
        ("hours reason", "reason", False,
         lambda s, c, t: hours_service.add_manual(s, c["volunteer"], date(2026, 12, 1), 1, t, "李文员")),
        ("hours duty", "duty", False,
         lambda s, c, t: hours_service.add_manual(s, c["volunteer"], date(2026, 12, 1), 1, "活动", "李文员", duty=t)),
        ("hours operator", "operator", False,
         lambda s, c, t: hours_service.add_manual(s, c["volunteer"], date(2026, 12, 1), 1, "活动", t)),
        ("leave reason", "reason", False,
         lambda s, c, t: availability.add_leave(s, c["volunteer"], date(2026, 12, 1), date(2026, 12, 2), reason=t)),
        ("override reason", "override", False,
         lambda s, c, t: assignments.assign(s, c["shift"], c["volunteer"], override_reason=t)),
        ("holiday name", "name", False, lambda s, c, t: holidays.set_holiday(s, date(2026, 12, 9), "holiday", t)),
        ("community address", "address", False,
         lambda s, c, t: community.save_community(s, community.CommunityInfo(name="林琼社区", address=t))),
        ("operator display name", "display_name", False,
         lambda s, c, t: accounts.save_operator(s, None, "clerk2", "clerk", display_name=t, password="secret-123")),
    ]


@pytest.mark.parametrize("case", _free_text_writers(), ids=lambda c: c[0])
@pytest.mark.parametrize("ch", ["\x00", "\n", BIDI, "\u2066", "\u200f", "\x1b"])
def test_every_free_text_field_refuses_controls_and_bidi_marks(demo_db: Database, case, ch: str) -> None:  # noqa: ANN001
    """Old code stored a bidi override (and, outside names, a line break) in all of them,
    and stripped a name's line break silently."""
    from datetime import date, time

    from sqlalchemy import select

    from volunteer_app.models import Team
    from volunteer_app.services import shifts

    label, field, multiline, write = case
    with demo_db.session() as s:
        team = s.scalar(select(Team.id).order_by(Team.id).limit(1))
        ctx = {"team": team, "volunteer": vs.list_rows(s)[0].id,
               "shift": shifts.create_shift(s, shifts.ShiftData(
                   date=date(2026, 12, 8), start_time=time(8), end_time=time(10), team_id=team))}
    value = {"mobile": "139123", "leader_phone": "139123", "resident_phone": "139123"}.get(field, "正常文字")
    text = value[:2] + ch + value[2:] + ("45678" if field.endswith(("mobile", "phone")) else "")
    if multiline and ch == "\n":
        with demo_db.session() as s:
            write(s, ctx, text)  # notes keep their line breaks
        return
    with pytest.raises(ValidationError) as err, demo_db.session() as s:
        write(s, ctx, text)
    assert (field, "control_characters") in {(p.field, p.code) for p in err.value.problems}, label


@pytest.mark.parametrize("name", ["李\u202e文员", "李\n文员", "李\x00文员", "名" * 41])
def test_operator_name_on_the_command_line_is_checked(demo_db: Database, name: str,
                                                      capsys: pytest.CaptureFixture) -> None:
    """Old code cut the name to 40 characters and recorded bidi marks and line breaks in
    the audit log as the one who did the work."""
    from volunteer_app.cli import main

    code = main(["--db", demo_db.url, "--operator", name, "teams", "list"])
    err = capsys.readouterr().err
    assert code == 2 and "operator" in err and "unexpected" not in err


# Names: a Chinese character or a Latin name first, then more pieces. A name of lone
# accented letters or a lone middle dot is left out: its UTF-8 bytes are GBK too (é ü is
# 茅眉, · is 路), which no reading can tell apart.
_FIRST = list("张三李四王五赵六郑叶肖谢格桑伦珠王芳刘洋陈静茅眉") + ["Zoë", "José", "Müller", "Tenzin"]
NAMES = st.tuples(st.sampled_from(_FIRST), st.lists(st.sampled_from([*_FIRST, "·"]), max_size=3)).map(
    lambda t: t[0] + "".join(t[1]))


@FAST
@given(rows=st.lists(st.tuples(NAMES, st.sampled_from(["utf-8", "gbk"])), min_size=1, max_size=8),
       header_encoding=st.sampled_from(["utf-8", "gbk"]))
def test_csv_rows_in_mixed_encodings_import_exactly_or_are_refused_by_row(
        db: Database, tmp_path: Path, rows: list[tuple[str, str]], header_encoding: str) -> None:
    """Issue 16: whatever mix of UTF-8 and GBK lines a file holds, an import that succeeds
    stores exactly the names written (never 寮犱笁 for 张三); a refusal names rows >= 2
    (or the header) and writes nothing."""
    from volunteer_app.importexport.tables import open_table

    lines = [",".join(HEADER).encode(header_encoding)]
    for i, (name, enc) in enumerate(rows):
        try:
            lines.append(f"{name},,139{i:08d}".encode(enc))
        except UnicodeEncodeError:  # é, ü have no GBK form
            lines.append(f"{name},,139{i:08d}".encode())
    path = tmp_path / "mix.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")
    try:
        b"\n".join(lines).decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # every line is UTF-8: a GBK row that happens to be valid UTF-8 cannot be told
        assume(all(enc == "utf-8" or name.isascii() for name, enc in rows))
    try:
        table = open_table(path)
        cells = [row for _n, row in table.rows]
    except ImportFailed as exc:
        assert exc.problems and all(p.code in ("mixed_encoding", "undecodable_text", "encoding")
                                    for p in exc.problems)
        return
    got = [row[0] for row in cells[1:]]
    want = [name for name, _ in rows]
    # Stripped names (the validator trims) aside, what was read is what was written.
    assert got == want, (got, want)
