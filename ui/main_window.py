"""The main window: sidebar of screens, menu bar, status bar with the database and counts.

Start-up shows the window first and opens the database afterwards on a background thread
(:meth:`MainWindow.open_database_async`): the clerk sees the window at once instead of
waiting for SQLAlchemy, Alembic and the schema check. That is why this module imports
the core only inside the methods that need it. For the same reason the window shell
avoids PySide6's ``Qt`` namespace (its first use costs ~35 ms): screens use it freely,
they are built after the first paint.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import (
    KEY_DB_URL,
    KEY_GEOMETRY,
    KEY_LANGUAGE,
    KEY_LAST_SCREEN,
    KEY_RECENT_DBS,
    KEY_WINDOW_STATE,
    MAX_RECENT_DBS,
    AppContext,
    make_settings,
    settings_list,
    settings_str,
)
from ui.common.i18n import arg, install_translators
from ui.common.icons import icon
from ui.screens import DEFAULT_SCREEN, SCREEN_KEYS, SCREENS, screen
from volunteer_app import __version__, changes

if TYPE_CHECKING:
    # A type hint only: importing any QEvent subclass builds QEvent's enums (~3 ms).
    from PySide6.QtGui import QCloseEvent

    from volunteer_app.db import Database
    from volunteer_app.services.community import RegisterCounts

log = logging.getLogger(__name__)

# Qt.ItemDataRole.UserRole (0x100) + 1, as a plain int: the first reference to PySide6's
# ``Qt`` namespace builds its ~95 Python enums (~35 ms), a cost the window need not pay
# before it is first shown (see the module docstring).
ROLE_SCREEN_KEY = 0x100 + 1


class MainWindow(QMainWindow):
    """Sidebar navigation over lazily built screens; owns the AppContext it is given."""

    sig_screen_shown = Signal(str)  # key of the screen now visible
    sig_context_replaced = Signal(object)  # the new AppContext after switching database
    sig_context_ready = Signal(object)  # the AppContext, once a database is open
    sig_open_failed = Signal()  # start-up: no database could be opened (the app quits)

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        """``ctx`` None builds the window shell; :meth:`attach` or
        :meth:`open_database_async` supplies the database later."""
        super().__init__(parent)
        self.ctx: AppContext | None = None
        self.settings = ctx.settings if ctx is not None else (settings or make_settings())
        self._screens: dict[str, QWidget] = {}
        self._current_key = ""
        self._wanted_key = ""
        self._counts: RegisterCounts | None = None
        self._start_when_painted = None
        self._open_deadline = 0.0
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(QSize(960, 600))

        self._sidebar = QListWidget(self)
        self._sidebar.setObjectName("sidebar")
        self._sidebar.setIconSize(QSize(22, 22))
        self._sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        # Enum-typed properties set by key name keep ``Qt`` unloaded until after first paint.
        self._sidebar.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self._sidebar.currentItemChanged.connect(self._on_sidebar_current_changed)
        self._stack = QStackedWidget(self)
        self._stack.setObjectName("screenStack")
        # By keyword: a positional QSplitter(self) is matched against the (Qt.Orientation,
        # parent) overload too, which loads ``Qt``.
        splitter = QSplitter(parent=self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self._sidebar)
        splitter.addWidget(self._stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([170, 1100])
        # Above the screens: the warning of the start-up check of the audit log's chain.
        self._audit_banner = QLabel(self)
        self._audit_banner.setObjectName("auditBanner")
        self._audit_banner.setWordWrap(True)
        self._audit_banner.setStyleSheet(
            "QLabel#auditBanner { background: #fde2e1; color: #8a1c14; padding: 6px 10px; "
            "border-bottom: 1px solid #e0a09a; }")
        self._audit_banner.hide()
        self._audit_report = None
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._audit_banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self._db_label = QLabel(self)
        self._db_label.setObjectName("statusDatabase")
        self._counts_label = QLabel(self)
        self._counts_label.setObjectName("statusCounts")
        self._busy_label = QLabel(self)
        self._busy_label.setObjectName("statusBusy")
        self.statusBar().addWidget(self._db_label, 1)
        self.statusBar().addPermanentWidget(self._busy_label)
        self.statusBar().addPermanentWidget(self._counts_label)

        self._starting = QLabel(self._stack)
        self._starting.setObjectName("notBuiltText")
        self._starting.setProperty("alignment", "AlignCenter")
        self._stack.addWidget(self._starting)

        self._build_sidebar()
        self._build_menus()
        self._retranslate_chrome()
        self._restore_window()
        start = settings_str(self.settings, KEY_LAST_SCREEN, DEFAULT_SCREEN)
        self._wanted_key = start if start in SCREEN_KEYS else DEFAULT_SCREEN
        self._sidebar.setCurrentRow(SCREEN_KEYS.index(self._wanted_key))
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """Take the open database's context: enable the menus, build the screen shown."""
        self.ctx = ctx
        self.settings = ctx.settings
        ctx.setParent(self)
        self._connect_context()
        self._retranslate_chrome()
        self._enable_database_actions(True)
        self._update_screen_access()
        self.show_screen(self._wanted_key or DEFAULT_SCREEN)
        self.refresh_counts()
        self.check_audit_chain()
        self.sig_context_ready.emit(ctx)

    def open_database_async(self, url: str) -> None:
        """Open (create, upgrade) a database off the UI thread, then attach it.

        On failure the clerk gets the reason and may choose another file; if they give up,
        ``sig_open_failed`` is emitted.
        """
        self._starting.setText(self.tr("Opening the database\u2026"))
        from volunteer_app.security.redact import scrub

        self._db_label.setText(arg(self.tr("Opening %1\u2026"), scrub(url)))  # never a password

        from ui.common.operations import BackgroundOp

        def run(_op: object) -> Database:
            from volunteer_app.db import open_database
            from volunteer_app.db_password import with_password

            # A stored server URL has no password: the keyring's, if any, goes back in.
            return open_database(with_password(url))

        # Start once the window has painted itself: the import of the database layer
        # competes for the interpreter lock, and the clerk should see the window first.
        # A failure is shown to the clerk by _on_database_opened.
        op = BackgroundOp(self, run, label="open-database") \
            .success(lambda db: self._on_database_opened(db, (url, None))) \
            .failure(lambda exc: self._on_database_opened(None, (url, exc)))
        self._start_when_painted = op.run
        if not self.isVisible():
            self._start_pending_open()
        else:
            self._open_deadline = time.monotonic() + 0.25  # in case no expose comes
            self._start_when_on_screen()

    def _on_screen(self) -> bool:
        """Whether the window is exposed, which for widgets means painted: Qt paints a
        widget window while it delivers the window's expose event."""
        handle = self.windowHandle()
        return handle is not None and handle.isExposed()

    def _start_when_on_screen(self) -> None:
        # Polled, not caught in an event() override: handing the window's events to Python
        # would build QEvent's enums (~2 ms) before the first paint, and cost a little on
        # every event of the window's life.
        if self._start_when_painted is None:
            return
        if self._on_screen() or time.monotonic() >= self._open_deadline:
            self._start_pending_open()
        else:
            QTimer.singleShot(5, self._start_when_on_screen)

    def _start_pending_open(self) -> None:
        start, self._start_when_painted = self._start_when_painted, None
        if start is not None:
            start()

    def _on_database_opened(self, db: Database | None, outcome: tuple[str, BaseException | None]) -> None:
        from ui.admin import database_dialogs

        url, error = outcome
        if db is None:
            db = database_dialogs.open_interactive(url, self, first_error=error)
            if db is None:
                self.sig_open_failed.emit()
                return
        from ui.admin.login_dialog import gate_database

        if not gate_database(db, self, self.settings):  # accounts on and the login cancelled
            db.dispose()
            self.sig_open_failed.emit()
            return
        ctx = AppContext(db, self.settings)
        remember_database(ctx)
        self.attach(ctx)
        self.offer_demo_if_empty()

    # -- building ---------------------------------------------------------------------

    def _build_sidebar(self) -> None:
        self._sidebar.blockSignals(True)
        self._sidebar.clear()
        for spec in SCREENS:
            item = QListWidgetItem(icon(spec.icon), spec.title)
            item.setData(ROLE_SCREEN_KEY, spec.key)
            item.setSizeHint(QSize(150, 44))
            self._sidebar.addItem(item)
            item.setHidden(not spec.allowed(self.ctx))  # hidden rows keep their index
        self._sidebar.blockSignals(False)
        self._sidebar.setFixedWidth(168)

    def _build_menus(self) -> None:
        # setShortcuts, not setShortcut: the latter's overloads (Qt.Key, QKeyCombination)
        # load ``Qt`` before the first paint; for standard keys it also takes every
        # platform binding, as Qt recommends.
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        self.action_open_db = QAction(self.tr("&Open database\u2026"), self)
        self.action_open_db.setShortcuts(QKeySequence.StandardKey.Open)
        self.action_open_db.triggered.connect(self._on_open_db_triggered)
        self.action_new_db = QAction(self.tr("&New database\u2026"), self)
        self.action_new_db.triggered.connect(self._on_new_db_triggered)
        self.action_import = QAction(icon("import"), self.tr("&Import volunteers\u2026"), self)
        self.action_import.setShortcuts([QKeySequence("Ctrl+I")])
        self.action_import.triggered.connect(self._on_import_triggered)
        self.action_export = QAction(icon("export"), self.tr("&Export volunteers\u2026"), self)
        self.action_export.setShortcuts([QKeySequence("Ctrl+E")])
        self.action_export.triggered.connect(self._on_export_triggered)
        self.action_backup = QAction(self.tr("&Back up database\u2026"), self)
        self.action_backup.setShortcuts([QKeySequence("Ctrl+B")])
        self.action_backup.triggered.connect(self._on_backup_triggered)
        self.action_restore = QAction(self.tr("&Restore from a backup\u2026"), self)
        self.action_restore.triggered.connect(self._on_restore_triggered)
        self.action_quit = QAction(self.tr("&Quit"), self)
        self.action_quit.setShortcuts(QKeySequence.StandardKey.Quit)
        self.action_quit.triggered.connect(self.close)
        file_menu.addAction(self.action_open_db)
        file_menu.addAction(self.action_new_db)
        self._recent_menu = file_menu.addMenu(self.tr("Recent databases"))
        self._recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        file_menu.addSeparator()
        file_menu.addAction(self.action_import)
        file_menu.addAction(self.action_export)
        file_menu.addSeparator()
        file_menu.addAction(self.action_backup)
        file_menu.addAction(self.action_restore)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        self._db_actions = [self.action_import, self.action_export, self.action_backup,
                            self.action_restore]
        self._enable_database_actions(self.ctx is not None)

        view_menu = bar.addMenu(self.tr("&View"))
        self._view_actions: dict[str, QAction] = {}
        for n, spec in enumerate(SCREENS, start=1):
            act = QAction(icon(spec.icon), spec.title, self)
            if n <= 9:
                act.setShortcuts([QKeySequence(f"Ctrl+{n}")])
            act.setVisible(spec.allowed(self.ctx))
            self._view_actions[spec.key] = act
            act.triggered.connect(lambda _checked=False, k=spec.key: self.show_screen(k))
            view_menu.addAction(act)

        from ui.admin.account_menu import AccountMenu  # shown only while accounts are on

        AccountMenu.install(self, bar)

        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._on_about_triggered)
        about_qt = QAction(self.tr("About &Qt"), self)
        about_qt.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(about)
        help_menu.addAction(about_qt)

    def _update_screen_access(self) -> None:
        """Show only the screens the logged-in operator may use."""
        for row, spec in enumerate(SCREENS):
            allowed = spec.allowed(self.ctx)
            self._sidebar.item(row).setHidden(not allowed)
            self._view_actions[spec.key].setVisible(allowed)

    def _enable_database_actions(self, on: bool) -> None:
        from ui.common.roles import can

        needs = ("registers.import", "registers.export", "backup", "restore")
        for action, need in zip(self._db_actions, needs, strict=True):
            action.setEnabled(on and can(self.ctx, need))  # offered only to roles that may

    def _retranslate_chrome(self) -> None:
        self.setWindowTitle(self.tr("Volunteer Brigade Scheduler"))
        self._update_audit_banner()
        if self.ctx is not None:
            from ui.admin.database_dialogs import display_location

            self._db_label.setText(arg(self.tr("Database: %1"), display_location(self.ctx.db.url)))
            self._db_label.setToolTip(self.ctx.db.display_name())
        self._update_counts_label()

    def _connect_context(self) -> None:
        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)
        self.ctx.sig_settings_changed.connect(self._on_ctx_settings_changed)
        self.ctx.sig_database_requested.connect(self._on_ctx_database_requested)
        self.ctx.worker.sig_busy_changed.connect(self._on_worker_busy_changed)
        self.ctx.worker.sig_unhandled_error.connect(self._on_worker_unhandled_error)

    # -- screens ----------------------------------------------------------------------

    @property
    def current_screen_key(self) -> str:
        return self._current_key

    def screen_widget(self, key: str) -> QWidget:
        """The widget of a screen, built on first use."""
        widget = self._screens.get(key)
        if widget is None:
            widget = screen(key).create(self.ctx, self._stack)
            widget.setProperty("screenKey", key)
            self._screens[key] = widget
            self._stack.addWidget(widget)
        return widget

    def show_screen(self, key: str) -> None:
        """Switch to a screen (building it if needed) and let it refresh."""
        if self.ctx is None:  # still opening the database: show it once attached
            self._wanted_key = key
            return
        if not screen(key).allowed(self.ctx):  # e.g. the last screen of an administrator
            key = DEFAULT_SCREEN
        widget = self.screen_widget(key)
        self._stack.setCurrentWidget(widget)
        self._current_key = key
        row = SCREEN_KEYS.index(key)
        if self._sidebar.currentRow() != row:
            self._sidebar.blockSignals(True)
            self._sidebar.setCurrentRow(row)
            self._sidebar.blockSignals(False)
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            refresh()
        self.sig_screen_shown.emit(key)

    def _on_sidebar_current_changed(self, current: QListWidgetItem | None, _prev: object) -> None:
        if current is not None:
            self.show_screen(current.data(ROLE_SCREEN_KEY))

    def _drop_screens(self) -> None:
        for widget in self._screens.values():
            self._stack.removeWidget(widget)
            widget.deleteLater()
        self._screens.clear()

    def rebuild(self) -> None:
        """Rebuild menus, sidebar and screens (after a language or database switch)."""
        key = self._current_key or self._wanted_key or DEFAULT_SCREEN
        self._drop_screens()
        self._build_sidebar()
        self._build_menus()
        self._retranslate_chrome()
        if self.ctx is None:
            self._wanted_key = key
            self._sidebar.setCurrentRow(SCREEN_KEYS.index(key))
            return
        self.show_screen(key)

    # -- status bar -------------------------------------------------------------------

    def refresh_counts(self) -> None:
        """Reload the register counts shown in the status bar."""
        from volunteer_app.services import community as community_service

        self.ctx.worker.submit(community_service.register_counts, self._on_counts_loaded,
                               lambda exc: log.warning("counts failed: %s", exc), owner=self)

    def check_audit_chain(self) -> None:
        """Check the audit log's chain on the database worker; a mismatch shows the banner."""
        from volunteer_app.security.chain import verify

        self._audit_report = None
        self._update_audit_banner()
        self.ctx.worker.submit(verify, self._on_audit_checked,
                               lambda exc: log.warning("audit check failed: %s", type(exc).__name__),
                               owner=self, label="audit-check", background=True)

    def _on_audit_checked(self, report: object) -> None:
        self._audit_report = report
        self._update_audit_banner()

    @property
    def audit_report(self) -> object:
        """The start-up check's report (None until it has run)."""
        return self._audit_report

    def _update_audit_banner(self) -> None:
        report = self._audit_report
        if report is None or report.ok:
            self._audit_banner.hide()
            self._audit_banner.setText("")
            return
        kinds = {p.kind for p in report.problems}
        if "key_missing" in kinds:
            text = self.tr("This computer does not have the key of this database, so changes cannot "
                           "be recorded in its audit log. An administrator exports the key on a "
                           "computer that has it (volunteer-app keys export FILE) and imports it here "
                           "(volunteer-app keys import FILE).")
        elif "key_mismatch" in kinds:
            text = self.tr("The key on this computer is not the key of this database: its audit log "
                           "can neither be checked nor extended. Import the right key file "
                           "(volunteer-app keys import FILE).")
        else:
            first = report.first_bad_entry
            text = arg(self.tr("Warning: the audit log does not match its chain (%1 problem(s), first "
                               "entry #%2). The audit log, the security settings, the operators or "
                               "the hours ledger were changed outside the app. An administrator "
                               "sees the details with: volunteer-app audit verify"),
                       report.problem_count, "\u2014" if first is None else first)
        self._audit_banner.setText(text)
        self._audit_banner.show()

    def _on_counts_loaded(self, counts: RegisterCounts) -> None:
        self._counts = counts
        self._update_counts_label()

    def _update_counts_label(self) -> None:
        c = self._counts
        if c is None:
            self._counts_label.setText("")
            return
        self._counts_label.setText(arg(
            self.tr("Volunteers: %1 active, %2 left  \u00b7  Teams: %3  \u00b7  Grids: %4"),
            c.volunteers_active, c.volunteers_left, c.teams, c.grids))

    @property
    def counts(self) -> RegisterCounts | None:
        return self._counts

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in (changes.VOLUNTEERS, changes.TEAMS, changes.GRIDS):
            self.refresh_counts()

    def _on_worker_busy_changed(self, busy: bool) -> None:
        self._busy_label.setText(self.tr("Working\u2026") if busy else "")

    def _on_worker_unhandled_error(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from ui.texts.errors import error_text

        QMessageBox.warning(self, self.tr("Something went wrong"), error_text(exc))

    def _on_ctx_settings_changed(self, key: str) -> None:
        if key == KEY_LANGUAGE:
            # Deferred: the settings screen that emitted this is among the widgets rebuilt.
            QTimer.singleShot(0, self._apply_language)

    def _on_ctx_database_requested(self, url: str) -> None:
        # Deferred: the screen that asked is destroyed by the switch.
        QTimer.singleShot(0, lambda: self.switch_database(url))

    def _apply_language(self) -> None:
        from ui.common.context import LANGUAGES

        language = settings_str(self.settings, KEY_LANGUAGE, "zh_CN")
        install_translators(language if language in LANGUAGES else "zh_CN")
        self.rebuild()

    # -- demo community ---------------------------------------------------------------

    def offer_demo_if_empty(self) -> None:
        """On an empty database, offer to load the demo community (林琼社区)."""
        from ui.admin.demo_offer import offer_demo_if_empty

        offer_demo_if_empty(self, self.ctx, self._on_counts_loaded)

    # -- file menu --------------------------------------------------------------------

    def _on_open_db_triggered(self) -> None:
        from ui.admin import database_dialogs

        url = database_dialogs.choose_database(self, create=False, current_url=self._db_url())
        if url:
            self.switch_database(url)

    def _on_new_db_triggered(self) -> None:
        from ui.admin import database_dialogs

        url = database_dialogs.choose_database(self, create=True, current_url=self._db_url())
        if url:
            self.switch_database(url)

    def _db_url(self) -> str | None:
        return self.ctx.db.url if self.ctx is not None else None

    def _on_recent_menu_about_to_show(self) -> None:
        from ui.admin import database_dialogs

        self._recent_menu.clear()
        from volunteer_app.db_password import without_password

        current = without_password(self._db_url() or "")  # the list holds no passwords
        recent = [u for u in settings_list(self.settings, KEY_RECENT_DBS) if u != current]
        if not recent:
            act = self._recent_menu.addAction(self.tr("(none)"))
            act.setEnabled(False)
        for url in recent:
            act = self._recent_menu.addAction(database_dialogs.display_location(url))
            act.triggered.connect(lambda _c=False, u=url: self.switch_database(u))

    def switch_database(self, url: str) -> bool:
        """Close the open database and open another; screens are rebuilt for it.

        On failure the clerk is told why and may pick another file; the current database
        stays open when they cancel.
        """
        from ui.admin import database_dialogs
        from volunteer_app.db_password import without_password

        if self.ctx is None:
            return False  # still opening the start-up database
        if url in (self.ctx.db.url, without_password(self.ctx.db.url)):
            return True
        db = database_dialogs.open_interactive(url, self, allow_quit=False)
        if db is None:
            return False
        from ui.admin.login_dialog import gate_database

        if not gate_database(db, self, self.settings):  # the current database stays open
            db.dispose()
            return False
        old = self.ctx
        new = AppContext(db, old.settings)
        new.setParent(self)
        self._drop_screens()
        old.worker.sig_busy_changed.disconnect(self._on_worker_busy_changed)
        from ui.today.scheduler_bridge import SchedulerBridge

        bridge = SchedulerBridge.of(old)
        if bridge is not None:  # the old database's jobs end before its connections close
            bridge.stop()
        old.close(wait=True)
        old.deleteLater()
        self.ctx = new
        self._connect_context()
        remember_database(new)
        self._counts = None
        self.rebuild()
        self.refresh_counts()
        self.sig_context_replaced.emit(new)
        self.offer_demo_if_empty()
        return True

    def _on_import_triggered(self) -> None:
        from ui.common import file_actions

        file_actions.import_volunteers(self.ctx, self)

    def _on_export_triggered(self) -> None:
        from ui.common import file_actions

        file_actions.export_volunteers(self.ctx, self)

    def _on_restore_triggered(self) -> None:
        from ui.common import file_actions

        file_actions.restore_database(self.ctx, self)

    def _on_backup_triggered(self) -> None:
        from ui.common import file_actions

        file_actions.backup_database(self.ctx, self)

    def _on_about_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self, self.tr("About"),
            arg(self.tr("<h3>Volunteer Brigade Scheduler %1</h3>"
                        "<p>Registers of volunteers, teams and grids, shift planning, "
                        "residents' requests and printouts for a community office.</p>"
                        "<p>Database: %2</p>"),
                __version__, self.ctx.db.display_name() if self.ctx else "\u2014"))

    # -- window state -----------------------------------------------------------------

    def _restore_window(self) -> None:
        geometry = self.settings.value(KEY_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.value(KEY_WINDOW_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def save_window_state(self) -> None:
        """Remember geometry and the last screen for the next start."""
        s = self.settings
        s.setValue(KEY_GEOMETRY, self.saveGeometry())
        s.setValue(KEY_WINDOW_STATE, self.saveState())
        if self._current_key or self._wanted_key:
            s.setValue(KEY_LAST_SCREEN, self._current_key or self._wanted_key)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_window_state()
        self._drop_screens()
        if self.ctx is not None:
            self.ctx.close(wait=True)
        super().closeEvent(event)


def remember_database(ctx: AppContext) -> None:
    """Store the open database as the last one and at the top of the recent list.

    Never with a password (issue 17.3): a server's password goes to the keyring (or is
    left to libpq's password file), see :mod:`volunteer_app.db_password`; passwords an
    older version stored in the list are taken out too.
    """
    from volunteer_app.db_password import remember, without_password

    url, _where = remember(ctx.db.url)
    recent = [without_password(u) for u in settings_list(ctx.settings, KEY_RECENT_DBS)]
    recent = list(dict.fromkeys(u for u in recent if u != url))
    ctx.settings.setValue(KEY_DB_URL, url)
    ctx.settings.setValue(KEY_RECENT_DBS, [url, *recent][:MAX_RECENT_DBS])
    ctx.settings.sync()
