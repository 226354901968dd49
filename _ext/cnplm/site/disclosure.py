"""A block folded under its title: ``<details>``/``<summary>`` in HTML, the title and body elsewhere.

The cite blocks were sphinx-design dropdowns; that extension's post-transforms walk every document
of the site once each (a twentieth of a cold build at 10x) for the one component used here.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


class disclosure(nodes.container):  # noqa: N801 (docutils node naming)
    """Its first child is the title (a rubric); other builders render it as a container."""


def folded(title: str, classes: Sequence[str] = ()) -> disclosure:
    node = disclosure(classes=list(classes))
    node += nodes.rubric(title, title)
    return node


def visit_disclosure_html(self: HTML5Translator, node: disclosure) -> None:
    title, *body = node.children
    self.body.append(self.starttag(node, "details"))
    self.body.append(f'<summary class="plm-summary">{self.encode(title.astext())}</summary>\n')
    for child in body:
        child.walkabout(self)
    self.body.append("</details>\n")
    raise nodes.SkipNode


def depart_disclosure_html(self: HTML5Translator, node: disclosure) -> None:
    """Not reached: the visit renders the whole node."""


def register(app: Sphinx) -> None:
    app.add_node(disclosure, html=(visit_disclosure_html, depart_disclosure_html))
