"""Crash safety: a process killed with SIGKILL in the middle of a large write leaves the
database with all of that operation or none of it."""

from __future__ import annotations

import csv
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from volunteer_app.db import Database, open_database
from volunteer_app.models import Membership, Volunteer

pytestmark = pytest.mark.slow


def kill_at_random_points(argv: list[str], env: dict, check: Callable[[], None],
                          window: tuple[float, float], tries: int = 4, seed: int = 11,
                          reset: Callable[[], None] | None = None,
                          earlier: tuple[float, float] = (1.0, 1.0)) -> list[str]:
    """Start ``argv`` ``tries`` times, SIGKILL it after a random delay in ``window``
    (seconds), then ``check``, then ``reset`` (to start the next try from the same state).

    After a run that finished before its kill, the window is scaled by ``earlier``.
    Returns how each run ended ("killed" or "finished"), so a test can make sure the
    kill really landed mid-way at least once.
    """
    rng = random.Random(seed)
    low, high = window
    outcomes = []
    for _ in range(tries):
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(low, high))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            outcomes.append("killed")
        else:
            outcomes.append("finished")
            low, high = low * earlier[0], high * earlier[1]
        check()
        if reset is not None:
            reset()
    return outcomes


def test_import_killed_midway_is_all_or_nothing(demo_db: Database, tmp_path: Path) -> None:
    rows = 30_000
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["姓名", "性别", "手机号", "身份证号", "网格", "队伍", "职务", "政治面貌", "备注"])
        for i in range(rows):
            w.writerow([f"志愿者{i}", "男", f"139{i:08d}", "", "3号网格", "小喇叭巡逻队", "队员", "群众", ""])
    with demo_db.session() as s:
        base_vol = s.scalar(select(func.count(Volunteer.id)))
        base_mem = s.scalar(select(func.count()).select_from(Membership))
    url = demo_db.url
    demo_db.dispose()

    def check() -> None:
        db = open_database(url)
        try:
            with db.session() as s:
                n_vol = s.scalar(select(func.count(Volunteer.id)))
                n_mem = s.scalar(select(func.count()).select_from(Membership))
                if db.is_sqlite:
                    assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert (n_vol, n_mem) in ((base_vol, base_mem), (base_vol + rows, base_mem + rows))
        finally:
            db.dispose()

    env = {**os.environ, "VOLUNTEER_APP_DB": url}
    argv = [sys.executable, "-m", "volunteer_app", "volunteers", "import", str(path)]
    # Reading and checking the file takes most of the time and writes nothing; aim the
    # kills at the end of that phase and into the write that follows it.
    start = time.perf_counter()
    subprocess.run([*argv, "--dry-run"], env=env, check=True, capture_output=True)
    prepare = time.perf_counter() - start
    outcomes = kill_at_random_points(argv, env, check, window=(prepare * 0.95, prepare * 1.4))
    assert "killed" in outcomes


def _scalar(url: str, sql: str) -> int:
    db = open_database(url, upgrade=False)
    try:
        with db.engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        db.dispose()


def _timed_run(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def test_shift_generation_killed_midway_is_all_or_nothing(new_db_url) -> None:  # noqa: ANN001
    gen = ["shifts", "generate", "--from", "2027-01-01", "--to", "2028-12-31"]
    scratch = new_db_url("scratch", template="demo")
    env = {**os.environ, "VOLUNTEER_APP_DB": scratch}
    base = _scalar(scratch, "SELECT count(*) FROM shift")
    full = _timed_run([sys.executable, "-m", "volunteer_app", *gen], env)
    made = _scalar(scratch, "SELECT count(*) FROM shift") - base
    assert made > 5000
    outcomes = []
    for i in range(3):
        url = new_db_url(f"gen{i}", template="demo")
        env = {**os.environ, "VOLUNTEER_APP_DB": url}

        def check(url: str = url) -> None:
            n = _scalar(url, "SELECT count(*) FROM shift")
            batches = _scalar(url, "SELECT count(*) FROM generation_batch")
            assert (n - base, batches) in ((0, 1), (made, 2)), (n - base, batches)

        outcomes += kill_at_random_points([sys.executable, "-m", "volunteer_app", *gen], env, check,
                                          window=(full * 0.5, full * 1.0), tries=1, seed=i)
    assert "killed" in outcomes


def test_autofill_apply_killed_midway_is_all_or_nothing(new_db_url) -> None:  # noqa: ANN001
    url = new_db_url("fill", template="demo")
    env = {**os.environ, "VOLUNTEER_APP_DB": url}
    run = [sys.executable, "-m", "volunteer_app", "shifts", "generate", "--from", "2027-03-01",
           "--to", "2027-03-07"]
    subprocess.run(run, env=env, check=True, capture_output=True)
    fill = [sys.executable, "-m", "volunteer_app", "roster", "autofill", "--week", "2027-W09",
            "--time-limit", "5"]
    solve = _timed_run([*fill, "--dry-run"], env)
    base = _scalar(url, "SELECT count(*) FROM assignment")

    def check() -> None:
        n = _scalar(url, "SELECT count(*) FROM assignment") - base
        batches = _scalar(url, "SELECT count(*) FROM autofill_batch WHERE undone_at IS NULL")
        linked = _scalar(url, "SELECT count(*) FROM autofill_batch_assignment")
        assert (batches == 0 and n == 0) or (batches == 1 and n == linked > 0), (n, batches, linked)

    def undo_fill() -> None:
        live = _scalar(url, "SELECT max(id) FROM autofill_batch WHERE undone_at IS NULL")
        if live is not None:
            subprocess.run([sys.executable, "-m", "volunteer_app", "roster", "undo", str(live)],
                           env=env, check=True, capture_output=True)

    # The solve writes nothing; aim the kills at its end and the apply that follows. A run
    # that finished is undone, so every try does the same work, and the next kill comes
    # earlier: solve times vary from run to run.
    outcomes = kill_at_random_points(fill, env, check, window=(solve * 0.75, solve * 1.05),
                                     tries=5, reset=undo_fill, earlier=(0.7, 0.8))
    assert "killed" in outcomes, outcomes
