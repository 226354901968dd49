"""The BibTeX database: parse ``bib/*.bib`` once, display text, citation labels."""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import bibtexparser
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, Field, ParsingFailedBlock

from pybtex.database import BibliographyData

from .citation_labels import author_year_labels, pybtex_entries
from .problems import Problem

VENUE_FIELDS = ("journal", "booktitle", "howpublished", "institution", "publisher")
REQUIRED_FIELDS = ("title", "year")
URL_FIELDS = ("url",)
HTTP_RE = re.compile(r"^https?://\S+$")
MONTH_MACROS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())
UNSUPPORTED_FIELDS = {"crossref": "crossref is not supported: copy the fields it would inherit into the entry",
                      "xdata": "xdata is not supported: copy the fields it would inherit into the entry"}


@dataclass(frozen=True)
class Paper:
    """One entry with its display text (LaTeX decoded) and the raw entry for export."""

    key: str
    entry_type: str
    title: str
    authors: tuple[str, ...]
    year: str
    venue: str
    url: str
    eprint: str
    doi: str
    entry: Entry
    path: Path
    line: int
    label: str = ""  # author-year citation label, e.g. 'Devlin et al., 2019' or 'Su, 2021b' (pybtex)

    @property
    def arxiv_url(self) -> str:
        return f"https://arxiv.org/abs/{self.eprint}" if self.eprint else ""

    @property
    def link(self) -> str:
        """The best link to read the paper: its URL, else arXiv, else DOI."""
        if self.url:
            return self.url
        if self.eprint:
            return self.arxiv_url
        return f"https://doi.org/{self.doi}" if self.doi else ""


@dataclass
class Bibliography:
    papers: dict[str, Paper] = field(default_factory=dict)
    files: tuple[Path, ...] = ()
    rejected: dict[str, tuple[Path, int]] = field(default_factory=dict)  # key -> where the dropped entry is
    pybtex: BibliographyData = field(default_factory=BibliographyData)  # the same entries, for pybtex styles

    def __contains__(self, key: str) -> bool:
        return key in self.papers

    def __getitem__(self, key: str) -> Paper:
        return self.papers[key]


def display_name(parts) -> str:
    """A NameParts as 'First von Last, Jr'."""
    text = " ".join(piece for piece in (*parts.first, *parts.von, *parts.last) if piece)
    if parts.jr:
        text += ", " + " ".join(parts.jr)
    return text


def field_text(entry: Entry, key: str) -> str:
    value = entry.fields_dict.get(key)
    if value is None:
        return ""
    text = value.value if isinstance(value.value, str) else str(value.value)
    return " ".join(text.replace("{", "").replace("}", "").split())


def http_url(url: str) -> str:
    """The URL if it is http(s); anything else never becomes a link (it is reported as a problem)."""
    return url if HTTP_RE.match(url) else ""


DISPLAY_FIELDS = frozenset({"title", "author", "year", *VENUE_FIELDS})
LATEX_SYNTAX = re.compile(r"[\\{}$~%&^_]")
# what pylatexenc turns into other text besides braces: commands, math, specials, dashes and quotes
LATEX_BEYOND_BRACES = re.compile(r"[\\$~%&^_]|--|``|''|[!?]`")


