# CarvePlan: `make run` opens the app on the sample agreement, `make test` runs every test.
# `make package` builds the one-folder application in dist/carveplan, `make package-test` checks it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PACKAGE_STAMP := $(VENV)/.package-stamp
BUNDLE := dist/carveplan
SAMPLE := schedules/sample.carveplan

.PHONY: run test check lint types contracts bench sysdeps sysdeps-run package package-test install-desktop clean

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

$(PACKAGE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,dev,package]'
	@touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/carveplan.spec
	@du -sh $(BUNDLE)

# The bundle's smoke tests and the wheel's (python -m build, installed into an empty venv).
package-test: package sysdeps
	CARVEPLAN_BUNDLE=$(BUNDLE) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/packaging

# Menu entry, icons and the .carveplan file type for the current user; starts the bundle if built.
install-desktop: $(STAMP)
	bash packaging/linux/install-desktop.sh \
		"$(abspath $(if $(wildcard $(BUNDLE)/carveplan),$(BUNDLE)/carveplan,$(VENV)/bin/carveplan))"

clean:
	rm -rf $(VENV) build dist *.egg-info app/*.egg-info
