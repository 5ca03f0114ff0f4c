"""The job bodies and the runner that makes each run idempotent.

Every job body has the signature ``body(session, run) -> JobResult``: it works in the
session it is given (one unit of work) and reads the time from ``run.now`` / ``run.slot``,
never from the clock. :func:`run_job` is the only place that reads the clock, and only
when no ``now`` is handed in.

Idempotency, in two layers:

1. :func:`run_job` first claims the run's *slot* in ``job_run`` (one row per job and slot,
   unique): a slot that already ran is not run again, so a run caught up at start-up after
   the app was closed happens once, never twice, even if APScheduler fires it again;
2. every reminder and alert is written to ``reminder_log`` under a unique key before it is
   announced, so even manual runs and overlapping runs never repeat one.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import logging
import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import community_zone
from ..db import Database, check_integrity, sqlite_path
from ..errors import ConflictError, DatabaseError
from ..models.jobs import JobRun, ReminderLog
from ..parsing import parse_limit
from ..security.permissions import ADMINISTRATOR, Actor, require
from . import settings as cfg
from .duties import load_duties, load_shifts
from .reminders import REMINDABLE_STATUSES, as_local, due_reminders, remind_time, reminder_key

log = logging.getLogger(__name__)

# Jobs are the office's own scheduled work, set up by someone allowed to manage jobs
# ("jobs.manage", checked when settings are saved or a job is run by hand). A job body
# acts as this actor whoever is logged in at the PC, so a clerk's session neither blocks
# the weekly plan nor lends it a captain's team scope; the audit log names it.
SYSTEM_ACTOR = Actor(name="scheduler", role=ADMINISTRATOR, operator_id=0)
BACKUP_DIRNAME = "backups"
STALE_RUN = timedelta(hours=1)
# Statuses of a run outcome; "already_done" is never stored (the slot's row exists).
OUTCOME_STATUSES = ("ok", "failed", "skipped", "not_available", "already_done")


@dataclass(frozen=True)
class Notice:
    """Something a job made that people should see (tray notification, Today screen).

    ``kind`` is a code (``duty_reminder``, ``unfilled_shift``, ``overdue_request``,
    ``plan_generated``, ``backup_made``); ``data`` holds plain JSON values. Front ends turn
    both into text in their own language.
    """

    kind: str
    data: dict[str, Any]

    def to_json(self) -> dict:
        return {"kind": self.kind, **self.data}


@dataclass(frozen=True)
class JobResult:
    """What a job body returns."""

    status: str = "ok"  # ok, skipped, not_available, failed (a reason says why)
    summary: dict[str, Any] = field(default_factory=dict)
    notices: tuple[Notice, ...] = ()
    reason: str = ""  # code saying why a job was skipped or is not available


@dataclass(frozen=True)
class JobOutcome:
    """The outcome of one run, as the runner recorded it."""

    job_id: str
    status: str
    slot: datetime
    manual: bool
    summary: dict[str, Any] = field(default_factory=dict)
    notices: tuple[Notice, ...] = ()
    reason: str = ""
    error: str = ""
    run_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def to_json(self) -> dict:
        return {"job": self.job_id, "status": self.status, "slot": self.slot.isoformat(),
                "manual": self.manual, "summary": self.summary, "reason": self.reason,
                "error": self.error, "notices": [n.to_json() for n in self.notices]}


@dataclass(frozen=True)
class RunContext:
    """Handed to a job body: which job, its settings, the run's time and where it runs."""

    db: Database
    job_id: str
    config: cfg.JobConfig
    tz: ZoneInfo
    now: datetime  # naive local
    slot: datetime  # naive local: the scheduled time this run belongs to
    manual: bool
    run_id: int | None = None


class JobBody(Protocol):
    def __call__(self, session: Session, run: RunContext) -> JobResult: ...


# ---------------------------------------------------------------------------- runner


# Runs of one process are serialised: the scheduler's worker and a manual run from the
# Settings screen never race each other for the same reminders.
_RUN_LOCK = threading.Lock()


def _body(func_ref: str) -> JobBody:
    module, _, name = func_ref.partition(":")
    return getattr(importlib.import_module(module), name)


