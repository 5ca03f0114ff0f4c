"""The duties a change of the holiday table affects, shown before it is applied (issue 18).

Entering 元旦 after the duties were generated left its small inspections on the holiday,
and a make-up working day silently dropped the Saturday duties. The holidays dialog now
lists here the duties to remove (with the people planned on them), the duties to add on a
make-up working day and those kept (served, or edited by hand); the clerk applies the
change with its duties as one undoable change, changes the table only, or cancels.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.i18n import arg
from volunteer_app.services.holiday_changes import AffectedShift, HolidayEffects

REPLAN, TABLE_ONLY = "replan", "table"


class HolidayEffectsDialog(QDialog):
    """Asks how to apply a change of the holiday table that moves duties."""

    def __init__(self, effects: HolidayEffects, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plannerHolidayEffectsDialog")
        self.setWindowTitle(self.tr("Duties affected by the holiday change"))
        self.resize(560, 420)
        self.choice: str | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        for title, rows in ((self.tr("To remove:"), effects.remove), (self.tr("To add:"), effects.add),
                            (self.tr("Kept (served or edited by hand):"), effects.kept)):
            if rows:
                self.list.addItem(title)
                for a in rows:
                    self.list.addItem(self._line(a))
        parts = [arg(self.tr("%1 duties to remove, %2 to add."), len(effects.remove), len(effects.add))]
        if effects.people:
            parts.append(arg(self.tr("Planned on the duties to remove: %1"), "、".join(effects.people)))
        self.summary.setText(" ".join(parts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.replan_button = QPushButton(self.tr("Apply and change the duties"), self)
        self.table_button = QPushButton(self.tr("Change the table only"), self)
        buttons.addButton(self.replan_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.table_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.replan_button.clicked.connect(lambda: self._choose(REPLAN))
        self.table_button.clicked.connect(lambda: self._choose(TABLE_ONLY))
        buttons.rejected.connect(self.reject)
        self.replan_button.setEnabled(not effects.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _line(self, a: AffectedShift) -> str:
        text = f"  {a.date:%Y-%m-%d} {a.start:%H:%M}-{a.end:%H:%M} {a.title}"
        if a.team:
            text += f"（{a.team}）"
        if a.people:
            text += " — " + arg(self.tr("planned: %1"), "、".join(a.people))
        return text

    def lines(self) -> list[str]:
        """What the list shows, top to bottom."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def ask(self) -> str | None:
        """REPLAN, TABLE_ONLY, or None when cancelled."""
        self.exec()
        return self.choice
