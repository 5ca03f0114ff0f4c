"""PySide6 desktop layer of the volunteer brigade scheduler (talks to the core through services)."""

from . import pyside_fixes  # noqa: F401  (must run before any screen emits a signal)
