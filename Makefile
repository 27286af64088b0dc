# Phaen: `make run` serves, `make test` tests. Both set everything up first.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3.11
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
VENV := .venv
DEMO_OUT ?= demo-output
# The stamp's name changes when the sync command does, so existing virtual environments are synced again.
STAMP := $(VENV)/.synced-bytecode
# Our own packages, compiled before the processes that import them start (see test and run below).
PACKAGES := libs/common/phaen_common gateway/phaen_gateway services/registry/phaen_registry services/budget/phaen_budget services/reports/phaen_reports clients/cli/phaen_cli

.PHONY: help setup run demo test test-fast soak fuzz security-figures bytecode lint format bench clean client

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check 'uv>=0.5'

# --compile-bytecode: every process imports from .pyc files even where PYTHONDONTWRITEBYTECODE is set (then no
# process writes them, and each `make run` child and test subprocess would compile the libraries again).
$(STAMP): uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $(STAMP)

setup: $(STAMP) ## Create the virtual environment from the lock file

# Compiled again only when a source file is newer than the stamp (a warm `make run` skips compileall's ~0.7 s).
BYTECODE_STAMP ?= $(VENV)/.bytecode-packages
BYTECODE_DIRS ?= $(PACKAGES) scripts
BYTECODE_SOURCES := $(shell find $(BYTECODE_DIRS) -name '*.py' -not -path '*/__pycache__/*' 2>/dev/null)

$(BYTECODE_STAMP): $(STAMP) $(BYTECODE_SOURCES)
	@$(VENV)/bin/python -m compileall -q -j 0 $(BYTECODE_DIRS)
	@touch $@

bytecode: $(BYTECODE_STAMP)

run: bytecode ## Start PostgreSQL (embedded unless PHAEN_DATABASE_URL), migrate, seed, serve all four processes
	$(VENV)/bin/python scripts/run.py

demo: bytecode ## Play the seed's story through the API (starts `make run` if nothing serves); documents in demo-output/
	$(VENV)/bin/phaen demo --out $(DEMO_OUT)

# Two pytest-xdist workers, each a session of its own with its own embedded PostgreSQL (the groups that must share
# one worker are in conftest.py). TEST_WORKERS=0 runs everything in one process.
TEST_WORKERS ?= 2
TEST_PARALLEL := -n $(TEST_WORKERS) --dist loadgroup

# What the tests import besides PACKAGES, compiled too: the generated client (~500 modules, which every worker
# compiled from source at collection where PYTHONDONTWRITEBYTECODE is set) and the tests' helper modules.
TEST_BYTECODE := clients/python/phaen_client tests

test: bytecode ## Run the whole test suite against throwaway embedded PostgreSQL (two workers)
	@$(VENV)/bin/python -m compileall -q -j 0 $(TEST_BYTECODE)
	$(VENV)/bin/python -m pytest $(TEST_PARALLEL)

test-fast: bytecode ## The suite without the tests marked slow (whole-stack, subprocess and fuzz tests)
	@$(VENV)/bin/python -m compileall -q -j 0 $(TEST_BYTECODE)
	$(VENV)/bin/python -m pytest $(TEST_PARALLEL) -m "not slow"

soak: bytecode ## Heavier fault and money rounds (PHAEN_SOAK_ROUNDS, default 20), bounded by pytest's own timeouts
	PHAEN_SOAK_ROUNDS=$${PHAEN_SOAK_ROUNDS:-20} $(VENV)/bin/python -m pytest tests/test_faults.py tests/test_faults_tcp.py tests/test_authz_matrix.py tests/test_log_scan.py services/budget/tests/test_concurrency.py services/budget/tests/test_money_properties.py

fuzz: bytecode ## Long random schemathesis runs: through the gateway (stateful money flow) and each service; bounded
	PHAEN_FUZZ_EXAMPLES=$${PHAEN_FUZZ_EXAMPLES:-20} PHAEN_FUZZ_STEPS=$${PHAEN_FUZZ_STEPS:-20} \
	PHAEN_FUZZ_SECONDS=$${PHAEN_FUZZ_SECONDS:-600} PHAEN_FUZZ_STATEFUL_SECONDS=$${PHAEN_FUZZ_STATEFUL_SECONDS:-300} \
	timeout --signal=INT $${PHAEN_FUZZ_TIMEOUT:-2400} \
	$(VENV)/bin/python -m pytest tests/test_openapi_fuzz_gateway.py tests/test_openapi_fuzz.py gateway/tests/test_fuzz.py

security-figures: $(STAMP) ## Put the last test run's figures (.data/security-figures.json) into SECURITY.md
	$(VENV)/bin/python scripts/security_figures.py

lint: $(STAMP) ## ruff (lint and format check) and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy $(PACKAGES)

format: $(STAMP) ## Format the code with ruff
	$(VENV)/bin/ruff format .

bench: $(STAMP) ## Benchmarks (time and peak RSS); writes bench/RESULTS.md
	$(VENV)/bin/python bench/run_all.py

clean: ## Remove the virtual environment (keeps .data)
	rm -rf $(VENV) .tools

client: $(STAMP) ## Regenerate the typed Python client in clients/python from the OpenAPI document
	$(VENV)/bin/python scripts/make_client.py
