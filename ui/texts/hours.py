"""Texts of the service-hours ledger: where an entry came from, the reasons the core writes
on its own corrections, an entry's state and its duty as shown.

The texts keep the translation context ``HoursModel`` they had in the ledger's table
model, so the existing translations still apply. The errors of the hours services are
worded with the requests' in :mod:`ui.texts.orders`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.common.i18n import arg, translated
from ui.texts.planner import duty_type_text
from volunteer_app.models.shifts import DUTY_TYPES
from volunteer_app.services import hours as hours_service

if TYPE_CHECKING:
    from volunteer_app.services.hours_listing import EntryRow

translate = QCoreApplication.translate

SOURCE_TEXT = {
    "assignment": QT_TRANSLATE_NOOP("HoursModel", "Shift check-in"),
    "request": QT_TRANSLATE_NOOP("HoursModel", "Resident request"),
    "manual": QT_TRANSLATE_NOOP("HoursModel", "Entered by hand"),
}
# Reasons the core writes itself on the corrections it makes.
AUTO_REASON_TEXT = {
    hours_service.REASON_NO_SHOW: QT_TRANSLATE_NOOP("HoursModel", "did not come (no-show)"),
    hours_service.REASON_CHECKIN_TIMES: QT_TRANSLATE_NOOP("HoursModel", "check-in times changed"),
    hours_service.REASON_REQUEST_HOURS: QT_TRANSLATE_NOOP("HoursModel", "hours of the request changed"),
}


def source_text(code: str) -> str:
    """Where an entry came from, in the UI language."""
    return translated("HoursModel", SOURCE_TEXT, code)


def reason_text(reason: str) -> str:
    """A correction's or manual entry's reason (the app's own codes translated)."""
    return translated("HoursModel", AUTO_REASON_TEXT, reason)


def duty_text(duty: str) -> str:
    """A ledger duty as shown: a bare duty-type code at its head becomes its name."""
    head, sep, rest = duty.partition(" \u00b7 ")
    if head in DUTY_TYPES:
        head = duty_type_text(head)
    return head + sep + rest


def status_text(row: EntryRow) -> str:
    """Verified, awaiting verification, corrected or void."""
    if row.superseded_by is not None:
        return arg(translate("HoursModel", "Corrected by No. %1"), row.superseded_by)
    if row.minutes == 0:
        return translate("HoursModel", "Void")
    if row.verified:
        return translate("HoursModel", "Verified")
    return translate("HoursModel", "Awaiting verification")


def duty_and_reason(row: EntryRow) -> str:
    """An entry's duty with the reason it was entered or corrected."""
    duty = duty_text(row.duty)
    if not row.reason:
        return duty
    reason = reason_text(row.reason)
    if not duty:
        return arg(translate("HoursModel", "Reason: %1"), reason)
    return arg(translate("HoursModel", "%1 (reason: %2)"), duty, reason)
