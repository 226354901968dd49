"""Author-year citation labels ('Devlin et al., 2019', 'Su, 2021b') through pybtex: a label style
whose labels pybtex's alpha style tells apart with a, b, ... when authors and year coincide."""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterable
from functools import lru_cache

import bibtexparser
import latexcodec  # noqa: F401 (registers the 'ulatex' codec)
from bibtexparser.library import Library
from bibtexparser.model import Entry
from pybtex.database import BibliographyData
from pybtex.database import Entry as PybtexEntry
from pybtex.database import parse_string
from pybtex.markup import LaTeXParser
from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.richtext import Text
from pybtex.scanner import PybtexError
from pybtex.style.labels.alpha import LabelStyle as AlphaLabelStyle

logger = logging.getLogger(__name__)


# one backend for every call: ``render_as("text")`` looks the backend up through the package
# entry points each time, a scan of every installed distribution (a fifth of a 10x build's time)
PLAIN_TEXT = PlainTextBackend()


# words of no LaTeX syntax, accent sign or quote, one space apart (one hyphen or apostrophe is itself;
# two are a dash or a quote): latexcodec leaves them as they are
PLAIN_WORDS = re.compile(r"(?!.*(?:--|''))[^\\{}$~%&^_`!?\s]+(?: [^\\{}$~%&^_`!?\s]+)*")


@lru_cache(maxsize=100_000)
def decoded_latex(latex: str) -> str:
    """latexcodec's decoding of a field or name part, once per distinct text; plain words are their
    own decoding (tests/test_bib_data.py checks this against latexcodec for the whole database)."""
    if PLAIN_WORDS.fullmatch(latex):
        return latex
    return codecs.decode(latex, "ulatex")


def from_latex(cls: type[Text], latex: str) -> Text:
    """pybtex's ``Text.from_latex`` with its decoding cached: the styles decode every name part and
    field again for every entry they format (a third of formatting the references)."""
    return LaTeXParser(decoded_latex(latex)).parse()


Text.from_latex = classmethod(from_latex)  # the templates and Person call it through the class


def latex_to_plain(latex: str) -> str:
    """LaTeX field text as plain text (pybtex's decoding: braces dropped, commands to Unicode)."""
    return Text.from_latex(latex).render(PLAIN_TEXT)


class AuthorYearLabelStyle(AlphaLabelStyle):
    """'Surname, year', 'A and B, year' or 'A et al., year'; without authors, the organisation or the
    start of the title. The alpha style's ``format_labels`` adds the a, b, ... suffixes."""

    def format_label(self, entry: PybtexEntry) -> str:
        persons = entry.persons.get("author") or entry.persons.get("editor") or []
        surnames = [latex_to_plain(" ".join(person.prelast_names + person.last_names)) for person in persons]
        if not surnames:
            who = latex_to_plain(entry.fields.get("organization", "") or entry.fields.get("howpublished", "")
                                 or entry.key)
        elif len(surnames) == 1:
            who = surnames[0]
        elif len(surnames) == 2:
            who = f"{surnames[0]} and {surnames[1]}"
        else:
            who = f"{surnames[0]} et al."
        return f"{who}, {entry.fields.get('year', '')}"


def pybtex_entries(entries: Iterable[Entry]) -> BibliographyData:
    """bibtexparser entries (already validated) as pybtex's; an entry pybtex cannot read is left out
    (it still has its BibTeX key as label)."""
    entries = list(entries)
    data = BibliographyData()
    try:
        parsed = parse_string(bibtexparser.write_string(Library(entries)), "bibtex")
        return parsed
    except PybtexError:
        pass
    for entry in entries:  # one unreadable entry must not drop the others
        try:
            for key, value in parse_string(bibtexparser.write_string(Library([entry])), "bibtex").entries.items():
                data.add_entry(key, value)
        except PybtexError as error:
            logger.debug("pybtex cannot read %s: %s", entry.key, error)
    return data


def author_year_labels(data: BibliographyData, order: list[str]) -> dict[str, str]:
    """Labels of the entries, suffixed a, b, ... in ``order`` where they coincide."""
    keys = [key for key in order if key in data.entries]
    labels = AuthorYearLabelStyle().format_labels([data.entries[key] for key in keys])
    return dict(zip(keys, labels, strict=True))
