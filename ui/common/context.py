"""The application context every screen receives: database, worker, settings, notifications.

Screens never open sessions on the UI thread for real work; they hand a function to
``ctx.worker.submit(fn, on_success, on_failure)`` (see :mod:`ui.common.db_worker`).

Screens learn what changed from the core, not from each other: every unit of work that
commits announces the topics it changed (:mod:`volunteer_app.changes`: volunteers, teams,
grids, community, shifts, orders, hours, operators, jobs, reminders, audit), whichever
thread ran it (the database worker, a scheduled job, a restore). The context hands them to
the UI thread and emits ``ctx.sig_data_changed(topic)`` once per topic; screens connect to
it and reload what depends on that topic. Screens never announce data changes themselves.
``ctx.notify_changed(topic)`` remains for state that is not data (the scheduler started).

QSettings keys (read them through the constants below, never through string literals):

=========================  ==============================================================
``KEY_LANGUAGE``           ``"ui/language"``: ``"zh_CN"`` (default) or ``"en"``
``KEY_OPERATOR``           ``"ui/operator"``: name of the clerk at the keyboard (may be "")
``KEY_PAPER_SIZE``         ``"print/paper_size"``: ``"A4"`` (default), ``"A3"`` or ``"Letter"``
``KEY_FONT_PATH``          ``"print/font_path"``: printing font file chosen ("" = the system's)
``KEY_GEOMETRY``           ``"ui/main_window/geometry"``: QMainWindow.saveGeometry()
``KEY_WINDOW_STATE``       ``"ui/main_window/state"``: QMainWindow.saveState()
``KEY_LAST_SCREEN``        ``"ui/main_window/last_screen"``: key of the screen shown last
``KEY_DB_URL``             ``"db/url"``: database opened last (used when no --db was given)
``KEY_RECENT_DBS``         ``"db/recent"``: list of recently opened database URLs
=========================  ==============================================================

The settings file is ``settings.ini`` in the per-user configuration directory
(``volunteer_app.paths.config_dir()``), so tests that point ``VOLUNTEER_APP_CONFIG``
elsewhere never touch the clerk's real settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from volunteer_app.paths import config_dir

if TYPE_CHECKING:  # imported only once a database is opened (keeps start-up light)
    from ui.common.db_worker import DbWorker
    from volunteer_app.db import Database

KEY_LANGUAGE = "ui/language"
KEY_OPERATOR = "ui/operator"
KEY_PAPER_SIZE = "print/paper_size"
KEY_FONT_PATH = "print/font_path"
KEY_GEOMETRY = "ui/main_window/geometry"
KEY_WINDOW_STATE = "ui/main_window/state"
KEY_LAST_SCREEN = "ui/main_window/last_screen"
KEY_DB_URL = "db/url"
KEY_RECENT_DBS = "db/recent"

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
PAPER_SIZES = ("A4", "A3", "Letter")
DEFAULT_PAPER_SIZE = "A4"
MAX_RECENT_DBS = 8


def make_settings() -> QSettings:
    """The app's settings, an INI file in the per-user configuration directory.

    The folder is private (0700); the file is its user's only (the process umask, and
    tightened here if an older version left it 0644). It never holds a password: see
    :func:`ui.main_window.remember_database` and :mod:`volunteer_app.db_password`.
    """
    from volunteer_app.files import tighten

    path = config_dir() / "settings.ini"
    tighten(path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def settings_str(settings: QSettings, key: str, default: str = "") -> str:
    """A string setting (QSettings hands back None or other types for missing keys)."""
    value = settings.value(key, default)
    return default if value is None else str(value)


def settings_list(settings: QSettings, key: str) -> list[str]:
    """A list setting; an INI file stores a one-element list as a plain string."""
    value = settings.value(key, [])
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]


class AppContext(QObject):
    """What screens share: the open database, its worker thread, settings, change signals.

    The main window owns the context; switching to another database makes a new context
    (and new screens), so a screen may keep ``ctx.db`` and ``ctx.worker`` for its lifetime.
    """

    sig_data_changed = Signal(str)  # topic, e.g. "volunteers"; emitted on the UI thread
    _sig_topics = Signal(object)  # frozenset of topics, from whichever thread committed
    sig_settings_changed = Signal(str)  # QSettings key that changed (language, paper size ...)
    # A screen asks the main window to close this database and open another (URL).
    sig_database_requested = Signal(str)

    def __init__(self, db: Database, settings: QSettings | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        from ui.common.db_worker import DbWorker

        self.settings = settings if settings is not None else make_settings()
        self.worker: DbWorker = DbWorker(db, self)
        from PySide6.QtCore import Qt  # here: the context comes after the first paint

        # Always queued, also for a commit on the UI thread itself: screens then reload
        # after the code that committed has finished, never half-way through it.
        self._sig_topics.connect(self._on_topics, Qt.ConnectionType.QueuedConnection)
        self._announce = self._sig_topics.emit  # one object: unsubscribe finds it again
        db.subscribe(self._announce)

    def _on_topics(self, topics: frozenset[str]) -> None:
        for topic in sorted(topics):
            self.sig_data_changed.emit(topic)

    def notify_changed(self, topic: str) -> None:
        """Tell every screen that ``topic`` changed (UI thread; data changes announce
        themselves, see the module docstring)."""
        self.sig_data_changed.emit(topic)

    def request_database(self, url: str) -> None:
        """Ask the main window to switch to another database (this context then closes)."""
        self.sig_database_requested.emit(url)

    def set_setting(self, key: str, value: object) -> None:
        """Store a setting and announce the change."""
        self.settings.setValue(key, value)
        self.settings.sync()
        self.sig_settings_changed.emit(key)

    @property
    def language(self) -> str:
        value = settings_str(self.settings, KEY_LANGUAGE, DEFAULT_LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @property
    def operator_name(self) -> str:
        return settings_str(self.settings, KEY_OPERATOR, "")

    @property
    def paper_size(self) -> str:
        """Default paper for printing: "A4", "A3" or "Letter"."""
        value = settings_str(self.settings, KEY_PAPER_SIZE, DEFAULT_PAPER_SIZE)
        return value if value in PAPER_SIZES else DEFAULT_PAPER_SIZE

    def close(self, wait: bool = True) -> None:
        """Stop the worker thread (finishing the task it runs) and release the database."""
        self.db.unsubscribe(self._announce)
        self.worker.shutdown(wait=wait)
        self.db.dispose()
