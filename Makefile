# Goal Pyramid: `make serve` to write, `make test` to prove it. Both set up what is missing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
READY  := $(VENV)/.installed
NODE_READY := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build preview test bench bench-readme offline scorm validate schema screenshots preview-image system-tools clean

# A company's own data folder is watched too, when one is set.
EXTRA_WATCH := $(if $(strip $(GOAL_PYRAMID_EXTRA_DATA)),--watch "$(GOAL_PYRAMID_EXTRA_DATA)")

serve: $(READY)  ## Serve on http://127.0.0.1:8000 with live reload (docs, quiz_data, overrides, $$GOAL_PYRAMID_EXTRA_DATA)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload $(EXTRA_WATCH)

build: $(READY)  ## Write site/ (swapped in only when the build succeeds) and the server headers in dist/headers/
	$(PY) scripts/build_site.py --site-dir site --headers-dir dist/headers

preview: $(READY)  ## Serve site/ as built, with its headers, on http://127.0.0.1:8000 (no rebuild)
	$(PY) scripts/site_server.py site --port 8000

offline: $(READY) node_modules/iframe-worker/shim/index.js  ## Zip a copy that works opened from the file system: dist/goal-pyramid-offline.zip
	$(PY) scripts/make_offline.py --out dist/goal-pyramid-offline.zip

scorm: $(READY) node_modules/iframe-worker/shim/index.js  ## A SCORM 1.2 package for a learning platform: dist/goal-pyramid-scorm12.zip
	$(PY) scripts/make_scorm.py --out dist/goal-pyramid-scorm12.zip

validate: $(READY)  ## Check quiz_data/ (and $$GOAL_PYRAMID_EXTRA_DATA, if set) against the schema
	$(PY) scripts/validate_data.py

schema: $(READY)  ## Regenerate quiz_data/schema.json from the models
	$(PY) scripts/export_schema.py

test: $(READY) $(NODE_READY) system-tools  ## Lint, validate, build with --strict, run every test (and every quality gate)
	$(VENV)/bin/ruff check .
	$(PY) scripts/validate_data.py
	$(PY) scripts/export_schema.py --check
	$(PY) scripts/build_site.py --site-dir site --headers-dir dist/headers
	node --test tests/js/
	$(PY) -m pytest

bench: $(READY) $(NODE_READY) system-tools  ## Measure speed and weight against a plain Material control; prints a table
	$(PY) -m bench

bench-readme: $(READY)  ## Rewrite README.md's budget table from bench/budgets.py and bench/latest.json
	$(PY) -m bench.readme

screenshots: $(READY) system-tools  ## Refresh readme/*.png from the built site
	$(PY) scripts/take_screenshots.py

preview-image: $(READY) system-tools  ## Redraw the link-preview image (overrides/assets/images/preview.png)
	$(PY) scripts/make_preview_image.py

system-tools:  ## Chromium, Java, npm and nginx: Debian's packages, or Playwright's browser download
	@PY=$(PY) sh scripts/ensure-system-tools.sh

# The virtual environment, rebuilt when the pins or the package change.
$(READY): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -e .
	touch $@

# Node tools pinned in package.json / package-lock.json: the HTML checker, Lighthouse, and
# iframe-worker (search in the offline copy).
# (`npm ci` rejects Lighthouse 12.8's lock file under npm 11, so `npm install` keeps to the lock.)
$(NODE_READY): package.json package-lock.json | system-tools
	npm install --no-audit --no-fund --loglevel=error
	touch $@

# make offline needs only the iframe-worker pin: npm, not the browser or Java.
node_modules/iframe-worker/shim/index.js: package.json package-lock.json
	@sh scripts/ensure-system-tools.sh npm
	npm install --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site dist .pytest_cache test-results