def balanced_braces(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def braces_only(text: str) -> bool:
    """Whether the value's only LaTeX is balanced braces, so its decoding is the text without them
    (tests/test_bib_data.py checks this against pylatexenc for every value of the database)."""
    return not LATEX_BEYOND_BRACES.search(text) and balanced_braces(text)


@cache
def latex_decoder() -> LatexDecodingMiddleware:
    """One decoder for the build: making one sets up pylatexenc's macro tables again."""
    return LatexDecodingMiddleware(keep_math_mode=False)


def decoded_or_none(entry: Entry) -> Entry | None:
    """A copy of the fields shown on pages, LaTeX decoded, with authors split into name parts (the
    entry is untouched); None when bibtexparser's middlewares cannot read it. Only values with LaTeX
    beyond braces go through the (slow) decoder: braces are dropped, plain text is its own decoding."""
    shown = [field_copy(field_) for field_ in entry.fields if field_.key.lower() in DISPLAY_FIELDS]
    for field_ in shown:
        if isinstance(field_.value, str) and braces_only(field_.value):
            field_.value = field_.value.replace("{", "").replace("}", "")
    latex = Entry(entry.entry_type, entry.key, [f for f in shown if LATEX_SYNTAX.search(str(f.value))])
    library = bibtexparser.Library([latex])
    if latex.fields:
        library = latex_decoder().transform(library)
        if not library.entries:
            return None
    decoded = {field_.key: field_ for field_ in library.entries[0].fields}
    library = bibtexparser.Library([Entry(entry.entry_type, entry.key,
                                          [decoded.get(field_.key, field_) for field_ in shown])])
    for middleware in (SeparateCoAuthors(), SplitNameParts()):
        library = middleware.transform(library)
    return library.entries[0] if library.entries else None


def decode_entry(entry: Entry) -> tuple[Entry, list[str]]:
    """The decoded entry and the fields left out of it because their LaTeX cannot be read."""
    decoded = decoded_or_none(entry)
    if decoded is not None:
        return decoded, []
    unreadable = [field_.key for field_ in entry.fields
                  if decoded_or_none(Entry(entry.entry_type, entry.key, [field_])) is None]
    decoded = decoded_or_none(without_fields(entry, set(unreadable)))
    return decoded or Entry(entry.entry_type, entry.key, []), unreadable


def build_paper(entry: Entry, path: Path, problems: list[Problem] | None = None) -> Paper:
    decoded, unreadable = decode_entry(entry)
    entry = without_fields(entry, set(unreadable)) if unreadable else entry
    if problems is not None:
        problems.extend(Problem(path, entry.start_line + 1, f"BibTeX entry {entry.key!r}: {name}: the LaTeX "
                                                           "cannot be read (unbalanced braces or a broken "
                                                           "command?); the field is left out")
                        for name in unreadable)
    authors_field = decoded.fields_dict.get("author")
    authors = tuple(display_name(parts) for parts in authors_field.value) if authors_field else ()
    venue = next((field_text(decoded, name) for name in VENUE_FIELDS if field_text(decoded, name)), "")
    return Paper(
        key=entry.key,
        entry_type=entry.entry_type.lower(),
        title=field_text(decoded, "title"),
        authors=authors,
        year=field_text(decoded, "year"),
        venue=venue,
        url=http_url(field_text(entry, "url")),
        eprint=field_text(entry, "eprint"),
        doi=field_text(entry, "doi"),
        entry=entry,
        path=path,
        line=entry.start_line + 1,
    )


def bare_value_problem(entry: Entry, name: str, value: object) -> str | None:
    """Why a value written without braces or quotes cannot be exported as it is, if it cannot.

    bibtexparser's ResolveStringReferencesMiddleware has already replaced whole-value @string
    references; what is still bare must be a number or a month macro."""
    enclosing = entry.parser_metadata.get("removed_enclosing", {}).get(name)
    resolved = name in entry.parser_metadata.get("ResolveStringReferences", ())
    if enclosing != "no-enclosing" or resolved or not isinstance(value, str):
        return None
    text = value.strip()
    if text.isdigit() or text.lower() in MONTH_MACROS:
        return None
    if text.startswith(("{", '"')):
        return f"{name}: unbalanced braces or quotes in the value"
    if "#" in text:
        return f"{name}: string concatenation (#) is not supported; write the whole value in braces"
    return f"{name}: undefined macro {text[:40]!r}; define it with @string or write the value in braces"


HTML_LIKE = re.compile(r"<\s*[A-Za-z/!?]")
LINK_COMMAND = re.compile(r"\\(?:href|url)\s*\{\s*([^}]*)\}")


def markup_problem(name: str, value: object) -> str | None:
    """Text that would be markup or a non-http link in a page or an export."""
    if not isinstance(value, str):
        return None
    text = value.strip().strip("{}")
    if name.lower() in URL_FIELDS and text and not HTTP_RE.match(text):
        return f"{name} is not http(s): {text[:60]!r}"
    if HTML_LIKE.search(value):
        return f"{name}: looks like HTML markup; write plain text (LaTeX for accents and symbols)"
    bad_link = next((target for target in LINK_COMMAND.findall(value) if not HTTP_RE.match(target.strip())), None)
    if bad_link is not None:
        return f"{name}: links only to http(s) URLs, not {bad_link[:60]!r}"
    return None


def unsafe_fields(entry: Entry) -> dict[str, str]:
    """Fields that cannot be shown or exported faithfully, with the reason: they are dropped, reported."""
    unsafe = {}
    for field_ in entry.fields:
        name = field_.key.lower()
        reason = (UNSUPPORTED_FIELDS.get(name) or bare_value_problem(entry, field_.key, field_.value)
                  or markup_problem(field_.key, field_.value))
        if reason:
            unsafe[field_.key] = reason
    return unsafe


def field_copy(field_: Field) -> Field:
    return Field(field_.key, field_.value, field_.start_line, field_.enclosing)


def entry_copy(entry: Entry) -> Entry:
    """A copy of the entry whose fields can be set without changing ``entry`` (values are replaced,
    never changed in place): ``copy.deepcopy`` of every entry was a tenth of a small build."""
    return Entry(entry.entry_type, entry.key, [field_copy(field_) for field_ in entry.fields],
                 entry.start_line, entry.raw)


def without_fields(entry: Entry, names: set[str]) -> Entry:
    kept = copy.copy(entry)
    kept.fields = [field_ for field_ in entry.fields if field_.key not in names]
    return kept


def year_problem(paper: Paper) -> Problem | None:
    if re.fullmatch(r"\d{4}", paper.year):
        return None
    return Problem(paper.path, paper.line, f"BibTeX entry {paper.key!r}: bad year {paper.year!r} (expected four digits)")


def parse_bib_file(path: Path) -> tuple[list[Entry], list[Problem]]:
    """Entries of one file and its malformed or duplicate blocks as problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [], [Problem(path, 0, f"cannot read BibTeX file: {error}")]
    parser_log = logging.getLogger("bibtexparser")
    level = parser_log.level
    parser_log.setLevel(logging.CRITICAL)  # its own messages would repeat ours without a file name
    try:
        library = bibtexparser.parse_string(text)
    finally:
        parser_log.setLevel(level)
    problems = []
    for block in library.failed_blocks:
        line = block.start_line + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            problems.append(Problem(path, line, f"duplicate BibTeX key {block.key!r}"))
        elif isinstance(block, ParsingFailedBlock):
            reason = (getattr(block.error, "abort_reason", "") or str(block.error)
                      or "unbalanced braces or quotes, or a missing comma")
            first = block.raw.strip().splitlines()[0] if block.raw.strip() else ""
            problems.append(Problem(path, line, f"malformed BibTeX entry {first!r}: {reason}"))
    return list(library.entries), problems


def load_bibliography(paths: list[Path]) -> tuple[Bibliography, list[Problem]]:
    """Parse every ``.bib`` file; duplicates across files and bad fields are problems."""
    bibliography = Bibliography(files=tuple(paths))
    problems: list[Problem] = []
    for path in paths:
        entries, file_problems = parse_bib_file(path)
        problems.extend(file_problems)
        for entry in entries:
            if entry.key in bibliography.papers:
                first = bibliography.papers[entry.key]
                problems.append(
                    Problem(path, entry.start_line + 1,
                            f"duplicate BibTeX key {entry.key!r} (first in {first.path}:{first.line})")
                )
                continue
            unsafe = unsafe_fields(entry)
            problems.extend(Problem(path, entry.start_line + 1, f"BibTeX entry {entry.key!r}: {reason}")
                            for reason in unsafe.values())
            entry = without_fields(entry, set(unsafe)) if unsafe else entry
            paper = build_paper(entry, path, problems)
            missing = [name for name in REQUIRED_FIELDS if not getattr(paper, name)]
            if missing:  # a bad entry drops only itself; the cards citing it say so
                problems.append(Problem(path, paper.line, f"BibTeX entry {entry.key!r} has no "
                                                          f"{' and no '.join(missing)}; it is left out"))
                bibliography.rejected[entry.key] = (path, paper.line)
                continue
            problems.extend(filter(None, [year_problem(paper)]))
            bibliography.papers[entry.key] = paper
    label_papers(bibliography)
    return bibliography, problems


def label_papers(bibliography: Bibliography) -> None:
    """Read the entries with pybtex and give every paper its author-year label (a, b, ... in title
    order where authors and year coincide); an entry pybtex cannot read is labelled by its key."""
    papers = bibliography.papers
    bibliography.pybtex = pybtex_entries(paper.entry for paper in papers.values())
    order = [paper.key for paper in sorted(papers.values(), key=lambda p: (p.title.lower(), p.key))]
    labels = author_year_labels(bibliography.pybtex, order)
    for key, paper in papers.items():
        papers[key] = replace(paper, label=labels.get(key, key))

