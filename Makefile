# CarvePlan: `make run` opens the app on the sample agreement, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SAMPLE := schedules/sample.carveplan

.PHONY: run test check lint types contracts bench sysdeps sysdeps-run clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "Python's venv module is missing: sudo apt-get install -y python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	@touch $(STAMP)

sysdeps:
	@bash packaging/sysdeps.sh test

sysdeps-run:
	@bash packaging/sysdeps.sh run

run: $(STAMP) sysdeps-run
	$(VENV)/bin/carveplan $(SAMPLE)

test: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check app tests
	$(VENV)/bin/ruff format --check app tests

types: $(STAMP)
	$(VENV)/bin/mypy

contracts: $(STAMP)
	$(VENV)/bin/lint-imports

check: lint types contracts test

bench: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info app/*.egg-info
