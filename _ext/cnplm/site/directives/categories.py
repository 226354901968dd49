"""``.. plm-category:: ID`` (a category's generated page) and ``.. plm-categories::`` (the list of
categories, with their pages in the navigation), both from the category registry."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ...data.catalog import Category
from ...data.summaries import category_counts
from ..digests import view_key
from ..render import bullet_list, para, section, xref
from ..state import category_docname
from .base import CatalogDirective, toctree_node
from .overview import FamiliesDirective


class CategoryDirective(FamiliesDirective):
    """A category's page: the registry's description, then the category's families."""

    required_arguments = 1
    option_spec: dict = {}

    def run(self) -> list[nodes.Node]:
        category = self.catalog.categories.get(self.arguments[0])
        if category is None:
            return self.warn(f"unknown category {self.arguments[0]!r}; known: {', '.join(self.catalog.categories)}")
        self.plm_domain.note_aggregate({view_key("category", category.id)})
        self.options = {"category": category.id}
        page = section(f"category-page-{category.id}", category.label)
        self.located(page)
        page += para(category.description, classes=["plm-description"])
        page.extend(super().run())
        return [page]


class CategoriesDirective(CatalogDirective):
    """Every category of the registry with its description and counts; ``:toctree:`` also puts their
    pages into the navigation (a hidden toctree), in registry order."""

    option_spec = {"toctree": directives.flag, "caption": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate({view_key("categories")})
        counts = {category: (families, models) for category, families, models in category_counts(self.catalog)}
        items = [self.item(category, *counts.get(category.id, (0, 0))) for category in self.catalog.categories.values()]
        result: list[nodes.Node] = [bullet_list(items, classes=["plm-categories"])]
        if "toctree" in self.options:
            docnames = [category_docname(c) for c in self.catalog.categories]
            result.append(toctree_node(self, docnames, caption=self.options.get("caption"), hidden=True))
        return result

    @staticmethod
    def item(category: Category, families: int, models: int) -> list:
        return [xref("category", category.id, category.label), f" — {category.description} ",
                nodes.inline("", f"（{families} 个系列 families · {models} 个模型 models）", classes=["plm-count"])]
