# `make html` builds the site, `make test` runs the tests; both create .venv from requirements.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPHINXOPTS ?= -W --keep-going -j auto
BUILDDIR := _build
SPHINXBUILD := $(BIN)/python -m sphinx -c . docs

.PHONY: html test clean linkcheck check bib readme venv bibtex-tools

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

html: venv
	$(SPHINXBUILD) -b html $(SPHINXOPTS) $(BUILDDIR)/html

test: venv bibtex-tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The export tests run the real `bibtex`; on Debian install it when it is missing.
bibtex-tools:
	@command -v bibtex >/dev/null && kpsewhich plain.bst >/dev/null || { \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      texlive-binaries texlive-base >/dev/null) || echo "could not install bibtex: its test will be skipped"; \
	  else echo "bibtex not found (Debian: apt-get install texlive-binaries texlive-base): its test will be skipped"; fi; }

CNPLM := PYTHONPATH=_ext $(BIN)/python -m cnplm

check: venv
	$(CNPLM) check

# BibTeX without building the site: all.bib and one .bib per family
bib: venv
	$(CNPLM) bib --dir $(BUILDDIR)/bib

# the awesome-list README regenerated from the cards
readme: venv
	$(CNPLM) readme --out $(BUILDDIR)/README.md

linkcheck: venv
	$(SPHINXBUILD) -b linkcheck $(SPHINXOPTS) $(BUILDDIR)/linkcheck

clean:
	rm -rf $(BUILDDIR) docs/families
