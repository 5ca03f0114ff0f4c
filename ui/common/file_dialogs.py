"""File choosers used across the app, in one place so tests can replace them.

Tests monkeypatch these functions (e.g. ``ask_open_path``) instead of driving a native
file dialog, which would block an offscreen test run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from volunteer_app.db import sqlite_path
from volunteer_app.paths import data_dir

translate = QCoreApplication.translate



def start_directory(url: str | None) -> str:
    """Folder to start a file dialog in: the open database's folder, else the data folder."""
    path = sqlite_path(url) if url else None
    return str(path.parent if path is not None else data_dir())


def database_filter() -> str:
    return translate("FileDialogs", "Database files (*.db *.sqlite *.sqlite3);;All files (*)")


def spreadsheet_filter() -> str:
    return translate("FileDialogs", "Excel workbook (*.xlsx);;CSV file (*.csv)")


def ask_open_path(parent: QWidget | None, title: str, directory: str, name_filter: str) -> Path | None:
    """Ask for an existing file; None when the clerk cancels."""
    path, _ = QFileDialog.getOpenFileName(parent, title, directory, name_filter)
    return Path(path) if path else None


def ask_save_path(parent: QWidget | None, title: str, suggested: str, name_filter: str) -> Path | None:
    """Ask where to write a file; None when the clerk cancels.

    A missing suffix is completed from the chosen filter (first pattern), so "名单" with
    the Excel filter becomes "名单.xlsx".
    """
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    if not path:
        return None
    result = Path(path)
    if not result.suffix and "*." in chosen:
        ext = chosen.split("*.", 1)[1].split(")", 1)[0].split()[0]
        result = result.with_suffix("." + ext)
    return result
