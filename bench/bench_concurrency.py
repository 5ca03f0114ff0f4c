"""Four writer processes doing mixed edits at once, on SQLite (WAL) and on PostgreSQL.

Each worker loops for BENCH_SECONDS (default 30): edits a volunteer from a small hot set
(read-modify-write of a counter kept in the notes, saved with the version it read, retried
when refused as stale), registers a new volunteer, or changes a team role. At the end the
counters in the database are compared with the number of successful increments each
worker reported: any difference is a lost update (must be 0).

PostgreSQL runs when VOLUNTEER_APP_TEST_PG (an admin URL) is set, e.g. under
scripts/with-postgres.sh; otherwise this benchmark starts one itself when the server
binaries are installed.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.exc import OperationalError  # noqa: E402

from volunteer_app.db import open_database  # noqa: E402
from volunteer_app.demo import load_demo  # noqa: E402
from volunteer_app.errors import ConflictError, ValidationError  # noqa: E402
from volunteer_app.paths import sqlite_url  # noqa: E402
from volunteer_app.services import teams  # noqa: E402
from volunteer_app.services import volunteers as vs  # noqa: E402

WORKERS = 4
HOT = 12


def worker(url: str, seconds: float, seed: int, out: mp.Queue) -> None:
    db = open_database(url, upgrade=False)
    rng = random.Random(seed)
    with db.session() as s:
        hot = vs.query_ids(s)[:HOT]
        team_ids = [t.id for t in teams.list_teams(s)][1:]
    increments: dict[int, int] = {}
    stats = {"edits": 0, "creates": 0, "roles": 0, "stale_retries": 0, "busy_retries": 0}
    deadline = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < deadline:
        roll = rng.random()
        try:
            if roll < 0.7:
                vid = rng.choice(hot)
                with db.session() as s:
                    d = vs.get(s, vid)
                    count = int(d.notes or "0")
                    vs.update(s, vid, vs.VolunteerData(
                        name=d.name, mobile=d.mobile, gender=d.gender, id_number=d.id_number,
                        grid_id=d.grid_id, political_status=d.political_status,
                        party_household=d.party_household, occupation=d.occupation,
                        skills=d.skills, notes=str(count + 1), joined_on=d.joined_on,
                    ), expected_version=d.version)
                increments[vid] = increments.get(vid, 0) + 1
                stats["edits"] += 1
            elif roll < 0.85:
                n += 1
                mobile = f"15{seed % 10}{n:08d}"
                with db.session() as s:
                    vs.create(s, vs.VolunteerData(name=f"并发{seed}-{n}", mobile=mobile))
                stats["creates"] += 1
            else:
                with db.session() as s:
                    tid = rng.choice(team_ids)
                    members = teams.members(s, tid)
                    m = rng.choice(members)
                    teams.set_role(s, tid, m.volunteer_id, rng.choice(["member", "deputy"])
                                   if m.role != "captain" else "captain")
                stats["roles"] += 1
        except ConflictError:
            stats["stale_retries"] += 1
        except ValidationError:
            stats["stale_retries"] += 1
        except OperationalError:
            # SQLite: another writer held the lock past the busy timeout, or a
            # PostgreSQL serialisation failure; the unit of work was rolled back whole.
            stats["busy_retries"] += 1
    db.dispose()
    out.put({"increments": increments, "stats": stats})


def run(label: str, url: str, seconds: float) -> None:
    db = open_database(url)
    with db.session() as s:
        load_demo(s)
    db.dispose()
    ctx = mp.get_context("spawn")
    q: mp.Queue = ctx.Queue()
    procs = [ctx.Process(target=worker, args=(url, seconds, 10 + i, q)) for i in range(WORKERS)]
    start = time.perf_counter()
    for p in procs:
        p.start()
    results = [q.get() for _ in procs]
    for p in procs:
        p.join()
    elapsed = time.perf_counter() - start
    expected: dict[int, int] = {}
    totals: dict[str, int] = {}
    for r in results:
        for vid, k in r["increments"].items():
            expected[vid] = expected.get(vid, 0) + k
        for key, v in r["stats"].items():
            totals[key] = totals.get(key, 0) + v
    db = open_database(url, upgrade=False)
    with db.session() as s:
        actual = {vid: int(vs.get(s, vid).notes or "0") for vid in expected}
    db.dispose()
    lost = sum(expected[v] - actual[v] for v in expected)
    ops = totals["edits"] + totals["creates"] + totals["roles"]
    print(f"{label:<18} {WORKERS} writers x {seconds:.0f} s: {ops / elapsed:8.1f} ops/s "
          f"(edits {totals['edits']}, creates {totals['creates']}, roles {totals['roles']}); "
          f"refused as stale {totals['stale_retries']}, lock waits given up {totals['busy_retries']}; "
          f"lost updates: {lost}")


def main() -> None:
    seconds = float(os.environ.get("BENCH_SECONDS", "30"))
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite (WAL)", sqlite_url(Path(tmp) / "conc.db"), seconds)
    admin = os.environ.get("VOLUNTEER_APP_TEST_PG")
    if not admin:
        script = ROOT / "scripts" / "with-postgres.sh"
        res = subprocess.run(["bash", str(script), sys.executable, __file__, "--pg-only"],
                             capture_output=True, text=True)
        out = (res.stdout + res.stderr).strip().splitlines()
        print("\n".join(line for line in out if "with-postgres" not in line or res.returncode))
        return
    run_pg(admin, seconds)


def run_pg(admin: str, seconds: float) -> None:
    name = f"bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        run("PostgreSQL", make_url(admin).set(database=name).render_as_string(hide_password=False), seconds)
    finally:
        with engine.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


if __name__ == "__main__":
    if "--pg-only" in sys.argv:
        run_pg(os.environ["VOLUNTEER_APP_TEST_PG"], float(os.environ.get("BENCH_SECONDS", "30")))
    else:
        main()
