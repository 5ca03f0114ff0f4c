"""Strict parsing (volunteer_app.parsing): nonsense values are refused everywhere, by the
parsers, the command line (exit 2 naming the argument, nothing written) and the services.

Issue 16, case 5: hours on 0001-01-01, ``--hours 1_0`` read as 10 h, ``--hours inf``, the
week ``2026-W5١`` (an Arabic-Indic digit) read as W51, ``holidays confirm-year -1``,
``audit list --limit 99999999999999999999``, weeks 9999-W52 and 0001-W01,
``print signin --date ''`` and a 40,000-character search were all accepted or crashed.
"""

from __future__ import annotations

import argparse
import math
from datetime import date, datetime, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from volunteer_app import parsing
from volunteer_app.db import Database
from volunteer_app.errors import ValidationError
from volunteer_app.models.holidays import HolidayYear
from volunteer_app.models.hours import HoursEntry
from volunteer_app.security.audit_log import list_entries

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text a clerk, a paste or an attacker may produce, biased towards near-misses.
near_misses = st.sampled_from([
    "1_0", "inf", "-inf", "nan", "NaN", "1e3", "0x10", "٥", "2026-W5١", "２０２６", "²", "⁵",
    "1.5", "1,5", "24", "24.0", "24.01", "0", "-0", "-1", ".5", "5.", ".", "", " ", "\n",
    "2026-12-07", "0001-01-01", "9999-12-31", "2026-02-30", "2026-12-07T09:30", "2026-W53",
    "2026-W54", "9999-W52", "0001-W01", "2026w01", "2026-12", "2026-13", "2026", "-1", "3000",
    "99999999999999999999", "9" * 5000, "19:30", "24:00", "7:5", "12:00:00", "+08:00",
    "2026-12-07T09:30+08:00", "2026-12-07 09:30:59Z", "\x00", "１.５", "1\u00a0"])
anything = st.one_of(st.text(max_size=40), st.text(alphabet="0123456789-_.,:WwT +Z٥", max_size=25),
                     near_misses)

PARSERS = {
    "int": lambda v: parsing.parse_int(v, "number", low=-5, high=500),
    "id": lambda v: parsing.parse_id(v, "id"),
    "limit": lambda v: parsing.parse_limit(v, "limit"),
    "number": lambda v: parsing.parse_number(v, "number", low=0, high=24),
    "hours": lambda v: parsing.parse_hours(v, "hours"),
    "hours0": lambda v: parsing.parse_hours(v, "hours", allow_zero=True),
    "date": lambda v: parsing.parse_date(v, "date"),
    "week": lambda v: parsing.parse_week(v, "week"),
    "month": lambda v: parsing.parse_month(v, "month"),
    "year": lambda v: parsing.parse_year(v, "year"),
    "time": lambda v: parsing.parse_time(v, "time"),
    "moment": lambda v: parsing.parse_moment(v, "at", offset=True),
    "search": lambda v: parsing.parse_search(v, "search"),
}


def _in_range(kind: str, value: object) -> bool:
    days = (parsing.FIRST_DAY, parsing.LAST_DAY)
    return {
        "int": lambda: isinstance(value, int) and -5 <= value <= 500,
        "id": lambda: isinstance(value, int) and 1 <= value <= parsing.ID_MAX,
        "limit": lambda: isinstance(value, int) and 1 <= value <= parsing.LIST_LIMIT_MAX,
        "number": lambda: isinstance(value, float) and math.isfinite(value) and 0 <= value <= 24,
        "hours": lambda: isinstance(value, int) and 0 < value <= 24 * 60,
        "hours0": lambda: isinstance(value, int) and 0 <= value <= 24 * 60,
        "date": lambda: isinstance(value, date) and days[0] <= value <= days[1],
        "week": lambda: isinstance(value, date) and value.weekday() == 0 and days[0] <= value <= days[1],
        "month": lambda: isinstance(value, date) and value.day == 1 and days[0] <= value <= days[1],
        "year": lambda: isinstance(value, int) and parsing.YEAR_MIN <= value <= parsing.YEAR_MAX,
        "time": lambda: isinstance(value, time),
        "moment": lambda: isinstance(value, datetime) and days[0] <= value.date() <= days[1],
        "search": lambda: isinstance(value, str) and len(value) <= parsing.SEARCH_MAX,
    }[kind]()


@FAST
@given(kind=st.sampled_from(sorted(PARSERS)), text=anything)
def test_any_text_parses_in_range_or_is_refused(kind: str, text: str) -> None:
    try:
        value = PARSERS[kind](text)
    except ValidationError as exc:
        (problem,) = exc.problems
        assert problem.code and problem.field
        shown = problem.value
        assert not isinstance(shown, str) or len(shown) <= parsing.SHOWN_MAX + 1
        return
    assert _in_range(kind, value), (kind, text, value)
    if kind in ("int", "id", "limit", "year") and isinstance(text, str):
        assert text.strip().lstrip("-").isascii()  # only ASCII digits make numbers


@FAST
@given(kind=st.sampled_from(sorted(PARSERS)),
       value=st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.dates(),
                       st.datetimes(), st.times(), st.binary(max_size=5)))
