"""Texts of residents' requests (and the hours recorded for them): categories, sources,
urgencies, statuses and the step buttons, the fields and reasons of the request and hours
services, and their error codes.

Everything here keeps the translation context ``Requests`` it had in the request dialog,
so the existing translations still apply. Codes this feature does not word itself fall
back to :mod:`ui.texts.errors`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.common.i18n import arg, translated
from ui.texts.errors import error_text, field_problem_text
from volunteer_app.errors import AppError, FieldProblem, ValidationError

translate = QCoreApplication.translate

CATEGORY_TEXT = {
    "repair": QT_TRANSLATE_NOOP("Requests", "Repair"),
    "safety_hazard": QT_TRANSLATE_NOOP("Requests", "Safety hazard"),
    "dispute": QT_TRANSLATE_NOOP("Requests", "Dispute"),
    "care": QT_TRANSLATE_NOOP("Requests", "Elderly or child care"),
    "environment": QT_TRANSLATE_NOOP("Requests", "Environment"),
    "other": QT_TRANSLATE_NOOP("Requests", "Other"),
}
SOURCE_TEXT = {
    "chat_group": QT_TRANSLATE_NOOP("Requests", "Building chat group"),
    "phone": QT_TRANSLATE_NOOP("Requests", "Phone"),
    "walk_in": QT_TRANSLATE_NOOP("Requests", "Walk-in"),
    "registration_point": QT_TRANSLATE_NOOP("Requests", "Registration point"),
}
URGENCY_TEXT = {
    "low": QT_TRANSLATE_NOOP("Requests", "Low (7 days)"),
    "normal": QT_TRANSLATE_NOOP("Requests", "Normal (3 days)"),
    "urgent": QT_TRANSLATE_NOOP("Requests", "Urgent (24 hours)"),
    "emergency": QT_TRANSLATE_NOOP("Requests", "Emergency (2 hours)"),
}
STATUS_TEXT = {
    "received": QT_TRANSLATE_NOOP("Requests", "Received"),
    "dispatched": QT_TRANSLATE_NOOP("Requests", "Dispatched"),
    "accepted": QT_TRANSLATE_NOOP("Requests", "Accepted"),
    "in_progress": QT_TRANSLATE_NOOP("Requests", "In progress"),
    "done": QT_TRANSLATE_NOOP("Requests", "Done"),
    "followed_up": QT_TRANSLATE_NOOP("Requests", "Followed up"),
    "cancelled": QT_TRANSLATE_NOOP("Requests", "Cancelled"),
}
# What the button that moves a request INTO a status says.
ACTION_TEXT = {
    "dispatched": QT_TRANSLATE_NOOP("Requests", "Dispatch\u2026"),
    "accepted": QT_TRANSLATE_NOOP("Requests", "Accepted"),
    "in_progress": QT_TRANSLATE_NOOP("Requests", "Work started"),
    "done": QT_TRANSLATE_NOOP("Requests", "Done\u2026"),
    "followed_up": QT_TRANSLATE_NOOP("Requests", "Follow-up\u2026"),
    "cancelled": QT_TRANSLATE_NOOP("Requests", "Cancel request\u2026"),
}
FIELD_TEXT = {
    "resident_name": QT_TRANSLATE_NOOP("Requests", "Resident"),
    "resident_phone": QT_TRANSLATE_NOOP("Requests", "Resident's phone"),
    "building": QT_TRANSLATE_NOOP("Requests", "Building or compound"),
    "description": QT_TRANSLATE_NOOP("Requests", "Request"),
    "category": QT_TRANSLATE_NOOP("Requests", "Category"),
    "source": QT_TRANSLATE_NOOP("Requests", "Source"),
    "urgency": QT_TRANSLATE_NOOP("Requests", "Urgency"),
    "received_at": QT_TRANSLATE_NOOP("Requests", "Received at"),
    "at": QT_TRANSLATE_NOOP("Requests", "Time"),
    "operator": QT_TRANSLATE_NOOP("Requests", "Operator"),
    "volunteer": QT_TRANSLATE_NOOP("Requests", "Volunteer"),
    "team": QT_TRANSLATE_NOOP("Requests", "Team"),
    "satisfaction": QT_TRANSLATE_NOOP("Requests", "Satisfaction"),
    "reason": QT_TRANSLATE_NOOP("Requests", "Reason"),
    "hours": QT_TRANSLATE_NOOP("Requests", "Hours"),
    "note": QT_TRANSLATE_NOOP("Requests", "Note"),
    "grid": QT_TRANSLATE_NOOP("Requests", "Grid"),
    "start": QT_TRANSLATE_NOOP("Requests", "Arrived"),
    "end": QT_TRANSLATE_NOOP("Requests", "Left"),
    "month": QT_TRANSLATE_NOOP("Requests", "Month"),
    "verified_by": QT_TRANSLATE_NOOP("Requests", "Verified by"),
}
REASON_TEXT = {
    "category_invalid": QT_TRANSLATE_NOOP("Requests", "is not a known category"),
    "source_invalid": QT_TRANSLATE_NOOP("Requests", "is not a known source"),
    "urgency_invalid": QT_TRANSLATE_NOOP("Requests", "is not a known urgency"),
    "status_invalid": QT_TRANSLATE_NOOP("Requests", "is not a known status"),
    "satisfaction_invalid": QT_TRANSLATE_NOOP("Requests", "must be from 1 to 5"),
    "not_applicable": QT_TRANSLATE_NOOP("Requests", "does not apply to this step"),
    "required_for_hours": QT_TRANSLATE_NOOP("Requests", "must be chosen to record hours (dispatch to a volunteer first)"),
    "unknown_volunteer": QT_TRANSLATE_NOOP("Requests", "names no volunteer"),
    "ambiguous_volunteer": QT_TRANSLATE_NOOP("Requests", "names several volunteers"),
    "volunteer_inactive": QT_TRANSLATE_NOOP("Requests", "has left and cannot be sent"),
    "in_future": QT_TRANSLATE_NOOP("Requests", "lies in the future"),
    "before_previous": QT_TRANSLATE_NOOP("Requests", "is before the previous step"),
    "after_later_step": QT_TRANSLATE_NOOP("Requests", "is after the request was dispatched or taken up"),
    "hours_invalid": QT_TRANSLATE_NOOP("Requests", "must be a positive number of hours"),
    "hours_too_many": QT_TRANSLATE_NOOP("Requests", "is more than 24 hours"),
    "outside_shift": QT_TRANSLATE_NOOP("Requests", "is too far from the shift's planned times"),
    "end_before_start": QT_TRANSLATE_NOOP("Requests", "is not after the arrival"),
    "month_invalid": QT_TRANSLATE_NOOP("Requests", "is not a month"),
}
ERROR_TEXT = {
    "request_not_found": QT_TRANSLATE_NOOP("Requests", "The request was not found."),
    "request_closed": QT_TRANSLATE_NOOP("Requests", "The request is settled (\u201c%1\u201d); only open requests can be edited."),
    "invalid_transition": QT_TRANSLATE_NOOP("Requests", "The request is \u201c%1\u201d and cannot become \u201c%2\u201d. Someone may have changed it meanwhile; the list has been reloaded."),
    "shift_not_found": QT_TRANSLATE_NOOP("Requests", "The shift was not found; it may have been deleted meanwhile."),
    "assignment_not_found": QT_TRANSLATE_NOOP("Requests", "A volunteer is no longer on this shift; reload and try again."),
    "assignment_cancelled": QT_TRANSLATE_NOOP("Requests", "A volunteer's duty on this shift was cancelled meanwhile; reload and try again."),
    "assignment_completed": QT_TRANSLATE_NOOP("Requests", "A volunteer's duty is already completed; record the times of departure instead."),
    "hours_entry_not_found": QT_TRANSLATE_NOOP("Requests", "The hours entry was not found."),
    "entry_superseded": QT_TRANSLATE_NOOP("Requests", "The hours entry was already corrected; correct the newest entry."),
}


def category_text(code: str) -> str:
    """A request category in the UI language."""
    return translated("Requests", CATEGORY_TEXT, code)


def source_text(code: str) -> str:
    """Where a request came in, in the UI language."""
    return translated("Requests", SOURCE_TEXT, code)


def urgency_text(code: str) -> str:
    """A request's urgency (with its deadline) in the UI language."""
    return translated("Requests", URGENCY_TEXT, code)


