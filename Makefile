# Two commands for a fresh machine with Python 3.11+ and make:
#   make lab    open JupyterLab on notebooks/
#   make test   run every test (pytest for package and data, nbval for notebooks)
# Both build .venv from requirements.lock on first use and reuse it afterwards.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-from-lock
UV_VERSION := 0.13.8

.PHONY: lab test notebooks benchmark lock clean

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

# Re-execute every notebook top to bottom and store its outputs (after code or data changes).
notebooks: $(STAMP)
	$(BIN)/python scripts/run_notebooks.py

benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark.py

# uv installs the pins in seconds; it is itself installed from PyPI into the venv,
# so nothing but Python is needed beforehand.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock -e .
	touch $@

# Re-pin after editing pyproject.toml's dependencies.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --universal -o requirements.lock

clean:
	rm -rf $(VENV)

# --- Site and PDF (issue 15; see docs/publishing.md) -----------------------------------------
# make site   build/site/html/: both editions of every notebook, rendered from stored outputs, offline
# make pdf    build/site/reading-edition.pdf: the reading edition, printed by headless Chromium
.PHONY: site pdf site-test

site: $(STAMP)
	$(BIN)/python scripts/build_site.py

pdf: $(STAMP)
	$(BIN)/python scripts/build_site.py --pdf

# The browser test (needs Debian's chromium and chromium-driver; axe-core comes from npm into build/node/).
site-test: site
	$(BIN)/python -m pytest -q tests/test_site_browser.py tests/test_site_build.py tests/test_cell_layers.py
