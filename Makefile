# Two commands for a fresh machine with Python 3.11+ and make:
#   make lab    JupyterLab on the collection (stop it with Ctrl-C, twice)
#   make test   every test: package, data, stored notebook outputs, JupyterLab in a browser
# Both first run scripts/ensure_env.sh, which builds .venv from requirements.lock, checks
# that it works, and rebuilds or re-syncs it by itself when it does not.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
UV_VERSION := 0.13.8
export PYTHON VENV UV_VERSION

# matplotlib from its defaults in a private folder, and Jupyter reading the project's
# own settings (jupyter/): the same outputs on every machine.
export MPLCONFIGDIR := $(CURDIR)/.cache/matplotlib
export JUPYTER_CONFIG_PATH := $(CURDIR)/jupyter
unexport MATPLOTLIBRC

# JupyterLab refuses to start as root without --allow-root; containers and CI run as root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: env lab test notebooks benchmark lock clean

env:
	@MAKE_GOAL="$(firstword $(MAKECMDGOALS))" bash scripts/ensure_env.sh

lab: env
	$(BIN)/jupyter lab $(ALLOW_ROOT)

test: env
	$(BIN)/python -m pytest -n 2 --dist loadfile --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

# Re-execute every notebook top to bottom and store its outputs (after code or data changes).
notebooks: env
	$(BIN)/python scripts/run_notebooks.py

benchmark: env
	$(BIN)/python scripts/benchmark.py

# Re-pin after editing pyproject.toml's dependencies.
lock: env
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --universal -o requirements.lock

clean:
	rm -rf $(VENV) .cache

# --- Site and PDF (issue 15; see docs/publishing.md) -----------------------------------------
# make site   build/site/html/: both editions of every notebook, rendered from stored outputs, offline
# make pdf    build/site/reading-edition.pdf: the reading edition, printed by headless Chromium
.PHONY: site pdf site-test

site: env
	$(BIN)/python scripts/build_site.py

pdf: env
	$(BIN)/python scripts/build_site.py --pdf

# The browser test (needs Debian's chromium and chromium-driver; axe-core comes from npm into build/node/).
site-test: site
	$(BIN)/python -m pytest -q tests/test_site_browser.py tests/test_site_build.py tests/test_cell_layers.py
