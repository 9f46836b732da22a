# Verbund — the two commands are `make run` and `make test`; see README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha1sum | cut -c1-12)

.PHONY: run test lint bench bench-1m install setup messages translations format clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-*; touch $(STAMP)

install: $(STAMP)

translations: install
	@$(BIN)/python -m verbund.lib.i18n compile > /dev/null

setup: install translations
	$(BIN)/verbund migrate --noinput -v0
	$(BIN)/verbund createcachetable
	$(BIN)/verbund collectstatic --noinput -v0
	$(BIN)/verbund seed-demo --if-empty --no-logins  # scripts/run.sh lists them, once

## run: install, set up the SQLite database with the demo network, start worker and web server
run: setup
	@bash scripts/run.sh

## test: the whole test suite (DATABASE_URL selects PostgreSQL; CI=true makes browser tests mandatory)
test: install translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## lint: ruff, migrations in sync, translations complete
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/verbund makemigrations --check --dry-run
	@bash scripts/check-translations.sh

## messages: extract new strings into the catalogues (needs GNU gettext), fill English
messages: install
	cd verbund && ../$(BIN)/verbund makemessages -l de -l nl -l en --no-obsolete --no-location --ignore 'static/*'
	$(BIN)/python -m verbund.lib.i18n fill-en

## bench: performance figures into docs/benchmarks.md
bench: install translations
	$(BIN)/python -m bench

## bench-1m: partner matching at 1,000,000 companies (long: about 15 minutes, ~6 GB memory)
bench-1m: install
	$(BIN)/python -m bench.matching --size 1000000

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var/static
