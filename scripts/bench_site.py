"""Time the site build, the PDF and the browser test (issue 15: together under two minutes).

``measure()`` returns seconds per step and their total, for scripts/benchmark.py to record;
run this file directly to print them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return round(time.perf_counter() - start, 1)


def measure() -> dict[str, float]:
    python = sys.executable
    # Cold: no doctrees or HTML left from an earlier build.
    shutil.rmtree(ROOT / "build" / "site", ignore_errors=True)
    figures = {
        "site_build_s": _timed([python, "scripts/build_site.py"]),
        "pdf_s": 0.0,
        "browser_test_s": 0.0,
    }
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_site

    start = time.perf_counter()
    build_site.pdf(build_site.notebooks())
    figures["pdf_s"] = round(time.perf_counter() - start, 1)
    # The browser tests (pages + PDF) reuse the fresh build; a failing check still counts its time.
    start = time.perf_counter()
    subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_site_browser.py"],
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    figures["browser_test_s"] = round(time.perf_counter() - start, 1)
    figures["total_s"] = round(sum(figures.values()), 1)
    return figures


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name}: {value}")
