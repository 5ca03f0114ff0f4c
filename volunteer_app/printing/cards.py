"""Grid contact cards (网格联系卡): 85.6 x 54 mm, ten to an A4 sheet with crop marks.

Each card carries the community, the grid's number and name, the "1+3" people (grid
leader, grid worker, grid police officer, street grid instructor) with their phones, the
service hall's phone and hours, and a QR code that dials the grid leader. Optional backs
are laid out column-mirrored on the following sheet, for long-edge duplex printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from ..security.permissions import require
from ..services import community as community_service
from ..services import grids as grid_service
from .common import (
    GREY,
    INK,
    LIGHT,
    RED,
    RED_DARK,
    RULE,
    CropLayout,
    Output,
    PrintOptions,
    PrintResult,
    ProgressReporter,
    Typesetter,
    chunks,
    open_output,
    phone_text,
    set_metadata,
)
from .qr import QrForms, tel_uri

CARD_W = 85.6 * mm
CARD_H = 54 * mm
SAFE = 3 * mm  # nothing but the header band comes closer than this to the cut line
GUTTER_X = 8 * mm
ROLE_LABELS = {
    "leader": "网格长",
    "worker": "专职网格员",
    "police": "网格民警",
    "instructor": "街道网格指导员",
}
SLOGAN = "小网格 · 大担当"
ONE_PLUS_THREE = ("网格长 + 专职网格员、网格民警、街道网格指导员 + 物业、业委会、"
                  "志愿服务队、共建单位、双报到党员，共同为您服务")
ORDERS_NOTE = "急难愁盼，楼栋群里“点单”：网格员收单、派单，有人派、有人接、有人做"


@dataclass(frozen=True)
class CardPerson:
    """One of the "1+3" people on a card: role key (``leader``...), name and phone."""

    role: str
    name: str
    phone: str


@dataclass(frozen=True)
class GridCard:
    """Everything printed on one grid's contact card."""

    community: str
    grid_number: int
    grid_name: str
    area: str
    people: tuple[CardPerson, ...]
    service_hall_phone: str = ""
    service_hall_hours: str = ""
    address: str = ""

    @property
    def leader(self) -> CardPerson | None:
        return next((p for p in self.people if p.role == "leader" and p.name), None)


def grid_cards_data(session: Session, grid_ids: Sequence[int] | None = None) -> list[GridCard]:
    """Card data of the given grids (all grids when None), in grid-number order."""
    require(session, "print")
    info = community_service.get_community(session)
    rows = grid_service.list_grids(session)
    if grid_ids is not None:
        wanted = set(grid_ids)
        rows = [r for r in rows if r.id in wanted]
    cards = []
    for g in rows:
        people = tuple(
            CardPerson(role, getattr(g, f"{role}_name"), getattr(g, f"{role}_phone"))
            for role in grid_service.PEOPLE
        )
        cards.append(GridCard(
            community=info.name, grid_number=g.number, grid_name=g.name, area=g.area,
            people=people, service_hall_phone=info.service_hall_phone,
            service_hall_hours=info.service_hall_hours, address=info.address,
        ))
    return cards


def grid_title(card: GridCard) -> tuple[str, str]:
    """Big title and optional subtitle: "3号网格", plus the grid's own name when it differs."""
    standard = f"{card.grid_number}号网格"
    name = card.grid_name.strip()
    if not name or name == standard:
        return standard, ""
    return standard, name


