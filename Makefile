# One command per chore; CI (.ci/run) calls `make test` too.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

# The demo: bundled pledges checked against the bundled illustrative sample feeds, on SQLite.
DEMO_ENV := PLEDGE_MONITOR_DATA_DIR=.data/demo PLEDGE_MONITOR_DATABASE_URL= PLEDGE_MONITOR_CONFIG=demo/pledges.yaml PLEDGE_MONITOR_REPORTS_DIR=reports

.PHONY: run test lint format clean bench faults

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	touch $(STAMP)

run: $(STAMP)  ## full check of the bundled pledges against the sample feeds; report in reports/
	mkdir -p reports
	$(DEMO_ENV) $(BIN)/pledge-monitor check
	$(DEMO_ENV) $(BIN)/pledge-monitor status --output reports/demo-status.txt
	$(DEMO_ENV) $(BIN)/pledge-monitor status --json --output reports/demo-status.json
	$(DEMO_ENV) $(BIN)/pledge-monitor page
	$(DEMO_ENV) $(BIN)/pledge-monitor report --week 2025-W49 --output reports/demo-digest.txt
	@echo "reports written: reports/index.html (status page), reports/digests/, reports/demo-status.txt"

test: $(STAMP)  ## the whole test suite (PostgreSQL tests skip with a reason when no server is reachable)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff format --check monitor jobs tests scripts
	$(BIN)/ruff check monitor jobs tests scripts
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile

format: $(STAMP)
	$(BIN)/ruff format monitor jobs tests scripts
	$(BIN)/ruff check --fix monitor jobs tests scripts

clean:
	rm -rf $(VENV) .data .pytest_cache .mypy_cache .ruff_cache .coverage

bench: $(STAMP)  ## prints speed and memory figures of a check cycle (asserts nothing)
	$(BIN)/python scripts/bench.py

faults: $(STAMP)  ## fault injection (kill -9, disk full, read-only, bad settings, pledges fuzz): prints a table
	$(BIN)/python scripts/faults.py
