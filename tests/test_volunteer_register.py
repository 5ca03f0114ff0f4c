"""The volunteer register service: create, update, deactivate, delete, search, sort."""

from __future__ import annotations

from datetime import date

import pytest

from volunteer_app.db import Database
from volunteer_app.errors import ConflictError, ValidationError
from volunteer_app.services import grids, teams
from volunteer_app.services import hours as hours_service
from volunteer_app.services import volunteers as vs


def _make(db: Database, name: str, mobile: str, **kw) -> int:
    with db.session() as s:
        return vs.create(s, vs.VolunteerData(name=name, mobile=mobile, **kw))


def test_create_normalises_and_lists(db: Database) -> None:
    vid = _make(db, " 张三 ", "+86 138-0000-1111", gender="男")
    with db.session() as s:
        detail = vs.get(s, vid)
        rows = vs.list_rows(s)
    assert detail.name == "张三" and detail.mobile == "13800001111" and detail.gender == "male"
    assert detail.active and detail.joined_on == date.today()
    assert [r.name for r in rows] == ["张三"]


def test_all_bad_fields_reported_and_nothing_written(db: Database) -> None:
    with pytest.raises(ValidationError) as err, db.session() as s:
        vs.create(s, vs.VolunteerData(name="", mobile="123", id_number="110105194912310021"))
    fields = {p.field: p.code for p in err.value.problems}
    assert fields == {"name": "required", "mobile": "mobile_invalid", "id_number": "id_checksum"}
    with db.session() as s:
        assert vs.count(s) == 0


def test_duplicate_mobile_detected(db: Database) -> None:
    _make(db, "张三", "13800001111")
    with pytest.raises(ValidationError) as err, db.session() as s:
        vs.create(s, vs.VolunteerData(name="李四", mobile="138 0000 1111"))
    assert err.value.problems[0].code == "duplicate_mobile"


def test_update_with_stale_version_is_refused(db: Database) -> None:
    vid = _make(db, "张三", "13800001111")
    with db.session() as s:
        version = vs.get(s, vid).version
        vs.update(s, vid, vs.VolunteerData(name="张三丰", mobile="13800001111"), version)
    with pytest.raises(ConflictError), db.session() as s:
        vs.update(s, vid, vs.VolunteerData(name="张三", mobile="13800001111"), version)
    with db.session() as s:
        assert vs.get(s, vid).name == "张三丰"


def test_deactivate_keeps_row_and_filters(db: Database) -> None:
    a = _make(db, "张三", "13800001111")
    _make(db, "李四", "13800002222")
    with db.session() as s:
        vs.deactivate(s, a, date(2026, 10, 1))
    with db.session() as s:
        assert [r.name for r in vs.list_rows(s, vs.VolunteerFilter(active=True))] == ["李四"]
        assert [r.name for r in vs.list_rows(s, vs.VolunteerFilter(active=False))] == ["张三"]
        assert vs.get(s, a).left_on == date(2026, 10, 1)


def test_delete_refused_when_history(db: Database) -> None:
    a = _make(db, "张三", "13800001111")
    with db.session() as s:  # history: one hours entry names the volunteer
        hours_service.add_manual(s, a, date(2026, 11, 2), 1, "培训", "文书")
    with pytest.raises(ConflictError), db.session() as s:
        vs.delete(s, a)
    b = _make(db, "李四", "13800002222")
    with db.session() as s:
        vs.delete(s, b)
    with db.session() as s:
        assert vs.count(s) == 1


def test_search_by_pinyin_initials_full_pinyin_and_phone(db: Database) -> None:
    _make(db, "张三", "13800001111")
    _make(db, "赵六", "13900002222")
    _make(db, "格桑·伦珠", "13700003333")
    with db.session() as s:
        def names(term: str) -> list[str]:
            return [r.name for r in vs.list_rows(s, vs.VolunteerFilter(search=term))]

        assert names("zs") == ["张三"]
        assert names("zhangsan") == ["张三"]
        assert names("ZHANG") == ["张三"]
        assert names("2222") == ["赵六"]
        assert names("gslz") == ["格桑·伦珠"]
        assert names("格桑") == ["格桑·伦珠"]
        assert names("%") == []  # wildcards are literal
        assert sorted(names("")) == sorted(["张三", "赵六", "格桑·伦珠"])


