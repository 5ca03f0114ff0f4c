"""Translated messages for the core's error codes (FieldProblem, RowProblem, AppError).

The core raises typed errors carrying stable codes; this module turns them into text in
the UI language, always naming the field (and for imports the row and column) at fault.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.common.i18n import arg, translated
from volunteer_app.errors import AppError, FieldProblem, ImportFailed, RowProblem, ValidationError

translate = QCoreApplication.translate


FIELDS = {
    "name": QT_TRANSLATE_NOOP("ErrorText", "Name"),
    "mobile": QT_TRANSLATE_NOOP("ErrorText", "Mobile phone"),
    "phone": QT_TRANSLATE_NOOP("ErrorText", "Mobile phone"),
    "gender": QT_TRANSLATE_NOOP("ErrorText", "Gender"),
    "id_number": QT_TRANSLATE_NOOP("ErrorText", "ID card number"),
    "grid": QT_TRANSLATE_NOOP("ErrorText", "Grid"),
    "grid_id": QT_TRANSLATE_NOOP("ErrorText", "Grid"),
    "team": QT_TRANSLATE_NOOP("ErrorText", "Team"),
    "role": QT_TRANSLATE_NOOP("ErrorText", "Role"),
    "political_status": QT_TRANSLATE_NOOP("ErrorText", "Political status"),
    "party_household": QT_TRANSLATE_NOOP("ErrorText", "Party-member central household"),
    "occupation": QT_TRANSLATE_NOOP("ErrorText", "Occupation / employer"),
    "skills": QT_TRANSLATE_NOOP("ErrorText", "Skills"),
    "notes": QT_TRANSLATE_NOOP("ErrorText", "Notes"),
    "joined_on": QT_TRANSLATE_NOOP("ErrorText", "Joined on"),
    "left_on": QT_TRANSLATE_NOOP("ErrorText", "Left on"),
    "number": QT_TRANSLATE_NOOP("ErrorText", "Grid number"),
    "area": QT_TRANSLATE_NOOP("ErrorText", "Area"),
    "leader_name": QT_TRANSLATE_NOOP("ErrorText", "Grid leader"),
    "leader_phone": QT_TRANSLATE_NOOP("ErrorText", "Grid leader's phone"),
    "worker_name": QT_TRANSLATE_NOOP("ErrorText", "Grid worker"),
    "worker_phone": QT_TRANSLATE_NOOP("ErrorText", "Grid worker's phone"),
    "police_name": QT_TRANSLATE_NOOP("ErrorText", "Grid police officer"),
    "police_phone": QT_TRANSLATE_NOOP("ErrorText", "Grid police officer's phone"),
    "instructor_name": QT_TRANSLATE_NOOP("ErrorText", "Street grid instructor"),
    "instructor_phone": QT_TRANSLATE_NOOP("ErrorText", "Street grid instructor's phone"),
    "kind": QT_TRANSLATE_NOOP("ErrorText", "Team kind"),
    "parent": QT_TRANSLATE_NOOP("ErrorText", "Parent team"),
    "colour": QT_TRANSLATE_NOOP("ErrorText", "Colour"),
    "description": QT_TRANSLATE_NOOP("ErrorText", "Description"),
    "address": QT_TRANSLATE_NOOP("ErrorText", "Address"),
    "service_hall_phone": QT_TRANSLATE_NOOP("ErrorText", "Service hall phone"),
    "service_hall_hours": QT_TRANSLATE_NOOP("ErrorText", "Service hall hours"),
    "timezone": QT_TRANSLATE_NOOP("ErrorText", "Time zone"),
}

# Reason phrases complete a sentence that starts with the field's name.
REASONS = {
    "required": QT_TRANSLATE_NOOP("ErrorText", "must be filled in"),
    "mobile_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a valid mobile number (11 digits starting with 1)"),
    "phone_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a valid phone number"),
    "id_length": QT_TRANSLATE_NOOP("ErrorText", "must have 18 characters"),
    "id_format": QT_TRANSLATE_NOOP("ErrorText", "must be 17 digits followed by a digit or X"),
    "id_birth_date": QT_TRANSLATE_NOOP("ErrorText", "contains an impossible date of birth"),
    "id_checksum": QT_TRANSLATE_NOOP("ErrorText", "has a wrong check digit (last character); please check the number"),
    "too_long": QT_TRANSLATE_NOOP("ErrorText", "is too long"),
    "bad_characters": QT_TRANSLATE_NOOP("ErrorText", "contains control characters or starts like a spreadsheet formula (= + - @)"),
    "gender_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be 男 or 女"),
    "role_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be 队长, 副队长 or 队员"),
    "role_count": QT_TRANSLATE_NOOP("ErrorText", "does not match the number of teams"),
    "role_without_team": QT_TRANSLATE_NOOP("ErrorText", "is given but no team is"),
    "unknown_team": QT_TRANSLATE_NOOP("ErrorText", "names a team that does not exist"),
    "unknown_grid": QT_TRANSLATE_NOOP("ErrorText", "names a grid that does not exist"),
    "duplicate_mobile": QT_TRANSLATE_NOOP("ErrorText", "is already registered to another volunteer"),
    "duplicate_id_number": QT_TRANSLATE_NOOP("ErrorText", "is already registered to another volunteer"),
    "duplicate_in_file": QT_TRANSLATE_NOOP("ErrorText", "repeats an earlier row of the file"),
    "duplicate_column": QT_TRANSLATE_NOOP("ErrorText", "appears twice in the header row"),
    "missing_column": QT_TRANSLATE_NOOP("ErrorText", "column is missing from the header row"),
    "kind_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a known team kind"),
    "duplicate_team": QT_TRANSLATE_NOOP("ErrorText", "is already the name of another team"),
    "duplicate_grid_number": QT_TRANSLATE_NOOP("ErrorText", "is already used by another grid"),
    "duplicate_grid_name": QT_TRANSLATE_NOOP("ErrorText", "is already used by another grid"),
    "number_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be a positive whole number"),
    "timezone_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a known time zone"),
    "parent_self": QT_TRANSLATE_NOOP("ErrorText", "cannot be the team itself"),
}

# Problems with a file as a whole (no column): complete sentences.
FILE_PROBLEMS = {
    "empty_file": QT_TRANSLATE_NOOP("ErrorText", "The file is empty."),
    "no_rows": QT_TRANSLATE_NOOP("ErrorText", "The file has a header row but no volunteers."),
    "unsupported_format": QT_TRANSLATE_NOOP("ErrorText", "Unsupported file type; use an Excel workbook (.xlsx) or a CSV file."),
    "file_missing": QT_TRANSLATE_NOOP("ErrorText", "The file does not exist."),
    "not_a_workbook": QT_TRANSLATE_NOOP("ErrorText", "The file is not a readable Excel workbook (.xlsx)."),
    "encoding": QT_TRANSLATE_NOOP("ErrorText", "The file cannot be read as UTF-8 or GBK text."),
    "csv_syntax": QT_TRANSLATE_NOOP("ErrorText", "The file is not valid CSV."),
}

ERRORS = {
    "not_found": QT_TRANSLATE_NOOP("ErrorText", "The record was not found; it may have been deleted meanwhile."),
    "volunteer_not_found": QT_TRANSLATE_NOOP("ErrorText", "The volunteer was not found; they may have been deleted meanwhile."),
    "team_not_found": QT_TRANSLATE_NOOP("ErrorText", "The team was not found; it may have been deleted meanwhile."),
    "grid_not_found": QT_TRANSLATE_NOOP("ErrorText", "The grid was not found; it may have been deleted meanwhile."),
    "membership_not_found": QT_TRANSLATE_NOOP("ErrorText", "The volunteer is no longer a member of that team."),
    "not_empty": QT_TRANSLATE_NOOP("ErrorText", "The database already holds data; the demo community can only be loaded into an empty database."),
    "has_history": QT_TRANSLATE_NOOP("ErrorText", "This volunteer has a service history and cannot be deleted. Mark them as left instead."),
    "stale": QT_TRANSLATE_NOOP("ErrorText", "Someone else changed this record meanwhile. Reload it and make your change again."),
    "constraint": QT_TRANSLATE_NOOP("ErrorText", "Someone else changed the same data at the same moment. Nothing was written; please try again."),
    "team_in_use": QT_TRANSLATE_NOOP("ErrorText", "The team still has members or branch teams."),
    "not_a_database": QT_TRANSLATE_NOOP("ErrorText", "%1 is not a database file of this application."),
    "unreadable": QT_TRANSLATE_NOOP("ErrorText", "%1 cannot be read as a database (%2)."),
    "too_new": QT_TRANSLATE_NOOP("ErrorText", "The database was written by a newer version of this application (revision %1). Please update the application."),
    "foreign_database": QT_TRANSLATE_NOOP("ErrorText", "%1 holds tables that were not made by this application."),
    "missing": QT_TRANSLATE_NOOP("ErrorText", "%1 does not exist."),
    "bad_url": QT_TRANSLATE_NOOP("ErrorText", "\u201c%1\u201d is not a database file or address."),
    "forbidden": QT_TRANSLATE_NOOP("ErrorText", "Your role does not allow this. Ask an administrator if you need it."),
    "login_required": QT_TRANSLATE_NOOP("ErrorText", "Operator accounts are switched on for this database: please log in first."),
    "read_only": QT_TRANSLATE_NOOP("ErrorText", "%1 is read-only. Copy it to a folder you may write to, or restore a backup."),
    "backup_missing": QT_TRANSLATE_NOOP("ErrorText", "%1 does not exist or is not a file."),
    "backup_unreadable": QT_TRANSLATE_NOOP("ErrorText", "%1 cannot be read (%2)."),
    "backup_damaged": QT_TRANSLATE_NOOP("ErrorText", "%1 is damaged or incomplete and cannot be restored (%2)."),
    "backup_foreign": QT_TRANSLATE_NOOP("ErrorText", "%1 is not a backup of this application."),
    "backup_format": QT_TRANSLATE_NOOP("ErrorText", "%1: a .db copy can only be made of a database file; choose a .vabak archive."),
    "schema_mismatch": QT_TRANSLATE_NOOP("ErrorText", "The backup does not fit this database's structure."),
}


def register_texts(*, fields: dict[str, str] | None = None, reasons: dict[str, str] | None = None,
                   errors: dict[str, str] | None = None) -> None:
    """Let a feature add its own codes, so generic handlers show its messages too.

    Values are English source strings marked with ``QT_TRANSLATE_NOOP("ErrorText", ...)``
    (then extracted into the ErrorText context); error templates may use %1 (the first of
    the error's details: path, revision, name or id) and %2 (its ``reason``).
    """
    FIELDS.update(fields or {})
    REASONS.update(reasons or {})
    ERRORS.update(errors or {})


def field_label(field: str) -> str:
    """The translated name of a field (falls back to the code)."""
    return translated("ErrorText", FIELDS, field)


def reason_text(code: str) -> str:
    """The translated reason phrase of a problem code."""
    return translated("ErrorText", REASONS, code, code.replace("_", " "))


def field_problem_text(p: FieldProblem, include_field: bool = True) -> str:
    """'手机号不是有效的手机号…' (or only the reason, for a message under the field)."""
    reason = reason_text(p.code)
    if not include_field:
        return reason
    return arg(translate("ErrorText", "%1 %2"), field_label(p.field), reason)


def row_problem_text(p: RowProblem) -> str:
    """One bad row of an import: row number as the spreadsheet shows it, column, reason."""
    if p.code in FILE_PROBLEMS:
        text = translate("ErrorText", FILE_PROBLEMS[p.code])
        if p.code == "csv_syntax" and p.row:
            return arg(translate("ErrorText", "Row %1: %2"), p.row, text)
        return text
    if p.code == "duplicate_in_file":
        reason = arg(translate("ErrorText", "repeats row %1 of the file"), p.value)
    else:
        reason = reason_text(p.code)
    column = p.column or ""
    if p.row and column:
        where = arg(translate("ErrorText", "Row %1, column \u201c%2\u201d"), p.row, column)
    elif p.row:
        where = arg(translate("ErrorText", "Row %1"), p.row)
    else:
        where = arg(translate("ErrorText", "Column \u201c%1\u201d"), column)
    value = "" if p.value in (None, "") or p.code == "duplicate_in_file" else str(p.value)
    if value:
        return arg(translate("ErrorText", "%1: \u201c%2\u201d %3"), where, value, reason)
    return arg(translate("ErrorText", "%1: %2"), where, reason)


def error_text(exc: BaseException) -> str:
    """A message for any exception a task may raise; unknown ones say so honestly."""
    if isinstance(exc, ImportFailed):
        return "\n".join(row_problem_text(p) for p in exc.problems)
    if isinstance(exc, ValidationError):
        return "\n".join(field_problem_text(p) for p in exc.problems)
    if isinstance(exc, AppError):
        src = ERRORS.get(exc.code)
        if src is None:
            return arg(translate("ErrorText", "Error: %1"), exc.code)
        d = exc.details
        first = d.get("path") or d.get("url") or d.get("revision") or d.get("name") or d.get("id") or ""
        return arg(translate("ErrorText", src), first, d.get("reason", ""))
    if isinstance(exc, OSError):
        return arg(translate("ErrorText", "The file could not be read or written: %1"), exc.strerror or str(exc))
    return arg(translate("ErrorText", "Unexpected error: %1: %2"), type(exc).__name__, exc)
