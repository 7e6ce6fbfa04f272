# The two commands of the README:  make demo  and  make test.
# Both start from a fresh clone and install what they need through `make setup`.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST_ARGS ?=
# Exact, hash-checked versions of every Python package (docs/decisions/0013-locked-dependencies.md).
LOCK := requirements.txt

.PHONY: setup demo test lint check pytest-sqlite pytest-postgres postgres system-packages assets \
	load-test lock mutation

setup: $(VENV)/.installed node_modules/.installed scorecard/static_build/css/main.css

# The lock first (hash-checked, nothing else), then the project itself, built with the locked setuptools.
$(VENV)/.installed: $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/pip check --disable-pip-version-check
	touch $@

# Update the lock after changing pyproject.toml's dependencies, or to take new releases.
# setuptools is the build-system requirement of pyproject.toml.
# It installs the current lock first (uv is in it), without `pip check`: pyproject.toml may
# already ask for what the lock lacks.
lock:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(LOCK)
	printf 'setuptools>=77\n' | $(BIN)/uv pip compile pyproject.toml - --extra dev --universal \
		--python-version 3.11 --generate-hashes --upgrade --quiet \
		--custom-compile-command 'make lock' --output-file $(LOCK)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

scorecard/static_build/css/main.css: node_modules/.installed $(wildcard assets/scss/*.scss)
	scripts/build-assets.sh

assets:
	scripts/build-assets.sh

demo: setup
	$(BIN)/scorecard migrate --no-input -v 0
	$(BIN)/scorecard load-demo
	@echo "Open http://127.0.0.1:$(PORT)/"
	PORT=$(PORT) $(BIN)/scorecard serve

# The two databases' runs at once, one per core (each prints its output when it ends).
test: setup system-packages lint check postgres
	$(MAKE) --no-print-directory -j2 --output-sync=target pytest-sqlite pytest-postgres

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check:
	SCORECARD_ENV=test $(BIN)/python manage.py check --fail-level WARNING
	SCORECARD_ENV=test $(BIN)/python manage.py makemigrations --check --dry-run

pytest-sqlite:
	@echo "== pytest on SQLite =="
	DATABASE_URL= $(BIN)/pytest $(PYTEST_ARGS)

pytest-postgres:
	@echo "== pytest on PostgreSQL =="
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest $(PYTEST_ARGS)

postgres:
	@scripts/ensure-postgres.sh

system-packages:
	@scripts/ensure-system-packages.sh

# 50 simulated users for 60 seconds against gunicorn and a fresh PostgreSQL database (docs/performance.md).
load-test: setup postgres
	scripts/load-test.sh

# Mutation testing (docs/decisions/0019-mutation-testing.md): mutmut changes the pure rules and the
# access functions one small step at a time and runs the tests that reach each change; a change
# that no test notices "survives". Slow, so never part of `make test`. Configured in pyproject.toml
# ([tool.mutmut]); `rm -rf mutants` forces a fresh run, `.venv/bin/mutmut browse` shows survivors.
mutation: setup
	$(BIN)/mutmut run
	$(BIN)/mutmut results --all true | $(BIN)/python scripts/mutation-score.py
