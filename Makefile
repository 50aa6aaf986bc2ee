# deblur_nb — every target creates the virtual environment it needs (.venv) on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test sync nbtest pytest lab readme clean-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## The main job on the embedded default: degrade sample test photos with every preset, write a before/after figure.
demo: $(STAMP)
	$(BIN)/deblur-nb-degrade --out outputs/degraded

## Everything CI checks: generated code/README in sync, clean notebooks, notebook tests, pytest.
test: $(STAMP) sync nbtest pytest

sync: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" bash tools/check_sync.sh

nbtest: $(STAMP)
	$(BIN)/nbdev-test --n-workers 2

pytest: $(STAMP)
	$(BIN)/python -m pytest -q tests

readme: $(STAMP)
	$(BIN)/python tools/readme.py

lab: $(STAMP)
	$(BIN)/jupyter lab --ip=127.0.0.1 --notebook-dir=nbs

clean-venv:
	rm -rf $(VENV)
