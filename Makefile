# The two commands a new user runs; each creates .venv on a fresh machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out/sample
FUZZ_EXAMPLES ?= 10000

.PHONY: demo test fuzz bench clean

$(BIN)/python:
	$(shell command -v $(PYTHON) >/dev/null 2>&1 && echo $(PYTHON) || echo python3) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/qualmrs run transcripts_sample --codebook codebooks/mrs_nav.yaml --out $(OUT)

# Hypothesis draws the same examples on every run (profile "ci", tests/conftest.py).
test: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest

# The same properties with new random examples, FUZZ_EXAMPLES for each reader (a long run).
# A failure prints the example to pin as an @example; .hypothesis/ replays it on the next run.
fuzz: $(VENV)/.installed-test
	HYPOTHESIS_PROFILE=fuzz QUALMRS_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) \
		$(BIN)/python -m pytest -p no:cacheprovider tests/ingest/test_fuzz.py \
		--hypothesis-show-statistics

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) out
