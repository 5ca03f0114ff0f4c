"""The background jobs there are, when they run by default, and the settings clerks edit.

Every job runs on a :class:`~apscheduler.triggers.cron.CronTrigger` in the community's
time zone, built from its settings:

* periodic jobs (reminders, alerts) run every ``every_minutes`` minutes (a divisor of 60,
  so each run falls on a fixed *slot* such as 10:05, 10:10 ...);
* ``nightly_backup`` and ``audit_check`` run daily at ``time``;
* ``weekly_plan`` runs weekly on ``day_of_week`` at ``time``.

Settings are stored per job in ``job_setting`` (enabled flag plus JSON options); a job
without a row runs with the defaults below.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import local_now
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models.jobs import JobSetting
from ..parsing import is_id_text, shown
from ..security.permissions import require
from .reminders import LeadTimes

DUTY_REMINDERS = "duty_reminders"
UNFILLED_ALERTS = "unfilled_alerts"
OVERDUE_REQUESTS = "overdue_requests"
WEEKLY_PLAN = "weekly_plan"
NIGHTLY_BACKUP = "nightly_backup"
AUDIT_CHECK = "audit_check"

EVERY_MINUTES_CHOICES = (1, 2, 5, 10, 15, 20, 30, 60)
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_LEAD_MINUTES = 7 * 24 * 60
MAX_LEADS = 5
MAX_BACKUPS_KEPT = 365


@dataclass(frozen=True)
class JobSpec:
    """A job: id, English name (for the command line), schedule kind, defaults, catch-up."""

    id: str
    name: str
    func: str  # "module:function" of the job body, called as func(session, run)
    schedule: str  # "periodic", "daily" or "weekly"
    defaults: dict[str, Any]
    # How late a missed run may still start after the app was closed at its time (seconds).
    misfire_grace: int


SPECS: tuple[JobSpec, ...] = (
    JobSpec(DUTY_REMINDERS, "Upcoming-duty reminders", "volunteer_app.jobs.jobs:duty_reminders",
            "periodic", {"every_minutes": 5, "lead_minutes": [24 * 60, 120], "team_lead_minutes": {}},
            misfire_grace=7 * 24 * 3600),
    JobSpec(UNFILLED_ALERTS, "Unfilled-shift alerts", "volunteer_app.jobs.jobs:unfilled_alerts",
            "periodic", {"every_minutes": 60, "window_hours": 48},
            misfire_grace=7 * 24 * 3600),
    JobSpec(OVERDUE_REQUESTS, "Overdue resident requests", "volunteer_app.jobs.jobs:overdue_requests",
            "periodic", {"every_minutes": 30},
            misfire_grace=7 * 24 * 3600),
    # Thursday 09:00 plans the next week; a run missed until the next Thursday is pointless.
    JobSpec(WEEKLY_PLAN, "Weekly plan generation", "volunteer_app.jobs.jobs:weekly_plan",
            "weekly", {"day_of_week": "thu", "time": "09:00", "weeks_ahead": 1},
            misfire_grace=7 * 24 * 3600 - 60),
    # The office PC is usually off at night: the backup runs at the next start instead.
    JobSpec(NIGHTLY_BACKUP, "Nightly database backup", "volunteer_app.jobs.jobs:nightly_backup",
            "daily", {"time": "02:30", "keep": 14, "directory": ""},
            misfire_grace=24 * 3600),
    # The audit log's chain and the settings and hours it protects (security.chain); like
    # the backup, run at the next start when the PC was off.
    JobSpec(AUDIT_CHECK, "Nightly audit-log check", "volunteer_app.jobs.jobs:audit_check",
            "daily", {"time": "02:45"}, misfire_grace=24 * 3600),
)

SPEC_BY_ID = {s.id: s for s in SPECS}


def spec(job_id: str) -> JobSpec:
    """The spec of a job by id; NotFoundError for unknown ids."""
    try:
        return SPEC_BY_ID[job_id]
    except KeyError:
        raise NotFoundError("job_not_found", name=job_id) from None


@dataclass(frozen=True)
class JobConfig:
    """A job's effective settings: the stored ones merged over the defaults."""

    job_id: str
    enabled: bool
    options: dict[str, Any] = field(default_factory=dict)
    version: int = 0  # 0 when nothing is stored yet

    @property
    def spec(self) -> JobSpec:
        return SPEC_BY_ID[self.job_id]

    def get(self, key: str) -> Any:
        return self.options.get(key, self.spec.defaults.get(key))

    @property
    def at(self) -> time:
        """Time of day of daily and weekly jobs."""
        return parse_hhmm(self.get("time"))

    def schedule_text(self) -> str:
        """Compact, language-neutral description: ``*/5 min``, ``daily 02:30``, ``thu 09:00``."""
        kind = self.spec.schedule
        if kind == "periodic":
            return f"every {self.get('every_minutes')} min"
        if kind == "daily":
            return f"daily {self.get('time')}"
        return f"{self.get('day_of_week')} {self.get('time')}"

    def to_json(self) -> dict:
        return {"id": self.job_id, "enabled": self.enabled,
                "options": {**self.spec.defaults, **self.options}}


