# `make html` builds the site, `make test` runs the tests; both create .venv from requirements.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPHINXOPTS ?= -W --keep-going -j auto
BUILDDIR := _build
SPHINXBUILD := $(BIN)/python -m sphinx -c . docs

.PHONY: html test clean linkcheck check bib readme venv

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

html: venv
	$(SPHINXBUILD) -b html $(SPHINXOPTS) $(BUILDDIR)/html

test: venv
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: venv
	PYTHONPATH=_ext $(BIN)/python -m cnplm check

linkcheck: venv
	$(SPHINXBUILD) -b linkcheck $(SPHINXOPTS) $(BUILDDIR)/linkcheck

clean:
	rm -rf $(BUILDDIR) docs/families
