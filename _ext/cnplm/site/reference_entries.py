"""Reference-list entries formatted by pybtex's ``plain`` style, rendered as docutils nodes (so
every builder, HTML, LaTeX and EPUB, gets the same entries, and no text becomes markup)."""

from __future__ import annotations

from functools import cache

from docutils import nodes
from pybtex.backends import BaseBackend
from pybtex.database import Entry as PybtexEntry
from pybtex.database import Person
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from pybtex.style import FormattedEntry
from pybtex.style.template import FieldIsMissing

from ..data.bibliography import Bibliography, http_url

STYLE = "plain"
TAGS = {"em": nodes.emphasis, "i": nodes.emphasis, "b": nodes.strong, "strong": nodes.strong, "tt": nodes.literal}


class Symbols:
    """pybtex's symbols as fresh nodes each time (a docutils node has one parent)."""

    TEXT = {"ndash": "\u2013", "newblock": " ", "nbsp": "\u00a0"}

    def __getitem__(self, name: str) -> list[nodes.Node]:
        return [nodes.Text(self.TEXT[name])]


class DocutilsBackend(BaseBackend):
    """Renders pybtex rich text as a list of docutils nodes; links only to http(s) URLs."""

    RenderType = list
    default_suffix = ""
    symbols = Symbols()

    def format_str(self, str_: str) -> list[nodes.Node]:
        return [nodes.Text(str_)]

    def format_tag(self, tag_name: str, text: list[nodes.Node]) -> list[nodes.Node]:
        return [TAGS.get(tag_name, nodes.inline)("", "", *text)]

    def format_href(self, url: str, text: list[nodes.Node], external: bool = False) -> list[nodes.Node]:
        if not http_url(url):
            return text
        return [nodes.reference("", "", *text, refuri=url, classes=["plm-external"])]

    def format_protected(self, text: list[nodes.Node]) -> list[nodes.Node]:
        return text

    def render_sequence(self, rendered_list: list[list[nodes.Node]]) -> list[nodes.Node]:
        return [node for part in rendered_list for node in part]


@cache
def style():
    """pybtex's style, formatting each distinct author name once (a quarter of the names repeat,
    and names are two thirds of formatting a reference)."""
    formatting = find_plugin("pybtex.style.formatting", STYLE)()
    formatting.format_name = kept_names(formatting.name_style.format)
    return formatting


def kept_names(format_name):
    """``format_name`` returning the name's rich text, made once per name as written and abbreviation
    (the template of a name reads only the person, so its text is the same in every entry)."""
    texts: dict[tuple[str, bool], Text] = {}

    def formatted_name(person: Person, abbr: bool = False) -> Text:
        key = (str(person), abbr)
        if key not in texts:
            texts[key] = format_name(person, abbr).format()
        return texts[key]
    return formatted_name


# an entry is formatted once per loaded bibliography (10 ms each; a paper is cited on many pages):
# keyed on the entry object (pybtex entries are unhashable), which the cache holds so its id stays its own
FORMATTED: dict[tuple[int, str], tuple[PybtexEntry, FormattedEntry]] = {}
CACHE_SIZE = 20_000


def formatted(entry: PybtexEntry, label: str) -> FormattedEntry:
    """The entry in the style; an entry missing a field its type needs is formatted as @misc."""
    cached = FORMATTED.get((id(entry), label))
    if cached is not None and cached[0] is entry:
        return cached[1]
    try:
        result = style().format_entry(label, entry)
    except FieldIsMissing:
        fallback = PybtexEntry("misc", fields=entry.fields, persons=entry.persons)
        fallback.key = entry.key
        result = style().format_entry(label, fallback)
    if len(FORMATTED) >= CACHE_SIZE:
        FORMATTED.clear()
    FORMATTED[(id(entry), label)] = (entry, result)
    return result


def reference_nodes(bibliography: Bibliography, key: str) -> list[nodes.Node]:
    """'Authors. Title. Venue, year. URL, arXiv, doi' for a references list."""
    paper = bibliography[key]
    entry = bibliography.pybtex.entries.get(key)
    if entry is None:  # pybtex could not read it: title and year as they are
        return [nodes.Text(f"{paper.title}. {paper.year}.")]
    return formatted(entry, paper.label).text.render(DocutilsBackend())
