"""What the logged-in operator's role allows, for enabling buttons before a form is filled.

The core refuses what a role may not do whatever the screen shows (security.permissions);
this only keeps the desktop from offering it. A captain saw 新增志愿者, 导入 and 收单
enabled and learnt only after filling the form that the role may not use them (issue 18).
A button the role may not use is disabled with a tooltip saying why, and stays disabled
when the screen enables its other buttons as the selection changes (:func:`enable`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.common.context import AppContext

_DENIED = "roleDenied"


def can(ctx: AppContext | None, action: str) -> bool:
    """Whether the operator working now may do ``action`` (the single user of a one-PC
    installation may do everything; team scope is left to the core)."""
    if ctx is None:
        return False
    actor = ctx.db.actor
    if actor is None or actor.single_user:
        return True
    from volunteer_app.security.permissions import allowed

    return allowed(actor, action)


def deny_unless(ctx: AppContext | None, action: str, *widgets: QWidget) -> bool:
    """Disable ``widgets`` for good unless the role may do ``action``; returns whether it may."""
    if can(ctx, action):
        return True
    tip = QCoreApplication.translate("Roles", "Your role may not do this.")
    for widget in widgets:
        widget.setProperty(_DENIED, True)
        widget.setEnabled(False)
        widget.setToolTip(tip)
    return False


def enable(widget: QWidget, on: bool) -> None:
    """``widget.setEnabled(on)``, except for a widget the role may not use."""
    widget.setEnabled(bool(on) and not widget.property(_DENIED))
