"""Assigning a volunteer despite hard conflicts: the dialog lists the conflicts and asks
for the reason, which the services keep with the assignment.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.common.i18n import arg
from ui.planner.colours import COLOUR_HARD, COLOUR_SOFT
from ui.texts.planner import conflict_text
from volunteer_app.scheduling.conflicts import Conflict


class OverrideDialog(QDialog):
    """Asks for the reason to assign despite hard conflicts (stored with the assignment)."""

    def __init__(self, name: str, conflicts: Sequence[Conflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plannerOverrideDialog")
        self.setWindowTitle(self.tr("Assign despite conflicts?"))
        layout = QVBoxLayout(self)
        head = QLabel(arg(self.tr("%1 cannot normally take this shift:"), name), self)
        head.setWordWrap(True)
        layout.addWidget(head)
        for c in conflicts:
            lab = QLabel("• " + conflict_text(c), self)
            lab.setStyleSheet(f"color: {(COLOUR_HARD if c.hard else COLOUR_SOFT).name()};")
            layout.addWidget(lab)
        layout.addWidget(QLabel(self.tr("Reason for assigning anyway (kept with the assignment):"), self))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("overrideReason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. the captain agreed by phone"))
        layout.addWidget(self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Assign anyway"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._on_reason_edit_text_changed)
        self._on_reason_edit_text_changed("")

    def _on_reason_edit_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()
