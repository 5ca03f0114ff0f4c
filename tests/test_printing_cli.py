"""``volunteer-app print ...`` through the real entry point."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_printing_support import assert_fonts_embedded, needs_font, pdf_text, reader, run_cli

from volunteer_app.db import Database
from volunteer_app.services import grids as grid_service

pytestmark = [needs_font, pytest.mark.slow]


def test_print_cards_all(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    r = run_cli("--db", demo_db.url, "print", "cards", "--all", "--copies", "2", "--output", str(out))
    assert r.returncode == 0, r.stderr
    assert "22 cards of 11 grids" in r.stdout
    assert len(reader(out).pages) == 3
    assert_fonts_embedded(out)


def test_print_cards_one_grid_by_number(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "g3.pdf"
    r = run_cli("--db", demo_db.url, "print", "cards", "--grid", "3", "--copies", "10",
                "--output", str(out), "--backs")
    assert r.returncode == 0, r.stderr
    with demo_db.session() as s:
        g = grid_service.get_grid(s, grid_service.resolve(s, "3"))
    text = pdf_text(out)
    assert "3号网格" in text and g.leader_name in text and g.leader_phone in text
    assert "4号网格" not in text
    assert len(reader(out).pages) == 2


def test_unknown_grid_is_invalid_input_and_writes_nothing(demo_db: Database,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    r = run_cli("--db", demo_db.url, "print", "cards", "--grid", "99", "--output", str(out))
    assert r.returncode == 2
    assert "99" in r.stderr
    assert not out.exists()


def test_missing_font_gives_clear_error(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    empty = tmp_path / "nofonts"
    empty.mkdir()
    r = run_cli("--db", demo_db.url, "print", "cards", "--all", "--output", str(out),
                env={"VOLUNTEER_APP_FONT_DIRS": str(empty), "VOLUNTEER_APP_FONT": ""})
    assert r.returncode == 1
    assert "fonts-wqy-zenhei" in r.stderr and "choose a font file" in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


def test_chosen_font_missing_is_invalid_argument(demo_db: Database, tmp_path: Path) -> None:
    r = run_cli("--db", demo_db.url, "print", "member-cards", "--output", str(tmp_path / "x.pdf"),
                "--font", str(tmp_path / "nope.ttc"))
    assert r.returncode == 2
    assert "nope.ttc" in r.stderr and "does not exist" in r.stderr


def test_output_folder_missing(demo_db: Database, tmp_path: Path) -> None:
    r = run_cli("--db", demo_db.url, "print", "member-cards",
                "--output", str(tmp_path / "no" / "x.pdf"))
    assert r.returncode == 2
    assert "folder does not exist" in r.stderr


def test_print_member_cards_of_a_team(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "riders.pdf"
    r = run_cli("--db", demo_db.url, "print", "member-cards", "--team", "爱骑志愿服务队",
                "--output", str(out), "--mask-phones")
    assert r.returncode == 0, r.stderr
    assert "35 member cards" in r.stdout
    text = pdf_text(out)
    assert "爱骑志愿服务队" in text and "****" in text
    assert len(reader(out).pages) == 4


def _a_planned_shift(db: Database):  # noqa: ANN202
    from datetime import date, timedelta

    from volunteer_app.services import shifts as shift_service

    monday = shift_service.monday_of(date.today())
    with db.session() as s:
        shifts = shift_service.list_shifts(s, monday, monday + timedelta(days=13))
    return next(x for x in shifts if x.filled >= 1 and x.team)


def test_print_roster_week(demo_db: Database, tmp_path: Path) -> None:
    from volunteer_app.services import shifts as shift_service

    shift = _a_planned_shift(demo_db)
    week = shift_service.week_label(shift.date)
    out = tmp_path / "roster.pdf"
    r = run_cli("--db", demo_db.url, "print", "roster", "--week", week, "--team", shift.team,
                "--output", str(out))
    assert r.returncode == 0, r.stderr
    assert f"1 rosters for {week}" in r.stdout
    text = pdf_text(out)
    assert shift.team in text and shift.on_shift[0].name in text and "****" in text
    assert_fonts_embedded(out)
    r = run_cli("--db", demo_db.url, "print", "roster", "--week", "2026-W60", "--output", str(out))
    assert r.returncode == 2 and "week" in r.stderr


def test_print_signin_shift_and_day(demo_db: Database, tmp_path: Path) -> None:
    shift = _a_planned_shift(demo_db)
    out = tmp_path / "s.pdf"
    r = run_cli("--db", demo_db.url, "print", "signin", "--shift", str(shift.id), "--output",
                str(out), "--no-mask-phones")
    assert r.returncode == 0, r.stderr
    assert "1 sign-in sheets" in r.stdout and len(reader(out).pages) == 1
    assert shift.on_shift[0].name in pdf_text(out)
    r = run_cli("--db", demo_db.url, "print", "signin", "--date", shift.date.isoformat(),
                "--team", shift.team, "--output", str(out))
    assert r.returncode == 0, r.stderr
    r = run_cli("--db", demo_db.url, "print", "signin", "--shift", "999999", "--output", str(out))
    assert r.returncode == 2


def test_print_hours_month(demo_db: Database, tmp_path: Path) -> None:
    from datetime import date, datetime

    from volunteer_app.services import hours as hours_service
    from volunteer_app.services import teams as team_service

    with demo_db.session() as s:
        tid = team_service.resolve(s, "爱骑志愿服务队")
        m = team_service.members(s, tid)[2]
        e = hours_service.add_manual(s, m.volunteer_id, date(2026, 10, 12), 3, "补录", "周霞",
                                     team_id=tid, duty="送药上门", now=datetime(2026, 10, 20))
        hours_service.verify(s, [e], "周霞", now=datetime(2026, 10, 20))
    out = tmp_path / "h.pdf"
    r = run_cli("--db", demo_db.url, "print", "hours", "--month", "2026-10", "--team",
                "爱骑志愿服务队", "--output", str(out))
    assert r.returncode == 0, r.stderr
    assert "1 entries, 3 verified hours" in r.stdout
    text = pdf_text(out)
    assert m.name in text and "送药上门" in text and "爱骑志愿服务队" in text
    r = run_cli("--db", demo_db.url, "print", "hours", "--month", "2026-13", "--output", str(out))
    assert r.returncode == 2 and "month" in r.stderr
