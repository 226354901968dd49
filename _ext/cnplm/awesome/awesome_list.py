"""Parse the awesome list's Markdown with markdown-it-py: categories, family sections, paper lines,
tables, notes and the update log, in the 2022 format and in today's.

Headings may be ``#``/``##``/``###``; bullets ``-``, ``+`` or ``*``; the log sits under ``更新`` or
``更新日志`` with dates such as ``2022.11.9``. Cells are read from markdown-it's inline tokens, so
escapes and HTML entities come decoded and links such as ``[\\[🤗HF\\]](…)`` or URLs with ``)`` are
links. A table row whose cells do not line up with its header is reported with its line, not read.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..data.catalog import Link

# markdown-it's own row splitter (escaped pipes, code spans), to count the cells a row really has
escaped_split: Callable[[str], list[str]] = sys.modules["markdown_it.rules_block.table"].escapedSplit
LOG_HEADINGS = ("更新", "更新日志")
LOG_DATE_RE = re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})\s+(.*)$", re.S)
PAPER_YEAR_RE = re.compile(r"^\d{4}$")
EMPTY_CELLS = {"", "-", "/", "—"}
DELIMITER_RE = re.compile(r"\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?")
# columns a row may leave out at its end (the list often drops an empty last cell)
OPTIONAL_TRAILING = {"备注", "文献", "文", "论文", "Paper"}


@cache
def markdown() -> MarkdownIt:
    """CommonMark with tables; link destinations kept as written (unescaped, not percent-encoded),
    so URLs compare equal to the cards' and anchors such as #二郎神 stay readable."""
    md = MarkdownIt("commonmark").enable("table")
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    return md


def inline_parts(tokens: list[Token]) -> tuple[str, list[Link]]:
    """Plain text and links of inline tokens; HTML tags (<br>, <p>) become spaces."""
    text: list[str] = []
    links: list[Link] = []
    label: list[str] | None = None
    href = ""
    for token in tokens:
        if token.type == "link_open":
            label, href = [], str(token.attrs.get("href", ""))
        elif token.type == "link_close" and label is not None:
            name = "".join(label).strip()
            name = name[1:-1].strip() if name.startswith("[") and name.endswith("]") else name.strip("[]").strip()
            links.append(Link(name, href))
            text.append(name)
            label = None
        elif token.type in ("text", "code_inline"):
            (label if label is not None else text).append(token.content)
        elif token.type in ("softbreak", "hardbreak", "html_inline"):
            (label if label is not None else text).append(" ")
        elif token.children:
            sub_text, sub_links = inline_parts(token.children)
            text.append(sub_text)
            links += sub_links
    return " ".join("".join(text).split()), links


@dataclass(frozen=True)
class Cell:
    """A table cell (or any inline Markdown): its source, plain text and links."""

    raw: str

    @property
    def parsed(self) -> tuple[str, list[Link]]:
        return parse_inline(self.raw)

    @property
    def links(self) -> list[Link]:
        return list(self.parsed[1])

    @property
    def text(self) -> str:
        return self.parsed[0]

    @property
    def empty(self) -> bool:
        return self.text in EMPTY_CELLS and not self.links


@cache
def parse_inline(raw: str) -> tuple[str, tuple[Link, ...]]:
    tokens = markdown().parseInline(raw.strip())
    text, links = inline_parts(tokens[0].children or [] if tokens else [])
    # the list's broken [label]((#anchor)) form keeps its anchor
    return text, tuple(Link(link.label, link.url.strip("()")) if link.url.startswith("(") else link for link in links)


@dataclass
class Table:
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # source line of each row
    line: int = 0  # of the header

    def column(self, row: list[Cell], name: str) -> Cell | None:
        if name not in self.header:
            return None
        index = self.header.index(name)
        return row[index] if index < len(row) else Cell("")

    def first_column(self, row: list[Cell], *names: str) -> Cell:
        """The cell of the first of ``names`` the header has (columns are named differently per table)."""
        for name in names:
            if name in self.header:
                return self.column(row, name) or Cell("")
        return Cell("")


