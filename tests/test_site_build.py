"""The site build's pure parts: layer tags -> MyST-NB removal tags, alt text, generated pages."""

from __future__ import annotations

import importlib.util
import json
import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
spec = importlib.util.spec_from_file_location("build_site", ROOT / "scripts" / "build_site.py")
assert spec and spec.loader
build_site = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_site)
import site_pages  # noqa: E402


def _cell(kind: str, tags: list[str], image: bool = False, alt: str | None = None) -> dict:
    cell: dict = {"cell_type": kind, "metadata": {"tags": tags}, "source": ""}
    if alt:
        cell["metadata"]["alt"] = alt
    if kind == "code":
        cell["outputs"] = [{"output_type": "display_data", "data": {"image/png": "x"}}] if image else []
    return cell


def test_reading_edition_maps_each_layer() -> None:
    nb = {"cells": [_cell("markdown", ["narrative"]), _cell("code", ["hermeneutics"]),
                    _cell("code", ["data"]), _cell("code", ["hidden"]),
                    _cell("code", ["hermeneutics", "figure-01-1"], image=True, alt="Bars by tier."),
                    _cell("code", []), _cell("code", []), _cell("code", ["hermeneutics"])]}
    for cell in nb["cells"][-2:]:
        cell["outputs"] = [{"output_type": "execute_result", "data": {"text/html": "<table></table>"}}]
    reading = build_site.prepare(nb, "reading")
    removal = [[t for t in c["metadata"]["tags"] if t.startswith("remove")] for c in reading["cells"]]
    assert removal == [[], ["remove-cell"], ["remove-input"], ["remove-cell"], ["remove-input"], ["remove-cell"],
                       ["remove-input"], ["remove-cell"]]
    assert reading["cells"][4]["metadata"]["mystnb"]["image"]["alt"] == "Bars by tier."
    research = build_site.prepare(nb, "research")
    assert [[t for t in c["metadata"]["tags"] if t.startswith("remove")] for c in research["cells"]] == [
        [], [], [], ["remove-cell"], [], [], [], []]
    assert "remove-cell" not in json.dumps(nb), "the original notebook must not change"


def test_bibliography_holds_every_cited_url() -> None:
    import csv

    urls = set()
    for path in (ROOT / "data").glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            urls |= {r["url"].strip() for r in csv.DictReader(handle) if (r.get("url") or "").strip()}
    assert urls and {u for _p, u, _t in site_pages.cited_sources()} == urls
    page = site_pages.bibliography()
    assert all(f"<{u}>" in page for u in urls)


def test_questions_come_from_the_notebooks() -> None:
    nb = {"cells": [{"cell_type": "markdown", "metadata": {},
                     "source": "## 10. Questions for discussion\n\n1. Why?\n   Really?\n2. How?\n"}]}
    assert site_pages.discussion_questions(nb) == ["Why? Really?", "How?"]
    followed = {"cells": [{"cell_type": "markdown", "metadata": {},
                           "source": "## Questions for discussion\n\n1. Why?\n2. How?\n\nModel answers: a file.\n\n"
                                     "## What's next\n\n1. Not a question.\n"}]}
    assert site_pages.discussion_questions(followed) == ["Why?", "How?"]
    overview = {"cells": [{"cell_type": "markdown", "metadata": {},
                           "source": "# T\n\n**The question.** In 1987, how did U.S. aims change? More."}]}
    assert site_pages.overview_question(overview) == "In 1987, how did U.S. aims change?"


def test_landing_page_lists_every_notebook_with_its_question() -> None:
    paths = build_site.notebooks()
    table = build_site.notebook_table(paths)
    rows = [line for line in table.splitlines()[2:]]
    assert len(rows) == len(paths)
    for path, row in zip(paths, rows):
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        assert cells[1].endswith("?"), f"{path.name} has no one-line question: {cells[1]!r}"
        assert f"reading/{path.stem}.ipynb" in row and f"research/{path.stem}.ipynb" in row
