"""Copying the previous week's plan into a week: its shifts and the volunteers on them.

Missing shifts are created as one batch (undone like a generation run,
:func:`.templates.undo_batch`); the volunteers are assigned through the same conflict
rules as every other way of assigning (:mod:`.assignments`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import local_now
from ..models import Volunteer
from ..models.shifts import ACTIVE_STATUSES, Assignment, GenerationBatch, Shift, ShiftSkip
from ..parsing import parse_week
from ..scheduling.conflicts import DutyFacts, check, make_shift
from . import availability as avail
from .assignments import load_duties
from .shifts import ShiftRow, planning_scope


@dataclass(frozen=True)
class CopySkip:
    """An assignment of the previous week that could not be copied, and why."""

    volunteer_id: int
    name: str
    source_shift_id: int
    target_shift_id: int | None
    codes: tuple[str, ...]


@dataclass(frozen=True)
class CopyResult:
    """Outcome of copying the previous week into a week."""

    batch_id: int | None
    shifts_created: int
    assignments_copied: int
    skipped: tuple[CopySkip, ...] = field(default=())


def _signature(row: Shift | ShiftRow, shift_days: int = 0) -> tuple:
    start = row.start_time if isinstance(row, Shift) else row.start
    end = row.end_time if isinstance(row, Shift) else row.end
    return (row.date + timedelta(days=shift_days), start, end, row.team_id, row.grid_id,
            row.location, row.duty_type, row.title)


def copy_week(session: Session, target_monday: date, *, team_id: int | None = None) -> CopyResult:
    """Copy the previous week's plan into the week of ``target_monday``.

    Each shift of the previous week is matched with this week's shift of the same template
    occurrence (or the same team, grid, place, times and type); missing shifts are created
    (as one batch that can be undone). The volunteers are then assigned as *planned*
    through the same conflict rules: hard conflicts skip the volunteer (reported), soft
    ones are accepted. Outside the times the volunteer offered and over their daily or
    weekly maximum are hard (issue 18.6): nobody is copied onto such a duty.
    """
    team_id = planning_scope(session, team_id)
    monday = parse_week(target_monday, "week")
    prev = monday - timedelta(days=7)
    conds = [] if team_id is None else [Shift.team_id == team_id]
    source = list(session.scalars(select(Shift).where(
        Shift.date >= prev, Shift.date < monday, *conds).order_by(Shift.date, Shift.start_time)))
    target = list(session.scalars(select(Shift).where(
        Shift.date >= monday, Shift.date < monday + timedelta(days=7), *conds)))
    by_origin = {(s.template_id, s.origin_date): s for s in target if s.template_id is not None}
    by_sig = {}
    for s in target:
        by_sig.setdefault(_signature(s), s)
    skips = set(session.execute(select(ShiftSkip.template_id, ShiftSkip.date).where(
        ShiftSkip.date >= monday, ShiftSkip.date < monday + timedelta(days=7))).all())
    now = local_now(session)
    batch: GenerationBatch | None = None
    pairs: list[tuple[Shift, Shift]] = []
    created = 0
    for src in source:
        dst = None
        origin = src.origin_date + timedelta(days=7) if src.origin_date else None
        if src.template_id is not None and origin is not None:
            dst = by_origin.get((src.template_id, origin))
            if dst is None and (src.template_id, origin) in skips:
                continue  # the coordinator deleted this week's occurrence on purpose
        if dst is None:
            dst = by_sig.get(_signature(src, 7))
        if dst is None:
            if batch is None:
                batch = GenerationBatch(kind="copy", created_at=now, date_from=monday,
                                        date_to=monday + timedelta(days=6), created_count=0)
                session.add(batch)
                session.flush()
            dst = Shift(title=src.title, team_id=src.team_id, grid_id=src.grid_id,
                        location=src.location, date=src.date + timedelta(days=7),
                        start_time=src.start_time, end_time=src.end_time,
                        duty_type=src.duty_type, needed=src.needed, notes=src.notes,
                        edited_by_hand=src.edited_by_hand, template_id=src.template_id,
                        origin_date=origin if src.template_id is not None else None,
                        batch_id=batch.id, created_at=now)
            session.add(dst)
            session.flush()
            created += 1
            if dst.template_id is not None:
                by_origin[(dst.template_id, dst.origin_date)] = dst
            by_sig.setdefault(_signature(dst), dst)
        pairs.append((src, dst))
    if batch is not None:
        batch.created_count = created
    # Assignments: check each in turn against everything already planned, in memory.
    src_ids = [s.id for s, _ in pairs]
    src_assign: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for sid, vid, name in session.execute(
            select(Assignment.shift_id, Assignment.volunteer_id, Volunteer.name)
            .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
            .where(Assignment.shift_id.in_(src_ids), Assignment.status.in_(ACTIVE_STATUSES))
            .order_by(Assignment.id)):
        src_assign[sid].append((vid, name))
    volunteer_ids = {vid for rows in src_assign.values() for vid, _ in rows}
    facts = avail.volunteer_facts(session, volunteer_ids,
                                  between=(monday - timedelta(days=1), monday + timedelta(days=8)))
    duties = load_duties(session, monday - timedelta(days=1), monday + timedelta(days=7),
                         volunteer_ids)
    dst_ids = [d.id for _, d in pairs]
    existing: dict[int, set[int]] = defaultdict(set)
    filled: dict[int, int] = defaultdict(int)
    for sid, vid, status in session.execute(
            select(Assignment.shift_id, Assignment.volunteer_id, Assignment.status)
            .where(Assignment.shift_id.in_(dst_ids))):
        existing[sid].add(vid)
        if status in ACTIVE_STATUSES:
            filled[sid] += 1
    copied = 0
    skipped: list[CopySkip] = []
    for src, dst in pairs:
        for vid, name in src_assign.get(src.id, ()):
            if vid in existing[dst.id]:
                continue
            sf = make_shift(dst.id, dst.date, dst.start_time, dst.end_time,
                            team_id=dst.team_id, needed=dst.needed, filled=filled[dst.id])
            conflicts = check(facts[vid], sf, duties[vid])
            hard = tuple(c.code for c in conflicts if c.hard)
            if hard:
                skipped.append(CopySkip(vid, name, src.id, dst.id, hard))
                continue
            session.add(Assignment(shift_id=dst.id, volunteer_id=vid, status="planned",
                                   source="copy", created_at=now))
            existing[dst.id].add(vid)
            filled[dst.id] += 1
            duties[vid].append(DutyFacts(dst.id, sf.start, sf.end))
            copied += 1
    session.flush()
    return CopyResult(batch.id if batch else None, created, copied, tuple(skipped))
