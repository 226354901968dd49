"""Files written beside the HTML pages: BibTeX downloads, catalog.json and the JSON Schemas."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ..export.bibtex_export import all_biblatex_entries, all_entries, family_entries, to_bibtex
from ..data.catalog import Catalog
from ..export.catalog_json import catalog_json
from ..export.outputs import (ALL_BIB_PATH, ALL_BIBLATEX_PATH, CATALOG_JSON_PATH, CATALOG_SCHEMA_PATH,
                              SCHEMA_FOLDER, family_bib_path)
from ..data.schemas import SCHEMA_DIR
from .state import catalog_of


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write_bib_files(catalog: Catalog, outdir: Path) -> None:
    for family in catalog.families.values():
        write_text(outdir / family_bib_path(family), to_bibtex(family_entries(catalog, family)))
    write_text(outdir / ALL_BIB_PATH, to_bibtex(all_entries(catalog)))
    write_text(outdir / ALL_BIBLATEX_PATH, to_bibtex(all_biblatex_entries(catalog)))


def publish_schemas(outdir: Path) -> None:
    target = outdir / SCHEMA_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        shutil.copyfile(schema, target / schema.name)


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name == "epub":
        return
    outdir = Path(app.outdir)
    catalog = catalog_of(app.env)
    write_bib_files(catalog, outdir)
    write_text(outdir / CATALOG_JSON_PATH, catalog_json(catalog))
    publish_schemas(outdir)
    shutil.copyfile(SCHEMA_DIR / "catalog.schema.json", outdir / CATALOG_SCHEMA_PATH)