@dataclass(frozen=True)
class PaperLine:
    year: str
    title: str
    authors: str
    venue: str
    link: Link | None
    line: int


@dataclass
class FamilySection:
    heading: str
    line: int
    papers: list[PaperLine] = field(default_factory=list)
    table: Table | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class CategorySection:
    heading: str
    line: int = 0
    families: list[FamilySection] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # tables right under the category: one family per row


@dataclass(frozen=True)
class LogLine:
    date: str  # ISO yyyy-mm-dd
    text: str
    links: tuple[Link, ...]
    line: int


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str


@dataclass
class AwesomeList:
    categories: list[CategorySection] = field(default_factory=list)
    log: list[LogLine] = field(default_factory=list)
    other_tables: list[tuple[str, Table]] = field(default_factory=list)  # (heading, table) of other sections
    problems: list[RowProblem] = field(default_factory=list)  # rows not read
    warnings: list[RowProblem] = field(default_factory=list)  # malformed tables still read by their header
    table_rows: int = 0  # every body row of every table, read or not

    @property
    def families(self) -> list[FamilySection]:
        return [family for category in self.categories for family in category.families]


def split_row(line: str) -> list[str]:
    """The cells of a table row as markdown-it splits them (escaped pipes and code spans kept)."""
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [cell.strip() for cell in escaped_split(inner)]


def parse_paper_line(body: str, line: int) -> PaperLine | None:
    parts = [part.strip() for part in body.split(" | ")]
    if len(parts) < 5 or not PAPER_YEAR_RE.fullmatch(parts[0]):
        return None
    links = Cell(parts[-1]).links
    return PaperLine(
        year=parts[0],
        title=Cell(" | ".join(parts[1:-3])).text,
        authors=Cell(parts[-3]).text,
        venue=Cell(parts[-2]).text,
        link=links[0] if links else None,
        line=line,
    )


def log_line(raw: str, line: int) -> LogLine | None:
    match = LOG_DATE_RE.match(raw.strip())
    if not match:
        return None
    year, month, day, body = match.groups()
    text, links = parse_inline(body)
    return LogLine(f"{year}-{int(month):02d}-{int(day):02d}", text, links, line)


def heading_text(raw: str) -> str:
    return Cell(raw).text.strip()


