"""Render one page of every printout of the demo community to PNG (docs/printouts/).

Usage: ``python docs/printouts/make_printouts.py [OUTPUT_DIR]``. Needs poppler's
``pdftoppm``. Builds the demo community in a temporary database, records and verifies
last week's completed duties in the hours ledger (so the statement has lines), writes
each PDF, and rasterises the page shown in the README.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from volunteer_app import clock  # noqa: E402
from volunteer_app.db import open_database  # noqa: E402
from volunteer_app.demo import load_demo  # noqa: E402
from volunteer_app.paths import sqlite_url  # noqa: E402
from volunteer_app.printing import PrintOptions  # noqa: E402
from volunteer_app.printing.cards import grid_cards_data, render_grid_cards  # noqa: E402
from volunteer_app.printing.hours import (  # noqa: E402
    community_name,
    hours_lines,
    render_hours_statement,
)
from volunteer_app.printing.member_cards import (  # noqa: E402
    member_cards_data,
    render_member_cards,
)
from volunteer_app.printing.roster import render_weekly_roster, weekly_roster_data  # noqa: E402
from volunteer_app.printing.signin import render_signin_sheets, signin_sheets_data  # noqa: E402
from volunteer_app.services import checkin as checkin_service  # noqa: E402
from volunteer_app.services import hours as hours_service  # noqa: E402
from volunteer_app.services import shifts as shift_service  # noqa: E402
from volunteer_app.services import teams as team_service  # noqa: E402


def rasterise(pdf: Path, page: int, png: Path, dpi: int = 90) -> None:
    base = png.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(base)], check=True)


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = open_database(sqlite_url(tmp / "demo.db"))
        with db.session() as s:
            load_demo(s)
        today = date.today()
        monday = shift_service.monday_of(today)
        with db.session() as s:
            # Check in the demo's completed duties so the ledger has a month to report.
            now = clock.local_now(s)
            for shift in shift_service.list_shifts(s, monday - timedelta(days=7), today):
                marks = [checkin_service.CheckinMark(a.assignment_id, "completed")
                         for a in shift.on_shift if a.status == "completed"]
                if marks:
                    checkin_service.record_checkin(s, shift.id, marks, "周霞", now=now)
            months = sorted({d.strftime("%Y-%m") for d in (monday - timedelta(days=7), today)})
            for month in months:
                hours_service.verify_month(s, month, "周霞", now=now)
        options = PrintOptions()
        with db.session() as s:
            cards = grid_cards_data(s)
            patrol = team_service.resolve(s, "小喇叭巡逻队")
            members = member_cards_data(s, patrol)
            roster = weekly_roster_data(s, monday, team_id=patrol)
            day_shifts = [x for x in shift_service.list_shifts(s, monday, monday + timedelta(6))
                          if x.filled >= 3]
            sheets = signin_sheets_data(s, shift_id=day_shifts[0].id)
            month = months[-1]
            lines = hours_lines(s, month, patrol) or hours_lines(s, months[0], patrol)
            if not hours_lines(s, month, patrol):
                month = months[0]
            community = community_name(s)
        db.dispose()
        jobs = [
            ("grid-cards", lambda p: render_grid_cards(cards, p, options, copies=2, backs=True), 1),
            ("grid-cards-back", lambda p: render_grid_cards(cards, p, options, copies=2, backs=True), 2),
            ("member-cards", lambda p: render_member_cards(members, p, options), 1),
            ("weekly-roster", lambda p: render_weekly_roster(roster, p, options), 1),
            ("signin-sheet", lambda p: render_signin_sheets(sheets, p, options), 1),
            ("hours-statement", lambda p: render_hours_statement(
                lines, p, options, month=month, community=community), 1),
        ]
        for name, render, page in jobs:
            pdf = tmp / f"{name}.pdf"
            result = render(pdf)
            rasterise(pdf, page, out_dir / f"{name}.png")
            print(f"{name}: {result.pages} pages -> {out_dir / (name + '.png')}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
