"""Generated pages for the site: notebook questions, data dictionary, bibliography, glossary,
discussion questions. Each function reads the project's own files and returns MyST Markdown,
so the site never holds a hand-copied duplicate of something the data or notebooks say.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cell_text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def notebook_title(nb: dict) -> str:
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in _cell_text(cell).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def readme_questions(readme: Path = ROOT / "README.md") -> dict[str, str]:
    """The README's notebook table: notebook file name -> its one-line question."""
    questions: dict[str, str] = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\|\s*`notebooks/([^`]+\.ipynb)`\s*\|\s*(.+?)\s*\|\s*$", line)
        if match:
            questions[match.group(1)] = match.group(2)
    return questions


def overview_question(nb: dict) -> str:
    """The question the notebook's overview states: its '**The question.**' paragraph's first
    question, or else the overview's first sentence ending in '?'."""
    overview = " ".join(_cell_text(c) for c in nb["cells"][:3] if c["cell_type"] == "markdown")
    overview = re.sub(r"\s+", " ", overview)
    marked = re.search(r"\*\*The question\.?\*\*\.?\s*(.+)", overview)
    text = marked.group(1) if marked else overview
    if "?" not in text:
        return ""
    candidate = text[: text.index("?") + 1]
    # Split sentences after a lower-case word's full stop, so "U.S." does not end one.
    return re.split(r"(?<=[a-z0-9\"”)][.!])\s+(?=[A-Z“\"])", candidate)[-1].strip()


def notebook_question(path: Path, nb: dict) -> str:
    return readme_questions().get(path.name) or overview_question(nb)


def discussion_questions(nb: dict) -> list[str]:
    """The numbered items under the notebook's 'Questions for discussion' heading."""
    for cell in nb["cells"]:
        text = _cell_text(cell)
        if cell["cell_type"] == "markdown" and re.search(r"^#+ .*questions for discussion", text, re.I | re.M):
            body = re.split(r"^#+ .*questions for discussion.*$", text, flags=re.I | re.M)[1]
            items = re.split(r"^\s*\d+\.\s+", _numbered_list(body), flags=re.M)[1:]
            return [re.sub(r"\s+", " ", item).strip() for item in items if item.strip()]
    return []


def _numbered_list(body: str) -> str:
    """The numbered list that opens ``body``: it ends at the next heading or at the first
    unindented line that is not a numbered item (a note, 'Model answers: …')."""
    kept: list[str] = []
    for line in body.splitlines():
        if re.match(r"\d+\.\s", line):
            kept.append(line)
        elif kept and (line.startswith("#") or (line.strip() and not line[0].isspace())):
            break
        else:
            kept.append(line)
    return "\n".join(kept)


def data_dictionary(datapackage: Path = ROOT / "data" / "datapackage.json") -> str:
    package = json.loads(datapackage.read_text(encoding="utf-8"))
    out = ["# Data dictionary", "", "Generated from `data/datapackage.json` "
           "(a Frictionless data package) at every build.", "", package.get("description", ""), ""]
    for resource in package["resources"]:
        out += [f"## `{resource['path']}`", "", f"**{resource.get('title', resource['name'])}**", ""]
        if resource.get("description"):
            out += [resource["description"], ""]
        for source in resource.get("sources", []):
            out += [f"Source: [{source.get('title', source.get('path'))}]({source['path']})"
                    if source.get("path", "").startswith("http") else f"Source: {source.get('title')}", ""]
        fields = resource.get("schema", {}).get("fields", [])
        if fields:
            out += ["| column | type | required | description |", "| --- | --- | --- | --- |"]
            for field in fields:
                required = "yes" if field.get("constraints", {}).get("required") else ""
                description = str(field.get("description", "")).replace("|", "\\|").replace("\n", " ")
                out.append(f"| `{field['name']}` | {field.get('type', 'string')} | {required} | {description} |")
            out.append("")
    return "\n".join(out) + "\n"


def cited_sources(data: Path = ROOT / "data") -> list[tuple[str, str, list[str]]]:
    """Every distinct (publication, url) any CSV in data/ cites, with the tables citing it."""
    found: dict[tuple[str, str], set[str]] = {}
    for path in sorted(data.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                url = (row.get("url") or "").strip()
                if not url:
                    continue
                publication = (row.get("publication") or "").strip()
                if not publication and row.get("volume"):
                    publication = f"FRUS {row['volume']}, Document {row.get('doc_number', '')}: {row.get('heading', '')}".strip()
                found.setdefault((publication or url, url), set()).add(path.name)
    return sorted(((p, u, sorted(t)) for (p, u), t in found.items()), key=lambda s: (s[0].lower(), s[1]))


def bibliography() -> str:
    sources = cited_sources()
    out = ["# Bibliography", "", f"Every distinct publication and address cited in the rows of the "
           f"tables in `data/` ({len(sources)} entries), generated at every build. Each row of "
           "those tables also holds a short verbatim snippet from the source.", "",
           "| publication | address | cited in |", "| --- | --- | --- |"]
    for publication, url, tables in sources:
        pub = publication.replace("|", "\\|")
        out.append(f"| {pub} | <{url}> | {', '.join(f'`{t}`' for t in tables)} |")
    return "\n".join(out) + "\n"


def glossary(path: Path = ROOT / "data" / "glossary.csv") -> str:
    out = ["# Glossary", "", "Generated from `data/glossary.csv`. Definitions are this project's "
           "own words; each names the source it rests on, with a short quotation from it.", ""]
    if not path.exists():
        return "\n".join(out + ["*The glossary table is missing.*"]) + "\n"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: r["term"].lower())
    for row in rows:
        out += [row["term"], f":  {row['definition']} *Source:* [{row['publication']}]({row['url']}): "
                f"“{row['snippet']}”", ""]
    return "\n".join(out) + "\n"


def questions_page(notebooks: list[Path]) -> str:
    out = ["## Questions for discussion, gathered from the notebooks", "",
           "Extracted at build time from each notebook's *Questions for discussion* section.", ""]
    for path in notebooks:
        nb = read_notebook(path)
        questions = discussion_questions(nb)
        out += [f"### {notebook_title(nb) or path.stem}", ""]
        out += [f"{i}. {q}" for i, q in enumerate(questions, 1)] or ["*This notebook has no such section yet.*"]
        out.append("")
    return "\n".join(out) + "\n"
