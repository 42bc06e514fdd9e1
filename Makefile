# Every target sets itself up: a fresh clone needs only `make demo` or `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
export PATH := $(abspath $(BIN)):$(abspath node_modules/.bin):$(PATH)
# Offline and quiet: no telemetry or update checks from Redocly CLI (CI reaches no network but the registries).
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true
SETUP := $(VENV)/.installed
NODE_SETUP := node_modules/.installed
LINT_DIRS := withallo_ext tests $(wildcard examples bench scripts)
GEN_ARGS := --path openapi/withallo.yaml --config generator-config.yml --meta none --custom-template-path templates

.PHONY: help setup generate check-generated lint-spec lint format pytest test demo bench docs ts-types spec-diff clean

help:
	@echo "make demo   - set up, then run examples/quickstart.py against the built-in fake Allo (no key needed)"
	@echo "make test   - set up, then run every check (spec lint, generated code, ruff, mypy, pytest)"
	@echo "make generate | check-generated | lint-spec | lint | bench | docs | ts-types | spec-diff"

setup: $(SETUP) $(NODE_SETUP)

$(SETUP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

$(NODE_SETUP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

generate: $(SETUP)
	$(BIN)/openapi-python-client generate $(GEN_ARGS) --output-path withallo_client --overwrite

check-generated: $(SETUP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(BIN)/openapi-python-client generate $(GEN_ARGS) --output-path "$$tmp/withallo_client" >/dev/null && \
	if diff -r -q withallo_client "$$tmp/withallo_client" -x __pycache__; then \
		echo "withallo_client/ is up to date with openapi/withallo.yaml"; \
	else \
		echo "withallo_client/ differs from what openapi/withallo.yaml generates (files above); run 'make generate' and commit." >&2; \
		exit 1; \
	fi

lint-spec: $(SETUP) $(NODE_SETUP)
	$(PY) -m openapi_spec_validator openapi/withallo.yaml
	$(PY) scripts/check_spec_examples.py openapi/withallo.yaml
	redocly lint openapi/withallo.yaml --config redocly.yaml --format=stylish --max-problems=100

lint: $(SETUP)
	$(BIN)/ruff check $(LINT_DIRS)
	$(BIN)/ruff format --check $(LINT_DIRS)
	$(BIN)/mypy --strict withallo_ext tests

# Formats even when `ruff check` finds an error it cannot fix (then exits with its status, after formatting).
format: $(SETUP)
	status=0; $(BIN)/ruff check --fix $(LINT_DIRS) || status=$$?; $(BIN)/ruff format $(LINT_DIRS); exit $$status

pytest: $(SETUP) $(NODE_SETUP)
	$(PY) -m pytest -q

test: lint-spec check-generated lint pytest

demo: $(SETUP)
	$(PY) examples/quickstart.py

bench: $(SETUP)
	$(PY) -m bench

# The spec for other teams: an offline HTML reference, TypeScript types, and a breaking-change check.
# tests/spec/ runs all three in `make test`.
docs: build/docs/index.html

build/docs/index.html: openapi/withallo.yaml redocly.yaml scripts/docs-template.hbs $(NODE_SETUP)
	redocly build-docs openapi/withallo.yaml --config redocly.yaml --inlineBundle \
		--template scripts/docs-template.hbs --output $@

ts-types: build/ts/withallo.d.ts
	tsc --noEmit -p interop/typescript

build/ts/withallo.d.ts: openapi/withallo.yaml $(NODE_SETUP)
	openapi-typescript openapi/withallo.yaml --output $@

spec-diff: $(SETUP) $(NODE_SETUP)
	$(PY) scripts/spec_diff.py $(if $(BASE),--base '$(BASE)') $(if $(CHECK_VERSION),--check-version)

clean:
	rm -rf build .mypy_cache .ruff_cache .pytest_cache .hypothesis
