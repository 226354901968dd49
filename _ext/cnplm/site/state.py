"""The catalogue of the current build: loaded once (re-parsed only when an input changes), its
problems reported as located warnings, its family pages written, its edits mapped to pages.

A no-op rebuild starts a new process, so an in-process cache cannot help it. The environment
therefore keeps a content digest of every input file (and the problems found in them): when no
input changed, the build neither parses the catalogue nor rewrites anything, unless a page has to
be read anyway (then the catalogue is loaded once, before the readers start).

Both shortcuts trust only a build that finished: the object digests and the inputs they describe
are committed to a file at the end of the build, after every page is written. A build killed
before that leaves the previous commit in place, and the next build re-reads what it may have
left stale.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..data.catalog import Catalog
from ..export.bibtex_texts import BibtexTexts
from .digests import changed_keys, family_page_inputs, object_digests
from .bibtex_cache import seed_bibtex
from .family_pages import write_category_pages, write_family_pages
from ..data.loading import CatalogSources, load_catalog
from ..data.problems import Problem
from .search_words import user_dictionary
from ..data.settings import DEFAULTS, sources_from

logger = logging.getLogger(__name__)
FAMILY_PAGES_DIR = "families"
SEARCH_DICTIONARY = "cnplm-search.dict"
DIGESTS_FILE = "cnplm-digests.json"  # in the doctree folder: what the last build that finished showed
CATEGORY_PAGES_DIR = "categories"


@dataclass(frozen=True)
class LoadedCatalog:
    catalog: Catalog
    problems: tuple[Problem, ...]
    digests: dict[str, str]
    fingerprint: tuple
    bibtex: BibtexTexts  # written once per entry, shared by the pages and the exports of this process


@dataclass(frozen=True)
class InputState:
    """What a build keeps in the environment about its inputs, for the next build."""

    files: dict[str, str | None]  # input path -> digest of its content (None: missing)
    problems: tuple[Problem, ...]
    family_ids: tuple[str, ...]
    category_ids: tuple[str, ...] = ()

    @property
    def digest(self) -> str:
        return hashlib.sha1(repr(sorted(self.files.items())).encode("utf-8")).hexdigest()


# srcdir -> the catalogue of the build in this process (forked parallel workers inherit it)
_LOADED: dict[str, LoadedCatalog] = {}
# srcdir -> the inputs of this build, when they are those of the previous build (nothing loaded yet)
_UNCHANGED: dict[str, CatalogSources] = {}
# srcdir -> the input state of this build
_INPUTS: dict[str, InputState] = {}


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


def file_digests(sources: CatalogSources) -> dict[str, str | None]:
    digests: dict[str, str | None] = {}
    for path in sources.all_paths():
        try:
            digests[str(path)] = hashlib.sha1(path.read_bytes()).hexdigest()
        except OSError:
            digests[str(path)] = None
    return digests


def load(sources: CatalogSources, previous: LoadedCatalog | None, cache: Path | None = None) -> LoadedCatalog:
    """The catalogue (``previous`` when no input changed); ``cache``: the doctree folder, where the
    parsed .bib database and cards are kept between builds."""
    current = fingerprint(sources)
    if previous is not None and previous.fingerprint == current:
        return previous
    catalog, problems = load_catalog(sources, cache)
    return LoadedCatalog(catalog, tuple(problems), object_digests(catalog), current, BibtexTexts(catalog))


def catalog_of(env: BuildEnvironment) -> Catalog:
    return loaded_for(str(env.srcdir)).catalog


def bibtex_of(env: BuildEnvironment) -> BibtexTexts:
    return loaded_for(str(env.srcdir)).bibtex


def loaded_for(srcdir: str) -> LoadedCatalog:
    """The catalogue of the build, parsed now if the build had not needed it so far."""
    if srcdir not in _LOADED:
        _LOADED[srcdir] = load(_UNCHANGED.pop(srcdir), None)
    return _LOADED[srcdir]


def inputs_unchanged(env: BuildEnvironment) -> bool:
    """No input changed since the last build (and the catalogue has not been parsed)."""
    return str(env.srcdir) in _UNCHANGED


def inputs_of(app: Sphinx) -> InputState:
    return _INPUTS[str(app.srcdir)]


def family_docname(family_id: str) -> str:
    return f"{FAMILY_PAGES_DIR}/{family_id}"


def category_docname(category_id: str) -> str:
    return f"{CATEGORY_PAGES_DIR}/{category_id}"


def on_builder_inited(app: Sphinx) -> None:
    note_builder(app)
    srcdir = str(app.srcdir)
    sources = sources_from({name: app.config[name] for name in DEFAULTS}, Path(app.confdir))
    files = file_digests(sources)
    domain = app.env.get_domain("plm")
    previous: InputState | None = domain.data.get("inputs")
    _UNCHANGED.pop(srcdir, None)
    committed = committed_state(app)
    if previous is not None and previous.files == files and srcdir not in _LOADED \
            and committed is not None and committed.get("inputs") == previous.digest \
            and stubs_present(app, previous) and search_dictionary_ready(app):
        _UNCHANGED[srcdir] = sources
        state = previous
    else:
        loaded = load(sources, _LOADED.get(srcdir), Path(app.doctreedir))
        _LOADED[srcdir] = loaded
        seed_bibtex(Path(app.doctreedir), loaded)
        state = InputState(files, loaded.problems, tuple(loaded.catalog.families), tuple(loaded.catalog.categories))
        write_family_pages(loaded.catalog, Path(app.srcdir) / FAMILY_PAGES_DIR)
        write_category_pages(loaded.catalog, Path(app.srcdir) / CATEGORY_PAGES_DIR)
        write_search_dictionary(app, loaded.catalog)
    _INPUTS[srcdir] = state
    domain.data["inputs"] = state
    for problem in state.problems:
        logger.warning(problem.message, location=problem.location, type="plm", subtype="data")


def stubs_present(app: Sphinx, state: InputState) -> bool:
    """The generated family and category pages are still there (a clean of the source tree removes them)."""
    srcdir = Path(app.srcdir)
    return all((srcdir / FAMILY_PAGES_DIR / f"{family_id}.rst").exists() for family_id in state.family_ids) \
        and all((srcdir / CATEGORY_PAGES_DIR / f"{category}.rst").exists() for category in state.category_ids)


def search_dictionary(app: Sphinx) -> Path:
    return Path(app.doctreedir) / SEARCH_DICTIONARY


def ours(app: Sphinx) -> bool:
    """Search uses the dictionary this extension writes (conf.py names none of its own)."""
    return app.config.html_search_options.get("dict") == str(search_dictionary(app))


def search_dictionary_ready(app: Sphinx) -> bool:
    return not ours(app) or search_dictionary(app).exists()


def on_config_inited(app: Sphinx, config) -> None:
    """Config values the extension adds are set here, the same in every run (set any later, they
    would differ from the pickled configuration and every rebuild would say the configuration changed)."""
    static = str(Path(__file__).parent.parent / "static")
    if static not in config.html_static_path:
        config.html_static_path.append(static)
    if "dict" not in config.html_search_options:  # the catalogue's names, unless conf.py names a dictionary
        config.html_search_options["dict"] = str(search_dictionary(app))


def write_search_dictionary(app: Sphinx, catalog: Catalog) -> None:
    """jieba user dictionary of the catalogue's Chinese names, where on_config_inited pointed search."""
    if not ours(app):
        return
    path = search_dictionary(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = user_dictionary(catalog)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def committed_state(app: Sphinx) -> dict | None:
    """What the last build that finished writing showed: {"inputs": digest, "digests": {key: digest}};
    None when there is none (never built, or interrupted before its end)."""
    try:
        data = json.loads((Path(app.doctreedir) / DIGESTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("digests"), dict) else None


def commit_digests(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: the pages are written, so what they show becomes the reference of the next build.
    An interrupted build never gets here. A build that did not load the catalogue had nothing new."""
    srcdir = str(app.srcdir)
    if exception is not None or srcdir not in _LOADED or srcdir not in _INPUTS:
        return
    path = Path(app.doctreedir) / DIGESTS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    state = {"inputs": _INPUTS[srcdir].digest, "digests": _LOADED[srcdir].digests}
    temporary.write_text(json.dumps(state, sort_keys=True), encoding="utf-8")
    temporary.replace(path)


def on_env_get_outdated(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Pages to re-read because something they show changed in a card, registry, log or .bib."""
    if inputs_unchanged(env):
        return []  # no input changed since the last build: no page shows anything new
    loaded = _LOADED[str(env.srcdir)]
    domain = env.get_domain("plm")
    committed = committed_state(app)
    keys = set(loaded.digests) if committed is None else changed_keys(committed["digests"], loaded.digests)
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


def on_env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Pages will be read: parse the catalogue now, once, before parallel readers fork."""
    if docnames:
        loaded_for(str(env.srcdir))


# srcdir -> the name of the builder of this build (directives that differ per builder read it)
_BUILDERS: dict[str, str] = {}


def note_builder(app: Sphinx) -> None:
    _BUILDERS[str(app.srcdir)] = app.builder.name


def builder_name(env: BuildEnvironment) -> str:
    return _BUILDERS.get(str(env.srcdir), "")
