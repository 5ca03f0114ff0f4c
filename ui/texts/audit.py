"""Readable names for the audit log: actions, tables as records, columns as fields
(translated).

The audit log stores action codes and table and column names, which stay stable across
releases; the screen shows what a clerk calls them. Unknown names (a table a later feature
adds before this list learns it) are shown as stored rather than hidden. Actions keep the
translation context ``AuditView`` they had in the audit screen.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.common.i18n import translated
from ui.texts.audit_values import coded_value_text

CONTEXT = "AuditNames"
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")

ENTITIES = {
    "app_setting": QT_TRANSLATE_NOOP("AuditNames", "Setting"),
    "app_setting,operator,hours_entry": QT_TRANSLATE_NOOP("AuditNames", "Settings, operators and hours ledger"),
    "apscheduler_jobs": QT_TRANSLATE_NOOP("AuditNames", "Scheduled job"),
    "assignment": QT_TRANSLATE_NOOP("AuditNames", "Duty assignment"),
    "autofill_batch": QT_TRANSLATE_NOOP("AuditNames", "Auto-fill batch"),
    "autofill_batch_assignment": QT_TRANSLATE_NOOP("AuditNames", "Auto-fill assignment"),
    "availability_window": QT_TRANSLATE_NOOP("AuditNames", "Availability"),
    "community": QT_TRANSLATE_NOOP("AuditNames", "Community"),
    "generation_batch": QT_TRANSLATE_NOOP("AuditNames", "Shift generation"),
    "grid": QT_TRANSLATE_NOOP("AuditNames", "Grid"),
    "holiday": QT_TRANSLATE_NOOP("AuditNames", "Holiday"),
    "hours_entry": QT_TRANSLATE_NOOP("AuditNames", "Hours entry"),
    "job_setting": QT_TRANSLATE_NOOP("AuditNames", "Job setting"),
    "membership": QT_TRANSLATE_NOOP("AuditNames", "Team membership"),
    "operator": QT_TRANSLATE_NOOP("AuditNames", "Operator"),
    "request_event": QT_TRANSLATE_NOOP("AuditNames", "Request event"),
    "resident_request": QT_TRANSLATE_NOOP("AuditNames", "Resident request"),
    "shift": QT_TRANSLATE_NOOP("AuditNames", "Shift"),
    "shift_skip": QT_TRANSLATE_NOOP("AuditNames", "Skipped shift"),
    "shift_template": QT_TRANSLATE_NOOP("AuditNames", "Shift template"),
    "team": QT_TRANSLATE_NOOP("AuditNames", "Team"),
    "volunteer": QT_TRANSLATE_NOOP("AuditNames", "Volunteer"),
    "volunteer_leave": QT_TRANSLATE_NOOP("AuditNames", "Leave"),
    "volunteer_limit": QT_TRANSLATE_NOOP("AuditNames", "Duty limits"),
}

FIELDS = {
    "ids": QT_TRANSLATE_NOOP("AuditNames", "Record ids"),
    "count": QT_TRANSLATE_NOOP("AuditNames", "Count"),
    "key": QT_TRANSLATE_NOOP("AuditNames", "Key"),
    "value": QT_TRANSLATE_NOOP("AuditNames", "Value"),
    "id": QT_TRANSLATE_NOOP("AuditNames", "ID"),
    "next_run_time": QT_TRANSLATE_NOOP("AuditNames", "Next run"),
    "job_state": QT_TRANSLATE_NOOP("AuditNames", "Job state"),
    "shift_id": QT_TRANSLATE_NOOP("AuditNames", "Shift"),
    "volunteer_id": QT_TRANSLATE_NOOP("AuditNames", "Volunteer"),
    "status": QT_TRANSLATE_NOOP("AuditNames", "Status"),
    "source": QT_TRANSLATE_NOOP("AuditNames", "Source"),
    "actual_start": QT_TRANSLATE_NOOP("AuditNames", "Actual start"),
    "actual_end": QT_TRANSLATE_NOOP("AuditNames", "Actual end"),
    "override_reason": QT_TRANSLATE_NOOP("AuditNames", "Override reason"),
    "overridden": QT_TRANSLATE_NOOP("AuditNames", "Overridden"),
    "notes": QT_TRANSLATE_NOOP("AuditNames", "Notes"),
    "created_at": QT_TRANSLATE_NOOP("AuditNames", "Created at"),
    "confirmed_at": QT_TRANSLATE_NOOP("AuditNames", "Confirmed at"),
    "version": QT_TRANSLATE_NOOP("AuditNames", "Version"),
    "operator": QT_TRANSLATE_NOOP("AuditNames", "Operator"),
    "date_from": QT_TRANSLATE_NOOP("AuditNames", "From"),
    "date_to": QT_TRANSLATE_NOOP("AuditNames", "To"),
    "team_id": QT_TRANSLATE_NOOP("AuditNames", "Team"),
    "grid_id": QT_TRANSLATE_NOOP("AuditNames", "Grid"),
    "needed": QT_TRANSLATE_NOOP("AuditNames", "Needed"),
    "filled_before": QT_TRANSLATE_NOOP("AuditNames", "Filled before"),
    "created_count": QT_TRANSLATE_NOOP("AuditNames", "Created"),
    "seconds": QT_TRANSLATE_NOOP("AuditNames", "Seconds"),
    "min_rest_minutes": QT_TRANSLATE_NOOP("AuditNames", "Minimum rest (minutes)"),
    "undone_at": QT_TRANSLATE_NOOP("AuditNames", "Undone at"),
    "batch_id": QT_TRANSLATE_NOOP("AuditNames", "Batch"),
    "assignment_id": QT_TRANSLATE_NOOP("AuditNames", "Assignment"),
    "weekday": QT_TRANSLATE_NOOP("AuditNames", "Weekday"),
    "start_time": QT_TRANSLATE_NOOP("AuditNames", "Start time"),
    "end_time": QT_TRANSLATE_NOOP("AuditNames", "End time"),
    "name": QT_TRANSLATE_NOOP("AuditNames", "Name"),
    "address": QT_TRANSLATE_NOOP("AuditNames", "Address"),
    "service_hall_phone": QT_TRANSLATE_NOOP("AuditNames", "Service hall phone"),
    "service_hall_hours": QT_TRANSLATE_NOOP("AuditNames", "Service hall hours"),
    "timezone": QT_TRANSLATE_NOOP("AuditNames", "Time zone"),
    "kind": QT_TRANSLATE_NOOP("AuditNames", "Kind"),
    "number": QT_TRANSLATE_NOOP("AuditNames", "Number"),
    "area": QT_TRANSLATE_NOOP("AuditNames", "Area"),
    "leader_name": QT_TRANSLATE_NOOP("AuditNames", "Grid leader"),
    "leader_phone": QT_TRANSLATE_NOOP("AuditNames", "Grid leader's phone"),
    "worker_name": QT_TRANSLATE_NOOP("AuditNames", "Grid worker"),
    "worker_phone": QT_TRANSLATE_NOOP("AuditNames", "Grid worker's phone"),
    "police_name": QT_TRANSLATE_NOOP("AuditNames", "Police officer"),
    "police_phone": QT_TRANSLATE_NOOP("AuditNames", "Police officer's phone"),
    "instructor_name": QT_TRANSLATE_NOOP("AuditNames", "Instructor"),
    "instructor_phone": QT_TRANSLATE_NOOP("AuditNames", "Instructor's phone"),
    "date": QT_TRANSLATE_NOOP("AuditNames", "Date"),
    "code": QT_TRANSLATE_NOOP("AuditNames", "Code"),
    "minutes": QT_TRANSLATE_NOOP("AuditNames", "Minutes"),
    "duty": QT_TRANSLATE_NOOP("AuditNames", "Duty"),
    "request_id": QT_TRANSLATE_NOOP("AuditNames", "Request"),
    "start_at": QT_TRANSLATE_NOOP("AuditNames", "Start"),
    "end_at": QT_TRANSLATE_NOOP("AuditNames", "End"),
    "reason": QT_TRANSLATE_NOOP("AuditNames", "Reason"),
    "corrects_id": QT_TRANSLATE_NOOP("AuditNames", "Corrects entry"),
    "created_by": QT_TRANSLATE_NOOP("AuditNames", "Entered by"),
    "verified_at": QT_TRANSLATE_NOOP("AuditNames", "Verified at"),
    "verified_by": QT_TRANSLATE_NOOP("AuditNames", "Verified by"),
    "job_id": QT_TRANSLATE_NOOP("AuditNames", "Job"),
    "enabled": QT_TRANSLATE_NOOP("AuditNames", "Enabled"),
    "options": QT_TRANSLATE_NOOP("AuditNames", "Options"),
    "updated_at": QT_TRANSLATE_NOOP("AuditNames", "Updated at"),
    "role": QT_TRANSLATE_NOOP("AuditNames", "Role"),
    "since": QT_TRANSLATE_NOOP("AuditNames", "Since"),
    "username": QT_TRANSLATE_NOOP("AuditNames", "User name"),
    "display_name": QT_TRANSLATE_NOOP("AuditNames", "Display name"),
    "password_hash": QT_TRANSLATE_NOOP("AuditNames", "Password"),
    "active": QT_TRANSLATE_NOOP("AuditNames", "Active"),
    "failed_attempts": QT_TRANSLATE_NOOP("AuditNames", "Failed logins"),
    "locked_until": QT_TRANSLATE_NOOP("AuditNames", "Locked until"),
    "last_login_at": QT_TRANSLATE_NOOP("AuditNames", "Last login"),
    "at": QT_TRANSLATE_NOOP("AuditNames", "Time"),
    "from_status": QT_TRANSLATE_NOOP("AuditNames", "From status"),
    "to_status": QT_TRANSLATE_NOOP("AuditNames", "To status"),
    "note": QT_TRANSLATE_NOOP("AuditNames", "Note"),
    "resident_name": QT_TRANSLATE_NOOP("AuditNames", "Resident"),
    "resident_phone": QT_TRANSLATE_NOOP("AuditNames", "Resident's phone"),
    "building": QT_TRANSLATE_NOOP("AuditNames", "Building"),
    "category": QT_TRANSLATE_NOOP("AuditNames", "Category"),
    "description": QT_TRANSLATE_NOOP("AuditNames", "Description"),
    "urgency": QT_TRANSLATE_NOOP("AuditNames", "Urgency"),
    "received_at": QT_TRANSLATE_NOOP("AuditNames", "Received at"),
    "due_at": QT_TRANSLATE_NOOP("AuditNames", "Due"),
    "received_by": QT_TRANSLATE_NOOP("AuditNames", "Received by"),
    "dispatched_at": QT_TRANSLATE_NOOP("AuditNames", "Dispatched at"),
    "accepted_at": QT_TRANSLATE_NOOP("AuditNames", "Accepted at"),
    "started_at": QT_TRANSLATE_NOOP("AuditNames", "Started at"),
    "done_at": QT_TRANSLATE_NOOP("AuditNames", "Done at"),
    "followed_up_at": QT_TRANSLATE_NOOP("AuditNames", "Followed up at"),
    "cancelled_at": QT_TRANSLATE_NOOP("AuditNames", "Cancelled at"),
    "result": QT_TRANSLATE_NOOP("AuditNames", "Result"),
    "satisfaction": QT_TRANSLATE_NOOP("AuditNames", "Satisfaction"),
    "follow_up_remark": QT_TRANSLATE_NOOP("AuditNames", "Follow-up remark"),
    "cancel_reason": QT_TRANSLATE_NOOP("AuditNames", "Cancel reason"),
    "title": QT_TRANSLATE_NOOP("AuditNames", "Title"),
    "location": QT_TRANSLATE_NOOP("AuditNames", "Location"),
    "duty_type": QT_TRANSLATE_NOOP("AuditNames", "Duty type"),
    "edited_by_hand": QT_TRANSLATE_NOOP("AuditNames", "Edited by hand"),
    "template_id": QT_TRANSLATE_NOOP("AuditNames", "Template"),
    "origin_date": QT_TRANSLATE_NOOP("AuditNames", "Original date"),
    "day_of_week": QT_TRANSLATE_NOOP("AuditNames", "Days of week"),
    "day": QT_TRANSLATE_NOOP("AuditNames", "Day"),
    "month": QT_TRANSLATE_NOOP("AuditNames", "Month"),
    "valid_from": QT_TRANSLATE_NOOP("AuditNames", "Valid from"),
    "valid_until": QT_TRANSLATE_NOOP("AuditNames", "Valid until"),
    "on_holidays": QT_TRANSLATE_NOOP("AuditNames", "On holidays"),
    "makeup_as_weekday": QT_TRANSLATE_NOOP("AuditNames", "Make-up workdays as weekdays"),
    "parent_id": QT_TRANSLATE_NOOP("AuditNames", "Parent team"),
    "colour": QT_TRANSLATE_NOOP("AuditNames", "Colour"),
    "gender": QT_TRANSLATE_NOOP("AuditNames", "Gender"),
    "mobile": QT_TRANSLATE_NOOP("AuditNames", "Mobile"),
    "id_number": QT_TRANSLATE_NOOP("AuditNames", "ID number"),
    "political_status": QT_TRANSLATE_NOOP("AuditNames", "Political status"),
    "party_household": QT_TRANSLATE_NOOP("AuditNames", "Party household"),
    "occupation": QT_TRANSLATE_NOOP("AuditNames", "Occupation"),
    "skills": QT_TRANSLATE_NOOP("AuditNames", "Skills"),
    "joined_on": QT_TRANSLATE_NOOP("AuditNames", "Joined on"),
    "left_on": QT_TRANSLATE_NOOP("AuditNames", "Left on"),
    "sort_key": QT_TRANSLATE_NOOP("AuditNames", "Sort key"),
    "search_text": QT_TRANSLATE_NOOP("AuditNames", "Search text"),
    "start_date": QT_TRANSLATE_NOOP("AuditNames", "Start date"),
    "end_date": QT_TRANSLATE_NOOP("AuditNames", "End date"),
    "max_per_week": QT_TRANSLATE_NOOP("AuditNames", "Most per week"),
    "max_per_day": QT_TRANSLATE_NOOP("AuditNames", "Most per day"),
    "fingerprint": QT_TRANSLATE_NOOP("AuditNames", "Key fingerprint"),
    "replaced": QT_TRANSLATE_NOOP("AuditNames", "Replaced a wrong key"),
    "chained": QT_TRANSLATE_NOOP("AuditNames", "Earlier entries chained"),
}

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AuditView", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditView", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditView", "Deleted"),
    "import": QT_TRANSLATE_NOOP("AuditView", "Import"),
    "export": QT_TRANSLATE_NOOP("AuditView", "Export"),
    "print": QT_TRANSLATE_NOOP("AuditView", "Print"),
    "login": QT_TRANSLATE_NOOP("AuditView", "Login"),
    "login_failed": QT_TRANSLATE_NOOP("AuditView", "Failed login"),
    "password_changed": QT_TRANSLATE_NOOP("AuditView", "Password changed"),
    "accounts_on": QT_TRANSLATE_NOOP("AuditView", "Accounts switched on"),
    "accounts_off": QT_TRANSLATE_NOOP("AuditView", "Accounts switched off"),
    "backup": QT_TRANSLATE_NOOP("AuditView", "Backup"),
    "restore": QT_TRANSLATE_NOOP("AuditView", "Restore"),
    "unlock": QT_TRANSLATE_NOOP("AuditView", "Account unlocked"),
    "state": QT_TRANSLATE_NOOP("AuditView", "Protected records recorded"),
    "chain_start": QT_TRANSLATE_NOOP("AuditView", "Audit chain started"),
    "key_exported": QT_TRANSLATE_NOOP("AuditView", "Database key exported"),
    "reveal_id": QT_TRANSLATE_NOOP("AuditView", "Full ID number shown"),
    "key_imported": QT_TRANSLATE_NOOP("AuditView", "Database key imported"),
}

YES = QT_TRANSLATE_NOOP("AuditNames", "Yes")
NO = QT_TRANSLATE_NOOP("AuditNames", "No")


def action_title(action: str) -> str:
    """The translated name of an audit action (the code when unknown)."""
    return translated("AuditView", ACTIONS, action)


def entity_title(table: str) -> str:
    """The translated name of an audited table (the table name when unknown)."""
    return translated(CONTEXT, ENTITIES, table)


def field_title(column: str) -> str:
    """The translated name of an audited column (the column name when unknown)."""
    return translated(CONTEXT, FIELDS, column)


def value_text(value: object) -> str:
    """A stored value as the screen shows it: yes/no for flags, a dash for nothing."""
    if value is None or value == "":
        return "\u2014"
    if isinstance(value, bool):
        return QCoreApplication.translate(CONTEXT, YES if value else NO)
    text = str(value)
    if _ISO_TIME.match(text):  # stored as ISO 8601; shown as people write it
        return text.replace("T", " ")
    return text


def changes_text(changes: dict, entity: str = "") -> str:
    """'field: old → new' per changed field, one per line (ids/count summaries as they are).
    Stored codes of ``entity``'s columns are shown in words (:mod:`ui.texts.audit_values`)."""
    def shown(field: str, value: object) -> str:
        words = coded_value_text(entity, field, value)
        return value_text(value) if words is None else words

    lines = []
    for field, pair in changes.items():
        name = field_title(field)
        if field == "ids" and isinstance(pair, list) and len(pair) == 2:
            # A summary of many new rows: the first and last id, not an old and new value.
            lines.append(f"{name}: {pair[0]}\u2013{pair[1]}")
        elif isinstance(pair, list) and len(pair) == 2:
            old, new = pair
            if old is None:
                lines.append(f"{name}: {shown(field, new)}")
            else:
                lines.append(f"{name}: {shown(field, old)} \u2192 {shown(field, new)}")
        else:
            lines.append(f"{name}: {shown(field, pair)}")
    return "\n".join(lines)
