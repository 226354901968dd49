"""BibTeX written entry by entry and joined is the BibTeX of the whole list, for every real card."""

from __future__ import annotations

from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf
from cnplm.export.bibtex_export import all_biblatex_entries, all_entries, family_entries, model_blocks, to_bibtex
from cnplm.export.bibtex_texts import BibtexTexts


def test_joined_texts_equal_the_whole_list_for_every_family_model_and_file(project_root):
    catalog, problems = load_catalog(sources_from_conf(project_root))
    assert not problems
    texts = BibtexTexts(catalog)
    for family in catalog.families.values():
        for model in (None, *family.models):
            assert texts.family(family, model) == to_bibtex(family_entries(catalog, family, model)), family.id
    assert texts.all_bibtex() == to_bibtex(all_entries(catalog))
    assert texts.all_biblatex() == to_bibtex(all_biblatex_entries(catalog))


def test_seeded_texts_are_used_only_under_their_key(project_root):
    catalog, _ = load_catalog(sources_from_conf(project_root))
    keys = {model_id: "k1" for model_id in catalog.models}
    saved = {model_id: ("k1", f"old {model_id}", "old biblatex") for model_id in catalog.models}
    texts = BibtexTexts(catalog)
    texts.seed(saved, {**keys, "macbert-base": "k2"})
    models = catalog.models
    assert texts.model(models["macbert-large"]) == "old macbert-large"
    assert texts.model(models["macbert-base"]) == to_bibtex(model_blocks(catalog, [models["macbert-base"]]))
