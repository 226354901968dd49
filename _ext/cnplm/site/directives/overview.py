"""Directives of the home and category pages: ``plm-stats``, ``plm-families`` and ``plm-downloads``."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ...data.summaries import FamilySummary, catalogue_counts, category_counts, category_families
from ...export.outputs import ALL_BIB_PATH, ALL_BIBLATEX_PATH, CATALOG_JSON_PATH, family_bib_path
from ..digests import view_key
from ..state import builder_name
from ..render import Inline, bullet_list, doc_link, joined, para, table, xref
from .base import CatalogDirective, family_docname, toctree_node
from .cite import download_link

# Builders that inline every toctree into one document: the family pages must be in a toctree there.
SINGLE_DOCUMENT_BUILDERS = frozenset({"latex", "texinfo", "singlehtml"})

# The page listing every model (built by the explorer); linked from the summaries when it exists.
EXPLORER_DOC = "explorer"


class StatsDirective(CatalogDirective):
    """Counts of the catalogue, overall and per category."""

    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate({view_key("stats")})
        families, models, papers, organisations, updates = catalogue_counts(self.catalog)
        summary = para(
            f"{families} 个模型系列 families · {models} 个模型 models · "
            f"{papers} 篇论文与博客 papers and posts · "
            f"{organisations} 个机构 organisations · {updates} 条更新 log entries",
            classes=["plm-stats"],
        )
        rows = [[[self.category_label(category)], [str(count)], [str(models)]]
                for category, count, models in category_counts(self.catalog)]
        return [summary, table(["类别 Category", "系列 Families", "模型 Models"], rows)]


class FamiliesDirective(CatalogDirective):
    """A category's families (all families without ``:category:``): one summary row each, a link to
    each family page, and a link to the explorer for the full per-model listing.

    Family pages are in no toctree (their stubs are orphans), so the sidebar of every page stays the
    size of the categories and indexes, whatever the size of the catalogue.
    """

    option_spec = {"category": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        category = self.options.get("category")
        if category and category not in self.catalog.categories:
            return self.warn(f"unknown category {category!r}; known: {', '.join(self.catalog.categories)}")
        self.plm_domain.note_aggregate({view_key("families", category or "*")})
        target = nodes.target("", "", ids=[f"families-{category or 'all'}"])
        if category:
            self.plm_domain.note_category_page(category, target["ids"][0])
        summaries = category_families(self.catalog, category)
        if not summaries:
            return [target, para("（暂无模型系列 No family yet.）")]
        headers = ["系列 Family", "模型数 Models", "规模 Sizes", "机构 Organisations"]
        rows = [self.row(summary) for summary in summaries]
        models = sum(summary.models for summary in summaries)
        count = para(f"{len(summaries)} 个模型系列 families · {models} 个模型 models", classes=["plm-count"])
        result = [target, count, table(headers, rows, classes=["plm-families"]), *self.explorer_link()]
        if category and builder_name(self.env) in SINGLE_DOCUMENT_BUILDERS:
            result.append(self.family_toctree([summary.id for summary in summaries]))
        return result

    def family_toctree(self, family_ids: list[str]) -> nodes.compound:
        """A hidden toctree of the category's families, only in builders that make one document (the
        PDF): there the family pages follow their category; in HTML they stay orphans."""
        return toctree_node(self, [family_docname(family_id) for family_id in family_ids], hidden=True)

    def row(self, summary: FamilySummary) -> list[list[Inline]]:
        organisations = joined(xref("organisation", o, display) for o, display in summary.organisations)
        return [[xref("family", summary.id, summary.title)], [str(summary.models)], [summary.sizes], organisations]

    def explorer_link(self) -> list[nodes.Node]:
        if EXPLORER_DOC not in self.env.found_docs:
            return []
        link = doc_link(EXPLORER_DOC, "模型浏览器 Model explorer")
        return [para("逐个模型的对比（排序、筛选）见 Every model, sortable and filterable: ", link,
                     classes=["plm-explorer-link"])]


class DownloadsDirective(CatalogDirective):
    """Links to every file the build exports: catalog.json, all.bib and one .bib per family."""

    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate({view_key("downloads")})
        items = [
            [download_link("catalog.json", "catalog.json", target=CATALOG_JSON_PATH),
             " — 全部数据 the whole catalogue as JSON (schema: catalog.schema.json)"],
            [download_link("all.bib", "all.bib", target=ALL_BIB_PATH), " — 全部论文与模型条目 every paper and model"],
            [download_link("all-biblatex.bib", "all-biblatex.bib", target=ALL_BIBLATEX_PATH),
             " — 同上，biblatex 格式 the same for biblatex + biber"],
        ]
        for family in sorted(self.catalog.families.values(), key=lambda f: f.name.lower()):
            name = f"{family.id}.bib"
            items.append([download_link(name, name, target=family_bib_path(family)), f" — {family.title}"])
        return [bullet_list(items, classes=["plm-downloads"])]
