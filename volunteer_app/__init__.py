"""Core library of the volunteer brigade scheduler. Never imports Qt."""

from __future__ import annotations

__version__ = "0.1.0"
