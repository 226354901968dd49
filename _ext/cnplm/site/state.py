"""The catalogue of the current build: loaded once (re-parsed only when an input changes), its
problems reported as located warnings, its family pages written, its edits mapped to pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..data.catalog import Catalog
from .digests import changed_keys, family_page_inputs, object_digests
from .family_pages import write_family_pages
from ..data.loading import CatalogSources, load_catalog
from ..data.problems import Problem
from .search_words import user_dictionary
from ..data.settings import DEFAULTS, sources_from

logger = logging.getLogger(__name__)
FAMILY_PAGES_DIR = "families"


@dataclass(frozen=True)
class LoadedCatalog:
    catalog: Catalog
    problems: tuple[Problem, ...]
    digests: dict[str, str]
    fingerprint: tuple


# srcdir -> the catalogue of the build in this process (forked parallel workers inherit it)
_LOADED: dict[str, LoadedCatalog] = {}


def fingerprint(sources: CatalogSources) -> tuple:
    """Name, mtime and size of every input: a change of any of them means re-parsing."""
    stats = []
    for path in sources.all_paths():
        try:
            stat = path.stat()
            stats.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            stats.append((str(path), None, None))
    return tuple(stats)


def load(sources: CatalogSources, previous: LoadedCatalog | None) -> LoadedCatalog:
    current = fingerprint(sources)
    if previous is not None and previous.fingerprint == current:
        return previous
    catalog, problems = load_catalog(sources)
    return LoadedCatalog(catalog, tuple(problems), object_digests(catalog), current)


def catalog_of(env: BuildEnvironment) -> Catalog:
    return _LOADED[str(env.srcdir)].catalog


def family_docname(family_id: str) -> str:
    return f"{FAMILY_PAGES_DIR}/{family_id}"


def on_builder_inited(app: Sphinx) -> None:
    sources = sources_from({name: app.config[name] for name in DEFAULTS}, Path(app.confdir))
    loaded = load(sources, _LOADED.get(str(app.srcdir)))
    _LOADED[str(app.srcdir)] = loaded
    for problem in loaded.problems:
        logger.warning(problem.message, location=problem.location, type="plm", subtype="data")
    write_family_pages(loaded.catalog, Path(app.srcdir) / FAMILY_PAGES_DIR)
    write_search_dictionary(app, loaded.catalog)


def write_search_dictionary(app: Sphinx, catalog: Catalog) -> None:
    """jieba user dictionary of the catalogue's Chinese names, unless conf.py names its own."""
    options = app.config.html_search_options
    if "dict" in options:
        return
    path = Path(app.doctreedir) / "cnplm-search.dict"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = user_dictionary(catalog)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    options["dict"] = str(path)


def on_env_get_outdated(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Pages to re-read because something they show changed in a card, registry, log or .bib."""
    loaded = _LOADED[str(env.srcdir)]
    domain = env.get_domain("plm")
    keys = changed_keys(domain.data["digests"], loaded.digests)
    domain.data["digests"] = dict(loaded.digests)
    if not keys:
        return []
    catalog = loaded.catalog
    outdated = {doc for doc, scope in domain.data["aggregates"].items() if scope is None or scope & keys}
    outdated |= {
        family_docname(family.id)
        for family in catalog.families.values()
        if family_page_inputs(catalog, family) & keys
    }
    outdated |= {docname for docname, refs in domain.data["xrefs"].items() if refs & keys}
    return sorted(outdated & (set(env.found_docs) - set(added) - set(removed)))