def _claim(db: Database, job_id: str, slot: datetime, manual: bool, started: datetime) -> int | None:
    """Insert the run's row; None when the slot already ran (or is running elsewhere)."""
    try:
        with db.session() as s:
            row = s.scalar(select(JobRun).where(JobRun.job_id == job_id, JobRun.slot == slot))
            if row is not None:
                stale = row.status == "running" and row.started_at < started - STALE_RUN
                if row.status != "failed" and not stale:
                    return None
                # A failed slot may be retried: its reminders were rolled back with it. So
                # may one left "running" by a process that died (its work was rolled back).
                row.status, row.started_at, row.finished_at, row.error = "running", started, None, ""
                s.flush()
                return row.id
            row = JobRun(job_id=job_id, slot=slot, run_trigger="manual" if manual else "schedule",
                         status="running", started_at=started, summary="{}", error="")
            s.add(row)
            s.flush()
            return row.id
    except ConflictError as exc:  # another process claimed the same slot a moment earlier
        if exc.code not in ("constraint", "stale"):  # stale: it retook a failed run first
            raise
        return None


def _finish(db: Database, run_id: int, outcome: JobOutcome, tz: ZoneInfo) -> None:
    summary = {**outcome.summary, "reason": outcome.reason,
               "notices": [n.to_json() for n in outcome.notices]}
    with db.session() as s:
        row = s.get(JobRun, run_id)
        row.status = outcome.status
        row.finished_at = datetime.now(tz).replace(tzinfo=None, microsecond=0)
        row.summary = json.dumps(summary, ensure_ascii=False, default=str)
        row.error = outcome.error


def run_job(db: Database, job_id: str, *, now: datetime | None = None,
            manual: bool = False) -> JobOutcome:
    """Run one job once and record it; never raises for a failing job body.

    A scheduled run (``manual`` false) belongs to the job's latest slot at ``now`` and is
    skipped as ``already_done`` when that slot already ran. A manual run always runs (its
    slot is the moment itself). ``now`` defaults to the clock in the community's zone.
    """
    spec = cfg.spec(job_id)
    with _RUN_LOCK:
        with db.session() as s:
            tz = community_zone(s)
            config = cfg.get_config(s, job_id)
        local = as_local(now, tz) if now is not None else datetime.now(tz).replace(tzinfo=None)
        if manual:
            slot = local
        else:
            local = local.replace(microsecond=0)
            slot = cfg.last_slot(config, local, tz)
        run_id = _claim(db, job_id, slot, manual, local)
        if run_id is None:
            return JobOutcome(job_id, "already_done", slot, manual)
        run = RunContext(db, job_id, config, tz, local, slot, manual, run_id)
        try:
            with db.session() as s:
                s.info["actor"] = SYSTEM_ACTOR
                result = _body(spec.func)(s, run)
            outcome = JobOutcome(job_id, result.status, slot, manual, result.summary,
                                 result.notices, result.reason, "", run_id)
        except Exception as exc:  # recorded as a failed run; the slot may be retried
            log.exception("job %s failed", job_id)
            from ..security.redact import scrub

            # Stored and shown in the tray: no statement values or URL passwords in it.
            outcome = JobOutcome(job_id, "failed", slot, manual, {}, (), "error",
                                 f"{type(exc).__name__}: {scrub(exc)}", run_id)
        _finish(db, run_id, outcome, tz)
        return outcome


@dataclass(frozen=True)
class RunInfo:
    """One recorded run of a job."""

    id: int
    job_id: str
    slot: datetime
    manual: bool
    status: str
    started_at: datetime
    finished_at: datetime | None
    summary: dict
    error: str

    def to_json(self) -> dict:
        return {"id": self.id, "job": self.job_id, "slot": self.slot.isoformat(),
                "manual": self.manual, "status": self.status,
                "started_at": self.started_at.isoformat(),
                "finished_at": self.finished_at.isoformat() if self.finished_at else None,
                "summary": self.summary, "error": self.error}


def _run_info(r: JobRun) -> RunInfo:
    try:
        summary = json.loads(r.summary or "{}")
    except ValueError:
        summary = {}
    return RunInfo(r.id, r.job_id, r.slot, r.run_trigger == "manual", r.status, r.started_at,
                   r.finished_at, summary, r.error)


def list_runs(session: Session, job_id: str | None = None, limit: int = 50) -> list[RunInfo]:
    """Recorded runs, newest first (``jobs history``: for those who manage the jobs)."""
    require(session, "jobs.manage")
    return _runs(session, job_id, limit)


