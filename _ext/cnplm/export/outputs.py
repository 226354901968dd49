"""Where the build writes its exported files, relative to the output root."""

from __future__ import annotations

from ..data.catalog import Family

ALL_BIB_PATH = "_downloads/bib/all.bib"
ALL_BIBLATEX_PATH = "_downloads/bib/all-biblatex.bib"
CATALOG_JSON_PATH = "catalog.json"
CATALOG_SCHEMA_PATH = "catalog.schema.json"
SCHEMA_FOLDER = "schema"
FEED_PATH = "chronology.atom"  # Atom feed of the update log
SOCIAL_IMAGE_PATH = "social.png"  # OpenGraph default image


def family_bib_path(family: Family) -> str:
    return f"_downloads/bib/{family.id}.bib"
