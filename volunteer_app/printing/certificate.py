"""A volunteer's yearly service-hours certificate (志愿服务时长证明), one A4 landscape page.

Takes plain :class:`~volunteer_app.services.hours_reports.YearlyTotals` (verified hours only);
no database, no Qt. The seal is left as a dashed circle for the office's stamp.
"""

from __future__ import annotations

import os
from datetime import date
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from ..services.hours import minutes_to_hours
from ..services.hours_reports import YearlyTotals
from .common import GREY, INK, RED, RED_DARK, RULE, Typesetter, has_tibetan, open_output
from .fonts import load_fonts

GOLD = colors.HexColor("#c9a227")

TEXT = {
    "zh_CN": {
        "title": "志愿服务时长证明",
        "subtitle": "CERTIFICATE OF VOLUNTEER SERVICE",
        "body": ("兹证明 <u>&nbsp;{name}&nbsp;</u> {honorific}，系{community}{teams}志愿者，"
                 "于 {year} 年度参加社区志愿服务 <b>{duties}</b> 次，经队长或协调员核实，"
                 "累计服务时长 <font color='#b8322a' size='{big}'><b>{hours}</b></font> 小时。"),
        "body_none": ("兹证明 <u>&nbsp;{name}&nbsp;</u> {honorific}，系{community}{teams}志愿者。"
                      "{year} 年度暂无经核实的志愿服务时长记录。"),
        "closing": "特此证明。",
        "honorific": "同志",
        "month": "{m}月", "total": "合计", "hours_row": "时长(小时)", "month_row": "月份",
        "by_team": "其中：", "team_sep": "；", "team_hours": "{team} {hours} 小时",
        "no_team": "其他服务",
        "number": "证书编号：{no}",
        "seal": "（盖章）",
        "period": "服务期间：{first} 至 {last}",
    },
    "en": {
        "title": "Certificate of Volunteer Service",
        "subtitle": "志愿服务时长证明",
        "body": ("This is to certify that <u>&nbsp;{name}&nbsp;</u>, volunteer of "
                 "{community}{teams}, took part in <b>{duties}</b> community service duties in "
                 "{year}, verified by team captains or coordinators, with a total of "
                 "<font color='#b8322a' size='{big}'><b>{hours}</b></font> hours of service."),
        "body_none": ("This is to certify that <u>&nbsp;{name}&nbsp;</u> is a volunteer of "
                      "{community}{teams}. No verified service hours are recorded for {year}."),
        "closing": "",
        "honorific": "",
        "month": "{m}", "total": "Total", "hours_row": "Hours", "month_row": "Month",
        "by_team": "Of which: ", "team_sep": "; ", "team_hours": "{team} {hours} h",
        "no_team": "other service",
        "number": "Certificate no. {no}",
        "seal": "(seal)",
        "period": "Service period: {first} to {last}",
    },
}
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _hours(minutes: int) -> str:
    text = f"{minutes_to_hours(minutes):.2f}".rstrip("0").rstrip(".")
    return text or "0"


def _date_text(d: date, lang: str) -> str:
    if lang == "en":
        return f"{d:%d %B %Y}"
    return f"{d.year}年{d.month}月{d.day}日"


def certificate_number(totals: YearlyTotals) -> str:
    """A stable number for the certificate: year and volunteer id."""
    return f"VS-{totals.year}-{totals.volunteer_id:06d}"


