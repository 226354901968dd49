"""Rebuilds stay correct: a/b labels follow the entries that decide them, and the output of deleted
families goes."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import page, visible_text, warnings
from test_incremental import builds, edit  # noqa: F401  (builds is a fixture)
from test_interrupted_builds import edit_catalogue


def test_a_label_swap_updates_the_page_of_the_entry_not_edited(builds):
    bib = builds.srcdir / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@misc{su2020simbert,\n  author = {Su, Jianlin},\n"
                   "  title = {SimBERT, retrieval and generation},\n  year = {2020}\n}\n", encoding="utf-8")
    edit(bib, "title = {提速不掉点：基于词颗粒度的中文{WoBERT}}", "title = {A WoBERT}")
    edit(builds.srcdir / "cards" / "macbert.yaml", "papers: [cui2020macbert, muller2021accents]",
         "papers: [cui2020macbert, muller2021accents, su2020simbert]")
    app = builds.build()
    assert "Su, 2020a" in visible_text(page(app, "families/erlangshen"))  # "A WoBERT" sorts first
    assert "Su, 2020b" in visible_text(page(app, "families/macbert"))
    edit(bib, "title = {A WoBERT}", "title = {Z WoBERT}")  # only the erlangshen paper is edited
    app = builds.build()
    assert "families/macbert" in app.read_docs
    assert "Su, 2020a" in visible_text(page(app, "families/macbert"))
    assert "Su, 2020b" in visible_text(page(app, "families/erlangshen"))
    assert warnings(app) == ""


def test_a_deleted_family_leaves_no_page_and_no_bibtex(builds):
    outdir = Path(builds.build().outdir)
    assert (outdir / "families" / "erlangshen.html").exists()
    assert (outdir / "_downloads" / "bib" / "erlangshen.bib").exists()
    edit_catalogue(builds.srcdir)  # deletes the erlangshen card, among other edits
    app = builds.build()
    assert warnings(app) == ""
    assert not (outdir / "families" / "erlangshen.html").exists()
    assert not (outdir / "_sources" / "families" / "erlangshen.rst.txt").exists()
    assert not (outdir / "_downloads" / "bib" / "erlangshen.bib").exists()
    assert (outdir / "_downloads" / "bib" / "macbert.bib").exists()
    assert not re.search("erlangshen", (outdir / "_downloads" / "bib" / "all.bib").read_text(encoding="utf-8"))
