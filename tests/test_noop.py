"""A rebuild in a new process with no input changed parses nothing and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cnplm.site import exports, state
from helpers import page, visible_text, warnings


class NewProcessBuilds:
    """Builds of one project, each as if in a new process (no catalogue cached in memory)."""

    def __init__(self, make_app, srcdir: Path, monkeypatch) -> None:
        self.make_app, self.srcdir = make_app, srcdir
        self.loads = 0
        self.exports = 0
        load_catalog, catalog_json = state.load_catalog, exports.catalog_json

        def counted_load(sources, cache=None):
            self.loads += 1
            return load_catalog(sources, cache)

        def counted_export(catalog):
            self.exports += 1
            return catalog_json(catalog)

        monkeypatch.setattr(state, "load_catalog", counted_load)
        monkeypatch.setattr(exports, "catalog_json", counted_export)

    def build(self, freshenv: bool = False):
        state._LOADED.clear()
        self.loads = self.exports = 0
        app = self.make_app("html", srcdir=self.srcdir, freshenv=freshenv)
        read: set[str] = set()
        app.connect("env-before-read-docs", lambda app, env, docnames: read.update(docnames))
        app.build()
        app.cleanup()
        app.read_docs = read
        return app


@pytest.fixture()
def builds(make_app, tmp_path, rootdir, monkeypatch) -> NewProcessBuilds:
    shutil.copytree(rootdir / "test-basic", tmp_path / "project")
    result = NewProcessBuilds(make_app, tmp_path / "project", monkeypatch)
    result.build(freshenv=True)
    assert result.loads == 1 and result.exports == 1
    return result


def test_a_noop_rebuild_neither_parses_the_catalogue_nor_writes_exports(builds):
    app = builds.build()
    assert (app.read_docs, builds.loads, builds.exports) == (set(), 0, 0)
    assert warnings(app) == ""


def test_a_page_edited_after_a_noop_is_built_from_the_catalogue_loaded_once(builds):
    builds.build()
    index = builds.srcdir / "filtered.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("Legal only:", "Legal models only:"),
                     encoding="utf-8")
    app = builds.build()
    assert app.read_docs == {"filtered"} and builds.loads == 1 and builds.exports == 0
    assert "Legal models only: Model" in visible_text(page(app, "filtered")).replace("模型 ", "")
    assert warnings(app) == ""


def test_an_edited_card_is_parsed_and_exported_again(builds):
    card = builds.srcdir / "cards" / "macbert.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("name: MacBERT-large", "name: MacBERT-L"),
                    encoding="utf-8")
    app = builds.build()
    assert app.read_docs >= {"families/macbert"} and builds.loads == 1 and builds.exports == 1
    assert "MacBERT-L" in (Path(app.outdir) / "catalog.json").read_text(encoding="utf-8")


def test_data_problems_are_reported_again_by_a_noop_rebuild(builds):
    card = builds.srcdir / "cards" / "macbert.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("domain: legal", "domain: nosuchdomain"),
                    encoding="utf-8")
    first = builds.build()
    again = builds.build()
    assert builds.loads == 0 and "nosuchdomain" in warnings(first)
    assert warnings(again) == warnings(first)


def test_an_edited_card_rewrites_the_bibtex_of_its_models_only(builds, monkeypatch):
    from cnplm.data.loading import load_catalog as load
    from cnplm.data.settings import sources_from
    from cnplm.export import bibtex_texts
    from cnplm.export.bibtex_export import all_biblatex_entries, all_entries, to_bibtex

    written: list[str] = []
    model_blocks = bibtex_texts.model_blocks

    def counted(catalog, models, biblatex=False):
        written.extend(model.id for model in models)
        return model_blocks(catalog, models, biblatex=biblatex)

    monkeypatch.setattr(bibtex_texts, "model_blocks", counted)
    card = builds.srcdir / "cards" / "macbert.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("name: MacBERT-large", "name: MacBERT-L"),
                    encoding="utf-8")
    app = builds.build()
    assert sorted(written) == sorted(["macbert-base", "macbert-large"] * 2)  # BibTeX and biblatex, once each
    catalog, _ = load(sources_from({name: app.config[name] for name in
                                    ("cnplm_cards_dir", "cnplm_organisations", "cnplm_domains", "cnplm_updates",
                                     "cnplm_bibfiles")}, builds.srcdir))
    downloads = Path(app.outdir) / "_downloads" / "bib"
    assert (downloads / "all.bib").read_text(encoding="utf-8") == to_bibtex(all_entries(catalog))
    assert "MacBERT-L" in (downloads / "all.bib").read_text(encoding="utf-8")
    biblatex = sorted(downloads.glob("*biblatex*"))
    assert [path.read_text(encoding="utf-8") for path in biblatex] == [to_bibtex(all_biblatex_entries(catalog))]
