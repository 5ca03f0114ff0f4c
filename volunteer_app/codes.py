"""Every code the core hands to its front ends, declared in one place (no sentences).

The core words no messages (see :mod:`volunteer_app.errors`): it raises ``AppError(code)``,
reports ``FieldProblem(field, code)`` and ``RowProblem(row, column, code)``, explains
conflicts, job runs and notices by code, and stores status, source and category codes.
Each front end words every code declared here: the desktop UI in its text catalogue
(``ui/texts/``, translated) and the command line in :mod:`volunteer_app.cli.messages`
(English).

Codes that are values of database columns (statuses, sources, categories, kinds, roles)
are declared beside their models; :data:`VALUE_DOMAINS` names where, and
:func:`values` reads them. This module imports nothing, so any part of the core may use it.

``tests/test_codes.py`` scans the core's source for the codes it passes to its errors and
code-carrying types and fails when one is not declared here;
``tests/ui/test_texts_catalogue.py`` fails when a declared code has no text in a front end.
"""

from __future__ import annotations

import importlib

# ``AppError.code``: what went wrong as a whole (details name the record, path, ...).
ERRORS: frozenset[str] = frozenset({
    # registers
    "not_found", "volunteer_not_found", "team_not_found", "grid_not_found",
    "membership_not_found", "not_empty", "has_history", "stale", "team_in_use", "constraint",
    "double_booking",
    # the database file and backups
    "not_a_database", "unreadable", "too_new", "foreign_database", "missing", "bad_url",
    "read_only", "backup_missing", "backup_unreadable", "backup_damaged", "backup_foreign",
    "backup_format", "schema_mismatch", "database_damaged", "database_busy", "disk_full",
    "restore_failed", "output_not_file", "output_read_only", "output_is_database",
    # encrypted backups (backup_crypto) and who may make which backup (backup)
    "backup_passphrase_needed", "backup_wrong_passphrase", "backup_tampered",
    "passphrase_too_short", "backup_plain_refused", "backup_passphrase_refused",
    "backup_without_passwords",
    # the database's key (security.keys) outside the database
    "key_missing", "key_mismatch", "key_file_invalid", "key_store_failed",
    # an encrypted ID number that does not open with the database's key (security.id_numbers)
    "id_number_unreadable",
    # the audit log is gone altogether (security.chain): no new chain is started for it
    "audit_log_missing",
    # operators and permissions
    "forbidden", "login_required", "bad_credentials", "locked", "accounts_already_enabled",
    "last_administrator", "operator_not_found", "no_account",
    # shift planning
    "shift_not_found", "template_not_found", "batch_not_found", "assignment_not_found",
    "leave_not_found", "holiday_not_found", "already_assigned", "hard_conflict",
    "assignment_has_record", "status_transition", "batch_undone", "batch_has_assignments",
    "shift_has_record", "shift_has_assignments", "assignment_id_not_found", "not_released",
    # undoing a deleted duty whose template occurrence was made again (services.shift_removal)
    "shift_restore_taken",
    # a change of the holiday table with its duties (services.holiday_changes)
    "holiday_change_not_found", "holiday_change_undone",
    # auto-fill
    "autofill_stale", "autofill_batch_not_found",
    "autofill_already_undone", "autofill_undo_recorded",
    # residents' requests and service hours
    "request_not_found", "request_closed", "invalid_transition", "assignment_cancelled",
    "assignment_completed", "hours_entry_not_found", "entry_superseded",
    # printing
    "font_missing", "font_file_missing", "font_unusable", "output_unwritable",
    "print_cancelled", "paper_invalid",
    # background jobs
    "job_not_found",
})

# Errors worded through the problems they carry, not by their own code.
PROBLEM_LISTS: frozenset[str] = frozenset({
    "invalid",  # ValidationError: its FieldProblems
    "import_failed",  # ImportFailed: its RowProblems
})

