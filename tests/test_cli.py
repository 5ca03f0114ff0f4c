"""The command line through the real entry point, in subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from volunteer_app.paths import sqlite_url


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "volunteer_app", *args], capture_output=True,
                          text=True, env=full_env, timeout=120)


@pytest.fixture
def demo_url(new_db_url) -> str:  # noqa: ANN001
    return new_db_url("demo", template="demo")


def test_init_creates_and_reruns(new_db_url) -> None:  # noqa: ANN001
    url = new_db_url("new")
    assert run("--db", url, "init").returncode == 0
    assert run("init", "--db", url).returncode == 0  # idempotent upgrade
    res = run("init", "--demo", "--db", url)
    assert res.returncode == 0 and "152 volunteers" in res.stdout
    res = run("init", "--demo", "--db", url)
    assert res.returncode == 2 and "already holds data" in res.stderr


def test_volunteers_list_json(demo_url: str) -> None:
    res = run("volunteers", "list", "--json", "--db", demo_url)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert isinstance(data, list) and len(data) == 150  # two demo volunteers have left
    first = data[0]
    assert {"id", "name", "phone", "grid", "teams", "active"} <= set(first)
    assert isinstance(first["teams"], list) and first["active"] is True


def test_volunteers_list_filters(demo_url: str) -> None:
    res = run("volunteers", "list", "--team", "爱骑志愿服务队", "--json", "--db", demo_url)
    riders = json.loads(res.stdout)
    assert len(riders) == 35 and all("爱骑志愿服务队" in r["teams"] for r in riders)
    res = run("volunteers", "list", "--grid", "3号网格", "--json", "--db", demo_url)
    assert all(r["grid"] == "3号网格" for r in json.loads(res.stdout))
    name = riders[0]["name"]
    res = run("volunteers", "list", "--search", riders[0]["phone"][-6:], "--json", "--db", demo_url)
    assert name in [r["name"] for r in json.loads(res.stdout)]
    res = run("volunteers", "list", "--team", "没有这个队", "--db", demo_url)
    assert res.returncode == 2 and "没有这个队" in res.stderr


def test_teams_and_grids_json(demo_url: str) -> None:
    teams = json.loads(run("teams", "list", "--json", "--db", demo_url).stdout)
    assert [t["name"] for t in teams][0] == "红石榴志愿服务队" and len(teams) == 6
    grids = json.loads(run("grids", "list", "--json", "--db", demo_url).stdout)
    assert len(grids) == 11 and grids[2]["number"] == 3 and grids[2]["leader_name"]


def test_import_errors_exit_2_and_write_nothing(demo_url: str, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "手机号", "身份证号", "网格", "队伍", "职务", "政治面貌", "备注"])
    ws.append(["张三", "男", "13811112222", "", "", "", "", "", ""])
    ws.append(["李四", "男", "1381111", "", "", "", "", "", ""])
    ws.append(["王五", "男", "13811113333", "", "", "没有的队", "", "", ""])
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    before = len(json.loads(run("volunteers", "list", "--json", "--db", demo_url).stdout))
    res = run("volunteers", "import", str(path), "--db", demo_url)
    assert res.returncode == 2
    assert f"{path}: row 3, column 手机号" in res.stderr
    assert f"{path}: row 4, column 队伍" in res.stderr
    after = len(json.loads(run("volunteers", "list", "--json", "--db", demo_url).stdout))
    assert after == before


def test_export_import_roundtrip_through_cli(demo_url: str, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    res = run("volunteers", "export", str(out), "--db", demo_url)
    assert res.returncode == 0, res.stderr
    res = run("volunteers", "import", str(out), "--dry-run", "--db", demo_url)
    assert res.returncode == 2 and "already registered" in res.stderr


@pytest.mark.sqlite_only
def test_bad_arguments_and_missing_database(tmp_path: Path) -> None:
    assert run("volunteers", "frobnicate").returncode == 2
    missing = sqlite_url(tmp_path / "nope.db")
    res = run("volunteers", "list", "--db", missing)
    assert res.returncode == 2 and "does not exist" in res.stderr
    assert not (tmp_path / "nope.db").exists()
    res = run("volunteers", "import", str(tmp_path / "x.txt"), "--db", missing)
    assert res.returncode == 2


def test_db_from_environment(new_db_url) -> None:  # noqa: ANN001
    url = new_db_url("env")
    assert run("init", env={"VOLUNTEER_APP_DB": url}).returncode == 0
    res = run("teams", "list", "--json", env={"VOLUNTEER_APP_DB": url})
    assert res.returncode == 0 and res.stdout.strip() == "[]"


@pytest.mark.sqlite_only
def test_not_a_database_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database")
    res = run("init", "--db", sqlite_url(path))
    assert res.returncode == 1 and "not a database" in res.stderr
    assert path.read_bytes() == b"these are my notes, not a database"


def test_an_empty_or_malformed_database_url_is_a_usage_error(tmp_path) -> None:  # noqa: ANN001
    for bad in ("", "nosuchdialect://x"):
        res = subprocess.run([sys.executable, "-m", "volunteer_app", "volunteers", "list", "--db", bad],
                             capture_output=True, text=True, timeout=120)
        assert res.returncode == 2, res.stderr
        assert "not a database file or URL" in res.stderr and "unexpected" not in res.stderr
