#!/usr/bin/env bash
# Make .venv equal requirements.lock, whatever state an earlier run left it in.
#
# Called by every Makefile target that needs the environment. It is cheap when all is
# well (a hash comparison and one import check) and heals by itself otherwise:
#   - a Python older than 3.11 stops with one line naming the command to retry with;
#   - a venv built by another Python version, or one whose python or uv no longer runs
#     (an interrupted `python -m venv` or pip install), is deleted and built again;
#   - the packages are installed with `uv pip sync`, so the environment equals the lock
#     exactly (a pin removed from the lock is uninstalled), with bytecode compiled;
#   - the stamp holds a hash of the lock, pyproject.toml and the Python version, so a
#     lock restored with an older timestamp is still noticed;
#   - when HOME is not writable, uv's and pip's caches go to .cache/ inside the repository.
set -euo pipefail

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
UV_VERSION=${UV_VERSION:-0.13.8}
cd "$(dirname "$0")/.."

fail() { echo "make: $*" >&2; exit 1; }

command -v "$PYTHON" >/dev/null 2>&1 || fail "no '$PYTHON' found. Install Python 3.11 or newer, or retry with: make $MAKE_GOAL PYTHON=/path/to/python3.11"
version=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || fail "this collection needs Python 3.11 or newer; '$PYTHON' is Python $version. Retry with: make ${MAKE_GOAL:-lab} PYTHON=python3.11"

if [ ! -w "${HOME:-/nonexistent}" ] || ! mkdir -p "${XDG_CACHE_HOME:-${HOME}/.cache}" 2>/dev/null || [ ! -w "${XDG_CACHE_HOME:-${HOME}/.cache}" ]; then
  export UV_CACHE_DIR=${UV_CACHE_DIR:-$PWD/.cache/uv}
  export PIP_NO_CACHE_DIR=1
fi

stamp="$VENV/.memo-env"
want=$(cat requirements.lock pyproject.toml requirements-project.txt | sha256sum | cut -d' ' -f1)
want="$want python-$version"

venv_runs() {
  [ -x "$VENV/bin/python" ] \
    && [ "$("$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "$version" ] \
    && "$VENV/bin/python" -m pip --version >/dev/null 2>&1
}

# pandas and matplotlib are imported for real; the heavier tools only need to be found.
packages_import() {
  "$VENV/bin/python" -c 'import importlib.util as u, pandas, matplotlib
missing = [m for m in ("memo_utils", "jupyterlab", "nbval", "pytest", "selenium") if u.find_spec(m) is None]
raise SystemExit(", ".join(missing) or None)' >/dev/null 2>&1
}

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && packages_import; then
  exit 0
fi

build() {
  rm -f "$stamp"
  if ! venv_runs; then
    echo "make: building $VENV with Python $version" >&2
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  if ! "$VENV/bin/uv" --version 2>/dev/null | grep -q "^uv $UV_VERSION"; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
  fi
  # uv and pip are kept beside the lock's packages: sync would otherwise remove the
  # installer that performs it.
  "$VENV/bin/uv" pip sync --quiet --compile-bytecode --python "$VENV/bin/python" \
    requirements.lock requirements-project.txt
  packages_import
}

if ! build; then
  echo "make: the environment in $VENV did not work; deleting it and building it again" >&2
  rm -rf "$VENV"
  build || fail "could not build $VENV from requirements.lock (see the messages above)"
fi
echo "$want" > "$stamp"