def parse_hhmm(value: object) -> time:
    """``"09:00"`` -> time(9, 0); ValueError otherwise."""
    text = str(value).strip()
    hh, _, mm = text.partition(":")
    if not (re.fullmatch(r"[0-9]{1,2}", hh) and re.fullmatch(r"[0-9]{2}", mm)):  # ASCII only
        raise ValueError(text)
    return time(int(hh), int(mm))


def trigger_for(config: JobConfig, tz: ZoneInfo) -> CronTrigger:
    """The CronTrigger of a job in the community's time zone."""
    kind = config.spec.schedule
    if kind == "periodic":
        every = int(config.get("every_minutes"))
        if every == 60:
            return CronTrigger(minute=0, second=0, timezone=tz)
        return CronTrigger(minute=f"*/{every}", second=0, timezone=tz)
    at = config.at
    if kind == "daily":
        return CronTrigger(hour=at.hour, minute=at.minute, second=0, timezone=tz)
    return CronTrigger(day_of_week=config.get("day_of_week"), hour=at.hour, minute=at.minute,
                       second=0, timezone=tz)


def lookback(config: JobConfig) -> timedelta:
    """How far back the latest slot of a job can lie (one period plus a margin)."""
    return {"periodic": timedelta(hours=2), "daily": timedelta(days=2),
            "weekly": timedelta(days=8)}[config.spec.schedule]


def last_slot(config: JobConfig, now: datetime, tz: ZoneInfo) -> datetime:
    """The latest scheduled time of a job at or before ``now`` (naive local).

    A run that starts late (caught up after the app was closed) belongs to this slot, so
    it is recorded against it and never repeated for it.
    """
    trigger = trigger_for(config, tz)
    aware_now = now.replace(tzinfo=tz) if now.tzinfo is None else now.astimezone(tz)
    cursor = aware_now - lookback(config)
    found = None
    previous = None
    while True:
        fire = trigger.get_next_fire_time(previous, cursor)
        if fire is None or fire > aware_now:
            break
        found = fire
        previous = fire
        cursor = fire + timedelta(seconds=1)
    if found is None:  # pragma: no cover - lookback always covers one period
        found = aware_now
    return found.astimezone(tz).replace(tzinfo=None)


# ---------------------------------------------------------------------------- storage


def _stored(session: Session) -> dict[str, JobSetting]:
    return {r.job_id: r for r in session.scalars(select(JobSetting))}


def _config(job_id: str, row: JobSetting | None) -> JobConfig:
    if row is None:
        return JobConfig(job_id, True, {})
    try:
        options = json.loads(row.options or "{}")
    except ValueError:
        options = {}
    known = SPEC_BY_ID[job_id].defaults
    # Keys of older versions are dropped; values failing validation fall back to defaults.
    options = {k: v for k, v in options.items() if k in known}
    try:
        options = validate_options(job_id, options)
    except ValidationError:
        options = {}
    return JobConfig(job_id, bool(row.enabled), options, row.version)


def get_config(session: Session, job_id: str) -> JobConfig:
    """The effective settings of one job (any logged-in operator may look)."""
    require(session, "shifts.read")
    spec(job_id)
    return _config(job_id, session.get(JobSetting, job_id))


def list_configs(session: Session) -> list[JobConfig]:
    """The effective settings of every job, in the order of :data:`SPECS` (any logged-in
    operator may look; changing them is ``jobs.manage``)."""
    require(session, "shifts.read")
    rows = _stored(session)
    return [_config(s.id, rows.get(s.id)) for s in SPECS]


