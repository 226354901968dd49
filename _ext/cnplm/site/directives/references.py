"""``.. plm-references::``: every paper of the BibTeX database, the canonical target of each."""

from __future__ import annotations

from docutils import nodes

from ..digests import view_key
from ..render import joined, para
from .base import CatalogDirective
from ..reference_entries import reference_nodes


def paper_target(key: str) -> str:
    return f"paper-{key}"


class ReferencesDirective(CatalogDirective):
    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate({view_key("papers")})
        papers = sorted(self.catalog.bibliography.papers.values(), key=lambda p: (p.label.lower(), p.year))
        entries = nodes.bullet_list(classes=["plm-bibliography"])
        for paper in papers:
            item = nodes.list_item()
            target = self.located(nodes.target("", "", ids=[paper_target(paper.key)]))
            self.plm_domain.note_object("paper", paper.key, paper_target(paper.key), paper.label, target)
            # the target node (not the item's ids) is what LaTeX labels: 0 undefined references in the PDF
            item += para(target, nodes.strong(f"[{paper.label}]", f"[{paper.label}]"), " ",
                         *reference_nodes(self.catalog.bibliography, paper.key))
            families = [self.family_ref(f) for f in self.catalog.families_citing(paper.key)]
            if families:
                item += para("被引用 Cited by: ", *joined(families), classes=["plm-cited-by"])
            item += para("BibTeX key: ", nodes.literal(paper.key, paper.key), classes=["plm-bibkey"])
            entries += item
        return [entries]
