"""The teams register: umbrella team and branch teams, members and their roles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common import roles
from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.common.icons import icon
from ui.registers.member_picker_dialog import MemberPickerDialog
from ui.registers.team_dialog import TeamDialog
from ui.texts.errors import error_text
from ui.texts.registers import kind_text, role_text
from volunteer_app import changes
from volunteer_app.services import teams as team_service
from volunteer_app.services.teams import MemberRow, TeamRow

ROLE_TEAM_ID = Qt.ItemDataRole.UserRole + 1
ROLE_VOLUNTEER_ID = Qt.ItemDataRole.UserRole + 2
ROLE_MEMBER_ROLE = Qt.ItemDataRole.UserRole + 3


def colour_icon(colour: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(colour))
    return QIcon(pix)


class TeamsView(QWidget):
    """Tree of teams on the left, the chosen team's members on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._teams: list[TeamRow] = []
        self._members: list[MemberRow] = []
        self._select_team_after_load: int | None = None
        self.picker: MemberPickerDialog | None = None
        self.setObjectName("teamsView")

        title = QLabel(self.tr("Teams"), self)
        title.setObjectName("pageTitle")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("teamTree")
        self.tree.setHeaderLabels([self.tr("Team"), self.tr("Members"), self.tr("Captain")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.new_team_button = QPushButton(icon("add"), self.tr("New team\u2026"), self)
        self.edit_team_button = QPushButton(self.tr("Edit\u2026"), self)
        self.delete_team_button = QPushButton(self.tr("Delete\u2026"), self)
        team_buttons = QHBoxLayout()
        team_buttons.addWidget(self.new_team_button)
        team_buttons.addWidget(self.edit_team_button)
        team_buttons.addWidget(self.delete_team_button)
        team_buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(team_buttons)

        self.team_title = QLabel(self)
        self.team_title.setObjectName("pageTitle")
        self.team_info = QLabel(self)
        self.team_info.setObjectName("hint")
        self.team_info.setWordWrap(True)
        self.members_table = QTableWidget(0, 5, self)
        self.members_table.setObjectName("membersTable")
        self.members_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Mobile phone"), self.tr("Role"), self.tr("Member since"),
             self.tr("Status")])
        self.members_table.verticalHeader().hide()
        self.members_table.verticalHeader().setDefaultSectionSize(28)
        self.members_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_table.setAlternatingRowColors(True)
        self.members_table.setShowGrid(False)
        mh = self.members_table.horizontalHeader()
        mh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, 4):
            mh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.add_members_button = QPushButton(icon("add"), self.tr("Add members\u2026"), self)
        self.add_members_button.setObjectName("primary")
        self.captain_button = QPushButton(self.tr("Make captain"), self)
        self.deputy_button = QPushButton(self.tr("Make deputy"), self)
        self.member_button = QPushButton(self.tr("Make plain member"), self)
        self.remove_button = QPushButton(self.tr("Remove from team\u2026"), self)
        member_buttons = QHBoxLayout()
        for b in (self.add_members_button, self.captain_button, self.deputy_button,
                  self.member_button):
            member_buttons.addWidget(b)
        member_buttons.addStretch(1)
        member_buttons.addWidget(self.remove_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.team_title)
        right_layout.addWidget(self.team_info)
        right_layout.addLayout(member_buttons)
        right_layout.addWidget(self.members_table, 1)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

        self.tree.currentItemChanged.connect(self._on_tree_current_changed)
        self.members_table.itemSelectionChanged.connect(self._update_buttons)
        roles.deny_unless(self.ctx, "teams.edit", self.new_team_button, self.edit_team_button,
                          self.delete_team_button, self.add_members_button, self.captain_button,
                          self.deputy_button, self.member_button, self.remove_button)
        self.new_team_button.clicked.connect(self._on_new_team_clicked)
        self.edit_team_button.clicked.connect(self._on_edit_team_clicked)
        self.delete_team_button.clicked.connect(self._on_delete_team_clicked)
        self.add_members_button.clicked.connect(self.open_picker)
        self.captain_button.clicked.connect(lambda: self.set_role_of_selected("captain"))
        self.deputy_button.clicked.connect(lambda: self.set_role_of_selected("deputy"))
        self.member_button.clicked.connect(lambda: self.set_role_of_selected("member"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)
        self._update_buttons()
        self.load_teams()

    # -- teams ------------------------------------------------------------------------

    def load_teams(self) -> None:
        self.ctx.worker.submit(team_service.list_teams, self._on_teams_loaded,
                               self._show_error, owner=self)

    def _on_teams_loaded(self, teams: list[TeamRow]) -> None:
        keep = self._select_team_after_load or self.current_team_id()
        self._select_team_after_load = None
        self._teams = teams
        self.tree.blockSignals(True)
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for t in teams:  # umbrella teams come first, so parents exist before children
            parent = items.get(t.parent_id) if t.parent_id else None
            item = QTreeWidgetItem(parent or self.tree)
            item.setText(0, t.name)
            item.setIcon(0, colour_icon(t.colour))
            item.setText(1, str(t.member_count))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setText(2, t.captain or "")
            item.setToolTip(0, t.description)
            item.setData(0, ROLE_TEAM_ID, t.id)
            items[t.id] = item
        self.tree.expandAll()
        self.tree.blockSignals(False)
        target = items.get(keep) if keep else None
        if target is None and teams:
            target = items[teams[0].id]
        if target is not None:
            self.tree.setCurrentItem(target)
        else:
            self._show_team(None)

    def current_team_id(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(0, ROLE_TEAM_ID)) if item is not None else None

    def current_team(self) -> TeamRow | None:
        tid = self.current_team_id()
        return next((t for t in self._teams if t.id == tid), None)

    def select_team(self, team_id: int) -> bool:
        for item in self._all_items():
            if item.data(0, ROLE_TEAM_ID) == team_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return out

    def _on_tree_current_changed(self, *_args: object) -> None:
        self._show_team(self.current_team())

    def _show_team(self, team: TeamRow | None) -> None:
        if team is None:
            self.team_title.setText(self.tr("No team yet"))
            self.team_info.setText(self.tr("Create the umbrella team first, then its branch teams."))
            self._fill_members([])
            self._update_buttons()
            return
        self.team_title.setText(team.name)
        parts = [kind_text(team.kind)]
        if team.parent:
            parts.append(arg(self.tr("branch of %1"), team.parent))
        if team.captain:
            parts.append(arg(self.tr("captain: %1 %2"), team.captain, team.captain_phone or ""))
        info = " \u00b7 ".join(parts)
        if team.description:
            info += "\n" + team.description
        self.team_info.setText(info)
        self.load_members()

    def load_members(self) -> None:
        tid = self.current_team_id()
        if tid is None:
            return
        self.ctx.worker.submit(lambda s: team_service.members(s, tid),
                               lambda rows: self._on_members_loaded(tid, rows),
                               self._show_error, owner=self)

    def _on_members_loaded(self, team_id: int, rows: list[MemberRow]) -> None:
        if team_id == self.current_team_id():
            self._fill_members(rows)

    def _fill_members(self, rows: list[MemberRow]) -> None:
        selected = set(self.selected_member_ids())
        self._members = rows
        table = self.members_table
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        grey = QBrush(QColor("#8d7f78"))
        for r, m in enumerate(rows):
            cells = [m.name, m.mobile, role_text(m.role),
                     m.since.isoformat() if m.since else "",
                     self.tr("Active") if m.active else self.tr("Left")]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE_VOLUNTEER_ID, m.volunteer_id)
                item.setData(ROLE_MEMBER_ROLE, m.role)
                if not m.active:
                    item.setForeground(grey)
                if c == 2 and m.role != "member":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)
        table.clearSelection()
        for r, m in enumerate(rows):
            if m.volunteer_id in selected:
                table.selectRow(r)
        self._update_buttons()

    @property
    def members(self) -> list[MemberRow]:
        return list(self._members)

    def selected_member_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.members_table.selectionModel().selectedRows()})
        return [self._members[r].volunteer_id for r in rows if r < len(self._members)]

    def select_members(self, volunteer_ids: list[int]) -> None:
        """Select members by id (keyboard users and tests)."""
        self.members_table.clearSelection()
        mode = self.members_table.selectionMode()
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r, m in enumerate(self._members):
            if m.volunteer_id in volunteer_ids:
                self.members_table.selectRow(r)
        self.members_table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        has_team = self.current_team_id() is not None
        selected = self.selected_member_ids()
        roles.enable(self.edit_team_button, has_team)
        roles.enable(self.delete_team_button, has_team)
        roles.enable(self.add_members_button, has_team)
        roles.enable(self.captain_button, len(selected) == 1)
        roles.enable(self.deputy_button, bool(selected))
        roles.enable(self.member_button, bool(selected))
        roles.enable(self.remove_button, bool(selected))

    # -- team actions -----------------------------------------------------------------

    def _on_new_team_clicked(self) -> None:
        dialog = TeamDialog(self.ctx, self._teams, None, self)
        dialog.sig_saved.connect(self._remember_team)
        dialog.open()

    def _on_edit_team_clicked(self) -> None:
        team = self.current_team()
        if team is not None:
            dialog = TeamDialog(self.ctx, self._teams, team, self)
            dialog.sig_saved.connect(self._remember_team)
            dialog.open()

    def _remember_team(self, team_id: int) -> None:
        self._select_team_after_load = team_id

    def _on_delete_team_clicked(self) -> None:
        team = self.current_team()
        if team is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete team"),
            arg(self.tr("Delete the team %1? Only a team without members and branch teams "
                        "can be deleted."), team.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.worker.submit(lambda s: team_service.delete_team(s, team.id), None,
                               self._show_error, owner=self)

    # -- member actions ---------------------------------------------------------------

    def open_picker(self) -> MemberPickerDialog | None:
        """Open the searchable multi-select picker for the current team; returns it."""
        team = self.current_team()
        if team is None:
            return None
        picker = MemberPickerDialog(self.ctx, team.name, {m.volunteer_id for m in self._members},
                                    self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.accepted.connect(lambda: self.add_members(team.id, picker.chosen_ids, picker.role))
        picker.destroyed.connect(lambda *_a: setattr(self, "picker", None))
        self.picker = picker
        picker.open()
        return picker

    def add_members(self, team_id: int, volunteer_ids: list[int], role: str = "member") -> None:
        if not volunteer_ids:
            return

        def task(s):  # noqa: ANN001, ANN202
            added = team_service.add_members(s, team_id, volunteer_ids, "member")
            if role != "member":
                for vid in volunteer_ids:
                    team_service.set_role(s, team_id, vid, role)
            return added

        self.ctx.worker.submit(task, None, self._show_error,
                               owner=self)

    def set_role_of_selected(self, role: str) -> None:
        team_id, ids = self.current_team_id(), self.selected_member_ids()
        if team_id is None or not ids or (role == "captain" and len(ids) != 1):
            return
        # The roles as this list showed them: another clerk's change meanwhile is stale.
        seen = {m.volunteer_id: m.version for m in self._members}

        def task(s):  # noqa: ANN001, ANN202
            for vid in ids:
                team_service.set_role(s, team_id, vid, role, expected_version=seen.get(vid))

        self.ctx.worker.submit(task, None, self._show_error,
                               owner=self)

    def _on_remove_clicked(self) -> None:
        ids = self.selected_member_ids()
        team = self.current_team()
        if not ids or team is None:
            return
        names = [m.name for m in self._members if m.volunteer_id in ids]
        answer = QMessageBox.question(
            self, self.tr("Remove from team"),
            arg(self.tr("Remove %1 from %2? They stay in the volunteer register."),
                "\u3001".join(names[:8]) + ("\u2026" if len(names) > 8 else ""), team.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_members(team.id, ids)

    def remove_members(self, team_id: int, volunteer_ids: list[int]) -> None:
        def task(s):  # noqa: ANN001, ANN202
            for vid in volunteer_ids:
                team_service.remove_member(s, team_id, vid)

        self.ctx.worker.submit(task, None, self._show_error, owner=self)

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in (changes.TEAMS, changes.VOLUNTEERS):
            self.load_teams()

    def refresh(self) -> None:
        self.load_teams()

    def _show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Teams"), error_text(exc))
