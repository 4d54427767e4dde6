# The two commands of the README: `make demo` and `make test`. Both create .venv when missing.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PLUGINS := $(sort $(wildcard plugins/*/pyproject.toml))
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(PLUGINS))

.PHONY: demo test lint typecheck pytest bench install clean

$(BIN)/python:
	@echo "==> .venv aanmaken met $(PYTHON)"
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 of nieuwer nodig"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml $(PLUGINS) examples/service/pyproject.toml | $(BIN)/python
	@echo "==> ija-core, de plugins, de referentieservice en de dev/docs-extra's installeren"
	$(BIN)/python -m pip install -q -e '.[dev,docs]' $(foreach d,$(PLUGIN_DIRS),-e ./$(d)) -e './examples/service[test]'
	@touch $(STAMP)

install: $(STAMP)

# The site is built from the installed package alone (no npm, nothing downloaded).
demo: install
	@echo "==> Overzicht van de methodiek"
	@$(BIN)/ija overzicht
	@for f in $(filter-out examples/%-groep.json,$(wildcard examples/*.json)); do echo; echo "==> $$f afspelen"; $(BIN)/ija traject toets "$$f" --peildatum laatste || exit 1; done
	@echo; echo "==> De groep van Spin in het web: leden, partners, bijeenkomsten en de 24-uursnorm per lid"
	@$(BIN)/ija groep toets examples/spin-in-het-web-groep.json examples/ --peildatum 2025-12-16
	@echo; echo "==> Servicenormen van de voorbeelden (en de groep) op 3 november 2025 (Enzo: intake te laat)"
	@$(BIN)/ija signalen examples/ --peildatum 2025-11-03 --alle
	@echo; echo "==> De voorbeelden in een opslag (SQLite: .demo/trajecten.db) en dezelfde signalen daaruit"
	@mkdir -p .demo && rm -f .demo/trajecten.db .demo/trajecten.db-wal .demo/trajecten.db-shm
	@$(BIN)/ija opslag importeer .demo/trajecten.db examples/ --door demo
	@$(BIN)/ija opslag controleer .demo/trajecten.db
	@$(BIN)/ija signalen --opslag .demo/trajecten.db --peildatum 2025-11-03 --alle
	@echo; echo "==> De methodiek-site bouwen"
	@$(BIN)/ija docs build --uit site

lint: install
	$(BIN)/ruff check src tests plugins benchmarks examples

typecheck: install
	$(BIN)/mypy

pytest: install
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-$(if $(CI),ci,default)} $(BIN)/pytest

test: lint typecheck pytest

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) site .demo .pytest_cache .mypy_cache .ruff_cache .hypothesis
