"""``.. plm-index:: organisation|domain|size|framework|kind|licence|year``: one section per group, with the group's model
count and links to the families that have models in it (the per-model listing is the explorer's)."""

from __future__ import annotations

from docutils import nodes

from ...data.summaries import INDEXES, IndexGroup
from ..digests import object_key, view_key
from ..render import external_link, joined, para, section, xref
from .base import CatalogDirective
from .organisation import organisation_summary

ANCHOR_PREFIXES = {"organisation": "org", "domain": "domain", "size": "size", "framework": "framework",
                   "kind": "kind", "licence": "licence", "year": "year"}


class IndexDirective(CatalogDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        grouping = INDEXES.get(name)
        if grouping is None:
            return self.warn(f"unknown index {name!r}; known: {', '.join(INDEXES)}")
        scope = {view_key("index", name)}
        if name == "organisation":  # its sections also show each organisation's aliases
            scope |= {object_key("organisation", o) for o in self.catalog.organisations}
        self.plm_domain.note_aggregate(scope)
        return [self.group_section(name, group) for group in grouping(self.catalog)]

    def group_section(self, name: str, group: IndexGroup) -> nodes.section:
        anchor = f"{ANCHOR_PREFIXES[name]}-{group.key}"
        node = section(anchor, group.title)
        if name == "organisation":
            self.located(node)
            self.plm_domain.note_object("organisation", group.key, anchor, group.title, node)
        organisation = self.catalog.organisations.get(group.key) if name == "organisation" else None
        if organisation:
            node.extend(organisation_summary(organisation))
        elif group.url:
            node += para(external_link(group.url, group.url))
        node += para(f"{group.models} 个模型 models · {len(group.families)} 个系列 families",
                     classes=["plm-count"])
        if group.families:
            links = (nodes.inline("", "", xref("family", f.id, f.title), nodes.Text(f" ({f.models})"))
                     for f in group.families)
            node += para(*joined(links, " · "), classes=["plm-family-links"])
        return node
