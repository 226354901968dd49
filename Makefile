# `make html` builds the site, `make test` runs the tests; both create .venv from requirements.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPHINXOPTS ?= -W --keep-going -j auto
BUILDDIR := _build
SPHINXBUILD := $(BIN)/python -m sphinx -c . docs

.PHONY: html test clean linkcheck check bib readme venv bibtex-tools browser-tools

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

html: venv
	$(SPHINXBUILD) -b html $(SPHINXOPTS) $(BUILDDIR)/html

test: venv bibtex-tools browser-tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The export tests run the real `bibtex`, pdflatex + natbib (CJKutf8), xelatex + biblatex/biber (ctex)
# and pdftotext; the PDF build needs xelatex and CJK fonts. On Debian, install what is missing (as root).
TEX_PACKAGES := texlive-binaries texlive-base texlive-latex-extra texlive-xetex texlive-lang-chinese \
  texlive-bibtex-extra biber latex-cjk-chinese latex-cjk-chinese-arphic-gbsn00lp poppler-utils fonts-noto-cjk
TEX_FILES := plain.bst plainnat.bst biblatex.sty CJKutf8.sty ctexart.cls xeCJK.sty
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

# BibTeX without building the site: all.bib and one .bib per family
bib: venv
	$(CNPLM) bib --dir $(BUILDDIR)/bib

# the awesome-list README regenerated from the cards
readme: venv
	$(CNPLM) readme --out $(BUILDDIR)/README.md

linkcheck: venv
	$(SPHINXBUILD) -b linkcheck $(SPHINXOPTS) $(BUILDDIR)/linkcheck

clean:
	rm -rf $(BUILDDIR) docs/families docs/categories
