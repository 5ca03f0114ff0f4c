"""Loading the UI language: the app's own .qm files, Qt's qtbase translations, the CJK font.

Source strings in the code are English; ``resources/translations/volunteer_app_zh_CN.ts``
holds the Chinese translations (see resources/translations/README.md).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
APP_CATALOGUE = "volunteer_app"

# Fonts that carry both Chinese and Latin glyphs, best first. WenQuanYi Zen Hei is what
# Debian installs (fonts-wqy-zenhei); the others are the usual Windows / macOS ones.
CJK_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
             "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimSun")

_installed: list[QTranslator] = []


def remove_translators() -> None:
    """Uninstall the app's translators: the UI shows the English source strings."""
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def app_qm_path(language: str) -> Path:
    """Path of the compiled catalogue of the app's own strings for a language."""
    return TRANSLATIONS_DIR / f"{APP_CATALOGUE}_{language}.qm"


def install_translators(language: str) -> bool:
    """Replace the installed translators with those for ``language`` ("zh_CN" or "en").

    Returns whether the app's own catalogue was found. Qt's qtbase catalogue translates
    the standard buttons and dialogs (确定/取消, the file dialog).
    """
    app = QCoreApplication.instance()
    remove_translators()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    own = QTranslator(app)
    found = own.load(str(app_qm_path(language)))
    if found:
        app.installTranslator(own)
        _installed.append(own)
    else:
        log.warning("translation catalogue %s not found", app_qm_path(language))
    QLocale.setDefault(QLocale(language))
    return found


def apply_cjk_font(app: QApplication, point_size: int = 10) -> str:
    """Make the UI font one that has Chinese glyphs; returns the family chosen ("" if none)."""
    available = set(QFontDatabase.families())
    chosen = next((f for f in CJK_FONTS if f in available), "")
    font = QFont(app.font())
    if chosen:
        # Keep the others as fallbacks for glyphs the first one lacks (e.g. Tibetan).
        font.setFamilies([chosen, *[f for f in CJK_FONTS if f in available and f != chosen]])
    if font.pointSize() < point_size:
        font.setPointSize(point_size)
    app.setFont(font)
    return chosen


def translated(context: str, table: dict[str, str], code: str, fallback: str | None = None) -> str:
    """The translation of ``table[code]`` (a QT_TRANSLATE_NOOP source) in ``context``.

    Codes the table does not know are shown as ``fallback`` (default: the code itself), so
    a value a newer core adds is visible rather than hidden.
    """
    src = table.get(code)
    if src is None:
        return code if fallback is None else fallback
    return QCoreApplication.translate(context, src)


def arg(text: str, *values: object) -> str:
    """Fill Qt-style placeholders %1, %2 ... (translators may reorder them)."""
    for i in range(len(values), 0, -1):  # %10 before %1
        text = text.replace(f"%{i}", str(values[i - 1]))
    return text
