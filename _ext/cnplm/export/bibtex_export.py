"""BibTeX to cite a model: the papers its family cites plus an ``@misc`` entry for the checkpoint."""

from __future__ import annotations

import copy

import bibtexparser
from bibtexparser.middlewares import AddEnclosingMiddleware
from bibtexparser.model import Entry, Field

from ..data.catalog import Catalog, Family, ModelVariant

MODEL_KEY_PREFIX = "plm:"
LATEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                  "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def latex_escape(text: str) -> str:
    """Plain text as a BibTeX field value LaTeX can typeset."""
    return "".join(LATEX_SPECIALS.get(char, char) for char in text)


def model_key(model: ModelVariant) -> str:
    return MODEL_KEY_PREFIX + model.id


def model_url(model: ModelVariant) -> str:
    """The page of the exact checkpoint: its hub repository, else its source repository, else a download."""
    if model.huggingface:
        return f"https://huggingface.co/{model.huggingface}"
    if model.modelscope:
        return f"https://modelscope.cn/models/{model.modelscope}"
    if model.source:
        return model.source.url
    return model.links[0].url if model.links else ""


def model_note(catalog: Catalog, family: Family) -> str:
    papers = [catalog.bibliography[key] for key in family.papers]
    note = f"Pretrained checkpoint of the {family.name} family"
    if papers:
        described = "; ".join(f"{paper.title} ({paper.label})" for paper in papers)
        note += f", described in: {described}"
    return latex_escape(note)


def model_entry(catalog: Catalog, model: ModelVariant) -> Entry:
    """``@misc`` for the checkpoint: organisation as (corporate) author, title, year if known, URL, paper."""
    family = catalog.family_of(model)
    organisation = catalog.organisations.get(model.organisation)
    author = organisation.name if organisation else model.organisation
    url = model_url(model)
    fields = [
        Field("author", "{" + latex_escape(author) + "}"),
        Field("title", "{" + latex_escape(model.name) + "}: " + latex_escape("pretrained model checkpoint")),
    ]
    if model.release:
        fields.append(Field("year", model.release[:4]))
    if url:
        fields.append(Field("howpublished", "\\url{" + url + "}"))
        fields.append(Field("url", url))
    fields.append(Field("note", model_note(catalog, family)))
    return Entry("misc", model_key(model), fields)


def paper_entries(catalog: Catalog, keys: list[str] | tuple[str, ...]) -> list[Entry]:
    return [catalog.bibliography[key].entry for key in keys if key in catalog.bibliography]


def family_entries(catalog: Catalog, family: Family, model: ModelVariant | None = None) -> list[Entry]:
    """The family's papers, then the checkpoint entry of ``model`` (or of every model)."""
    models = [model] if model else list(family.models)
    return paper_entries(catalog, family.papers) + [model_entry(catalog, m) for m in models]


def all_entries(catalog: Catalog) -> list[Entry]:
    """Every paper of the database, then every model entry, in a stable order."""
    papers = [catalog.bibliography[key].entry for key in sorted(catalog.bibliography.papers)]
    models = [model_entry(catalog, model) for _, model in sorted(catalog.models.items())]
    return papers + models


def to_bibtex(entries: list[Entry]) -> str:
    """Entries as BibTeX text, written by bibtexparser; a value keeps the enclosing it was read with
    (so a month macro such as ``jun`` stays bare), new values are braced."""
    library = bibtexparser.Library(copy.deepcopy(entries))
    enclosing = AddEnclosingMiddleware(reuse_previous_enclosing=True, default_enclosing="{",
                                       enclose_integers=True)
    return bibtexparser.write_string(library, unparse_stack=[enclosing])