def sheet_layout(page: tuple[float, float], gutter_x: float = GUTTER_X) -> CropLayout:
    """As many cards as fit, cards touching vertically, a gutter between columns."""
    w, h = page
    min_margin = 10 * mm
    cols = max(1, int((w - 2 * min_margin + gutter_x) // (CARD_W + gutter_x)))
    rows = max(1, int((h - 2 * min_margin) // CARD_H))
    return CropLayout(w, h, CARD_W, CARD_H, cols, rows, gutter_x, 0.0)


class _CardPainter:
    """Draws fronts and backs of grid cards; one instance per document."""

    def __init__(self, c: Canvas, ts: Typesetter, qr: QrForms, masked: bool) -> None:
        self.c = c
        self.ts = ts
        self.qr = qr
        self.masked = masked
        self._forms: set[str] = set()

    def qr_target(self, card: GridCard) -> tuple[str, str]:
        """What the card's QR code dials, and its caption: the grid leader, or the
        service hall when there is no leader's phone or phones are masked."""
        leader = card.leader
        if leader and leader.phone and not self.masked:
            return tel_uri(leader.phone), "扫码拨打网格长"
        if card.service_hall_phone:
            return tel_uri(card.service_hall_phone), "扫码拨打服务大厅"
        return "", ""

    def form(self, key: str, card: GridCard, side: str) -> str:
        """Name of a form XObject holding one side of ``card``, drawn on first use.

        Copies of a card are identical, so each is drawn once and placed many times:
        500 cards of one grid cost one card's layout and keep the PDF small.
        """
        name = f"vacard{side}{key}"
        if name in self._forms:
            return name
        value, _caption = self.qr_target(card)
        if side == "front" and value:
            self.qr.form_name(value)  # forms cannot be defined inside another form
        self.c.beginForm(name, lowerx=0, lowery=0, upperx=CARD_W, uppery=CARD_H)
        (self.front if side == "front" else self.back)(card, 0, 0)
        self.c.endForm()
        self._forms.add(name)
        return name

    def place(self, key: str, card: GridCard, side: str, x: float, y: float) -> None:
        name = self.form(key, card, side)
        self.c.saveState()
        self.c.translate(x, y)
        self.c.doForm(name)
        self.c.restoreState()

    def _band(self, x: float, y: float, height: float) -> None:
        c = self.c
        c.setFillColor(RED)
        c.roundRect(x + 2.5 * mm, y + CARD_H - 2.5 * mm - height, CARD_W - 5 * mm, height,
                    1.6 * mm, stroke=0, fill=1)

    def front(self, card: GridCard, x: float, y: float) -> None:
        c, ts = self.c, self.ts
        left, right = x + SAFE, x + CARD_W - SAFE
        top = y + CARD_H
        band_h = 11.5 * mm
        self._band(x, y, band_h)
        band_bottom = top - 2.5 * mm - band_h
        # Header: community + "网格联系卡" on the left, the grid on the right.
        title, subtitle = grid_title(card)
        title_size = ts.fit_size(title, 30 * mm, 12.5, 9, bold=True)
        title_w = ts.width(title, title_size, bold=True)
        text_left = x + 5 * mm
        header_right = x + CARD_W - 5 * mm
        avail = header_right - text_left - title_w - 4 * mm
        size = ts.fit_size(card.community, avail, 7.5, 5.5)
        ts.draw(c, text_left, top - 2.5 * mm - 4.6 * mm, ts.truncate(card.community, avail, size),
                size, color=colors.white)
        ts.draw(c, text_left, top - 2.5 * mm - 9.4 * mm, "网格联系卡", 11, bold=True,
                color=colors.white)
        if subtitle:
            ts.draw(c, header_right, top - 2.5 * mm - 5.6 * mm, title, title_size, bold=True,
                    color=colors.white, align="right")
            sub_w = header_right - text_left - ts.width("网格联系卡", 11, bold=True) - 3 * mm
            sub_size = ts.fit_size(subtitle, sub_w, 7, 5)
            ts.draw(c, header_right, top - 2.5 * mm - 9.4 * mm,
                    ts.truncate(subtitle, sub_w, sub_size), sub_size, color=colors.white,
                    align="right")
        else:
            ts.draw(c, header_right, top - 2.5 * mm - 7.9 * mm, title, title_size, bold=True,
                    color=colors.white, align="right")

        # Footer: service hall phone and hours, above the bottom safe line.
        foot_base = y + SAFE + 0.6 * mm
        hours_line = ""
        if card.service_hall_hours:
            hours_line = f"办公时间  {card.service_hall_hours}"
        hall = f"便民服务大厅  {card.service_hall_phone}" if card.service_hall_phone else ""
        width = right - left
        if hours_line:
            s = ts.fit_size(hours_line, width, 6.2, 4.6)
            ts.draw(c, left, foot_base, ts.truncate(hours_line, width, s), s, color=GREY)
            foot_base += 3.2 * mm
        if hall:
            s = ts.fit_size(hall, width, 7.2, 5)
            ts.draw(c, left, foot_base, ts.truncate(hall, width, s), s, bold=True, color=RED_DARK)
            foot_base += 3.0 * mm
        rule_y = foot_base + 0.2 * mm
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(left, rule_y, right, rule_y)

        # QR code on the right, between header and footer.
        qr_value, caption = self.qr_target(card)
        body_top = band_bottom - 1.6 * mm
        body_bottom = rule_y + 1.2 * mm
        qr_right = right
        people_right = right
        if qr_value:
            caption_h = 2.6 * mm
            qr_size = min(19 * mm, body_top - body_bottom - caption_h)
            qx = qr_right - qr_size
            qy = body_bottom + caption_h
            self.qr.draw(qr_value, qx, qy, qr_size)
            ts.draw(c, qx + qr_size / 2, body_bottom + 0.5 * mm, caption, 5.2, color=GREY,
                    align="centre")
            people_right = qx - 2 * mm

        # Area line, then the four people.
        cursor = body_top
        if card.area:
            area = f"服务范围：{card.area}"
            s, lines = ts.fit_block(area, people_right - left, 6.6, 5.0, 2)
            for line in lines:
                cursor -= s * 1.05
                ts.draw(c, left, cursor, line, s, color=GREY)
            cursor -= 1.2 * mm
        people = [p for p in card.people if p.name]
        if not people:
            return
        row_h = min(5.4 * mm, (cursor - body_bottom) / len(people))
        label_w = 17.5 * mm
        name_x = left + label_w + 1.2 * mm
        phone_w = ts.width("0891-63211480", 7.4)
        phone_x = people_right - phone_w
        name_w = phone_x - name_x - 1.2 * mm
        for i, person in enumerate(people):
            base = cursor - (i + 1) * row_h + (row_h - 7.5) / 2 + 1.2
            is_leader = person.role == "leader"
            label = ROLE_LABELS.get(person.role, person.role)
            if is_leader:
                c.setFillColor(RED)
                c.roundRect(left, base - 1.4, label_w, 10.4, 2.2,
                            stroke=0, fill=1)
                ts.draw(c, left + label_w / 2, base + 0.6, label, 6.6, bold=True,
                        color=colors.white, align="centre")
            else:
                c.setFillColor(LIGHT)
                c.roundRect(left, base - 1.4, label_w, 10.4, 2.2, stroke=0, fill=1)
                ls = ts.fit_size(label, label_w - 2, 6.4, 4.6)
                ts.draw(c, left + label_w / 2, base + 0.6 + (6.4 - ls) / 3, label, ls,
                        color=INK, align="centre")
            ns, lines = ts.fit_block(person.name, name_w, 8.2, 4.8, 2, bold=True,
                                     shrink_first=0.75, wrap_size=row_h / 2.35)
            if len(lines) == 1:
                ts.draw(c, name_x, base, lines[0], ns, bold=True, color=INK)
            else:
                ts.draw(c, name_x, base + ns * 0.55, lines[0], ns, bold=True, color=INK)
                ts.draw(c, name_x, base - ns * 0.55, lines[1], ns, bold=True, color=INK)
            phone = phone_text(person.phone, self.masked)
            ps = ts.fit_size(phone, people_right - phone_x, 7.4, 5)
            ts.draw(c, people_right, base, phone, ps, color=RED_DARK if is_leader else INK,
                    align="right")

    def back(self, card: GridCard, x: float, y: float) -> None:
        c, ts = self.c, self.ts
        left, right = x + SAFE, x + CARD_W - SAFE
        width = right - left
        top = y + CARD_H
        c.setFillColor(RED)
        c.roundRect(x + 2.5 * mm, top - 2.5 * mm - 2.2 * mm, CARD_W - 5 * mm, 2.2 * mm, 1.1 * mm,
                    stroke=0, fill=1)
        cursor = top - 2.5 * mm - 2.2 * mm - 8.5 * mm
        s = ts.fit_size(card.community, width, 9, 6)
        ts.draw(c, x + CARD_W / 2, cursor + 1.5 * mm, ts.truncate(card.community, width, s), s,
                color=GREY, align="centre")
        cursor -= 6.5 * mm
        ts.draw(c, x + CARD_W / 2, cursor, SLOGAN, 14, bold=True, color=RED, align="centre")
        cursor -= 5.5 * mm
        s, lines = ts.fit_block(ONE_PLUS_THREE, width - 6 * mm, 6.4, 5, 3)
        for line in lines:
            ts.draw(c, x + CARD_W / 2, cursor, line, s, color=INK, align="centre")
            cursor -= s * 1.35
        box_h = 9.2 * mm
        box_y = cursor - box_h + 1.2 * mm
        c.setFillColor(LIGHT)
        c.roundRect(left + 1 * mm, box_y, width - 2 * mm, box_h, 1.4 * mm, stroke=0, fill=1)
        s, lines = ts.fit_block(ORDERS_NOTE, width - 6 * mm, 6.6, 5, 2, shrink_first=0.97)
        line_y = box_y + box_h / 2 + (len(lines) - 1) * s * 0.65 - s * 0.35
        for line in lines:
            ts.draw(c, x + CARD_W / 2, line_y, line, s, color=RED_DARK, align="centre")
            line_y -= s * 1.3
        foot = y + SAFE + 0.6 * mm
        if card.address:
            text = f"地址：{card.address}"
            s, lines = ts.fit_block(text, width, 6.2, 4.8, 2)
            for line in reversed(lines):
                ts.draw(c, left, foot, line, s, color=GREY)
                foot += s * 1.3
        if card.leader and card.leader.phone and not self.masked:
            note = "扫描正面二维码，可直接拨打网格长电话"
        else:
            note = "扫描正面二维码，可直接拨打便民服务大厅电话"
        ts.draw(c, left, foot + 0.6 * mm, ts.truncate(note, width, 6.2), 6.2, color=GREY)


def render_grid_cards(cards: Sequence[GridCard], out: Output, options: PrintOptions | None = None,
                      *, copies: int = 1, backs: bool = False) -> PrintResult:
    """Write ``copies`` cards of every grid in ``cards`` (grid by grid) to ``out``.

    Phones are shown in full unless ``options.mask_phones`` is True; a masked card's QR
    code then dials the service hall instead of the grid leader.
    """
    options = options or PrintOptions()
    if copies < 1:
        raise ValueError("copies must be at least 1")
    fonts = options.fonts()
    ts = Typesetter(fonts)
    masked = options.masked(False)
    layout = sheet_layout(options.page_size())
    items = [(str(i), card) for i, card in enumerate(cards) for _ in range(copies)]
    reporter = ProgressReporter(options, len(items))
    sheets = list(chunks(items, layout.per_page))
    pages = 0
    community = cards[0].community if cards else ""
    with open_output(out) as target:
        c = Canvas(target, pagesize=options.page_size(), pageCompression=1,
                   initialFontName=ts.fonts.regular)
        set_metadata(c, f"{community} 网格联系卡", community, "网格联系卡")
        painter = _CardPainter(c, ts, QrForms(c), masked)
        total_pages = len(sheets) * (2 if backs else 1)
        for sheet in sheets:
            for side in (("front", "back") if backs else ("front",)):
                pages += 1
                layout.draw_crop_marks(c, length=4 * mm, offset=1.5 * mm)
                for slot, (key, card) in enumerate(sheet):
                    cx, cy = layout.origin(slot, mirrored=side == "back")
                    painter.place(key, card, side, cx, cy)
                    if side == "front":
                        reporter.tick()
                label = "背面" if side == "back" else "正面"
                note = (f"{community}  网格联系卡（{label}）  沿裁切线裁开  "
                        f"打印日期 {options.today():%Y-%m-%d}  第 {pages} / {total_pages} 页")
                ts.draw(c, layout.page_w / 2, 4.5 * mm, note, 6.5, color=GREY, align="centre")
                c.showPage()
        if not sheets:
            ts.draw(c, layout.page_w / 2, layout.page_h / 2, "没有可打印的网格", 12, color=GREY,
                    align="centre")
            c.showPage()
            pages = 1
        c.save()
    reporter.finish()
    warnings = ("tibetan_font_missing",) if ts.missing_tibetan else ()
    return PrintResult(pages=pages, items=len(items), warnings=warnings)
