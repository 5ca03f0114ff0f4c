"""English text for the core's error codes, used by the command line."""

from __future__ import annotations

from ..errors import AppError, FieldProblem, ImportFailed, RowProblem, ValidationError

REASONS = {
    "required": "is required",
    "mobile_invalid": "is not a valid mainland mobile number (11 digits starting with 1)",
    "phone_invalid": "is not a valid phone number",
    "id_length": "must be 18 characters",
    "id_format": "must be 17 digits followed by a digit or X",
    "id_birth_date": "contains an impossible date of birth",
    "id_checksum": "has a wrong check digit",
    "too_long": "is too long",
    "bad_characters": "contains control characters or starts like a formula",
    "gender_invalid": "must be 男/女 (male/female)",
    "role_invalid": "must be 队长/副队长/队员 (captain/deputy/member)",
    "role_count": "does not match the number of teams",
    "role_without_team": "is given but no team is",
    "unknown_team": "names a team that does not exist",
    "unknown_grid": "names a grid that does not exist",
    "duplicate_mobile": "is already registered to another volunteer",
    "duplicate_id_number": "is already registered to another volunteer",
    "duplicate_in_file": "repeats an earlier row of the file",
    "duplicate_column": "appears twice in the header",
    "missing_column": "column is missing from the header",
    "empty_file": "the file is empty",
    "no_rows": "the file has a header but no volunteers",
    "unsupported_format": "unsupported file type (use .xlsx or .csv)",
    "file_missing": "file does not exist",
    "not_a_workbook": "is not a readable .xlsx workbook",
    "encoding": "cannot be decoded as UTF-8 or GBK",
    "csv_syntax": "is not valid CSV",
    "kind_invalid": "is not a team kind",
    "duplicate_team": "already exists",
    "duplicate_grid_number": "already exists",
    "duplicate_grid_name": "already exists",
    "number_invalid": "must be a positive whole number",
    "timezone_invalid": "is not a known time zone",
    "parent_self": "cannot be the team itself",
}

ERRORS = {
    "not_found": "not found",
    "volunteer_not_found": "no volunteer with id {id}",
    "team_not_found": "no team named {name}",
    "grid_not_found": "no grid named {name}",
    "membership_not_found": "the volunteer is not a member of that team",
    "not_empty": "the database already holds data; --demo needs an empty database",
    "has_history": "the volunteer has history and can only be deactivated",
    "stale": "the record was changed by someone else meanwhile; reload and try again",
    "team_in_use": "the team still has members or branch teams",
    "not_a_database": "{path} is not a database file of this app",
    "unreadable": "{path} cannot be read as a database ({reason})",
    "too_new": "the database was written by a newer version of the app (revision {revision})",
    "foreign_database": "{path} holds tables that were not made by this app",
    "missing": "{path} does not exist (create it with: volunteer-app init)",
}


def reason_text(code: str) -> str:
    return REASONS.get(code, code.replace("_", " "))


def field_problem(p: FieldProblem) -> str:
    value = "" if p.value in (None, "") else f" ({p.value!r})"
    return f"{p.field}{value} {reason_text(p.code)}"


def row_problem(source: str, p: RowProblem) -> str:
    where = f"{source}: row {p.row}" if p.row else source
    if p.column:
        where += f", column {p.column}"
    value = "" if p.value in (None, "") else f": {p.value!r}"
    if p.code == "duplicate_in_file":
        return f"{where}: repeats row {p.value}"
    return f"{where}{value} {reason_text(p.code)}"


def error_text(exc: AppError) -> str:
    if isinstance(exc, ImportFailed):
        return "\n".join(row_problem(exc.source, p) for p in exc.problems)
    if isinstance(exc, ValidationError):
        return "\n".join(field_problem(p) for p in exc.problems)
    template = ERRORS.get(exc.code, exc.code.replace("_", " "))
    try:
        return template.format(**exc.details)
    except (KeyError, IndexError):
        return template
