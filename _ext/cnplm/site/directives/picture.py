"""``.. plm-picture:: timeline|sizes|organisations``: a picture of the field with alt text and a
caption giving the data's date (the SVG for HTML and EPUB, the PDF for LaTeX)."""

from __future__ import annotations

from docutils import nodes

from ...data.freshness import data_date
from ...export.pictures import PICTURES, alt_text, picture_data
from ..pictures import PICTURES_DIR
from .base import CatalogDirective


class PictureDirective(CatalogDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in PICTURES:
            return self.warn(f"unknown picture {name!r}; known: {', '.join(PICTURES)}")
        data = picture_data(self.catalog, name)
        image = nodes.image(uri=f"/{PICTURES_DIR}/{name}.*", alt=alt_text(name, data), classes=["plm-picture"])
        newest = data_date(self.catalog)
        caption = PICTURES[name] + (f" · 数据截至 Data as of {newest.isoformat()}" if newest else "")
        figure = nodes.figure("", image, nodes.caption(caption, caption), ids=[f"picture-{name}"],
                              classes=["plm-figure"])
        self.located(figure)
        return [figure]
