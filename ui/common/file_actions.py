"""File menu actions shared by the main window and the screens: import, export, backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.common import file_dialogs
from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.texts.errors import error_text
from volunteer_app.db import sqlite_path
from volunteer_app.importexport import volunteers_io
from volunteer_app.services.volunteers import VolunteerFilter

translate = QCoreApplication.translate



def import_volunteers(ctx: AppContext, parent: QWidget | None) -> None:
    """Open the import dialog (choose file, preview, confirm)."""
    from ui.registers.import_dialog import ImportDialog  # imported on use: keeps start-up light

    dialog = ImportDialog(ctx, parent)
    dialog.exec()


def export_volunteers(ctx: AppContext, parent: QWidget | None,
                      flt: VolunteerFilter | None = None) -> None:
    """Ask for a file and write the register (or the filtered part) to .xlsx or .csv."""
    stamp = datetime.now().strftime("%Y%m%d")
    suggested = str(Path.home() / arg(translate("FileActions", "volunteers-%1.xlsx"), stamp))
    path = file_dialogs.ask_save_path(parent, translate("FileActions", "Export volunteers"), suggested,
                                      file_dialogs.spreadsheet_filter())
    if path is None:
        return
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_suffix(".xlsx")
    flt = flt or VolunteerFilter(active=None)

    def done(count: int) -> None:
        QMessageBox.information(parent, translate("FileActions", "Export volunteers"),
                                arg(translate("FileActions", "%1 volunteers were written to %2."), count, path))

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, translate("FileActions", "Export volunteers"),
                            arg(translate("FileActions", "The export failed: %1"), error_text(exc)))

    ctx.worker.submit(lambda s: volunteers_io.export_file(s, path, flt), done, failed,
                      owner=parent, label="export")


def backup_filter() -> str:
    return translate("FileActions", "Encrypted archive (*.vabak);;Unencrypted database copy, administrators only (*.db)")


def backup_database(ctx: AppContext, parent: QWidget | None) -> None:
    """Back up the open database to a file the clerk chooses.

    The app's encrypted archive (.vabak) is suggested (issue 17.2): with a passphrase
    asked for here, else the database key. A SQLite database may also be copied as it is
    (.db), by an administrator only; a database server gives the archive only.
    """
    from volunteer_app.backup import SQLITE_SUFFIXES, create_backup

    source = sqlite_path(ctx.db.url)
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    if source is not None:
        suggested = str(source.with_name(f"{source.stem}-backup-{stamp}.vabak"))
        name_filter = backup_filter()
    else:
        from volunteer_app.paths import data_dir

        suggested = str(data_dir() / f"volunteer-backup-{stamp}.vabak")
        name_filter = translate("FileActions", "Portable archive, any database (*.vabak)")
    target = file_dialogs.ask_save_path(parent, translate("FileActions", "Back up database"), suggested,
                                        name_filter)
    if target is None:
        return
    if source is not None and target.resolve() == source.resolve():
        QMessageBox.warning(parent, translate("FileActions", "Back up database"),
                            translate("FileActions", "Choose a different file: a backup cannot overwrite the open database."))
        return
    passphrase = None
    if target.suffix.lower() not in SQLITE_SUFFIXES and _may_choose_passphrase(ctx):
        from ui.common.passphrase_dialog import ask_backup_passphrase

        go_on, passphrase = ask_backup_passphrase(parent)
        if not go_on:
            return

    def done(_counts: dict) -> None:
        QMessageBox.information(parent, translate("FileActions", "Back up database"),
                                arg(translate("FileActions", "The database was backed up to %1."), target))

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, translate("FileActions", "Back up database"),
                            arg(translate("FileActions", "The backup failed: %1"), error_text(exc)))

    db = ctx.db
    ctx.worker.submit(lambda: create_backup(db, target, passphrase=passphrase), done, failed, owner=parent,
                      with_session=False, label="backup")


def _may_choose_passphrase(ctx: AppContext) -> bool:
    """Roles without ``ids.view`` back up with the database key only (backup_access)."""
    from volunteer_app.security.permissions import allowed

    actor = ctx.db.actor  # None: the single local user (or nobody logged in: refused anyway)
    return actor is None or actor.single_user or allowed(actor, "ids.view")


def choose_backup_file(parent: QWidget | None, directory: str) -> Path | None:
    """Ask for a backup to restore from."""
    return file_dialogs.ask_open_path(
        parent, translate("FileActions", "Restore from a backup"), directory,
        translate("FileActions", "Backups (*.db *.sqlite *.vabak);;All files (*)"))


def describe_backup(info: dict) -> str:
    """One line about a checked backup: when, how many volunteers, rows in all."""
    rows = info.get("rows", {})
    text = arg(translate("FileActions", "%1 volunteers, %2 rows in all"),
               rows.get("volunteer", 0), sum(rows.values()))
    if info.get("created"):
        text = arg(translate("FileActions", "Made %1; %2"), info["created"].replace("T", " "), text)
    return text


def restore_database(ctx: AppContext, parent: QWidget | None) -> None:
    """Replace the open database's data with a backup, after checking it and asking.

    The backup is checked first (damaged, foreign or newer files are refused, nothing
    changes); the current data is kept as a safety copy; the restore is one transaction.
    """
    from volunteer_app.backup import inspect_backup, restore_backup

    path = choose_backup_file(parent, file_dialogs.start_directory(ctx.db.url))
    if path is None:
        return
    title = translate("FileActions", "Restore from a backup")
    passphrase = ask_passphrase_if_needed(parent, path)
    if passphrase is False:
        return

    def checked(info: dict) -> None:
        answer = QMessageBox.question(
            parent, title,
            arg(translate("FileActions", "Replace ALL data of the open database with the backup %1?\n\n%2\n\n"
                          "The current data is kept as a safety copy first."), path.name, describe_backup(info)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        db = ctx.db
        ctx.worker.submit(lambda: restore_backup(db, path, passphrase), restored, failed, owner=parent,
                          with_session=False, label="restore")

    def restored(result: dict) -> None:  # the core announced every topic
        QMessageBox.information(parent, title, arg(
            translate("FileActions", "The backup was restored. The data replaced is kept in %1."),
            result["safety_copy"]))

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, title, arg(translate("FileActions", "Nothing was changed: %1"),
                                               error_text(exc)))

    ctx.worker.submit(lambda: inspect_backup(path, passphrase), checked, failed, owner=parent,
                      with_session=False, label="restore")


def ask_passphrase_if_needed(parent: QWidget | None, path: Path) -> str | None | bool:
    """The passphrase of a passphrase backup (asked), None for any other file, False
    when the clerk cancels. A damaged header is left for the check to report."""
    from volunteer_app.backup_crypto import is_encrypted, needs_passphrase
    from volunteer_app.errors import DatabaseError

    try:
        if not is_encrypted(path) or not needs_passphrase(path):
            return None
    except (DatabaseError, OSError):
        return None
    from ui.common.passphrase_dialog import ask_restore_passphrase

    answer = ask_restore_passphrase(parent, path)
    return False if answer is None else answer
