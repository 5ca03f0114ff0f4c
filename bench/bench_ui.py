"""Desktop UI: start-up on 10,000 volunteers vs a bare PySide6 window; the register on 100,000.

1. Start-up, each run in a fresh subprocess (QT_QPA_PLATFORM=offscreen), timed by this
   process from spawning the interpreter until the child reports:
   * bare: ``QApplication`` + an empty ``QMainWindow`` shown (exposed) -- the baseline;
   * app: ``ui.app.main`` on a 10,000-volunteer database until the main window is shown
     (exposed), and, in the same run, until the volunteer register shows its first rows
     (database opened on the background thread, screen built, first batch loaded);
   * the same through the ``volunteer-app`` entry point (``volunteer_app.cli.main``), as a
     clerk starts it: that adds the command line's own start.
   Medians of several runs, and the ratios to the bare window (target: window within 1.5x).
   The app's modules are byte-compiled first, as in any installed copy (the bare window's
   PySide6 comes byte-compiled from its wheel): where PYTHONDONTWRITEBYTECODE is set, every
   run would otherwise time compiling ui/*.py, which no clerk's start does.
2. The volunteers screen on 100,000 volunteers (in this process):
   * time to first rows: building the screen until the first batch of rows is loaded;
   * keystroke to filtered rows: a key pressed in the search box until the model holds
     the filtered ids and the first rows (median over a typed sequence; target < 50 ms).
     Baseline in the same run: the same searches as SQL through the services
     (``query_ids`` with LIKE + ``fetch_rows``), which is what each keystroke would cost
     without the in-memory search index; and the first keystroke typed right after the
     screen opens, before that index is loaded.
Figures are printed, never asserted.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STARTUP_RUNS = 9
TYPED = ["z", "h", "a", "n", "g", "BS", "BS", "BS", "BS", "BS", "1", "3", "8", "BS", "BS",
         "BS", "x", "m", "BS", "BS", "w", "a", "n", "g", "BS", "BS", "BS", "BS"]

BARE_CHILD = r"""
import time
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 800)
w.show()
def poll():
    if w.windowHandle() is not None and w.windowHandle().isExposed():
        print("SHOWN", flush=True)
        app.quit()
    else:
        QTimer.singleShot(5, poll)
QTimer.singleShot(0, poll)
app.exec()
"""

APP_CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])

def rows_ready(w):
    view = w.screen_widget("volunteers")
    def done(_n=0):
        print("ROWS", flush=True)
        w.close()
        app.quit()
    if view.model.loaded_once:
        done()
    else:
        view.model.sig_loaded.connect(done)

def poll():
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "mainWindow" and w.windowHandle() is not None \
                and w.windowHandle().isExposed():
            print("SHOWN", flush=True)
            if w.ctx is not None:
                rows_ready(w)
            else:
                w.sig_context_ready.connect(lambda _c: rows_ready(w))
            return
    QTimer.singleShot(5, poll)

QTimer.singleShot(0, poll)
from ui.app import main
main(sys.argv[1])
"""

# The same, started as ``volunteer-app --db URL`` starts it: the script imports the command
# line first (before PySide6, which matters: PySide6 reads the source of every module
# imported after it, looking for ``from __feature__``), then its main() opens the window.
ENTRY_CHILD = "from volunteer_app.cli import main as cli_main\n" + APP_CHILD.replace(
    "from ui.app import main\nmain(sys.argv[1])", "cli_main(['--db', sys.argv[1]])")


