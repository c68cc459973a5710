"""Write CSL-JSON for the collection and for each notebook into docs/citation/.

    python scripts/make_citations.py          # (re)write the files
    python scripts/make_citations.py --check  # exit 1 if any file is missing or stale

Titles come from CITATION.cff (the collection) and from each notebook's own '#' title, so a
renamed or added notebook makes the check fail until this script is re-run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "citation"
MEMO_URL = "https://history.state.gov/historicaldocuments/frus1981-88v41/d88"


def _cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def _title(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for line in source.splitlines():
            if cell["cell_type"] == "markdown" and line.startswith("# "):
                return line[2:].strip()
    raise SystemExit(f"{path.name} has no '#' title")


def records() -> dict[str, list[dict]]:
    cff = _cff()
    authors = [{"literal": a["name"]} if "name" in a else {"family": a["family-names"], "given": a.get("given-names", "")}
               for a in cff["preferred-citation"]["authors"]]
    collection = {
        "id": "frus-d88-notebooks",
        "type": "software",
        "title": cff["preferred-citation"]["title"],
        "author": authors,
        "version": str(cff["preferred-citation"]["version"]),
        "note": cff["preferred-citation"].get("notes", ""),
    }
    memo = {
        "id": "frus1981-88v41-d88",
        "type": "document",
        "title": cff["references"][0]["title"],
        "author": [{"family": "Schifter", "given": "Richard"}],
        "container-title": cff["references"][0]["collection-title"],
        "number": "88",
        "publisher": "U.S. Department of State, Office of the Historian",
        "URL": MEMO_URL,
        "issued": {"date-parts": [[1987]]},
    }
    out = {"collection.json": [collection, memo]}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        out[f"{path.stem}.json"] = [{
            "id": f"frus-d88-notebooks-{path.stem}",
            "type": "chapter",
            "title": _title(path),
            "author": authors,
            "container-title": collection["title"],
            "version": collection["version"],
            "note": f"notebooks/{path.name}",
        }]
    return out


def render(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    wanted = {name: render(items) for name, items in records().items()}
    if "--check" in argv:
        stale = [n for n, text in wanted.items() if not (OUT / n).is_file() or (OUT / n).read_text(encoding="utf-8") != text]
        extra = sorted(p.name for p in OUT.glob("*.json") if p.name not in wanted)
        for name in stale + extra:
            print(f"docs/citation/{name} is missing, stale or orphaned: run python scripts/make_citations.py")
        return 1 if stale or extra else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in wanted.items():
        (OUT / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
