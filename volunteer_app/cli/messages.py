"""English text for the core's codes, used by the command line.

The twin of the desktop's text catalogue (``ui/texts/``): every error, reason and job
code declared in :mod:`volunteer_app.codes` has its English text here, in one place
(``tests/test_codes.py`` checks). Value codes (statuses, sources, categories, kinds) are
printed as they are: the listings and ``--json`` use the codes themselves, and commands
accept them (or their Chinese names) as input; so are notice kinds (only ``--json`` shows
notices). Field names are printed as their codes too, as the options spell them.
"""

from __future__ import annotations

from ..errors import AppError, FieldProblem, ImportFailed, RowProblem, ValidationError
from ..models.requests import REQUEST_CATEGORIES, URGENCIES
from ..parsing import YEAR_MAX, YEAR_MIN, shown
from ..security import redact

REASONS = {
    # shift planning: conflict reasons (hard ones block unless overridden, soft ones warn)
    "inactive": "the volunteer is no longer active",
    "on_leave": "the volunteer is on leave or unavailable that day",
    "not_member": "the volunteer is not a member of the shift's team",
    "overlap": "the volunteer already has a duty at that time",
    "full": "the shift already has the people it needs",
    "outside_availability": "the shift is outside the volunteer's availability",
    "over_week_max": "more duties this week than the volunteer's weekly maximum",
    "over_day_max": "more duties that day than the volunteer's daily maximum",
    "short_rest": "less than 8 hours' rest between duties",
    # shift planning: fields
    "duty_type_invalid": "is not a duty type (patrol, small_inspection, big_inspection, persuasion, publicity, cleanup, event, other)",
    "needed_invalid": "must be a whole number from 1 to 99",
    "time_invalid": "is not a time (HH:MM)",
    "date_invalid": "is not a date (YYYY-MM-DD)",
    "end_before_start": "is before the start",
    "range_too_long": "makes the range too long (at most 800 days at once)",
    "cron_invalid": "is not a valid schedule (e.g. mon-fri, sat, 1-15)",
    "week_invalid": "is not an ISO week (YYYY-Www)",
    "autofill_range_too_long": "makes the range too long for an auto-fill (at most 31 days)",
    "autofill_date_out_of_range": "is too far in the past or the future to plan",
    "weekday_invalid": "must be a weekday from 0 (Monday) to 6 (Sunday)",
    "window_empty": "must differ from the start",
    "leave_kind_invalid": "must be leave or unavailable",
    "limit_invalid": "must be a whole number from 0 to 50",
    "holiday_kind_invalid": "must be holiday or workday",
    "holidays_not_covered": "has no official holiday data in chinese_calendar",
    "holiday_range_too_long": "makes the holiday range too long (at most 31 days at once)",
    "status_invalid": "is not an assignment status",
    "source_invalid": "is not an assignment source",
    "required": "is required",
    "mobile_invalid": "is not a valid mainland mobile number (11 digits starting with 1)",
    "phone_invalid": "is not a valid phone number",
    "id_length": "must be 18 characters",
    "id_format": "must be 17 digits followed by a digit or X",
    "id_birth_date": "contains an impossible date of birth",
    "id_checksum": "has a wrong check digit",
    "id_excel_number": ("was stored by Excel as a number and its last digits are lost: "
                        "set the column to text and enter the numbers again"),
    "too_long": "is too long",
    "bad_characters": "contains control characters or starts like a formula",
    "control_characters": "contains a line break, a control character or an invisible "
                          "text-direction mark (only notes may have line breaks)",
    "mixed_encoding": "is in another text encoding than the rest of the file (UTF-8 and GBK "
                      "mixed); save the whole file again in one encoding",
    "undecodable_text": "holds bytes that are neither UTF-8 nor GBK text",
    "merged_cells": "is a range of merged cells; unmerge it and fill in the value on every row",
    "yes_no_invalid": "must be 是 or 否 (yes or no)",
    "state_invalid": "must be 在册 (active) or 已离队 (left)",
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
    "too_many_rows": "has more than {value:,} rows, the import limit; split it into several files",
    "too_many_cells": "has more than {value:,} cells, the import limit; split it or delete unused columns",
    "too_large": "is larger than {value} MB (unzipped), the import limit; split it into several files",
    "compression_ratio": "has a part that expands more than {value} times, which no Excel file "
                         "does; refused as a possible zip bomb",
    "xml_entities": "contains XML entity declarations (a DTD), which Excel never writes; refused",
    "not_a_file": "is a folder or a device, not a file",
    "unreadable_file": "cannot be read",
    "kind_invalid": "is not a team kind",
    "duplicate_team": "already exists",
    "duplicate_grid_number": "already exists",
    "duplicate_grid_name": "already exists",
    "number_invalid": "must be a positive whole number",
    "timezone_invalid": "is not a known time zone",
    "parent_self": "cannot be the team itself",
    "username_invalid": "must be 1-40 characters without spaces",
    "duplicate_username": "is already taken",
    "captain_needs_team": "a captain account needs the captain's team",
    "password_too_short": "must be at least 8 characters",
    "order_invalid": "is not a sort order of the register",
    # residents' requests and service hours
    "category_invalid": "is not a request category (" + ", ".join(REQUEST_CATEGORIES) + ")",
    "urgency_invalid": "is not an urgency (" + ", ".join(URGENCIES) + ")",
    "satisfaction_invalid": "must be a whole number from 1 to 5",
    "not_applicable": "does not apply to this status",
    "required_for_hours": "is required to record hours (dispatch to a volunteer first)",
    "unknown_volunteer": "names no volunteer",
    "ambiguous_volunteer": "names several volunteers; give the id instead",
    "volunteer_inactive": "has left and cannot be sent",
    "in_future": "lies in the future",
    "before_previous": "is before the request's previous step",
    "after_later_step": "is after the request was already dispatched or taken up",
    "month_invalid": "must be a month like 2026-12",
    "datetime_invalid": "must be a date and time like 2026-12-07T09:30",
    "date_out_of_range": f"is too far in the past or the future (outside the years {YEAR_MIN} to {YEAR_MAX})",
    "out_of_range": "is out of range",
    "date_in_future": "lies in the future",
    "hours_invalid": "must be a positive number of hours such as 1.5",
    "hours_too_many": "is more than 24 hours",
    "year_invalid": "must be a year like 2026",
    "outside_shift": "is too far from the shift's planned times",
    "checkin_status_invalid": "must be checked_in, completed or no_show",
    # printing
    "cff_outlines": "it has PostScript (CFF) outlines, which PDF printing cannot embed",
    "not_a_font": "it is not a TrueType font file",
    "no_cjk_glyphs": "it has no Chinese characters or no Latin digits",
    "no_tibetan_glyphs": "it has no Tibetan characters",
    "folder_missing": "the folder does not exist",
    "tibetan_font_missing": "text in Tibetan script was printed without a Tibetan font "
                            "(install fonts-tibetan-machine or choose one with --tibetan-font)",
    "output_invalid": "is not a kind of printout",
    "copies_invalid": "must be a whole number from 1 to 1000",
}