def test_sorted_by_pinyin(db: Database) -> None:
    for name, mobile in [("张三", "13800000001"), ("阿旺", "13800000002"), ("李四", "13800000003"),
                         ("王五", "13800000004")]:
        _make(db, name, mobile)
    with db.session() as s:
        assert [r.name for r in vs.list_rows(s)] == ["阿旺", "李四", "王五", "张三"]


def test_team_and_grid_filters_and_memberships(demo_db: Database) -> None:
    with demo_db.session() as s:
        patrol = teams.resolve(s, "小喇叭巡逻队")
        grid3 = grids.resolve(s, "3号网格")
        in_team = vs.list_rows(s, vs.VolunteerFilter(team_id=patrol, active=None))
        in_grid = vs.list_rows(s, vs.VolunteerFilter(grid_id=grid3, active=None))
    assert in_team and all("小喇叭巡逻队" in r.teams for r in in_team)
    assert in_grid and all(r.grid == "3号网格" for r in in_grid)


def test_team_roles_single_captain(demo_db: Database) -> None:
    with demo_db.session() as s:
        tid = teams.resolve(s, "红蜻蜓义务宣传队")
        members = teams.members(s, tid)
        newcomer = next(m for m in members if m.role == "member")
        teams.set_role(s, tid, newcomer.volunteer_id, "captain")
    with demo_db.session() as s:
        roles = [m.role for m in teams.members(s, tid)]
        assert roles.count("captain") == 1
        assert teams.members(s, tid)[0].volunteer_id == newcomer.volunteer_id


def test_add_and_remove_members(demo_db: Database) -> None:
    with demo_db.session() as s:
        rider = teams.resolve(s, "爱骑志愿服务队")
        outsider = next(r for r in vs.list_rows(s) if "爱骑志愿服务队" not in r.teams)
        assert teams.add_members(s, rider, [outsider.id, outsider.id]) == 1
    with demo_db.session() as s:
        assert outsider.id in {m.volunteer_id for m in teams.members(s, rider)}
        teams.remove_member(s, rider, outsider.id)
    with demo_db.session() as s:
        assert outsider.id not in {m.volunteer_id for m in teams.members(s, rider)}


def test_grid_validation(db: Database) -> None:
    with db.session() as s:
        gid = grids.save_grid(s, None, 1, "1号网格", leader_name="张三", leader_phone="13800001111",
                              police_phone="0891-6321148")
    with pytest.raises(ValidationError) as err, db.session() as s:
        grids.save_grid(s, None, 1, "1号网格", leader_phone="abc")
    codes = {p.code for p in err.value.problems}
    assert {"duplicate_grid_number", "duplicate_grid_name", "phone_invalid"} <= codes
    with db.session() as s:
        assert grids.get_grid(s, gid).police_phone == "0891-6321148"


def test_volunteer_with_duty_history_cannot_be_deleted_in_a_fresh_process(tmp_path) -> None:  # noqa: ANN001
    """The history checks must be in place even when no feature module was imported yet."""
    import subprocess
    import sys

    from volunteer_app.paths import sqlite_url

    url = sqlite_url(tmp_path / "h.db")
    script = f"""
from volunteer_app.db import open_database
from volunteer_app.demo import load_demo
from volunteer_app.models.shifts import Assignment
from volunteer_app.errors import ConflictError
db = open_database({url!r})
with db.session() as s:
    load_demo(s)
with db.session() as s:
    vid = s.query(Assignment.volunteer_id).first()[0]
from volunteer_app.services import volunteers as vs
try:
    with db.session() as s:
        vs.delete(s, vid)
except ConflictError as exc:
    print(exc.code)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "has_history", out.stderr
