"""Post-transforms: download links per builder, rel="noopener" on every external link."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from .directives.cite import download_link


class ResolveDownloadLinks(SphinxPostTransform):
    """A link to the exported file in HTML builders; the file name as text elsewhere."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        html = self.app.builder.format == "html" and self.app.builder.name not in ("epub",)
        for node in list(self.document.findall(download_link)):
            if html:
                base = self.app.builder.get_target_uri(self.env.docname)
                uri = relative_uri(base, node["target"])
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