# ``jobs set`` words the codes of the options it checks in its own terms; cli/jobs.py fills
# in {choices} (the offered intervals) and {max_leads} from the job settings.
JOB_SETTING_REASONS = {
    "interval_invalid": "must be one of {choices} minutes",
    "time_invalid": "must be a time of day like 09:00",
    "day_invalid": "must be a day name: mon tue wed thu fri sat sun",
    "lead_times_invalid": "must be 1 to {max_leads} lead times between 1 minute and 7 days",
    "out_of_range": "is out of range",
    "unknown_option": "is not a setting of this job",
    "directory_invalid": "must be a folder path",
}

# Why a job run was skipped, not available or failed.
JOB_REASONS = {
    "requests_not_available": "residents' requests are not part of this version",
    "not_sqlite": "only SQLite database files are backed up by this job",
    "missed": "missed while the app was closed",
    "error": "an unexpected error; the log has the details",
    "database_damaged": "the database is damaged, so no backup was made (the older backups are "
                        "kept); restore the newest good one into a new file",
    "audit_mismatch": "the audit log or the settings, operators and hours it protects were changed "
                      "outside the app: run volunteer-app audit verify",
    "key_missing": "this computer does not have the database's key, so the audit log cannot be "
                   "checked: import it with volunteer-app keys import FILE",
    "key_mismatch": "the key on this computer is not this database's key",
}

