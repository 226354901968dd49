"""BibTeX to cite a model: the papers its family cites plus an entry for the checkpoint itself.

Two flavours (see docs/cite.md):

* BibTeX (``all.bib``, ``<family>.bib``): ``@misc`` model entries with ``year`` and ``month``; every
  non-ASCII character that LaTeX has a command for is written as that command (pylatexenc), so
  pdflatex reads the files; Chinese text stays UTF-8 (pdflatex: CJKutf8, xelatex: ctex).
* biblatex (``all-biblatex.bib``), for biber: model entries as ``@software`` with ``date``, arXiv
  as ``eprinttype``/``eprintclass`` (biblatex's data model), encoded like the BibTeX flavour
  (CJK fonts such as Fandol have no Greek: α is written ``\\ensuremath{\\alpha}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares import AddEnclosingMiddleware
from bibtexparser.model import Block, Entry, Field, ImplicitComment
from pylatexenc.latexencode import UnicodeToLatexEncoder

from ..data.bibliography import entry_copy
from ..data.catalog import Catalog, Family, ModelVariant
from ..data.hosts import host_of
from .citation_date import citation_date

MODEL_KEY_PREFIX = "plm:"
LATEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                  "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "archiveprefix", "eprinttype", "month"})
# Characters LaTeX has commands for become those commands; CJK has none and stays UTF-8.
LATEX_ENCODER = UnicodeToLatexEncoder(non_ascii_only=True, unknown_char_policy="keep",
                                      unknown_char_warning=False, replacement_latex_protection="braces-all")


def latex_escape(text: str) -> str:
    """Plain text as a BibTeX field value LaTeX can typeset."""
    return "".join(LATEX_SPECIALS.get(char, char) for char in text)


@lru_cache(maxsize=65_536)
def unicode_to_latex(text: str) -> str:
    """pylatexenc's encoding, once per distinct text (titles, names and notes repeat across entries)."""
    return LATEX_ENCODER.unicode_to_latex(text)


def latex_safe(entry: Entry) -> Entry:
    """A copy of ``entry`` whose text fields pdflatex reads (non-ASCII as LaTeX commands)."""
    safe = entry_copy(entry)
    for field in safe.fields:
        if field.key.lower() not in VERBATIM_FIELDS and isinstance(field.value, str):
            field.value = unicode_to_latex(field.value)
    return safe


def with_eprinttype(entry: Entry) -> Entry:
    """``eprinttype = {arxiv}`` beside ``archiveprefix``: biblatex and Zotero read the one, BibTeX
    styles the other."""
    fields = entry.fields_dict
    prefix = fields.get("archiveprefix")
    if "eprint" not in fields or prefix is None or "eprinttype" in fields:
        return entry
    result = entry_copy(entry)
    result.set_field(Field("eprinttype", str(prefix.value).lower()))
    return result


BIBLATEX_FIELD_NAMES = {"archiveprefix": "eprinttype", "primaryclass": "eprintclass"}


def biblatex_paper(entry: Entry) -> Entry:
    """A paper entry in biblatex's data model (biber --validate-datamodel accepts it)."""
    result = entry_copy(entry)
    fields = result.fields_dict
    for old, new in BIBLATEX_FIELD_NAMES.items():
        if old in fields:
            value = fields[old].value
            result.pop(old)
            if new not in result.fields_dict:
                result.set_field(Field(new, value.lower() if new == "eprinttype" else value))
    return latex_safe(result)


def bibtex_url(url: str) -> str:
    """A URL safe inside a BibTeX value and ``\\url{}``: braces, backslashes and blanks percent-encoded
    (an unbalanced brace would end the field early and lose the fields after it)."""
    return re.sub(r'[{}\\\s"]', lambda match: f"%{ord(match.group()):02X}", url)


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


def model_author(catalog: Catalog, model: ModelVariant) -> str:
    """The organisation as a corporate author (braced, so styles never split it into names); a
    person is written as a name. English name first: bibliographies are sorted and printed in Latin."""
    organisation = catalog.organisations.get(model.organisation)
    if organisation is None:
        return "{" + latex_escape(model.organisation) + "}"
    name = latex_escape(getattr(organisation, "name_en", "") or organisation.name)
    return name if getattr(organisation, "kind", "institution") == "person" else "{" + name + "}"


