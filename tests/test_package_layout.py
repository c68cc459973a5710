"""The package's shape: lazy imports, small modules, nothing importing upward."""

from __future__ import annotations

import ast
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import memo_utils
from tests.conftest import ROOT

SRC = ROOT / "src" / "memo_utils"
HEAVY = ("networkx", "frictionless", "matplotlib.pyplot", "matplotlib", "pandas")


def test_import_loads_nothing_heavy() -> None:
    code = "import sys, memo_utils; print(' '.join(m for m in %r if m in sys.modules))" % (HEAVY,)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == []


def test_lazy_names_match_all() -> None:
    assert sorted(memo_utils._SUBMODULE) == sorted(memo_utils.__all__)
    assert len(set(memo_utils.__all__)) == len(memo_utils.__all__)


@pytest.mark.parametrize("name", memo_utils.__all__)
def test_every_public_name_resolves_to_its_module(name: str) -> None:
    value = getattr(memo_utils, name)
    module = sys.modules[f"memo_utils.{memo_utils._SUBMODULE[name]}"]
    assert getattr(module, name) is value


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        memo_utils.not_a_name  # noqa: B018


def test_section_openings_alias_warns() -> None:
    import memo_utils.argument as argument

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        openings = argument.SECTION_OPENINGS
    assert caught and issubclass(caught[0].category, DeprecationWarning)
    assert list(openings)[0] == "Summary" and list(openings)[-1] == "Notes"


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_over_400_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def _imports(path: Path) -> set[str]:
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
    if path.name == "__init__.py":
        package += ".__init__"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level)[0] if node.level else ""
            found.add(f"{base}.{node.module}" if node.module and base else (node.module or base))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("path", [p for p in sorted(SRC.rglob("*.py")) if "charts" not in p.parts
                                  and p.name not in {"__init__.py", "style.py"} or p.parent.name == "edition"],
                         ids=lambda p: str(p.relative_to(SRC)))
def test_loaders_never_import_charts_or_pyplot(path: Path) -> None:
    imports = _imports(path)
    assert not any(name.startswith("memo_utils.charts") or name.startswith("memo_utils.style")
                   or name.startswith("matplotlib") for name in imports), imports


@pytest.mark.parametrize("path", sorted((SRC / "edition").glob("*.py")), ids=lambda p: p.name)
def test_the_edition_imports_only_downward(path: Path) -> None:
    allowed = ("memo_utils.edition", "memo_utils.errors", "memo_utils.tables", "memo_utils.paths", "memo_utils._compat",
               "memo_utils.dates", "memo_utils.package")
    own = {name for name in _imports(path) if name.startswith("memo_utils")}
    assert all(name.startswith(allowed) for name in own), own


def test_the_old_data_keyword_still_works_with_a_warning() -> None:
    from memo_utils import data_dir, load_goals, load_memo

    with pytest.warns(DeprecationWarning, match=r"load_goals\(data=\.\.\.\) is deprecated"):
        goals = load_goals(data=data_dir())
    assert goals.equals(load_goals(data_dir=data_dir()))
    with pytest.warns(DeprecationWarning):
        assert load_memo(data=data_dir()).number == 88
    with pytest.raises(TypeError, match="both data= and data_dir="):
        load_goals(data=data_dir(), data_dir=data_dir())