def _runs(session: Session, job_id: str | None, limit: int) -> list[RunInfo]:
    limit = parse_limit(limit, "limit")
    stmt = select(JobRun).order_by(JobRun.started_at.desc(), JobRun.id.desc()).limit(limit)
    if job_id is not None:
        stmt = stmt.where(JobRun.job_id == job_id)
    return [_run_info(r) for r in session.scalars(stmt)]


def last_runs(session: Session) -> dict[str, RunInfo]:
    """The latest run of every job that ran (for those who manage the jobs)."""
    require(session, "jobs.manage")
    out: dict[str, RunInfo] = {}
    for spec in cfg.SPECS:
        runs = _runs(session, spec.id, 1)
        if runs:
            out[spec.id] = runs[0]
    return out


def record_missed(db: Database, job_id: str, slot: datetime) -> None:
    """Note a slot APScheduler dropped as too late to be useful (for the run history)."""
    try:
        with db.session() as s:
            if s.scalar(select(JobRun.id).where(JobRun.job_id == job_id, JobRun.slot == slot)):
                return
            s.add(JobRun(job_id=job_id, slot=slot, run_trigger="schedule", status="skipped",
                         started_at=slot, finished_at=slot,
                         summary=json.dumps({"reason": "missed"}), error=""))
    except ConflictError as exc:
        if exc.code != "constraint":
            raise


# ---------------------------------------------------------------------------- helpers


def _logged_keys(session: Session, kind: str, first: datetime, last: datetime) -> set[str]:
    return set(session.scalars(select(ReminderLog.key).where(
        ReminderLog.kind == kind, ReminderLog.subject_at >= first, ReminderLog.subject_at <= last)))


def _log(session: Session, run: RunContext, kind: str, key: str, *, due_at: datetime,
         subject_at: datetime, status: str = "sent", data: dict | None = None, **refs: Any) -> None:
    session.add(ReminderLog(kind=kind, key=key, status=status, due_at=due_at,
                            subject_at=subject_at, created_at=run.now, job_run_id=run.run_id,
                            data=json.dumps(data or {}, ensure_ascii=False, default=str), **refs))


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M")


# ---------------------------------------------------------------------------- job bodies


def duty_reminders(session: Session, run: RunContext) -> JobResult:
    """Remind volunteers of their coming duties (per-team lead times, default 24 h and 2 h)."""
    leads = cfg.lead_times(run.config)
    horizon = run.now + timedelta(minutes=leads.longest)
    duties = load_duties(session, run.now, horizon, statuses=REMINDABLE_STATUSES)
    # Nobody is reminded of a duty they are away for: a leave covering its day, or gone from
    # the register (issue 18: reminders still went out after the leave was recorded).
    away = _away(session, duties)
    skipped = len([d for d in duties if (d.volunteer_id, d.date) in away])
    duties = [d for d in duties if (d.volunteer_id, d.date) not in away]
    sent = _logged_keys(session, "duty", run.now, horizon)
    reminders = due_reminders(duties, leads, run.now, sent, run.tz)
    notices = []
    superseded = 0
    for r in reminders:
        d = r.duty
        data = {**r.to_json(), "minutes_before": r.minutes_before(run.now)}
        refs = {"shift_id": d.shift_id, "assignment_id": d.assignment_id,
                "volunteer_id": d.volunteer_id}
        _log(session, run, "duty", r.key, due_at=r.remind_at, subject_at=d.begins,
             lead_minutes=r.lead_minutes, data=data, **refs)
        for lead in r.superseded:
            superseded += 1
            _log(session, run, "duty", reminder_key(d.assignment_id, d.begins, lead),
                 status="superseded", due_at=remind_time(d.begins, lead, run.tz),
                 subject_at=d.begins, lead_minutes=lead, data={"by": r.key}, **refs)
        notices.append(Notice("duty_reminder", data))
    session.flush()
    return JobResult("ok", {"sent": len(reminders), "superseded": superseded,
                            "duties_checked": len(duties), "skipped_away": skipped}, tuple(notices))


def _away(session: Session, duties: list) -> set[tuple[int, date]]:
    """(volunteer, day) pairs of these duties whose volunteer is on leave that day or has left."""
    from ..models import Volunteer
    from ..services.availability import leave_days

    vids = {d.volunteer_id for d in duties}
    if not vids:
        return set()
    gone = set(session.scalars(select(Volunteer.id).where(Volunteer.id.in_(vids),
                                                          Volunteer.active.is_(False))))
    leave = leave_days(session, vids, min(d.date for d in duties), max(d.date for d in duties))
    return {(d.volunteer_id, d.date) for d in duties
            if d.volunteer_id in gone or (d.volunteer_id, d.date) in leave}


