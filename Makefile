# jalin: set-up, demo, tests, evaluation and benchmarks.
#   make demo   code the sample articles and list their events
#   make test   the test suite (installs what it needs first)
#   make eval   score the coder on the shared gold seeds and dev set (SET=tune: its misses)
#   make bench  throughput and memory benchmark

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
DB     ?= jalin.duckdb
# Install stamps are keyed on pyproject.toml: a changed file reinstalls.
SUM        := $(shell cksum pyproject.toml | cut -d' ' -f1)
DEMO_STAMP := $(VENV)/.installed-demo-$(SUM)
TEST_STAMP := $(VENV)/.installed-test-$(SUM)

.PHONY: venv demo test eval bench clean

# `make venv`: everything for development (the test extra pulls in every other extra)
venv: $(TEST_STAMP)

$(BIN)/python:
	@echo "make: creating $(VENV) with $$($(PYTHON) --version 2>&1) ($(PYTHON))"
	@$(PYTHON) -m venv $(VENV)

$(DEMO_STAMP): pyproject.toml | $(BIN)/python
	@echo "make: installing jalin (core: duckdb, typer, rich, pycld2) and the serve extra (fastapi, uvicorn) into $(VENV)"
	$(BIN)/python -m pip install --progress-bar off -e '.[serve]'
	@rm -f $(VENV)/.installed-demo-*
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	@echo "make: installing jalin with the test extra (every extra, pytest, playwright, polars, pandas: a few minutes) into $(VENV)"
	$(BIN)/python -m pip install --progress-bar off -q -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $@ $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	@echo "make: coding samples/ into $(DB)"
	@rc=0; $(BIN)/jalin ingest samples/ --db $(DB) || rc=$$?; \
	  if [ $$rc -ne 0 ] && [ $$rc -ne 3 ]; then exit $$rc; fi
	@echo "make: the events jalin found"
	$(BIN)/jalin events --db $(DB)
	@echo
	@echo "Look at one article:   $(BIN)/jalin show 01_tokayev_jakarta --db $(DB)"
	@echo "Open the dashboard:    $(BIN)/jalin serve --db $(DB)   (then http://127.0.0.1:8000/)"
	@echo "From Python:           $(BIN)/python -c 'import jalin; print(jalin.open(\"$(DB)\").events(format=\"records\")[0])'"

test: venv
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get install -y -q chromium >/dev/null 2>&1 || \
	     (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null 2>&1)) || \
	    echo "note: chromium could not be installed; browser tests will be skipped"; \
	  else echo "note: chromium not found; browser tests will be skipped"; fi; \
	fi
	$(BIN)/python -m pytest

eval: $(DEMO_STAMP)
	$(BIN)/python tools/evaluate.py --shared $(SHARED) $(if $(SET),--verbose $(SET))

bench: $(DEMO_STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf build benchmarks/out $(DB) $(DB).wal .pytest_cache

# English coding on the PLOVER gold standard records (322 CAMEO-manual sentences in
# $(SHARED)/benchmarks/plover_gsr/): ingest, export, score. See benchmarks/gsr.py.
.PHONY: bench-gsr
bench-gsr: $(DEMO_STAMP)
	@if [ ! -f $(SHARED)/benchmarks/plover_gsr/input.jsonl ] || [ ! -f $(SHARED)/eval/score_plover_gsr.py ]; then \
	  echo "$(SHARED) is missing the PLOVER GSR or its scorer: nothing to benchmark"; exit 0; fi; \
	mkdir -p build; $(BIN)/python benchmarks/gsr.py --gsr $(SHARED)/benchmarks/plover_gsr --out build/gsr.events.jsonl
	$(BIN)/python benchmarks/gsr.py --gsr $(SHARED)/benchmarks/plover_gsr --throughput --seeds $(SHARED)/seeds
