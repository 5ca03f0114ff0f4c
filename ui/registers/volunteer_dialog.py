"""Add / edit a volunteer, with inline validation by the core's validators; and leaving."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common import roles
from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.forms import FieldRow, within_years
from ui.common.i18n import arg
from ui.texts.errors import error_text, field_problem_text
from ui.texts.registers import ROLE_CODES, role_text
from volunteer_app.errors import ConflictError, FieldProblem, ValidationError
from volunteer_app.services import grids as grid_service
from volunteer_app.services import teams as team_service
from volunteer_app.services import volunteers as vol_service
from volunteer_app.services.volunteers import POLITICAL_STATUSES, VolunteerData, VolunteerDetail


class VolunteerDialog(QDialog):
    """Form with every field of a volunteer; Save stays disabled until the form is valid.

    Validation runs the core's validators (``volunteers.validate``) on every change and
    shows the translated reason under the field; whether the mobile number is already
    registered is checked on the database worker. Saving runs on the worker too.
    """

    sig_saved = Signal(int)  # volunteer id, after the unit of work committed

    VALIDATED = ("name", "mobile", "gender", "id_number", "political_status", "occupation",
                 "skills", "notes")

    def __init__(self, ctx: AppContext, volunteer_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volunteer_id = volunteer_id
        self._detail: VolunteerDetail | None = None
        self._touched: set[str] = set()
        self._problems: dict[str, FieldProblem] = {}
        self._duplicate_of: str | None = None  # mobile known to belong to someone else
        self._saving = False
        self._loaded = False
        self._save_problems: list[FieldProblem] = []
        self.setObjectName("volunteerDialog")
        self.setWindowTitle(self.tr("Add volunteer") if volunteer_id is None
                            else self.tr("Edit volunteer"))
        self.setMinimumSize(900, 660)

        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. 张三 or 格桑·伦珠"))
        self.gender_combo = QComboBox(self)
        self.gender_combo.addItem(self.tr("Not given"), None)
        self.gender_combo.addItem(self.tr("Male"), "male")
        self.gender_combo.addItem(self.tr("Female"), "female")
        self.mobile_edit = QLineEdit(self)
        self.mobile_edit.setPlaceholderText(self.tr("11 digits, e.g. 13800138000"))
        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText(self.tr("18 characters (optional)"))
        # The number is shown masked; roles that may see ID numbers reveal it here, and the
        # core records each reveal in the audit log (volunteers.reveal_id_number).
        self.reveal_button = QPushButton(self.tr("Show"), self)
        self.reveal_button.setObjectName("revealIdButton")
        self.reveal_button.setToolTip(self.tr("Show the full ID number (recorded in the audit log)"))
        self.reveal_button.hide()
        self.reveal_button.clicked.connect(self._on_reveal_clicked)
        self._revealed: str | None = None  # the full number, once revealed
        self.grid_combo = QComboBox(self)
        self.political_combo = QComboBox(self)
        self.political_combo.setEditable(True)
        self.political_combo.addItem("")
        self.political_combo.addItems(list(POLITICAL_STATUSES))
        self.party_check = QCheckBox(self.tr("Party-member central household (党员中心户)"), self)
        self.occupation_edit = QLineEdit(self)
        self.occupation_edit.setPlaceholderText(self.tr("e.g. delivery rider at 美团外卖"))
        self.skills_edit = QLineEdit(self)
        self.skills_edit.setPlaceholderText(self.tr("e.g. first aid, Tibetan-Chinese interpreting"))
        self.joined_edit = QDateEdit(self)
        self.joined_edit.setCalendarPopup(True)
        self.joined_edit.setDisplayFormat("yyyy-MM-dd")
        self.joined_edit.setDate(QDate.currentDate())
        within_years(self.joined_edit)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(64)

        self.rows: dict[str, FieldRow] = {
            "name": FieldRow(self.name_edit, self),
            "gender": FieldRow(self.gender_combo, self),
            "mobile": FieldRow(self.mobile_edit, self),
            "id_number": FieldRow(self.id_edit, self),
            "political_status": FieldRow(self.political_combo, self),
            "occupation": FieldRow(self.occupation_edit, self),
            "skills": FieldRow(self.skills_edit, self),
            "notes": FieldRow(self.notes_edit, self),
        }
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(self.tr("Name *"), self.rows["name"])
        left.addRow(self.tr("Mobile phone *"), self.rows["mobile"])
        left.addRow(self.tr("Gender"), self.rows["gender"])
        id_box = QWidget(self)
        id_layout = QHBoxLayout(id_box)
        id_layout.setContentsMargins(0, 0, 0, 0)
        id_layout.addWidget(self.rows["id_number"], 1)
        id_layout.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignTop)
        left.addRow(self.tr("ID card number"), id_box)
        left.addRow(self.tr("Grid"), self.grid_combo)
        left.addRow(self.tr("Joined on"), self.joined_edit)
        right = QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        right.addRow(self.tr("Political status"), self.rows["political_status"])
        right.addRow("", self.party_check)
        right.addRow(self.tr("Occupation / employer"), self.rows["occupation"])
        right.addRow(self.tr("Skills"), self.rows["skills"])
        right.addRow(self.tr("Notes"), self.rows["notes"])
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)

        self.teams_table = QTableWidget(0, 2, self)
        self.teams_table.setObjectName("teamsTable")
        self.teams_table.setHorizontalHeaderLabels([self.tr("Team"), self.tr("Role")])
        self.teams_table.verticalHeader().hide()
        self.teams_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.teams_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.teams_table.setColumnWidth(1, 130)
        self.teams_table.verticalHeader().setDefaultSectionSize(32)
        self.teams_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.teams_table.setMinimumHeight(150)
        teams_box = QGroupBox(self.tr("Teams (tick the teams the volunteer serves in)"), self)
        QVBoxLayout(teams_box).addWidget(self.teams_table)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("primary")
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_save_clicked)
        # Issue 18.5: windows, leave and limits from the volunteer's own record too, not
        # only from the planner's candidate list (an existing volunteer, a role that may).
        self.availability_button = None
        if volunteer_id is not None and roles.can(ctx, "availability.edit"):
            self.availability_button = self.buttons.addButton(
                self.tr("Availability and leave\u2026"), QDialogButtonBox.ButtonRole.ActionRole)
            self.availability_button.clicked.connect(self._on_availability_clicked)
        # Esc, the close button and Cancel ask before typed changes are lost.
        self.dirty = DirtyTracker(self, self.form_data, self._subject, busy=lambda: self._saving)
        self.buttons.rejected.connect(self.dirty.cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(teams_box, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        for key, signal in (
            ("name", self.name_edit.textEdited), ("mobile", self.mobile_edit.textEdited),
            ("id_number", self.id_edit.textEdited),
            ("occupation", self.occupation_edit.textEdited),
            ("skills", self.skills_edit.textEdited),
            ("political_status", self.political_combo.editTextChanged),
        ):
            signal.connect(lambda _t="", k=key: self._on_field_edited(k))
        self.gender_combo.currentIndexChanged.connect(lambda _i: self._on_field_edited("gender"))
        self.notes_edit.textChanged.connect(lambda: self._on_field_edited("notes"))
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(150)
        self._dup_timer.timeout.connect(self._check_duplicate_mobile)

        self._set_form_enabled(False)
        self.status_label.setText(self.tr("Loading\u2026"))
        self._load()

    # -- loading ----------------------------------------------------------------------

    def _load(self) -> None:
        vid = self.volunteer_id

        def task(s):  # noqa: ANN001, ANN202
            detail = vol_service.get(s, vid) if vid is not None else None
            return (grid_service.grid_choices(s), team_service.team_choices(s), detail,
                    vol_service.may_reveal_id_numbers(s))

        self.ctx.worker.submit(task, self._on_loaded, self._on_load_failed, owner=self)

    def _on_load_failed(self, exc: BaseException) -> None:
        self.status_label.setText(error_text(exc))

    def _on_loaded(self, result: tuple) -> None:
        grids, teams, detail, may_reveal = result
        self._detail = detail
        self.reveal_button.setVisible(bool(detail is not None and detail.id_number and may_reveal))
        self.grid_combo.addItem(self.tr("(no grid)"), None)
        for grid_id, name in grids:
            self.grid_combo.addItem(name, grid_id)
        member_roles = {tid: role for tid, _name, role in (detail.teams if detail else ())}
        self.teams_table.setRowCount(len(teams))
        for r, (team_id, name, parent_id) in enumerate(teams):
            item = QTableWidgetItem(("    " if parent_id else "") + name)
            item.setData(Qt.ItemDataRole.UserRole, team_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if team_id in member_roles
                               else Qt.CheckState.Unchecked)
            self.teams_table.setItem(r, 0, item)
            combo = QComboBox(self.teams_table)
            for code in ROLE_CODES:
                combo.addItem(role_text(code), code)
            combo.setCurrentIndex(ROLE_CODES.index(member_roles.get(team_id, "member")))
            self.teams_table.setCellWidget(r, 1, combo)
        if detail is not None:
            self.name_edit.setText(detail.name)
            self.mobile_edit.setText(detail.mobile)
            self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(detail.gender)))
            self.id_edit.setText(detail.id_number or "")
            self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(detail.grid_id)))
            self.political_combo.setCurrentText(detail.political_status)
            self.party_check.setChecked(detail.party_household)
            self.occupation_edit.setText(detail.occupation)
            self.skills_edit.setText(detail.skills)
            self.notes_edit.setPlainText(detail.notes)
            if detail.joined_on:
                self.joined_edit.setDate(QDate(detail.joined_on))
            if not detail.active:
                left = detail.left_on.isoformat() if detail.left_on else "?"
                self.status_label.setText(arg(self.tr("This volunteer left on %1."), left))
            else:
                self.status_label.setText("")
        else:
            self.status_label.setText(self.tr("Fields marked * are required."))
        self._loaded = True
        self._set_form_enabled(True)
        self.dirty.mark_clean()
        self.name_edit.setFocus()
        self._revalidate()

    def _on_availability_clicked(self) -> None:
        from ui.planner.availability_dialog import AvailabilityDialog

        dialog = AvailabilityDialog(self.ctx, self.volunteer_id, self.name_edit.text().strip(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.availability_dialog = dialog
        dialog.open()

    def _subject(self) -> str:
        """What the discard question names: 志愿者“张三”, or the new volunteer."""
        if self._detail is not None:
            return arg(self.tr("volunteer \u201c%1\u201d"), self._detail.name)
        name = self.name_edit.text().strip()
        return arg(self.tr("the new volunteer \u201c%1\u201d"), name) if name else self.tr("the new volunteer")

    # -- the full ID number -----------------------------------------------------------

    def _on_reveal_clicked(self) -> None:
        vid = self.volunteer_id
        if vid is None:
            return
        self.reveal_button.setEnabled(False)
        self.ctx.worker.submit(lambda s: vol_service.reveal_id_number(s, vid),
                               self._on_revealed, self._on_reveal_failed, owner=self)

    def _on_revealed(self, number: str | None) -> None:
        self.reveal_button.hide()
        if number is None or self._detail is None or self.id_edit.text() != (self._detail.id_number or ""):
            return  # nothing stored, or the clerk already typed another number
        self._revealed = number
        self.id_edit.setText(number)

    def _on_reveal_failed(self, exc: BaseException) -> None:
        self.reveal_button.setEnabled(True)
        if getattr(exc, "code", "") == "key_missing":
            text = self.tr("This computer does not have the key of this database, so the full ID "
                           "number cannot be shown (the last four characters can). An administrator "
                           "exports the key on a computer that has it and imports it here.")
        else:
            text = error_text(exc)
        self.status_label.setText(text)

    def _id_field(self) -> str:
        """The ID field as the core should read it: the stored (masked) form while it
        shows the stored number, masked or revealed, so that it counts as unchanged."""
        text = self.id_edit.text()
        if self._detail is not None and self._revealed is not None and text == self._revealed:
            return self._detail.id_number or ""
        return text

    def _set_form_enabled(self, on: bool) -> None:
        for w in (self.name_edit, self.gender_combo, self.mobile_edit, self.id_edit,
                  self.grid_combo, self.political_combo, self.party_check, self.occupation_edit,
                  self.skills_edit, self.joined_edit, self.notes_edit, self.teams_table):
            w.setEnabled(on)

    # -- validation -------------------------------------------------------------------

    def form_data(self) -> VolunteerData:
        """What the form holds, raw (the core validates and normalises it)."""
        teams = []
        for r in range(self.teams_table.rowCount()):
            item = self.teams_table.item(r, 0)
            if item.checkState() == Qt.CheckState.Checked:
                combo = self.teams_table.cellWidget(r, 1)
                teams.append((int(item.data(Qt.ItemDataRole.UserRole)), combo.currentData()))
        joined = self.joined_edit.date()
        return VolunteerData(
            name=self.name_edit.text(), mobile=self.mobile_edit.text(),
            gender=self.gender_combo.currentData(), id_number=self._id_field(),
            grid_id=self.grid_combo.currentData(),
            political_status=self.political_combo.currentText(),
            party_household=self.party_check.isChecked(),
            occupation=self.occupation_edit.text(), skills=self.skills_edit.text(),
            notes=self.notes_edit.toPlainText(),
            joined_on=date(joined.year(), joined.month(), joined.day()), teams=teams,
        )

    def _on_field_edited(self, key: str) -> None:
        if not self._loaded:
            return
        self._touched.add(key)
        self._save_problems = [p for p in self._server_problems() if p.field != key]
        if key == "mobile":
            self._duplicate_of = None
            self._dup_timer.start()
        self._revalidate()

    def _revalidate(self, show_all: bool = False) -> None:
        problems: dict[str, FieldProblem] = {}
        normalised: dict = {}
        data = self.form_data()
        if self._detail is not None and self._detail.id_number and data.id_number == self._detail.id_number:
            data.id_number = None  # the stored number, shown masked: unchanged, nothing to check
        try:
            normalised = vol_service.validate(data)
        except ValidationError as exc:
            for p in exc.problems:
                problems.setdefault(p.field, p)
        mobile = normalised.get("mobile")
        if mobile and self._duplicate_of == mobile:
            problems.setdefault("mobile", FieldProblem("mobile", "duplicate_mobile", mobile))
        for p in self._server_problems():
            problems.setdefault(p.field, p)
        self._problems = problems
        for key, row in self.rows.items():
            p = problems.get(key)
            visible = p is not None and (show_all or key in self._touched or p.code != "required")
            row.set_error(field_problem_text(p, include_field=False) if visible else "")
        self.save_button.setEnabled(self._loaded and not problems and not self._saving)

    def _server_problems(self) -> list[FieldProblem]:
        return self._save_problems

    @property
    def problems(self) -> dict[str, FieldProblem]:
        """Current problems by field (what keeps Save disabled)."""
        return dict(self._problems)

    def error_text_for(self, field: str) -> str:
        """The message shown under a field ("" when none)."""
        row = self.rows.get(field)
        return row.error.text() if row is not None and row.error.isVisible() else ""

    def _check_duplicate_mobile(self) -> None:
        try:
            from volunteer_app.validation import normalize_mobile

            mobile = normalize_mobile(self.mobile_edit.text())
        except ValidationError:
            return
        exclude = self.volunteer_id

        def done(other: int | None) -> None:
            if other is not None:
                self._duplicate_of = mobile
                self._touched.add("mobile")
                self._revalidate()

        self.ctx.worker.submit(lambda s: vol_service.find_duplicate(s, mobile, exclude), done,
                               owner=self)

    # -- saving -----------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        self._save_problems = []
        self._revalidate(show_all=True)
        if self._problems or self._saving:
            return
        data = self.form_data()
        vid = self.volunteer_id
        version = self._detail.version if self._detail is not None else None

        def task(s):  # noqa: ANN001, ANN202
            if vid is None:
                return vol_service.create(s, data)
            vol_service.update(s, vid, data, expected_version=version)
            return vid

        self._saving = True
        self.save_button.setEnabled(False)
        self.status_label.setText(self.tr("Saving\u2026"))
        self.ctx.worker.submit(task, self._on_saved, self._on_save_failed, owner=self)

    def _on_saved(self, volunteer_id: int) -> None:
        self._saving = False
        self.volunteer_id = volunteer_id
        self.sig_saved.emit(volunteer_id)
        self.accept()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.status_label.setText("")
        if isinstance(exc, ValidationError):
            self._save_problems = list(exc.problems)
            self._touched.update(p.field for p in exc.problems)
            self._revalidate(show_all=True)
            unplaced = [p for p in exc.problems if p.field not in self.rows]
            if unplaced:
                self.status_label.setText("\n".join(field_problem_text(p) for p in unplaced))
            return
        if isinstance(exc, ConflictError):
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))
        else:
            QMessageBox.critical(self, self.windowTitle(), error_text(exc))
        self._revalidate()


class LeaveDialog(QDialog):
    """Asks for the date a volunteer left (deactivation keeps all their history)."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as left"))
        shown = "\u3001".join(names[:5]) + ("\u2026" if len(names) > 5 else "")
        text = QLabel(arg(self.tr("%1 will be marked as having left. Their history (duties, "
                                  "hours, requests) is kept, and they can be restored later."),
                          shown), self)
        text.setWordWrap(True)
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        within_years(self.date_edit)
        form = QFormLayout()
        form.addRow(self.tr("Left on"), self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def left_on(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())
