"""A database file that is damaged (cut short, bytes overwritten) does not open: the dialog
says so in the clerk's language, never with SQLite's English error, names the newest
nightly backup and offers it first when the clerk restores into a new file."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ui.admin import database_dialogs
from ui.common import file_actions
from volunteer_app.backup import create_backup
from volunteer_app.paths import data_dir, sqlite_url
from volunteer_app.services import volunteers as vs

SQLITE_ENGLISH = ("malformed", "btree", "Page ", "error code", "not a database", "disk image")


def _damaged(kind: str, path: Path) -> None:
    data = path.read_bytes()
    if kind == "cut short":
        path.write_bytes(data[: len(data) // 3])
    else:  # random bytes over a page in the middle
        at = (len(data) // 2) // 4096 * 4096
        path.write_bytes(data[:at] + random.Random(7).randbytes(4096) + data[at + 4096:])


@pytest.mark.parametrize("kind", ["cut short", "overwritten"])
def test_damaged_database_dialog_explains_and_offers_the_newest_backup(
        app, qtbot, demo_db, tmp_path: Path, monkeypatch, kind: str) -> None:  # noqa: ANN001
    path = tmp_path / "office" / "volunteer.db"
    path.parent.mkdir()
    create_backup(demo_db, path)  # a copy of the demo community, as the office's database
    backups = data_dir() / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    for stamp in ("20261205-020000", "20261206-020000"):
        shutil.copyfile(path, backups / f"volunteer-{stamp}.db")
    newest = backups / "volunteer-20261206-020000.db"
    _damaged(kind, path)
    damaged = path.read_bytes()

    shown: list[str] = []
    offered: list[str] = []

    def press_restore(box: QMessageBox) -> int:
        shown.append(box.text() + "\n" + box.informativeText())
        if len(shown) == 1:
            button = next(b for b in box.buttons() if "Restore" in b.text() or "恢复" in b.text())
        else:  # asked again: the restore failed; give up rather than loop
            button = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
        box.clickedButton = lambda: button  # noqa: ARG005
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_restore)
    monkeypatch.setattr(file_actions, "choose_backup_file",
                        lambda parent, directory: offered.append(directory) or Path(directory))
    target = tmp_path / "rebuilt.db"
    monkeypatch.setattr(database_dialogs, "choose_database",
                        lambda parent, create, current_url=None: sqlite_url(target))
    db = database_dialogs.open_interactive(sqlite_url(path), None)
    assert shown, "the damaged file was opened as if nothing were wrong"
    text = shown[0]
    for english in SQLITE_ENGLISH:
        assert english not in text, (english, text)
    tr = QCoreApplication.translate
    assert tr("DatabaseDialogs", "The file is damaged (it may have been cut short or partly "
              "overwritten) and cannot be used. Nothing was written to it.") in text
    assert "文件已损坏" in text and "从备份恢复" in text  # in Chinese, the app's language
    assert str(newest) in text
    assert offered == [str(newest)]  # the file chooser opens on the newest backup
    assert db is not None and db.url == sqlite_url(target)
    with db.session() as s:
        assert vs.count(s, vs.VolunteerFilter(active=None)) == 152
    db.dispose()
    assert path.read_bytes() == damaged  # the damaged file is kept as it was
