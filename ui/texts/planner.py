"""Texts of the planner domain: duty types, assignment statuses, conflict reasons,
statutory holidays, weekday names and the scheduling services' error codes, in the UI
language.

Every text keeps the translation context ``PlannerView`` it had when it lived in the
planner screen, so the existing Chinese translations still apply. Besides the planner's
own modules, the hours ledger reads duty-type names from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.common.i18n import arg
from ui.texts.errors import error_text
from volunteer_app.errors import AppError

if TYPE_CHECKING:
    # Only for annotations: the hours screen reads duty names from here without loading
    # the scheduling services.
    from volunteer_app.scheduling.conflicts import Conflict
    from volunteer_app.scheduling.holidays import DayInfo
    from volunteer_app.services.assignments import AssignResult
    from volunteer_app.services.shifts import ShiftRow, WeekPlan
    from volunteer_app.services.week_copy import CopyResult

translate = QCoreApplication.translate

DUTY_TYPES = {
    "patrol": QT_TRANSLATE_NOOP("PlannerView", "Patrol"),
    "small_inspection": QT_TRANSLATE_NOOP("PlannerView", "Daily small inspection"),
    "big_inspection": QT_TRANSLATE_NOOP("PlannerView", "Weekly big inspection"),
    "persuasion": QT_TRANSLATE_NOOP("PlannerView", "Civility persuasion"),
    "publicity": QT_TRANSLATE_NOOP("PlannerView", "Publicity"),
    "cleanup": QT_TRANSLATE_NOOP("PlannerView", "Cleanup"),
    "event": QT_TRANSLATE_NOOP("PlannerView", "Event"),
    "other": QT_TRANSLATE_NOOP("PlannerView", "Other duty"),
}
STATUSES = {
    "planned": QT_TRANSLATE_NOOP("PlannerView", "Planned"),
    "confirmed": QT_TRANSLATE_NOOP("PlannerView", "Confirmed"),
    "checked_in": QT_TRANSLATE_NOOP("PlannerView", "Checked in"),
    "completed": QT_TRANSLATE_NOOP("PlannerView", "Completed"),
    "no_show": QT_TRANSLATE_NOOP("PlannerView", "No-show"),
    "cancelled": QT_TRANSLATE_NOOP("PlannerView", "Cancelled"),
}
CONFLICTS = {
    "inactive": QT_TRANSLATE_NOOP("PlannerView", "has left (inactive)"),
    "on_leave": QT_TRANSLATE_NOOP("PlannerView", "on leave or unavailable that day"),
    "not_member": QT_TRANSLATE_NOOP("PlannerView", "not a member of the shift's team"),
    "overlap": QT_TRANSLATE_NOOP("PlannerView", "already on another shift at that time"),
    "full": QT_TRANSLATE_NOOP("PlannerView", "the shift is already full"),
    "outside_availability": QT_TRANSLATE_NOOP("PlannerView", "outside their available times"),
    "over_week_max": QT_TRANSLATE_NOOP("PlannerView", "over their weekly maximum"),
    "over_day_max": QT_TRANSLATE_NOOP("PlannerView", "over their daily maximum"),
    "short_rest": QT_TRANSLATE_NOOP("PlannerView", "less than 8 hours' rest between shifts"),
}
HOLIDAYS = {
    "new_years_day": QT_TRANSLATE_NOOP("PlannerView", "New Year's Day"),
    "spring_festival": QT_TRANSLATE_NOOP("PlannerView", "Spring Festival"),
    "tomb_sweeping_day": QT_TRANSLATE_NOOP("PlannerView", "Qingming Festival"),
    "labour_day": QT_TRANSLATE_NOOP("PlannerView", "Labour Day"),
    "dragon_boat_festival": QT_TRANSLATE_NOOP("PlannerView", "Dragon Boat Festival"),
    "national_day": QT_TRANSLATE_NOOP("PlannerView", "National Day"),
    "mid_autumn_festival": QT_TRANSLATE_NOOP("PlannerView", "Mid-Autumn Festival"),
    "anti_fascist_70th_day": QT_TRANSLATE_NOOP("PlannerView", "Victory Day (70th anniversary)"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("PlannerView", "Mon"), QT_TRANSLATE_NOOP("PlannerView", "Tue"),
    QT_TRANSLATE_NOOP("PlannerView", "Wed"), QT_TRANSLATE_NOOP("PlannerView", "Thu"),
    QT_TRANSLATE_NOOP("PlannerView", "Fri"), QT_TRANSLATE_NOOP("PlannerView", "Sat"),
    QT_TRANSLATE_NOOP("PlannerView", "Sun"),
)
# Error codes of the scheduling services (the shared error texts do not know them yet).
ERRORS = {
    "already_assigned": QT_TRANSLATE_NOOP("PlannerView", "The volunteer is already on this shift."),
    "assignment_has_record": QT_TRANSLATE_NOOP(
        "PlannerView", "This duty is already checked in, completed or marked no-show; change its status instead of removing it."),
    "assignment_not_found": QT_TRANSLATE_NOOP("PlannerView", "The volunteer is no longer on this shift."),
    "assignment_id_not_found": QT_TRANSLATE_NOOP("PlannerView", "That duty assignment no longer exists; reload and try again."),
    "not_released": QT_TRANSLATE_NOOP("PlannerView", "That duty was not released, so it cannot be given back."),
    "shift_not_found": QT_TRANSLATE_NOOP("PlannerView", "The shift no longer exists; it may have been deleted meanwhile."),
    "status_transition": QT_TRANSLATE_NOOP("PlannerView", "The duty's status cannot be changed that way."),
}


def tr_planner(text: str) -> str:
    """Translate a source text of the PlannerView context."""
    return translate("PlannerView", text)


def duty_type_text(code: str) -> str:
    return tr_planner(DUTY_TYPES.get(code, DUTY_TYPES["other"]))


def status_text(code: str) -> str:
    return tr_planner(STATUSES[code]) if code in STATUSES else code


def conflict_text(c: Conflict) -> str:
    """One conflict reason in the UI language, with its details where they help."""
    text = tr_planner(CONFLICTS[c.code]) if c.code in CONFLICTS else c.code
    d = c.detail()
    if c.code in ("over_week_max", "over_day_max"):
        return arg(translate("PlannerView", "%1 (%2 of at most %3)"), text, d.get("count"), d.get("limit"))
    if c.code == "short_rest":
        return arg(translate("PlannerView", "%1 (%2 h)"), text, d.get("hours"))
    if c.code == "on_leave":
        return arg(translate("PlannerView", "%1 (%2 to %3)"), text, d.get("start"), d.get("end"))
    return text


def holiday_text(day: DayInfo) -> str:
    """Name of a special day: the clerk's name, else the translated statutory holiday."""
    if day.name:
        return day.name
    if day.code in HOLIDAYS:
        return tr_planner(HOLIDAYS[day.code])
    return ""