def _spawn(code: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run a child; seconds from spawn until each line it prints (SHOWN, ROWS)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        marks[line.strip()] = time.perf_counter() - start
    proc.wait(timeout=60)
    return marks


def make_database(path: Path, n: int) -> str:
    """A demo community plus ``n`` generated volunteers (bulk inserts)."""
    from gen_data import fill_volunteers

    from volunteer_app.db import open_database
    from volunteer_app.demo import load_demo
    from volunteer_app.paths import sqlite_url

    url = sqlite_url(path)
    db = open_database(url)
    with db.session() as s:
        load_demo(s)
    fill_volunteers(db, n)
    db.dispose()
    return url


def bench_startup(tmp: Path) -> None:
    url = make_database(tmp / "v10k.db", 10_000)
    for package in ("ui", "volunteer_app"):
        compileall.compile_dir(ROOT / package, quiet=1)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def app_env(run: object) -> dict[str, str]:
        # Fresh settings each run: the register is the first screen.
        return {**env, "VOLUNTEER_APP_CONFIG": str(tmp / f"config{run}"),
                "VOLUNTEER_APP_DATA": str(tmp / "data")}

    bare, shown, rows, entry = [], [], [], []
    _spawn(BARE_CHILD, [], env)  # warm the file cache for all three
    _spawn(APP_CHILD, [url], app_env("warm"))
    for run in range(STARTUP_RUNS):
        bare.append(_spawn(BARE_CHILD, [], env)["SHOWN"])
        marks = _spawn(APP_CHILD, [url], app_env(run))
        shown.append(marks["SHOWN"])
        rows.append(marks["ROWS"])
        entry.append(_spawn(ENTRY_CHILD, [url], app_env(f"entry{run}"))["SHOWN"])
    b, s, r, e = (statistics.median(x) for x in (bare, shown, rows, entry))

    def paired(xs: list[float]) -> float:
        # Each run's bare and app starts are spawned back to back: on a shared, busy machine
        # their ratio moves less than the ratio of the medians.
        return statistics.median([x / y for x, y in zip(xs, bare, strict=True)])

    print(f"start-up, median of {STARTUP_RUNS} fresh processes (10,000 volunteers):")
    print(f"  bare PySide6 QMainWindow shown       {b * 1000:7.0f} ms")
    print(f"  app main window shown                {s * 1000:7.0f} ms   {s / b:4.2f}x bare "
          f"(target <= 1.5x; per run {paired(shown):4.2f}x)")
    print(f"  the same via volunteer-app           {e * 1000:7.0f} ms   {e / b:4.2f}x bare "
          f"(per run {paired(entry):4.2f}x)")
    print(f"  app register showing its first rows  {r * 1000:7.0f} ms   {r / b:4.2f}x bare")


def bench_register(tmp: Path) -> None:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.app import create_application
    from ui.common.context import AppContext
    from ui.common.i18n import install_translators
    from ui.registers.volunteers_model import BATCH
    from ui.registers.volunteers_view import VolunteersView
    from volunteer_app.db import open_database
    from volunteer_app.services import volunteers as vol_service
    from volunteer_app.services.volunteers import VolunteerFilter

    url = make_database(tmp / "v100k.db", 100_000)
    app = create_application()
    install_translators("zh_CN")
    os.environ["VOLUNTEER_APP_CONFIG"] = str(tmp / "config-register")
    db = open_database(url)
    ctx = AppContext(db)

    def wait(pred, timeout: float = 30.0) -> None:  # noqa: ANN001
        # Sleep in a Qt event loop between checks, as the idle app does; polling in a busy
        # loop would hold the GIL and slow down the worker thread being measured. Every
        # event that can make ``pred`` true (a result delivered, the worker going idle)
        # wakes the loop through the signals connected below.
        end = time.perf_counter() + timeout
        while not pred():
            if time.perf_counter() > end:
                raise TimeoutError
            loop = QEventLoop()
            wakers = [ctx.worker.sig_busy_changed, *(v.model.sig_loaded for v in live),
                      *(v.model.dataChanged for v in live)]
            for signal in wakers:
                signal.connect(loop.quit)
            QTimer.singleShot(20, loop.quit)
            if not pred():
                loop.exec()
            for signal in wakers:
                try:
                    signal.disconnect(loop.quit)
                except RuntimeError:  # the view was deleted meanwhile
                    pass

    def idle() -> None:
        wait(lambda: ctx.worker.pending == 0)

    def loaded(v) -> bool:  # noqa: ANN001
        return not v.model.busy and (v.model.rowCount() == 0 or v.model.row_for(0) is not None)

    live: list = []  # views whose model signals wake the waiting loop
    first_rows = []
    for _ in range(5):
        idle()  # one screen at a time, as a clerk opens it
        start = time.perf_counter()
        view = VolunteersView(ctx)
        live[:] = [view]
        view.resize(1200, 800)
        view.show()
        wait(lambda v=view: v.model.loaded_once and v.model.row_for(0) is not None)
        first_rows.append(time.perf_counter() - start)
        count = view.model.rowCount()
        view.close()
        view.deleteLater()
        live.clear()
        app.processEvents()

    # Typing at once: the first keystroke lands before the search index is loaded.
    immediate = []
    for _ in range(3):
        idle()
        view = VolunteersView(ctx)
        live[:] = [view]
        view.show()
        wait(lambda v=view: v.model.loaded_once)
        start = time.perf_counter()
        QTest.keyClicks(view.search_edit, "z")
        wait(lambda v=view: loaded(v))
        immediate.append(time.perf_counter() - start)
        view.close()
        view.deleteLater()
        live.clear()
        app.processEvents()

    idle()
    view = VolunteersView(ctx)
    live[:] = [view]
    view.resize(1200, 800)
    view.show()
    wait(lambda: view.model.loaded_once)
    idle()  # the search index has been prefetched
    view.search_edit.setFocus()
    per_key, sizes = [], []
    for key in TYPED:
        start = time.perf_counter()
        if key == "BS":
            QTest.keyClick(view.search_edit, Qt.Key.Key_Backspace)
        else:
            QTest.keyClicks(view.search_edit, key)
        wait(lambda: loaded(view))
        per_key.append(time.perf_counter() - start)
        sizes.append(view.model.rowCount())
        idle()  # a clerk's next key comes ~100 ms later; let the row fetch finish

    # The floor: the same queries straight through the services, no UI.
    floor = []
    text = ""
    for key in TYPED:
        text = text[:-1] if key == "BS" else text + key
        flt = VolunteerFilter(search=text, active=True)
        start = time.perf_counter()
        with db.session() as s:
            ids = vol_service.query_ids_ordered(s, flt)  # LIKE over the table
            vol_service.fetch_rows(s, ids[:BATCH])
        floor.append(time.perf_counter() - start)
    view.close()
    ctx.close()
    QApplication.processEvents()

    print(f"volunteers screen on {count:,} active volunteers (100,000 generated + demo):")
    print(f"  screen built -> first rows, median of 5       "
          f"{statistics.median(first_rows) * 1000:7.1f} ms")
    print(f"  keystroke -> filtered rows, median of {len(TYPED)}     "
          f"{statistics.median(per_key) * 1000:7.1f} ms   (target < 50 ms; "
          f"max {max(per_key) * 1000:.1f} ms; matches {min(sizes):,}..{max(sizes):,})")
    print(f"  same queries as SQL through the services      "
          f"{statistics.median(floor) * 1000:7.1f} ms   (baseline: searching the table)")
    print(f"  first keystroke right after opening, median 3 "
          f"{statistics.median(immediate) * 1000:7.1f} ms   (search index not loaded yet)")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        os.environ["VOLUNTEER_APP_DATA"] = str(Path(tmp) / "data")
        bench_startup(Path(tmp))
        bench_register(Path(tmp))


if __name__ == "__main__":
    main()
