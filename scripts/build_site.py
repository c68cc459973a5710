"""Build the collection's offline site (both editions) and, with --pdf, the reading edition PDF.

    python scripts/build_site.py          # build/site/html/
    python scripts/build_site.py --pdf    # also build/site/reading-edition.pdf

The notebooks are copied into build/site-src/{reading,research}/; the originals are never
written. In the reading edition each cell's layer tag becomes a MyST-NB removal tag:

    narrative    -> shown
    data         -> remove-input (the table shows, not the pandas code)
    hermeneutics -> remove-cell, unless it draws a chart (figure-* tag or an image output),
                    which becomes remove-input so the chart stays
    hidden       -> remove-cell (in both editions)

A cell with no layer tag yet is treated by what it holds: a chart or a table keeps its output,
any other code cell is removed from the reading edition. Every chart cell's metadata.alt is handed to
MyST-NB as the image's alt text.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import site_pages  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "build" / "site-src"
OUT = ROOT / "build" / "site" / "html"
PDF = ROOT / "build" / "site" / "reading-edition.pdf"
LAYERS = ("narrative", "hermeneutics", "data", "hidden")


def notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


def has_image(cell: dict) -> bool:
    return any("image/png" in o.get("data", {}) or "image/svg+xml" in o.get("data", {})
               for o in cell.get("outputs", []))


def has_table(cell: dict) -> bool:
    return any("<table" in "".join(o.get("data", {}).get("text/html", "")) for o in cell.get("outputs", []))


def is_chart(cell: dict) -> bool:
    tags = cell.get("metadata", {}).get("tags", [])
    return cell["cell_type"] == "code" and (has_image(cell) or any(t.startswith("figure-") for t in tags))


def reading_tags(cell: dict) -> list[str]:
    """The MyST-NB removal tags this cell gets in the reading edition."""
    tags = cell.get("metadata", {}).get("tags", [])
    layers = [t for t in tags if t in LAYERS]
    if "hidden" in layers:
        return ["remove-cell"]
    if cell["cell_type"] != "code":
        return []
    if is_chart(cell) or "data" in layers:
        return ["remove-input"]
    if not layers and has_table(cell):
        return ["remove-input"]
    return ["remove-cell"]


def prepare(nb: dict, edition: str) -> dict:
    nb = copy.deepcopy(nb)
    for cell in nb["cells"]:
        meta = cell.setdefault("metadata", {})
        tags = list(meta.get("tags", []))
        extra = reading_tags(cell) if edition == "reading" else (["remove-cell"] if "hidden" in tags else [])
        meta["tags"] = tags + [t for t in extra if t not in tags]
        if is_chart(cell) and meta.get("alt"):
            meta.setdefault("mystnb", {}).setdefault("image", {})["alt"] = str(meta["alt"])
    return nb


def notebook_table(paths: list[Path]) -> str:
    rows = ["| notebook | its question | editions |", "| --- | --- | --- |"]
    for path in paths:
        nb = site_pages.read_notebook(path)
        title = site_pages.notebook_title(nb) or path.stem
        question = site_pages.notebook_question(path, nb).replace("|", "\\|")
        rows.append(f"| {title} | {question} | [reading](reading/{path.stem}.ipynb) · "
                    f"[research](research/{path.stem}.ipynb) |")
    return "\n".join(rows)


def assemble() -> list[Path]:
    if SRC.exists():
        shutil.rmtree(SRC)
    shutil.copytree(ROOT / "site", SRC)
    paths = notebooks()
    for edition in ("reading", "research"):
        (SRC / edition).mkdir()
        for path in paths:
            nb = prepare(site_pages.read_notebook(path), edition)
            (SRC / edition / path.name).write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    index = (SRC / "index.md").read_text(encoding="utf-8")
    index = index.replace("{{NOTEBOOK_TABLE}}", notebook_table(paths))
    index = index.replace("{{READING_TOC}}", "\n".join(f"reading/{p.stem}" for p in paths))
    index = index.replace("{{RESEARCH_TOC}}", "\n".join(f"research/{p.stem}" for p in paths))
    (SRC / "index.md").write_text(index, encoding="utf-8")
    (SRC / "data_dictionary.md").write_text(site_pages.data_dictionary(), encoding="utf-8")
    (SRC / "bibliography.md").write_text(site_pages.bibliography(), encoding="utf-8")
    (SRC / "glossary.md").write_text(site_pages.glossary(), encoding="utf-8")
    guide = (ROOT / "docs" / "teaching_guide.md").read_text(encoding="utf-8")
    (SRC / "teaching_guide.md").write_text(guide.rstrip() + "\n\n" + site_pages.questions_page(paths), encoding="utf-8")
    shutil.copy(ROOT / "docs" / "publishing.md", SRC / "publishing.md")
    return paths


def sphinx() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", "2", "-d",
                    str(ROOT / "build" / "site" / "doctrees"), str(SRC), str(OUT)], check=True)


ARTICLE = re.compile(r'<article class="bd-article"[^>]*>(.*?)</article>', re.S)


def print_page(paths: list[Path]) -> Path:
    """One page holding every reading-edition notebook's article, for Chromium to print."""
    template = (OUT / "reading" / f"{paths[0].stem}.html").read_text(encoding="utf-8")
    parts = []
    for path in paths:
        html = (OUT / "reading" / f"{path.stem}.html").read_text(encoding="utf-8")
        found = ARTICLE.search(html)
        if found:
            parts.append(f'<section class="print-part">{found.group(1)}</section>')
    body = '<main id="main-content"><h1>Reading edition</h1>' + "".join(parts) + "</main>"
    head = template.split("<body", 1)[0]
    page = OUT / "reading" / "print.html"
    page.write_text(head + '<body class="print-edition">' + body + "</body></html>", encoding="utf-8")
    return page


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf(paths: list[Path]) -> Path:
    page = print_page(paths)
    browser = chromium()
    if browser is None:
        raise SystemExit("chromium is not installed: apt-get install -y chromium chromium-driver")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", "--no-pdf-header-footer",
                        f"--print-to-pdf={PDF}", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    return PDF


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", action="store_true", help="also print the reading edition to PDF")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    paths = assemble()
    sphinx()
    print(f"site: {OUT} ({time.perf_counter() - start:.1f} s)")
    if args.pdf:
        start = time.perf_counter()
        print(f"pdf: {pdf(paths)} ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
