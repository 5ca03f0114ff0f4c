"""Shift planning: generating a year of shifts for 11 grids and 6 teams, and opening the
planner on a week with 2,000 shifts.

Baselines in the same run: the bare CronTrigger expansion and a bare INSERT of the same
rows (the two parts generation cannot avoid), and a bare SELECT of the week's shift and
assignment rows (the floor for loading the planner's data).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select, text  # noqa: E402

from volunteer_app import names  # noqa: E402
from volunteer_app.db import open_database  # noqa: E402
from volunteer_app.models import Community, Grid, Membership, Team, Volunteer  # noqa: E402
from volunteer_app.models.shifts import Assignment, Shift  # noqa: E402
from volunteer_app.paths import sqlite_url  # noqa: E402
from volunteer_app.scheduling.recurrence import Recurrence, occurrence_dates  # noqa: E402
from volunteer_app.services import assignments as assignment_service  # noqa: E402
from volunteer_app.services import holidays as holiday_service  # noqa: E402
from volunteer_app.services import shifts as svc  # noqa: E402
from volunteer_app.services import templates as template_service  # noqa: E402

TZ = ZoneInfo("Asia/Shanghai")
TEAMS = ["小喇叭巡逻队", "点赞联盟文明劝导队", "红蜻蜓义务宣传队", "洁美家园环境整治志愿队",
         "爱骑志愿服务队", "红石榴志愿服务队"]


def _timed(fn) -> float:  # noqa: ANN001
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _median(fn, runs: int = 3) -> float:  # noqa: ANN001
    return statistics.median(_timed(fn) for _ in range(runs))


def _registers(db, volunteers: int = 0) -> tuple[list[int], list[int]]:  # noqa: ANN001
    """11 grids, 6 teams and optionally volunteers spread over the teams."""
    with db.session() as s:
        s.add(Community(name="基准社区", timezone="Asia/Shanghai"))
        grids = [Grid(number=n, name=f"{n}号网格") for n in range(1, 12)]
        teams = [Team(name=n, kind="other") for n in TEAMS]
        s.add_all(grids + teams)
        s.flush()
        grid_ids, team_ids = [g.id for g in grids], [t.id for t in teams]
        if volunteers:
            rows = [{"name": f"志愿者{i}", "mobile": f"139{i:08d}", "grid_id": grid_ids[i % 11],
                     "sort_key": names.sort_key("志愿者") + f"{i:06d}", "search_text": "",
                     "active": True, "version": 1} for i in range(volunteers)]
            s.execute(insert(Volunteer), rows)
            vids = list(s.scalars(select(Volunteer.id).order_by(Volunteer.id)))
            s.execute(insert(Membership), [{"volunteer_id": v, "team_id": team_ids[i % 6],
                                            "role": "member"} for i, v in enumerate(vids)])
    return grid_ids, team_ids


def _year_templates(db, grid_ids: list[int], team_ids: list[int]) -> None:  # noqa: ANN001
    with db.session() as s:
        for n, gid in enumerate(grid_ids, start=1):
            template_service.save_template(s, None, template_service.TemplateData(
                f"{n}号网格晚间巡逻", dtime(19, 30), dtime(21, 30), "patrol", team_id=team_ids[0],
                grid_id=gid, needed=2))
        specs = [("日常小排查", "small_inspection", "mon-fri", dtime(10), dtime(11), False),
                 ("文明劝导", "persuasion", "*", dtime(17, 30), dtime(19), True),
                 ("政策宣传", "publicity", "wed", dtime(15, 30), dtime(17, 30), True),
                 ("环境整治", "cleanup", "sat,sun", dtime(8, 30), dtime(10, 30), False),
                 ("骑手夜巡", "patrol", "*", dtime(22, 30), dtime(1, 0), True),
                 ("每周大排查", "big_inspection", "sat", dtime(9), dtime(11, 30), False)]
        for (name, kind, days, st, en, hols), tid in zip(specs, team_ids, strict=True):
            template_service.save_template(s, None, template_service.TemplateData(
                name, st, en, kind, team_id=tid, day_of_week=days, on_holidays=hols, needed=3))


def bench_generation(tmp: Path) -> None:
    db = open_database(sqlite_url(tmp / "year.db"))
    grid_ids, team_ids = _registers(db)
    _year_templates(db, grid_ids, team_ids)
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    with db.session() as s:
        holiday_service.ensure_years(s, [2026])  # imported once, outside the timings
        cal = holiday_service.load_calendar(s, start, end)
        templates = template_service.list_templates(s)

    rows: list[dict] = []

    def expand_only() -> None:
        rows.clear()
        for t in templates:
            rec = Recurrence(t.start_time, t.day_of_week, t.day, t.month, t.valid_from,
                             t.valid_until, t.on_holidays, t.makeup_as_weekday)
            for d in occurrence_dates(rec, start, end, TZ, cal.info):
                rows.append({"title": t.name, "team_id": t.team_id, "grid_id": t.grid_id,
                             "location": "", "date": d, "start_time": t.start_time,
                             "end_time": t.end_time, "duty_type": t.duty_type,
                             "needed": t.needed, "notes": "", "edited_by_hand": False,
                             "template_id": None, "origin_date": d, "version": 1})

    expand = _timed(expand_only)
    base_db = open_database(sqlite_url(tmp / "insert_only.db"))
    _registers(base_db)

    def insert_only() -> None:
        with base_db.session() as s:
            s.execute(insert(Shift), rows)

    bare_insert = _timed(insert_only)
    base_db.dispose()

    result: list[template_service.GenerationResult] = []

    def generate() -> None:
        with db.session() as s:
            result.append(template_service.generate(s, start, end))

    total = _timed(generate)
    again = _timed(generate)
    created, rerun = result[0].created, result[1].created
    with db.session() as s:
        batch = result[0].batch_id
        undo = _timed(lambda: template_service.undo_batch(s, batch))
    db.dispose()
    print(f"generate a year (11 grids, 6 teams, {len(templates)} templates): {created:,} shifts "
          f"in {total:.2f} s ({created / total:,.0f} shifts/s)")
    print(f"  baseline: CronTrigger expansion alone {expand:.2f} s + bare INSERT {bare_insert:.2f} s "
          f"= {expand + bare_insert:.2f} s (generation is {total / (expand + bare_insert):.2f}x that)")
    print(f"  second run over the same year (idempotent): {rerun} created in {again:.2f} s")
    print(f"  undo the year's batch: {undo:.2f} s")


def _busy_week(db, monday: date, team_ids: list[int], grid_ids: list[int]) -> int:  # noqa: ANN001
    """About 2,000 shifts in one week (286 daily duties), most with volunteers on them."""
    with db.session() as s:
        for i in range(286):
            start = dtime(6 + (i % 16), (i * 7) % 4 * 15)
            end = dtime((start.hour + 2) % 24, start.minute)
            template_service.save_template(s, None, template_service.TemplateData(
                f"任务{i:03d}", start, end, ("patrol", "small_inspection", "cleanup")[i % 3],
                team_id=team_ids[i % 6], grid_id=grid_ids[i % 11], location=f"点位{i % 40}",
                needed=1 + i % 3))
    with db.session() as s:
        created = template_service.generate(s, monday, monday + timedelta(days=6)).created
        shifts = s.execute(select(Shift.id, Shift.team_id, Shift.needed, Shift.date)
                           .where(Shift.date >= monday)).all()
        by_team: dict[int, list[int]] = {}
        for vid, tid in s.execute(select(Membership.volunteer_id, Membership.team_id)):
            by_team.setdefault(tid, []).append(vid)
        rows, cursor = [], dict.fromkeys(by_team, 0)
        for sid, tid, needed, _d in shifts:
            pool = by_team[tid]
            for _ in range(max(0, needed - (sid % 2))):  # every other shift keeps a gap
                vid = pool[cursor[tid] % len(pool)]
                cursor[tid] += 1
                rows.append({"shift_id": sid, "volunteer_id": vid, "status": "planned",
                             "source": "manual", "overridden": "", "notes": "", "version": 1})
        seen = set()
        rows = [r for r in rows if (r["shift_id"], r["volunteer_id"]) not in seen
                and not seen.add((r["shift_id"], r["volunteer_id"]))]
        s.execute(insert(Assignment), rows)
    return created


def bench_planner(tmp: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.app import create_application
    from ui.common.context import AppContext
    from ui.planner.planner_view import PlannerView

    db = open_database(sqlite_url(tmp / "week.db"))
    grid_ids, team_ids = _registers(db, volunteers=1200)
    monday = svc.monday_of(date.today())
    created = _busy_week(db, monday, team_ids, grid_ids)
    with db.session() as s:
        n_assign = s.scalar(text("select count(*) from assignment"))
        holiday_service.ensure_years(s, [monday.year, (monday + timedelta(days=6)).year])

    def bare_select() -> None:
        with db.engine.connect() as conn:
            conn.execute(text("select * from shift where date between :a and :b"),
                         {"a": monday, "b": monday + timedelta(days=6)}).all()
            conn.execute(text("select a.*, v.name from assignment a join shift s on s.id = a.shift_id "
                              "join volunteer v on v.id = a.volunteer_id "
                              "where s.date between :a and :b"),
                         {"a": monday, "b": monday + timedelta(days=6)}).all()

    plans: list[svc.WeekPlan] = []

    def load() -> None:
        with db.session() as s:
            plans.append(svc.week_plan(s, monday))

    floor = _median(bare_select)
    load_time = _median(load)
    plan = plans[-1]

    app = create_application()
    ctx = AppContext(db)
    opened = time.perf_counter()
    view = PlannerView(ctx)
    view.resize(1400, 900)
    view.show()
    while view.plan is None:
        app.processEvents()
    app.processEvents()
    open_total = time.perf_counter() - opened

    def populate() -> None:
        view._on_week_loaded(monday, plan)
        view.table.viewport().grab()  # the visible part painted

    view._loads_pending = 0
    pop = _median(populate)

    def switch_mode() -> None:
        view.set_mode("grids" if view.mode == "teams" else "teams")
        view.table.viewport().grab()

    mode = _median(switch_mode)
    sid = next(s.id for s in plan.shifts if s.gap > 0)
    cand_times = []
    for _ in range(3):
        t0 = time.perf_counter()
        with db.session() as s:
            assignment_service.candidates(s, sid)
        cand_times.append(time.perf_counter() - t0)
    view.close()
    ctx.close()
    QApplication.processEvents()
    print(f"planner week with {len(plan.shifts):,} shifts ({created:,} generated) and "
          f"{n_assign:,} assignments, {view.model.rowCount()} grid rows:")
    print(f"  load the week's data (week_plan): {load_time * 1000:.0f} ms  "
          f"(bare SELECT of the same rows: {floor * 1000:.0f} ms, {load_time / floor:.1f}x)")
    print(f"  populate the view offscreen (model, spans, first paint): {pop * 1000:.0f} ms")
    print(f"  switch rows teams <-> grids: {mode * 1000:.0f} ms")
    print(f"  open the screen end to end (worker load + population): {open_total * 1000:.0f} ms")
    print(f"  free volunteers for one shift (1,200 volunteers): "
          f"{statistics.median(cand_times) * 1000:.0f} ms")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bench_generation(Path(tmp))
        bench_planner(Path(tmp))


if __name__ == "__main__":
    main()
