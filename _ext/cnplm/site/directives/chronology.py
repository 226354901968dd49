"""``.. plm-chronology::`` (the update log by year and month) and ``.. plm-paper-timeline::``."""

from __future__ import annotations

from itertools import groupby

from docutils import nodes
from docutils.parsers.rst import directives

from ...data.catalog import UpdateEntry
from ..digests import view_key
from ...export.outputs import FEED_PATH
from ..render import Inline, bullet_list, external_link, joined, para, section, xref
from .base import CatalogDirective
from .cite import download_link


class ChronologyDirective(CatalogDirective):
    """Every log entry, newest first, in year and month sections; ``:latest: N`` gives a flat list."""

    option_spec = {"latest": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate({view_key("updates")})
        entries = self.catalog.updates
        self.models = self.catalog.models
        if "latest" in self.options:
            return [bullet_list([self.entry(e) for e in entries[: self.options["latest"]]],
                                classes=["plm-chronology"])]
        result: list[nodes.Node] = []
        if self.config.html_baseurl:  # the build writes the feed only for a site with a canonical URL
            result.append(para("订阅更新 Follow new models (Atom): ",
                               download_link(FEED_PATH, FEED_PATH, target=FEED_PATH), classes=["plm-feed"]))
        for year, in_year in groupby(entries, key=lambda e: e.date.year):
            year_section = section(f"log-{year}", f"{year} 年")
            for month, in_month in groupby(in_year, key=lambda e: e.date.month):
                items = [self.entry(entry) for entry in in_month]
                year_section += section(f"log-{year}-{month:02d}", f"{year} 年 {month} 月",
                                        bullet_list(items, classes=["plm-chronology"]))
            result.append(year_section)
        return result

    def entry(self, entry: UpdateEntry) -> list[Inline]:
        parts: list[Inline] = [nodes.strong(entry.date.isoformat(), entry.date.isoformat()), " ", entry.text]
        families = [self.family_ref(self.catalog.families[f]) for f in entry.families]
        if families:
            parts += [" — 系列 Families: ", *joined(families)]
        models = [self.models[m] for m in entry.models]
        if models:
            parts += [" · 模型 Models: ", *joined([xref("model", m.id, self.catalog.family_of(m).model_label(m))
                                                         for m in models])]
        for link in entry.links:
            parts += [" · ", external_link(link.label, link.url)]
        if entry.correction:
            parts += [nodes.emphasis("", f" （勘误 Correction: {entry.correction}）")]
        return parts


class PaperTimelineDirective(CatalogDirective):
    """Papers of the database by publication year, each with the families that cite it."""

    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate({view_key("papers")})
        papers = sorted(self.catalog.bibliography.papers.values(), key=lambda p: (p.year, p.label))
        result = nodes.definition_list(classes=["plm-timeline"])
        for year, in_year in groupby(papers, key=lambda p: p.year):
            item = nodes.definition_list_item()
            item += nodes.term(year, year)
            body = nodes.definition()
            lines = []
            for paper in in_year:
                families = [self.family_ref(f) for f in self.catalog.families_citing(paper.key)]
                cited_by = [" — ", *joined(families)] if families else []
                lines.append([xref("paper", paper.key), f" {paper.title}", *cited_by])
            body += bullet_list(lines)
            item += body
            result += item
        return [result]
