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
# The generated package, PEP 561 marker included: with --meta none openapi-python-client writes no py.typed (see
# _create_package), and without it every model is Any to a user's type checker. `generate` and `check-generated` both
# run this one command, so regeneration never drops the marker and the check compares it too.
# Usage: $(call generate_client,OUTPUT_DIR[,MORE_ARGS])
generate_client = { $(BIN)/openapi-python-client generate $(GEN_ARGS) --output-path $(1) $(2) && \
	printf '\# Marker file for PEP 561: this package ships its type hints.\n' > $(1)/py.typed; }

.PHONY: dist test-installed system-packages help setup generate check-generated lint-spec lint format pytest test demo bench docs ts-types spec-diff clean
.PHONY: spec-no-webhooks openapi-generator-clients

help:
	@echo "make demo   - set up, then run examples/quickstart.py against the built-in fake Allo (no key needed)"
	@echo "make test   - set up, then run every check (spec lint, generated code, ruff, mypy, pytest)"
	@echo "make generate | check-generated | lint-spec | lint | bench | docs | ts-types | spec-diff"
	@echo "make spec-no-webhooks | openapi-generator-clients (other teams' clients, built: see README)"
	@echo "make dist   - build the wheel and sdist into dist/ and twine-check them; make test-installed tests them"

setup: $(SETUP) $(NODE_SETUP)

# System packages the checks need (scripts/system-packages.sh): headless Chromium, redis-server, tmux, and venv support
# while .venv does not exist yet. Installed with apt-get when running as root; otherwise make stops at once and prints
# the command to run. `make test` does this first, before the slower setup.
system-packages:
	@scripts/system-packages.sh $(if $(wildcard $(PY)),,venv) chromium redis-server tmux

$(SETUP): pyproject.toml
	test -x $(PY) || { scripts/system-packages.sh venv && python3 -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

$(NODE_SETUP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

generate: $(SETUP)
	$(call generate_client,withallo_client,--overwrite)

check-generated: $(SETUP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(call generate_client,"$$tmp/withallo_client") >/dev/null && \
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
	$(BIN)/mypy --strict $(LINT_DIRS)

# Formats even when `ruff check` finds an error it cannot fix (then exits with its status, after formatting).
format: $(SETUP)
	status=0; $(BIN)/ruff check --fix $(LINT_DIRS) || status=$$?; $(BIN)/ruff format $(LINT_DIRS); exit $$status

# WITHALLO_TEST_PROVISIONED: system-packages ran, so a test finding Chromium or redis-server missing fails, not skips.
pytest: system-packages $(SETUP) $(NODE_SETUP)
	WITHALLO_TEST_PROVISIONED=1 $(PY) -m pytest -q

test: system-packages lint-spec check-generated lint pytest

# The wheel and sdist a release uploads, built into dist/ (gitignored) by PyPA's build (the wheel from the sdist), and
# checked as PyPI renders them.
dist: $(SETUP)
	rm -rf dist
	$(PY) -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

# The package as a user receives it (tests/installed: wheel and sdist in a fresh venv, an editable install seen by
# mypy); part of `make test`'s pytest run, and runnable alone here.
test-installed: $(SETUP)
	$(PY) -m pytest -q -m installed tests/installed

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

# The spec without `webhooks:`, for generators that cannot take that section (OpenAPI Generator's python).
spec-no-webhooks: build/openapi/withallo.no-webhooks.yaml

build/openapi/withallo.no-webhooks.yaml: openapi/withallo.yaml scripts/spec_without_webhooks.py $(SETUP)
	$(PY) scripts/spec_without_webhooks.py --output $@

# The clients other teams generate with OpenAPI Generator (pinned in pyproject.toml, the jar and a JDK from PyPI),
# built the way they would build them: typescript-fetch from the spec, every API but the webhook events' (the
# generator writes a module for those that does not compile; they are not calls a client makes), with the wire's
# property names (camelCase ones leak into the JSON of a schema with additionalProperties), then tsc --strict;
# python from the spec without webhooks:, then mypy. tests/interop/ runs every operation of both against the fake.
OAG := $(BIN)/openapi-generator-cli
OAG_OUT := build/openapi-generator
OAG_APIS := Webhooks:Calls:Contacts:SMS:PhoneNumbers
OAG_NO_DOCS := apiDocs=false,modelDocs=false,apiTests=false,modelTests=false

# C1 JIT only: a one-off run of the generator spends 40% less CPU (measured: 5.9 -> 2.9 s user for typescript-fetch).
openapi-generator-clients: export JAVA_OPTS := -XX:TieredStopAtLevel=1
openapi-generator-clients: build/openapi/withallo.no-webhooks.yaml $(SETUP) $(NODE_SETUP)
	rm -rf $(OAG_OUT)
	$(OAG) generate -i openapi/withallo.yaml -g typescript-fetch -o $(OAG_OUT)/typescript \
		--global-property apis=$(OAG_APIS),models,supportingFiles,$(OAG_NO_DOCS) \
		--additional-properties modelPropertyNaming=original
	$(OAG) generate -i build/openapi/withallo.no-webhooks.yaml -g python -o $(OAG_OUT)/python \
		--package-name allo_api --global-property $(OAG_NO_DOCS)
	tsc --strict -p interop/openapi-generator/typescript
	cd $(OAG_OUT)/python && $(abspath $(BIN))/mypy --config-file $(abspath interop/openapi-generator/python/mypy.ini) \
		allo_api $(abspath interop/openapi-generator/python/run.py)

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis
