"""``.. plm-explorer::``: the model explorer, filled in the browser from explorer.json.

The page holds no model itself (it would be re-read on every card edit and grow with the
catalogue); without JavaScript it points to the category pages' tables and to the data files.
"""

from __future__ import annotations

from docutils import nodes

from ...export.explorer_json import EXPLORER_JSON_PATH
from ...export.outputs import CATALOG_JSON_PATH
from ..render import doc_link, joined, para
from .base import CatalogDirective
from .cite import download_link

EXPLORER_CLASS = "plm-explorer"


class ExplorerDirective(CatalogDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        container = nodes.container(ids=[EXPLORER_CLASS], classes=[EXPLORER_CLASS])
        categories = joined(doc_link(f"categories/{key}", category.label)
                            for key, category in self.catalog.categories.items()
                            if f"categories/{key}" in self.env.found_docs)
        container += para("模型浏览器需要 JavaScript。The explorer needs JavaScript. "
                          "没有 JavaScript 时 Without it: 各类别的系列表 the categories' tables: ", *categories,
                          classes=["plm-explorer-fallback"])
        container += para("全部模型的数据 Every model as data: ",
                          download_link(EXPLORER_JSON_PATH, EXPLORER_JSON_PATH, target=EXPLORER_JSON_PATH), " · ",
                          download_link(CATALOG_JSON_PATH, CATALOG_JSON_PATH, target=CATALOG_JSON_PATH),
                          classes=["plm-explorer-fallback"])
        return [container]


def has_explorer(doctree: nodes.document | None) -> bool:
    return doctree is not None and any(
        EXPLORER_CLASS in node["classes"] for node in doctree.findall(nodes.container))
