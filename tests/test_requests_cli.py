"""``orders`` commands through the real entry point, in subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from volunteer_app.paths import sqlite_url


def run(*args: str, operator: str | None = "王芳") -> subprocess.CompletedProcess:
    env = {**os.environ}
    env.pop("VOLUNTEER_APP_OPERATOR", None)
    if operator:
        env["VOLUNTEER_APP_OPERATOR"] = operator
    return subprocess.run([sys.executable, "-m", "volunteer_app", *args], capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "orders.db")
    res = run("init", "--demo", "--db", url)
    assert res.returncode == 0, res.stderr
    return url


def _add(url: str, *extra: str) -> int:
    res = run("orders", "add", "--resident", "卓玛", "--phone", "13800138000",
              "--building", "香雪佳园3栋", "--grid", "3号网格", "--category", "安全隐患",
              "--description", "楼道灯不亮", "--source", "楼栋群", "--urgency", "urgent",
              "--json", "--db", url, *extra)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)["id"]


def test_add_dispatch_status_list_show(url: str) -> None:
    rid = _add(url)
    volunteers = json.loads(run("volunteers", "list", "--grid", "3", "--json", "--db", url).stdout)
    vid = volunteers[0]["id"]
    res = run("orders", "dispatch", str(rid), "--team", "小喇叭巡逻队", "--volunteer", str(vid),
              "--note", "请今天处理", "--db", url)
    assert res.returncode == 0, res.stderr
    assert "小喇叭巡逻队" in res.stdout and volunteers[0]["name"] in res.stdout
    res = run("orders", "status", str(rid), "accepted", "--db", url, "--operator", "扎西")
    assert res.returncode == 0, res.stderr
    assert run("orders", "status", str(rid), "in-progress", "--db", url).returncode == 0
    res = run("orders", "status", str(rid), "done", "--note", "已更换灯泡", "--hours", "1.5",
              "--db", url)
    assert res.returncode == 0 and "hours entry" in res.stdout
    res = run("orders", "status", str(rid), "followed_up", "--satisfaction", "5",
              "--note", "很满意", "--db", url)
    assert res.returncode == 0, res.stderr

    rows = json.loads(run("orders", "list", "--json", "--db", url).stdout)
    assert [r["id"] for r in rows] == [rid]
    assert rows[0]["status"] == "followed_up" and rows[0]["satisfaction"] == 5
    assert rows[0]["team"] == "小喇叭巡逻队" and rows[0]["volunteer"] == volunteers[0]["name"]
    assert rows[0]["category"] == "safety_hazard" and rows[0]["grid"] == "3号网格"

    detail = json.loads(run("orders", "show", str(rid), "--json", "--db", url).stdout)
    ops = [(e["to"], e["operator"]) for e in detail["events"]]
    assert ops == [("received", "王芳"), ("dispatched", "王芳"), ("accepted", "扎西"),
                   ("in_progress", "王芳"), ("done", "王芳"), ("followed_up", "王芳")]
    assert detail["hours_entries"] and detail["result"] == "已更换灯泡"
    # The hours from the request are in the ledger, awaiting verification.
    entries = json.loads(run("hours", "list", "--unverified", "--json", "--db", url).stdout)
    assert [(e["volunteer_id"], e["hours"], e["source"]) for e in entries] == [(vid, 1.5, "request")]


def test_forbidden_transition_exits_2_and_changes_nothing(url: str) -> None:
    rid = _add(url)
    res = run("orders", "status", str(rid), "done", "--db", url)
    assert res.returncode == 2
    assert "received" in res.stderr and "done" in res.stderr
    res = run("orders", "status", str(rid), "cancelled", "--db", url)
    assert res.returncode == 2 and "reason" in res.stderr
    res = run("orders", "status", str(rid), "flying", "--db", url)
    assert res.returncode == 2 and "flying" in res.stderr
    detail = json.loads(run("orders", "show", str(rid), "--json", "--db", url).stdout)
    assert detail["status"] == "received" and len(detail["events"]) == 1
    res = run("orders", "status", str(rid), "cancelled", "--reason", "居民已自行解决", "--db", url)
    assert res.returncode == 0, res.stderr
    res = run("orders", "dispatch", str(rid), "--team", "小喇叭巡逻队", "--db", url)
    assert res.returncode == 2 and "cancelled" in res.stderr


def test_bad_input_exits_2(url: str) -> None:
    base = ["orders", "add", "--resident", "卓玛", "--description", "x", "--db", url]
    res = run(*base, "--category", "fire")
    assert res.returncode == 2 and "--category" in res.stderr
    res = run(*base, "--grid", "99号网格")
    assert res.returncode == 2 and "99号网格" in res.stderr
    res = run(*base, "--phone", "12")
    assert res.returncode == 2 and "resident_phone" in res.stderr
    res = run("orders", "dispatch", "1", "--team", "没有的队", "--db", url)
    assert res.returncode == 2
    res = run("orders", "status", "999", "accepted", "--db", url)
    assert res.returncode == 2 and "999" in res.stderr
    res = run("orders", "list", "--month", "2026-13", "--db", url)
    assert res.returncode == 2 and "month" in res.stderr
    assert json.loads(run("orders", "list", "--json", "--db", url).stdout) == []


def test_list_filters_overdue_and_counts(url: str) -> None:
    old = _add(url, "--received-at", "2026-01-05T08:00")
    fresh = _add(url)
    res = run("orders", "list", "--overdue", "--json", "--db", url)
    assert [r["id"] for r in json.loads(res.stdout)] == [old]
    assert json.loads(res.stdout)[0]["overdue"] is True
    run("orders", "dispatch", str(fresh), "--team", "小喇叭巡逻队", "--db", url)
    res = run("orders", "list", "--status", "dispatched", "--json", "--db", url)
    assert [r["id"] for r in json.loads(res.stdout)] == [fresh]
    res = run("orders", "list", "--status", "received,dispatched", "--team", "小喇叭巡逻队",
              "--json", "--db", url)
    assert [r["id"] for r in json.loads(res.stdout)] == [fresh]
    counts = json.loads(run("orders", "counts", "--month", "2026-01", "--json", "--db", url).stdout)
    assert counts["total"] == 1 and counts["by_category"]["safety_hazard"] == 1
    assert [g["total"] for g in counts["grids"] if g["grid"] == "3号网格"] == [1]
    res = run("orders", "counts", "--month", "2026-01", "--db", url)
    assert res.returncode == 0 and "3号网格" in res.stdout


def test_operator_defaults_to_os_user(url: str) -> None:
    import getpass

    rid = _add(url)
    res = run("orders", "dispatch", str(rid), "--team", "1", "--db", url, operator=None)
    assert res.returncode == 0, res.stderr
    detail = json.loads(run("orders", "show", str(rid), "--json", "--db", url).stdout)
    assert detail["events"][-1]["operator"] == getpass.getuser()


def test_slip_pdf(url: str, tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    from pypdf import PdfReader

    from volunteer_app.printing.fonts import FontMissing, load_fonts

    try:
        load_fonts()
    except FontMissing:
        pytest.skip("no Chinese TrueType font installed")
    rid = _add(url)
    out = tmp_path / "slip.pdf"
    res = run("orders", "slip", str(rid), "--output", str(out), "--db", url)
    assert res.returncode == 0, res.stderr
    text = PdfReader(out).pages[0].extract_text()
    for expected in ("居民诉求派单单", "卓玛", "13800138000", "香雪佳园3栋", "安全隐患", "楼道灯不亮"):
        assert expected in text
    res = run("orders", "slip", str(rid), "--output", str(tmp_path / "no" / "x.pdf"), "--db", url)
    assert res.returncode == 2


def test_edit_corrects_an_open_request_and_refuses_bad_input(url: str) -> None:
    rid = _add(url)
    before = json.loads(run("orders", "show", str(rid), "--json", "--db", url).stdout)
    res = run("orders", "edit", str(rid), "--phone", "139-0013-9000", "--urgency", "低",
              "--description", "3栋楼道灯全坏", "--json", "--db", url)
    assert res.returncode == 0, res.stderr
    row = json.loads(res.stdout)
    assert row["phone"] == "13900139000" and row["urgency"] == "low"
    assert row["description"] == "3栋楼道灯全坏"
    # What was not given stays; the due time follows the new urgency.
    assert row["resident"] == "卓玛" and row["grid"] == "3号网格"
    assert row["received_at"] == before["received_at"] and row["due_at"] != before["due_at"]
    res = run("orders", "edit", str(rid), "--phone", "12", "--db", url)
    assert res.returncode == 2 and "resident_phone" in res.stderr
    res = run("orders", "edit", str(rid), "--urgency", "asap", "--db", url)
    assert res.returncode == 2 and "--urgency" in res.stderr
    assert json.loads(run("orders", "show", str(rid), "--json", "--db", url).stdout)["phone"] \
        == "13900139000"
    assert run("orders", "status", str(rid), "cancelled", "--reason", "重复", "--db", url).returncode == 0
    res = run("orders", "edit", str(rid), "--phone", "13800138000", "--db", url)
    assert res.returncode == 2 and "cancelled" in res.stderr
