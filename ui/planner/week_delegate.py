"""Painting of the week grid's shift cells: each shift as a small card in its fill colour,
the count and open places on top, then as many of the names as fit, the rest as "+N".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.common.i18n import arg
from ui.planner.colours import COLOUR_HARD, COLOUR_TEXT, fill_colour
from ui.planner.week_model import ROLE_ROW_KIND, ROLE_SHIFT_ID, WeekModel

translate = QCoreApplication.translate


def wrap_names(names: Sequence[str], fm: QFontMetrics, width: int, lines: int) -> list[str]:
    """Names joined with 、 over at most ``lines`` lines; what does not fit becomes "+N"."""
    out: list[str] = []
    current = ""
    for i, name in enumerate(names):
        joined = f"{current}、{name}" if current else name
        if fm.horizontalAdvance(joined) <= width or not current:
            current = joined
            continue
        if len(out) + 1 == lines:
            rest = f" +{len(names) - i}"
            out.append(fm.elidedText(current, Qt.TextElideMode.ElideRight,
                                     width - fm.horizontalAdvance(rest)) + rest)
            return out
        out.append(fm.elidedText(current, Qt.TextElideMode.ElideRight, width))
        current = name
    if current:
        out.append(fm.elidedText(current, Qt.TextElideMode.ElideRight, width))
    return out


def _is_marked(part: str, marked: set[str]) -> bool:
    """Whether a piece of a wrapped line (a name, maybe elided "…" or followed by " +N")
    is one of the ``marked`` names."""
    base = part.split(" +")[0]
    if base in marked:
        return True
    stem = base.rstrip("\u2026")
    return stem != base and bool(stem) and any(m.startswith(stem) for m in marked)


def draw_marked(painter: QPainter, fm: QFontMetrics, rect: QRect, line: str, marked: set[str]) -> None:
    """Draw a line of names joined with 、, the ``marked`` ones in red."""
    x = rect.left()
    for i, part in enumerate(line.split("\u3001")):
        piece = part if i == 0 else "\u3001" + part
        painter.setPen(COLOUR_HARD if _is_marked(part, marked) else COLOUR_TEXT)
        painter.drawText(QRect(x, rect.top(), rect.right() - x + 1, rect.height()),
                         Qt.AlignmentFlag.AlignLeft, piece)
        x += fm.horizontalAdvance(piece)
    painter.setPen(COLOUR_TEXT)


class ShiftCellDelegate(QStyledItemDelegate):
    """Paints a shift as a small card: count and gap on top, then the names."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model = index.model()
        if index.column() == 0 or index.data(ROLE_ROW_KIND) == "group" or index.data(ROLE_SHIFT_ID) is None:
            super().paint(painter, option, index)
            return
        shift = model.shift_at(index) if isinstance(model, WeekModel) else None
        if shift is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect.adjusted(2, 2, -2, -2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill_colour(shift))
        painter.drawRoundedRect(rect, 4, 4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(QPen(QColor("#c0392b"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        text_rect = rect.adjusted(6, 3, -4, -2)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(COLOUR_TEXT)
        fm = QFontMetrics(bold)
        head = f"{shift.filled}/{shift.needed}"
        if shift.gap > 0:
            head += "  " + arg(translate("PlannerView", "%1 open"), shift.gap)
        painter.drawText(QRect(text_rect.left(), text_rect.top(), text_rect.width(), fm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, head)
        painter.setFont(option.font)
        fm = QFontMetrics(option.font)
        # \u2713 confirmed; \u203b placed outside the times they offered (issue 18.6, tooltip).
        names = [a.name + ("\u2713" if a.status in ("confirmed", "checked_in", "completed") else "")
                 + ("\u203b" if a.outside_availability else "") for a in shift.on_shift]
        clashing = {n for a, n in zip(shift.on_shift, names, strict=True) if a.clash}
        top = text_rect.top() + fm.height() + 1
        room = max(1, (text_rect.bottom() - top + 4) // fm.height())
        for y, line in enumerate(wrap_names(names, fm, text_rect.width(), room)):
            line_rect = QRect(text_rect.left(), top + y * fm.height(), text_rect.width(), fm.height())
            if clashing:
                draw_marked(painter, fm, line_rect, line, clashing)
            else:
                painter.drawText(line_rect, Qt.AlignmentFlag.AlignLeft, line)
        if clashing:
            # A red bar down the card's edge as well: a clash shows without reading names
            # (and for whoever does not see red well).
            painter.fillRect(QRect(rect.left(), rect.top() + 3, 3, rect.height() - 6), COLOUR_HARD)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(110, fm.height() * 3 + 14)
