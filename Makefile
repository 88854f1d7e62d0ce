# One command per chore; CI (.ci/run) calls `make test` too.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# One venv, two stamps: `make run` installs only what running needs, `make test` and the
# other chores add the development extras (and the PostgreSQL driver) on top.
RUN_STAMP := $(VENV)/.run-stamp
DEV_STAMP := $(VENV)/.dev-stamp

# The demo: bundled pledges checked against the bundled illustrative sample feeds, on SQLite.
DEMO_ENV := PLEDGE_MONITOR_DATA_DIR=.data/demo PLEDGE_MONITOR_DATABASE_URL= PLEDGE_MONITOR_CONFIG=demo/pledges.yaml PLEDGE_MONITOR_REPORTS_DIR=reports

.PHONY: run test lint format clean bench faults

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	touch $@

run: $(RUN_STAMP)  ## full check of the bundled pledges against the sample feeds; report in reports/
	mkdir -p reports
	$(DEMO_ENV) $(BIN)/pledge-monitor check
	$(DEMO_ENV) $(BIN)/pledge-monitor status --output reports/demo-status.txt
	$(DEMO_ENV) $(BIN)/pledge-monitor status --json --output reports/demo-status.json
	$(DEMO_ENV) $(BIN)/pledge-monitor page
	$(DEMO_ENV) $(BIN)/pledge-monitor report --week 2025-W49 --output reports/demo-digest.txt
	@echo "reports written: reports/index.html (status page), reports/digests/, reports/demo-status.txt"

test: $(DEV_STAMP)  ## the whole test suite (PostgreSQL tests skip with a reason when no server is reachable)
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff format --check monitor jobs tests scripts
	$(BIN)/ruff check monitor jobs tests scripts
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile

format: $(DEV_STAMP)
	$(BIN)/ruff format monitor jobs tests scripts
	$(BIN)/ruff check --fix monitor jobs tests scripts

clean:
	rm -rf $(VENV) .data .pytest_cache .mypy_cache .ruff_cache .coverage

bench: $(DEV_STAMP)  ## prints speed and memory figures of a check cycle (asserts nothing)
	$(BIN)/python scripts/bench.py

faults: $(DEV_STAMP)  ## fault injection (kill -9, disk full, read-only, bad settings, pledges fuzz): prints a table
	$(BIN)/python scripts/faults.py