ERRORS = {
    # shift planning
    "shift_not_found": "no shift with id {id}",
    "template_not_found": "no duty template with id {id}",
    "batch_not_found": "no generation batch with id {id}",
    "assignment_not_found": "volunteer {volunteer_id} is not on shift {shift_id}",
    "assignment_id_not_found": "no duty assignment with id {id}",
    "not_released": "assignment {id} was not released (it is {status}): only released duties can be given back",
    "leave_not_found": "no leave with id {id}",
    "holiday_not_found": "{date} is not in the holiday table",
    "holiday_change_not_found": "holiday change {id} does not exist",
    "holiday_change_undone": "holiday change {id} was already undone",
    "already_assigned": "volunteer {volunteer_id} is already on shift {shift_id}",
    "hard_conflict": "the assignment has hard conflicts: {conflicts}",
    "assignment_has_record": "the duty is already {status}: change its status instead of removing it",
    "status_transition": "an assignment cannot go from {current} to {status}",
    "batch_undone": "batch {id} was already undone",
    "batch_has_assignments": "batch {id} cannot be undone: {count} of its shifts have assignments",
    "shift_has_record": "shift {id} holds a record of service and cannot be deleted",
    "shift_restore_taken": "the duty cannot be put back: shift {id} was made for the same template occurrence meanwhile",
    "shift_has_assignments": "shift {id} has {count} volunteers on it (use --force to delete anyway)",
    "not_found": "not found",
    "volunteer_not_found": "no volunteer with id {id}",
    "team_not_found": "no team named {name}",
    "grid_not_found": "no grid named {name}",
    "membership_not_found": "the volunteer is not a member of that team",
    "not_empty": "the database already holds data; --demo needs an empty database",
    "has_history": "the volunteer has history and can only be deactivated",
    "stale": "the record was changed by someone else meanwhile; reload and try again",
    "constraint": "someone else changed the same data at the same moment; nothing was written, try again",
    "double_booking": "a volunteer would be on two duties at the same time; nothing was written",
    "team_in_use": "the team still has members or branch teams",
    "not_a_database": "{path} is not a database file of this app",
    "unreadable": "{path} cannot be read as a database ({reason})",
    "too_new": "the database was written by a newer version of the app (revision {revision})",
    "foreign_database": "{path} holds tables that were not made by this app",
    "missing": "{path} does not exist (create it with: volunteer-app init)",
    "bad_url": "{url!r} is not a database file or URL (e.g. sqlite:///path/to/volunteers.db)",
    "read_only": "{path} is read-only; copy it somewhere writable or restore a backup",
    "backup_missing": "{path} does not exist or is not a file",
    "backup_unreadable": "{path} cannot be read ({reason})",
    "backup_damaged": "{path} is damaged or truncated and cannot be restored ({reason})",
    "backup_foreign": "{path} is not a backup of this app",
    "backup_format": "{path}: a .db backup can only be made of a SQLite database; use a .vabak file",
    "schema_mismatch": "the backup's schema does not match this database",
    "database_damaged": "{path} is damaged ({reason}); nothing was written. Restore the last good "
                        "backup into a new file: volunteer-app --db sqlite:///NEW.db restore {backup}",
    "database_busy": "another program is writing to {path}; nothing was changed, try again",
    "disk_full": "the disk is full: {path} could not be written; nothing was changed",
    "restore_failed": "the restore could not be written to {path} ({reason}); nothing was changed",
    "output_not_file": "{path} exists and is not a regular file (a folder or a device); "
                       "choose a file name",
    "output_read_only": "{path} is read-only; choose another file name",
    "output_is_database": "{path} is the database itself; choose another file for the backup",
    "backup_passphrase_needed": "{path} is encrypted with a passphrase: give it with --passphrase-file "
                                "FILE, $VOLUNTEER_APP_BACKUP_PASSPHRASE or at the prompt",
    "backup_wrong_passphrase": "wrong passphrase for {path}; nothing was restored",
    "backup_tampered": "{path} was changed or cut off after it was written and cannot be trusted; "
                       "nothing was restored",
    "passphrase_too_short": "the backup passphrase must have at least {minimum} characters",
    "backup_plain_refused": "only an administrator may make an unencrypted .db copy; "
                            "back up to a .vabak file instead",
    "backup_without_passwords": "{path} holds no passwords (it was not made by an administrator) and no "
                                "administrator here could log in after restoring it; nothing was "
                                "changed. Restore an administrator's or the nightly backup",
    "backup_passphrase_refused": "your role ({role}) may not see ID numbers, so its backups are "
                                 "encrypted with the database key, not a passphrase; leave out "
                                 "the passphrase",
    "forbidden": "your role ({role}) may not do this ({action})",
    "login_required": "accounts are switched on: log in with --operator NAME",
    "bad_credentials": "wrong operator name or password",
    "locked": "this account is locked after repeated wrong passwords until {until}",
    "accounts_already_enabled": "accounts are already switched on",
    "last_administrator": "the last active administrator cannot be removed or demoted",
    "operator_not_found": "no such operator",
    "no_account": "single-user mode has no password to change",
    "font_missing": "no Chinese TrueType font found for printing: install fonts-wqy-zenhei "
                    "(apt install fonts-wqy-zenhei) or choose a font file (.ttf/.ttc) with "
                    "--font or in Settings",
    "font_file_missing": "font file {path} does not exist: choose an existing .ttf/.ttc file, "
                         "or install fonts-wqy-zenhei",
    "font_unusable": "font file {path} cannot be used for printing: choose a TrueType Chinese "
                     "font (.ttf/.ttc) such as wqy-zenhei.ttc, msyh.ttc or simsun.ttc",
    "output_unwritable": "cannot write {path} ({reason})",
    "print_cancelled": "printing was cancelled",
    "paper_invalid": "unknown paper size {paper}",
    "autofill_stale": "the roster changed since the proposal was made ({count} of its assignments "
                      "are no longer possible); nothing was written, run the auto-fill again",
    "autofill_batch_not_found": "no auto-fill batch with id {id}",
    "autofill_already_undone": "auto-fill batch {id} was already undone",
    "autofill_undo_recorded": "auto-fill batch {id} cannot be undone: {count} of its duties are "
                              "already a record of service (checked in, completed or no-show)",
    # residents' requests and service hours
    "request_not_found": "no request with id {id}",
    "request_closed": "request {id} is {status}; only open requests can be edited",
    "invalid_transition": "request {id} is {from_status} and cannot become {to_status}",
    "hours_entry_not_found": "no hours entry with id {id}",
    "entry_superseded": "hours entry {id} was already corrected by entry {by}; correct that one",
    "assignment_cancelled": "assignment {id} was cancelled",
    "assignment_completed": "assignment {id} is already completed; record its times instead",
    # background jobs
    "job_not_found": "no job named {name}",
    "id_number_unreadable": "a stored ID number does not open with this database's key (it was "
                            "altered or copied from another database)",
    # the database's key
    "key_missing": "this computer does not have the key of database {database_id}: the "
                   "administrator exports it on a computer that has it (volunteer-app keys export "
                   "FILE) and imports it here (volunteer-app keys import FILE); nothing was written",
    "key_mismatch": "the key on this computer (or in the key file) is not the key of database "
                    "{database_id}; nothing was written",
    "key_file_invalid": "{path} is not a key file of this app ({reason})",
    "key_store_failed": "the key could not be stored or written at {path} ({reason})",
    "audit_log_missing": "the database holds data but its audit log was removed outside the app; "
                         "nothing was written. Restore the last good backup (volunteer-app restore)",
}

