"""Asking before an edit dialog's changes are thrown away.

An edit dialog closed with Esc, the window's close button or its Cancel button used to
drop what the clerk had typed without a word. :class:`DirtyTracker` remembers the form's
values once they are loaded (:meth:`DirtyTracker.mark_clean`) and, when the user closes
the dialog with changed values, asks "放弃对志愿者“张三”的修改吗？" with 放弃修改 / 继续编辑
(Esc on the question keeps editing). An unchanged form closes without asking.

How it is wired, so a dialog needs no subclass: the tracker is an event filter on the
dialog (Esc reaches the dialog after the focused field ignores it; the window's close
button arrives as a *spontaneous* close event, one from the window system) and the
dialog connects its Cancel button to :meth:`DirtyTracker.cancel` instead of ``reject``.
What the code does itself does not ask, only the user's ways of closing do: a
``reject()`` after a failed load, ``close()`` (pytest-qt closes the widgets a test
leaves open), the parent window going away.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ui.common.i18n import arg

_UNSET = object()


def ask_discard(parent: QWidget, subject: str) -> bool:
    """Ask whether to throw away the changes to ``subject``; True to discard.

    Esc and closing the question keep editing (the safe answer)."""
    box = QMessageBox(parent)
    box.setObjectName("discardChangesBox")
    box.setIcon(QMessageBox.Icon.Question)
    translate = QCoreApplication.translate  # literal strings: lupdate extracts them
    box.setWindowTitle(translate("DiscardChanges", "Unsaved changes"))
    box.setText(arg(translate("DiscardChanges", "Discard the changes to %1?"), subject))
    discard = box.addButton(translate("DiscardChanges", "Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(translate("DiscardChanges", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
    discard.setObjectName("discardButton")
    keep.setObjectName("keepEditingButton")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


class DirtyTracker(QObject):
    """Watches one edit dialog: asks before its changed values are lost.

    ``snapshot`` returns the form's values as something comparable (a tuple, a
    dataclass); ``subject`` names what is edited for the question, e.g. 志愿者“张三”.
    Until :meth:`mark_clean` is first called (the form is still loading) nothing is lost
    by closing, so nothing is asked. While ``busy`` says a save is on its way the dialog
    stays open without a question: its outcome, not a "discard", decides what is kept.
    """

    def __init__(self, dialog: QDialog, snapshot: Callable[[], object],
                 subject: Callable[[], str], busy: Callable[[], bool] | None = None) -> None:
        super().__init__(dialog)
        self.setObjectName("dirtyTracker")
        self._dialog = dialog
        self._snapshot = snapshot
        self._subject = subject
        self._busy = busy or (lambda: False)
        self._clean: object = _UNSET
        dialog.installEventFilter(self)

    def mark_clean(self) -> None:
        """The form's values now are the saved ones (after loading, or after a save that
        keeps the dialog open)."""
        self._clean = self._snapshot()

    def is_dirty(self) -> bool:
        """Whether closing now would lose something the user changed."""
        return self._clean is not _UNSET and self._snapshot() != self._clean

    def may_close(self) -> bool:
        """True when nothing would be lost or the user chose to discard it (never while
        a save is on its way)."""
        if self._busy():
            return False
        if not self.is_dirty():
            return True
        return ask_discard(self._dialog, self._subject())

    def cancel(self) -> None:
        """The Cancel button: close unless the user keeps editing."""
        if self.may_close():
            self._dialog.reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        # While Qt tears the dialog down its events may still pass here, after Python has
        # let go of this wrapper's attributes.
        if watched is not getattr(self, "_dialog", None):
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if event.key() == Qt.Key.Key_Escape and plain:
                self.cancel()
                return True  # handled here: QDialog would reject without asking
        elif (event.type() == QEvent.Type.Close and event.spontaneous()
              and self._dialog.isVisible() and not self.may_close()):
            event.ignore()
            return True
        return False
