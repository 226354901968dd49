"""Edit, add or delete a card or a BibTeX entry: the pages that show it change, nothing else is re-read."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import page, visible_text, warnings

# pages with a table of models from the whole catalogue; summaries (references, orgs, nlg) show no model
MODEL_TABLE_PAGES = {"index", "filtered"}


class Builds:
    """Successive builds of one project, recording which documents each build re-read."""

    def __init__(self, make_app, srcdir: Path) -> None:
        self.make_app, self.srcdir = make_app, srcdir

    def build(self, freshenv: bool = False):
        app = self.make_app("html", srcdir=self.srcdir, freshenv=freshenv)
        read: set[str] = set()
        app.connect("env-before-read-docs", lambda app, env, docnames: read.update(docnames))
        app.build()
        app.cleanup()  # the next build registers its nodes again in a clean docutils state
        app.read_docs = read
        return app


@pytest.fixture()
def builds(make_app, tmp_path, rootdir) -> Builds:
    shutil.copytree(rootdir / "test-basic", tmp_path / "project")
    result = Builds(make_app, tmp_path / "project")
    first = result.build(freshenv=True)
    assert "families/macbert" in first.read_docs
    return result


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nothing_changed_reads_nothing(builds):
    assert builds.build().read_docs == set()


def test_renaming_a_model_rereads_its_page_and_the_model_tables_only(builds):
    edit(builds.srcdir / "cards" / "macbert.yaml", "  - id: macbert-large\n    name: MacBERT-large",
         "  - id: macbert-large\n    name: MacBERT-large-v2")
    app = builds.build()
    assert app.read_docs == {"families/macbert"} | MODEL_TABLE_PAGES
    assert "MacBERT-large-v2" in visible_text(page(app, "families/macbert"))
    assert "MacBERT-large-v2" in visible_text(page(app, "filtered"))
    assert warnings(app) == ""


def test_moving_a_model_to_another_organisation_rereads_the_summaries_that_count_it(builds):
    edit(builds.srcdir / "cards" / "macbert.yaml", "organisation: hfl", "organisation: idea-ccnl")
    app = builds.build()
    assert app.read_docs == {"families/macbert", "orgs", "categories/nlu"} | MODEL_TABLE_PAGES
    orgs = visible_text(page(app, "orgs"))
    assert "2 个模型 models · 2 个系列 families 二郎神 Erlangshen (1) · MacBERT (1)" in orgs
    assert re.search(r"\(HFL\) ¶ [^¶]*? 1 个模型 models · 1 个系列 families MacBERT \(1\)", orgs)
    assert warnings(app) == ""


def test_editing_a_bibtex_entry_updates_the_families_citing_it(builds):
    edit(builds.srcdir / "refs.bib", "Revisiting Pre-Trained Models", "Revisited Pre-Trained Models")
    app = builds.build()
    assert "families/macbert" in app.read_docs and "families/erlangshen" not in app.read_docs
    assert "Revisited Pre-Trained Models" in visible_text(page(app, "families/macbert"))
    assert "revisited pre-trained models" in visible_text(page(app, "references")).lower()  # pybtex sentence case


def test_deleting_a_bibtex_entry_removes_it_from_the_pages_citing_it(builds):
    bib = builds.srcdir / "refs.bib"
    text = bib.read_text(encoding="utf-8")
    bib.write_text(text[: text.index("@misc{muller2021accents")], encoding="utf-8")
    edit(builds.srcdir / "cards" / "macbert.yaml", "papers: [cui2020macbert, muller2021accents]", "papers: [cui2020macbert]")
    app = builds.build()
    assert {"families/macbert", "references"} <= app.read_docs and "families/erlangshen" not in app.read_docs
    assert "Braces Nested" not in visible_text(page(app, "families/macbert"))
    assert "Braces Nested" not in visible_text(page(app, "references"))
    assert warnings(app) == ""


def test_editing_the_log_updates_the_family_it_names(builds):
    edit(builds.srcdir / "data" / "updates.yaml", "增加封神榜系列语言模型二郎神。", "增加二郎神（已更新）。")
    app = builds.build()
    assert "families/erlangshen" in app.read_docs and "families/macbert" not in app.read_docs
    assert "增加二郎神（已更新）。" in visible_text(page(app, "families/erlangshen"))
    assert "增加二郎神（已更新）。" in visible_text(page(app, "index"))


def test_adding_a_card_adds_its_page_and_table_rows(builds):
    card = builds.srcdir / "cards" / "zen.yaml"
    card.write_text(
        "id: zen\nname: ZEN\ncategory: nlg\nmodels:\n  - id: zen-base\n    name: ZEN-Base\n"
        "    organisation: hfl\n    domain: general\n    links: []\n",
        encoding="utf-8",
    )
    app = builds.build()
    assert {"families/zen", "nlg"} <= app.read_docs and "families/macbert" not in app.read_docs
    assert (Path(app.outdir) / "families" / "zen.html").exists()
    assert "ZEN-Base" in visible_text(page(app, "nlg"))
    assert "ZEN-Base" in visible_text(page(app, "index"))
    assert "ZEN (1)" in visible_text(page(app, "orgs"))
    assert warnings(app) == ""


def test_deleting_a_card_removes_its_page_and_rows(builds):
    (builds.srcdir / "cards" / "erlangshen.yaml").unlink()
    edit(builds.srcdir / "index.rst", ":family:`erlangshen`", "family")
    edit(builds.srcdir / "index.rst", ":plm:model:`erlangshen-1.3b`", "model")
    edit(builds.srcdir / "data" / "updates.yaml", "families: [macbert, erlangshen]", "families: [macbert]")
    edit(builds.srcdir / "data" / "updates.yaml", "families: [erlangshen]", "families: []")
    app = builds.build()
    assert not (builds.srcdir / "families" / "erlangshen.rst").exists()
    assert "Erlangshen" not in visible_text(page(app, "filtered"))
    assert "二郎神" not in visible_text(page(app, "orgs"))
    assert warnings(app) == ""


def test_a_page_linking_to_an_edited_model_is_updated(builds):
    (builds.srcdir / "mentions.rst").write_text("Mentions\n========\n\nSee :model:`erlangshen-1.3b`.\n",
                                                encoding="utf-8")
    edit(builds.srcdir / "index.rst", "   filtered\n", "   filtered\n   mentions\n")
    builds.build()
    edit(builds.srcdir / "cards" / "erlangshen.yaml", "    name: Erlangshen\n", "    name: Erlangshen-MegatronBert\n")
    app = builds.build()
    assert "mentions" in app.read_docs
    assert "Erlangshen-MegatronBert" in visible_text(page(app, "mentions"))
