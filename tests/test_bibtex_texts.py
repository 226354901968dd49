"""BibTeX written entry by entry and joined is the BibTeX of the whole list, for every real card."""

from __future__ import annotations

from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf
from cnplm.export.bibtex_export import family_entries, to_bibtex
from cnplm.export.bibtex_texts import BibtexTexts


def test_joined_texts_equal_the_whole_list_for_every_family_and_model(project_root):
    catalog, problems = load_catalog(sources_from_conf(project_root))
    assert not problems
    texts = BibtexTexts(catalog)
    for family in catalog.families.values():
        for model in (None, *family.models):
            assert texts.family(family, model) == to_bibtex(family_entries(catalog, family, model)), family.id