def status_text(code: str) -> str:
    """A request status in the UI language."""
    return translated("Requests", STATUS_TEXT, code)


def action_text(code: str) -> str:
    """What the button that moves a request into status ``code`` says."""
    return translated("Requests", ACTION_TEXT, code)


def orders_problem_text(field: str, code: str, include_field: bool = True) -> str:
    """A field problem of this feature in the UI language (falls back to ui.texts.errors)."""
    reason_src = REASON_TEXT.get(code)
    field_src = FIELD_TEXT.get(field)
    if reason_src is None and field_src is None:
        return field_problem_text(FieldProblem(field, code), include_field)
    reason = translate("Requests", reason_src) if reason_src else \
        field_problem_text(FieldProblem(field, code), include_field=False)
    if not include_field:
        return reason
    label = translate("Requests", field_src) if field_src else field
    return arg(translate("Requests", "%1 %2"), label, reason)


def orders_error_text(exc: BaseException) -> str:
    """Any error a request or hours task may raise, in the UI language."""
    if isinstance(exc, ValidationError):
        return "\n".join(orders_problem_text(p.field, p.code) for p in exc.problems)
    if isinstance(exc, AppError) and exc.code in ERROR_TEXT:
        d = exc.details
        return arg(translate("Requests", ERROR_TEXT[exc.code]),
                   status_text(str(d.get("from_status", d.get("status", "")))),
                   status_text(str(d.get("to_status", ""))))
    return error_text(exc)
