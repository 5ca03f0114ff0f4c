"""Issue 18.15: a second identical request (same resident phone, category and description
within a day) is found before it is saved; the command line refuses it unless told."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from volunteer_app.paths import sqlite_url
from volunteer_app.services import requests as rs
from volunteer_app.services.request_duplicates import find_duplicate

T0 = datetime(2026, 12, 7, 9, 0)


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "VOLUNTEER_APP_OPERATOR": "王芳"}
    return subprocess.run([sys.executable, "-m", "volunteer_app", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def _data(**changes) -> rs.RequestData:  # noqa: ANN003
    values = dict(resident_name="卓玛", resident_phone="13800138000", building="香雪佳园3栋",
                  category="safety_hazard", description="楼道灯不亮,有安全隐患",
                  source="phone", received_at=T0)
    values.update(changes)
    return rs.RequestData(**values)


def test_same_phone_category_and_description_within_a_day_is_found(demo_db) -> None:
    with demo_db.session() as s:
        first = rs.create_request(s, _data(), "王芳", now=T0)
        later = T0 + timedelta(hours=23)
        dup = find_duplicate(s, _data(received_at=later), now=later)
        assert dup is not None and dup.id == first and dup.received_at == T0
        assert dup.status == "received" and dup.resident_name == "卓玛"
        # Typed again with other spacing: still the same request.
        assert find_duplicate(s, _data(description=" 楼道灯不亮,有安全隐患 \n", received_at=later),
                              now=later) == dup
        # Editing the first request itself is not a duplicate of itself.
        assert find_duplicate(s, _data(), now=T0, exclude_id=first) is None


def test_different_phone_category_description_or_time_is_not_a_duplicate(demo_db) -> None:
    with demo_db.session() as s:
        first = rs.create_request(s, _data(), "王芳", now=T0)
        later = T0 + timedelta(hours=2)
        for other in (_data(resident_phone="13900139000", received_at=later),
                      _data(category="repair", received_at=later),
                      _data(description="楼道灯又坏了", received_at=later),
                      _data(received_at=T0 + timedelta(hours=25)),
                      _data(resident_phone="", received_at=later)):
            assert find_duplicate(s, other, now=T0 + timedelta(days=2)) is None, other
        # A cancelled request does not hold a new one up.
        rs.change_status(s, first, "cancelled", "王芳", note="居民自行解决", now=later)
        assert find_duplicate(s, _data(received_at=later), now=later) is None


def test_invalid_input_is_left_to_saving(demo_db) -> None:
    with demo_db.session() as s:
        rs.create_request(s, _data(), "王芳", now=T0)
        assert find_duplicate(s, _data(resident_phone="12"), now=T0) is None
        assert find_duplicate(s, _data(received_at="yesterday"), now=T0) is None


def test_cli_add_refuses_a_duplicate_unless_allowed(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "dup.db")
    assert run("init", "--demo", "--db", url).returncode == 0
    add = ["orders", "add", "--resident", "卓玛", "--phone", "13800138000", "--category", "安全隐患",
           "--description", "楼道灯不亮", "--json", "--db", url]
    res = run(*add)
    assert res.returncode == 0, res.stderr
    first = json.loads(res.stdout)["id"]
    res = run(*add)
    assert res.returncode == 2, (res.returncode, res.stdout)
    assert f"request {first}" in res.stderr and "--allow-duplicate" in res.stderr
    assert len(json.loads(run("orders", "list", "--json", "--db", url).stdout)) == 1
    res = run(*add, "--allow-duplicate")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["id"] != first
    # Another category is another request: no question asked.
    res = run(*add[:7], "维修", *add[8:])
    assert res.returncode == 0, res.stderr