# ``FieldProblem.code`` (and ``RowProblem.code`` of a bad cell): why a field is wrong.
FIELD_REASONS: frozenset[str] = frozenset({
    # people, teams, grids (also cells of an imported register)
    "required", "mobile_invalid", "phone_invalid", "id_length", "id_format", "id_birth_date",
    "id_checksum", "id_excel_number", "too_long", "bad_characters", "gender_invalid", "role_invalid",
    "role_count", "role_without_team", "unknown_team", "unknown_grid", "duplicate_mobile",
    "duplicate_id_number", "duplicate_in_file", "duplicate_column", "missing_column",
    "kind_invalid", "duplicate_team", "duplicate_grid_number", "duplicate_grid_name",
    "number_invalid", "timezone_invalid", "parent_self", "order_invalid",
    # any free text: line breaks, control characters, invisible direction marks
    "control_characters",
    # cells of an imported register: the row's encoding, merged cells, the register's flags
    "mixed_encoding", "undecodable_text", "merged_cells", "yes_no_invalid", "state_invalid",
    # operators
    "username_invalid", "duplicate_username", "captain_needs_team", "password_too_short",
    # shift planning and auto-fill
    "duty_type_invalid", "needed_invalid", "time_invalid", "date_invalid", "end_before_start",
    "range_too_long", "cron_invalid", "week_invalid", "weekday_invalid", "window_empty",
    "leave_kind_invalid", "limit_invalid", "holiday_kind_invalid", "holidays_not_covered",
    "holiday_range_too_long",
    "status_invalid", "source_invalid", "checkin_status_invalid",
    "autofill_range_too_long", "autofill_date_out_of_range",
    # residents' requests and service hours
    "category_invalid", "urgency_invalid", "satisfaction_invalid", "not_applicable",
    "required_for_hours", "unknown_volunteer", "ambiguous_volunteer", "volunteer_inactive",
    "in_future", "before_previous", "after_later_step", "hours_invalid", "hours_too_many",
    "outside_shift", "month_invalid", "date_in_future", "year_invalid",
    # any calendar value (volunteer_app.parsing: the years the app plans for), a moment
    "date_out_of_range", "datetime_invalid",
    # printing and reports
    "output_invalid", "copies_invalid", "unsupported_format",
    # job settings
    "interval_invalid", "day_invalid", "lead_times_invalid", "out_of_range", "unknown_option",
    "directory_invalid",
})

# ``RowProblem.code`` of a file as a whole (no column at fault).
FILE_PROBLEMS: frozenset[str] = frozenset({
    "empty_file", "no_rows", "unsupported_format", "file_missing", "not_a_workbook",
    "encoding", "csv_syntax",
    # the import limits (importexport/tables.py, docs/import-limits.md) and unusable paths
    "too_many_rows", "too_many_cells", "too_large", "compression_ratio", "xml_entities",
    "not_a_file", "unreadable_file",
})

# ``FieldProblem.field``: the fields the core names (front ends label them).
FIELDS: frozenset[str] = frozenset({
    # people
    "name", "mobile", "gender", "id_number", "grid", "team", "role", "political_status",
    "occupation", "skills", "notes", "order", "joined_on", "left_on", "party_household",
    "active",
    # teams, grids, community (the grid's people are ``<person>_name`` / ``<person>_phone``)
    "kind", "parent", "number", "area", "address", "service_hall_phone", "service_hall_hours",
    "timezone", "colour",
    # operators
    "username", "password", "display_name", "operator",
    # shift planning
    "type", "needed", "time", "date", "start", "end", "from", "to", "valid_until", "week",
    "weekday", "location", "title", "status", "override", "actual_end", "max_per_day",
    "max_per_week", "date_from", "date_to",
    # requests and hours
    "resident_name", "resident_phone", "building", "description", "category", "source",
    "urgency", "received_at", "at", "volunteer", "satisfaction", "reason", "hours", "note",
    "month", "year", "duty", "verified_by",
    # printing
    "output", "copies",
    # command-line arguments and list filters (volunteer_app.parsing)
    "id", "limit", "search",
    # job settings
    "every_minutes", "day", "day_of_week", "lead_minutes", "team_lead_minutes",
    "window_hours", "weeks_ahead", "keep", "directory",
})

