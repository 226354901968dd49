"""Files written beside the HTML pages: BibTeX downloads and the published JSON Schemas."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from .bibtex_export import all_entries, family_entries, to_bibtex
from .catalog import Catalog
from .directives.cite import ALL_BIB_PATH, family_bib_path
from .schemas import SCHEMA_DIR
from .state import catalog_of

logger = logging.getLogger(__name__)


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write_bib_files(catalog: Catalog, outdir: Path) -> None:
    for family in catalog.families.values():
        write_text(outdir / family_bib_path(family), to_bibtex(family_entries(catalog, family)))
    write_text(outdir / ALL_BIB_PATH, to_bibtex(all_entries(catalog)))


def publish_schemas(outdir: Path) -> None:
    target = outdir / "schema"
    target.mkdir(parents=True, exist_ok=True)
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        shutil.copyfile(schema, target / schema.name)


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name == "epub":
        return
    outdir = Path(app.outdir)
    catalog = catalog_of(app.env)
    write_bib_files(catalog, outdir)
    publish_schemas(outdir)
