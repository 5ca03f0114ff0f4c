"""The first start on an empty database: offer the demo community (林琼社区) and load it.

Kept apart from the main window, which only asks for it after opening a database: what a
new office is offered on its first start belongs to setting up, not to the window's frame.
The counts and the load run on the database worker; the registers refresh themselves from
the topics the load changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from ui.common.context import AppContext
    from volunteer_app.services.community import RegisterCounts

translate = QCoreApplication.translate


def offer_demo_if_empty(window: QMainWindow, ctx: AppContext,
                        on_counts: Callable[[RegisterCounts], None]) -> None:
    """Count the registers (``on_counts`` hears the result); if all are empty, offer the demo."""
    from volunteer_app.services import community as community_service

    def counted(counts: RegisterCounts) -> None:
        from PySide6.QtWidgets import QMessageBox  # here, like the core: not before first paint

        on_counts(counts)
        if not counts.empty:
            return
        answer = QMessageBox.question(
            window, translate("DemoOffer", "Empty database"),
            translate("DemoOffer",
                      "This database is empty. Load the demo community (林琼社区: 11 grids, "
                      "6 teams, about 150 volunteers) to try the application?\n\n"
                      "Choose No to start with empty registers."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            load_demo(window, ctx)

    ctx.worker.submit(community_service.register_counts, counted, owner=window)


def load_demo(window: QMainWindow, ctx: AppContext) -> None:
    """Load the demo community into the (empty) database."""
    from volunteer_app.demo import load_demo as load

    def loaded(_counts: dict) -> None:
        window.statusBar().showMessage(translate("DemoOffer", "The demo community was loaded."),
                                       5000)

    def failed(exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ui.texts.errors import error_text

        QMessageBox.warning(window, translate("DemoOffer", "Demo community"), error_text(exc))

    ctx.worker.submit(load, loaded, failed, owner=window)
