"""Late rendering: download links per builder, rel="noopener" on every external link."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from .directives.cite import download_link


def resolve_download_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: a link to the exported file in HTML builders, its name as text elsewhere."""
    builder = app.builder
    html = builder.format == "html" and builder.name != "epub"
    for node in list(doctree.findall(download_link)):
        if html:
            uri = relative_uri(builder.get_target_uri(docname), node["target"])
            replacement = nodes.reference(node.astext(), node.astext(), refuri=uri,
                                          classes=["plm-download"], internal=True)
        else:
            replacement = nodes.literal(node.astext(), node.astext())
        node.replace_self(replacement)


class ExternalLinksNoopener(SphinxPostTransform):
    """Every link that leaves the site gets rel="noopener"."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in self.document.findall(nodes.reference):
            uri = node.get("refuri", "")
            if uri.startswith(("http://", "https://")) and not node.get("internal"):
                node["rel"] = "noopener"
