"""Every builder renders the catalogue: real docutils tables, no HTML-only nodes left behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import warnings


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "text", "latex", "epub"])
def test_builder_renders_without_warnings(make_app, tmp_path, rootdir, builder):
    srcdir = tmp_path / builder
    shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    app.cleanup()
    assert warnings(app) == ""
    if builder == "text":
        text = (Path(app.outdir) / "families" / "macbert.txt").read_text(encoding="utf-8")
        assert "MacBERT-base" in text and "提取码 code: E2cP" in text and "macbert.bib" in text


def test_dirhtml_download_links_point_to_the_exported_files(make_app, tmp_path, rootdir):
    srcdir = tmp_path / "dirhtml"
    shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app("dirhtml", srcdir=srcdir, freshenv=True)
    app.build()
    app.cleanup()
    outdir = Path(app.outdir)
    markup = (outdir / "families" / "macbert" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../_downloads/bib/macbert.bib"' in markup
    assert (outdir / "_downloads" / "bib" / "macbert.bib").exists()
