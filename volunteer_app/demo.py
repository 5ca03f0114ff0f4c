"""The demo community, 林琼社区, generated deterministically by code.

Modelled on the community in shared/source-article.txt: 11 grids with their "1+3"
people, the 红石榴 umbrella team with its five branch teams (the 爱骑 rider team with 35
delivery riders and couriers), about 150 volunteers, some party-member central households.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import names
from .errors import ConflictError
from .models import Community, Grid, Membership, Team, Volunteer
from .security import id_numbers
from .validation import id_check_digit

COMMUNITY = {
    "name": "林琼社区",
    "address": "拉萨市城关区纳金街道林琼社区便民服务大厅",
    "service_hall_phone": "0891-6321148",
    "service_hall_hours": "周一至周五 9:00-12:30, 15:30-18:00",
    "timezone": "Asia/Shanghai",
}

COMPOUNDS = ["天峰祥和苑", "香雪佳园", "林琼花园", "纳金雅居", "阳光家园", "幸福里"]

UMBRELLA = ("红石榴志愿服务队", "other", "#c0392b", "社区志愿服务总队,统筹各分支队伍")
BRANCHES = [
    ("小喇叭巡逻队", "patrol", "#2471a3", "每日巡逻,宣传安全知识"),
    ("点赞联盟文明劝导队", "civility", "#d68910", "文明劝导,点赞身边好人好事"),
    ("红蜻蜓义务宣传队", "publicity", "#cb4335", "政策宣传,张贴发放网格联系卡"),
    ("洁美家园环境整治志愿队", "cleanup", "#239b56", "小区环境整治与垃圾分类"),
    ("爱骑志愿服务队", "rider", "#7d3c98", "外卖骑手、快递员组成的新就业群体志愿队"),
]

SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段")
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
         "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "红梅",
         "志强", "海燕", "玉兰", "建国", "晓东", "丹", "鑫", "婷", "宇", "浩然", "欣怡", "子涵",
         "国庆", "卫东", "春梅", "雪", "琳", "博", "佳", "凯", "瑞"]
# Tibetan names as written in Chinese characters; two-part names use the middle dot.
TIBETAN = ["扎西", "卓玛", "次仁", "格桑", "央金", "旦增", "德吉", "拉姆", "尼玛", "达瓦", "顿珠",
           "平措", "曲珍", "白玛", "索朗", "巴桑", "普布", "边巴", "洛桑", "琼达", "伦珠", "措姆",
           "多吉", "桑珠", "仁增", "次旦", "益西", "群培"]
RIDER_COMPANIES = ["美团外卖", "美团外卖", "饿了么", "顺丰速运", "顺丰速运", "京东物流",
                   "中通快递", "圆通速递", "邮政EMS"]
POLITICAL = ["群众"] * 6 + ["中共党员"] * 3 + ["共青团员"] * 2 + ["中共预备党员"]
SKILLS = ["", "", "急救", "电工", "理发", "法律咨询", "摄影", "藏汉双语", "驾驶", "心理疏导", "书法"]
PREFIXES = ["138", "139", "136", "135", "137", "150", "151", "158", "159", "182", "183", "187",
            "188", "177", "180", "189", "133", "153", "199", "198"]


def _name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(TIBETAN) + rng.choice(TIBETAN)  # e.g. 扎西次仁
    if roll < 0.42:
        return rng.choice(TIBETAN) + "·" + rng.choice(TIBETAN)  # e.g. 格桑·伦珠
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _mobile(rng: random.Random, used: set[str]) -> str:
    while True:
        m = rng.choice(PREFIXES) + f"{rng.randrange(10**8):08d}"
        if m not in used:
            used.add(m)
            return m


def _id_number(rng: random.Random, born: date) -> str:
    first17 = f"540102{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + id_check_digit(first17)


def load_demo(session: Session, seed: int = 20261207) -> dict[str, int]:
    """Fill an empty database with the demo community; returns counts of what was made."""
    if session.scalar(select(func.count(Volunteer.id))) or session.scalar(select(func.count(Team.id))):
        raise ConflictError("not_empty")
    rng = random.Random(seed)
    used: set[str] = set()
    session.add(Community(**COMMUNITY))
    grids = []
    for n in range(1, 12):
        compound = COMPOUNDS[(n - 1) // 2] if n <= 11 else COMPOUNDS[-1]
        g = Grid(
            number=n, name=f"{n}号网格",
            area=f"{compound}{'东' if n % 2 else '西'}片区 {1 + (n * 3) % 9}-{4 + (n * 3) % 9}栋",
            leader_name=_name(rng), leader_phone=_mobile(rng, used),
            worker_name=_name(rng), worker_phone=_mobile(rng, used),
            police_name=_name(rng), police_phone=_mobile(rng, used),
            instructor_name=_name(rng), instructor_phone=_mobile(rng, used),
        )
        session.add(g)
        grids.append(g)
    umbrella = Team(name=UMBRELLA[0], kind=UMBRELLA[1], colour=UMBRELLA[2], description=UMBRELLA[3])
    session.add(umbrella)
    session.flush()
    branches = []
    for name, kind, colour, desc in BRANCHES:
        t = Team(name=name, kind=kind, colour=colour, description=desc, parent_id=umbrella.id)
        session.add(t)
        branches.append(t)
    session.flush()
    rider_team = branches[-1]
    other_teams = branches[:-1]
    start = date(2024, 1, 15)
    volunteers: list[Volunteer] = []

    def make(occupation: str = "", young: bool = False) -> Volunteer:
        name = _name(rng)
        mobile = _mobile(rng, used)
        born = date(rng.randint(1985, 2003) if young else rng.randint(1950, 2000),
                    rng.randint(1, 12), rng.randint(1, 28))
        status = rng.choice(POLITICAL)
        gender = rng.choice(["male", "female"]) if not young else "male"
        id_number = _id_number(rng, born) if rng.random() < 0.7 else None
        v = Volunteer(
            name=name, gender=gender, mobile=mobile,
            **id_numbers.seal(session, id_number).values(),  # encrypted at rest
            grid_id=rng.choice(grids).id, political_status=status,
            party_household=status == "中共党员" and rng.random() < 0.5,
            occupation=occupation, skills=rng.choice(SKILLS), notes="",
            joined_on=start + timedelta(days=rng.randrange(600)), active=True,
            sort_key=names.sort_key(name), search_text=names.search_text(name, mobile),
        )
        session.add(v)
        volunteers.append(v)
        return v

    riders = [make(rng.choice(RIDER_COMPANIES), young=True) for _ in range(35)]
    residents = [make() for _ in range(117)]
    # Two who moved away: kept, deactivated.
    for v in residents[-2:]:
        v.active = False
        v.left_on = date(2026, 9, 30)
    session.flush()
    ms = [Membership(volunteer_id=v.id, team_id=rider_team.id, role="member", since=v.joined_on)
          for v in riders]
    ms[0].role, ms[1].role = "captain", "deputy"
    for i, v in enumerate(residents):
        team = other_teams[i % len(other_teams)]
        ms.append(Membership(volunteer_id=v.id, team_id=team.id, role="member", since=v.joined_on))
        if rng.random() < 0.25:
            second = rng.choice([t for t in other_teams if t is not team])
            ms.append(Membership(volunteer_id=v.id, team_id=second.id, role="member", since=v.joined_on))
    session.add_all(ms)
    session.flush()
    for t in other_teams:
        team_ms = [m for m in ms if m.team_id == t.id]
        team_ms[0].role = "captain"
        team_ms[1].role = "deputy"
    # The umbrella team is led by the community's party secretary.
    leader = residents[0]
    leader.political_status = "中共党员"
    session.add(Membership(volunteer_id=leader.id, team_id=umbrella.id, role="captain", since=start))
    session.flush()
    from .demo_templates import add_demo_templates  # duty templates, a planned fortnight
    add_demo_templates(session)
    return {"grids": len(grids), "teams": 1 + len(branches), "volunteers": len(volunteers)}
