# Phaen: `make run` serves, `make test` tests. Both set everything up first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3.11
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV := .venv
STAMP := $(VENV)/.synced

.PHONY: help setup run test lint format bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check 'uv>=0.5'

$(STAMP): uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $(STAMP)

setup: $(STAMP) ## Create the virtual environment from the lock file

run: $(STAMP) ## Start PostgreSQL (embedded unless PHAEN_DATABASE_URL), migrate, seed, serve all four processes
	$(VENV)/bin/python scripts/run.py

test: $(STAMP) ## Run the whole test suite against a throwaway embedded PostgreSQL
	$(VENV)/bin/python -m pytest

lint: $(STAMP) ## ruff (lint and format check) and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy libs/common/phaen_common gateway/phaen_gateway services/registry/phaen_registry services/budget/phaen_budget services/reports/phaen_reports

format: $(STAMP) ## Format the code with ruff
	$(VENV)/bin/ruff format .

bench: $(STAMP) ## Benchmarks (time and peak RSS); writes bench/RESULTS.md
	$(VENV)/bin/python bench/run_all.py

clean: ## Remove the virtual environment (keeps .data)
	rm -rf $(VENV) .tools
