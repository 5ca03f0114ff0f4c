"""Registers: importing a 10,000-row xlsx, and `volunteers list --search` on 100,000.

Baselines in the same run: reading the same xlsx with openpyxl alone (the floor for any
import), and a bare `python -c 'import sqlite3'`-level query over the same table.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_data import fill_volunteers, write_import_xlsx  # noqa: E402

from volunteer_app.db import open_database  # noqa: E402
from volunteer_app.demo import load_demo  # noqa: E402
from volunteer_app.importexport import volunteers_io  # noqa: E402
from volunteer_app.paths import sqlite_url  # noqa: E402
from volunteer_app.services import grids, teams  # noqa: E402


def _timed(fn) -> float:  # noqa: ANN001
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_import(tmp: Path) -> None:
    db = open_database(sqlite_url(tmp / "import.db"))
    with db.session() as s:
        load_demo(s)
    with db.session() as s:
        team_names = [t.name for t in teams.list_teams(s)]
        grid_names = [g.name for g in grids.list_grids(s)]
    xlsx = write_import_xlsx(tmp / "10k.xlsx", 10_000, team_names, grid_names)

    def read_only() -> None:
        from openpyxl import load_workbook

        wb = load_workbook(xlsx, read_only=True)
        for _ in wb.worksheets[0].iter_rows(values_only=True):
            pass
        wb.close()

    floor = _timed(read_only)

    def do_import() -> None:
        with db.session() as s:
            n = volunteers_io.import_file(s, xlsx)
        assert n == 10_000

    total = _timed(do_import)
    db.dispose()
    print(f"import 10,000-row xlsx: {total:.2f} s  (openpyxl read alone: {floor:.2f} s, "
          f"ratio {total / floor:.2f}x; {10_000 / total:,.0f} rows/s)")


def bench_search(tmp: Path) -> None:
    path = tmp / "100k.db"
    url = sqlite_url(path)
    db = open_database(url)
    with db.session() as s:
        load_demo(s)
    t = _timed(lambda: fill_volunteers(db, 100_000))
    db.dispose()
    print(f"generated 100,000 volunteers in {t:.1f} s")
    env = {**os.environ, "VOLUNTEER_APP_DB": url}
    cli = [sys.executable, "-m", "volunteer_app"]
    for label, args in [
        ("startup only (teams list)", ["teams", "list"]),
        ("volunteers list --search zs", ["volunteers", "list", "--search", "zs", "--json"]),
        ("volunteers list --search 张伟", ["volunteers", "list", "--search", "张伟"]),
        ("volunteers list --search 1385", ["volunteers", "list", "--search", "1385"]),
    ]:
        times = []
        lines = 0
        for _ in range(3):
            start = time.perf_counter()
            res = subprocess.run(cli + args, env=env, capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - start)
            lines = res.stdout.count("\n")
        print(f"{label:<34} median {statistics.median(times) * 1000:7.0f} ms  ({lines} output lines)")
    # In-process: the query alone, without interpreter start-up.
    db = open_database(url)
    from volunteer_app.services import volunteers as vs

    for term in ("zs", "张伟", "1385"):
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            with db.session() as s:
                ids = vs.query_ids(s, vs.VolunteerFilter(search=term))
            runs.append(time.perf_counter() - start)
        print(f"query_ids search {term!r:<8} median {statistics.median(runs) * 1000:6.1f} ms "
              f"({len(ids)} matches of 100,152)")
    db.dispose()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bench_import(Path(tmp))
        bench_search(Path(tmp))


if __name__ == "__main__":
    main()
