# One command serves the site, one command runs every test (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast screenshots report check-external-links bench bench-check lock clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@ $(VENV)/.site-installed

## serve: set up and serve the site at http://127.0.0.1:8000/ with live reload
# (the local address, whatever SITE_URL says; LIVE_PREVIEW leaves out the pages'
# <meta> policy, which would block the preview's inline reload script).
# --no-strict: a mistake must not stop the preview (mkdocs.yml says strict); the build's own checks
# list every problem in the terminal and on the page, and `make build` and
# the tests stay strict.
serve: $(VENV)/.site-installed
	env -u SITE_URL LIVE_PREVIEW=1 $(BIN)/mkdocs serve --no-strict

## build: build the static site for SITE_URL into site/ (what you upload to a host), with gzip copies of its text files
build: $(VENV)/.site-installed
	$(BIN)/python -m scripts.build

# The Nu Html Checker (npm vnu-jar) for the tests; it runs on the Java that
# scripts/find-java.sh finds or installs (--ignore-scripts: vnu-jar's install
# step would otherwise try to download a Java of its own).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js 18 or newer) is needed for the HTML checker: install Node.js, then run make test again." >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

# Chromium, Java and nginx for the tests (each finder installs its tool as root
# on Debian, or stops with what to install).  Each is its own assignment so
# that a finder's failure stops the recipe; `VAR="$$(...)" command` would not.
FIND_TOOLS = chromium="$$(scripts/find-chromium.sh)" && java="$$(scripts/find-java.sh)" && nginx="$$(scripts/find-nginx.sh)" && \
	export CHROMIUM_PATH="$$chromium" JAVA="$$java" NGINX="$$nginx"

## test: set up and run every test (unit, build, browser, nginx, layout, screenshots, quality gates)
test: $(VENV)/.test-installed node_modules/.installed
	scripts/find-fonts.sh
	@$(FIND_TOOLS) && $(BIN)/python -m pytest $(PYTEST_ARGS)

## test-fast: the quick part of test, about 5 minutes: build, data checks, unit, security and content tests; no browser, Java or nginx
# (what the pull request's fast check runs; `make test` still runs everything)
FAST_TESTS = -m "not browser and not tools"
test-fast: $(VENV)/.test-installed
	$(BIN)/python -m pytest $(FAST_TESTS) $(PYTEST_ARGS)

## screenshots: remake the screenshot baselines (tests/visual/baselines/) on purpose; look at them before committing
screenshots: $(VENV)/.test-installed
	scripts/find-fonts.sh
	UPDATE_SCREENSHOTS=1 CHROMIUM_PATH="$$(scripts/find-chromium.sh)" $(BIN)/python -m pytest tests/visual -q $(PYTEST_ARGS)

## report: build the site and print the one-page quality report (grade, words, review due, references, axe, HTML errors)
report: $(VENV)/.test-installed node_modules/.installed
	@$(FIND_TOOLS) && $(BIN)/python -m site_checks.report

## check-external-links: check links to other sites (DOIs, PubMed); needs the network, not part of test
check-external-links: $(VENV)/.test-installed
	$(BIN)/python -m scripts.check_external_links

scripts/bench/node_modules/.installed: scripts/bench/package-lock.json
	cd scripts/bench && npm ci --no-audit --no-fund --silent
	touch $@

## bench: measure Lighthouse, bytes and build times against stock Material (slow; not part of test)
bench: $(VENV)/.test-installed scripts/bench/node_modules/.installed
	$(BIN)/python -m scripts.bench.bench $(BENCH_ARGS)

## bench-check: check the last benchmark's results against the performance budgets
bench-check: $(VENV)/.site-installed
	$(BIN)/python -m scripts.bench.check_budgets

## lock: re-resolve requirements*.in into the hash-pinned requirements*.txt (pip-tools; needs the package registry)
PIP_COMPILE = $(VENV)/lock-tools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock: | $(BIN)/python
	test -x $(VENV)/lock-tools/bin/pip-compile || { $(PYTHON) -m venv $(VENV)/lock-tools && $(VENV)/lock-tools/bin/pip install --quiet pip-tools==7.6.2; }
	$(PIP_COMPILE) $(LOCK_ARGS) -o requirements.txt requirements.in
	$(PIP_COMPILE) $(LOCK_ARGS) -o requirements-test.txt requirements-test.in

clean:
	rm -rf site $(VENV) .pytest_cache node_modules
