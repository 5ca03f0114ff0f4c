"""Printouts as PDF (ReportLab): contact cards, member cards, rosters, sign-in sheets, hours.

Every output is a pair: a loader that turns a session into plain dataclasses, and a
``render_*`` function that writes a PDF from those dataclasses (no database, no Qt), so
the UI can run rendering on a worker thread with a progress callback.
"""

from __future__ import annotations

from .common import OutputError, PrintCancelled, PrintOptions, PrintResult
from .fonts import FontMissing

__all__ = ["FontMissing", "OutputError", "PrintCancelled", "PrintOptions", "PrintResult"]
