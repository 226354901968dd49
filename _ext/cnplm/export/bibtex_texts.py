"""BibTeX texts of one catalogue's families and models, each entry written only once.

A family page shows the family's BibTeX and, for each model, the papers plus that model; the site
exports the family's text again as its ``.bib``, and every model again in ``all.bib`` and its
biblatex flavour. Writing entries with bibtexparser dominates that work, and the text of a list of
entries is the texts of its parts joined by a blank line (tests/test_bibtex_texts.py checks it),
so each paper list and each model is written once and joined. The texts of models can be kept
between builds (:meth:`BibtexTexts.saved`, :meth:`BibtexTexts.seed`) under a key that changes with
everything an entry shows, so that editing one card rewrites the BibTeX of that card only.
"""

from __future__ import annotations

from ..data.catalog import Catalog, Family, ModelVariant
from .bibtex_export import biblatex_paper, model_blocks, paper_entries, to_bibtex

BLOCK_SEPARATOR = "\n\n"
SavedTexts = dict[str, tuple[str, str, str]]  # model id -> (key, BibTeX text, biblatex text)


def joined(parts: list[str]) -> str:
    return BLOCK_SEPARATOR.join(part for part in parts if part)


class BibtexTexts:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._papers: dict[str, str] = {}
        self._models: dict[str, str] = {}
        self._biblatex: dict[str, str] = {}

    def papers(self, family: Family) -> str:
        if family.id not in self._papers:
            entries = paper_entries(self.catalog, family.papers)
            self._papers[family.id] = to_bibtex(entries) if entries else ""
        return self._papers[family.id]

    def model(self, model: ModelVariant) -> str:
        if model.id not in self._models:
            self._models[model.id] = to_bibtex(model_blocks(self.catalog, [model]))
        return self._models[model.id]

    def biblatex_model(self, model: ModelVariant) -> str:
        if model.id not in self._biblatex:
            self._biblatex[model.id] = to_bibtex(model_blocks(self.catalog, [model], biblatex=True))
        return self._biblatex[model.id]

    def family(self, family: Family, model: ModelVariant | None = None) -> str:
        """Equal to ``to_bibtex(family_entries(catalog, family, model))``."""
        models = [model] if model else family.models
        return joined([self.papers(family), *(self.model(m) for m in models)])

    def all_bibtex(self) -> str:
        """Equal to ``to_bibtex(all_entries(catalog))``."""
        papers = paper_entries(self.catalog, sorted(self.catalog.bibliography.papers))
        models = [model for _, model in sorted(self.catalog.models.items())]
        return joined([to_bibtex(papers) if papers else "", *(self.model(m) for m in models)])

    def all_biblatex(self) -> str:
        """Equal to ``to_bibtex(all_biblatex_entries(catalog))``."""
        bibliography = self.catalog.bibliography
        papers = [biblatex_paper(bibliography[key].entry) for key in sorted(bibliography.papers)]
        models = [model for _, model in sorted(self.catalog.models.items())]
        return joined([to_bibtex(papers) if papers else "", *(self.biblatex_model(m) for m in models)])

    def seed(self, saved: SavedTexts, keys: dict[str, str]) -> None:
        """Take the texts of a previous build for the models whose key is unchanged."""
        for model_id, (key, bibtex, biblatex) in saved.items():
            if keys.get(model_id) == key:
                self._models.setdefault(model_id, bibtex)
                self._biblatex.setdefault(model_id, biblatex)

    def saved(self, keys: dict[str, str]) -> SavedTexts:
        """The texts of every model (written now where missing), to seed the next build."""
        return {m.id: (keys[m.id], self.model(m), self.biblatex_model(m)) for m in self.catalog.models.values()}
