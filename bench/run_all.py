"""Run every ``bench/bench_*.py`` (each has ``main()``) and print its figures.

Usage: ``python bench/run_all.py [name ...]`` where a name filters the benchmark files
(e.g. ``registers``). Figures are printed, never asserted: machines are noisy.
"""

from __future__ import annotations

import importlib.util
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    # Benchmarks that spawn worker processes need their module importable by name.
    sys.path.insert(0, str(HERE))
    files = sorted(HERE.glob("bench_*.py"))
    if argv:
        files = [f for f in files if any(a in f.stem for a in argv)]
    failed = 0
    for path in files:
        print(f"\n=== {path.stem} ===", flush=True)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        start = time.perf_counter()
        try:
            spec.loader.exec_module(module)
            module.main()
        except Exception:
            failed += 1
            traceback.print_exc()
        print(f"({path.stem} took {time.perf_counter() - start:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
