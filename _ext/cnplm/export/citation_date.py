"""The year and month a model entry is cited with, and where that date comes from."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.catalog import Catalog, ModelVariant

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The list version the catalogue was imported from: every family without a log entry was in it.
LIST_VERSION_DATE = "2022-02"
LIST_VERSION_SOURCE = "listed in awesome-pretrained-chinese-nlp-models as of 2022-02-24"


@dataclass(frozen=True)
class CitationDate:
    year: str
    month: str  # "01".."12", or "" when only the year is known
    source: str  # what the date is, in words (written beside the entry)

    @property
    def month_macro(self) -> str:
        return MONTH_MACROS[int(self.month) - 1] if self.month else ""

    @property
    def iso(self) -> str:
        """biblatex's ``date``: YYYY or YYYY-MM."""
        return f"{self.year}-{self.month}" if self.month else self.year


def citation_date(catalog: Catalog, model: ModelVariant) -> CitationDate:
    """The model's own release (YYYY-MM) when the card has it, else the update-log entry that added
    its family to the list, else the date of the list version the catalogue was imported from."""
    if model.release:
        year, _, month = model.release.partition("-")
        return CitationDate(year, month[:2], f"released {model.release}")
    added = sorted(entry.date for entry in catalog.updates_of(model.family_id))
    if added:
        first = added[0]
        return CitationDate(f"{first.year}", f"{first.month:02d}",
                            f"added to the list on {first.isoformat()} (update log)")
    year, month = LIST_VERSION_DATE.split("-")
    return CitationDate(year, month, LIST_VERSION_SOURCE)
