# The two commands a new user needs: `make serve` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
AXE_VERSION := 4.14.1
# A stamp named for the version: changing AXE_VERSION installs that version.
AXE := .npm/axe-core-$(AXE_VERSION).installed
# ESLint for overrides/javascripts/ (eslint.config.mjs), installed the same way, pinned.
ESLINT_VERSION := 9.39.5
ESLINT_JS_VERSION := 9.39.5
GLOBALS_VERSION := 17.15.0
ESLINT := .npm/eslint-$(ESLINT_VERSION)-js-$(ESLINT_JS_VERSION)-globals-$(GLOBALS_VERSION).installed
DOCS_DIR ?= docs
# Material prints an end-of-life banner on every build; it is not about this site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check lint chromium node clean new-guide bench

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

## serve: preview the site on http://127.0.0.1:8000 (restart it after editing hooks/)
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: write the site to site/; a failed build keeps the last good site/, and site/ is never
## missing or half-written (one build at a time, swapped in whole: hooks/massage_guides/build_site.py)
build: $(VENV)/.installed
	PYTHONPATH=hooks $(BIN)/python -m massage_guides.build_site $(SITE_DIR) --strict

## new-guide: start docs/NAME/ with an overview and a first step, e.g. make new-guide NAME=hand-massage
# NAME reaches the shell as an environment variable, never pasted into the command: any text
# in it stays text, and new_guide.py refuses a bad name in one line ("--": even "-x").
new-guide: export NEW_GUIDE_NAME = $(value NAME)
new-guide: $(VENV)/.installed
	@if [ -z "$$NEW_GUIDE_NAME" ]; then echo "Usage: make new-guide NAME=hand-massage"; exit 1; fi
	@PYTHONPATH=hooks $(BIN)/python -m massage_guides.new_guide --docs "$(DOCS_DIR)" -- "$$NEW_GUIDE_NAME"

## test: lint (Python and JavaScript), type-check and run every test, browser tests included
test: $(VENV)/.installed chromium $(AXE) lint
	$(BIN)/pytest

## check: lint, types and every test that needs no browser: the quick loop while editing
check: $(VENV)/.installed lint
	$(BIN)/pytest -m "not browser"

## lint: ruff, mypy, and ESLint on the site's scripts (overrides/javascripts/)
lint: $(VENV)/.installed $(ESLINT)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	.npm/node_modules/.bin/eslint --max-warnings 0 overrides/javascripts eslint.config.mjs

## chromium: the browser tests drive Debian's Chromium (never a downloaded browser)
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium for the browser tests: apt-get install -y chromium"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium: run 'sudo apt-get install -y chromium' and try again."; \
	    exit 1; \
	  fi; \
	fi

## axe-core: the accessibility engine the browser tests inject (npm, into .npm/; after ESLint,
## so that `make -j` never runs two npm installs into .npm/ at once)
$(AXE): | node $(ESLINT)
	npm install --silent --no-audit --no-fund --prefix .npm axe-core@$(AXE_VERSION)
	rm -f .npm/axe-core-*.installed
	touch $@

## eslint: ESLint, its recommended rules and the browser globals (npm, into .npm/); ESLint 9
## runs on Node.js ^18.18, ^20.9 or 21.1 and later, so Debian 12's own nodejs (18.19) will do
$(ESLINT): | node
	npm install --silent --no-audit --no-fund --engine-strict --prefix .npm \
	  eslint@$(ESLINT_VERSION) @eslint/js@$(ESLINT_JS_VERSION) globals@$(GLOBALS_VERSION) \
	  || { echo "npm could not install ESLint $(ESLINT_VERSION) (it needs Node.js ^18.18, ^20.9 or 21.1+; this is $$(node --version))"; exit 1; }
	rm -f .npm/eslint-*.installed
	touch $@

node:
	@if ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Node.js and npm for ESLint and the accessibility tests: apt-get install -y nodejs npm"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else \
	    echo "ESLint and the accessibility tests need npm: run 'sudo apt-get install -y nodejs npm' and try again."; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf $(SITE_DIR) $(SITE_DIR).new $(SITE_DIR).old $(SITE_DIR).build-* $(SITE_DIR).lock .pytest_cache .mypy_cache .ruff_cache .npm

## bench: build time per HTML page, memory, size, page weight, requests and Lighthouse scores
## against plain Material; rewrites README.md's Benchmark table (not part of `make test`;
## takes about 5 minutes on a quiet machine)
bench: $(VENV)/.installed
	@if [ ! -f bench/node_modules/lighthouse/cli/index.js ]; then \
	  if command -v npm >/dev/null; then \
	    npm install --prefix bench --no-audit --no-fund \
	      || echo "bench: npm could not install Lighthouse; the table will say why it did not run"; \
	  else \
	    echo "bench: npm is missing; the table will say that Lighthouse did not run"; \
	  fi; \
	fi
	PYTHONPATH=hooks $(BIN)/python -m bench.run
