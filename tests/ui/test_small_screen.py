"""Issue 18.14: the main screens are usable at 1366×768, the most common office
resolution, in Chinese and in English: no button, label, box or check box is narrower
than the text it has to show (Qt then cuts it: "enerate from templa", "2026年第50周(2026-W").

The planner's toolbar and week title are checked by name; every other screen by a sweep
over its visible widgets (word-wrapped labels may wrap, so they are left out).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QWidget

SIZE = (1366, 768)


def _cut(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() < widget.sizeHint().width()


def _describe(widget: QWidget) -> str:
    text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
    return f"{type(widget).__name__} {text!r}: {widget.width()} < {widget.sizeHint().width()}"


@pytest.fixture
def window_at_1366(ctx, qtbot, wait_idle):  # noqa: ANN001, ANN201
    """``open(language)``: the main window at 1366×768 in that language."""
    from ui.common.i18n import install_translators
    from ui.main_window import MainWindow

    def open_window(language: str):  # noqa: ANN202
        install_translators(language)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(*SIZE)
        window.show()
        wait_idle(ctx)
        return window

    return open_window


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_planner_toolbar_and_week_title_are_not_cut(window_at_1366, ctx, qtbot, wait_idle,  # noqa: ANN001
                                                    language: str) -> None:
    window = window_at_1366(language)
    window.show_screen("schedule")
    planner = window.screen_widget("schedule")
    wait_idle(ctx)
    qtbot.waitUntil(lambda: planner.plan is not None)
    qtbot.wait(50)  # the layout settles after the week's title is set
    assert window.width() == SIZE[0]
    toolbar = [planner.prev_button, planner.today_button, planner.next_button, planner.week_label,
               planner.date_edit, planner.mode_combo, planner.templates_button,
               planner.generate_button, planner.holidays_button, planner.copy_button,
               planner.oneoff_button, planner.history_button, planner.autofill_button]
    if language == "en":
        assert planner.generate_button.text() == "Generate from templates"
        assert planner.week_label.text().startswith("20") and "week" in planner.week_label.text()
    cut = [_describe(w) for w in toolbar if _cut(w)]
    assert not cut, cut


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_main_screen_cuts_its_words_at_1366(window_at_1366, ctx, qtbot, wait_idle,  # noqa: ANN001
                                               language: str) -> None:
    from ui.screens import SCREENS

    window = window_at_1366(language)
    cut: list[str] = []
    for spec in SCREENS:
        window.show_screen(spec.key)
        if window.current_screen_key != spec.key:
            continue  # not offered to this operator
        wait_idle(ctx)
        qtbot.wait(50)
        screen = window.screen_widget(spec.key)
        for kind in (QPushButton, QLabel, QComboBox, QCheckBox):
            for widget in screen.findChildren(kind):
                if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
                    continue
                if _cut(widget):
                    cut.append(f"{spec.key}: {_describe(widget)}")
    assert not cut, cut
