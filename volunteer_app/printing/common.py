"""Layout helpers shared by every printout: options, output files, text fitting, page frames.

Printing functions take plain data (dataclasses) plus :class:`PrintOptions`, write a PDF
to a path or a binary stream and return a :class:`PrintResult`. They touch no database
and no Qt, so the UI runs them on a worker thread; ``PrintOptions.progress`` is called
from that thread with ``(done, total)`` and ``PrintOptions.cancelled`` is polled at the
same moments (returning True stops the job with :class:`PrintCancelled`).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import shapeStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from ..errors import AppError
from ..files import output_problem
from ..validation import mask_mobile
from .fonts import FontSet, load_fonts

PAPER_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "A3": A3, "Letter": LETTER}
APP_TITLE = "志愿服务队排班"

Progress = Callable[[int, int], None]
Output = str | os.PathLike | BinaryIO

# House colours: the community's red (红石榴), ink and greys for rules and fills.
RED = colors.HexColor("#b8322a")
RED_DARK = colors.HexColor("#8e241e")
INK = colors.HexColor("#1f2328")
GREY = colors.HexColor("#5f6670")
LIGHT = colors.HexColor("#eef0f3")
RULE = colors.HexColor("#aab0b8")
HOLIDAY_FILL = colors.HexColor("#fdecea")
WEEKEND_FILL = colors.HexColor("#f6f7f9")


class PrintCancelled(AppError):
    """The user cancelled a printout while it was being generated."""

    code = "print_cancelled"


class OutputError(AppError):
    """The PDF could not be written (folder missing, file open in another program...)."""

    code = "output_unwritable"


@dataclass
class PrintOptions:
    """Choices common to every printout.

    ``mask_phones`` None means the output's own default (masked on rosters and sign-in
    sheets, which are posted in public; shown in full on cards and hours statements).
    """

    paper: str = "A4"
    font_path: str | None = None
    font_index: int = 0
    tibetan_font_path: str | None = None
    mask_phones: bool | None = None
    printed_on: date | None = None
    progress: Progress | None = None
    cancelled: Callable[[], bool] | None = None

    def page_size(self) -> tuple[float, float]:
        try:
            return PAPER_SIZES[self.paper]
        except KeyError:
            raise AppError("paper_invalid", paper=self.paper) from None

    def masked(self, default: bool) -> bool:
        return default if self.mask_phones is None else self.mask_phones

    def today(self) -> date:
        return self.printed_on or date.today()

    def fonts(self) -> FontSet:
        return load_fonts(self.font_path, self.font_index, self.tibetan_font_path)


@dataclass(frozen=True)
class PrintResult:
    """What was written: page count, how many items (cards, rows...), warning codes."""

    pages: int
    items: int
    warnings: tuple[str, ...] = ()


class ProgressReporter:
    """Calls the progress callback at most ~100 times and checks for cancellation."""

    def __init__(self, options: PrintOptions, total: int) -> None:
        self.options = options
        self.total = max(total, 1)
        self.done = 0
        self._step = max(1, self.total // 100)
        self._last = -1

    def tick(self, n: int = 1) -> None:
        self.done += n
        if self.done - self._last >= self._step or self.done >= self.total:
            self._last = self.done
            if self.options.cancelled is not None and self.options.cancelled():
                raise PrintCancelled()
            if self.options.progress is not None:
                self.options.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self.options.progress is not None:
            self.options.progress(self.total, self.total)


def cn_date(d: date) -> str:
    """2026年12月7日."""
    return f"{d.year}年{d.month}月{d.day}日"


def phone_text(phone: str | None, masked: bool) -> str:
    """A phone as printed: masked 138****1234 style when asked, landlines as they are."""
    if not phone:
        return ""
    return mask_mobile(phone) if masked else phone


@contextmanager
def open_output(out: Output) -> Iterator[BinaryIO | str]:
    """Yield what ReportLab should write to; a path is written atomically.

    A failed or cancelled build leaves no half-written file behind and never clobbers the
    previous printout.
    """
    if hasattr(out, "write"):
        yield out  # type: ignore[misc]
        return
    target = Path(out)  # type: ignore[arg-type]
    if target.parent and not target.parent.exists():
        raise OutputError(path=str(target), reason="folder_missing")
    # Renaming the finished file over a device (--output /dev/full), a folder or a file
    # its owner made read-only would replace it: refuse those before any work.
    problem = output_problem(target)
    if problem is not None:
        raise OutputError("output_not_file" if problem == "not_a_file" else "output_read_only",
                          path=str(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part",
                                   dir=str(target.parent))
        os.close(fd)
    except OSError as exc:
        raise OutputError(path=str(target), reason=exc.strerror or str(exc)) from exc
    try:
        yield tmp
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(path=str(target), reason=exc.strerror or str(exc)) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def set_metadata(c: Canvas, title: str, author: str, subject: str = "") -> None:
    """Document properties shown by PDF viewers."""
    c.setTitle(title)
    c.setAuthor(author or APP_TITLE)
    c.setSubject(subject)
    c.setCreator(APP_TITLE)


# --------------------------------------------------------------------------- text

_TIBETAN = re.compile(r"[\u0f00-\u0fff]+(?:[ \u0f0b\u0f0d]*[\u0f00-\u0fff]+)*")
# Runs that must never be broken: Latin words, numbers, phone numbers, times.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+\-./:@*#]*|\s+|.", re.S)
# Chinese punctuation that may not start a line (kinsoku): it sticks to what precedes.
_NO_LINE_START = set("，。、；：！？）》」』】〕…·,.;:!?)%")
ELLIPSIS = "…"


def has_tibetan(text: str) -> bool:
    return bool(_TIBETAN.search(text))


class Typesetter:
    """Measures, fits and draws single-style text with one :class:`FontSet` on a canvas.

    Text in Tibetan script is set in the Tibetan font and shaped (``canvas.drawString``
    ignores ``shaping=True``, so runs are shaped with ``shapeStr`` first); the rest in the
    Chinese font. Without a bold face, bold text is drawn filled and stroked.
    """

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.missing_tibetan = False

    def _runs(self, text: str, bold: bool) -> list[tuple[str, str, bool]]:
        """(font name, text, shaped?) runs in logical order."""
        base = self.fonts.bold if bold else self.fonts.regular
        if not has_tibetan(text):
            return [(base, text, False)]
        if self.fonts.tibetan is None:
            self.missing_tibetan = True
            return [(base, text, False)]
        runs: list[tuple[str, str, bool]] = []
        pos = 0
        for m in _TIBETAN.finditer(text):
            if m.start() > pos:
                runs.append((base, text[pos:m.start()], False))
            runs.append((self.fonts.tibetan, m.group(), True))
            pos = m.end()
        if pos < len(text):
            runs.append((base, text[pos:], False))
        return runs

    def width(self, text: str, size: float, bold: bool = False) -> float:
        total = 0.0
        for font, run, shaped in self._runs(text, bold):
            if shaped:
                s = shapeStr(run, font, size)
                total += sum(d.x_advance for d in s.__shapeData__) * size / 1000
            else:
                total += pdfmetrics.stringWidth(run, font, size)
        return total

    def draw(self, c: Canvas, x: float, y: float, text: str, size: float, *,
             bold: bool = False, color: colors.Color = INK, align: str = "left") -> float:
        """Draw one line; ``align`` is left, right or centre of ``x``. Returns its width."""
        if not text:
            return 0.0
        w = self.width(text, size, bold)
        if align == "right":
            x -= w
        elif align == "centre":
            x -= w / 2
        fake_bold = bold and not self.fonts.has_real_bold
        c.saveState()
        c.setFillColor(color)
        mode = 0
        if fake_bold:
            c.setStrokeColor(color)
            c.setLineWidth(size * 0.04)
            c.setLineJoin(1)
            mode = 2
        for font, run, shaped in self._runs(text, bold):
            c.setFont(font, size)
            if shaped:
                s = shapeStr(run, font, size)
                c.drawString(x, y, s, mode=mode)
                x += sum(d.x_advance for d in s.__shapeData__) * size / 1000
            else:
                c.drawString(x, y, run, mode=mode)
                x += pdfmetrics.stringWidth(run, font, size)
        c.restoreState()
        return w

    def fit_size(self, text: str, width: float, size: float, min_size: float,
                 bold: bool = False) -> float:
        """Largest size from ``size`` down to ``min_size`` at which one line fits."""
        if not text:
            return size
        w = self.width(text, size, bold)
        if w <= width:
            return size
        # Width scales linearly with size, so one division finds the answer.
        return max(min_size, size * width / w * 0.999)

    def truncate(self, text: str, width: float, size: float, bold: bool = False) -> str:
        """Cut ``text`` to fit ``width``, ending with an ellipsis when cut."""
        if self.width(text, size, bold) <= width:
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid] + ELLIPSIS, size, bold) <= width:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + ELLIPSIS

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """Break text into lines no wider than ``width``.

        Chinese breaks between any two characters, Latin words and numbers (phones) stay
        whole, closing punctuation never starts a line; a token wider than the line is cut.
        """
        lines: list[str] = []
        line: list[str] = []  # tokens of the line being filled

        def flush() -> None:
            lines.append("".join(line).rstrip())
            line.clear()

        for m in _TOKEN.finditer(text):
            tok = m.group()
            if tok == "\n":
                flush()
                continue
            if tok.isspace() and not "".join(line).strip():
                continue  # no blank at the start of a line
            if self.width("".join(line) + tok, size, bold) <= width:
                line.append(tok)
                continue
            if tok.isspace():
                flush()
                continue
            if tok[0] in _NO_LINE_START and line:
                # Closing punctuation may not start a line: take the last token down with it.
                last = line.pop()
                if "".join(line).strip():
                    flush()
                tok = last + tok
            elif line:
                flush()
            if self.width(tok, size, bold) <= width:
                line.append(tok)
                continue
            # A single token wider than the line: cut it by characters.
            for ch in tok:
                if line and self.width("".join(line) + ch, size, bold) > width:
                    flush()
                line.append(ch)
        if "".join(line).strip():
            flush()
        return lines or [""]

    def fit_block(self, text: str, width: float, size: float, min_size: float,
                  max_lines: int, bold: bool = False, shrink_first: float = 0.85,
                  wrap_size: float | None = None) -> tuple[float, list[str]]:
        """Size and lines for ``text`` in a box ``width`` wide holding ``max_lines`` lines.

        First shrink on one line (down to ``shrink_first`` x size), then wrap at sizes
        from ``wrap_size`` (default ``size``) down to ``min_size``, and only then cut with
        an ellipsis: the text never leaves its box.
        """
        if not text:
            return size, []
        one = self.fit_size(text, width, size, size * shrink_first, bold)
        if self.width(text, one, bold) <= width:
            return one, [text]
        s = min(size, wrap_size) if wrap_size else size
        min_size = min(min_size, s)
        while s >= min_size - 1e-6:
            lines = self.wrap(text, width, s, bold)
            if len(lines) <= max_lines:
                return s, lines
            s -= 0.25
        lines = self.wrap(text, width, min_size, bold)
        rest = ""
        for part in lines[max_lines - 1:]:
            # Wrapping dropped the space between two Latin words: put it back.
            sep = " " if rest and rest[-1].isascii() and part[:1].isascii() else ""
            rest += sep + part
        lines = lines[:max_lines - 1] + [self.truncate(rest + ELLIPSIS, width, min_size, bold)]
        return min_size, lines


# ---------------------------------------------------------------- paragraph documents

def paragraph_styles(fonts: FontSet, base_size: float = 9.5) -> dict[str, ParagraphStyle]:
    """Paragraph styles in the Chinese font; CJK word wrap so Chinese breaks correctly."""
    common = {"fontName": fonts.regular, "textColor": INK, "wordWrap": "CJK"}
    return {
        "cell": ParagraphStyle("cell", fontSize=base_size, leading=base_size * 1.3, **common),
        "cell_small": ParagraphStyle("cell_small", fontSize=base_size - 1.5,
                                     leading=(base_size - 1.5) * 1.3, textColor=GREY,
                                     fontName=fonts.regular, wordWrap="CJK"),
        "cell_centre": ParagraphStyle("cell_centre", fontSize=base_size,
                                      leading=base_size * 1.3, alignment=1, **common),
        "head": ParagraphStyle("head", fontSize=base_size, leading=base_size * 1.25,
                               alignment=1, fontName=fonts.bold, textColor=colors.white,
                               wordWrap="CJK"),
        "head_left": ParagraphStyle("head_left", fontSize=base_size, leading=base_size * 1.25,
                                    fontName=fonts.bold, textColor=colors.white,
                                    wordWrap="CJK"),
        "body": ParagraphStyle("body", fontSize=base_size + 0.5, leading=(base_size + 0.5) * 1.45,
                               **common),
    }


def _tibetan_style(style: ParagraphStyle) -> ParagraphStyle:
    # wordWrap='CJK' switches shaping off, so Tibetan paragraphs wrap at spaces and shape.
    cached = getattr(style, "_va_tibetan", None)
    if cached is None:
        cached = ParagraphStyle(style.name + "_bo", parent=style, wordWrap=None, shaping=1)
        style._va_tibetan = cached  # type: ignore[attr-defined]
    return cached


def para(text: str, style: ParagraphStyle, fonts: FontSet | None = None) -> Paragraph:
    """A Paragraph of plain text (escaped); Tibetan runs get the Tibetan font and shaping."""
    if fonts is not None and fonts.tibetan and has_tibetan(text):
        parts, pos = [], 0
        for m in _TIBETAN.finditer(text):
            parts.append(escape(text[pos:m.start()]))
            parts.append(f'<font name="{fonts.tibetan}">{escape(m.group())}</font>')
            pos = m.end()
        parts.append(escape(text[pos:]))
        return Paragraph("".join(parts), _tibetan_style(style))
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class SectionMark(Flowable):
    """Zero-size flowable that tells the page frame which section (team, day...) follows.

    The page header and the "第 x / y 页" numbering are per section, so every team's
    roster is numbered on its own and carries its own captain in the header.
    """

    def __init__(self, section: object, reporter: ProgressReporter | None = None) -> None:
        super().__init__()
        self.section = section
        self.reporter = reporter
        self.width = self.height = 0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._va_section = self.section  # type: ignore[attr-defined]
        if self.reporter is not None:
            self.reporter.tick()


PageFooter = Callable[[Canvas, int, int, object], None]


def numbered_canvas_class(footer: PageFooter) -> type[Canvas]:
    """A Canvas class that numbers pages per section once the whole document is laid out.

    Each page's state is kept until ``save``; only then is the page count of every section
    known, and ``footer(canvas, page_no, page_count, section)`` draws "第 x / y 页".
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            self._va_pages: list[dict] = []
            self._va_section = None

        def showPage(self) -> None:  # noqa: N802 - ReportLab API
            self._va_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            sections = [p.get("_va_section") for p in self._va_pages]
            counts: list[tuple[int, int]] = []
            i = 0
            while i < len(sections):
                j = i
                while j < len(sections) and sections[j] is sections[i]:
                    j += 1
                counts.extend((k - i + 1, j - i) for k in range(i, j))
                i = j
            for state, (no, total) in zip(self._va_pages, counts, strict=True):
                self.__dict__.update(state)
                footer(self, no, total, state.get("_va_section"))
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def page_x_of_y(no: int, total: int) -> str:
    return f"第 {no} / {total} 页"