# ``JobResult.reason`` / ``JobOutcome.reason``: why a run was skipped, not available or failed.
JOB_REASONS: frozenset[str] = frozenset({
    "requests_not_available", "not_sqlite", "missed", "error", "database_damaged",
    # the nightly audit check: the log does not match its chain, or this PC has no key
    "audit_mismatch", "key_missing", "key_mismatch",
})

# ``Notice.kind``: what a job made that people should see.
NOTICE_KINDS: frozenset[str] = frozenset({
    "duty_reminder", "unfilled_shift", "overdue_request", "plan_generated", "backup_made",
    "audit_mismatch",
    # the weekly plan used a holiday table not confirmed for the week's year (estimates or
    # weekends only)
    "holidays_unconfirmed",
})

# ``audit.record(session, action, ...)`` and the ORM's own entries.
AUDIT_ACTIONS: frozenset[str] = frozenset({
    "create", "update", "delete", "import", "export", "login", "login_failed",
    "password_changed", "accounts_on", "accounts_off", "backup", "restore", "unlock",
    # the audit chain (security.chain): the rows it recorded, where it started; the key
    "state", "chain_start", "key_exported", "key_imported",
    # a full ID number shown in the desktop (services.volunteers.reveal_id_number)
    "reveal_id",
})

# ``ChainProblem.kind``: what ``audit verify`` found not matching the audit log's chain.
AUDIT_PROBLEMS: frozenset[str] = frozenset({
    "key_missing", "key_mismatch", "chain_missing", "entry_altered", "entry_unchained", "head_missing",
    "head_altered", "entries_removed", "setting_changed", "setting_added", "setting_removed",
    "operator_changed", "operator_added", "operator_removed", "hours_changed", "hours_added",
    "hours_removed",
})

# Value codes declared beside their models and services: domain -> "module:NAME".
VALUE_DOMAINS: dict[str, str] = {
    "team_kind": "volunteer_app.models.people:TEAM_KINDS",
    "member_role": "volunteer_app.models.people:ROLES",
    "gender": "volunteer_app.validation:GENDERS",
    "grid_person": "volunteer_app.services.grids:PEOPLE",
    "operator_role": "volunteer_app.models.accounts:OPERATOR_ROLES",
    "duty_type": "volunteer_app.models.shifts:DUTY_TYPES",
    "assignment_status": "volunteer_app.models.shifts:ASSIGNMENT_STATUSES",
    "conflict_hard": "volunteer_app.scheduling.conflicts:HARD_CODES",
    "conflict_soft": "volunteer_app.scheduling.conflicts:SOFT_CODES",
    "request_category": "volunteer_app.models.requests:REQUEST_CATEGORIES",
    "request_source": "volunteer_app.models.requests:REQUEST_SOURCES",
    "request_urgency": "volunteer_app.models.requests:URGENCIES",
    "request_status": "volunteer_app.models.requests:REQUEST_STATUSES",
    "hours_source": "volunteer_app.models.hours:HOURS_SOURCES",
    "hours_auto_reason": "volunteer_app.services.hours:AUTO_REASONS",
    "job_id": "volunteer_app.models.jobs:JOB_IDS",
    "job_run_status": "volunteer_app.models.jobs:RUN_STATUSES",
    "job_outcome_status": "volunteer_app.jobs.jobs:OUTCOME_STATUSES",
}


def values(domain: str) -> tuple[str, ...]:
    """The codes of a value domain, read from where :data:`VALUE_DOMAINS` says they live."""
    module, name = VALUE_DOMAINS[domain].split(":")
    return tuple(getattr(importlib.import_module(module), name))