def unfilled_alerts(session: Session, run: RunContext) -> JobResult:
    """Alert once per shift starting within the window (default 48 h) below its headcount."""
    window = int(run.config.get("window_hours"))
    until = run.now + timedelta(hours=window)
    shifts = [s for s in load_shifts(session, run.now.date(), until.date())
              if run.now < s.begins <= until and s.gap > 0]
    logged = _logged_keys(session, "unfilled", run.now, until)
    notices = []
    for sh in shifts:
        key = f"s{sh.shift_id}@{_minute(sh.begins)}"
        if key in logged:
            continue
        data = {k: v for k, v in sh.to_json().items() if k != "people"}
        data["people"] = [p.name for p in sh.people]
        _log(session, run, "unfilled", key, due_at=run.now, subject_at=sh.begins,
             shift_id=sh.shift_id, data=data)
        notices.append(Notice("unfilled_shift", data))
    session.flush()
    return JobResult("ok", {"alerted": len(notices), "unfilled": len(shifts),
                            "window_hours": window}, tuple(notices))


def requests_service() -> Any | None:
    """The residents' requests service when this version of the app has one, else None."""
    if importlib.util.find_spec("volunteer_app.services.requests") is None:
        return None
    module = importlib.import_module("volunteer_app.services.requests")
    if not all(hasattr(module, n) for n in ("list_requests", "RequestFilter")):
        return None
    return module


