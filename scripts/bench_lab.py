"""Benchmark rows for the main job: cold `make lab`, the browser test, bytecode.

Called by scripts/benchmark.py; each function returns rows of
(measure, seconds, runs, compared with, ratio or None).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
Row = tuple[str, float, int, str, "float | None"]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError):
        return False


def cold_make_lab() -> float:
    """Seconds from `make lab` in a fresh clone (no .venv, warm package cache) to /api/status answering."""
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        log_path = Path(tmp) / "lab.log"
        started = time.perf_counter()
        with log_path.open("w") as log:
            lab = subprocess.Popen(["make", "-s", "lab"], cwd=clone, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            while True:
                found = re.search(r"http://127\.0\.0\.1:(\d+)/\S*token=([0-9a-f]+)", log_path.read_text())
                if found and _answers(f"http://127.0.0.1:{found[1]}/api/status?token={found[2]}"):
                    return time.perf_counter() - started
                if lab.poll() is not None or time.perf_counter() - started > 600:
                    raise RuntimeError(f"make lab did not start:\n{log_path.read_text()}")
                time.sleep(0.2)
        finally:
            os.killpg(lab.pid, signal.SIGTERM)
            lab.wait(timeout=30)


def browser_test_per_notebook(python: str) -> list[Row]:
    """The browser test's own timing: Run All Cells clicked until the kernel is idle, per notebook."""
    out = subprocess.run([python, "-m", "pytest", "-q", "-s", "tests/test_lab_browser.py"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [(f"browser test: {name} (Run All to idle)", float(seconds), 1, "", None)
            for name, seconds in re.findall(r"(\d\d_[\w-]+\.ipynb): Run All to idle in ([\d.]+) s", out)]


def make_test_bytecode(runs: int, median) -> list[Row]:  # type: ignore[no-untyped-def]
    """`make test` with the environment's compiled bytecode, and with every process recompiling."""
    def make_test(env: dict[str, str]) -> None:
        subprocess.run(["make", "-s", "test"], cwd=ROOT, env=env, check=True, capture_output=True)

    with_pyc, _ = median(lambda: make_test(dict(os.environ)), runs)
    with tempfile.TemporaryDirectory() as empty:
        # An empty, unwritable-in-effect pycache prefix: Python finds no .pyc and writes none.
        env = {**os.environ, "PYTHONPYCACHEPREFIX": empty, "PYTHONDONTWRITEBYTECODE": "1"}
        without, _ = median(lambda: make_test(env), runs)
    return [("make test, compiled bytecode", with_pyc, runs, "", None),
            ("make test, no bytecode (every process recompiles)", without, runs,
             "make test, compiled bytecode", without / with_pyc)]
