"""QR codes drawn once per document as PDF form XObjects and reused.

Rendering ReportLab's ``QrCodeWidget`` through ``renderPDF`` costs about 25 ms a code
(one shape per run of modules); 500 cards of the same grid would pay that 500 times.
Instead each distinct value is encoded once with the widget's own encoder, drawn as one
filled path into a form XObject, and every card places that form (``doForm``), which
costs next to nothing and keeps the PDF small.
"""

from __future__ import annotations

import itertools
import re

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

# Forms are drawn in a unit square of this many points and scaled where they are placed.
UNIT = 100.0


def tel_uri(phone: str) -> str:
    """``tel:`` URI of a phone number as typed (spaces, dashes and brackets removed)."""
    digits = re.sub(r"[^0-9+]", "", phone or "")
    return f"tel:{digits}" if digits else ""


def qr_modules(value: str, level: str = "M") -> list[list[bool]]:
    """The dark/light module matrix ReportLab's QR widget computes for ``value``."""
    widget = QrCodeWidget(value, barLevel=level)
    widget.qr.make()
    return [[bool(m) for m in row] for row in widget.qr.modules]


class QrForms:
    """Per-canvas cache: value -> form name. Place codes with :meth:`draw`."""

    def __init__(self, canvas: Canvas, level: str = "M", quiet_zone: int = 2) -> None:
        self.canvas = canvas
        self.level = level
        self.quiet_zone = quiet_zone
        self._names: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._names)

    def form_name(self, value: str) -> str:
        """Name of the form holding the code for ``value``, drawing it on first use."""
        name = self._names.get(value)
        if name is not None:
            return name
        name = f"vaqr{len(self._names)}"
        modules = qr_modules(value, self.level)
        n = len(modules) + 2 * self.quiet_zone
        box = UNIT / n
        c = self.canvas
        c.beginForm(name, lowerx=0, lowery=0, upperx=UNIT, uppery=UNIT)
        c.saveState()
        c.setFillColor(colors.white)
        c.rect(0, 0, UNIT, UNIT, stroke=0, fill=1)
        c.setFillColor(colors.black)
        path = c.beginPath()
        for r, row in enumerate(modules):
            y = UNIT - (r + self.quiet_zone + 1) * box
            col = 0
            for dark, run in itertools.groupby(row):
                count = len(list(run))
                if dark:
                    # A hair taller than a module so rows merge without viewer seams.
                    path.rect((col + self.quiet_zone) * box, y - box * 0.02, count * box,
                              box * 1.04)
                col += count
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()
        c.endForm()
        self._names[value] = name
        return name

    def draw(self, value: str, x: float, y: float, size: float) -> None:
        """Place the code for ``value`` with its lower-left corner at (x, y), ``size`` wide."""
        name = self.form_name(value)
        c = self.canvas
        c.saveState()
        c.translate(x, y)
        c.scale(size / UNIT, size / UNIT)
        c.doForm(name)
        c.restoreState()