def model_fields(catalog: Catalog, model: ModelVariant) -> list[Field]:
    """Fields both flavours share: author, title, where it is published, URL and the paper note."""
    url = bibtex_url(model_url(model))
    fields = [
        Field("author", model_author(catalog, model)),
        Field("title", "{" + latex_escape(model.name) + "}: " + latex_escape("pretrained model checkpoint")),
    ]
    if url:
        fields.append(Field("howpublished", latex_escape(host_of(url).en if host_of(url).id != "other"
                                                         else "Download")))
        fields.append(Field("url", url))
    fields.append(Field("note", model_note(catalog, catalog.family_of(model))))
    return fields


def model_entry(catalog: Catalog, model: ModelVariant) -> Entry:
    """BibTeX ``@misc`` for the checkpoint, with ``year`` and a ``month`` macro."""
    date = citation_date(catalog, model)
    fields = model_fields(catalog, model)
    fields[2:2] = [Field("year", date.year)]
    if date.month:
        fields.insert(3, Field("month", date.month_macro, enclosing="no-enclosing"))
    return latex_safe(Entry("misc", model_key(model), fields))


def biblatex_model_entry(catalog: Catalog, model: ModelVariant) -> Entry:
    """biblatex ``@software`` for the checkpoint, with ``date`` (YYYY-MM), UTF-8."""
    fields = model_fields(catalog, model)
    fields.insert(2, Field("date", citation_date(catalog, model).iso))
    return latex_safe(Entry("software", model_key(model), fields))


def date_comment(catalog: Catalog, model: ModelVariant) -> ImplicitComment:
    """Where the entry's date comes from, as a comment every BibTeX reader skips."""
    date = citation_date(catalog, model)
    return ImplicitComment(f"% {model_key(model)}: {date.iso}, {date.source}")


def paper_entries(catalog: Catalog, keys: Iterable[str]) -> list[Entry]:
    return [latex_safe(with_eprinttype(catalog.bibliography[key].entry))
            for key in keys if key in catalog.bibliography]


def model_blocks(catalog: Catalog, models: Iterable[ModelVariant], biblatex: bool = False) -> list[Block]:
    blocks: list[Block] = []
    for model in models:
        blocks.append(date_comment(catalog, model))
        blocks.append(biblatex_model_entry(catalog, model) if biblatex else model_entry(catalog, model))
    return blocks


def family_entries(catalog: Catalog, family: Family, model: ModelVariant | None = None) -> list[Block]:
    """The family's papers, then the checkpoint entry of ``model`` (or of every model)."""
    models = [model] if model else list(family.models)
    return [*paper_entries(catalog, family.papers), *model_blocks(catalog, models)]


def all_entries(catalog: Catalog) -> list[Block]:
    """Every paper of the database, then every model entry, in a stable order."""
    models = [model for _, model in sorted(catalog.models.items())]
    return [*paper_entries(catalog, sorted(catalog.bibliography.papers)), *model_blocks(catalog, models)]


def all_biblatex_entries(catalog: Catalog) -> list[Block]:
    """The biblatex flavour of :func:`all_entries`: ``@software`` models."""
    papers = [biblatex_paper(catalog.bibliography[key].entry) for key in sorted(catalog.bibliography.papers)]
    models = [model for _, model in sorted(catalog.models.items())]
    return [*papers, *model_blocks(catalog, models, biblatex=True)]


def to_bibtex(blocks: list[Block]) -> str:
    """Entries (and comments) as BibTeX text, written by bibtexparser; a value keeps the enclosing
    it was read with (so a month macro such as ``jun`` stays bare), new values are braced."""
    library = Library([entry_copy(block) if isinstance(block, Entry) else block for block in blocks])
    enclosing = AddEnclosingMiddleware(reuse_previous_enclosing=True, default_enclosing="{",
                                       enclose_integers=True)
    return bibtexparser.write_string(library, unparse_stack=[enclosing])