@dataclass
class CropLayout:
    """Where N cards go on a sheet: columns, rows, origin and gutter (points)."""

    page_w: float
    page_h: float
    card_w: float
    card_h: float
    cols: int
    rows: int
    gutter_x: float
    gutter_y: float
    x0: float = field(init=False)
    y_top: float = field(init=False)

    def __post_init__(self) -> None:
        used_w = self.cols * self.card_w + (self.cols - 1) * self.gutter_x
        used_h = self.rows * self.card_h + (self.rows - 1) * self.gutter_y
        self.x0 = (self.page_w - used_w) / 2
        self.y_top = self.page_h - (self.page_h - used_h) / 2

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    def origin(self, slot: int, mirrored: bool = False) -> tuple[float, float]:
        """Bottom-left corner of the card in ``slot`` (row-major); ``mirrored`` swaps
        columns, so a card's back lands behind its front in long-edge duplex printing."""
        row, col = divmod(slot, self.cols)
        if mirrored:
            col = self.cols - 1 - col
        x = self.x0 + col * (self.card_w + self.gutter_x)
        y = self.y_top - (row + 1) * self.card_h - row * self.gutter_y
        return x, y

    def draw_crop_marks(self, c: Canvas, length: float, offset: float) -> None:
        """Hairline cut marks outside every card edge, in the margins and gutters."""
        xs: list[float] = []
        for col in range(self.cols):
            x = self.x0 + col * (self.card_w + self.gutter_x)
            xs += [x, x + self.card_w]
        ys: list[float] = []
        for row in range(self.rows):
            top = self.y_top - row * (self.card_h + self.gutter_y)
            ys += [top, top - self.card_h]
        xs, ys = sorted(set(round(v, 3) for v in xs)), sorted(set(round(v, 3) for v in ys))
        bottom, top = ys[0], ys[-1]
        left, right = xs[0], xs[-1]
        c.saveState()
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.25)
        p = c.beginPath()
        for x in xs:
            p.moveTo(x, top + offset)
            p.lineTo(x, top + offset + length)
            p.moveTo(x, bottom - offset)
            p.lineTo(x, bottom - offset - length)
        for y in ys:
            p.moveTo(left - offset, y)
            p.lineTo(left - offset - length, y)
            p.moveTo(right + offset, y)
            p.lineTo(right + offset + length, y)
        if self.gutter_x >= 2 * offset + 1:
            # Short marks inside the column gutters, clear of the cards on either side.
            for col in range(self.cols - 1):
                gx0 = self.x0 + (col + 1) * self.card_w + col * self.gutter_x
                gx1 = gx0 + self.gutter_x
                mark = min(length, (self.gutter_x - 2 * offset) / 2)
                for y in ys:
                    p.moveTo(gx0 + offset, y)
                    p.lineTo(gx0 + offset + mark, y)
                    p.moveTo(gx1 - offset, y)
                    p.lineTo(gx1 - offset - mark, y)
        c.drawPath(p, stroke=1, fill=0)
        c.restoreState()


def chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


# ------------------------------------------------------------ sectioned documents

SectionHeader = Callable[[Canvas, object, "Typesetter"], None]


def build_document(out: Output, options: PrintOptions, ts: Typesetter, story: list, *,
                   pagesize: tuple[float, float], title: str, subject: str, author: str,
                   header: SectionHeader, header_height: float, footer_note: Callable[[object], str],
                   margin: float = 12 * mm) -> int:
    """Lay out ``story`` with a per-section page header and a numbered footer.

    ``header(canvas, section, ts)`` draws the top of each page for the section that page
    belongs to (see :class:`SectionMark`); the footer carries the printed-on date,
    ``footer_note(section)`` and "第 x / y 页" counted within the section. Returns the
    number of pages written.
    """
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    footer_h = 9 * mm
    pages = 0

    def footer(c: Canvas, no: int, total: int, section: object) -> None:
        nonlocal pages
        pages += 1
        w, _h = pagesize
        y = margin - 2
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(margin, y + 11, w - margin, y + 11)
        c.restoreState()
        ts.draw(c, margin, y, f"打印日期：{cn_date(options.today())}", 8, color=GREY)
        note = footer_note(section)
        if note:
            ts.draw(c, w / 2, y, ts.truncate(note, w / 2, 8), 8, color=GREY, align="centre")
        ts.draw(c, w - margin, y, page_x_of_y(no, total), 8.5, color=INK, align="right")

    def on_page_end(c: Canvas, _doc: object) -> None:
        header(c, getattr(c, "_va_section", None), ts)

    with open_output(out) as target:
        doc = BaseDocTemplate(
            target, pagesize=pagesize, leftMargin=margin, rightMargin=margin,
            topMargin=margin + header_height, bottomMargin=margin + footer_h,
            title=title, author=author or APP_TITLE, subject=subject, creator=APP_TITLE,
            initialFontName=ts.fonts.regular, pageCompression=1,
        )
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("main", [frame], onPageEnd=on_page_end)])
        doc.build(story, canvasmaker=numbered_canvas_class(footer))
    return pages


