"""Every notebook cell follows the collection's layer conventions (COMMON.md, issue 15).

Every cell carries exactly one layer tag; a chart cell (one with an image output) carries a
figure-<notebook>-<n> tag and metadata.alt; the cell after a chart is a markdown caption cell
tagged narrative and caption whose text starts "**Figure <n>.**".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

LAYERS = {"narrative", "hermeneutics", "data", "hidden"}
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def layer_problems(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    number = path.name.split("_", 1)[0]
    problems: list[str] = []
    cells = nb["cells"]
    for i, cell in enumerate(cells):
        meta = cell.get("metadata", {})
        tags = meta.get("tags", [])
        layers = [t for t in tags if t in LAYERS]
        if len(layers) != 1:
            problems.append(f"{path.name} cell {i}: layer tags {layers or 'none'}, expected exactly one of {sorted(LAYERS)}")
        images = [o for o in cell.get("outputs", []) if {"image/png", "image/svg+xml"} & set(o.get("data", {}))]
        if cell["cell_type"] != "code" or not images:
            continue
        figures = [t for t in tags if re.fullmatch(rf"figure-{number}-\d+", t)]
        if len(figures) != 1:
            problems.append(f"{path.name} cell {i}: a chart needs one tag figure-{number}-<n>, has {figures}")
        if not str(meta.get("alt", "")).strip():
            problems.append(f"{path.name} cell {i}: a chart needs metadata.alt describing it")
        after = cells[i + 1] if i + 1 < len(cells) else None
        text = "".join(after["source"]) if after else ""
        after_tags = after.get("metadata", {}).get("tags", []) if after else []
        if (after is None or after["cell_type"] != "markdown" or not {"narrative", "caption"} <= set(after_tags)
                or not re.match(r"\*\*Figure \d+\.\*\*", text.lstrip())):
            problems.append(f"{path.name} cell {i}: the next cell must be a markdown caption cell "
                            "tagged narrative and caption, starting '**Figure <n>.**'")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_cells_follow_the_layer_conventions(path: Path) -> None:
    problems = layer_problems(path)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])


def test_the_checker_catches_each_kind_of_fault(tmp_path: Path) -> None:
    good = {"cells": [
        {"cell_type": "code", "metadata": {"tags": ["hermeneutics", "figure-07-1"], "alt": "A bar chart."},
         "source": "plt.show()", "outputs": [{"output_type": "display_data", "data": {"image/png": "x"}}]},
        {"cell_type": "markdown", "metadata": {"tags": ["narrative", "caption"]}, "source": "**Figure 1.** Bars."},
    ]}
    path = tmp_path / "07_probe.ipynb"
    path.write_text(json.dumps(good), encoding="utf-8")
    assert layer_problems(path) == []
    for fault in ("no layer", "two layers", "no figure tag", "no alt", "no caption"):
        nb = json.loads(json.dumps(good))
        chart, caption = nb["cells"]
        if fault == "no layer":
            caption["metadata"]["tags"] = ["caption"]
        elif fault == "two layers":
            chart["metadata"]["tags"].append("data")
        elif fault == "no figure tag":
            chart["metadata"]["tags"] = ["hermeneutics"]
        elif fault == "no alt":
            del chart["metadata"]["alt"]
        else:
            caption["source"] = "The bars show..."
        path.write_text(json.dumps(nb), encoding="utf-8")
        assert layer_problems(path), fault
