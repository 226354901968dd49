"""The "Cite" block of a family or model: BibTeX to copy, and a link to download it."""

from __future__ import annotations

from docutils import nodes

from ...data.catalog import Family, ModelVariant
from ...export.bibtex_texts import BibtexTexts
from ...export.outputs import ALL_BIB_PATH, family_bib_path
from ..bibtex_display import display_bibtex
from ..disclosure import folded
from ..render import NO_SEARCH, para


class download_link(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils node naming)
    """A link to a file the build writes beside the pages (exports.py), resolved per builder."""


def cite_block(texts: BibtexTexts, family: Family, model: ModelVariant | None) -> nodes.container:
    """A folded block (``<details>`` in HTML, a plain container elsewhere) holding BibTeX.

    Each entry is on the page once: the family's block holds its papers, each model's block its own
    checkpoint entry, and the family's ``.bib`` download holds them all (every entry repeated in the
    family's block and in each model's made a 19-model family page 150 KB).
    """
    subject = model.name if model else family.name
    title = f"引用 {subject} · Cite (BibTeX)"
    bibtex = texts.model(model) if model else texts.papers(family)
    block = folded(title, classes=["plm-cite", NO_SEARCH])  # the papers are indexed where they are listed
    label = f"{family.id}.bib"
    download = download_link(label, label, target=family_bib_path(family))
    if model and family.papers:
        section = nodes.reference("", "“引用 Cite”", internal=True, refid=f"cite-{family.id}")
        block += para("引用该模型检查点；论文条目在", section, "一节中。Cite this checkpoint; "
                         "the papers' entries are in the family's Cite section:")
    elif model:
        block += para("引用该模型检查点 Cite this checkpoint:")
    elif bibtex:
        block += para("引用论文；各模型检查点的条目在其小节中，全部条目在 ", download.deepcopy(),
                         "。Cite the papers; each checkpoint's entry is in its section, and all of them in the download:")
    else:
        block += para("该系列尚无论文条目；各模型检查点的条目在其小节中，全部条目在 ", download.deepcopy(),
                         "。No paper yet: each checkpoint's entry is in its section, and all of them in the download.")
    if bibtex:
        # Plain text, not highlighted: Pygments wraps every BibTeX token in a <span>, which made the
        # cite blocks 3.7 times their text and a 19-model family page 200 KB.
        text = display_bibtex(bibtex)
        block += nodes.literal_block(text, text, language="text", classes=["plm-bibtex"])
    block += para("下载 Download: ", download, " · ", download_link("all.bib", "all.bib", target=ALL_BIB_PATH))
    return block
