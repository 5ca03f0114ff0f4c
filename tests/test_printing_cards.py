"""Grid contact cards and member cards: content, masking, pages, fonts, QR reuse, overflow."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from test_printing_support import (
    assert_fonts_embedded,
    form_xobject_names,
    needs_font,
    needs_pdftoppm,
    needs_tibetan,
    pdf_text,
    reader,
    render_gray,
)

from volunteer_app.db import Database
from volunteer_app.printing import PrintCancelled, PrintOptions
from volunteer_app.printing.cards import (
    CARD_H,
    CARD_W,
    CardPerson,
    GridCard,
    grid_cards_data,
    render_grid_cards,
    sheet_layout,
)
from volunteer_app.printing.member_cards import (
    MemberCard,
    member_cards_data,
    render_member_cards,
)
from volunteer_app.services import grids as grid_service
from volunteer_app.services import teams as team_service
from volunteer_app.validation import mask_mobile

pytestmark = needs_font
OPTS = PrintOptions(printed_on=date(2026, 12, 7))


def _cards(db: Database) -> list[GridCard]:
    with db.session() as s:
        return grid_cards_data(s)


def test_cards_show_grids_people_and_phones(demo_db: Database, tmp_path: Path) -> None:
    cards = _cards(demo_db)
    out = tmp_path / "cards.pdf"
    result = render_grid_cards(cards, out, OPTS, copies=2)
    assert result.items == 22
    assert result.pages == 3 == len(reader(out).pages)
    text = pdf_text(out)
    with demo_db.session() as s:
        grids = grid_service.list_grids(s)
    assert len(grids) == 11
    for g in grids:
        assert f"{g.number}号网格" in text
        for role in grid_service.PEOPLE:
            assert getattr(g, f"{role}_name") in text
            assert getattr(g, f"{role}_phone") in text
    assert "林琼社区" in text and "0891-6321148" in text and "街道网格指导员" in text
    assert "第 1 / 3 页" in text
    assert_fonts_embedded(out)


def test_masked_cards_hide_phones_but_keep_the_service_hall(demo_db: Database,
                                                          tmp_path: Path) -> None:
    cards = _cards(demo_db)[:2]
    out = tmp_path / "masked.pdf"
    render_grid_cards(cards, out, PrintOptions(mask_phones=True))
    text = pdf_text(out)
    for card in cards:
        for person in card.people:
            assert person.phone not in text
            assert mask_mobile(person.phone) in text
    assert "0891-6321148" in text
    assert "扫码拨打服务大厅" in text and "扫码拨打网格长" not in text


def test_copies_and_backs_page_count(demo_db: Database, tmp_path: Path) -> None:
    cards = _cards(demo_db)
    result = render_grid_cards(cards, tmp_path / "a.pdf", OPTS, copies=10)
    assert (result.items, result.pages) == (110, 11)
    result = render_grid_cards(cards[:3], tmp_path / "b.pdf", OPTS, copies=5, backs=True)
    assert (result.items, result.pages) == (15, 4)
    texts = [p.extract_text() for p in reader(tmp_path / "b.pdf").pages]
    assert "正面" in texts[0] and "背面" in texts[1] and "小网格" in texts[1]


def test_each_distinct_qr_code_is_one_reused_form(demo_db: Database, tmp_path: Path) -> None:
    cards = _cards(demo_db)
    out = tmp_path / "cards.pdf"
    render_grid_cards(cards, out, OPTS, copies=10)
    # 11 grids -> 11 card faces and 11 leaders' codes, each one form XObject drawn once
    # and placed on every copy.
    names = form_xobject_names(out)
    assert len([n for n in names if "vaqr" in n]) == 11
    assert len([n for n in names if "vacard" in n]) == 11
    assert len(out.read_bytes()) < 150_000


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg not installed")
@needs_pdftoppm
def test_qr_code_dials_the_grid_leader(tmp_path: Path) -> None:
    card = GridCard("林琼社区", 3, "3号网格", "", (CardPerson("leader", "张伟", "138 0013 8000"),),
                    "0891-6321148")
    out = tmp_path / "card.pdf"
    render_grid_cards([card], out, OPTS)
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(out),
                    str(tmp_path / "card")], check=True)
    found = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "card.png")],
                           capture_output=True, text=True)
    assert found.stdout.strip() == "tel:13800138000"


def test_sheet_layout_is_ten_cards_per_a4_page() -> None:
    layout = sheet_layout(PrintOptions().page_size())
    assert (layout.cols, layout.rows) == (2, 5)
    x, y = layout.origin(9)
    assert x > 0 and y > 0
    assert x + CARD_W < layout.page_w
    # Columns mirror for backs so that duplex fronts and backs line up.
    assert layout.origin(0, mirrored=True) == layout.origin(1)


LONG = GridCard(
    community="拉萨市城关区纳金街道林琼社区居民委员会第二分会便民服务站",
    grid_number=12, grid_name="天峰祥和苑东区商业街沿街商铺及周边住宅楼网格",
    area="天峰祥和苑东片区 1-9栋、香雪佳园 A区 3-12栋、林琼花园沿街商铺、纳金路 88号至 126号双号、"
         "林琼公园周边以及纳金街道办事处辖区内其他未列明的零散住户",
    people=(CardPerson("leader", "格桑·伦珠·次仁多吉·旦增平措·益西", "13812345678"),
            CardPerson("worker", "欧阳司马诸葛长名字测试", "0891-6321148-8001"),
            CardPerson("police", "张伟", "13912345678"),
            CardPerson("instructor", "阿旺·罗布·洛桑·丹增·晋美", "13912345679")),
    service_hall_phone="0891-6321148 / 0891-6321149 / 0891-6321150",
    service_hall_hours="周一至周五 9:00-12:30, 15:30-18:00；周六 10:00-16:00（法定节假日除外，调休日照常）",
    address="拉萨市城关区纳金街道林琼社区便民服务大厅（林琼公园东门对面，天峰祥和苑 1 栋底商，"
            "公交 12 路林琼站下车向东 100 米）",
)


def _ink_outside_slot0(pdf: Path, tmp_path: Path, page: int = 1) -> list[tuple[int, int]]:
    """Dark pixels in the card slots other than the first one (which alone holds a card)."""
    dpi = 72
    w, h, px = render_gray(pdf, page, dpi, tmp_path)
    layout = sheet_layout(PrintOptions().page_size())
    scale = dpi / 72
    x0, y0 = layout.origin(0)
    card_px = (int(x0 * scale), int((layout.page_h - y0 - CARD_H) * scale),
               int((x0 + CARD_W) * scale), int((layout.page_h - y0) * scale))
    grid_left = int(layout.x0 * scale) + 1
    grid_right = int((layout.page_w - layout.x0) * scale) - 1
    grid_top = int((layout.page_h - layout.y_top) * scale) + 1
    grid_bottom = int((layout.page_h - layout.y_top + layout.rows * CARD_H) * scale) - 1
    # The crop marks in the column gutter sit on the horizontal cut lines: not overflow.
    gutter = (int((x0 + CARD_W) * scale) + 1, int((x0 + CARD_W + layout.gutter_x) * scale))
    cuts = [(layout.page_h - layout.y_top + r * CARD_H) * scale for r in range(layout.rows + 1)]
    dark = []
    for yy in range(grid_top, grid_bottom):
        on_cut = any(abs(yy - cut) <= 1.5 for cut in cuts)
        for xx in range(grid_left, grid_right):
            inside = card_px[0] <= xx <= card_px[2] and card_px[1] <= yy <= card_px[3]
            if on_cut and gutter[0] <= xx <= gutter[1]:
                continue
            if not inside and px[yy * w + xx] < 200:
                dark.append((xx, yy))
    return dark


@needs_pdftoppm
def test_long_text_never_leaves_the_card(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    render_grid_cards([LONG], out, OPTS, backs=True)
    assert _ink_outside_slot0(out, tmp_path) == []
    text = pdf_text(out)
    assert "12号网格" in text and "13812345678" in text


@needs_pdftoppm
def test_long_member_card_text_stays_inside(tmp_path: Path) -> None:
    card = MemberCard(7, "格桑·伦珠·次仁多吉·旦增平措·益西", "13812345678",
                      "小喇叭巡逻队、点赞联盟文明劝导队、红蜻蜓义务宣传队、洁美家园环境整治志愿队、爱骑志愿服务队",
                      "deputy", date(2024, 3, 1), "红石榴志愿服务队（拉萨市城关区纳金街道林琼社区总队）",
                      "拉萨市城关区纳金街道林琼社区居民委员会")
    out = tmp_path / "member.pdf"
    render_member_cards([card], out, OPTS)
    assert _ink_outside_slot0(out, tmp_path) == []


def test_member_cards_of_a_team(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as s:
        tid = team_service.resolve(s, "爱骑志愿服务队")
        members = [m for m in team_service.members(s, tid) if m.active]
        cards = member_cards_data(s, tid)
    assert [c.volunteer_id for c in cards] == [m.volunteer_id for m in members]
    assert cards[0].role == "captain" and cards[0].umbrella == "红石榴志愿服务队"
    out = tmp_path / "members.pdf"
    result = render_member_cards(cards, out, OPTS)
    assert result.pages == -(-len(cards) // 10) == len(reader(out).pages)
    text = pdf_text(out)
    for m in members:
        assert m.name in text and m.mobile in text
    assert "队长" in text and "爱骑志愿服务队" in text and "加入时间" in text
    assert_fonts_embedded(out)


def test_member_cards_of_everyone_one_card_each(demo_db: Database) -> None:
    with demo_db.session() as s:
        cards = member_cards_data(s)
    ids = [c.volunteer_id for c in cards]
    assert len(ids) == len(set(ids)) == 150  # 152 demo volunteers, two have left
    # The party secretary leads the umbrella team but it is branch teams that name people.
    assert all(c.team for c in cards)


def test_member_cards_masked(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as s:
        cards = member_cards_data(s)[:4]
    buf = io.BytesIO()
    render_member_cards(cards, buf, PrintOptions(mask_phones=True))
    text = pdf_text(buf.getvalue())
    for c in cards:
        assert c.phone not in text and mask_mobile(c.phone) in text


@needs_tibetan
def test_tibetan_names_use_the_tibetan_font(tmp_path: Path) -> None:
    card = GridCard("林琼社区", 1, "1号网格", "", (CardPerson("leader", "བཀྲ་ཤིས་སྒྲོལ་མ", "13800001111"),))
    out = tmp_path / "bo.pdf"
    result = render_grid_cards([card], out, OPTS)
    assert result.warnings == ()
    names = assert_fonts_embedded(out)
    assert any("Tibetan" in n for n in names)


def test_progress_and_cancel(demo_db: Database, tmp_path: Path) -> None:
    cards = _cards(demo_db)
    seen: list[tuple[int, int]] = []
    render_grid_cards(cards, tmp_path / "p.pdf",
                      PrintOptions(progress=lambda d, t: seen.append((d, t))), copies=3)
    assert seen[-1] == (33, 33)
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:], strict=False))
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(PrintCancelled):
        render_grid_cards(cards, out, PrintOptions(cancelled=lambda: True), copies=3)
    assert not out.exists() and not list(tmp_path.glob("*.part"))
