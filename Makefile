# make publish : build everything into build/ (creates .venv on first run; a no-op when nothing changed)
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
INPUTS := $(shell find content publish fonts -type f ! -name '*.pyc' 2>/dev/null) pyproject.toml

.PHONY: publish test check figures bench clean

publish: build/.published

build/.published: $(STAMP) $(INPUTS)
	$(PY) -m publish all --content content --out build
	@touch $@

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

check: $(STAMP)
	$(PY) -m publish check

test: $(STAMP)
	$(VENV)/bin/ruff check publish tests bench
	$(VENV)/bin/mypy
	$(PY) -m pytest -q

figures: $(STAMP)
	$(PY) -m publish.figures.review --content content --out build/figures

bench: $(BENCH_STAMP)
	$(PY) bench/run.py

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	@touch $@

clean:
	rm -rf build $(VENV)
