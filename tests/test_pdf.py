"""The PDF: a small catalogue built with the LaTeX builder and xelatex like `make pdf`; its family
pages are in it and every internal reference resolves (the LaTeX log has no undefined reference)."""

from __future__ import annotations

import os
import re
import runpy
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import warnings

TOOLS = ("xelatex", "makeindex", "pdfinfo", "pdftotext")
LATEX_SETTINGS = ("latex_engine", "latex_use_xindy", "latex_documents", "latex_elements")

pytestmark = pytest.mark.skipif(any(shutil.which(tool) is None for tool in TOOLS),
                                reason="xelatex or poppler-utils missing; `make test` installs them on Debian")


def compile_pdf(folder: Path) -> tuple[str, int, str]:
    """xelatex three times with the index in between (as `make pdf-compile`): log, pages, text."""
    env = {**os.environ, "max_print_line": "10000"}  # one message per log line
    for run in range(3):
        done = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "cnplm.tex"],
                              cwd=folder, capture_output=True, text=True, errors="replace", env=env, timeout=600)
        assert done.returncode == 0, done.stdout[-3000:]
        if run == 0:
            subprocess.run(["makeindex", "-q", "-s", "python.ist", "cnplm.idx"], cwd=folder, check=True)
    info = subprocess.run(["pdfinfo", "cnplm.pdf"], cwd=folder, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "cnplm.pdf", "-"], cwd=folder, capture_output=True,
                          text=True).stdout
    return (folder / "cnplm.log").read_text(encoding="utf-8", errors="replace"), pages, " ".join(text.split())


def undefined_references(log: str) -> list[str]:
    return re.findall(r"(?:Hyper reference|Reference|Citation) `[^']*' on page \d+ undefined", log)


def test_pdf_has_the_family_pages_and_no_undefined_reference(make_app, tmp_path, rootdir, project_root):
    conf = runpy.run_path(str(project_root / "conf.py"))
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    # a category page as the site has one per category: in the PDF, its families follow it
    (srcdir / "nlu.rst").write_text("Understanding\n=============\n\n.. plm-families::\n   :category: nlu\n",
                                    encoding="utf-8")
    index = srcdir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   references\n", "   nlu\n   references\n"),
                     encoding="utf-8")
    app = make_app("latex", srcdir=srcdir, freshenv=True,
                   confoverrides={name: conf[name] for name in LATEX_SETTINGS})
    app.build()
    assert warnings(app) == ""
    log, pages, text = compile_pdf(Path(app.outdir))
    assert undefined_references(log) == []
    assert "There were undefined references" not in log and "Missing character" not in log
    assert 5 <= pages <= 60, pages
    # the family pages (orphans in HTML) follow their category, with their references and BibTeX
    assert "MacBERT-base" in text and "二郎神" in text
    assert "Revisiting pre-trained models for Chinese natural language processing" in text
    assert "@misc{plm:macbert-base," in text
