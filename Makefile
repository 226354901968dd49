# `make html` builds the site, `make test` runs the tests; both create .venv from requirements.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPHINXOPTS ?= -W --keep-going -j auto
BUILDDIR := _build
SPHINXBUILD := $(BIN)/python -m sphinx -c . docs

.PHONY: html pdf pdf-compile epub test clean linkcheck check snapshot bib readme venv bibtex-tools browser-tools

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Doctrees live outside every output folder (-d), so nothing of the environment is published.
DOCTREES := $(BUILDDIR)/doctrees

html: venv
	$(SPHINXBUILD) -b html $(SPHINXOPTS) -d $(DOCTREES)/html $(BUILDDIR)/html

# The PDF: LaTeX from Sphinx, then xelatex (CJK fonts: Noto CJK; Latin: DejaVu) three times with the
# index in between. Read the Docs runs the same two steps (.readthedocs.yaml).
pdf: venv bibtex-tools
	$(SPHINXBUILD) -b latex $(SPHINXOPTS) -d $(DOCTREES)/latex $(BUILDDIR)/latex
	$(MAKE) --no-print-directory pdf-compile LATEXDIR=$(BUILDDIR)/latex

LATEXDIR ?= $(BUILDDIR)/latex
pdf-compile:
	cd $(LATEXDIR) && for run in 1 2 3; do \
	  max_print_line=10000 xelatex -interaction=nonstopmode -halt-on-error cnplm.tex >/dev/null \
	    || { tail -30 cnplm.log; exit 1; }; \
	  if [ $$run = 1 ]; then makeindex -q -s python.ist cnplm.idx; fi; done
	@grep -c "undefined" $(LATEXDIR)/cnplm.log | xargs echo "lines about undefined references:"
	@echo "PDF: $(LATEXDIR)/cnplm.pdf"

epub: venv
	$(SPHINXBUILD) -b epub $(SPHINXOPTS) -d $(DOCTREES)/epub $(BUILDDIR)/epub

test: venv bibtex-tools browser-tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The export tests run the real `bibtex`, pdflatex + natbib (CJKutf8), xelatex + biblatex/biber (ctex)
# and pdftotext; the PDF build needs xelatex and CJK fonts. On Debian, install what is missing (as root).
TEX_PACKAGES := texlive-binaries texlive-base texlive-latex-extra texlive-xetex texlive-lang-chinese \
  texlive-bibtex-extra texlive-fonts-recommended biber latex-cjk-chinese latex-cjk-chinese-arphic-gbsn00lp \
  poppler-utils fonts-noto-cjk fonts-dejavu-core
TEX_FILES := plain.bst plainnat.bst biblatex.sty CJKutf8.sty ctexart.cls xeCJK.sty pzdr.tfm
bibtex-tools:
	@command -v bibtex >/dev/null && command -v biber >/dev/null && command -v pdftotext >/dev/null \
	  && command -v xelatex >/dev/null && kpsewhich $(TEX_FILES) | wc -l | grep -qx $(words $(TEX_FILES)) || { \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    (apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get \
	      -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $(TEX_PACKAGES) >/dev/null) \
	      || echo "could not install the TeX tools: the LaTeX tests will be skipped"; \
	  else echo "TeX tools missing (Debian: apt-get install $(TEX_PACKAGES)): the LaTeX tests will be skipped"; fi; }

# The browser tests drive Debian's chromium through its chromedriver (never a downloaded browser);
# on Debian install them and the CJK fonts when missing.
browser-tools:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && fc-list :lang=zh | grep -q . || { \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      chromium chromium-driver fonts-noto-cjk >/dev/null) || echo "could not install chromium: the browser tests will be skipped"; \
	  else echo "chromium not found (Debian: apt-get install chromium chromium-driver fonts-noto-cjk): the browser tests will be skipped"; fi; }

CNPLM := PYTHONPATH=_ext $(BIN)/python -m cnplm

check: venv
	$(CNPLM) check

# every row of the 2026-06-19 list snapshot held against the cards and docs/data/list-rows/
snapshot: venv
	$(CNPLM) snapshot tests/data/upstream-2026-06-19

# BibTeX without building the site: all.bib and one .bib per family
bib: venv
	$(CNPLM) bib --dir $(BUILDDIR)/bib

# the awesome-list README regenerated from the cards
readme: venv
	$(CNPLM) readme --out $(BUILDDIR)/README.md

linkcheck: venv
	$(SPHINXBUILD) -b linkcheck $(SPHINXOPTS) -d $(DOCTREES)/linkcheck $(BUILDDIR)/linkcheck

clean:
	rm -rf $(BUILDDIR) docs/families docs/categories
