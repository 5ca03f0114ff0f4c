"""The core (volunteer_app/) never imports Qt: only ui/ may."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "volunteer_app"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "ui")


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant)):
            names = [str(node.args[0].value)]
        else:
            continue
        for name in names:
            if name.split(".")[0] in QT_MODULES:
                where = path.relative_to(CORE.parent) if path.is_relative_to(CORE.parent) else path
                found.append(f"{where}:{node.lineno}: {name}")
    return found


def test_no_core_module_imports_qt() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 10
    offenders = [hit for f in files for hit in _qt_imports(f)]
    # The one allowed exception: the command line opens the desktop app on demand.
    offenders = [o for o in offenders if not o.startswith("volunteer_app/cli/__init__.py")
                 or not o.endswith(": ui.app")]
    assert offenders == []


def test_scanner_catches_an_import(tmp_path: Path) -> None:
    bad = tmp_path / "probe.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport shiboken6\n"
                   "def f():\n    from PySide6 import QtWidgets\n", encoding="utf-8")
    assert len(_qt_imports(bad)) == 3


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(CORE.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in CORE.rglob("*.py")
        if "migrations" not in p.parts and p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{QT_MODULES!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=True)
    assert out.stdout.strip() == ""