# What ``audit verify`` found (security.chain.ChainProblem.kind); {entry}, {key}, {fields},
# {recorded} and {current} come from the problem.
AUDIT_PROBLEMS = {
    "key_missing": "this computer does not have the database's key: the chain cannot be checked "
                   "(import the key with volunteer-app keys import FILE)",
    "key_mismatch": "the key on this computer is not this database's key (or the database's key "
                    "check was changed): the chain cannot be checked",
    "chain_missing": "the database holds data but no audit log: the log was removed outside the app",
    "entry_altered": "audit entry #{entry} does not match the chain: it was changed, or an entry "
                     "just before it was removed",
    "entry_unchained": "audit entry #{entry} is not part of the chain: it was added outside the app",
    "head_missing": "the chain's head is missing (last entry #{entry})",
    "head_altered": "the chain's head was changed outside the app",
    "entries_removed": "entries after #{entry} were removed (the chain ended at #{key})",
    "setting_changed": "security setting {key} was changed outside the app: the chain recorded "
                       "{recorded!r}, it is now {current!r}",
    "setting_added": "security setting {key} = {current!r} was added outside the app",
    "setting_removed": "security setting {key} (recorded {recorded!r}) was removed outside the app",
    "operator_changed": "operator {key} was changed outside the app ({fields})",
    "operator_added": "operator {key} was added outside the app (the chain never recorded it)",
    "operator_removed": "operator {key} recorded by the chain is missing",
    "hours_changed": "hours entry {key} differs from what the chain recorded ({fields})",
    "hours_added": "hours entry {key} was added outside the app (the chain never recorded it)",
    "hours_removed": "hours entry {key} recorded by the chain is missing",
}


