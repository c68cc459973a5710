"""environment.yml, pyproject.toml and requirements.lock describe one environment."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from tests.conftest import ROOT


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _declared() -> list[Requirement]:
    project = _pyproject()["project"]
    extras = [r for group in project["optional-dependencies"].values() for r in group]
    return [Requirement(r) for r in project["dependencies"] + extras]


def _locked() -> dict[str, list[str]]:
    pins: dict[str, list[str]] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if match:
            pins.setdefault(_canon(match.group(1)), []).append(match.group(2))
    return pins


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_declared_dependency_is_pinned_within_its_range() -> None:
    pins = _locked()
    for requirement in _declared():
        versions = pins.get(_canon(requirement.name))
        assert versions, f"{requirement.name} is in pyproject.toml but not pinned in requirements.lock"
        for version in versions:
            assert requirement.specifier.contains(version), f"{requirement.name}=={version} breaks {requirement}"


def test_environment_yml_installs_the_lock_and_the_project() -> None:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-r requirements.lock" in pip
    assert "-e ." in pip


def test_environment_yml_python_meets_requires_python() -> None:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    version = python.split("=", 1)[1]
    assert SpecifierSet(_pyproject()["project"]["requires-python"]).contains(version + ".0")


def test_environment_yml_adds_no_package_of_its_own() -> None:
    """Every conda package but python and pip would be a second, unpinned source of truth."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert sorted(re.split(r"[=<>]", d)[0] for d in conda) == ["pip", "python"]


def test_the_environment_is_synced_to_the_lock_with_bytecode() -> None:
    script = (ROOT / "scripts" / "ensure_env.sh").read_text(encoding="utf-8").replace("\\\n", " ")
    sync = [line for line in script.splitlines() if re.search(r"/uv\"? pip sync ", line)]
    assert len(sync) == 1
    assert "--compile-bytecode" in sync[0] and "requirements.lock" in sync[0]


def test_every_make_target_that_runs_python_first_ensures_the_environment() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("lab", "test", "notebooks", "benchmark", "lock"):
        assert re.search(rf"^{target}: env\b", makefile, flags=re.M), target


def test_an_old_python_gets_one_line_naming_the_retry(tmp_path: Path) -> None:
    old_python = tmp_path / "python3.10"
    old_python.write_text("#!/bin/sh\ncase \"$2\" in *sys.exit*) exit 1;; *) echo 3.10;; esac\n")
    old_python.chmod(0o755)
    result = subprocess.run(["bash", "scripts/ensure_env.sh"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHON": str(old_python), "VENV": str(tmp_path / "venv"),
                                 "MAKE_GOAL": "test"})
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"make: this collection needs Python 3.11 or newer; '{old_python}' is Python 3.10. "
        "Retry with: make test PYTHON=python3.11"]
    assert not (tmp_path / "venv").exists()


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.strip().splitlines()]


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("```sh") < readme.index("\n## ")
    assert _readme_commands() == ["make lab", "make test"]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.startswith("#")]
    assert commands[-1] == _readme_commands()[1]
    assert commands[:-1] == ["set -euo pipefail", 'cd "$(dirname "$0")/.."', "bash scripts/install_browser.sh"]


def test_notebooks_are_checked_strictly() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "--nbval " in recipe and "--nbval-lax" not in recipe
    assert "--nbval-sanitize-with tests/nbval_sanitize.cfg" in recipe