def render_certificate(
    totals: YearlyTotals,
    out: str | os.PathLike | BinaryIO,
    *,
    community: str = "",
    address: str = "",
    issued_on: date | None = None,
    font_path: str | None = None,
    lang: str = "zh_CN",
) -> int:
    """Write the certificate of one volunteer's verified hours in a year; returns pages (1)."""
    fonts = load_fonts(font_path)
    ts = Typesetter(fonts)
    t = TEXT.get(lang, TEXT["zh_CN"])
    issued_on = issued_on or date.today()
    pw, ph = landscape(A4)
    cx = pw / 2

    def esc_name(text: str) -> str:
        if fonts.tibetan and has_tibetan(text):
            return f"<font name='{fonts.tibetan}'>{escape(text)}</font>"
        return escape(text)

    with open_output(out) as target:
        c = Canvas(target, pagesize=(pw, ph), pageCompression=1)
        c.setTitle(f"{t['title']} {totals.name} {totals.year}")
        c.setAuthor(community)
        c.setSubject(t["title"])

        # Frame: a red outer rule, a gold inner one, corner ornaments.
        c.setStrokeColor(RED)
        c.setLineWidth(4)
        c.rect(12 * mm, 12 * mm, pw - 24 * mm, ph - 24 * mm)
        c.setStrokeColor(GOLD)
        c.setLineWidth(1.2)
        c.rect(16 * mm, 16 * mm, pw - 32 * mm, ph - 32 * mm)
        c.setFillColor(RED)
        for x, y in ((16, 16), (pw / mm - 16, 16), (16, ph / mm - 16), (pw / mm - 16, ph / mm - 16)):
            c.circle(x * mm, y * mm, 2.2 * mm, stroke=0, fill=1)

        y = ph - 40 * mm
        ts.draw(c, cx, y, t["title"], 34 if lang == "zh_CN" else 28, bold=True, color=RED_DARK,
                align="centre")
        y -= 10 * mm
        ts.draw(c, cx, y, t["subtitle"], 10, color=GREY, align="centre")
        c.setStrokeColor(GOLD)
        c.setLineWidth(0.8)
        c.line(cx - 60 * mm, y - 4 * mm, cx + 60 * mm, y - 4 * mm)

        teams = "·".join(totals.teams)
        teams_text = (f"{escape(teams)}" if lang == "zh_CN" else f" ({escape(teams)})") if teams else ""
        honorific = t["honorific"]
        fmt = {
            "name": esc_name(totals.name), "honorific": honorific,
            "community": escape(community), "teams": teams_text, "year": totals.year,
            "duties": totals.duties, "hours": _hours(totals.verified_minutes), "big": 22,
        }
        body_text = (t["body"] if totals.verified_minutes else t["body_none"]).format(**fmt)
        if t["closing"]:
            body_text += "<br/>" + t["closing"]
        body_style = ParagraphStyle(
            "cert_body", fontName=fonts.regular, fontSize=15, leading=15 * 1.9, textColor=INK,
            wordWrap="CJK" if lang == "zh_CN" else None, firstLineIndent=30 if lang == "zh_CN" else 0,
        )
        # <b> needs a bold face mapping; without a real bold, keep the regular face.
        from reportlab.lib.fonts import addMapping

        addMapping(fonts.regular, 0, 0, fonts.regular)
        addMapping(fonts.regular, 1, 0, fonts.bold)
        addMapping(fonts.regular, 0, 1, fonts.regular)
        addMapping(fonts.regular, 1, 1, fonts.bold)
        body = Paragraph(body_text, body_style)
        bw = pw - 90 * mm
        _w, bh = body.wrap(bw, ph)
        y -= 12 * mm
        body.drawOn(c, 45 * mm, y - bh)
        y -= bh + 8 * mm

        if totals.verified_minutes:
            head = [t["month_row"]] + [
                (t["month"].format(m=m) if lang == "zh_CN" else MONTHS_EN[m - 1])
                for m in range(1, 13)] + [t["total"]]
            vals = [t["hours_row"]] + [_hours(m) if m else "–" for m in totals.by_month] + [
                _hours(totals.verified_minutes)]
            cell = ParagraphStyle("cell", fontName=fonts.regular, fontSize=9, leading=11,
                                  alignment=1, textColor=INK)
            headc = ParagraphStyle("headc", parent=cell, textColor=colors.white, fontName=fonts.bold)
            table = Table(
                [[Paragraph(escape(h), headc) for h in head],
                 [Paragraph(escape(v), cell) for v in vals]],
                colWidths=[24 * mm] + [14.5 * mm] * 12 + [18 * mm],
            )
            table.setStyle(TableStyle([
                ("BACKGROUND", (0, 0), (-1, 0), RED),
                ("BACKGROUND", (0, 1), (0, 1), colors.HexColor("#eef0f3")),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BOX", (0, 0), (-1, -1), 0.8, GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (-1, 1), (-1, 1), colors.HexColor("#fdecea")),
            ]))
            tw, th = table.wrap(pw, ph)
            table.drawOn(c, cx - tw / 2, y - th)
            y -= th + 6 * mm
            parts = [t["team_hours"].format(team=name or t["no_team"], hours=_hours(m))
                     for name, m in totals.by_team]
            line = t["by_team"] + t["team_sep"].join(parts)
            size = ts.fit_size(line, bw, 10.5, 7)
            ts.draw(c, 45 * mm, y, line, size, color=GREY)
            y -= 6 * mm
            if totals.first_date and totals.last_date:
                ts.draw(c, 45 * mm, y, t["period"].format(
                    first=_date_text(totals.first_date, lang), last=_date_text(totals.last_date, lang)),
                    10.5, color=GREY)

        # Issuer, date and the place for the seal, bottom right.
        sx, sy = pw - 75 * mm, 44 * mm
        c.setStrokeColor(RED)
        c.setDash(3, 2)
        c.setLineWidth(0.8)
        c.circle(sx, sy + 8 * mm, 19 * mm, stroke=1, fill=0)
        c.setDash()
        ts.draw(c, sx, sy + 6 * mm, t["seal"], 9, color=RED, align="centre")
        ts.draw(c, sx, sy - 16 * mm, community, 14, bold=True, align="centre")
        ts.draw(c, sx, sy - 23 * mm, _date_text(issued_on, lang), 12, align="centre")
        if address:
            size = ts.fit_size(address, 110 * mm, 8, 6)
            ts.draw(c, 24 * mm, 24 * mm, address, size, color=GREY)
        ts.draw(c, 24 * mm, 30 * mm, t["number"].format(no=certificate_number(totals)), 8.5,
                color=GREY)
        c.showPage()
        c.save()
    return 1
