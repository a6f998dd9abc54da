# Goal Pyramid: `make serve` to write, `make test` to prove it. Both set up what is missing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
READY  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test validate schema screenshots chromium clean

serve: $(READY)  ## Serve on http://127.0.0.1:8000 with live reload (docs, quiz_data, overrides, the extension)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(READY)  ## Write the static site to site/
	$(PY) -m mkdocs build --strict --clean

validate: $(READY)  ## Check quiz_data/ against the schema without building
	$(PY) scripts/validate_data.py quiz_data

schema: $(READY)  ## Regenerate quiz_data/schema.json from the models
	$(PY) scripts/export_schema.py

test: $(READY) chromium  ## Validate, build with --strict, run every test
	$(PY) scripts/validate_data.py quiz_data
	$(PY) scripts/export_schema.py --check
	$(PY) -m mkdocs build --strict --clean
	$(PY) -m pytest

screenshots: $(READY) chromium  ## Refresh readme/*.png from the built site
	$(PY) scripts/take_screenshots.py

chromium:  ## A Chromium for the browser tests: Debian's package, or Playwright's download
	@PY=$(PY) sh scripts/ensure-chromium.sh

# The virtual environment, rebuilt when the pins or the package change.
$(READY): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -e .
	touch $@

clean:
	rm -rf site .pytest_cache test-results
