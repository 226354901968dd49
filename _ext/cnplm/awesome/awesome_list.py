"""Parse the awesome-list Markdown (categories, family sections, paper lines, tables, log).

The parser is shared by the importer (list -> cards), the fidelity test (every row of the list
has its counterpart in the catalogue) and the README round trip (cards -> list -> parse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..data.catalog import Link

# [label](url); also the list's broken [label]((#anchor)) form
LINK_RE = re.compile(r"\[([^\]]*)\]\(\(?([^)\s]*)\)?\)")
HTML_TAG_RE = re.compile(r"</?\s*(p|br)\s*/?>", re.IGNORECASE)
LOG_LINE_RE = re.compile(r"^\*\s+(\d{4})\.(\d{2})\.(\d{2})\s+(.*)$")


@dataclass(frozen=True)
class Cell:
    raw: str

    @property
    def links(self) -> list[Link]:
        return [Link(label.strip(), url.strip()) for label, url in LINK_RE.findall(self.raw)]

    @property
    def text(self) -> str:
        """The cell as plain text: link labels kept, HTML line breaks turned into spaces."""
        plain = LINK_RE.sub(lambda m: m.group(1), self.raw)
        plain = HTML_TAG_RE.sub(" ", plain)
        return " ".join(plain.split())


@dataclass
class Table:
    header: list[str]
    rows: list[list[Cell]] = field(default_factory=list)

    def column(self, row: list[Cell], name: str) -> Cell | None:
        return row[self.header.index(name)] if name in self.header else None


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
    families: list[FamilySection] = field(default_factory=list)


@dataclass(frozen=True)
class LogLine:
    date: str  # ISO yyyy-mm-dd
    text: str
    links: tuple[Link, ...]
    line: int


@dataclass
class AwesomeList:
    categories: list[CategorySection] = field(default_factory=list)
    log: list[LogLine] = field(default_factory=list)

    @property
    def families(self) -> list[FamilySection]:
        return [family for category in self.categories for family in category.families]


def split_row(line: str) -> list[str]:
    """Split a Markdown table row on pipes that are not inside a link's brackets."""
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [cell.strip() for cell in inner.split("|")]


def parse_paper_line(body: str, line: int) -> PaperLine | None:
    parts = [part.strip() for part in body.split(" | ")]
    if len(parts) < 5 or not re.fullmatch(r"\d{4}", parts[0]):
        return None
    links = Cell(parts[-1]).links
    return PaperLine(
        year=parts[0],
        title=" | ".join(parts[1:-3]),
        authors=parts[-3],
        venue=parts[-2],
        link=links[0] if links else None,
        line=line,
    )


def parse_awesome_list(text: str) -> AwesomeList:
    """Parse the list's Markdown into sections; unknown lines are ignored."""
    result = AwesomeList()
    category: CategorySection | None = None
    family: FamilySection | None = None
    in_log = False
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.rstrip()
        stripped = line.strip()
        if line.startswith("## "):
            heading = line[3:].strip()
            in_log = heading == "更新"
            family = None
            category = None if in_log else CategorySection(heading)
            if category is not None:
                result.categories.append(category)
            continue
        if in_log:
            match = LOG_LINE_RE.match(stripped)
            if match:
                year, month, day, body = match.groups()
                result.log.append(
                    LogLine(f"{year}-{month}-{day}", body.strip(), tuple(Cell(body).links), number)
                )
            continue
        if line.startswith("### ") and category is not None:
            family = FamilySection(line[4:].strip(), number)
            category.families.append(family)
            continue
        if family is None:
            continue
        if stripped.startswith("+ "):
            paper = parse_paper_line(stripped[2:], number)
            if paper:
                family.papers.append(paper)
        elif stripped.startswith("|"):
            cells = split_row(stripped)
            if family.table is None:
                family.table = Table([c.strip() for c in cells])
            elif set("".join(cells)) <= set("- :"):
                continue
            else:
                family.table.rows.append([Cell(c) for c in cells])
        elif stripped.startswith(">"):
            note = stripped.lstrip(">").strip()
            if note:
                family.notes.append(note)
    return result