def _int(options: dict, key: str, low: int, high: int, problems: list[FieldProblem]) -> None:
    value = options[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problems.append(FieldProblem(key, "out_of_range", value))


def _leads(value: object, key: str, problems: list[FieldProblem]) -> list[int]:
    if not isinstance(value, (list, tuple)) or not 1 <= len(value) <= MAX_LEADS:
        problems.append(FieldProblem(key, "lead_times_invalid", value))
        return []
    out = []
    for v in value:
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= MAX_LEAD_MINUTES:
            problems.append(FieldProblem(key, "lead_times_invalid", value))
            return []
        out.append(v)
    return sorted(set(out), reverse=True)


def validate_options(job_id: str, options: dict[str, Any]) -> dict[str, Any]:
    """Checked and normalised options of a job (ValidationError naming each bad field)."""
    known = spec(job_id).defaults
    problems: list[FieldProblem] = []
    out = dict(options)
    for key in out:
        if key not in known:
            problems.append(FieldProblem(key, "unknown_option", out[key]))
    if "every_minutes" in out and out["every_minutes"] not in EVERY_MINUTES_CHOICES:
        problems.append(FieldProblem("every_minutes", "interval_invalid", out["every_minutes"]))
    if "time" in out:
        try:
            out["time"] = parse_hhmm(out["time"]).strftime("%H:%M")
        except (ValueError, TypeError):
            problems.append(FieldProblem("time", "time_invalid", out["time"]))
    if "day_of_week" in out and out["day_of_week"] not in DAY_NAMES:
        problems.append(FieldProblem("day_of_week", "day_invalid", out["day_of_week"]))
    if "lead_minutes" in out:
        out["lead_minutes"] = _leads(out["lead_minutes"], "lead_minutes", problems)
    if "team_lead_minutes" in out:
        teams = out["team_lead_minutes"]
        if not isinstance(teams, dict):
            problems.append(FieldProblem("team_lead_minutes", "lead_times_invalid", teams))
        else:
            clean = {}
            for team, leads in teams.items():
                if not is_id_text(str(team)):
                    problems.append(FieldProblem("team_lead_minutes", "lead_times_invalid", team))
                    continue
                clean[str(int(team))] = _leads(leads, "team_lead_minutes", problems)
            out["team_lead_minutes"] = clean
    if "window_hours" in out:
        _int(out, "window_hours", 1, 14 * 24, problems)
    if "weeks_ahead" in out:
        _int(out, "weeks_ahead", 1, 4, problems)
    if "keep" in out:
        _int(out, "keep", 1, MAX_BACKUPS_KEPT, problems)
    if "directory" in out and (not isinstance(out["directory"], str) or len(out["directory"]) > 1000
                               or any(ord(c) < 32 for c in out["directory"])):
        # A path with a NUL or 40,000 characters fails only when the backup runs at night.
        problems.append(FieldProblem("directory", "directory_invalid", shown(out["directory"])))
    if problems:
        raise ValidationError(problems)
    return out


def save_config(session: Session, job_id: str, *, enabled: bool | None = None,
                options: dict[str, Any] | None = None,
                expected_version: int | None = None) -> JobConfig:
    """Change a job's settings; options given replace the stored ones key by key."""
    require(session, "jobs.manage")
    spec(job_id)
    row = session.get(JobSetting, job_id)
    if expected_version is not None and (row.version if row else 0) != expected_version:
        raise ConflictError("stale", id=job_id)
    current = _config(job_id, row).options
    merged = {**current, **(options or {})}
    merged = validate_options(job_id, merged)
    if row is None:
        row = JobSetting(job_id=job_id, enabled=True, options="{}")
        session.add(row)
    if enabled is not None:
        row.enabled = bool(enabled)
    row.options = json.dumps(merged, ensure_ascii=False, sort_keys=True)
    row.updated_at = local_now(session)
    session.flush()
    return _config(job_id, row)


_LEAD = re.compile(r"([0-9]{1,4}(?:\.[0-9]{1,2})?)h|([0-9]{1,6})m?")


def parse_lead_text(text: str, field: str = "lead_minutes") -> list[int]:
    """``"24h, 2h, 90m"`` -> [1440, 120, 90]; a bare number is minutes.

    ValidationError (``lead_times_invalid``) names the field for anything else.
    """
    out = []
    for part in re.split(r"[,，、;；\s]+", str(text).strip().lower()):
        if not part:
            continue
        # ASCII digits only: float() would take 'inf', '1_0' and other scripts' digits.
        m = _LEAD.fullmatch(part)
        if not m:
            raise ValidationError(FieldProblem(field, "lead_times_invalid", shown(text)))
        if m.group(1) is not None:
            out.append(round(Fraction(m.group(1)) * 60))
        else:
            out.append(int(m.group(2)))
    return out


def lead_text(minutes: list[int] | tuple[int, ...]) -> str:
    """[1440, 120, 90] -> ``"24h, 2h, 90m"`` (what :func:`parse_lead_text` reads)."""
    return ", ".join(f"{m // 60}h" if m % 60 == 0 else f"{m}m" for m in minutes)


def lead_times(config: JobConfig) -> LeadTimes:
    """The lead times of the reminders job's settings."""
    default = tuple(config.get("lead_minutes") or ())
    teams = config.get("team_lead_minutes") or {}
    return LeadTimes(default, {int(k): tuple(v) for k, v in teams.items()})
