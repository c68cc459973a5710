"""Citation files: CITATION.cff names authors and a preferred citation; CSL-JSON exists for the
collection and for every notebook, and matches what scripts/make_citations.py would write."""

from __future__ import annotations

import json
import subprocess
import sys

import yaml

from tests.conftest import ROOT


def test_citation_cff_has_authors_and_preferred_citation() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["authors"] and all(a.get("name") or a.get("family-names") for a in cff["authors"])
    preferred = cff["preferred-citation"]
    assert preferred["title"] == cff["title"] and preferred["authors"]


def test_csl_json_for_the_collection_and_every_notebook() -> None:
    folder = ROOT / "docs" / "citation"
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        items = json.loads((folder / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert items[0]["type"] and items[0]["title"] and items[0]["author"], path.name
    collection = json.loads((folder / "collection.json").read_text(encoding="utf-8"))
    assert {item["id"] for item in collection} == {"frus-d88-notebooks", "frus1981-88v41-d88"}


def test_csl_json_is_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_citations.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_licences_cover_code_data_and_the_government_text() -> None:
    code = (ROOT / "LICENSE").read_text(encoding="utf-8")
    data = (ROOT / "data" / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith("MIT License") and "CC0 1.0" in data
    assert "United States Government" in code and "U.S. government work" in data.replace("\n  ", " ")
