"""Start-up: the main window is shown before any screen, the database layer, Qt's big
``Qt`` namespace or QEvent is loaded (each of those is paid after the first paint).

Checked in a fresh interpreter, since this test session has long loaded all of them.
Behaviour only (what is imported, what the window holds), never timings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ui.screens import SCREENS

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys
from PySide6 import QtCore
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QListWidget
lazy_qt = "Qt" not in QtCore.__dict__  # this PySide6 builds its classes on first use
from ui.app import create_application
app = create_application()
from ui.common.context import make_settings
from ui.main_window import MainWindow
window = MainWindow(None, settings=make_settings())
window.show()
while not (window.windowHandle() is not None and window.windowHandle().isExposed()):
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
sidebar = window.findChild(QListWidget, "sidebar")
report = {
    "lazy_qt": lazy_qt,
    "qt_loaded": "Qt" in QtCore.__dict__,
    "qevent_loaded": "QEvent" in QtCore.__dict__,
    "modules": sorted(sys.modules),
    "sidebar": [sidebar.item(i).data(0x100 + 1) for i in range(sidebar.count())],
}
# What the window was given without ``Qt``, checked with it now.
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
report["no_hscroll"] = sidebar.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
report["import_key"] = window.action_import.shortcut().toString()
report["view_key"] = [a.shortcut().toString() for a in window.menuBar().actions()[1].menu().actions()][:2]
report["open_key"] = window.action_open_db.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
print(json.dumps(report))
"""


def test_window_shown_before_screens_database_and_qt_namespace_load() -> None:
    res = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert res.returncode == 0, res.stderr[-3000:]
    report = json.loads(res.stdout.strip().splitlines()[-1])
    modules = set(report["modules"])
    assert not modules & {f"ui.{spec.module}" for spec in SCREENS}  # screens come later
    assert not {m.split(".")[0] for m in modules} & {"sqlalchemy", "alembic"}
    assert "volunteer_app.db" not in modules
    if report["lazy_qt"]:
        assert not report["qt_loaded"], "something before show() used PySide6's Qt namespace"
        assert not report["qevent_loaded"], "something before show() used QEvent or a subclass"
    # The real window all the same: every screen in the sidebar, menus with their keys.
    assert report["sidebar"] == [spec.key for spec in SCREENS]
    assert report["no_hscroll"]
    assert report["import_key"] == "Ctrl+I"
    assert report["view_key"] == ["Ctrl+1", "Ctrl+2"]
    assert report["open_key"]
