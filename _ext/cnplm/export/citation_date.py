"""The year and month a model entry is cited with, and where that date comes from."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.catalog import Catalog, ModelVariant

MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The snapshot of the list the data follows: every family is listed in it.
LIST_SNAPSHOT_DATE = "2026-06-19"


def listed_source(date: str) -> str:
    return f"listed in awesome-pretrained-chinese-nlp-models as of {date}"


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
    its family to the list, else the first list snapshot that lists the family (``listed_since``,
    else the snapshot the data follows)."""
    if model.release:
        year, _, month = model.release.partition("-")
        return CitationDate(year, month[:2], f"released {model.release}")
    added = sorted(entry.date for entry in catalog.updates_of(model.family_id))
    if added:
        first = added[0]
        return CitationDate(f"{first.year}", f"{first.month:02d}",
                            f"added to the list on {first.isoformat()} (update log)")
    listed = catalog.family_of(model).listed_since or LIST_SNAPSHOT_DATE
    year, month, _ = listed.split("-")
    return CitationDate(year, month, listed_source(listed))
