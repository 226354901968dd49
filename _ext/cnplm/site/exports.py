"""Files written beside the HTML pages: BibTeX downloads, catalog.json, explorer.json, the JSON Schemas,
and, when the site has a canonical URL (``html_baseurl``), the Atom feed of the update log and the social image.

Each file is written only when its content changed, and nothing is computed when no input changed
since the exports were last written (a stamp in the doctree folder records their inputs).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from .. import __version__
from ..data.catalog import Catalog
from ..data.schemas import SCHEMA_DIR
from ..export.bibtex_texts import BibtexTexts
from ..export.catalog_json import catalog_json
from ..export.outputs import (ALL_BIB_PATH, ALL_BIBLATEX_PATH, CATALOG_JSON_PATH, CATALOG_SCHEMA_PATH,
                              FEED_PATH, SCHEMA_FOLDER, SOCIAL_IMAGE_PATH, family_bib_path)
from ..export.schema_ids import with_schema_id
from .stale_outputs import remove_stale_pages, remove_unlisted
from ..data.freshness import data_date
from ..export.explorer_json import EXPLORER_JSON_PATH, explorer_json
from .bibtex_cache import save_bibtex
from .state import (CATEGORY_PAGES_DIR, FAMILY_PAGES_DIR, bibtex_of, catalog_of, family_docname, inputs_of,
                    loaded_for)

CHRONOLOGY_DOC = "chronology"  # the page of the whole update log; the feed links to it

EXPORTS_STAMP = "cnplm-exports.stamp"


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write_bib_files(catalog: Catalog, texts: BibtexTexts, outdir: Path) -> None:
    """One .bib per family, all.bib and the biblatex flavour; the files of families that are gone
    are removed."""
    written = [outdir / family_bib_path(family) for family in catalog.families.values()]
    for family, path in zip(catalog.families.values(), written, strict=True):
        write_text(path, texts.family(family))
    write_text(outdir / ALL_BIB_PATH, texts.all_bibtex())
    write_text(outdir / ALL_BIBLATEX_PATH, texts.all_biblatex())
    for folder in {path.parent for path in written} | {(outdir / ALL_BIB_PATH).parent}:
        remove_unlisted(folder, "*.bib", [*written, outdir / ALL_BIB_PATH, outdir / ALL_BIBLATEX_PATH])


def write_catalog_json(catalog: Catalog, outdir: Path) -> None:
    """catalog.json. Its agreement with the published schema is checked by ``python -m cnplm check``
    and the tests, not in every build (validating it took 5 % of a cold build)."""
    write_text(outdir / CATALOG_JSON_PATH, catalog_json(catalog))


def publish_schemas(outdir: Path, base_url: str) -> None:
    """The schemas under schema/ and catalog.schema.json at the root, each with the ``$id`` of the
    URL it is served at (Read the Docs serves under /<language>/<version>/)."""
    published = {f"{SCHEMA_FOLDER}/{schema.name}": schema for schema in sorted(SCHEMA_DIR.glob("*.schema.json"))}
    published[CATALOG_SCHEMA_PATH] = SCHEMA_DIR / "catalog.schema.json"
    for path, schema in published.items():
        text = schema.read_text(encoding="utf-8")
        write_bytes(outdir / path, (with_schema_id(text, base_url + path) if base_url else text).encode())


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def write_feed_and_image(app: Sphinx, catalog: Catalog, base_url: str) -> None:
    """chronology.atom (feedgen) and social.png (matplotlib), both from the catalogue."""
    from ..export.feed import chronology_feed
    from ..export.social_image import social_image_png

    outdir = Path(app.outdir)
    target = app.builder.get_target_uri
    families = {f.id: base_url + target(family_docname(f.id)) for f in catalog.families.values()}
    write_bytes(outdir / FEED_PATH, chronology_feed(catalog, base_url, base_url + target(CHRONOLOGY_DOC),
                                                    base_url + FEED_PATH, families))
    write_bytes(outdir / SOCIAL_IMAGE_PATH, social_image_png(catalog))


def feed_link(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """html-page-context: every page announces the feed (readers and browsers find it)."""
    base_url = app.config.html_baseurl
    if base_url and "metatags" in context:
        context["metatags"] += (f'\n<link rel="alternate" type="application/atom+xml" '
                                f'title="更新日志 Updates" href="{base_url}{FEED_PATH}" />')


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name == "epub":
        return
    outdir = Path(app.outdir)
    for folder in (FAMILY_PAGES_DIR, CATEGORY_PAGES_DIR):  # generated pages whose card or category is gone
        remove_stale_pages(app, folder)
    stamp = Path(app.doctreedir) / EXPORTS_STAMP
    base_url = app.config.html_baseurl
    inputs = f"{__version__} {app.builder.name} {outdir} {base_url} {inputs_of(app).digest}"
    written = all((outdir / path).exists() for path in (CATALOG_JSON_PATH, EXPLORER_JSON_PATH))
    if stamp.exists() and stamp.read_text(encoding="utf-8") == inputs and written:
        return
    catalog = catalog_of(app.env)
    write_bib_files(catalog, bibtex_of(app.env), outdir)
    save_bibtex(Path(app.doctreedir), loaded_for(str(app.srcdir)))
    write_catalog_json(catalog, outdir)
    pages = {family_id: app.builder.get_target_uri(family_docname(family_id)) for family_id in catalog.families}
    newest = data_date(catalog)
    write_text(outdir / EXPLORER_JSON_PATH, explorer_json(catalog, pages, newest.isoformat() if newest else ""))
    publish_schemas(outdir, base_url)
    if base_url:
        write_feed_and_image(app, catalog, base_url)
    stamp.write_text(inputs, encoding="utf-8")