class ListReader:
    """Walks markdown-it's block tokens once, keeping the current category, family and log state."""

    def __init__(self, source: str, category_headings: Callable[[str, int], bool]) -> None:
        self.lines = source.splitlines()
        self.is_category = category_headings
        self.result = AwesomeList()
        self.category: CategorySection | None = None
        self.category_level = 0
        self.family: FamilySection | None = None
        self.in_log = False
        self.heading = ""

    def read(self) -> AwesomeList:
        tokens = markdown().parse("\n".join(self.lines))
        index = 0
        quote_depth = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "heading_open":
                self.on_heading(int(token.tag[1]), tokens[index + 1].content, line_of(token))
            elif token.type == "blockquote_open":
                quote_depth += 1
            elif token.type == "blockquote_close":
                quote_depth -= 1
            elif token.type == "table_open":
                index = self.on_table(tokens, index)
                continue
            elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
                self.on_paragraph(token, quote_depth > 0, in_item=index >= 2 and tokens[index - 2].type == "list_item_open")
            index += 1
        return self.result

    def on_heading(self, level: int, raw: str, line: int) -> None:
        text = heading_text(raw)
        self.heading = text
        self.family = None
        if text in LOG_HEADINGS:
            self.in_log, self.category = True, None
            return
        if self.is_category(text, level):
            self.in_log = False
            self.category = CategorySection(text, line)
            self.category_level = level
            self.result.categories.append(self.category)
        elif self.category is not None and level > self.category_level:
            self.family = FamilySection(text, line)
            self.category.families.append(self.family)
        else:
            self.in_log = False
            self.category = None

    def on_paragraph(self, token: Token, quoted: bool, in_item: bool) -> None:
        line = line_of(token)
        if not quoted and not in_item and looks_like_table(token.content):
            self.on_broken_table(token.content, line)
            return
        if self.in_log and in_item:
            entry = log_line(token.content, line)
            if entry:
                self.result.log.append(entry)
            return
        if self.family is None:
            return
        if in_item:
            paper = parse_paper_line(token.content, line)
            if paper:
                self.family.papers.append(paper)
        elif quoted and token.content.strip():
            self.family.notes.append(" ".join(token.content.split()))

    def on_broken_table(self, content: str, line: int) -> None:
        """Pipe rows that markdown-it (like GitHub) does not take for a table.

        When the delimiter row only has more cells than the header (columns with no name at the
        end), the table is read by its header and the delimiter row reported as a warning: rows
        are aligned by header name, and a row using an unnamed column is not read. Any other
        mismatch leaves every row reported, not read."""
        rows = content.splitlines()
        header, delimiter = split_row(rows[0]), split_row(rows[1])
        body = [(line + offset, row) for offset, row in enumerate(rows[2:], start=2) if row.lstrip().startswith("|")]
        if len(delimiter) > len(header):
            self.result.warnings.append(RowProblem(line + 1, (
                f"delimiter row has {len(delimiter)} cells, its header {len(header)}: GitHub shows no table; "
                f"read by its {len(header)} named columns")))
            table = Table([heading_text(cell) for cell in header], line=line)
            for row_line, _ in body:
                self.read_row(table, row_line)
            self.place_table(table)
            return
        for row_line, _ in body:
            self.result.table_rows += 1
            self.result.problems.append(RowProblem(row_line, (
                f"not a table: its header has {len(header)} cells, its delimiter row {len(delimiter)} "
                f"(line {line + 1}); row not read")))

    def read_row(self, table: Table, line: int) -> None:
        """Add the body row at ``line`` to ``table``, or report it when its cells do not line up."""
        self.result.table_rows += 1
        cells = [Cell(cell) for cell in split_row(self.lines[line - 1])]
        problem = alignment_problem(table.header, cells)
        if problem:
            self.result.problems.append(RowProblem(line, problem))
            return
        table.rows.append(cells)
        table.lines.append(line)

    def place_table(self, table: Table) -> None:
        """A table belongs to the current family, else to the current category, else to other tables."""
        if self.family is not None and self.family.table is None:
            self.family.table = table
        elif self.category is not None and self.family is None:
            self.category.tables.append(table)
        else:
            self.result.other_tables.append((self.heading, table))

    def on_table(self, tokens: list[Token], index: int) -> int:
        """Read one table; return the index after it. Rows that do not line up are problems."""
        start = tokens[index]
        end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
        header_line = line_of(start)
        header = split_row(self.lines[header_line - 1])
        table = Table([heading_text(cell) for cell in header], line=header_line)
        for token in tokens[index:end]:
            if token.type == "tr_open" and line_of(token) != header_line:
                self.read_row(table, line_of(token))
        self.place_table(table)
        return end + 1


def looks_like_table(content: str) -> bool:
    lines = content.splitlines()
    return len(lines) >= 2 and lines[0].lstrip().startswith("|") and DELIMITER_RE.fullmatch(lines[1].strip()) is not None


def alignment_problem(header: list[str], cells: list[Cell]) -> str:
    """Why a row cannot be read by header name ('' when it can): a row may only leave out empty
    optional cells at its end; anything else would shift cells into the wrong columns."""
    if len(cells) > len(header):
        return f"row has {len(cells)} cells, its header {len(header)}: not read (cells would be guessed)"
    missing = header[len(cells):]
    if any(name not in OPTIONAL_TRAILING for name in missing):
        return (f"row has {len(cells)} cells, its header {len(header)} ({', '.join(missing)} missing): "
                "not read (cells would be guessed)")
    return ""


def line_of(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def parse_awesome_list(text: str, is_category: Callable[[str, int], bool] | None = None) -> AwesomeList:
    """Parse the list's Markdown. ``is_category(text, level)`` tells category headings (the importer
    asks the category registry); by default every level-2 heading is one, as in the 2022 list."""
    return ListReader(text, is_category or level_two).read()


def level_two(text: str, level: int) -> bool:
    return level == 2
