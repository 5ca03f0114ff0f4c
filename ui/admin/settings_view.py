"""Settings: community details (in the database) and this computer's preferences (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.admin import database_dialogs
from ui.common import file_actions
from ui.common.context import (
    KEY_LANGUAGE,
    KEY_OPERATOR,
    KEY_PAPER_SIZE,
    PAPER_SIZES,
    AppContext,
)
from ui.common.forms import FieldRow
from ui.texts.errors import error_text, field_problem_text
from volunteer_app import changes
from volunteer_app.errors import ValidationError
from volunteer_app.services import community as community_service
from volunteer_app.services.community import CommunityInfo

# Each language is named in itself, so a clerk can find theirs whatever is shown now.
LANGUAGE_NAMES = (("zh_CN", "中文（简体）"), ("en", "English"))


def _jobs_box(ctx: AppContext, parent: QWidget) -> QWidget | None:
    """The background jobs' settings box, delivered with the reminders feature if present."""
    import importlib.util

    if importlib.util.find_spec("ui.admin.jobs_settings_widget") is None:
        return None
    from ui.admin.jobs_settings_widget import JobsSettingsWidget

    return JobsSettingsWidget(ctx, parent)


class SettingsView(QWidget):
    """Community details, operator, language, database location, default paper size."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._community = CommunityInfo()
        self.setObjectName("settingsView")

        title = QLabel(self.tr("Settings"), self)
        title.setObjectName("pageTitle")

        # Community details live in the database: every PC of the office sees them.
        community_box = QGroupBox(self.tr("Community"), self)
        self.name_edit = QLineEdit(community_box)
        self.address_edit = QLineEdit(community_box)
        self.phone_edit = QLineEdit(community_box)
        self.hours_edit = QLineEdit(community_box)
        self.hours_edit.setPlaceholderText(self.tr("e.g. 周一至周五 9:00-12:30, 15:30-18:00"))
        self.community_rows = {
            "name": FieldRow(self.name_edit, community_box),
            "address": FieldRow(self.address_edit, community_box),
            "service_hall_phone": FieldRow(self.phone_edit, community_box),
            "service_hall_hours": FieldRow(self.hours_edit, community_box),
        }
        form = QFormLayout()
        form.addRow(self.tr("Community name *"), self.community_rows["name"])
        form.addRow(self.tr("Address"), self.community_rows["address"])
        form.addRow(self.tr("Service hall phone"), self.community_rows["service_hall_phone"])
        form.addRow(self.tr("Service hall hours"), self.community_rows["service_hall_hours"])
        self.save_community_button = QPushButton(self.tr("Save community details"), community_box)
        self.save_community_button.setObjectName("primary")
        self.community_status = QLabel(community_box)
        self.community_status.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.save_community_button)
        row.addWidget(self.community_status, 1)
        box_layout = QVBoxLayout(community_box)
        box_layout.addLayout(form)
        box_layout.addLayout(row)

        # Preferences of this computer (QSettings).
        local_box = QGroupBox(self.tr("This computer"), self)
        self.operator_edit = QLineEdit(ctx.operator_name, local_box)
        self.operator_edit.setPlaceholderText(self.tr("Name of the clerk at this computer"))
        self.language_combo = QComboBox(local_box)
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(ctx.language)))
        self.paper_combo = QComboBox(local_box)
        paper_names = {"A4": self.tr("A4 (210 \u00d7 297 mm)"),
                       "A3": self.tr("A3 (297 \u00d7 420 mm)"),
                       "Letter": self.tr("US Letter (8.5 \u00d7 11 in)")}
        for size in PAPER_SIZES:
            self.paper_combo.addItem(paper_names[size], size)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(ctx.paper_size)))
        local_form = QFormLayout(local_box)
        local_form.addRow(self.tr("Operator name"), self.operator_edit)
        local_form.addRow(self.tr("Language"), self.language_combo)
        local_form.addRow(self.tr("Default paper size"), self.paper_combo)

        # The database.
        db_box = QGroupBox(self.tr("Database"), self)
        self.db_label = QLabel(database_dialogs.display_location(ctx.db.url), db_box)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_label.setWordWrap(True)
        self.open_db_button = QPushButton(self.tr("Open another database\u2026"), db_box)
        self.new_db_button = QPushButton(self.tr("Create a new database\u2026"), db_box)
        self.server_button = QPushButton(self.tr("Connect to a server\u2026"), db_box)
        self.server_button.setObjectName("serverButton")
        self.server_dialog = None  # the open 连接服务器 dialog (tests use it)
        self.backup_button = QPushButton(self.tr("Back up\u2026"), db_box)
        db_hint = QLabel(self.tr("The registers, plans and requests are kept in this file. "
                                 "Back it up regularly, e.g. to a USB stick."), db_box)
        db_hint.setObjectName("hint")
        db_hint.setWordWrap(True)
        db_buttons = QHBoxLayout()
        db_buttons.addWidget(self.open_db_button)
        db_buttons.addWidget(self.new_db_button)
        db_buttons.addWidget(self.server_button)
        db_buttons.addWidget(self.backup_button)
        db_buttons.addStretch(1)
        db_layout = QVBoxLayout(db_box)
        db_layout.addWidget(self.db_label)
        db_layout.addWidget(db_hint)
        db_layout.addLayout(db_buttons)

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 12, 16, 12)
        body_layout.addWidget(title)
        body_layout.addWidget(community_box)
        body_layout.addWidget(local_box)
        body_layout.addWidget(db_box)
        jobs = _jobs_box(ctx, body)
        if jobs is not None:
            body_layout.addWidget(jobs)
        body_layout.addStretch(1)
        # Wide enough for the jobs' rows in English at 1366 pixels (at 900 Qt squeezed them
        # over each other, issue 18.14); still short lines on a wide screen.
        body.setMaximumWidth(1200)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.save_community_button.clicked.connect(self.save_community)
        self.operator_edit.editingFinished.connect(self._on_operator_edited)
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        self.paper_combo.currentIndexChanged.connect(self._on_paper_changed)
        self.open_db_button.clicked.connect(lambda: self._choose_database(create=False))
        self.new_db_button.clicked.connect(lambda: self._choose_database(create=True))
        self.server_button.clicked.connect(self.open_server_dialog)
        self.backup_button.clicked.connect(lambda: file_actions.backup_database(self.ctx, self))
        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)
        self.load_community()

    # -- community --------------------------------------------------------------------

    def load_community(self) -> None:
        self.ctx.worker.submit(community_service.get_community, self._on_community_loaded,
                               self._show_error, owner=self)

    def _on_community_loaded(self, info: CommunityInfo) -> None:
        self._community = info
        self.name_edit.setText(info.name)
        self.address_edit.setText(info.address)
        self.phone_edit.setText(info.service_hall_phone)
        self.hours_edit.setText(info.service_hall_hours)
        self.community_status.setText("")

    def save_community(self) -> None:
        info = CommunityInfo(self.name_edit.text(), self.address_edit.text(),
                             self.phone_edit.text(), self.hours_edit.text(),
                             self._community.timezone)
        for row in self.community_rows.values():
            row.set_error("")
        version = self._community.version  # another clerk's save meanwhile: stale, not lost

        def task(s):  # noqa: ANN001, ANN202
            community_service.save_community(s, info, expected_version=version)
            return community_service.get_community(s)  # the new version, for the next save

        self.ctx.worker.submit(task, self._on_community_saved, self._on_community_failed, owner=self)

    def _on_community_saved(self, info: CommunityInfo) -> None:
        self._community = info
        self.community_status.setText(self.tr("Saved."))

    def _on_community_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            for p in exc.problems:
                row = self.community_rows.get(p.field)
                if row is not None:
                    row.set_error(field_problem_text(p, include_field=False))
            self.community_status.setText(self.tr("Not saved: please correct the fields marked."))
            return
        self._show_error(exc)

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic == changes.COMMUNITY:
            self.load_community()

    # -- this computer ----------------------------------------------------------------

    def _on_operator_edited(self) -> None:
        name = self.operator_edit.text().strip()
        if name != self.ctx.operator_name:
            self.ctx.set_setting(KEY_OPERATOR, name)

    def _on_language_changed(self, _index: int) -> None:
        language = self.language_combo.currentData()
        if language != self.ctx.language:
            # The main window reinstalls the translators and rebuilds every screen.
            self.ctx.set_setting(KEY_LANGUAGE, language)

    def _on_paper_changed(self, _index: int) -> None:
        self.ctx.set_setting(KEY_PAPER_SIZE, self.paper_combo.currentData())

    # -- database ---------------------------------------------------------------------

    def _choose_database(self, create: bool) -> None:
        url = database_dialogs.choose_database(self, create=create, current_url=self.ctx.db.url)
        if url:
            self.ctx.request_database(url)

    def open_server_dialog(self):  # noqa: ANN201
        """连接服务器 (issue 18.17): the chosen server opens like a file, same refusals."""
        from ui.admin.server_dialog import ServerDialog

        dialog = ServerDialog(self.ctx, self)
        self.server_dialog = dialog
        dialog.accepted.connect(lambda: dialog.url and self.ctx.request_database(dialog.url))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Settings"), error_text(exc))
