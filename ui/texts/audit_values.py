"""Stored codes in the audit log's change details, in words (issue 18.13).

The audit log keeps column values as stored: a holiday's ``kind`` is ``holiday`` or
``workday``, its ``code`` ``national_day``, its ``source`` ``chinese_calendar``. The screen
shows what a clerk calls them (类型: 法定节假日), using the same texts as the screens where
the values are entered wherever those exist. Which table a value belongs to decides its
words (``kind`` of a team is not ``kind`` of a holiday); values no table here knows, and
codes a later release adds, are shown as stored rather than hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.common.i18n import translated
from ui.texts import hours, orders, planner, registers
from ui.texts.accounts import role_title

CONTEXT = "AuditNames"

# Values that no screen words yet (the planner's holiday dialog shows them as choices).
HOLIDAY_KINDS = {
    "holiday": QT_TRANSLATE_NOOP("AuditNames", "Statutory holiday"),
    "workday": QT_TRANSLATE_NOOP("AuditNames", "Make-up workday"),
}
HOLIDAY_SOURCES = {
    "chinese_calendar": QT_TRANSLATE_NOOP("AuditNames", "Official holiday calendar"),
    "manual": QT_TRANSLATE_NOOP("AuditNames", "Entered by hand"),
}
LEAVE_KINDS = {
    "leave": QT_TRANSLATE_NOOP("AuditNames", "Leave"),
    "unavailable": QT_TRANSLATE_NOOP("AuditNames", "Unavailable"),
}
BATCH_KINDS = {
    "generate": QT_TRANSLATE_NOOP("AuditNames", "Generated from templates"),
    "copy": QT_TRANSLATE_NOOP("AuditNames", "Copied from the week before"),
}
ASSIGNMENT_SOURCES = {
    "manual": QT_TRANSLATE_NOOP("AuditNames", "Assigned by hand"),
    "copy": QT_TRANSLATE_NOOP("AuditNames", "Copied from another week"),
    "autofill": QT_TRANSLATE_NOOP("AuditNames", "Auto-fill"),
}


def _table(mapping: dict[str, str], context: str = CONTEXT) -> Callable[[str], str]:
    return lambda code: translated(context, mapping, code)


# (table, column) -> the words of a stored value.
WORDS: dict[tuple[str, str], Callable[[str], str]] = {
    ("holiday", "kind"): _table(HOLIDAY_KINDS),
    ("holiday", "code"): _table(planner.HOLIDAYS, "PlannerView"),
    ("holiday", "source"): _table(HOLIDAY_SOURCES),
    ("volunteer_leave", "kind"): _table(LEAVE_KINDS),
    ("generation_batch", "kind"): _table(BATCH_KINDS),
    ("team", "kind"): registers.kind_text,
    ("membership", "role"): registers.role_text,
    ("volunteer", "gender"): registers.gender_text,
    ("operator", "role"): role_title,
    ("assignment", "status"): planner.status_text,
    ("assignment", "source"): _table(ASSIGNMENT_SOURCES),
    ("shift", "duty_type"): _table(planner.DUTY_TYPES, "PlannerView"),
    ("shift_template", "duty_type"): _table(planner.DUTY_TYPES, "PlannerView"),
    ("resident_request", "category"): orders.category_text,
    ("resident_request", "source"): orders.source_text,
    ("resident_request", "urgency"): orders.urgency_text,
    ("resident_request", "status"): orders.status_text,
    ("request_event", "from_status"): orders.status_text,
    ("request_event", "to_status"): orders.status_text,
    ("hours_entry", "source"): hours.source_text,
    ("hours_entry", "reason"): hours.reason_text,
}


def coded_value_text(entity: str, column: str, value: object) -> str | None:
    """The words for a stored code of ``entity.column``, or None when it is no code."""
    words = WORDS.get((entity, column))
    if words is None or not isinstance(value, str) or not value:
        return None
    return words(value)
