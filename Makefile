# make publish : build everything into build/ (creates .venv on first run; a quick no-op when nothing changed)
# make test    : lint (ruff), type-check (mypy) and run the test suite
# make check   : validate content (and, after a build, that booklet, deck and cards agree)
# make figures : render every figure to PNG with a contact sheet in build/figures/
# make bench   : print build timings
# make clean   : remove build outputs and the virtual environment

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
BENCH_STAMP := $(VENV)/.bench-$(shell cksum pyproject.toml | cut -d' ' -f1)
AXE_VERSION := 4.14.1
AXE := .cache/axe-core-$(AXE_VERSION)/axe.min.js
CHROMIUM := /usr/bin/chromium

.PHONY: publish test check figures bench clean browser

# Always asks the publisher: it decides from content hashes (publish/uptodate.py), which see what make's
# timestamps cannot (a deleted spot, a file restored with cp -p, a deleted output), and answers a no-op quickly.
publish: $(STAMP)
	@$(PY) -m publish all --content content --out build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

check: $(STAMP)
	$(PY) -m publish check

test: $(STAMP) browser
	$(VENV)/bin/ruff check publish tests bench
	$(VENV)/bin/mypy
	$(PY) -m pytest -q

figures: $(STAMP)
	$(PY) -m publish.figures.review --content content --out build/figures

# The web edition's tests drive the system Chromium with Playwright and run axe-core in each page.
browser: $(CHROMIUM) $(AXE)

$(CHROMIUM):
	@echo "make: installing Chromium from the system packages for the web edition's tests"
	@apt-get install -y chromium >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y chromium >/dev/null) \
	  || { echo "make: could not install Chromium; run 'sudo apt-get install chromium' (it must end up at $(CHROMIUM))" >&2; exit 1; }

$(AXE):
	@mkdir -p $(@D)
	@cd $(@D) && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && tar -xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js \
	  && mv package/axe.min.js axe.min.js && rm -r package axe-core-$(AXE_VERSION).tgz \
	  || { echo "make: could not fetch axe-core $(AXE_VERSION) with npm; the browser tests need it in $(@D)" >&2; exit 1; }

bench: $(BENCH_STAMP)
	$(PY) bench/run.py

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	@touch $@

clean:
	rm -rf build $(VENV) .cache
