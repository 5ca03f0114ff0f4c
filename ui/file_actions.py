"""File menu actions shared by the main window and the screens: import, export, backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from volunteer_app.db import backup_sqlite, sqlite_path
from volunteer_app.importexport import volunteers_io
from volunteer_app.services.volunteers import VolunteerFilter

from . import file_dialogs
from .context import AppContext
from .error_text import error_text
from .i18n import arg

translate = QCoreApplication.translate



def import_volunteers(ctx: AppContext, parent: QWidget | None) -> None:
    """Open the import dialog (choose file, preview, confirm)."""
    from .import_dialog import ImportDialog  # imported on use: keeps start-up light

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


def backup_database(ctx: AppContext, parent: QWidget | None) -> None:
    """Copy the open SQLite database, consistently, to a file the clerk chooses."""
    source = sqlite_path(ctx.db.url)
    if source is None:
        QMessageBox.information(
            parent, translate("FileActions", "Back up database"),
            translate("FileActions", "The open database is on a database server. Ask its administrator to back it "
               "up (for PostgreSQL: pg_dump)."))
        return
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    suggested = str(source.with_name(f"{source.stem}-backup-{stamp}{source.suffix or '.db'}"))
    target = file_dialogs.ask_save_path(parent, translate("FileActions", "Back up database"), suggested,
                                        file_dialogs.database_filter())
    if target is None:
        return
    if target.resolve() == source.resolve():
        QMessageBox.warning(parent, translate("FileActions", "Back up database"),
                            translate("FileActions", "Choose a different file: a backup cannot overwrite the open database."))
        return

    def done(written: Path) -> None:
        QMessageBox.information(parent, translate("FileActions", "Back up database"),
                                arg(translate("FileActions", "The database was backed up to %1."), written))

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, translate("FileActions", "Back up database"),
                            arg(translate("FileActions", "The backup failed: %1"), error_text(exc)))

    ctx.worker.submit(lambda: backup_sqlite(source, target), done, failed, owner=parent,
                      with_session=False, label="backup")
