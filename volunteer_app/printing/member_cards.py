"""Volunteer member cards (志愿者证): card size, ten to an A4 sheet with crop marks.

A card shows the umbrella team, the volunteer's team and role, name, phone, the date
they joined and their register number, in the team's colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotFoundError
from ..models import Membership, Team, Volunteer
from ..security.permissions import readable_team
from ..services import community as community_service
from ..services import teams as team_service
from .cards import CARD_H, CARD_W, SAFE, sheet_layout
from .common import (
    GREY,
    INK,
    LIGHT,
    RED,
    Output,
    PrintOptions,
    PrintResult,
    ProgressReporter,
    Typesetter,
    chunks,
    cn_date,
    open_output,
    phone_text,
    set_metadata,
)

ROLE_LABELS = {"captain": "队长", "deputy": "副队长", "member": "队员"}
ROLE_RANK = {"captain": 0, "deputy": 1, "member": 2}
SPIRIT = "奉献 · 友爱 · 互助 · 进步"


@dataclass(frozen=True)
class MemberCard:
    """Everything printed on one volunteer's card."""

    volunteer_id: int
    name: str
    phone: str
    team: str
    role: str
    joined_on: date | None
    umbrella: str
    community: str
    colour: str = "#b8322a"


def _colour(value: str) -> colors.Color:
    try:
        return colors.HexColor(value)
    except (ValueError, TypeError):
        return RED


def member_cards_data(session: Session, team_id: int | None = None,
                      volunteer_ids: Sequence[int] | None = None) -> list[MemberCard]:
    """Cards of active volunteers: the members of one team (captain first), or everyone.

    Without a team, each volunteer gets one card naming all their teams and their highest
    role; with ``volunteer_ids`` only those volunteers are printed. A captain prints
    their own team's cards only.
    """
    team_id = readable_team(session, "print", team_id)
    info = community_service.get_community(session)
    teams = {t.id: t for t in team_service.list_teams(session)}
    umbrella_default = next((t.name for t in teams.values() if t.parent_id is None), "")

    def umbrella_of(tid: int) -> str:
        t = teams.get(tid)
        while t is not None and t.parent_id is not None and t.parent_id in teams:
            t = teams[t.parent_id]
        return t.name if t is not None else umbrella_default

    wanted = set(volunteer_ids) if volunteer_ids is not None else None
    cards: list[MemberCard] = []
    if team_id is not None:
        team = teams.get(team_id)
        if team is None:
            raise NotFoundError("team_not_found", name=str(team_id))
        joined = dict(session.execute(
            select(Volunteer.id, Volunteer.joined_on)
            .join(Membership, Membership.volunteer_id == Volunteer.id)
            .where(Membership.team_id == team_id)
        ).all())
        for m in team_service.members(session, team_id):
            if not m.active or (wanted is not None and m.volunteer_id not in wanted):
                continue
            cards.append(MemberCard(
                volunteer_id=m.volunteer_id, name=m.name, phone=m.mobile, team=team.name,
                role=m.role, joined_on=joined.get(m.volunteer_id) or m.since,
                umbrella=umbrella_of(team_id), community=info.name, colour=team.colour,
            ))
        return cards
    rows = session.execute(
        select(Volunteer.id, Volunteer.name, Volunteer.mobile, Volunteer.joined_on,
               Membership.team_id, Membership.role, Team.parent_id)
        .outerjoin(Membership, Membership.volunteer_id == Volunteer.id)
        .outerjoin(Team, Team.id == Membership.team_id)
        .where(Volunteer.active.is_(True))
        .order_by(Volunteer.sort_key, Volunteer.id, Team.parent_id.is_(None), Team.id)
    ).all()
    by_vol: dict[int, list] = {}
    order: list[int] = []
    for r in rows:
        if wanted is not None and r[0] not in wanted:
            continue
        if r[0] not in by_vol:
            by_vol[r[0]] = []
            order.append(r[0])
        by_vol[r[0]].append(r)
    for vid in order:
        memberships = [r for r in by_vol[vid] if r[4] is not None]
        first = by_vol[vid][0]
        # Branch teams name the volunteer better than the umbrella team does.
        branch = [r for r in memberships if r[6] is not None] or memberships
        team_names = "、".join(teams[r[4]].name for r in branch if r[4] in teams)
        role = min((r[5] for r in branch), key=lambda x: ROLE_RANK.get(x, 9), default="member")
        colour = teams[branch[0][4]].colour if branch and branch[0][4] in teams else "#b8322a"
        umbrella = umbrella_of(branch[0][4]) if branch else umbrella_default
        cards.append(MemberCard(
            volunteer_id=vid, name=first[1], phone=first[2], team=team_names, role=role,
            joined_on=first[3], umbrella=umbrella, community=info.name, colour=colour,
        ))
    return cards