def audit_problem_text(kind: str, entry_id: object = None, key: str = "", fields: tuple = (),
                       recorded: object = None, current: object = None) -> str:
    """One line of ``audit verify``'s report."""
    template = AUDIT_PROBLEMS.get(kind, kind.replace("_", " "))
    return template.format(entry=entry_id, key=key, fields=", ".join(fields), recorded=recorded,
                           current=current)


# Details an error may lack, worded for the message (no nightly backup found: a placeholder).
DEFAULT_DETAILS = {
    "database_damaged": {"backup": "BACKUP-FILE", "reason": "damaged"},
}


def reason_text(code: str) -> str:
    return REASONS.get(code, code.replace("_", " "))


def field_problem(p: FieldProblem) -> str:
    # No passwords or user names, ID and phone numbers masked (security.redact).
    safe = redact.field_value(p.field, p.value)
    value = "" if safe in (None, "") else f" ({shown(safe)!r})"  # a 40,000-char search: cut
    return f"{p.field}{value} {reason_text(p.code)}"


def row_problem(source: str, p: RowProblem) -> str:
    where = f"{redact.scrub(source)}: row {p.row}" if p.row else redact.scrub(source)
    if p.column:
        where += f", column {p.column}"
    safe = redact.column_value(p.column, p.value)
    value = "" if safe in (None, "") else f": {safe!r}"
    if p.code == "duplicate_in_file":
        return f"{where}: repeats row {p.value}"
    if "{value" in reason_text(p.code):  # a limit, named in the sentence
        return f"{where}: {reason_text(p.code).format(value=p.value)}"
    return f"{where}{value} {reason_text(p.code)}"


def error_text(exc: AppError) -> str:
    if isinstance(exc, ImportFailed):
        return "\n".join(row_problem(exc.source, p) for p in exc.problems)
    if isinstance(exc, ValidationError):
        return "\n".join(field_problem(p) for p in exc.problems)
    template = ERRORS.get(exc.code, exc.code.replace("_", " "))
    try:
        # a 5,000-digit "team name": cut; a URL's password, phone and ID numbers: masked
        details = {k: shown(v) for k, v in redact.details(exc.details).items()}
        return template.format(**{**DEFAULT_DETAILS.get(exc.code, {}), **details})
    except (KeyError, IndexError):
        return template
