"""Every builder renders the catalogue: real docutils tables, no HTML-only nodes left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import build_copy, warnings


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "text", "latex", "epub"])
def test_builder_renders_without_warnings(make_app, tmp_path, rootdir, builder):
    app = build_copy(make_app, rootdir / "test-basic", tmp_path / builder, builder)
    assert warnings(app) == ""
    if builder == "text":
        text = (Path(app.outdir) / "families" / "macbert.txt").read_text(encoding="utf-8")
        assert "MacBERT-base" in text and "提取码 code: E2cP" in text and "macbert.bib" in text


def test_dirhtml_download_links_point_to_the_exported_files(make_app, tmp_path, rootdir):
    app = build_copy(make_app, rootdir / "test-basic", tmp_path / "dirhtml", "dirhtml")
    outdir = Path(app.outdir)
    markup = (outdir / "families" / "macbert" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../_downloads/bib/macbert.bib"' in markup
    assert (outdir / "_downloads" / "bib" / "macbert.bib").exists()
