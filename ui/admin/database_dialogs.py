"""Opening a database from the UI: a clear message on failure and a way out, never a crash."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.common import file_dialogs
from ui.common.i18n import arg
from ui.common.operations import run_and_wait
from ui.texts.errors import error_text
from volunteer_app.db import Database, display_url, open_database, sqlite_path
from volunteer_app.errors import DatabaseError
from volunteer_app.paths import sqlite_url

log = logging.getLogger(__name__)

translate = QCoreApplication.translate



def choose_database(parent: QWidget | None, create: bool, current_url: str | None = None) -> str | None:
    """Ask for a database file to open (or to create); returns its URL or None."""
    if create:
        path = file_dialogs.ask_save_path(
            parent, translate("DatabaseDialogs", "Create a new database"),
            str(Path(file_dialogs.start_directory(current_url)) / "volunteer.db"),
            file_dialogs.database_filter())
    else:
        path = file_dialogs.ask_open_path(parent, translate("DatabaseDialogs", "Open a database"),
                                          file_dialogs.start_directory(current_url),
                                          file_dialogs.database_filter())
    return sqlite_url(path) if path else None


def try_open(url: str) -> tuple[Database | None, BaseException | None]:
    """Open (create, upgrade) a database off the UI thread; the error instead of raising."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        from volunteer_app.db_password import with_password

        # A server URL from the settings has no password: the keyring's goes back in.
        return run_and_wait(lambda _op: open_database(with_password(url)), "open-database"), None
    except (DatabaseError, OSError) as exc:
        return None, exc
    except Exception as exc:  # e.g. a PostgreSQL server that does not answer
        from volunteer_app.security.redact import scrub

        log.exception("opening %s failed", scrub(url))  # never the URL's password
        return None, exc
    finally:
        QGuiApplication.restoreOverrideCursor()


def open_interactive(url: str, parent: QWidget | None = None, allow_quit: bool = True,
                     first_error: BaseException | None = None) -> Database | None:
    """Open ``url``; on failure explain why and offer another file or a new one.

    ``first_error`` is the failure of an attempt already made (start-up opens in the
    background). Returns the open database, or None when the clerk gives up.
    """
    exc = first_error
    while True:
        if exc is None:
            db, exc = try_open(url)
            if db is not None:
                return db
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(translate("DatabaseDialogs", "Cannot open the database"))
        box.setText(arg(translate("DatabaseDialogs", "The database %1 cannot be opened."), display_location(url)))
        box.setInformativeText(
            failure_text(exc) + "\n\n" + translate("DatabaseDialogs", "You can open another database file or create a new one."))
        open_btn = box.addButton(translate("DatabaseDialogs", "Open another file\u2026"), QMessageBox.ButtonRole.AcceptRole)
        new_btn = box.addButton(translate("DatabaseDialogs", "Create a new database\u2026"), QMessageBox.ButtonRole.ActionRole)
        restore_btn = box.addButton(translate("DatabaseDialogs", "Restore from a backup\u2026"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(translate("DatabaseDialogs", "Quit") if allow_quit else translate("DatabaseDialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_btn:
            chosen = choose_database(parent, create=False, current_url=url)
        elif clicked is new_btn:
            chosen = choose_database(parent, create=True, current_url=url)
        elif clicked is restore_btn:
            db, exc = restore_into_new(parent, url, newest_backup(exc))
            if db is not None:
                return db
            continue
        else:
            return None
        if chosen:
            url = chosen
        exc = None  # try (again) on the next round


def failure_text(exc: BaseException | None) -> str:
    """Why a database did not open, in the clerk's language.

    A damaged file (cut short, partly overwritten) gets the way back instead of SQLite's
    English: restore into a new file, naming the newest nightly backup when there is one.
    """
    if isinstance(exc, DatabaseError) and exc.code == "database_damaged":
        text = translate("DatabaseDialogs", "The file is damaged (it may have been cut short or partly "
                         "overwritten) and cannot be used. Nothing was written to it.")
        text += "\n\n" + translate("DatabaseDialogs", "Press \u201cRestore from a backup\u2026\u201d to rebuild "
                                    "the data from a backup into a new file; the damaged file is kept as it is.")
        newest = newest_backup(exc)
        if newest is not None:
            text += "\n\n" + arg(translate("DatabaseDialogs", "The newest automatic backup is %1."), str(newest))
        return text
    return error_text(exc)


def newest_backup(exc: BaseException | None) -> Path | None:
    """The newest nightly backup the core found for a damaged database, if any."""
    if isinstance(exc, DatabaseError) and exc.details.get("backup"):
        return Path(str(exc.details["backup"]))
    return None


def restore_into_new(parent: QWidget | None, url: str,
                     suggested: Path | None = None) -> tuple[Database | None, BaseException | None]:
    """Rebuild the data from a backup into a NEW database file the clerk chooses.

    The file that failed to open is never written to: it may not be ours at all.
    ``suggested`` (the newest nightly backup) is offered first in the file chooser.
    """
    from ui.common.file_actions import ask_passphrase_if_needed, choose_backup_file
    from volunteer_app.backup import inspect_backup, restore_backup

    backup = choose_backup_file(parent, str(suggested) if suggested else file_dialogs.start_directory(url))
    if backup is None:
        return None, None
    passphrase = ask_passphrase_if_needed(parent, backup)  # an encrypted backup's (issue 17.2)
    if passphrase is False:
        return None, None
    target = choose_database(parent, create=True, current_url=url)
    if target is None:
        return None, None
    try:  # refuse a damaged or foreign file before creating anything
        run_and_wait(lambda _op: inspect_backup(backup, passphrase), "inspect backup")
    except DatabaseError as exc:
        return None, exc
    db, exc = try_open(target)
    if db is None:
        return None, exc
    try:
        run_and_wait(lambda _op: restore_backup(db, backup, passphrase), "restore")
    except Exception as exc:  # shown in the same dialog; the new file holds no data
        db.dispose()
        return None, exc
    return db, None


def display_location(url: str) -> str:
    """A database as a clerk recognises it: the file path, or the URL without password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return display_url(url)
