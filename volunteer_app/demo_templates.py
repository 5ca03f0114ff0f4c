"""Duty templates, availability and a planned fortnight for the demo community.

Called at the end of ``demo.load_demo``: daily evening patrols per compound (grid
group), daily small inspections, the weekly Saturday big inspection, publicity, cleanup
and the rider team's late patrols (one of them overnight); some leave, availability
windows and weekly limits; shifts generated for the current and the next ISO week, the
current week filled (duties before today completed), the next week partly planned so the
planner shows gaps. Deterministic for a given seed and ``today``.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Grid, Membership, Team, Volunteer
from .models.availability import AvailabilityWindow, VolunteerLeave, VolunteerLimit
from .models.shifts import Assignment, Shift
from .scheduling.conflicts import DutyFacts, check, make_shift
from .services import availability as avail
from .services import shifts as shift_service
from .services import templates as template_service

# Grid groups: a compound split over neighbouring grids patrols as one.
GRID_GROUPS = [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11,)]
COMPOUNDS = ["天峰祥和苑", "香雪佳园", "林琼花园", "纳金雅居", "阳光家园", "幸福里"]


def _templates(teams: dict[str, int], grids: dict[int, int]) -> list[template_service.TemplateData]:
    patrol, civility = teams["小喇叭巡逻队"], teams["点赞联盟文明劝导队"]
    publicity, cleanup = teams["红蜻蜓义务宣传队"], teams["洁美家园环境整治志愿队"]
    rider, umbrella = teams["爱骑志愿服务队"], teams["红石榴志愿服务队"]
    out = []
    for group, compound in zip(GRID_GROUPS, COMPOUNDS, strict=True):
        label = "、".join(f"{n}号" for n in group) + "网格"
        out.append(template_service.TemplateData(
            name=f"{compound}晚间巡逻", start_time=time(19, 30), end_time=time(21, 30),
            duty_type="patrol", team_id=patrol, grid_id=grids[group[0]],
            location=f"{compound}({label})", needed=2,
            notes="小喇叭宣传安全知识,留意消防通道和陌生人员"))
    for name, nums, place in (("东片区日常小排查", (1, 2, 3, 4), "沿街餐饮店燃气安全"),
                              ("西片区日常小排查", (5, 6, 7, 8), "沿街餐饮店燃气安全"),
                              ("幸福里日常小排查", (9, 10, 11), "楼道杂物与电动车充电")):
        out.append(template_service.TemplateData(
            name=name, start_time=time(10, 0), end_time=time(11, 0),
            duty_type="small_inspection", team_id=civility, grid_id=grids[nums[0]],
            location=place, needed=1, day_of_week="mon-fri", on_holidays=False,
            notes="每日小排查,发现隐患拍照上报网格长"))
    out.append(template_service.TemplateData(
        name="每周大排查", start_time=time(9, 0), end_time=time(11, 30),
        duty_type="big_inspection", team_id=umbrella, location="全社区(六个小区)",
        needed=6, day_of_week="sat", on_holidays=False, makeup_as_weekday=True,
        notes="每周大排查:燃气、消防、电动车、高空坠物"))
    out.append(template_service.TemplateData(
        name="政策宣传进楼栋", start_time=time(15, 30), end_time=time(17, 30),
        duty_type="publicity", team_id=publicity, location="便民服务大厅登记点",
        needed=3, day_of_week="wed", notes="发放网格联系卡,张贴宣传资料"))
    out.append(template_service.TemplateData(
        name="文明劝导", start_time=time(17, 30), end_time=time(19, 0),
        duty_type="persuasion", team_id=civility, location="纳金街道农贸市场门口",
        needed=2, day_of_week="tue,thu", notes="劝导乱停放、乱扔垃圾"))
    out.append(template_service.TemplateData(
        name="洁美家园周末整治", start_time=time(8, 30), end_time=time(10, 30),
        duty_type="cleanup", team_id=cleanup, location="各小区公共区域",
        needed=5, day_of_week="sun", on_holidays=False, notes="垃圾分类引导与环境整治"))
    out.append(template_service.TemplateData(
        name="爱骑夜间巡逻", start_time=time(21, 0), end_time=time(23, 0),
        duty_type="patrol", team_id=rider, location="沿街商铺与背街小巷", needed=2,
        day_of_week="mon,wed,fri", notes="骑手熟悉街巷,顺路巡查"))
    out.append(template_service.TemplateData(
        name="爱骑周末夜巡", start_time=time(22, 30), end_time=time(1, 0),
        duty_type="patrol", team_id=rider, location="林琼社区全域", needed=2,
        day_of_week="sat", notes="跨夜班次,结束后在群里报平安"))
    return out


def _availability(session: Session, rng: random.Random, today: date, teams: dict[str, int]) -> None:
    """Riders serve after their delivery peak; a few residents are on leave; limits."""
    riders = list(session.scalars(
        select(Membership.volunteer_id).where(Membership.team_id == teams["爱骑志愿服务队"])
        .order_by(Membership.volunteer_id)))
    for vid in riders:
        for wd in range(7):
            session.add(AvailabilityWindow(volunteer_id=vid, weekday=wd, start_time=time(20, 30),
                                           end_time=time(2, 0)))
        session.add(VolunteerLimit(volunteer_id=vid, max_per_week=2, max_per_day=1))
    residents = list(session.scalars(
        select(Volunteer.id).where(Volunteer.active.is_(True), Volunteer.id.not_in(riders))
        .order_by(Volunteer.id)))
    monday = shift_service.monday_of(today)
    reasons = ["回老家探亲", "住院陪护", "外出学习", "朝佛(请假)", "工作出差"]
    for i, vid in enumerate(rng.sample(residents, 6)):
        start = monday + timedelta(days=rng.randrange(0, 10))
        session.add(VolunteerLeave(volunteer_id=vid, start_date=start,
                                   end_date=start + timedelta(days=rng.randrange(2, 9)),
                                   kind="leave" if i % 3 else "unavailable",
                                   reason=reasons[i % len(reasons)]))
    for vid in rng.sample(residents, 12):
        session.add(VolunteerLimit(volunteer_id=vid, max_per_week=rng.choice([1, 2, 3]),
                                   max_per_day=1))
    # Some working residents can only serve in the evening on weekdays.
    for vid in rng.sample(residents, 15):
        if session.get(VolunteerLimit, vid) is None:
            for wd in range(5):
                session.add(AvailabilityWindow(volunteer_id=vid, weekday=wd, start_time=time(18, 0),
                                               end_time=time(22, 0)))
            for wd in (5, 6):
                session.add(AvailabilityWindow(volunteer_id=vid, weekday=wd, start_time=time(8, 0),
                                               end_time=time(22, 0)))
    session.flush()


def _fill(session: Session, rng: random.Random, start: date, end: date, today: date) -> int:
    """Greedy planning through the shared conflict rules; returns assignments made."""
    shifts = list(session.scalars(select(Shift).where(Shift.date >= start, Shift.date <= end)
                                  .order_by(Shift.date, Shift.start_time, Shift.id)))
    facts = avail.volunteer_facts(session, between=(start - timedelta(days=1), end + timedelta(days=1)))
    people = [f for f in facts.values() if f.active]
    duties: dict[int, list[DutyFacts]] = defaultdict(list)
    next_monday = shift_service.monday_of(today) + timedelta(days=7)
    made = 0
    for sh in shifts:
        # The current week is planned in full, next week only partly: gaps to fill.
        want = sh.needed if sh.date < next_monday else max(0, sh.needed - rng.choice([0, 0, 0, 1, 2]))
        pool = people[:]
        rng.shuffle(pool)
        pool.sort(key=lambda f: len(duties[f.id]))
        chosen = 0
        for f in pool:
            if chosen >= want:
                break
            sf = make_shift(sh.id, sh.date, sh.start_time, sh.end_time, team_id=sh.team_id,
                            needed=sh.needed, filled=chosen)
            if check(f, sf, duties[f.id]):
                continue  # only clean assignments in the demo
            begin, finish = sf.start, sf.end
            if finish <= datetime.combine(today, time(0)):
                status, a_start, a_end = "completed", begin, finish
            elif sh.date < next_monday:
                status, a_start, a_end = ("confirmed" if rng.random() < 0.8 else "planned"), None, None
            else:
                status, a_start, a_end = "planned", None, None
            session.add(Assignment(shift_id=sh.id, volunteer_id=f.id, status=status,
                                   actual_start=a_start, actual_end=a_end, source="manual",
                                   created_at=datetime.combine(sh.date - timedelta(days=7), time(9)),
                                   confirmed_at=(datetime.combine(sh.date - timedelta(days=2), time(20))
                                                 if status != "planned" else None)))
            duties[f.id].append(DutyFacts(sh.id, begin, finish))
            chosen += 1
            made += 1
    session.flush()
    return made


def add_demo_templates(session: Session, today: date | None = None, seed: int = 4) -> dict[str, int]:
    """Add the demo duty templates, availability, and a planned current and next week."""
    today = today or date.today()
    rng = random.Random(seed)
    teams = dict(session.execute(select(Team.name, Team.id)).all())
    grids = dict(session.execute(select(Grid.number, Grid.id)).all())
    templates = _templates(teams, grids)
    for data in templates:
        template_service.save_template(session, None, data)
    _availability(session, rng, today, teams)
    monday = shift_service.monday_of(today)
    result = template_service.generate(session, monday, monday + timedelta(days=13))
    made = _fill(session, rng, monday, monday + timedelta(days=13), today)
    return {"templates": len(templates), "shifts": result.created, "assignments": made}
