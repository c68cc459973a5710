"""Validation benchmarks for issue 10, as one function that scripts/benchmark.py can call.

``measure(runs)`` returns, as medians of ``runs`` fresh processes in one session:

- ``floor``: ``python -c "import pandas, matplotlib.pyplot"`` (the interpreter floor);
- ``import``: ``import memo_utils``; ``import_validate``: ``import memo_utils`` plus ``validate()``;
- ``emigration_1x`` / ``_10x`` / ``_100x``: import plus ``load_emigration()`` on a temporary data
  folder (``MEMO_UTILS_DATA``) whose emigration table holds the real rows repeated 1, 10 and
  100 times, each copy given its own figure_id and its own URL (``?copy=N``) so that no row is a
  duplicate; and ``emigration_load_*``: the load alone, timed inside that process;
- each time also as a ratio to the floor.

Run alone: ``.venv/bin/python scripts/bench_validation.py [runs]``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
FLOOR = "import pandas, matplotlib.pyplot"
_LOAD = ("import time, memo_utils as mu; t = time.perf_counter(); n = len(mu.load_emigration()); "
         "print(time.perf_counter() - t, n)")


def _run(code: str, env: dict[str, str] | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([PYTHON, "-c", code], check=True, capture_output=True, text=True,
                          cwd=ROOT / "notebooks", env=env)
    return time.perf_counter() - start, done.stdout


def synthetic_data(target: Path, factor: int) -> Path:
    """A copy of data/ whose emigration table repeats the real rows ``factor`` times."""
    shutil.copytree(ROOT / "data", target)
    path = target / "emigration.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    at_id, at_url = header.index("figure_id"), header.index("url")
    out = [header]
    for copy in range(factor):
        for number, row in enumerate(body):
            row = list(row)
            if copy:
                serial = copy * len(body) + number
                group = row[at_id].split("-")[0]
                row[at_id] = f"{group}-{serial // 100:04d}-{serial % 100:02d}"
                row[at_url] = f"{row[at_url]}{'&' if '?' in row[at_url] else '?'}copy={copy}"
            out.append(row)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(out)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return target


def measure(runs: int = 5) -> dict[str, float]:
    """Medians in seconds, and ratios to the interpreter floor (keys ending ``_ratio``).

    The runs are interleaved (floor, import, validate, each data size, then again), so that a
    machine that slows down during the session slows every measure alike.
    """
    with tempfile.TemporaryDirectory() as scratch:
        jobs: dict[str, tuple[str, dict[str, str] | None]] = {
            "floor": (FLOOR, None),
            "import": ("import memo_utils", None),
            "import_validate": ("import memo_utils; memo_utils.validate()", None),
        }
        for factor in (1, 10, 100):
            data = synthetic_data(Path(scratch) / f"data{factor}", factor)
            jobs[f"emigration_{factor}x"] = (_LOAD, dict(os.environ, MEMO_UTILS_DATA=str(data)))
        timings: dict[str, list[tuple[float, str]]] = {key: [] for key in jobs}
        for _ in range(runs):
            for key, (code, env) in jobs.items():
                timings[key].append(_run(code, env))
    results = {key: statistics.median(t for t, _ in done) for key, done in timings.items()}
    for factor in (1, 10, 100):
        done = timings[f"emigration_{factor}x"]
        results[f"emigration_load_{factor}x"] = statistics.median(float(out.split()[0]) for _, out in done)
        results[f"emigration_rows_{factor}x"] = float(done[0][1].split()[1])
    for key in [k for k in results if k != "floor" and not k.startswith("emigration_rows")]:
        results[f"{key}_ratio"] = results[key] / results["floor"]
    return results


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 5), indent=2))
