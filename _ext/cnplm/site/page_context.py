"""What each HTML page gets beyond its body: the explorer's script where the explorer is, and
the data's date (the newest log entry) and the list snapshot it follows, for the footer."""

from __future__ import annotations

import posixpath

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..data.freshness import data_date
from .directives.explorer import has_explorer
from .state import catalog_of, inputs_unchanged


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if has_explorer(doctree):
        app.add_js_file("cnplm-explorer.js", loading_method="defer")
    newest = getattr(app.env, "cnplm_data_date", None)
    context["plm_data_date"] = newest.isoformat() if newest else ""
    context["plm_list_snapshot"] = app.config.cnplm_list_snapshot


def on_env_get_outdated_freshness(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Every page shows the data's date in its footer: when it moves, every page is written again.

    The date is kept in the environment, so a build whose inputs did not change never parses the
    catalogue for it.
    """
    if inputs_unchanged(env) and hasattr(env, "cnplm_data_date"):
        return []
    newest = data_date(catalog_of(env))
    previous = getattr(env, "cnplm_data_date", newest)
    env.cnplm_data_date = newest
    if previous == newest:
        return []
    return sorted(set(env.found_docs) - set(added) - set(removed))


# The sidebar lists documents, never their sections (the theme asks for titles only), and its
# documents are at most this deep. The theme asks for the whole tree (maxdepth -1), which makes
# Sphinx copy every section of every aggregate page for every page written: O(pages x sections).
NAVIGATION_DEPTH = 2


def bounded_navigation(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Give the theme a ``toctree`` that stops at ``NAVIGATION_DEPTH`` (connected before the theme).

    A page in no toctree (every family page) marks nothing in the navigation as current, so its
    navigation is that of every other such page of its folder: it is made once per folder and build
    (making it was a sixth of a cold build at 10x, most of it rendering the tree's HTML again).
    """
    toctree = context.get("toctree")
    if toctree is None:
        return
    shared = pagename not in documents_in_toctrees(app)

    def bounded(**options):
        depth = int(options.get("maxdepth", -1))
        options["maxdepth"] = NAVIGATION_DEPTH if depth <= 0 else min(depth, NAVIGATION_DEPTH)
        if not shared:
            return toctree(**options)
        key = (posixpath.dirname(pagename), tuple(sorted(options.items())))
        cache = navigation_cache(app)
        if key not in cache:
            cache[key] = toctree(**options)
        return cache[key]
    context["toctree"] = bounded


def navigation_cache(app: Sphinx) -> dict:
    """This build's navigation of the pages in no toctree, by folder and options."""
    if not hasattr(app.builder, "cnplm_navigation"):
        app.builder.cnplm_navigation = {}
    return app.builder.cnplm_navigation


def documents_in_toctrees(app: Sphinx) -> set[str]:
    """The root document and every document some toctree includes (computed once per build)."""
    if not hasattr(app.builder, "cnplm_in_toctrees"):
        env = app.env
        app.builder.cnplm_in_toctrees = {env.config.root_doc}.union(*env.toctree_includes.values())
    return app.builder.cnplm_in_toctrees


def forget_navigation(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: a new build may have changed the toctrees, so the shared navigation is made again."""
    for name in ("cnplm_navigation", "cnplm_in_toctrees"):
        if hasattr(app.builder, name):
            delattr(app.builder, name)
