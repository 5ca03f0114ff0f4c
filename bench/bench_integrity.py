"""What checking a database costs on the bench-size register (the demo community plus
100,000 volunteers): PRAGMA quick_check on open (at most once a day per file), PRAGMA
integrity_check before every backup, and the backups and checks of backups themselves."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_data import fill_volunteers  # noqa: E402

from volunteer_app.backup import create_backup, inspect_backup, verify_backup  # noqa: E402
from volunteer_app.db import check_integrity, open_database  # noqa: E402
from volunteer_app.demo import load_demo  # noqa: E402
from volunteer_app.paths import sqlite_url  # noqa: E402


def _median(fn, runs: int = 3) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        os.environ.setdefault("VOLUNTEER_APP_DATA", str(base / "data"))
        path = base / "100k.db"
        db = open_database(sqlite_url(path))
        with db.session() as s:
            load_demo(s)
        fill_volunteers(db, 100_000)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size / 1e6
        print(f"database: {size:.1f} MB, 100,152 volunteers")
        quick = _median(lambda: check_integrity(path, full=False), 5)
        full = _median(lambda: check_integrity(path, full=True))
        print(f"PRAGMA quick_check (on open, once a day):  median {quick * 1000:6.0f} ms")
        print(f"PRAGMA integrity_check (before a backup):  median {full * 1000:6.0f} ms")
        for out in (base / "b.vabak", base / "b.db"):
            made = _median(lambda out=out: create_backup(db, out), 1)
            checked = _median(lambda out=out: inspect_backup(out), 1)
            print(f"backup {out.suffix:<6} {made:5.2f} s (check included); restore --check: "
                  f"inspect {checked:5.2f} s, ", end="")
            print(f"load as a restore would {_median(lambda out=out: verify_backup(out), 1):5.2f} s")
        db.dispose()


if __name__ == "__main__":
    main()
