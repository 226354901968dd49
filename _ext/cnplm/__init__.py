"""Knowledge base of Chinese pretrained language models: data layer and Sphinx extension.

The data layer (catalog, loading, bibliography, ...) imports no Sphinx; ``setup`` imports the
Sphinx side only when Sphinx loads the extension.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def quiet_jieba() -> None:
    """jieba logs its dictionary loading at DEBUG level to stderr, and its import of pkg_resources
    warns with setuptools >= 80 (pinned for the packaging test); keep build output clean."""
    import warnings

    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    try:
        import jieba
    except ImportError:
        return
    import logging

    jieba.setLogLevel(logging.WARNING)


def add_templates(app, config) -> None:
    """config-inited: the extension's page template (the data's date in the footer); set here, so
    the pickled and the fresh configuration agree."""
    from pathlib import Path

    templates = str(Path(__file__).parent / "templates")
    if templates not in config.templates_path:
        config.templates_path.append(templates)


def setup(app) -> dict[str, Any]:
    """Register the domain, directives, roles, events and static files; nothing else."""
    quiet_jieba()  # first: the modules below import jieba (through Sphinx's Chinese search)
    from .site.directives.categories import CategoriesDirective, CategoryDirective
    from .site.directives.entities import BenchmarksDirective, DatasetsDirective
    from .site.directives.chronology import ChronologyDirective, PaperTimelineDirective
    from .site.directives.explorer import ExplorerDirective
    from .site.directives.family import FamilyDirective
    from .site.directives.freshness import FreshnessDirective
    from .site.directives.picture import PictureDirective
    from .site.directives.indexes import IndexDirective
    from .site.directives.overview import DownloadsDirective, FamiliesDirective, StatsDirective
    from .site.directives.references import ReferencesDirective
    from .site.directives.table import TableDirective
    from .site.domain import ROLE_OBJECT_TYPES, PLMDomain, category_without_page, collect_xrefs, short_role
    from .site.exports import feed_link, on_build_finished
    from .site.pictures import draw_pictures
    from .site.page_context import (bounded_navigation, forget_navigation, on_env_get_outdated_freshness,
                                    on_html_page_context)
    from .site.search_language import CatalogueIndexEntriesOutOfSearch, ChineseSearch
    from .site.search_index import drop_words_without_pages
    from .site.stable_config import hide_later_changes, remember_configured, restore_later_changes
    from .data.settings import DEFAULTS
    from .site.state import (commit_digests, on_builder_inited, on_config_inited, on_env_before_read_docs,
                             on_env_get_outdated)
    from .site.disclosure import register as register_disclosure
    from .site.parallel_workers import freeze_before_forking, unfreeze_after_build
    from .site.transforms import ExternalLinksNoopener, resolve_download_links

    register_disclosure(app)
    for name, default in DEFAULTS.items():
        app.add_config_value(name, default, "env", types=frozenset({type(default)}))
    # the awesome list's snapshot the data follows: {"name", "url", "commit", "date"}, shown in the footer
    app.add_config_value("cnplm_list_snapshot", {}, "env", types=frozenset({dict}))
    app.add_domain(PLMDomain)
    for role in ROLE_OBJECT_TYPES:
        app.add_role(role, short_role(role))
    for name, directive in {
        "plm-family": FamilyDirective,
        "plm-category": CategoryDirective,
        "plm-categories": CategoriesDirective,
        "plm-datasets": DatasetsDirective,
        "plm-benchmarks": BenchmarksDirective,
        "plm-table": TableDirective,
        "plm-chronology": ChronologyDirective,
        "plm-paper-timeline": PaperTimelineDirective,
        "plm-references": ReferencesDirective,
        "plm-index": IndexDirective,
        "plm-stats": StatsDirective,
        "plm-families": FamiliesDirective,
        "plm-downloads": DownloadsDirective,
        "plm-explorer": ExplorerDirective,
        "plm-freshness": FreshnessDirective,
        "plm-picture": PictureDirective,
    }.items():
        app.add_directive(name, directive)
    app.add_post_transform(ExternalLinksNoopener)
    app.add_post_transform(CatalogueIndexEntriesOutOfSearch)
    app.add_search_language(ChineseSearch)
    app.connect("config-inited", on_config_inited)
    app.connect("config-inited", remember_configured, priority=999)
    app.connect("env-updated", hide_later_changes, priority=999)
    app.connect("write-started", restore_later_changes, priority=1)
    app.connect("build-finished", restore_later_changes, priority=1)
    app.connect("builder-inited", on_builder_inited)
    app.connect("builder-inited", draw_pictures)  # after the catalogue's inputs are known
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-get-outdated", on_env_get_outdated_freshness)
    app.connect("env-before-read-docs", on_env_before_read_docs)
    app.connect("doctree-read", collect_xrefs)
    app.connect("missing-reference", category_without_page)
    app.connect("doctree-resolved", resolve_download_links)
    app.connect("build-finished", on_build_finished)
    app.connect("env-before-read-docs", freeze_before_forking, priority=900)
    app.connect("write-started", freeze_before_forking, priority=900)
    app.connect("build-finished", unfreeze_after_build, priority=900)
    app.connect("html-page-context", feed_link)
    app.connect("build-finished", drop_words_without_pages)
    app.connect("build-finished", commit_digests, priority=900)  # after every page and export is written
    app.connect("html-page-context", on_html_page_context)
    app.connect("html-page-context", bounded_navigation, priority=100)  # before the theme's handler
    app.connect("env-updated", forget_navigation)
    app.connect("config-inited", add_templates)
    app.add_css_file("cnplm.css")
    app.add_js_file("cnplm-tables.js", loading_method="defer")
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
