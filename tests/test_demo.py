"""The demo community matches the glossary and is deterministic."""

from __future__ import annotations

import pytest

from volunteer_app.db import Database
from volunteer_app.demo import load_demo
from volunteer_app.errors import ConflictError
from volunteer_app.services import community, grids, teams
from volunteer_app.services import volunteers as vs

TEAM_NAMES = ["红石榴志愿服务队", "小喇叭巡逻队", "点赞联盟文明劝导队", "红蜻蜓义务宣传队",
              "洁美家园环境整治志愿队", "爱骑志愿服务队"]


def test_demo_community_shape(demo_db: Database) -> None:
    with demo_db.session() as s:
        info = community.get_community(s)
        grid_rows = grids.list_grids(s)
        team_rows = teams.list_teams(s)
        rows = vs.list_rows(s, vs.VolunteerFilter(active=None))
    assert info.name == "林琼社区" and info.timezone == "Asia/Shanghai"
    assert len(grid_rows) == 11
    for g in grid_rows:
        assert g.leader_name and g.worker_name and g.police_name and g.instructor_name
        assert len(g.leader_phone) == 11
    assert [t.name for t in team_rows] == TEAM_NAMES
    by_name = {t.name: t for t in team_rows}
    assert by_name["爱骑志愿服务队"].kind == "rider" and by_name["爱骑志愿服务队"].member_count == 35
    assert all(by_name[n].parent == "红石榴志愿服务队" for n in TEAM_NAMES[1:])
    assert all(by_name[n].captain for n in TEAM_NAMES)
    assert 140 <= len(rows) <= 160
    assert any("·" in r.name for r in rows)
    assert any(r.party_household for r in rows)
    assert any(not r.active for r in rows)


def test_demo_is_deterministic(new_db_url) -> None:  # noqa: ANN001
    from volunteer_app.db import open_database

    names = []
    for i in range(2):
        db = open_database(new_db_url(f"d{i}"))
        with db.session() as s:
            load_demo(s)
        with db.session() as s:
            names.append([(r.name, r.mobile) for r in vs.list_rows(s, vs.VolunteerFilter(active=None))])
        db.dispose()
    assert names[0] == names[1]


def test_demo_refuses_non_empty_database(demo_db: Database) -> None:
    with pytest.raises(ConflictError), demo_db.session() as s:
        load_demo(s)
