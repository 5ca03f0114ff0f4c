"""Import volunteers from .xlsx / .csv: check, preview every row and problem, then confirm.

Nothing is written until the clerk confirms a file without problems. Reading and checking
run on the database worker with a progress bar and a Cancel button; the write is one unit
of work, so it lands completely or not at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import file_dialogs, roles
from ui.common.context import AppContext
from ui.common.db_worker import TaskCancelled, TaskContext, TaskHandle
from ui.common.i18n import arg
from ui.texts.errors import error_text, reason_text, row_problem_text
from volunteer_app.errors import ConflictError, ImportFailed, RowProblem
from volunteer_app.importexport import volunteers_io
from volunteer_app.importexport.tables import write_table
from volunteer_app.importexport.volunteers_io import HEADERS_ZH, ImportCancelled, ImportPreview


def estimate_rows(path: Path) -> int:
    """Rows in a .csv file (for the progress bar); 0 when unknown.

    A workbook is not opened here: loading it is what the import limits guard against
    (a small file can unzip to millions of strings). :func:`volunteers_io.prepare` reports
    the rows its checked reading found instead.
    """
    try:
        if path.suffix.lower() == ".csv" and path.is_file():
            with path.open("rb") as fh:
                return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except OSError:  # the real read reports what is wrong with the file
        return 0
    return 0


def display_row_numbers(preview: ImportPreview) -> list[int]:
    """Spreadsheet row number of each previewed row (good rows and rows with problems)."""
    numbers = sorted(set(preview.row_numbers) | {p.row for p in preview.problems if p.row >= 2})
    if len(numbers) != len(preview.display):  # defensive: fall back to positions
        return list(range(2, 2 + len(preview.display)))
    return numbers


class PreviewModel(QAbstractTableModel):
    """The file's rows as read, rows with problems tinted, the reasons as tooltips."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._numbers: list[int] = []
        self._problems: dict[int, list[RowProblem]] = {}

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        if preview is None:
            self._rows, self._numbers, self._problems = [], [], {}
        else:
            self._rows = preview.display
            self._numbers = display_row_numbers(preview)
            self._problems = {}
            for p in preview.problems:
                self._problems.setdefault(p.row, []).append(p)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS_ZH)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS_ZH[section]  # the file's own column names
        return self._numbers[section] if section < len(self._numbers) else section + 2

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        number = self._numbers[index.row()] if index.row() < len(self._numbers) else -1
        problems = self._problems.get(number, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            column = HEADERS_ZH[index.column()]
            bad_cell = any(p.column == column for p in problems)
            return QBrush(QColor("#f5b7b1" if bad_cell else "#fdedec"))
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return "\n".join(row_problem_text(p) for p in problems)
        return None


class ImportDialog(QDialog):
    """Choose a file, see every row and every problem, import only a clean file."""

    sig_checked = Signal(bool)  # the check finished: True if the file is clean
    sig_imported = Signal(int)  # number of volunteers written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: ImportPreview | None = None
        self._task: TaskHandle | None = None
        self._path: Path | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import volunteers"))
        self.resize(980, 640)

        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file\u2026"), self)
        self.template_button = QPushButton(self.tr("Save an empty template\u2026"), self)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File"), self))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.template_button)
        hint = QLabel(arg(self.tr("An Excel workbook (.xlsx) or CSV file with a header row: %1. "
                                  "Name and mobile phone are required; several teams in one "
                                  "cell are separated by \u3001. All rows are imported, or none."),
                          "\u3001".join(HEADERS_ZH)), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_task_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_task_button.hide()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_task_button)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        self.summary_label.setWordWrap(True)
        # An export imported into an empty database names teams and grids not there yet:
        # with this ticked they are listed here first and created with the import.
        self.create_check = QCheckBox(self.tr("Create the teams and grids the file names that do "
                                              "not exist yet"), self)
        self.create_check.setObjectName("createMissing")
        roles.deny_unless(self.ctx, "teams.edit", self.create_check)
        roles.deny_unless(self.ctx, "grids.edit", self.create_check)
        self.create_check.toggled.connect(lambda _on: self._path is not None and self.check_file(self._path))

        self.problems_table = QTableWidget(0, 4, self)
        self.problems_table.setObjectName("problemsTable")
        self.problems_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Name in that row"), self.tr("Column"), self.tr("Problem")])
        self.problems_table.verticalHeader().hide()
        self.problems_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems_table.setAlternatingRowColors(True)
        ph = self.problems_table.horizontalHeader()
        for col in (0, 1, 2):
            ph.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        ph.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.preview_model = PreviewModel(self)
        self.preview_table = QTableView(self)
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setModel(self.preview_model)
        self.preview_table.setAlternatingRowColors(True)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.preview_table.horizontalHeader().setDefaultSectionSize(110)
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        self.preview_table.verticalHeader().setDefaultSectionSize(26)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.problems_table, self.tr("Problems"))
        self.tabs.addTab(self.preview_table, self.tr("Rows in the file"))

        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("primary")
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(hint)
        layout.addLayout(progress_row)
        layout.addWidget(self.create_check)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.template_button.clicked.connect(self._on_template_clicked)
        self.cancel_task_button.clicked.connect(self.cancel_task)
        self.import_button.clicked.connect(self.confirm_import)
        self.close_button.clicked.connect(self.reject)
        self._show_summary(self.tr("Choose the file to import. Nothing is written before you "
                                   "confirm."), None)

    # -- choosing and checking --------------------------------------------------------

    def _on_choose_clicked(self) -> None:
        path = file_dialogs.ask_open_path(
            self, self.tr("Choose the file to import"), str(self._path.parent if self._path
                                                           else Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if path is not None:
            self.check_file(path)

    def _on_template_clicked(self) -> None:
        path = file_dialogs.ask_save_path(self, self.tr("Save an empty template"),
                                          str(Path.home() / self.tr("volunteers-template.xlsx")),
                                          file_dialogs.spreadsheet_filter())
        if path is None:
            return
        try:
            write_table(path if path.suffix.lower() in (".xlsx", ".csv") else
                        path.with_suffix(".xlsx"), HEADERS_ZH, [], sheet_title="志愿者")
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))

    def check_file(self, path: Path) -> None:
        """Read and check every row on the worker; the preview appears when done."""
        self.cancel_task()
        self._path = Path(path)
        self.path_edit.setText(str(path))
        self.preview = None
        self.preview_model.set_preview(None)
        self._fill_problems([])
        self.import_button.setEnabled(False)
        self.import_button.setText(self.tr("Import"))
        self._show_summary(self.tr("Checking the file\u2026"), None)
        self._start_progress(self.tr("Reading rows: %v of %m"), cancellable=True)
        target = self._path
        create = self.create_check.isChecked()

        def task(session, t: TaskContext) -> ImportPreview:  # noqa: ANN001 (worker thread)
            total = estimate_rows(target)
            t.progress(0, total, force=True)
            extra = {"create_missing": True} if create else {}
            return volunteers_io.prepare(session, target,
                                         progress=lambda done, n: t.progress(done, n or total),
                                         cancelled=t.cancelled, **extra)

        self._task = self.ctx.worker.submit_long(task, self._on_checked, self._on_check_failed,
                                                 self._on_progress, owner=self, label="import check")

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)  # busy indicator

    def _start_progress(self, fmt: str, cancellable: bool) -> None:
        self.progress.setFormat(fmt)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_task_button.setVisible(cancellable)
        self.cancel_task_button.setEnabled(cancellable)
        self.choose_button.setEnabled(False)

    def _stop_progress(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_task_button.hide()
        self.choose_button.setEnabled(True)

    def cancel_task(self) -> None:
        """Cancel a running check (nothing has been written)."""
        if self._task is not None and not self._task.done:
            self._task.cancel()

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done

    def _on_checked(self, preview: ImportPreview) -> None:
        self._stop_progress()
        self.preview = preview
        self.preview_model.set_preview(preview)
        self._fill_problems(preview.problems)  # after self.preview: names come from it
        good, total = len(preview.rows), len(preview.display)
        if preview.ok:
            text = arg(self.tr("The file is fine: %1 volunteers are ready to be "
                               "imported. Check the rows, then confirm."), good)
            if preview.new_teams or preview.new_grids:
                text += " " + arg(self.tr("New teams to create: %1. New grids to create: %2."),
                                  "、".join(preview.new_teams) or "—", "、".join(preview.new_grids) or "—")
            self._show_summary(text, True)
            self.import_button.setText(self.tr("Import %n volunteer(s)", "", good))
            self.import_button.setEnabled(True)
            self.tabs.setCurrentWidget(self.preview_table)
        else:
            bad_rows = len({p.row for p in preview.problems})
            self._show_summary(arg(self.tr("Nothing can be imported yet: %1 problems in %2 of %3 "
                                           "rows (listed below). Correct the file and choose it "
                                           "again; nothing was written."),
                                   len(preview.problems), bad_rows, total), False)
            self.tabs.setCurrentWidget(self.problems_table)
        self.sig_checked.emit(preview.ok)

    def _on_check_failed(self, exc: BaseException) -> None:
        self._stop_progress()
        if isinstance(exc, (ImportCancelled, TaskCancelled)):
            self._show_summary(self.tr("Checking was cancelled; nothing was written."), None)
        elif isinstance(exc, ImportFailed):
            self._fill_problems(exc.problems)
            self._show_summary(self.tr("The file cannot be read (see below); nothing was "
                                       "written."), False)
            self.tabs.setCurrentWidget(self.problems_table)
        else:
            self._show_summary(error_text(exc), False)
        self.sig_checked.emit(False)

    def _fill_problems(self, problems: list[RowProblem]) -> None:
        names: dict[int, str] = {}
        if self.preview is not None:
            numbers = display_row_numbers(self.preview)
            names = {n: cells[0] for n, cells in zip(numbers, self.preview.display, strict=False)}
        table = self.problems_table
        table.setRowCount(len(problems))
        for r, p in enumerate(problems):
            value = "" if p.value in (None, "") or p.code == "duplicate_in_file" else str(p.value)
            reason = (arg(self.tr("repeats row %1 of the file"), p.value)
                      if p.code == "duplicate_in_file" else reason_text(p.code))
            text = row_problem_text(p) if not p.column else (
                arg(self.tr("\u201c%1\u201d %2"), value, reason) if value else reason)
            cells = [str(p.row) if p.row else "", names.get(p.row, ""), p.column or "", text]
            for c, t in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(t))
        self.tabs.setTabText(0, arg(self.tr("Problems (%1)"), len(problems)))
        count = len(self.preview.display) if self.preview else 0
        self.tabs.setTabText(1, arg(self.tr("Rows in the file (%1)"), count))

    @property
    def problem_texts(self) -> list[str]:
        """The problems as listed (row, column, text), for tests and copying."""
        t = self.problems_table
        return [" | ".join(t.item(r, c).text() for c in (0, 2, 3)) for r in range(t.rowCount())]

    def _show_summary(self, text: str, ok: bool | None) -> None:
        self.summary_label.setText(text)
        self.summary_label.setObjectName(
            "hint" if ok is None else ("okHeading" if ok else "problemsHeading"))
        self.summary_label.style().unpolish(self.summary_label)
        self.summary_label.style().polish(self.summary_label)

    # -- writing ----------------------------------------------------------------------

    def confirm_import(self) -> None:
        """Write the checked rows in one unit of work."""
        preview = self.preview
        if preview is None or not preview.ok or self.busy:
            return
        self.import_button.setEnabled(False)
        self._start_progress(self.tr("Writing %1 volunteers\u2026").replace("%1",
                                                                            str(len(preview.rows))),
                             cancellable=False)
        self._show_summary(self.tr("Writing to the database; please wait\u2026"), None)
        self._task = self.ctx.worker.submit_long(
            lambda s, _t: volunteers_io.apply(s, preview), self._on_imported,
            self._on_import_failed, owner=self, label="import write")

    def _on_imported(self, count: int) -> None:
        self._stop_progress()
        self.preview = None
        self._show_summary(arg(self.tr("%1 volunteers were imported."), count), True)
        self.import_button.setText(self.tr("Import"))
        self.sig_imported.emit(count)
        QMessageBox.information(self, self.windowTitle(),
                                arg(self.tr("%1 volunteers were imported."), count))
        self.accept()

    def _on_import_failed(self, exc: BaseException) -> None:
        self._stop_progress()
        if isinstance(exc, ConflictError) and exc.code == "constraint":
            # Someone registered one of these people between the check and the write.
            self._show_summary(self.tr("The register changed since the file was checked "
                                       "(e.g. a mobile number was registered meanwhile). "
                                       "Nothing was written; checking again\u2026"), False)
            if self._path is not None:
                self.check_file(self._path)
            return
        self._show_summary(arg(self.tr("The import failed and nothing was written: %1"),
                               error_text(exc)), False)
        self.import_button.setEnabled(self.preview is not None and self.preview.ok)

    def reject(self) -> None:
        if self.busy and not self.cancel_task_button.isVisible():
            return  # writing: the unit of work must finish (it cannot be interrupted)
        self.cancel_task()
        super().reject()
