"""Printing: 1,000 grid contact cards with QR codes, and the weekly rosters of all teams.

Baseline, measured in the same run: a minimal ReportLab canvas script that draws the same
card text (same font, same positions, ten cards a page) without QR codes, fitting or crop
marks. Target: the real cards within 1.5x of it. Drawing ReportLab's QR widget afresh on
every card (renderPDF) costs about 25 ms a code; the cards place one form XObject per
distinct code instead, so the scenarios differ in how many distinct codes they carry:

* community: the 11 grids of the demo community, 91 copies each (1,001 cards, 11 codes);
* street office: 100 grids, 10 copies each (1,000 cards, 100 codes);
* worst case: 1,000 different grids (1,000 codes), for information.

Rosters: the demo community's six teams for this week (loaded from a fresh SQLite
database, then rendered), and a generated street office of 60 teams with 8 duties a day
and 3 people a duty (plain data, rendered only).
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as dtime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.graphics import renderPDF  # noqa: E402
from reportlab.graphics.barcode.qr import QrCodeWidget  # noqa: E402
from reportlab.graphics.shapes import Drawing  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from volunteer_app.db import open_database  # noqa: E402
from volunteer_app.demo import load_demo  # noqa: E402
from volunteer_app.paths import sqlite_url  # noqa: E402
from volunteer_app.printing import PrintOptions  # noqa: E402
from volunteer_app.printing.cards import (  # noqa: E402
    CARD_H,
    CARD_W,
    ROLE_LABELS,
    CardPerson,
    GridCard,
    render_grid_cards,
    sheet_layout,
)
from volunteer_app.printing.fonts import load_fonts  # noqa: E402
from volunteer_app.printing.roster import (  # noqa: E402
    RosterCell,
    RosterDay,
    RosterPerson,
    RosterRow,
    RosterSection,
    WeekRoster,
    render_weekly_roster,
    weekly_roster_data,
)
from volunteer_app.scheduling import holidays as hol  # noqa: E402
from volunteer_app.services import shifts as shift_service  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["伟", "芳", "秀英", "扎西", "卓玛", "次仁", "格桑", "央金", "建华", "志强", "海燕"]


def _phone(rng: random.Random) -> str:
    return rng.choice(["138", "139", "158", "187"]) + f"{rng.randrange(10**8):08d}"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def make_grids(n: int, seed: int = 7) -> list[GridCard]:
    rng = random.Random(seed)
    return [
        GridCard(
            community="林琼社区", grid_number=i, grid_name=f"{i}号网格",
            area=f"天峰祥和苑东片区 {i % 9 + 1}-{i % 9 + 4}栋",
            people=tuple(CardPerson(role, _name(rng), _phone(rng)) for role in ROLE_LABELS),
            service_hall_phone="0891-6321148",
            service_hall_hours="周一至周五 9:00-12:30, 15:30-18:00",
            address="拉萨市城关区纳金街道林琼社区便民服务大厅",
        )
        for i in range(1, n + 1)
    ]


def baseline_cards(cards: list[GridCard], font: str, qr_widget: bool = False) -> bytes:
    """The minimal script: the same card text at fixed places, no QR (or, with
    ``qr_widget``, ReportLab's QR widget drawn afresh on every card)."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=PrintOptions().page_size(), initialFontName=font)
    layout = sheet_layout(PrintOptions().page_size())
    for i, card in enumerate(cards):
        slot = i % layout.per_page
        if i and slot == 0:
            c.showPage()
        x, y = layout.origin(slot)
        top = y + CARD_H
        c.setFont(font, 7.5)
        c.drawString(x + 5 * mm, top - 7 * mm, card.community)
        c.setFont(font, 11)
        c.drawString(x + 5 * mm, top - 12 * mm, "网格联系卡")
        c.setFont(font, 12.5)
        c.drawRightString(x + CARD_W - 5 * mm, top - 10 * mm, f"{card.grid_number}号网格")
        c.setFont(font, 6.6)
        c.drawString(x + 3 * mm, top - 17 * mm, f"服务范围：{card.area}")
        for k, p in enumerate(card.people):
            row = top - 22 * mm - k * 5.4 * mm
            c.setFont(font, 6.4)
            c.drawString(x + 3 * mm, row, ROLE_LABELS[p.role])
            c.setFont(font, 8.2)
            c.drawString(x + 22 * mm, row, p.name)
            c.drawRightString(x + 60 * mm, row, p.phone)
        c.setFont(font, 7.2)
        c.drawString(x + 3 * mm, y + 7 * mm, f"便民服务大厅  {card.service_hall_phone}")
        c.setFont(font, 6.2)
        c.drawString(x + 3 * mm, y + 3.6 * mm, f"办公时间  {card.service_hall_hours}")
        if qr_widget:
            leader = card.people[0].phone
            d = Drawing(19 * mm, 19 * mm)
            d.add(QrCodeWidget(f"tel:{leader}", barWidth=19 * mm, barHeight=19 * mm))
            renderPDF.draw(d, c, x + CARD_W - 22 * mm, y + 14 * mm)
    c.showPage()
    c.save()
    return buf.getvalue()


def _time(fn, repeat: int = 3) -> tuple[float, object]:  # noqa: ANN001
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def bench_cards() -> None:
    font = load_fonts().regular
    scenarios = [
        ("community: 11 grids x 91", make_grids(11), 91),
        ("street office: 100 grids x 10", make_grids(100), 10),
        ("worst case: 1,000 grids x 1", make_grids(1000), 1),
    ]
    print(f"{'cards':<32}{'baseline s':>11}{'cards s':>9}{'ratio':>7}{'pages':>7}{'KiB':>7}")
    for label, grids, copies in scenarios:
        items = [g for g in grids for _ in range(copies)][:1000 if copies > 1 else None]
        base_s, base_pdf = _time(lambda items=items: baseline_cards(items, font))

        def real(grids=grids, copies=copies) -> bytes:
            buf = io.BytesIO()
            render_grid_cards(grids, buf, PrintOptions(), copies=copies)
            return buf.getvalue()

        real_s, pdf = _time(real, repeat=3 if len(grids) < 1000 else 1)
        pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page ")
        print(f"{label:<32}{base_s:>11.2f}{real_s:>9.2f}{real_s / base_s:>7.2f}x"
              f"{pages:>6}{len(pdf) / 1024:>7.0f}")
    sample = make_grids(11)
    items = [g for g in sample for _ in range(4)][:40]
    widget_s, _ = _time(lambda: baseline_cards(items, font, qr_widget=True), repeat=1)
    plain_s, _ = _time(lambda: baseline_cards(items, font), repeat=1)
    per_code = (widget_s - plain_s) / len(items) * 1000
    print(f"reference: QR widget drawn afresh on every card costs {per_code:.1f} ms a card "
          f"(~{per_code:.0f} s per 1,000 cards)")


def synthetic_roster(teams: int, duties: int, people: int, seed: int = 11) -> WeekRoster:
    rng = random.Random(seed)
    monday = date(2026, 12, 7)
    days = tuple(RosterDay(monday + timedelta(days=i),
                           hol.WEEKEND if i >= 5 else hol.WORKDAY) for i in range(7))
    sections = []
    for t in range(teams):
        rows = []
        for d in range(duties):
            cells = tuple(
                RosterCell(tuple(RosterPerson(_name(rng), _phone(rng))
                                 for _ in range(rng.randint(people - 1, people))), people)
                for _ in range(7))
            rows.append(RosterRow(f"第{d + 1}岗 巡逻", dtime(7 + d, 0), dtime(8 + d, 30),
                                  f"{t + 1}号网格 {d + 1}号岗", None, cells))
        sections.append(RosterSection(f"第{t + 1}志愿服务队", "队长", _name(rng), _phone(rng),
                                      tuple(rows)))
    return WeekRoster("纳金街道", "0891-6321148", monday, days, tuple(sections))


def bench_rosters() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(sqlite_url(Path(tmp) / "bench.db"))
        with db.session() as s:
            load_demo(s)
        monday = shift_service.monday_of(date.today())

        def demo() -> tuple:
            with db.session() as s:
                roster = weekly_roster_data(s, monday)
            buf = io.BytesIO()
            result = render_weekly_roster(roster, buf, PrintOptions())
            return roster, result

        secs, (roster, result) = _time(demo)
        db.dispose()
    shifts = sum(1 for sec in roster.sections for r in sec.rows for c in r.cells if c)
    print(f"rosters, demo community ({len(roster.sections)} teams, {shifts} duty-days, load + "
          f"render): {secs:.2f} s, {result.pages} pages")
    big = synthetic_roster(60, 8, 3)
    secs, result = _time(lambda: render_weekly_roster(big, io.BytesIO(), PrintOptions()), 1)
    print(f"rosters, street office (60 teams x 8 duties x 7 days, ~3 people, render): "
          f"{secs:.2f} s, {result.pages} pages, {result.pages / secs:.0f} pages/s")


def main() -> None:
    bench_cards()
    bench_rosters()


if __name__ == "__main__":
    main()
