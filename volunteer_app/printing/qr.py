"""QR codes drawn once per document as PDF form XObjects and reused.

Rendering ReportLab's ``QrCodeWidget`` through ``renderPDF`` costs about 25 ms a code
(one shape per run of modules); 500 cards of the same grid would pay that 500 times.
Instead each distinct value is encoded once with the widget's own encoder, drawn as one
filled path into a form XObject, and every card places that form (``doForm``), which
costs next to nothing and keeps the PDF small.
"""

from __future__ import annotations

import functools
import itertools
import re

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas


def tel_uri(phone: str) -> str:
    """``tel:`` URI of a phone number as typed (spaces, dashes and brackets removed)."""
    digits = re.sub(r"[^0-9+]", "", phone or "")
    return f"tel:{digits}" if digits else ""


@functools.lru_cache(maxsize=4096)
def qr_modules(value: str, level: str = "M") -> tuple[tuple[bool, ...], ...]:
    """The dark/light module matrix ReportLab's QR widget computes for ``value``.

    Encoding (ReportLab scores all eight mask patterns in pure Python) costs about 10 ms;
    the cache spares it when the same codes are printed again (preview, then save).
    """
    widget = QrCodeWidget(value, barLevel=level)
    widget.qr.make()
    return tuple(tuple(bool(m) for m in row) for row in widget.qr.modules)


class QrForms:
    """Per-canvas cache: value -> form name. Place codes with :meth:`draw`."""

    def __init__(self, canvas: Canvas, level: str = "M", quiet_zone: int = 2) -> None:
        self.canvas = canvas
        self.level = level
        self.quiet_zone = quiet_zone
        self._names: dict[str, str] = {}
        self._sizes: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._names)

    def form_name(self, value: str) -> str:
        """Name of the form holding the code for ``value``, drawing it on first use."""
        name = self._names.get(value)
        if name is not None:
            return name
        name = f"vaqr{len(self._names)}"
        modules = qr_modules(value, self.level)
        q = self.quiet_zone
        n = len(modules) + 2 * q
        # One module is one unit of the form, so every coordinate is an integer and the
        # path is written as literal operators (ReportLab's path API formats every
        # number as a float, several times slower). White square first: the quiet zone.
        ops = [f"1 1 1 rg 0 0 {n} {n} re f 0 0 0 rg"]
        for r, row in enumerate(modules):
            y = n - q - r - 1
            col = 0
            for dark, run in itertools.groupby(row):
                count = len(list(run))
                if dark:
                    # A hair taller than a module: rows overlap, so no viewer shows seams.
                    ops.append(f"{col + q} {y - 0.02:.2f} {count} 1.04 re")
                col += count
        ops.append("f")
        c = self.canvas
        c.beginForm(name, lowerx=0, lowery=0, upperx=n, uppery=n)
        c.addLiteral(" ".join(ops))
        c.endForm()
        self._names[value] = name
        self._sizes[name] = n
        return name

    def draw(self, value: str, x: float, y: float, size: float) -> None:
        """Place the code for ``value`` with its lower-left corner at (x, y), ``size`` wide."""
        name = self.form_name(value)
        n = self._sizes[name]
        c = self.canvas
        c.saveState()
        c.translate(x, y)
        c.scale(size / n, size / n)
        c.doForm(name)
        c.restoreState()
