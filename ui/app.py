"""Start of the desktop app: ``volunteer-app`` with no command calls :func:`main`."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.common.context import KEY_DB_URL, KEY_LANGUAGE, LANGUAGES, make_settings, settings_str
from ui.common.i18n import apply_cjk_font, install_translators
from volunteer_app.paths import ENV_DB, default_db_url

log = logging.getLogger(__name__)

STYLE_SHEET = Path(__file__).resolve().parent.parent / "resources" / "style.qss"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names, style sheet and CJK font (reused if one exists)."""
    app = QApplication.instance()
    if app is None:
        # No Qt.AA_ShareOpenGLContexts: nothing here uses OpenGL widgets (the PDF preview
        # paints in software), and touching ``Qt`` before the first paint costs ~35 ms.
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("volunteer-app")
    app.setOrganizationName("volunteer-app")
    app.setApplicationDisplayName("")
    apply_cjk_font(app)
    if STYLE_SHEET.exists():
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
    return app


def choose_start_url(given: str, settings_url: str) -> str:
    """The database to open: an explicit --db or $VOLUNTEER_APP_DB wins, else the last one used.

    The command line passes the default URL when no --db was given, so a URL equal to the
    default means "nothing chosen" and the database switched to in Settings is reopened.
    """
    if os.environ.get(ENV_DB) or not settings_url:
        return given
    return settings_url if given == default_db_url() else given


def main(db_url: str) -> int:
    """Open the desktop app on ``db_url``; returns the exit status.

    The window appears first; the database is opened on a background thread and the
    screens fill in when it is ready (see MainWindow.open_database_async).
    """
    from volunteer_app.files import private_umask

    private_umask()  # also when started without the command line (bench, a bundle's entry)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from volunteer_app.security.redact import install_log_redaction

    install_log_redaction()  # no phone or ID numbers, SQL values or URL passwords in the log
    app = create_application()
    settings = make_settings()
    language = settings_str(settings, KEY_LANGUAGE, "zh_CN")
    install_translators(language if language in LANGUAGES else "zh_CN")

    from ui.main_window import MainWindow

    window = MainWindow(None, settings=settings)
    window.sig_open_failed.connect(lambda: QApplication.exit(1))
    window.sig_context_ready.connect(lambda _ctx: _start_background_jobs(window))
    window.show()
    window.open_database_async(choose_start_url(db_url, settings_str(settings, KEY_DB_URL, "")))
    return app.exec()


def _start_background_jobs(window) -> None:  # noqa: ANN001
    """Run reminders, alerts, plan generation and backups while the window is open.

    Once per window: switching database is followed by the bridge itself.
    """
    if getattr(window, "_jobs_attached", False):
        return
    from ui.today.scheduler_bridge import attach_to_window

    window._jobs_attached = True
    attach_to_window(window)
