"""The "Cite" dropdown of a family or model: BibTeX to copy, and a link to download it."""

from __future__ import annotations

from docutils import nodes
from sphinx_design.shared import create_component

from ...data.catalog import Family, ModelVariant
from ...export.bibtex_texts import BibtexTexts
from ...export.outputs import ALL_BIB_PATH, family_bib_path
from ..bibtex_display import display_bibtex
from ..render import NO_SEARCH, para


class download_link(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils node naming)
    """A link to a file the build writes beside the pages (exports.py), resolved per builder."""


def cite_block(texts: BibtexTexts, family: Family, model: ModelVariant | None) -> nodes.container:
    """A sphinx-design dropdown (a plain container in non-HTML builders) holding the BibTeX."""
    subject = model.name if model else family.name
    title = f"引用 {subject} · Cite (BibTeX)"
    # a model's block holds its own entry: the papers are in the family's block at the top of the
    # page and in the downloads (repeated in every model's block they were a third of a family page)
    bibtex = display_bibtex(texts.model(model) if model else texts.family(family))
    dropdown = create_component(
        "dropdown",
        opened=False,
        type="dropdown",
        has_title=True,
        icon="quote" if model is None else None,  # one icon per page: 19 model blocks repeat 0.5 KB of SVG each
        chevron=None,
        container_classes=["sd-mb-3", "plm-cite", NO_SEARCH],  # the papers are indexed where they are listed
        title_classes=[],
        body_classes=[],
    )
    dropdown += nodes.rubric(title, title)
    if model and family.papers:
        section = nodes.reference("", "“引用 Cite”", internal=True, refid=f"cite-{family.id}")
        dropdown += para("引用该模型检查点；论文条目在", section, "一节与下载文件中。Cite this checkpoint; "
                         "the papers' entries are in the family's Cite section and in the downloads:")
    elif model:
        dropdown += para("引用该模型检查点 Cite this checkpoint:")
    else:
        dropdown += para("引用论文与全部模型检查点 Cite the papers and every checkpoint:")
    # Plain text, not highlighted: Pygments wraps every BibTeX token in a <span>, which made the
    # cite blocks 3.7 times their text and a 19-model family page 200 KB.
    dropdown += nodes.literal_block(bibtex, bibtex, language="text", classes=["plm-bibtex"])
    label = f"{family.id}.bib"
    dropdown += para("下载 Download: ", download_link(label, label, target=family_bib_path(family)),
                     " · ", download_link("all.bib", "all.bib", target=ALL_BIB_PATH))
    return dropdown
