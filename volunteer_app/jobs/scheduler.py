"""The scheduler service: APScheduler 3 with its job store in the application's database.

One :class:`SchedulerService` per open database. It keeps APScheduler's jobs in the
``apscheduler_jobs`` table (created by migration 0004_jobs, declared in
``models/jobs.py``) through the Database's own engine, so jobs and their next run times
survive a restart of the app.

How a start works, and why it catches up exactly once:

1. the scheduler starts *paused*, so nothing fires while the jobs are brought in line
   with the settings stored in ``job_setting``;
2. a job already in the store whose timing is unchanged is left as it is: its next run
   time may lie in the past (the app was closed then), and on resuming APScheduler runs it
   once (``coalesce=True``) if the latest missed time is within the job's
   ``misfire_grace_time``; a changed timing reschedules the job from now, a disabled job
   is removed, a new one added;
3. each fired job calls :func:`run_scheduled` (stored as the text reference
   ``"volunteer_app.jobs.scheduler:run_scheduled"``, because callables cannot be stored)
   which runs the job through :func:`volunteer_app.jobs.jobs.run_job`; that records the
   slot in ``job_run`` first, so the same slot never runs twice.

Triggers are CronTriggers in the community's time zone (``ZoneInfo``); the scheduler's
own zone is the same. Jobs run on APScheduler's worker thread (one worker, so jobs never
overlap), never on the caller's thread: the desktop UI hears about outcomes through the
``on_outcome`` callbacks, which it must forward to its own thread (ui/scheduler_bridge.py
does so with a Qt signal).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from ..clock import community_zone
from ..db import Database
from ..models.jobs import APSCHEDULER_TABLE
from ..security.permissions import require
from . import settings as cfg
from .jobs import SYSTEM_ACTOR, JobOutcome, RunInfo, last_runs, record_missed, run_job

log = logging.getLogger(__name__)

ENTRY = "volunteer_app.jobs.scheduler:run_scheduled"

# Running services by token. A stored job carries the token of the service that last
# synchronised it, so a job fired in this process reaches the service (and database) that
# owns its job store; the token is refreshed at every start.
_SERVICES: dict[str, SchedulerService] = {}
_SERVICES_LOCK = threading.Lock()


def run_scheduled(token: str, job_id: str) -> JobOutcome:
    """Entry point APScheduler calls (by its text reference) when a job fires."""
    with _SERVICES_LOCK:
        service = _SERVICES.get(token)
    if service is None:
        raise RuntimeError(f"job {job_id} fired for a scheduler service that is not running")
    return service._on_fired(job_id)


class AppJobStore(SQLAlchemyJobStore):
    """APScheduler's SQLAlchemy job store on the Database's engine.

    The engine belongs to :class:`~volunteer_app.db.Database`, so shutting the scheduler
    down must not dispose of it (APScheduler's store would).
    """

    def __init__(self, db: Database) -> None:
        super().__init__(engine=db.engine, tablename=APSCHEDULER_TABLE)

    def shutdown(self) -> None:
        pass


@dataclass(frozen=True)
class JobInfo:
    """A job as ``jobs list`` and the Settings screen show it."""

    id: str
    name: str
    enabled: bool
    schedule: str
    next_run_time: datetime | None  # aware, in the community's time zone
    last_run: RunInfo | None

    def to_json(self) -> dict:
        return {
            "id": self.id, "name": self.name, "enabled": self.enabled,
            "schedule": self.schedule,
            "next_run_time": self.next_run_time.isoformat() if self.next_run_time else None,
            "last_run": self.last_run.to_json() if self.last_run else None,
        }


OutcomeCallback = Callable[[JobOutcome], None]


class SchedulerService:
    """Starts, synchronises and stops the background jobs of one open database."""

    def __init__(self, db: Database, *, on_outcome: OutcomeCallback | None = None) -> None:
        self.db = db
        self._callbacks: list[OutcomeCallback] = [on_outcome] if on_outcome else []
        self._scheduler: BackgroundScheduler | None = None
        self._token = ""
        self._lock = threading.RLock()

    # -- life cycle -------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._scheduler is not None

    def add_outcome_callback(self, fn: OutcomeCallback) -> None:
        """Call ``fn(outcome)`` after every run (on the thread that ran the job).

        Outcomes of slots that had already run arrive too, with status ``already_done``.
        """
        self._callbacks.append(fn)

    def _zone(self) -> ZoneInfo:
        with self.db.session() as s:
            return community_zone(s)

    def start(self) -> None:
        """Start the scheduler: synchronise the stored jobs with the settings, then resume.

        Missed runs are caught up (once) right after this returns.
        """
        with self._lock:
            if self._scheduler is not None:
                return
            tz = self._zone()
            scheduler = BackgroundScheduler(
                jobstores={"default": AppJobStore(self.db)},
                executors={"default": ThreadPoolExecutor(max_workers=1)},
                job_defaults={"coalesce": True, "max_instances": 1},
                timezone=tz,
            )
            scheduler.add_listener(self._on_event, EVENT_JOB_ERROR | EVENT_JOB_MISSED)
            self._token = uuid.uuid4().hex
            with _SERVICES_LOCK:
                _SERVICES[self._token] = self
            scheduler.start(paused=True)
            self._scheduler = scheduler
            try:
                self._sync(tz)
            except Exception:
                self.shutdown(wait=False)
                raise
            scheduler.resume()

    def shutdown(self, wait: bool = True) -> None:
        """Stop the scheduler; with ``wait`` a running job finishes first. Jobs stay stored."""
        with self._lock:
            scheduler, self._scheduler = self._scheduler, None
            if scheduler is None:
                return
            try:
                scheduler.shutdown(wait=wait)
            finally:
                with _SERVICES_LOCK:
                    _SERVICES.pop(self._token, None)

    def reload(self) -> None:
        """Apply changed settings (or a changed community time zone) to the running jobs."""
        with self._lock:
            if self._scheduler is not None:
                self._sync(self._zone())

    # -- synchronising ----------------------------------------------------------------

    def _sync(self, tz: ZoneInfo) -> None:
        scheduler = self._scheduler
        with self.db.session() as s:
            # The scheduler's own reading, whoever is (or nobody is) logged in at the PC.
            s.info["actor"] = SYSTEM_ACTOR
            configs = cfg.list_configs(s)
        for config in configs:
            spec = config.spec
            job = scheduler.get_job(spec.id)
            if not config.enabled:
                if job is not None:
                    scheduler.remove_job(spec.id)
                continue
            trigger = cfg.trigger_for(config, tz)
            args = (self._token, spec.id)
            if job is None:
                scheduler.add_job(ENTRY, trigger, args=args, id=spec.id, name=spec.name,
                                  coalesce=True, max_instances=1,
                                  misfire_grace_time=spec.misfire_grace, replace_existing=True)
                continue
            if repr(job.trigger) != repr(trigger):
                # New timing: the next run is computed from now, missed runs are dropped.
                job.reschedule(trigger)
            changes: dict = {}
            if job.args != args:  # keeps next_run_time: a missed run is still caught up
                changes["args"] = args
            if job.func_ref != ENTRY:
                changes["func"] = ENTRY
            if job.name != spec.name:
                changes["name"] = spec.name
            if job.misfire_grace_time != spec.misfire_grace:
                changes["misfire_grace_time"] = spec.misfire_grace
            if not job.coalesce:
                changes["coalesce"] = True
            if changes:
                job.modify(**changes)
        known = {c.job_id for c in configs}
        for job in scheduler.get_jobs():
            if job.id not in known:  # a job of an older version of the app
                scheduler.remove_job(job.id)

    # -- running ----------------------------------------------------------------------

    def _emit(self, outcome: JobOutcome) -> None:
        for fn in list(self._callbacks):
            try:
                fn(outcome)
            except Exception:
                log.exception("outcome callback failed")

    def _on_fired(self, job_id: str) -> JobOutcome:
        outcome = run_job(self.db, job_id)
        self._emit(outcome)  # "already_done" too: listeners decide what to show
        return outcome

    def run_now(self, job_id: str) -> JobOutcome:
        """Run a job at once on the calling thread (``jobs run``, the Settings screen).

        The operator of the database (``db.actor``) must be allowed to manage jobs.
        """
        cfg.spec(job_id)
        with self.db.session() as s:
            require(s, "jobs.manage")
        outcome = run_job(self.db, job_id, manual=True)
        self._emit(outcome)
        return outcome

    def _on_event(self, event: JobExecutionEvent) -> None:
        if event.code == EVENT_JOB_MISSED:
            try:
                tz = self._zone()
                slot = event.scheduled_run_time.astimezone(tz).replace(tzinfo=None)
                record_missed(self.db, event.job_id, slot)
            except Exception:
                log.exception("could not record the missed run of %s", event.job_id)
        elif event.exception is not None:
            log.error("job %s raised", event.job_id, exc_info=event.exception)

    # -- looking -----------------------------------------------------------------------

    def _stored_jobs(self) -> dict[str, Job]:
        if self._scheduler is not None:
            return {j.id: j for j in self._scheduler.get_jobs()}
        store = AppJobStore(self.db)
        return {j.id: j for j in store.get_all_jobs()}

    def list_jobs(self) -> list[JobInfo]:
        """Every job with its settings, next run time (from the job store) and last run.

        Works whether or not the scheduler runs; a job the scheduler has never stored
        (the app has not run since it was enabled) has no next run time yet.
        """
        with self.db.session() as s:
            require(s, "jobs.manage")  # first: who is working, before anything is read
            configs = cfg.list_configs(s)
            runs = last_runs(s)
            tz = community_zone(s)
        jobs = self._stored_jobs()
        out = []
        for config in configs:
            job = jobs.get(config.job_id) if config.enabled else None
            nxt = job.next_run_time.astimezone(tz) if job and job.next_run_time else None
            out.append(JobInfo(config.job_id, config.spec.name, config.enabled,
                               config.schedule_text(), nxt, runs.get(config.job_id)))
        return out

    def next_run_time(self, job_id: str) -> datetime | None:
        """When a job runs next (aware), None when disabled or not stored."""
        for info in self.list_jobs():
            if info.id == job_id:
                return info.next_run_time
        raise JobLookupError(job_id)
