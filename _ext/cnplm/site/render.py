"""Small builders of docutils nodes shared by the directives (text is always escaped by docutils)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx import addnodes

from ..data.catalog import FRAMEWORKS, LINK_KINDS, ModelVariant
from ..data.hosts import host_of
from ..data.summaries import format_parameters

DOMAIN = "plm"
Inline = nodes.Node | str


def text_nodes(*parts: Inline) -> list[nodes.Node]:
    return [nodes.Text(part) if isinstance(part, str) else part for part in parts]


def external_link(text: str, url: str) -> nodes.reference:
    """A link to an http(s) URL (URLs are validated in the data layer) with rel=noopener."""
    return nodes.reference(text, text, refuri=url, rel="noopener", classes=["plm-external"])


def xref(reftype: str, target: str, text: str = "") -> addnodes.pending_xref:
    """A reference to a catalogue object, resolved by the plm domain once all pages are read.

    Marked as generated: the directive that made it declares what its page depends on (its scope),
    so the reference itself does not make the page depend on the whole object (domain.collect_xrefs).
    """
    node = addnodes.pending_xref(
        "", refdomain=DOMAIN, reftype=reftype, reftarget=target, refexplicit=bool(text), refwarn=True,
        plm_generated=True,
    )
    node += nodes.inline(text or target, text or target, classes=["xref", f"plm-{reftype}"])
    return node


def doc_link(docname: str, text: str) -> addnodes.pending_xref:
    """A link to a page of the site by its docname (from the source root)."""
    node = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget=f"/{docname}",
                                 refexplicit=True, refwarn=True)
    node += nodes.inline(text, text)
    return node


def para(*parts: Inline, classes: Sequence[str] = ()) -> nodes.paragraph:
    node = nodes.paragraph(classes=list(classes))
    node.extend(text_nodes(*parts))
    return node


def joined(items: Iterable[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for item in items:
        if result:
            result.append(nodes.Text(separator))
        result.append(item)
    return result


def bullet_list(items: Iterable[Sequence[Inline] | nodes.Node], classes: Sequence[str] = ()) -> nodes.bullet_list:
    node = nodes.bullet_list(classes=list(classes))
    for item in items:
        entry = nodes.list_item()
        entry += item if isinstance(item, nodes.Element) and not isinstance(item, nodes.Inline) else para(*item)
        node += entry
    return node


# Sphinx leaves an element with this class out of the search index: labels every model repeats
# ("参数量 Parameters"), BibTeX and code snippets would match every page and made half of its words.
NO_SEARCH = "no-search"


def field_list(fields: Iterable[tuple[str, Sequence[Inline]]]) -> nodes.field_list:
    """Fields whose names stay out of the search index (their values are indexed)."""
    node = nodes.field_list(classes=["plm-fields"])
    for name, body in fields:
        field = nodes.field()
        field += nodes.field_name(name, name, classes=[NO_SEARCH])
        value = nodes.field_body()
        value += para(*body)
        field += value
        node += field
    return node


def table(headers: Sequence[str], rows: Iterable[Sequence[Sequence[Inline] | nodes.Element]],
          classes: Sequence[str] = ()) -> nodes.table:
    """A real docutils table (every builder renders it); cells are inline parts or a block node."""
    node = nodes.table(classes=["plm-table", *classes])
    group = nodes.tgroup(cols=len(headers))
    node += group
    for _ in headers:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    head += row_node([[header] for header in headers])
    group += head
    body = nodes.tbody()
    for row in rows:
        body += row_node(row)
    group += body
    return node


def without_empty_columns(headers: Sequence[str], rows: Sequence[Sequence]) -> tuple[list[str], list[list]]:
    """Headers and rows without the columns that are empty in every row (they say nothing)."""
    shown = [i for i in range(len(headers)) if any(row[i] for row in rows)] or list(range(len(headers)))
    return [headers[i] for i in shown], [[row[i] for i in shown] for row in rows]


def row_node(cells: Sequence[Sequence[Inline] | nodes.Element]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, nodes.Element):
            entry += cell
        elif cell:
            entry += para(*cell)
        row += entry
    return row


def section(section_id: str, title: str, *children: nodes.Node) -> nodes.section:
    node = nodes.section(ids=[section_id])
    node += nodes.title(title, title)
    node.extend(children)
    return node


def size_text(model: ModelVariant) -> str:
    parts = [model.size or ""]
    if model.layers:
        parts.append(f"L{model.layers}")
    if model.parameters:
        parts.append(format_parameters(model.parameters))
    if model.active_parameters:
        parts.append(f"激活 {format_parameters(model.active_parameters)}")
    return " · ".join(part for part in parts if part)


def download_items(model: ModelVariant) -> list[list[Inline]]:
    """One line per link: framework, host link, extraction code, remarks."""
    items = []
    for link in model.links:
        host = host_of(link.url)
        prefix = FRAMEWORKS.get(link.framework or "", LINK_KINDS[link.kind])
        text = link.label if link.label.lower() != host.en.lower() else host.en
        parts: list[Inline] = [f"{prefix}: ", external_link(text, link.url)]
        if host.id != "other" and text not in (host.zh, host.en):
            parts.append(f" ({host.zh})" if host.zh == host.en else f" ({host.zh} / {host.en})")
        if link.code:
            parts.append(f" 提取码 code: {link.code}")
        if link.remarks:
            parts.append(f" — {link.remarks}")
        items.append(parts)
    return items
