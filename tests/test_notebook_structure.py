"""Every notebook follows the collection's skeleton and was run cleanly top to bottom."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _markdown(nb: nbformat.NotebookNode) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def _code(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]


@pytest.fixture(params=NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def nb(request: pytest.FixtureRequest) -> nbformat.NotebookNode:
    return nbformat.read(request.param, as_version=4)


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS


def test_opens_with_one_title_and_an_overview(nb: nbformat.NotebookNode) -> None:
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    titles = re.findall(r"^# ", _markdown(nb), flags=re.M)
    assert len(titles) == 1
    assert re.search(r"\btime\b[^\n]*\bread", first.source, flags=re.I)


def test_sections_are_numbered_in_order(nb: nbformat.NotebookNode) -> None:
    numbers = [int(n) for n in re.findall(r"^## (\d+)\. ", _markdown(nb), flags=re.M)]
    assert numbers and numbers == list(range(1, len(numbers) + 1))


def test_ends_with_summary_questions_and_how_to_cite(nb: nbformat.NotebookNode) -> None:
    text = _markdown(nb).lower()
    positions = [text.rfind(h) for h in ("summary", "questions for discussion", "how to cite")]
    assert -1 not in positions and positions == sorted(positions)
    start = max(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and "how to cite" in c.source.lower())
    cite = "".join(c.source + "".join(str(o.get("text", "")) for o in c.get("outputs", [])) for c in nb.cells[start:])
    assert "history.state.gov/historicaldocuments/frus1981-88v41/d88" in cite


def test_imports_come_first(nb: nbformat.NotebookNode) -> None:
    code = _code(nb)
    assert "import" in code[0].source
    later_imports = [c.source for c in code[1:] if re.search(r"^(import|from) \S+", c.source, flags=re.M)]
    assert later_imports == []


def test_kernel_is_python3(nb: nbformat.NotebookNode) -> None:
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_executed_once_top_to_bottom_without_errors(nb: nbformat.NotebookNode) -> None:
    code = _code(nb)
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []


def test_no_execution_timestamps_are_stored(nb: nbformat.NotebookNode) -> None:
    assert [c.metadata["execution"] for c in nb.cells if "execution" in c.metadata] == []


def test_charts_end_with_plt_show_not_a_semicolon(nb: nbformat.NotebookNode) -> None:
    for cell in _code(nb):
        last = cell.source.strip().splitlines()[-1]
        assert not last.rstrip().endswith(";"), cell.source
        draws_figure = any("image/png" in o.get("data", {}) for o in cell.outputs)
        if draws_figure:
            assert last.strip() == "plt.show()", cell.source


def test_every_chart_is_followed_by_the_paragraph_that_reads_it(nb: nbformat.NotebookNode) -> None:
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any("image/png" in o.get("data", {}) for o in cell.outputs):
            following = nb.cells[index + 1] if index + 1 < len(nb.cells) else None
            assert following is not None and following.cell_type == "markdown", cell.source


MACHINE_PATH = re.compile(r"(?:/(?:home|root|tmp|var/folders|private|Users|work|opt|usr)/|[A-Za-z]:\\|site-packages)")


def _output_text(output: nbformat.NotebookNode) -> str:
    data = output.get("data", {})
    return "".join([output.get("text", ""), str(data.get("text/plain", "")), str(data.get("text/html", ""))])


def test_no_machine_paths_or_addresses_in_outputs(nb: nbformat.NotebookNode) -> None:
    for cell in _code(nb):
        for output in cell.outputs:
            text = _output_text(output)
            assert not re.search(r"0x[0-9a-f]{6,}", text), text[:200]
            assert not MACHINE_PATH.search(text), f"a stored output names a machine path: {text[:200]}"
            assert str(ROOT) not in text and str(Path.home()) + "/" not in text


def test_no_warnings_in_outputs(nb: nbformat.NotebookNode) -> None:
    for cell in _code(nb):
        for output in cell.outputs:
            assert not (output.output_type == "stream" and output.name == "stderr"), output.text[:300]
            assert not re.search(r"\b\w*Warning\b:", _output_text(output)), _output_text(output)[:300]


def test_no_kernel_version_is_stored(nb: nbformat.NotebookNode) -> None:
    """The kernel's exact Python version differs between machines (jupyter/reproducible.py)."""
    assert "version" not in nb.metadata.get("language_info", {})
