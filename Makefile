# ladle: two commands for a newcomer, `make demo` and `make test`. Each installs what it needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export UV_PYTHON_DOWNLOADS := never
export UV_COMPILE_BYTECODE := 1
export PYTHONDONTWRITEBYTECODE :=

# uv from PATH, else a private copy from PyPI under .tools/
UV := $(or $(shell command -v uv 2>/dev/null),$(CURDIR)/.tools/bin/uv)
RUN := $(UV) run --locked --no-sync

# Debian packages the tests need: pdftoppm (PDF pages to PNG), WeasyPrint's Pango and HarfBuzz,
# a Java runtime for the HTML validator, PostgreSQL (with contrib's pg_trgm) for the library's
# tests. Installed when missing and running as root (CI); elsewhere the tests that need them
# skip and say what to install.
DEBS := poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 default-jre-headless \
	postgresql postgresql-contrib chromium

.PHONY: help demo test lint pytest bench sync clean system-deps screenshots

help:
	@echo "make demo   run ladle on its built-in example (installs what it needs)"
	@echo "make test   lint, type-check and run the tests"
	@echo "make lint   ruff, mypy (strict), import-linter"
	@echo "make bench  the benchmarks of bench/, summarised in BENCHMARKS.md"
	@echo "make screenshots  redraw docs/*.svg and the web app's pages in docs/screenshots/"

$(CURDIR)/.tools/bin/uv:
	python3 -m venv $(CURDIR)/.tools
	$(CURDIR)/.tools/bin/python -m pip install --quiet --disable-pip-version-check uv

.venv/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked
	@touch $@

sync: .venv/.synced

demo: sync
	$(RUN) ladle demo

lint: sync
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy
	$(RUN) lint-imports

system-deps:
	@missing=$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ "$$missing" = "default-jre-headless" ] && command -v java >/dev/null; then missing=; fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "note: missing Debian packages: $$missing (tests that need them skip; sudo apt-get install $$missing)"; \
	  fi; \
	fi

pytest: sync system-deps
	$(RUN) pytest

test: lint pytest

bench: sync
	$(RUN) python bench/ingredients.py
	$(RUN) python bench/speed.py
	$(RUN) python bench/cooklang_parsers.py
	$(RUN) python bench/pages.py
	$(RUN) python bench/pages_ceiling.py
	$(RUN) python bench/steps.py
	$(RUN) python bench/labels_agreement.py
	$(RUN) python bench/plan.py
	$(RUN) python bench/dinners.py
	$(RUN) python bench/random_dinners.py
	$(RUN) python bench/library.py
	$(RUN) python bench/nutrition.py
	$(RUN) python bench/web.py

screenshots: sync system-deps
	$(RUN) python scripts/screenshots.py

clean:
	rm -rf .venv .tools .mypy_cache .pytest_cache .ruff_cache .import_linter_cache
