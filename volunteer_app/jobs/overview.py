"""What the Today screen shows: today's and tomorrow's shifts, gaps and pending reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import community_zone
from ..models.jobs import ReminderLog
from ..security.permissions import require
from . import settings as cfg
from .duties import DutyShift, load_duties, load_shifts
from .reminders import REMINDABLE_STATUSES, Duty, as_local, upcoming_reminders

PENDING_STATES = ("sent", "scheduled")


@dataclass(frozen=True)
class PendingReminder:
    """A reminder made and not yet overtaken by its duty (``sent``), or one still to come
    (``scheduled``) before the end of tomorrow."""

    key: str
    state: str
    remind_at: datetime
    lead_minutes: int
    duty: Duty

    def to_json(self) -> dict:
        d = self.duty
        return {"key": self.key, "state": self.state,
                "remind_at": self.remind_at.isoformat(timespec="minutes"),
                "lead_minutes": self.lead_minutes, "volunteer": d.volunteer,
                "shift_id": d.shift_id, "date": d.date.isoformat(),
                "start": d.start.strftime("%H:%M"), "end": d.end.strftime("%H:%M"),
                "team": d.team, "title": d.title}


@dataclass(frozen=True)
class TodayOverview:
    """The Today screen's data, computed at ``now`` (naive local)."""

    now: datetime
    today: tuple[DutyShift, ...]
    tomorrow: tuple[DutyShift, ...]
    reminders: tuple[PendingReminder, ...]
    reminders_enabled: bool

    @property
    def today_date(self) -> date:
        return self.now.date()

    @property
    def tomorrow_date(self) -> date:
        return self.now.date() + timedelta(days=1)

    @property
    def gaps(self) -> int:
        """Open places on the shifts of both days that have not begun yet."""
        return sum(s.gap for s in (*self.today, *self.tomorrow) if s.begins > self.now)


def today_overview(session: Session, now: datetime | None = None) -> TodayOverview:
    """Today's and tomorrow's shifts with who is on them, and the pending reminders."""
    require(session, "shifts.read")
    tz = community_zone(session)
    now = as_local(now, tz) if now is not None else datetime.now(tz).replace(tzinfo=None)
    now = now.replace(microsecond=0)
    today = now.date()
    tomorrow = today + timedelta(days=1)
    shifts = load_shifts(session, today, tomorrow)
    end = datetime.combine(tomorrow + timedelta(days=1), time(0))
    config = cfg.get_config(session, cfg.DUTY_REMINDERS)
    leads = cfg.lead_times(config)
    duties = load_duties(session, now, end + timedelta(minutes=leads.longest),
                         statuses=REMINDABLE_STATUSES)
    by_assignment = {d.assignment_id: d for d in duties}
    pending: list[PendingReminder] = []
    sent_keys: set[str] = set()
    for row in session.scalars(
            select(ReminderLog).where(ReminderLog.kind == "duty", ReminderLog.subject_at > now)
            .order_by(ReminderLog.due_at)):
        sent_keys.add(row.key)
        duty = by_assignment.get(row.assignment_id)
        if row.status != "sent" or duty is None:
            continue  # superseded, or the volunteer is no longer on that duty
        if duty.begins != row.subject_at:
            continue  # the duty was moved; its new time gets its own reminder
        pending.append(PendingReminder(row.key, "sent", row.due_at, row.lead_minutes or 0, duty))
    if config.enabled:
        for r in upcoming_reminders(duties, leads, now, end, sent_keys, tz):
            pending.append(PendingReminder(r.key, "scheduled", r.remind_at, r.lead_minutes, r.duty))
    pending.sort(key=lambda p: (p.duty.begins, p.remind_at, p.duty.volunteer))
    return TodayOverview(
        now,
        tuple(s for s in shifts if s.date == today),
        tuple(s for s in shifts if s.date == tomorrow),
        tuple(pending),
        config.enabled,
    )