def test_any_value_of_another_type_parses_in_range_or_is_refused(kind: str, value: object) -> None:
    try:
        got = PARSERS[kind](value)
    except ValidationError:
        return
    if kind == "search" and value is None:
        assert got == ""
    else:
        assert _in_range(kind, got), (kind, value, got)


@pytest.mark.parametrize(("kind", "text", "code"), [
    ("hours", "1_0", "hours_invalid"), ("hours", "inf", "hours_invalid"),
    ("hours", "nan", "hours_invalid"), ("hours", "１.５", "hours_invalid"),
    ("hours", "24.01", "hours_too_many"), ("hours", "0.001", "hours_invalid"),
    ("week", "2026-W5١", "week_invalid"), ("week", "9999-W52", "date_out_of_range"),
    ("week", "0001-W01", "date_out_of_range"), ("week", "2026-W54", "week_invalid"),
    ("date", "0001-01-01", "date_out_of_range"), ("date", "", "date_invalid"),
    ("date", "２０２６-12-07", "date_invalid"), ("date", "2026-12-07T09:30", "date_invalid"),
    ("year", "-1", "year_invalid"), ("year", "3000", "date_out_of_range"),
    ("year", "2_026", "year_invalid"), ("limit", "99999999999999999999", "number_invalid"),
    ("limit", "2000000", "out_of_range"), ("id", "١", "number_invalid"), ("id", "²", "number_invalid"),
    ("id", "2147483648", "number_invalid"), ("month", "0001-12", "date_out_of_range"),
    ("month", "2026-1٢", "month_invalid"), ("moment", "2026-12-07T09:30+99:00", "datetime_invalid"),
    ("search", "x" * 40_000, "too_long"), ("search", "a\x00b", "bad_characters"),
])
def test_the_nonsense_of_the_issue_is_refused(kind: str, text: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        PARSERS[kind](text)
    assert err.value.reason == code


def test_sane_values_parse() -> None:
    assert parsing.parse_hours("1.5") == 90 and parsing.parse_hours("1,5") == 90
    assert parsing.parse_hours(" 24 ") == 24 * 60 and parsing.parse_hours(2.5) == 150
    assert parsing.parse_hours("0", allow_zero=True) == 0
    assert parsing.parse_week("2026-W50") == date(2026, 12, 7)
    assert parsing.parse_week("2026w01") == date(2025, 12, 29)
    assert parsing.parse_week(date(2026, 12, 9)) == date(2026, 12, 7)
    assert parsing.parse_month("2026-12") == date(2026, 12, 1)
    assert parsing.parse_year("2026") == 2026 == parsing.parse_year(2026)
    assert parsing.parse_time("7:05") == time(7, 5)
    assert parsing.parse_moment("2026-12-07 09:30") == datetime(2026, 12, 7, 9, 30)
    assert parsing.parse_moment("2026-12-07T09:30+08:00", offset=True).utcoffset().seconds == 8 * 3600
    assert parsing.parse_search("  张三 ") == "张三"
    assert parsing.is_id_text("42") and not parsing.is_id_text("４２") and not parsing.is_id_text("0")


# ---------------------------------------------------------------------------- the services


def _entries(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(HoursEntry))


def test_services_refuse_what_the_forms_could_hand_them(demo_db: Database) -> None:
    from volunteer_app.services import availability, holidays, hours, shifts, volunteers
    from volunteer_app.services import requests as req_service

    with demo_db.session() as s:
        vid = volunteers.list_rows(s)[0].id
    cases = [
        (lambda s: hours.add_manual(s, vid, date(1, 1, 1), 2, "x", "王芳"), "date_out_of_range"),
        (lambda s: hours.add_manual(s, vid, date(2026, 1, 5), math.inf, "x", "王芳"), "hours_invalid"),
        (lambda s: hours.add_manual(s, vid, date(2026, 1, 5), "1_0", "x", "王芳"), "hours_invalid"),
        (lambda s: hours.add_manual(s, vid, date(2026, 1, 5), math.nan, "x", "王芳"), "hours_invalid"),
        (lambda s: holidays.confirm_year(s, -1), "date_out_of_range"),
        (lambda s: holidays.set_holiday(s, date(1, 1, 1), "holiday"), "date_out_of_range"),
        (lambda s: holidays.list_holidays(s, 9999), "date_out_of_range"),
        (lambda s: shifts.week_plan(s, date(9999, 12, 27)), "date_out_of_range"),
        (lambda s: availability.add_leave(s, vid, date(1, 1, 1), date(2026, 1, 1)), "date_out_of_range"),
        (lambda s: list_entries(s, limit=10**20), "out_of_range"),
        (lambda s: volunteers.list_rows(s, volunteers.VolunteerFilter(search="张" * 40_000)), "too_long"),
        (lambda s: volunteers.list_rows(s, volunteers.VolunteerFilter(search="a " * 20_000)), "too_long"),
        (lambda s: req_service.list_requests(s, req_service.RequestFilter(search="a " * 20_000)), "too_long"),
        (lambda s: req_service.create_request(s, req_service.RequestData(
            resident_name="李四", description="x", received_at=datetime(1, 1, 1)), "王芳"),
         "date_out_of_range"),
    ]
    before = _entries(demo_db)
    for fn, code in cases:
        with pytest.raises(ValidationError) as err, demo_db.session() as s:
            fn(s)
        assert code in {p.code for p in err.value.problems}, (code, err.value)
    assert _entries(demo_db) == before
    with demo_db.session() as s:
        assert s.get(HolidayYear, -1) is None


# ---------------------------------------------------------------------------- the command line


def _main(db: Database, argv: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str]:
    from volunteer_app.cli import main

    try:
        code = main([*argv, "--db", db.url])
    except SystemExit as exc:  # argparse refuses before anything runs
        code = exc.code
    return code, capsys.readouterr().err


SEARCH_40K = "x" * 40_000


@pytest.mark.parametrize(("argv", "named"), [
    (["hours", "add", "1", "--date", "0001-01-01", "--hours", "2", "--reason", "x"], "--date"),
    (["hours", "add", "1", "--date", "2026-01-05", "--hours", "1_0", "--reason", "x"], "--hours"),
    (["hours", "add", "1", "--date", "2026-01-05", "--hours", "inf", "--reason", "x"], "--hours"),
    (["hours", "correct", "1", "--hours", "nan", "--reason", "x"], "--hours"),
    (["shifts", "list", "--week", "2026-W5١"], "--week"),
    (["shifts", "list", "--week", "9999-W52"], "--week"),
    (["shifts", "list", "--week", "0001-W01"], "--week"),
    (["holidays", "confirm-year", "-1"], "year"),
    (["holidays", "confirm-year", "3000"], "year"),
    (["audit", "list", "--limit", "99999999999999999999"], "--limit"),
    (["jobs", "history", "--limit", "0"], "--limit"),
    (["print", "signin", "--date", "", "-o", "x.pdf"], "--date"),
    (["print", "hours", "--month", "0001-12", "-o", "x.pdf"], "--month"),
    (["print", "cards", "--all", "--copies", "٣", "-o", "x.pdf"], "--copies"),
    (["volunteers", "list", "--search", SEARCH_40K], "--search"),
    (["orders", "list", "--search", SEARCH_40K], "--search"),
    (["orders", "status", "1", "followed_up", "--satisfaction", "٥"], "--satisfaction"),
    (["shifts", "assign", "99999999999999999999", "1"], "shift_id"),
    (["shifts", "add", "--date", "2026-12-07", "--start", "٩:00", "--end", "10:00"], "--start"),
    (["availability", "limits", "1", "--week", "1_0"], "--week"),
    (["roster", "autofill", "--week", "2026-W50", "--time-limit", "inf"], "--time-limit"),
    (["roster", "autofill", "--week", "2026-W50", "--min-rest", "1_0"], "--min-rest"),
    (["reminders", "due", "--at", "0001-01-01T00:00"], "--at"),
    (["volunteers", "ics", "1", "-o", "x.ics", "--from", "0001-01-01"], "--from"),
    (["hours", "year", "1", "--year", "١٩٩٩"], "--year"),
])
def test_nonsense_arguments_exit_2_naming_the_argument(demo_db: Database, tmp_path, argv: list[str],
                                                       named: str, capsys, monkeypatch) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    before = _entries(demo_db)
    code, err = _main(demo_db, argv, capsys)
    assert code == 2, (argv, err)
    assert f"argument {named}" in err, err
    assert len(err) < 2000 and "SELECT" not in err  # a 40,000-character value is not echoed
    assert _entries(demo_db) == before
    assert not list(work.iterdir())  # no file written either


def _arguments(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):  # noqa: ANN202
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _arguments(sub, (*path, name))
        else:
            yield path, action


def test_no_argument_is_read_by_python_lenient_converters() -> None:
    """``type=int``/``float``/``date.fromisoformat`` take ``1_0``, ``inf``, ``٥``: every
    typed argument goes through the core's strict parsers (cli/argtypes.py)."""
    from volunteer_app.cli import build_parser

    lenient = {int, float, date.fromisoformat, datetime.fromisoformat, time.fromisoformat}
    found = [(" ".join(path), action.dest) for path, action in _arguments(build_parser())
             if action.type in lenient]
    assert not found, found


def test_sane_arguments_still_work(demo_db: Database, capsys) -> None:
    for argv in (["shifts", "list", "--week", "2026-W50"], ["audit", "list", "--limit", "5"],
                 ["holidays", "list", "--year", "2026"], ["volunteers", "list", "--search", "张"],
                 ["orders", "list", "--search", "水管"]):
        code, err = _main(demo_db, argv, capsys)
        assert code == 0, (argv, err)


def test_a_huge_name_is_not_echoed_whole(demo_db: Database, capsys) -> None:
    """A 5,000-digit team 'name' is refused (no such team) with a readable message."""
    code, err = _main(demo_db, ["shifts", "list", "--week", "2026-W50", "--team", "9" * 5000], capsys)
    assert code == 2 and "no team named" in err and len(err) < 500, err[:300]
