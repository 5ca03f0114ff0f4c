"""Work-around for PySide6 6.12.0's reference counting on CPython 3.10 and 3.11.

The 6.12.0 wheels are built for the stable ABI as if ``None``, ``True`` and ``False`` were
immortal (as they are from CPython 3.12 on): every Qt method that returns nothing, or a
bool, hands back ``None``/``True``/``False`` without taking a reference. On 3.11 each call
like ``label.setText(...)`` or ``app.processEvents()`` therefore drops one reference to
``None``, and after ~30,000 calls CPython aborts with "Fatal Python error: none_dealloc"
(or ``bool_dealloc``): the desktop app dies after minutes of use and UI tests crash.

CPython 3.12 solves this by giving those singletons a huge reference count that never
reaches zero. We do the same here, once, and only when a probe shows that this PySide6
build actually drops references on this interpreter (a fixed build is left alone).
``ui/__init__.py`` imports this module, so it runs before any other UI code.
The lasting fix is to run the app on CPython >= 3.12 (or a PySide6 without the bug).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

_PROBES = 32
# Same order of magnitude as CPython 3.12's immortal reference count; 2**40 decrements
# would take days of continuous calls.
_IMMORTAL = 1 << 40
_SINGLETONS = (None, True, False, NotImplemented, Ellipsis)


def drops_references() -> bool:
    """Whether calling a void Qt method loses a reference to None on this interpreter."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal: nothing to lose
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBES


def install() -> bool:
    """Make the singletons effectively immortal if this PySide6 needs it; returns whether."""
    if not drops_references():
        return False
    for obj in _SINGLETONS:
        ctypes.c_ssize_t.from_address(id(obj)).value += _IMMORTAL
    return True


INSTALLED = install()