def _draw_card(c: Canvas, ts: Typesetter, card: MemberCard, x: float, y: float,
               masked: bool) -> None:
    colour = _colour(card.colour)
    left, right = x + SAFE, x + CARD_W - SAFE
    top = y + CARD_H
    band_h = 11.5 * mm
    c.setFillColor(colour)
    c.roundRect(x + 2.5 * mm, top - 2.5 * mm - band_h, CARD_W - 5 * mm, band_h, 1.6 * mm,
                stroke=0, fill=1)
    text_left = x + 5 * mm
    band_right = x + CARD_W - 5 * mm
    umbrella = card.umbrella or card.community
    s = ts.fit_size(umbrella, 48 * mm, 7.5, 5.5)
    ts.draw(c, text_left, top - 2.5 * mm - 4.6 * mm, ts.truncate(umbrella, 48 * mm, s), s,
            color=colors.white)
    ts.draw(c, text_left, top - 2.5 * mm - 9.4 * mm, "志愿者证", 11, bold=True,
            color=colors.white)
    number = f"No. {card.volunteer_id:06d}"
    ts.draw(c, band_right, top - 2.5 * mm - 7.9 * mm, number, 8, bold=True, color=colors.white,
            align="right")

    # Monogram disc in the team colour on the right.
    disc_r = 8.5 * mm
    cx, cy = right - disc_r - 1 * mm, top - 2.5 * mm - band_h - 3 * mm - disc_r
    c.setFillColor(LIGHT)
    c.circle(cx, cy, disc_r + 0.8 * mm, stroke=0, fill=1)
    c.setFillColor(colour)
    c.circle(cx, cy, disc_r, stroke=0, fill=1)
    initial = card.name[:1]
    if card.name[:1] and "\u0f00" <= card.name[0] <= "\u0fff":
        initial = card.name.split("\u0f0b")[0][:3]
    ts.draw(c, cx, cy - 5.2, initial, 15, bold=True, color=colors.white, align="centre")
    role = ROLE_LABELS.get(card.role, card.role)
    rw = ts.width(role, 7, bold=True) + 4 * mm
    c.setFillColor(colors.white)
    c.setStrokeColor(colour)
    c.setLineWidth(0.8)
    c.roundRect(cx - rw / 2, cy - disc_r - 3.2 * mm, rw, 4.4 * mm, 2.2 * mm, stroke=1, fill=1)
    ts.draw(c, cx, cy - disc_r - 2.2 * mm, role, 7, bold=True, color=colour, align="centre")

    # Name and the details on the left.
    body_right = cx - disc_r - 3 * mm
    width = body_right - left
    cursor = top - 2.5 * mm - band_h - 8.2 * mm
    ns, lines = ts.fit_block(card.name, width, 15, 9, 2, bold=True, shrink_first=0.7,
                             wrap_size=10)
    for line in lines:
        ts.draw(c, left, cursor, line, ns, bold=True, color=INK)
        cursor -= ns * 1.15
    cursor -= 1.6 * mm
    rows = [
        ("所属队伍", card.team or "社区志愿者"),
        ("联系电话", phone_text(card.phone, masked)),
        ("加入时间", cn_date(card.joined_on) if card.joined_on else "—"),
    ]
    label_w = ts.width("所属队伍", 6.2) + 2.2 * mm
    bottom_limit = y + SAFE + 5.2 * mm
    for label, value in rows:
        if cursor < bottom_limit:
            break
        ts.draw(c, left, cursor, label, 6.2, color=GREY)
        vs, vlines = ts.fit_block(value, width - label_w, 7.8, 5.4, 2, shrink_first=0.8,
                                  wrap_size=6.4)
        for i, line in enumerate(vlines):
            ts.draw(c, left + label_w, cursor - i * vs * 1.2, line, vs, color=INK)
        cursor -= max(4.2 * mm, 1.6 * mm + len(vlines) * vs * 1.2)

    # Footer: community and the volunteer spirit.
    c.setStrokeColor(colour)
    c.setLineWidth(0.6)
    c.line(left, y + SAFE + 4.2 * mm, right, y + SAFE + 4.2 * mm)
    s = ts.fit_size(card.community, 40 * mm, 6.2, 4.8)
    ts.draw(c, left, y + SAFE + 0.9 * mm, ts.truncate(card.community, 40 * mm, s), s, color=GREY)
    ts.draw(c, right, y + SAFE + 0.9 * mm, SPIRIT, 6.2, color=colour, align="right")


def render_member_cards(cards: Sequence[MemberCard], out: Output,
                        options: PrintOptions | None = None) -> PrintResult:
    """Write one card per entry of ``cards`` to ``out`` (phones in full unless masked)."""
    options = options or PrintOptions()
    ts = Typesetter(options.fonts())
    masked = options.masked(False)
    layout = sheet_layout(options.page_size())
    reporter = ProgressReporter(options, len(cards))
    sheets = list(chunks(list(cards), layout.per_page))
    community = cards[0].community if cards else ""
    with open_output(out) as target:
        c = Canvas(target, pagesize=options.page_size(), pageCompression=1,
                   initialFontName=ts.fonts.regular)
        set_metadata(c, f"{community} 志愿者证", community, "志愿者证")
        for page, sheet in enumerate(sheets, start=1):
            layout.draw_crop_marks(c, length=4 * mm, offset=1.5 * mm)
            for slot, card in enumerate(sheet):
                cx, cy = layout.origin(slot)
                _draw_card(c, ts, card, cx, cy, masked)
                reporter.tick()
            note = (f"{community}  志愿者证  沿裁切线裁开  打印日期 {options.today():%Y-%m-%d}  "
                    f"第 {page} / {len(sheets)} 页")
            ts.draw(c, layout.page_w / 2, 4.5 * mm, note, 6.5, color=GREY, align="centre")
            c.showPage()
        if not sheets:
            ts.draw(c, layout.page_w / 2, layout.page_h / 2, "没有可打印的志愿者", 12,
                    color=GREY, align="centre")
            c.showPage()
        c.save()
    reporter.finish()
    warnings = ("tibetan_font_missing",) if ts.missing_tibetan else ()
    return PrintResult(pages=max(1, len(sheets)), items=len(cards), warnings=warnings)