def planner_error_text(exc: BaseException) -> str:
    """Messages for the scheduling error codes; everything else through the shared texts."""
    if isinstance(exc, AppError) and exc.code in ERRORS:
        return tr_planner(ERRORS[exc.code])
    if isinstance(exc, AppError) and exc.code == "batch_has_assignments":
        return translate("PlannerView", "The generated shifts already have volunteers on them.")
    return error_text(exc)


def time_span(shift: ShiftRow) -> str:
    """'19:30–21:30', with a next-day mark for overnight shifts."""
    text = f"{shift.start:%H:%M}\u2013{shift.end:%H:%M}"
    return text + translate("PlannerView", " (+1 day)") if shift.overnight else text


def week_summary_text(plan: WeekPlan) -> str:
    """Shifts, places filled of places needed (over-full shifts count as full), shifts with gaps."""
    needed = sum(s.needed for s in plan.shifts)
    filled = sum(min(s.filled, s.needed) for s in plan.shifts)
    gaps = sum(1 for s in plan.shifts if s.gap > 0)
    return arg(translate("PlannerView", "%1 shifts · %2 of %3 places filled · %4 shifts with gaps"),
               len(plan.shifts), filled, needed, gaps)


def assign_result_text(res: AssignResult) -> str:
    """An assignment made, with the soft conflicts it warns of or the hard ones overridden."""
    name = res.volunteer_name
    if res.warnings:
        return arg(translate("PlannerView", "%1 assigned, but: %2"), name,
                   "; ".join(conflict_text(c) for c in res.warnings))
    if res.overridden:
        return arg(translate("PlannerView", "%1 assigned despite: %2"), name,
                   "; ".join(conflict_text(c) for c in res.overridden))
    return arg(translate("PlannerView", "%1 assigned."), name)


def copy_result_text(res: CopyResult) -> str:
    """What copying the previous week did; the first eight assignments not copied, and why."""
    text = arg(translate("PlannerView", "Copied from the previous week: %1 volunteer(s) on shifts, %2 shift(s) created."),
               res.assignments_copied, res.shifts_created)
    if res.skipped:
        skipped = "; ".join(
            f"{k.name}: " + ", ".join(tr_planner(CONFLICTS.get(code, code)) for code in k.codes)
            for k in res.skipped[:8])
        more = f" \u2026 (+{len(res.skipped) - 8})" if len(res.skipped) > 8 else ""
        text += " " + arg(translate("PlannerView", "Not copied: %1"), skipped + more)
    return text
