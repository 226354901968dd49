"""What every catalogue directive shares: the catalogue, the domain, labels of registry items."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ...data.catalog import Catalog, Family, ModelVariant
from ..domain import PLMDomain
from ..render import Inline, xref
from ...export.bibtex_texts import BibtexTexts
from ..state import bibtex_of, catalog_of, family_docname


class CatalogDirective(SphinxDirective):
    @property
    def catalog(self) -> Catalog:
        return catalog_of(self.env)

    @property
    def bibtex(self) -> BibtexTexts:
        return bibtex_of(self.env)

    @property
    def plm_domain(self) -> PLMDomain:
        return self.env.get_domain("plm")  # type: ignore[return-value]

    def organisation_ref(self, organisation_id: str, short: bool = False) -> Inline:
        """Link to the organisation: Chinese and English name, or only the Chinese one in table cells."""
        organisation = self.catalog.organisations.get(organisation_id)
        if organisation is None:  # reported at the card's line already: plain text, no dangling link
            return nodes.Text(organisation_id)
        return xref("organisation", organisation_id, organisation.short_name if short else organisation.display_name)

    def domain_label(self, model: ModelVariant) -> str:
        domain = self.catalog.domains.get(model.domain)
        return domain.display if domain else model.domain

    def family_ref(self, family: Family) -> Inline:
        return xref("family", family.id, family.title)

    def model_ref(self, model: ModelVariant) -> Inline:
        return xref("model", model.id, model.name)

    def category_label(self, category_id: str) -> str:
        return self.catalog.category_label(category_id)

    def located(self, node: nodes.Element) -> nodes.Element:
        node.source, node.line = self.get_source_info()
        return node

    def warn(self, message: str) -> list[nodes.Node]:
        """A problem in the directive's own arguments (not in the data): warn at its line."""
        return [self.state.document.reporter.warning(message, line=self.lineno)]


def toctree_node(directive: SphinxDirective, docnames: list[str], caption: str | None = None, hidden: bool = False,
                 maxdepth: int = 1, titlesonly: bool = False) -> nodes.compound:
    """A toctree built from data (as the toctree directive builds it), so navigation follows the catalogue."""
    toctree = addnodes.toctree(
        parent=directive.env.docname,
        entries=[(None, docname) for docname in docnames],
        includefiles=docnames,
        maxdepth=maxdepth,
        caption=caption,
        glob=False,
        hidden=hidden,
        includehidden=False,
        numbered=0,
        titlesonly=titlesonly,
    )
    directive.set_source_info(toctree)
    wrapper = nodes.compound(classes=["toctree-wrapper"])
    wrapper += toctree
    return wrapper


__all__ = ["CatalogDirective", "family_docname", "toctree_node"]
