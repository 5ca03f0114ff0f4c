"""Translated messages for the core's error codes (FieldProblem, RowProblem, AppError).

The core raises typed errors carrying stable codes; this module turns them into text in
the UI language, always naming the field (and for imports the row and column) at fault.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.common.i18n import arg, translated
from volunteer_app.errors import AppError, FieldProblem, ImportFailed, RowProblem, ValidationError
from volunteer_app.security import redact

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
    "active": QT_TRANSLATE_NOOP("ErrorText", "Status"),
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
    # operators
    "username": QT_TRANSLATE_NOOP("ErrorText", "User name"),
    "password": QT_TRANSLATE_NOOP("ErrorText", "Password"),
    "display_name": QT_TRANSLATE_NOOP("ErrorText", "Display name"),
    "operator": QT_TRANSLATE_NOOP("ErrorText", "Operator"),
    # service hours (the requests' fields are worded in ui.texts.orders)
    "date": QT_TRANSLATE_NOOP("ErrorText", "Date"),
    "duty": QT_TRANSLATE_NOOP("ErrorText", "Duty"),
    "year": QT_TRANSLATE_NOOP("ErrorText", "Year"),
    # shift planning and auto-fill
    "type": QT_TRANSLATE_NOOP("ErrorText", "Duty type"),
    "needed": QT_TRANSLATE_NOOP("ErrorText", "People needed"),
    "time": QT_TRANSLATE_NOOP("ErrorText", "Time"),
    "from": QT_TRANSLATE_NOOP("ErrorText", "From"),
    "to": QT_TRANSLATE_NOOP("ErrorText", "To"),
    "valid_until": QT_TRANSLATE_NOOP("ErrorText", "Valid until"),
    "week": QT_TRANSLATE_NOOP("ErrorText", "Week"),
    "weekday": QT_TRANSLATE_NOOP("ErrorText", "Weekday"),
    "day_of_week": QT_TRANSLATE_NOOP("ErrorText", "Days of the week"),
    "day": QT_TRANSLATE_NOOP("ErrorText", "Days of the month"),
    "location": QT_TRANSLATE_NOOP("ErrorText", "Location"),
    "title": QT_TRANSLATE_NOOP("ErrorText", "Title"),
    "status": QT_TRANSLATE_NOOP("ErrorText", "Status"),
    "override": QT_TRANSLATE_NOOP("ErrorText", "Reason for assigning anyway"),
    "actual_end": QT_TRANSLATE_NOOP("ErrorText", "Time of leaving"),
    "max_per_day": QT_TRANSLATE_NOOP("ErrorText", "Duties per day at most"),
    "max_per_week": QT_TRANSLATE_NOOP("ErrorText", "Duties per week at most"),
    "date_from": QT_TRANSLATE_NOOP("ErrorText", "First day"),
    "date_to": QT_TRANSLATE_NOOP("ErrorText", "Last day"),
    "order": QT_TRANSLATE_NOOP("ErrorText", "Sort order"),
    # list filters and records named by their id
    "id": QT_TRANSLATE_NOOP("ErrorText", "ID"),
    "limit": QT_TRANSLATE_NOOP("ErrorText", "Number of entries"),
    "search": QT_TRANSLATE_NOOP("ErrorText", "Search"),
    # printing and reports
    "output": QT_TRANSLATE_NOOP("ErrorText", "Output"),
    "copies": QT_TRANSLATE_NOOP("ErrorText", "Copies"),
    # background jobs
    "every_minutes": QT_TRANSLATE_NOOP("ErrorText", "Interval"),
    "lead_minutes": QT_TRANSLATE_NOOP("ErrorText", "Reminder lead times"),
    "team_lead_minutes": QT_TRANSLATE_NOOP("ErrorText", "A team's reminder lead times"),
    "window_hours": QT_TRANSLATE_NOOP("ErrorText", "Alert window"),
    "weeks_ahead": QT_TRANSLATE_NOOP("ErrorText", "Weeks ahead"),
    "keep": QT_TRANSLATE_NOOP("ErrorText", "Backups to keep"),
    "directory": QT_TRANSLATE_NOOP("ErrorText", "Folder"),
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
    "id_excel_number": QT_TRANSLATE_NOOP("ErrorText", "was stored by Excel as a number and its last digits are lost: set the column to text and enter the numbers again"),
    "too_long": QT_TRANSLATE_NOOP("ErrorText", "is too long"),
    "bad_characters": QT_TRANSLATE_NOOP("ErrorText", "contains control characters or starts like a spreadsheet formula (= + - @)"),
    "control_characters": QT_TRANSLATE_NOOP("ErrorText", "contains a line break, a control character or an invisible text-direction mark (only notes may have line breaks)"),
    "mixed_encoding": QT_TRANSLATE_NOOP("ErrorText", "is in another text encoding than the rest of the file (UTF-8 and GBK mixed); save the whole file again in one encoding"),
    "undecodable_text": QT_TRANSLATE_NOOP("ErrorText", "holds bytes that are neither UTF-8 nor GBK text"),
    "merged_cells": QT_TRANSLATE_NOOP("ErrorText", "is a range of merged cells; unmerge it and fill in the value on every row"),
    "yes_no_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be 是 or 否"),
    "state_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be 在册 or 已离队"),
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
    "order_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a known sort order"),
    # operators
    "username_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be 1 to 40 characters without spaces"),
    "duplicate_username": QT_TRANSLATE_NOOP("ErrorText", "is already used by another operator"),
    "captain_needs_team": QT_TRANSLATE_NOOP("ErrorText", "must be chosen for a team captain"),
    "password_too_short": QT_TRANSLATE_NOOP("ErrorText", "must have at least 8 characters"),
    # service hours (the requests' reasons are worded in ui.texts.orders)
    "date_in_future": QT_TRANSLATE_NOOP("ErrorText", "lies in the future"),
    "date_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a date"),
    "year_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a year"),
    # volunteer_app.parsing: YEAR_MIN to YEAR_MAX (tests/ui/test_parsing_texts.py keeps them equal)
    "date_out_of_range": QT_TRANSLATE_NOOP("ErrorText", "is too far in the past or the future (outside the years 2000 to 2100)"),
    "datetime_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a date and time"),
    # shift planning and auto-fill
    "duty_type_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a known duty type"),
    "needed_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be a whole number from 1 to 99"),
    "time_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a valid time"),
    "end_before_start": QT_TRANSLATE_NOOP("ErrorText", "is before the start"),
    "range_too_long": QT_TRANSLATE_NOOP("ErrorText", "makes the range too long (at most 800 days at once)"),
    "cron_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a valid schedule"),
    "week_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a valid week"),
    "weekday_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a day of the week"),
    "window_empty": QT_TRANSLATE_NOOP("ErrorText", "must differ from the start"),
    "leave_kind_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be leave or unavailable"),
    "limit_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be a whole number from 0 to 50"),
    "holiday_kind_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be a holiday or a make-up working day"),
    "holidays_not_covered": QT_TRANSLATE_NOOP("ErrorText", "has no official holiday schedule yet"),
    "holiday_range_too_long": QT_TRANSLATE_NOOP("ErrorText", "makes the range too long (at most 31 days at once)"),
    "status_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a known status"),
    "source_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a known source"),
    "checkin_status_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be checked in, completed or no-show"),
    "autofill_range_too_long": QT_TRANSLATE_NOOP("ErrorText", "makes the range too long for an auto-fill (at most 31 days)"),
    "autofill_date_out_of_range": QT_TRANSLATE_NOOP("ErrorText", "is too far in the past or the future to plan"),
    # printing and reports
    "unsupported_format": QT_TRANSLATE_NOOP("ErrorText", "is not a supported file type"),
    "output_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a known printout"),
    "copies_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be a whole number from 1 to 1000"),
    # background jobs
    "interval_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not one of the intervals offered"),
    "day_invalid": QT_TRANSLATE_NOOP("ErrorText", "is not a day of the week"),
    "lead_times_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be 1 to 5 values like 24h, 2h or 90m, each at most 7 days"),
    "out_of_range": QT_TRANSLATE_NOOP("ErrorText", "is out of range"),
    "unknown_option": QT_TRANSLATE_NOOP("ErrorText", "is not a setting of this job"),
    "directory_invalid": QT_TRANSLATE_NOOP("ErrorText", "must be a folder"),
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
    "too_many_rows": QT_TRANSLATE_NOOP("ErrorText", "The file has more than %1 rows, the most one import takes. Split it into several files."),
    "too_many_cells": QT_TRANSLATE_NOOP("ErrorText", "The file has more than %1 cells, the most one import takes. Split it or delete unused columns."),
    "too_large": QT_TRANSLATE_NOOP("ErrorText", "The file is larger than %1 MB (unzipped), the most one import takes. Split it into several files."),
    "compression_ratio": QT_TRANSLATE_NOOP("ErrorText", "A part of the workbook expands more than %1 times, which no Excel file does. It was refused as a possible zip bomb."),
    "xml_entities": QT_TRANSLATE_NOOP("ErrorText", "The workbook contains XML entity declarations, which Excel never writes. It was refused."),
    "not_a_file": QT_TRANSLATE_NOOP("ErrorText", "This is a folder or a device, not a file."),
    "unreadable_file": QT_TRANSLATE_NOOP("ErrorText", "The file cannot be read (%1)."),
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
    "double_booking": QT_TRANSLATE_NOOP("ErrorText", "A volunteer would be on two duties at the same time. Nothing was written."),
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
    "database_damaged": QT_TRANSLATE_NOOP("ErrorText", "The database file %1 is damaged. Nothing was written to it. Restore the newest good backup into a new file."),
    "database_busy": QT_TRANSLATE_NOOP("ErrorText", "Another program is writing to the database %1. Nothing was changed; please try again."),
    "disk_full": QT_TRANSLATE_NOOP("ErrorText", "The disk is full: %1 could not be written. Nothing was changed."),
    "restore_failed": QT_TRANSLATE_NOOP("ErrorText", "The restore could not be written to %1. Nothing was changed."),
    "output_not_file": QT_TRANSLATE_NOOP("ErrorText", "%1 is a folder or a device, not a file. Choose a file name."),
    "output_read_only": QT_TRANSLATE_NOOP("ErrorText", "%1 is read-only. Choose another file name."),
    "output_is_database": QT_TRANSLATE_NOOP("ErrorText", "%1 is the database itself. Choose another file for the backup."),
    "backup_passphrase_needed": QT_TRANSLATE_NOOP("ErrorText", "%1 is encrypted with a passphrase. Enter the passphrase."),
    "backup_wrong_passphrase": QT_TRANSLATE_NOOP("ErrorText", "Wrong passphrase for %1. Nothing was restored."),
    "backup_tampered": QT_TRANSLATE_NOOP("ErrorText", "%1 was changed or cut off after it was written and cannot be trusted. Nothing was restored."),
    "passphrase_too_short": QT_TRANSLATE_NOOP("ErrorText", "The backup passphrase must have at least 10 characters."),
    "backup_plain_refused": QT_TRANSLATE_NOOP("ErrorText", "Only an administrator may make an unencrypted .db copy. Back up to a .vabak file instead."),
    "backup_without_passwords": QT_TRANSLATE_NOOP("ErrorText", "%1 holds no passwords (it was not made by an administrator), and no administrator could log in after restoring it. Nothing was changed. Restore an administrator's backup or a nightly backup."),
    "backup_passphrase_refused": QT_TRANSLATE_NOOP("ErrorText", "Your role may not see ID numbers, so its backups are encrypted with the database key, not a passphrase."),
    # operators (login failures and the password dialog's own are in ui.texts.accounts)
    "last_administrator": QT_TRANSLATE_NOOP("ErrorText", "This is the last active administrator; make another operator administrator first."),
    "accounts_already_enabled": QT_TRANSLATE_NOOP("ErrorText", "Operator accounts are already switched on."),
    "operator_not_found": QT_TRANSLATE_NOOP("ErrorText", "The operator was not found; they may have been removed meanwhile."),
    # shift planning (the planner's own wording is in ui.texts.planner)
    "template_not_found": QT_TRANSLATE_NOOP("ErrorText", "The duty template was not found; it may have been deleted meanwhile."),
    "batch_not_found": QT_TRANSLATE_NOOP("ErrorText", "The generated shifts were not found; they may have been undone meanwhile."),
    "leave_not_found": QT_TRANSLATE_NOOP("ErrorText", "The leave was not found; it may have been deleted meanwhile."),
    "holiday_not_found": QT_TRANSLATE_NOOP("ErrorText", "The day is not in the holiday table."),
    "holiday_change_not_found": QT_TRANSLATE_NOOP("ErrorText", "That change of the holiday table no longer exists."),
    "holiday_change_undone": QT_TRANSLATE_NOOP("ErrorText", "That change of the holiday table was already undone."),
    "hard_conflict": QT_TRANSLATE_NOOP("ErrorText", "The volunteer cannot take this duty: it breaks hard rules."),
    "batch_undone": QT_TRANSLATE_NOOP("ErrorText", "These generated shifts were already undone."),
    "batch_has_assignments": QT_TRANSLATE_NOOP("ErrorText", "The generated shifts cannot be undone: volunteers are already on them."),
    "shift_has_record": QT_TRANSLATE_NOOP("ErrorText", "The shift holds a record of service and cannot be deleted."),
    "shift_restore_taken": QT_TRANSLATE_NOOP("ErrorText", "The duty cannot be put back: the same duty was generated again meanwhile."),
    "shift_has_assignments": QT_TRANSLATE_NOOP("ErrorText", "Volunteers are on this shift; remove them first."),
    # auto-fill
    "autofill_stale": QT_TRANSLATE_NOOP("ErrorText", "The roster changed since the proposal was made, so nothing was written. Make a new proposal."),
    "autofill_batch_not_found": QT_TRANSLATE_NOOP("ErrorText", "The auto-fill was not found."),
    "autofill_already_undone": QT_TRANSLATE_NOOP("ErrorText", "This auto-fill was already undone."),
    "autofill_undo_recorded": QT_TRANSLATE_NOOP("ErrorText", "The auto-fill cannot be undone: some of its duties already have attendance recorded."),
    # printing
    "font_missing": QT_TRANSLATE_NOOP("ErrorText", "No Chinese TrueType font was found for printing. Install the fonts-wqy-zenhei package (Linux) or choose a font file on the Print screen."),
    "font_file_missing": QT_TRANSLATE_NOOP("ErrorText", "The font file %1 does not exist."),
    "font_unusable": QT_TRANSLATE_NOOP("ErrorText", "The font file %1 cannot be used for printing; choose a TrueType Chinese font (.ttf or .ttc)."),
    "output_unwritable": QT_TRANSLATE_NOOP("ErrorText", "%1 cannot be written (%2)."),
    "print_cancelled": QT_TRANSLATE_NOOP("ErrorText", "Printing was cancelled."),
    "paper_invalid": QT_TRANSLATE_NOOP("ErrorText", "The paper size is not known."),
    # background jobs
    "job_not_found": QT_TRANSLATE_NOOP("ErrorText", "The background job was not found."),
    # the database's key (volunteer_app.security.keys)
    "key_missing": QT_TRANSLATE_NOOP("ErrorText", "This computer does not have the key of this database, so the change cannot be recorded in the audit log; nothing was saved. An administrator exports the key on a computer that has it (volunteer-app keys export FILE) and imports it here (volunteer-app keys import FILE)."),
    "key_mismatch": QT_TRANSLATE_NOOP("ErrorText", "The key on this computer is not the key of this database; nothing was saved. Import the right key file (volunteer-app keys import FILE)."),
    "id_number_unreadable": QT_TRANSLATE_NOOP("ErrorText", "A stored ID number does not open with this database's key: it was altered or copied from another database."),
    "key_file_invalid": QT_TRANSLATE_NOOP("ErrorText", "%1 is not a key file of this app (%2)."),
    "key_store_failed": QT_TRANSLATE_NOOP("ErrorText", "The key could not be stored or written at %1 (%2)."),
    "audit_log_missing": QT_TRANSLATE_NOOP("ErrorText", "This database holds data but its audit log was removed outside the app; nothing was saved. Restore the last good backup."),
}


def register_texts(*, fields: dict[str, str] | None = None, reasons: dict[str, str] | None = None,
                   errors: dict[str, str] | None = None) -> None:
    """Add codes to the tables at run time (a plug-in or a test's probe code).

    The application's own codes do not use this: their texts live in the tables above
    (and in the domain modules of :mod:`ui.texts`). Values are English source strings;
    error templates may use %1 (the first of the error's details: path, revision, name
    or id) and %2 (its ``reason``).
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
        if "%1" in text:  # the limit, or why the file cannot be read
            text = arg(text, f"{p.value:,}" if isinstance(p.value, int) else p.value)
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
    # No passwords, ID and phone numbers masked (volunteer_app.security.redact).
    safe = redact.column_value(column, p.value)
    value = "" if safe in (None, "") or p.code == "duplicate_in_file" else str(safe)
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
        d = redact.details(exc.details)  # a URL's password, phone and ID numbers masked
        first = d.get("path") or d.get("url") or d.get("revision") or d.get("name") or d.get("id") or ""
        return arg(translate("ErrorText", src), first, d.get("reason", ""))
    if isinstance(exc, OSError):
        return arg(translate("ErrorText", "The file could not be read or written: %1"),
                   redact.scrub(exc.strerror or str(exc)))
    # A driver's text may quote the statement's values or a URL with its password.
    return arg(translate("ErrorText", "Unexpected error: %1: %2"), type(exc).__name__, redact.scrub(exc))
