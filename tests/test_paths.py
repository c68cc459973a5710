"""memo_utils finds data/ wherever the kernel starts."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from memo_utils import DATA_ENV, data_dir, load_goals
from tests.conftest import ROOT


def test_data_found_from_any_working_directory(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != DATA_ENV}
    out = subprocess.run(
        [sys.executable, "-c", "import memo_utils; print(memo_utils.data_dir())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )
    assert Path(out.stdout.strip()) == ROOT / "data"


def test_environment_variable_points_elsewhere(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_ENV, str(data_copy))
    assert data_dir() == data_copy
    (data_copy / "goals.csv").unlink()
    with pytest.raises(Exception, match="goals.csv"):
        load_goals()


def test_a_folder_without_a_data_package_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=DATA_ENV):
        data_dir(tmp_path)


def test_witness_matches_the_hash_its_descriptor_records(data: Path) -> None:
    """The witness is copied unchanged from the Office of the Historian's text; any edit shows."""
    resource = next(r for r in json.loads((data / "datapackage.json").read_text(encoding="utf-8"))["resources"]
                    if r["name"] == "witness")
    algorithm, digest = resource["hash"].split(":", 1)
    assert hashlib.new(algorithm, (data / resource["path"]).read_bytes()).hexdigest() == digest
