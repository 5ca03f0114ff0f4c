"""The screens of the main window's sidebar, in order, and how each one is built.

Contract for a screen (a QWidget class in its wing's module, ``ui/<wing>/<name>_view.py``):

* constructor ``Screen(ctx: AppContext, parent: QWidget | None = None)``; it must be cheap:
  load data through ``ctx.worker.submit(...)`` (see :mod:`ui.common.db_worker`), never with a
  blocking query on the UI thread;
* optional method ``refresh() -> None``: called every time the screen is shown (switching
  to it in the sidebar); reload what may have changed;
* listen to ``ctx.sig_data_changed(topic)`` (topics: :mod:`volunteer_app.changes`) to
  reload when data changed; the core announces every change, the screen's own included;
* every visible string goes through ``self.tr(...)`` (see resources/translations/README.md).
  Screens need not handle ``QEvent.LanguageChange``: the main window rebuilds every screen
  when the clerk switches language.

Screens are imported lazily, when first shown (start-up stays light). A screen whose
module fails to import shows the error on its page instead of pretending.
"""

from __future__ import annotations

import importlib
import logging
import traceback
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ui.common.context import AppContext

log = logging.getLogger(__name__)

Factory = Callable[[AppContext, QWidget | None], QWidget]

translate = QCoreApplication.translate


class ScreenSpec(NamedTuple):
    """One sidebar entry: stable key, English source title, icon name, how to build it.

    A NamedTuple rather than a dataclass: this module is loaded before the main window is
    first shown, and nothing else there needs ``dataclasses`` (~3 ms to import).
    """

    key: str
    source_title: str  # English source text; shown through QCoreApplication.translate
    icon: str  # file stem under resources/icons/
    module: str  # module under ui/ that holds the screen class
    class_name: str
    permission: str = ""  # action of security.permissions the operator needs ("" = none)

    def allowed(self, ctx: AppContext | None) -> bool:
        """Whether the logged-in operator may use this screen (the core enforces it too).

        No database yet: screens needing a permission stay hidden. No operator logged in:
        the single local user, who may do everything (a database with accounts on is
        only attached after a login).
        """
        if not self.permission:
            return True
        if ctx is None:
            return False
        actor = ctx.db.actor
        if actor is None:
            return True
        from volunteer_app.security.permissions import allowed

        return allowed(actor, self.permission)

    @property
    def title(self) -> str:
        """The title in the current UI language."""
        return QCoreApplication.translate("Screens", self.source_title)

    def create(self, ctx: AppContext, parent: QWidget | None = None) -> QWidget:
        """Build the screen, or an honest page when it fails to load."""
        try:
            module = importlib.import_module(f"ui.{self.module}")
            cls = getattr(module, self.class_name)
            return cls(ctx, parent)
        except Exception:
            log.exception("screen %s failed to load", self.key)
            return BrokenPage(self, traceback.format_exc(), parent)


SCREENS: tuple[ScreenSpec, ...] = (
    ScreenSpec("today", QT_TRANSLATE_NOOP("Screens", "Today"), "today", "today.today_view", "TodayView"),
    ScreenSpec("volunteers", QT_TRANSLATE_NOOP("Screens", "Volunteers"), "volunteers", "registers.volunteers_view",
               "VolunteersView"),
    ScreenSpec("teams", QT_TRANSLATE_NOOP("Screens", "Teams"), "teams", "registers.teams_view", "TeamsView"),
    ScreenSpec("grids", QT_TRANSLATE_NOOP("Screens", "Grids"), "grids", "registers.grids_view", "GridsView"),
    ScreenSpec("schedule", QT_TRANSLATE_NOOP("Screens", "Schedule"), "schedule", "planner.planner_view",
               "PlannerView"),
    ScreenSpec("orders", QT_TRANSLATE_NOOP("Screens", "Orders"), "orders", "orders.orders_view", "OrdersView",
               "requests.read"),
    ScreenSpec("hours", QT_TRANSLATE_NOOP("Screens", "Hours"), "hours", "hours.hours_view", "HoursView"),
    ScreenSpec("print", QT_TRANSLATE_NOOP("Screens", "Print"), "print", "printing.print_view", "PrintView"),
    ScreenSpec("settings", QT_TRANSLATE_NOOP("Screens", "Settings"), "settings", "admin.settings_view",
               "SettingsView"),
    ScreenSpec("operators", QT_TRANSLATE_NOOP("Screens", "Operators"), "operators", "admin.operators_view",
               "OperatorsView", "operators.manage"),
    ScreenSpec("audit", QT_TRANSLATE_NOOP("Screens", "Audit log"), "audit", "admin.audit_view",
               "AuditView", "audit.view"),
)

SCREEN_KEYS = tuple(s.key for s in SCREENS)
DEFAULT_SCREEN = "volunteers"


def screen(key: str) -> ScreenSpec:
    """The spec of a screen by key (KeyError for unknown keys)."""
    for spec in SCREENS:
        if spec.key == key:
            return spec
    raise KeyError(key)


class BrokenPage(QWidget):
    """Shown when a screen's module exists but raised while loading: the error, not a pretence."""

    def __init__(self, spec: ScreenSpec, details: str, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout

        super().__init__(parent)
        self.spec = spec
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("The screen \u201c%1\u201d could not be opened because of a "
                              "programming error. Please report the text below.")
                      .replace("%1", spec.title), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        box = QPlainTextEdit(details, self)
        box.setReadOnly(True)
        layout.addWidget(box, 1)
