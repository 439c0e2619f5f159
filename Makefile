# Two commands do everything on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False
export NO_PROXY := 127.0.0.1,localhost

.PHONY: run test install index lint typecheck unit eval bench serve clean test-reliability

# The CPU wheel of torch goes in first: asked for by another package, pip would pick CUDA.
$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check torch==2.13.0
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

index: install
	$(PY) -m assistant index

# The app brings the index up to date itself before it serves (one model load, not two).
run: install
	$(PY) app.py

serve: run

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

typecheck: install
	$(PY) -m mypy

unit: install
	$(PY) -m pytest

test: lint typecheck unit

# Hostile input and indexing reliability on their own (they also run in `make unit`).
test-reliability: install
	$(PY) -m pytest -q tests/test_hostile_*.py tests/test_reliability_*.py

eval: index
	$(PY) -m assistant eval evals/datasets/dev.yaml --baseline --report evals/reports/latest

bench: index
	$(PY) -m assistant bench

clean:
	rm -rf .data evals/reports .pytest_cache .mypy_cache .ruff_cache
