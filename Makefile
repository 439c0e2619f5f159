# Two commands do everything on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False
export NO_PROXY := 127.0.0.1,localhost

.PHONY: run test install index lint typecheck unit eval bench serve clean test-reliability load-test bench-scale bench-embed

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

# The long reliability checks (kill -9, schemathesis, load) wait for `make test-reliability`.
unit: install
	$(PY) -m pytest -m "not reliability"

test: lint typecheck unit

# Hostile input and indexing reliability on their own (the fast ones also run in `make unit`),
# with the long ones: kill -9 during `index`, schemathesis over /api, 20 users for 10 s.
test-reliability: install
	$(PY) -m pytest -q -s tests/test_hostile_*.py tests/test_reliability_*.py

# 50 users for 60 s against a server on 127.0.0.1 over the seed sources.
load-test: install
	$(PY) -m evals.load_test --users 50 --seconds 60

eval: index
	$(PY) -m assistant eval evals/datasets/dev.yaml --baseline --report evals/reports/latest

bench: index
	$(PY) -m assistant bench

# The embedding model run by torch and by onnxruntime on the same passages and questions:
# vector agreement, bulk texts/s, query p50/p95, a new process's first vector.
bench-embed: install
	$(PY) -m evals.embed_bench

# Generated standards by the thousand: index, start-up, answers against the bare lookup and
# exactness, per size (`make bench-scale SCALE_SIZES="10 1000 10000"`), read from the embedded
# store and again from the same store served by `chroma run`.
SCALE_SIZES ?= 10 1000
bench-scale: install
	$(PY) -m evals.scale --sizes $(SCALE_SIZES) --chroma-server

clean:
	rm -rf .data evals/reports .pytest_cache .mypy_cache .ruff_cache
