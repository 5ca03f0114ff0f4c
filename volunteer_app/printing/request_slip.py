"""The printable request slip (派单单): one resident's request on an A5 (or A4) page that
the volunteer takes along, with the history so far and boxes for the result, the
resident's satisfaction and signatures.

Takes a plain :class:`~volunteer_app.services.requests.RequestDetail`; touches no database
and no Qt, so the UI renders it on its worker thread. The phone is printed in full: the
volunteer has to call the resident.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from ..services.requests import RequestDetail
from .common import GREY, INK, LIGHT, RED, RULE, open_output, para
from .fonts import FontSet, load_fonts

PAPERS = {"A5": A5, "A4": A4}

LABELS = {
    "zh_CN": {
        "title": "居民诉求派单单", "no": "编号", "printed": "打印时间",
        "resident": "居民姓名", "phone": "联系电话", "building": "楼栋/小区", "grid": "所属网格",
        "category": "诉求类别", "urgency": "紧急程度", "source": "诉求来源",
        "received": "收单时间", "due": "办结时限", "status": "当前状态",
        "team": "派往队伍", "volunteer": "志愿者", "description": "诉求内容",
        "history": "流转记录", "when": "时间", "step": "环节", "operator": "经办人",
        "note": "备注", "result": "办理结果", "follow": "回访情况", "satisfaction": "满意度",
        "remark": "回访意见", "sign_taker": "接单人签字", "sign_done": "完成时间",
        "sign_resident": "居民签字", "overdue": "已超时", "cancelled": "已取消",
        "score_words": ("很不满意", "不满意", "一般", "满意", "很满意"),
        "footer": "有人派、有人接、有人做 · 请办结后交回社区",
    },
    "en": {
        "title": "Resident request slip", "no": "No.", "printed": "Printed",
        "resident": "Resident", "phone": "Phone", "building": "Building", "grid": "Grid",
        "category": "Category", "urgency": "Urgency", "source": "Source",
        "received": "Received", "due": "Due", "status": "Status",
        "team": "Team", "volunteer": "Volunteer", "description": "Request",
        "history": "History", "when": "Time", "step": "Step", "operator": "By",
        "note": "Note", "result": "Result", "follow": "Follow-up",
        "satisfaction": "Satisfaction", "remark": "Remark", "sign_taker": "Taken by",
        "sign_done": "Done at", "sign_resident": "Resident", "overdue": "OVERDUE",
        "cancelled": "CANCELLED",
        "score_words": ("very poor", "poor", "fair", "good", "very good"),
        "footer": "Please return this slip to the community office when done",
    },
}
CODES = {
    "zh_CN": {
        "repair": "维修", "safety_hazard": "安全隐患", "dispute": "矛盾纠纷",
        "care": "一老一小", "environment": "环境卫生", "other": "其他",
        "chat_group": "楼栋群", "phone": "电话", "walk_in": "来访",
        "registration_point": "登记点",
        "low": "低", "normal": "一般", "urgent": "紧急", "emergency": "特急",
        "received": "已收单", "dispatched": "已派单", "accepted": "已接单",
        "in_progress": "处理中", "done": "已办结", "followed_up": "已回访", "cancelled": "已取消",
    },
    "en": {
        "repair": "repair", "safety_hazard": "safety hazard", "dispute": "dispute",
        "care": "elderly / child care", "environment": "environment", "other": "other",
        "chat_group": "building chat group", "phone": "phone", "walk_in": "walk-in",
        "registration_point": "registration point",
        "low": "low", "normal": "normal", "urgent": "urgent", "emergency": "emergency",
        "received": "received", "dispatched": "dispatched", "accepted": "accepted",
        "in_progress": "in progress", "done": "done", "followed_up": "followed up",
        "cancelled": "cancelled",
    },
}


def _styles(fonts: FontSet, size: float) -> dict[str, ParagraphStyle]:
    base = {"fontName": fonts.regular, "textColor": INK, "wordWrap": "CJK"}
    return {
        "label": ParagraphStyle("label", fontSize=size - 0.5, leading=(size - 0.5) * 1.3,
                                fontName=fonts.bold, textColor=GREY, wordWrap="CJK"),
        "value": ParagraphStyle("value", fontSize=size, leading=size * 1.35, **base),
        "small": ParagraphStyle("small", fontSize=size - 1.5, leading=(size - 1.5) * 1.3, **base),
        "body": ParagraphStyle("body", fontSize=size + 0.5, leading=(size + 0.5) * 1.5, **base),
        "head": ParagraphStyle("head", fontSize=size, leading=size * 1.3, fontName=fonts.bold,
                               textColor=colors.white, wordWrap="CJK"),
        "section": ParagraphStyle("section", fontSize=size + 0.5, leading=(size + 0.5) * 1.4,
                                  fontName=fonts.bold, textColor=RED, wordWrap="CJK",
                                  spaceBefore=4, spaceAfter=2),
        "title": ParagraphStyle("title", fontSize=size + 7, leading=(size + 7) * 1.25,
                                fontName=fonts.bold, textColor=INK, wordWrap="CJK"),
        "community": ParagraphStyle("community", fontSize=size, leading=size * 1.3,
                                    fontName=fonts.bold, textColor=RED, wordWrap="CJK"),
        "right": ParagraphStyle("right", fontSize=size - 0.5, leading=(size - 0.5) * 1.35,
                                alignment=2, **base),
        "stamp": ParagraphStyle("stamp", fontSize=size + 3, leading=(size + 3) * 1.2,
                                fontName=fonts.bold, textColor=RED, alignment=1,
                                wordWrap="CJK"),
    }


def _fmt(dt: datetime | None) -> str:
    return f"{dt:%Y-%m-%d %H:%M}" if dt else ""


def render_request_slip(
    detail: RequestDetail,
    out: str | os.PathLike | BinaryIO,
    *,
    community: str = "",
    paper: str = "A5",
    font_path: str | None = None,
    lang: str = "zh_CN",
    printed_at: datetime | None = None,
) -> int:
    """Write the slip of one request as PDF; returns the number of pages."""
    fonts = load_fonts(font_path)
    page = PAPERS[paper]
    labels, codes = LABELS.get(lang, LABELS["zh_CN"]), CODES.get(lang, CODES["zh_CN"])
    size = 9.0 if paper == "A5" else 10.5
    st = _styles(fonts, size)
    margin = 11 * mm if paper == "A5" else 16 * mm
    width = page[0] - 2 * margin
    r = detail.row

    def p(text: str, style: str = "value"):  # noqa: ANN202
        return para(text or "", st[style], fonts)

    story: list = []
    # Header: community and title on the left, number and print time on the right.
    stamp = labels["overdue"] if r.overdue else (labels["cancelled"] if r.status == "cancelled" else "")
    head = Table(
        [[[p(community, "community"), p(labels["title"], "title")],
          [p(f"{labels['no']} {r.id:06d}", "right"),
           p(f"{labels['printed']} {_fmt(printed_at or datetime.now())}", "right"),
           p(stamp, "stamp") if stamp else Spacer(1, 1)]]],
        colWidths=[width * 0.62, width * 0.38],
    )
    head.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (0, 0), (-1, -1), 1.6, RED),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    story += [head, Spacer(1, 4 * mm)]

    who = r.volunteer or ""
    fields = [
        (labels["resident"], r.resident_name, labels["phone"], r.resident_phone),
        (labels["building"], r.building, labels["grid"], r.grid or ""),
        (labels["category"], codes.get(r.category, r.category),
         labels["urgency"], codes.get(r.urgency, r.urgency)),
        (labels["source"], codes.get(r.source, r.source), labels["received"], _fmt(r.received_at)),
        (labels["due"], _fmt(r.due_at), labels["status"], codes.get(r.status, r.status)),
        (labels["team"], r.team or "", labels["volunteer"], who),
    ]
    lw = width * 0.16
    vw = width / 2 - lw
    info = Table([[p(a, "label"), p(b), p(c, "label"), p(d)] for a, b, c, d in fields],
                 colWidths=[lw, vw, lw, vw])
    info.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (0, -1), LIGHT), ("BACKGROUND", (2, 0), (2, -1), LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    story += [info, Spacer(1, 2 * mm)]

    def boxed(title: str, content: list, min_height: float) -> None:
        story.append(p(title, "section"))
        t = Table([[content]], colWidths=[width], rowHeights=None)
        t.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 0.6, GREY), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        _w, h = t.wrap(width, 1000)
        if h < min_height:
            t = Table([[content]], colWidths=[width], rowHeights=[min_height])
            t.setStyle(TableStyle([
                ("BOX", (0, 0), (-1, -1), 0.6, GREY), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
            ]))
        story.append(t)

    boxed(labels["description"], [p(r.description, "body")], 18 * mm)

    story.append(p(labels["history"], "section"))
    rows = [[p(labels["when"], "head"), p(labels["step"], "head"), p(labels["operator"], "head"),
             p(labels["note"], "head")]]
    for e in detail.events:
        note = e.note
        if e.to_status == "dispatched" and (e.team or e.volunteer):
            target = " / ".join(x for x in (e.team, e.volunteer) if x)
            note = f"→ {target}" + (f"; {note}" if note else "")
        rows.append([p(_fmt(e.at), "small"), p(codes.get(e.to_status, e.to_status), "small"),
                     p(e.operator, "small"), p(note, "small")])
    hist = Table(rows, colWidths=[width * 0.24, width * 0.14, width * 0.16, width * 0.46],
                 repeatRows=1)
    hist.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#34495e")),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    story.append(hist)

    result = detail.result or detail.cancel_reason
    boxed(labels["result"], [p(result, "body")], 16 * mm)

    boxes = []
    for n, word in enumerate(labels["score_words"], start=1):
        mark = "■" if r.satisfaction == n else "□"
        boxes.append(f"{mark} {n} {word}")
    follow = [p(f"{labels['satisfaction']}:  " + "   ".join(boxes)),
              p(f"{labels['remark']}:  {detail.follow_up_remark}")]
    boxed(labels["follow"], follow, 14 * mm)

    story.append(Spacer(1, 5 * mm))
    line = "_" * 12
    sign = Table([[p(f"{labels['sign_taker']}: {line}"), p(f"{labels['sign_done']}: {line}"),
                   p(f"{labels['sign_resident']}: {line}")]],
                 colWidths=[width / 3] * 3)
    sign.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [sign, Spacer(1, 3 * mm), p(labels["footer"], "small")]

    pages = [0]

    def count(_canvas, doc) -> None:  # noqa: ANN001
        pages[0] = doc.page

    with open_output(out) as target:
        doc = SimpleDocTemplate(
            target, pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
            bottomMargin=margin, title=f"{labels['title']} {r.id:06d}", author=community,
            initialFontName=fonts.regular,
        )
        doc.build(story, onFirstPage=count, onLaterPages=count)
    return pages[0]
