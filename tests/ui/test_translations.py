"""Translations: every UI string has Chinese, the built catalogues load, Qt's own too."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator


def test_every_ui_string_has_a_chinese_translation(capsys) -> None:  # noqa: ANN001
    from tools import i18n_build

    if shutil.which("pyside6-lupdate") is None and not (
            i18n_build.Path(i18n_build.sys.executable).parent / "pyside6-lupdate").exists():
        pytest.skip("pyside6-lupdate not installed")
    missing = i18n_build.check()
    assert missing == 0, capsys.readouterr().out


def test_built_catalogues_match_their_sources() -> None:
    """Every finished translation in a .ts is in its .qm (someone ran lrelease)."""
    import xml.etree.ElementTree as ET

    from tools import i18n_build

    for language in ("zh_CN", "en"):
        translator = QTranslator()
        assert translator.load(str(i18n_build.qm_path(language)))
        tree = ET.parse(i18n_build.ts_path(language))
        stale = []
        for context in tree.getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                tr = message.find("translation")
                if message.get("numerus") == "yes" or tr is None or tr.get("type") or not tr.text:
                    continue
                source = message.findtext("source")
                comment = message.findtext("comment") or None
                if translator.translate(name, source, comment) != tr.text:
                    stale.append((name, source))
        assert stale == [], f"{language}: run python -m tools.i18n_build ({len(stale)} stale)"
    zh = QTranslator()
    zh.load(str(i18n_build.qm_path("zh_CN")))
    assert zh.translate("Screens", "Volunteers") == "志愿者"
    assert zh.translate("VolunteersView", "%n volunteer(s) shown", "", 3) == "共 %n 人"  # %n is filled by QCoreApplication.translate
    en = QTranslator()
    en.load(str(i18n_build.qm_path("en")))
    assert en.translate("VolunteersView", "%n volunteer(s) shown", "", 1) == "%n volunteer shown"


def test_qt_own_strings_are_chinese(app) -> None:  # noqa: ANN001
    assert QTranslator().load("qtbase_zh_CN",
                              QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_ui_font_has_chinese_glyphs(app) -> None:  # noqa: ANN001
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    metrics = QFontMetrics(QApplication.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "志愿者队伍网格")