def overdue_requests(session: Session, run: RunContext) -> JobResult:
    """Alert once per open resident request past its due time."""
    service = requests_service()
    if service is None:
        return JobResult("not_available", reason="requests_not_available")
    rows = service.list_requests(session, service.RequestFilter(overdue_only=True), now=run.now)
    logged = set(session.scalars(select(ReminderLog.key).where(ReminderLog.kind == "overdue")))
    notices = []
    for r in rows:
        key = f"r{r.id}@{_minute(r.due_at)}"
        if key in logged:
            continue
        data = {"request_id": r.id, "resident": r.resident_name, "building": r.building,
                "grid": r.grid, "team": r.team, "volunteer": r.volunteer, "status": r.status,
                "category": r.category, "urgency": r.urgency,
                "due_at": r.due_at.isoformat(timespec="minutes"),
                "hours_late": int((run.now - r.due_at).total_seconds() // 3600)}
        _log(session, run, "overdue", key, due_at=r.due_at, subject_at=r.due_at,
             request_id=r.id, data=data)
        notices.append(Notice("overdue_request", data))
    session.flush()
    return JobResult("ok", {"alerted": len(notices), "overdue": len(rows)}, tuple(notices))


def plan_week(slot: date, weeks_ahead: int) -> tuple[date, date]:
    """Monday and Sunday of the week a run on ``slot`` plans (``weeks_ahead`` after it)."""
    monday = slot - timedelta(days=slot.weekday()) + timedelta(weeks=weeks_ahead)
    return monday, monday + timedelta(days=6)


def weekly_plan(session: Session, run: RunContext) -> JobResult:
    """Generate next week's shifts from the duty templates (idempotent, one batch)."""
    from ..services import shifts as shift_service
    from ..services import templates as template_service

    monday, sunday = plan_week(run.slot.date(), int(run.config.get("weeks_ahead")))
    week = shift_service.week_label(monday)
    # A run caught up late plans only the days still ahead; past days need no shifts. (The
    # week is never over: a catch-up belongs to the latest slot, at most a week ago.)
    first = min(max(monday, run.now.date()), sunday)
    result = template_service.generate(session, first, sunday)
    data = {"week": week, **result.to_json()}
    notices = [Notice("plan_generated", data)]
    if result.uncovered_years:
        # The table as it stands was used (estimated holidays, or weekends only): say so,
        # so that someone checks it before the week is filled (issue 18).
        notices.append(Notice("holidays_unconfirmed",
                              {"week": week, "years": list(result.uncovered_years)}))
    return JobResult("ok", data, tuple(notices))


BACKUP_RE = r"^{stem}-(\d{{8}}-\d{{6}}){suffix}$"
# Nightly backups are encrypted archives (issue 17.2); older versions made plain copies
# named with the database's own suffix, which age out through the same rotation.
NIGHTLY_SUFFIX = ".vabak"


def backup_files(directory: Path, stem: str, suffix: str | tuple[str, ...]) -> list[Path]:
    """The nightly backups of one database in ``directory`` (named with ``suffix``, or
    any of them), newest first."""
    if not directory.is_dir():
        return []
    suffixes = (suffix,) if isinstance(suffix, str) else tuple(dict.fromkeys(suffix))
    patterns = [re.compile(BACKUP_RE.format(stem=re.escape(stem), suffix=re.escape(x))) for x in suffixes]
    found = [(m.group(1), p) for p in directory.iterdir() for pattern in patterns
             if p.is_file() and (m := pattern.match(p.name))]
    return [p for _, p in sorted(found, reverse=True)]


def rotate_backups(directory: Path, stem: str, suffix: str | tuple[str, ...], keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest backups; returns what was deleted.

    Only files named like the job's own backups are touched.
    """
    removed = []
    for path in backup_files(directory, stem, suffix)[keep:]:
        path.unlink()
        removed.append(path)
    return removed


def backup_directory(db: Database, config: cfg.JobConfig) -> Path | None:
    """Where the nightly backups go: the configured folder, else ``backups`` beside the file."""
    path = sqlite_path(db.url)
    if path is None:
        return None
    chosen = str(config.get("directory") or "").strip()
    return Path(chosen).expanduser() if chosen else path.parent / BACKUP_DIRNAME


def nightly_backup(session: Session, run: RunContext) -> JobResult:
    """Write an encrypted archive of the SQLite database and keep the newest N backups.

    Encrypted with the database key (HKDF purpose ``backup``, :mod:`volunteer_app.backup_crypto`):
    the folder may be a USB stick or a share, and a stolen copy shows nothing. It restores
    on any PC holding the key (``volunteer-app keys export`` keeps it safe, ``keys import``
    brings it to a new PC: docs/security.md). The default folder is private (0700), the
    files 0600.
    """
    from ..backup import write_key_archive
    from ..backup_access import database_id
    from ..files import private_dir
    from ..security.keys import KeyStoreError

    path = sqlite_path(run.db.url)
    if path is None:
        return JobResult("not_available", reason="not_sqlite")
    directory = backup_directory(run.db, run.config)
    if directory == path.parent / BACKUP_DIRNAME:
        private_dir(directory)
    else:  # the office's chosen folder: made private if new, left as it is otherwise
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    suffix = path.suffix or ".db"
    target = directory / f"{path.stem}-{run.slot:%Y%m%d-%H%M%S}{NIGHTLY_SUFFIX}"
    try:  # a damaged copy would push a good backup out of the rotation
        check_integrity(path, full=True)
    except DatabaseError as exc:
        if exc.code != "database_damaged":
            raise
        return JobResult("failed", {"file": ""}, reason="database_damaged")
    # Written under another name first (and removed if it fails): a half-written copy
    # never counts as a backup.
    try:
        key_of = database_id(session)
    except KeyStoreError:  # this PC lacks the database's key: nothing to encrypt with
        return JobResult("failed", {"file": ""}, reason="key_missing")
    write_key_archive(run.db, target, key_of)
    keep = int(run.config.get("keep"))
    removed = rotate_backups(directory, path.stem, (NIGHTLY_SUFFIX, suffix), keep)
    data = {"file": str(target), "bytes": target.stat().st_size, "kept": keep,
            "removed": [p.name for p in removed]}
    return JobResult("ok", data, (Notice("backup_made", data),))


def audit_check(session: Session, run: RunContext) -> JobResult:
    """Check the audit log's chain and the settings and hours it protects
    (:func:`volunteer_app.security.chain.verify`); a mismatch is a failed run with a notice."""
    from ..security.chain import verify

    report = verify(session)
    data = {"entries": report.entries, "problems": report.problem_count,
            "first_entry": report.first_bad_entry,
            "kinds": sorted({p.kind for p in report.problems})}
    if report.ok:
        return JobResult("ok", data)
    kinds = set(data["kinds"])
    if "key_missing" in kinds:
        return JobResult("failed", data, reason="key_missing")
    if "key_mismatch" in kinds:
        return JobResult("failed", data, reason="key_mismatch")
    return JobResult("failed", data, (Notice("audit_mismatch", data),), reason="audit_mismatch")
