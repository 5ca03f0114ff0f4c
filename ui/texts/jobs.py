"""Texts of the background jobs: their names, how a run ended and why, the notices they
make, and the tray notification that announces them.

Everything keeps the translation context ``Jobs`` it had in the scheduler bridge, so the
existing translations still apply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.common.i18n import arg

if TYPE_CHECKING:
    from volunteer_app.jobs.jobs import JobOutcome, Notice

translate = QCoreApplication.translate
MAX_LINES_IN_TRAY = 5

JOB_TITLES = {
    "duty_reminders": QT_TRANSLATE_NOOP("Jobs", "Upcoming-duty reminders"),
    "unfilled_alerts": QT_TRANSLATE_NOOP("Jobs", "Unfilled-shift alerts"),
    "overdue_requests": QT_TRANSLATE_NOOP("Jobs", "Overdue residents' requests"),
    "weekly_plan": QT_TRANSLATE_NOOP("Jobs", "Weekly plan from the duty templates"),
    "nightly_backup": QT_TRANSLATE_NOOP("Jobs", "Nightly database backup"),
    "audit_check": QT_TRANSLATE_NOOP("Jobs", "Nightly audit-log check"),
}
STATUS_TEXT = {
    "ok": QT_TRANSLATE_NOOP("Jobs", "done"),
    "failed": QT_TRANSLATE_NOOP("Jobs", "failed"),
    "skipped": QT_TRANSLATE_NOOP("Jobs", "skipped"),
    "not_available": QT_TRANSLATE_NOOP("Jobs", "not available"),
    "already_done": QT_TRANSLATE_NOOP("Jobs", "already done"),
    "running": QT_TRANSLATE_NOOP("Jobs", "running"),
}
REASON_TEXT = {
    "requests_not_available": QT_TRANSLATE_NOOP("Jobs", "residents' requests are not part of this version"),
    "not_sqlite": QT_TRANSLATE_NOOP("Jobs", "only database files on this computer are backed up by this job"),
    "missed": QT_TRANSLATE_NOOP("Jobs", "missed while the app was closed"),
    "error": QT_TRANSLATE_NOOP("Jobs", "an unexpected error; the log has the details"),
    "database_damaged": QT_TRANSLATE_NOOP("Jobs", "the database is damaged, so no backup was made (the older backups are kept); restore the newest good one into a new file"),
    "audit_mismatch": QT_TRANSLATE_NOOP("Jobs", "the audit log, or the settings, operators and hours it protects, were changed outside the app"),
    "key_missing": QT_TRANSLATE_NOOP("Jobs", "this computer does not have the database's key, so the audit log cannot be checked"),
    "key_mismatch": QT_TRANSLATE_NOOP("Jobs", "the key on this computer is not this database's key"),
}
# One line per notice kind; the arguments come from the notice's data (see notice_text).
NOTICE_TEXT = {
    "duty_reminder": QT_TRANSLATE_NOOP("Jobs", "%1: duty %2 %3 (reminded %4 min before)"),
    "unfilled_shift": QT_TRANSLATE_NOOP("Jobs", "%1 %2 needs %3 more (%4 of %5 filled)"),
    "overdue_request": QT_TRANSLATE_NOOP("Jobs", "Request of %1 (%2) is %3 h overdue"),
    "plan_generated": QT_TRANSLATE_NOOP("Jobs", "Week %1: %2 shifts made from the templates (%3 were there)"),
    "backup_made": QT_TRANSLATE_NOOP("Jobs", "Backup written: %1 (%2 old copies removed)"),
    "audit_mismatch": QT_TRANSLATE_NOOP("Jobs", "The audit log does not match its chain: %1 problem(s), first entry #%2"),
    "holidays_unconfirmed": QT_TRANSLATE_NOOP("Jobs", "Week %1 was planned with the %2 holidays not confirmed (estimated or weekends only); check the holiday table"),
}


def job_title(job_id: str) -> str:
    """The job's name in the UI language."""
    return translate("Jobs", JOB_TITLES[job_id]) if job_id in JOB_TITLES else job_id


def status_text(status: str) -> str:
    """How a run ended (or that it is running), in the UI language."""
    return translate("Jobs", STATUS_TEXT[status]) if status in STATUS_TEXT else status


def reason_text(reason: str) -> str:
    """Why a run was skipped, not available or failed, in the UI language."""
    return translate("Jobs", REASON_TEXT[reason]) if reason in REASON_TEXT else reason


def _when(data: dict) -> str:
    overnight = data.get("overnight")
    end = data.get("end", "")
    if overnight:
        end = arg(translate("Jobs", "%1 next day"), end)
    return f"{data.get('date', '')} {data.get('start', '')}-{end}"


def _notice_args(notice: Notice) -> tuple:
    d = notice.data
    if notice.kind == "duty_reminder":
        return (d.get("volunteer", ""), _when(d), d.get("title") or d.get("team") or "",
                d.get("lead_minutes", ""))
    if notice.kind == "unfilled_shift":
        return (_when(d), d.get("title") or d.get("team") or "", d.get("gap", ""),
                d.get("filled", ""), d.get("needed", ""))
    if notice.kind == "overdue_request":
        return d.get("resident", ""), d.get("building", ""), d.get("hours_late", "")
    if notice.kind == "plan_generated":
        return d.get("week", ""), d.get("created", 0), d.get("existing", 0)
    if notice.kind == "holidays_unconfirmed":
        return d.get("week", ""), "、".join(str(y) for y in d.get("years") or [])
    if notice.kind == "backup_made":
        return d.get("file", ""), len(d.get("removed") or [])
    if notice.kind == "audit_mismatch":
        first = d.get("first_entry")
        return d.get("problems", 0), "\u2014" if first is None else first
    return ()


def notice_text(notice: Notice) -> str:
    """One line describing a notice in the UI language."""
    if notice.kind not in NOTICE_TEXT:
        return notice.kind
    return arg(translate("Jobs", NOTICE_TEXT[notice.kind]), *_notice_args(notice))


def outcome_line(outcome: JobOutcome) -> str:
    """``<job>: <status> (<reason>)`` in the UI language, for status labels."""
    text = arg(translate("Jobs", "%1: %2"), job_title(outcome.job_id), status_text(outcome.status))
    if outcome.reason and outcome.status != "ok":
        text += f" ({reason_text(outcome.reason)})"
    return text


def notification(outcome: JobOutcome) -> tuple[str, str] | None:
    """Title and text of the tray notification for a run, or None when nothing is new."""
    notices = outcome.notices
    if outcome.status == "failed":
        # A run that failed for a reason of its own (no exception) says the reason.
        text = outcome.error or reason_text(outcome.reason)
        if notices:
            text = "\n".join([text, *(notice_text(n) for n in notices[:MAX_LINES_IN_TRAY])])
        return (arg(translate("Jobs", "%1 failed"), job_title(outcome.job_id)), text)
    if outcome.status != "ok" or not notices:
        return None
    titles = {
        "duty_reminders": translate("Jobs", "%n duty reminder(s)", "", len(notices)),
        "unfilled_alerts": translate("Jobs", "%n shift(s) short of volunteers", "", len(notices)),
        "overdue_requests": translate("Jobs", "%n overdue request(s)", "", len(notices)),
    }
    title = titles.get(outcome.job_id, job_title(outcome.job_id))
    lines = [notice_text(n) for n in notices[:MAX_LINES_IN_TRAY]]
    if len(notices) > MAX_LINES_IN_TRAY:
        lines.append(arg(translate("Jobs", "... and %1 more"), len(notices) - MAX_LINES_IN_TRAY))
    return title, "\n".join(lines)
