"""BibTeX texts of one catalogue's families and models, each entry written only once.

A family page shows the family's BibTeX and, for each model, the papers plus that model; the site
exports the family's text again as its ``.bib``. Writing entries with bibtexparser dominates that
work, and the text of a list of entries is the texts of its parts joined by a blank line (the
tests compare the site's files with :func:`to_bibtex` of the whole list), so the papers of a family
and each model are written once and joined.
"""

from __future__ import annotations

from ..data.catalog import Catalog, Family, ModelVariant
from .bibtex_export import model_blocks, paper_entries, to_bibtex

BLOCK_SEPARATOR = "\n\n"


class BibtexTexts:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._papers: dict[str, str] = {}
        self._models: dict[str, str] = {}

    def papers(self, family: Family) -> str:
        if family.id not in self._papers:
            entries = paper_entries(self.catalog, family.papers)
            self._papers[family.id] = to_bibtex(entries) if entries else ""
        return self._papers[family.id]

    def model(self, model: ModelVariant) -> str:
        if model.id not in self._models:
            self._models[model.id] = to_bibtex(model_blocks(self.catalog, [model]))
        return self._models[model.id]

    def family(self, family: Family, model: ModelVariant | None = None) -> str:
        """Equal to ``to_bibtex(family_entries(catalog, family, model))``."""
        models = [model] if model else family.models
        parts = [self.papers(family), *(self.model(m) for m in models)]
        return BLOCK_SEPARATOR.join(part for part in parts if part)
