"""Directives of the home and category pages: ``plm-stats`` and ``plm-families``."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from ...data.catalog import CATEGORIES
from ..digests import object_key
from ...export.outputs import ALL_BIB_PATH, CATALOG_JSON_PATH, family_bib_path
from ..render import bullet_list, para, table
from .base import CatalogDirective, category_label, family_docname
from .cite import download_link


class StatsDirective(CatalogDirective):
    """Counts of the catalogue, overall and per category."""

    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate()
        catalog = self.catalog
        models = catalog.models
        summary = para(
            f"{len(catalog.families)} 个模型系列 families · {len(models)} 个模型 models · "
            f"{len(catalog.bibliography.papers)} 篇论文与博客 papers and posts · "
            f"{len(catalog.organisations)} 个机构 organisations · {len(catalog.updates)} 条更新 log entries",
            classes=["plm-stats"],
        )
        rows = []
        for category in CATEGORIES:
            families = [f for f in catalog.families.values() if f.category == category]
            if families:
                count = sum(len(f.models) for f in families)
                rows.append([[category_label(category)], [str(len(families))], [str(count)]])
        return [summary, table(["类别 Category", "系列 Families", "模型 Models"], rows)]


class FamiliesDirective(CatalogDirective):
    """The toctree of a category's family pages (all families without ``:category:``)."""

    option_spec = {"category": directives.unchanged, "maxdepth": directives.nonnegative_int}

    def run(self) -> list[nodes.Node]:
        category = self.options.get("category")
        self.plm_domain.note_aggregate({object_key("category", category)} if category else None)
        if category and category not in CATEGORIES:
            return self.warn(f"unknown category {category!r}; known: {', '.join(CATEGORIES)}")
        families = sorted(
            (f for f in self.catalog.families.values() if not category or f.category == category),
            key=lambda f: f.name.lower(),
        )
        docnames = [family_docname(f.id) for f in families]
        toctree = addnodes.toctree(
            parent=self.env.docname,
            entries=[(None, docname) for docname in docnames],
            includefiles=docnames,
            maxdepth=self.options.get("maxdepth", 1),
            caption=category_label(category) if category else None,
            glob=False,
            hidden=False,
            includehidden=False,
            numbered=0,
            titlesonly=True,
        )
        self.set_source_info(toctree)
        wrapper = nodes.compound(classes=["toctree-wrapper"])
        wrapper += toctree
        return [wrapper]


class DownloadsDirective(CatalogDirective):
    """Links to every file the build exports: catalog.json, all.bib and one .bib per family."""

    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate()
        items = [
            [download_link("catalog.json", "catalog.json", target=CATALOG_JSON_PATH),
             " — 全部数据 the whole catalogue as JSON (schema: catalog.schema.json)"],
            [download_link("all.bib", "all.bib", target=ALL_BIB_PATH), " — 全部论文与模型条目 every paper and model"],
        ]
        for family in sorted(self.catalog.families.values(), key=lambda f: f.name.lower()):
            name = f"{family.id}.bib"
            items.append([download_link(name, name, target=family_bib_path(family)), f" — {family.title}"])
        return [bullet_list(items, classes=["plm-downloads"])]