def table_style_commands(font: str, header_rows: int = 1, fill=None) -> list:  # noqa: ANN001
    """Common look of tables: dark header, hairline grid, padded cells.

    ``font`` is set on every cell because a Table draws plain-string cells (even empty
    ones) in its default font, Helvetica, which would then be referenced unembedded.
    """
    fill = fill or colors.HexColor("#34495e")
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), fill),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#5f6670")),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]


def hours_text(hours: float) -> str:
    """2.5 -> "2.5", 2.0 -> "2", 1.25 -> "1.25"."""
    text = f"{hours:.2f}".rstrip("0").rstrip(".")
    return text or "0"


Run = tuple[str, float, colors.Color]  # text, size, colour


class TextLines(Flowable):
    """Short lines of text set with the :class:`Typesetter`, for table cells.

    A Paragraph with CJK wrapping costs about a millisecond to lay out; a roster of a
    street office has ten thousand name-and-phone entries. These entries are one or two
    known lines, so they are measured and drawn directly instead.
    """

    def __init__(self, ts: Typesetter, lines: list[list[Run]], leading: float = 1.28,
                 align: str = "left") -> None:
        super().__init__()
        self.ts = ts
        self.lines = lines
        self.leading = leading
        self.align = align
        self._heights = [max((r[1] for r in line), default=0) * leading for line in lines]

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = sum(self._heights)
        return aw, self.height

    def draw(self) -> None:
        y = self.height
        for line, h in zip(self.lines, self._heights, strict=True):
            size = max((r[1] for r in line), default=0)
            y -= h
            baseline = y + (h - size) / 2 + size * 0.18
            widths = [self.ts.width(t, s) for t, s, _c in line]
            x = {"left": 0.0, "centre": (self.width - sum(widths)) / 2,
                 "right": self.width - sum(widths)}[self.align]
            for (text, s, colour), w in zip(line, widths, strict=True):
                self.ts.draw(self.canv, x, baseline, text, s, color=colour)
                x += w

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return []
