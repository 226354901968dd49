"""Compare the awesome list with the catalogue: every row, link, code, author, source, domain,
note, paper line and log entry must have its counterpart, or a recorded correction."""

from __future__ import annotations

import re

from .awesome_list import AwesomeList, Cell, FamilySection, PaperLine
from ..data.catalog import Catalog, Family, ModelVariant
from ..data.hosts import split_extraction_code
from .importer import ARXIV_RE, family_anchors


def corrected(family: Family, listed: str) -> bool:
    """The list's value was deliberately changed, with a correction recorded in the card."""
    return any(c.listed == listed for c in family.corrections)


def normalise_title(title: str) -> str:
    return re.sub(r"[^0-9a-z\u3400-\u9fff]+", "", title.lower())


def paper_found(catalog: Catalog, family: Family, paper: PaperLine) -> bool:
    """The family cites the paper line's paper: by its arXiv id when the line links arXiv, by its URL
    when it links elsewhere, by title only when it gives no link (a changed id or URL is noticed)."""
    url = paper.link.url if paper.link else ""
    arxiv = ARXIV_RE.search(url)
    for key in family.papers:
        entry = catalog.bibliography[key]
        if arxiv:
            if arxiv.group(1) in (entry.eprint, *ARXIV_RE.findall(entry.url or "")):
                return True
        elif url:
            if url == entry.url:
                return True
        elif normalise_title(paper.title) == normalise_title(entry.title):
            return True
    return False


def author_problems(cell: Cell, model: ModelVariant, where: str) -> list[str]:
    """The author cell is recorded exactly as listed: its link, or its text when it has none."""
    listed = model.author_as_listed
    recorded = (listed.label, listed.url) if listed else None
    expected = [(link.label, link.url) for link in cell.links] or ([(cell.text, "")] if cell.text else [])
    return [f"{where}: author {label!r} {url} is not its author_as_listed {recorded}"
            for label, url in expected if (label, url) != recorded]


def row_problems(catalog: Catalog, family: Family, section: FamilySection, row: list[Cell],
                 model: ModelVariant) -> list[str]:
    table = section.table
    assert table is not None

    def cell(name: str) -> Cell:
        return table.column(row, name) or Cell("")

    problems = []
    where = f"{family.id}/{model.id}"
    name, version = cell("模型").text, cell("版本").text
    if name != model.name and not corrected(family, name):
        problems.append(f"{where}: name {name!r} != {model.name!r}")
    if version != model.version and not corrected(family, version):
        problems.append(f"{where}: version {version!r} != {model.version!r}")
    problems += author_problems(cell("作者"), model, where)
    for source in cell("源地址").links:
        if (not model.source or model.source.url != source.url) and not corrected(family, source.url):
            problems.append(f"{where}: source {source.url} missing")
    domain_text = cell("应用领域").text
    domain = catalog.domains.get(model.domain)
    if domain_text not in (model.domain_as_listed, domain.zh if domain else None):
        problems.append(f"{where}: domain {domain_text!r} missing")
    remarks = cell("备注").text
    if remarks and remarks != model.remarks:
        problems.append(f"{where}: remarks {remarks!r} missing")
    listed_links = [link for column in table.header if column not in ("模型", "作者", "源地址")
                    for link in (table.column(row, column) or Cell("")).links]
    for link in listed_links:
        label, code = split_extraction_code(link.label)
        if not any(own.url == link.url and own.code == code and own.label == label for own in model.links) \
                and not corrected(family, link.url):
            problems.append(f"{where}: link {link.label} {link.url} missing")
    return problems


def section_problems(catalog: Catalog, family: Family, section: FamilySection) -> list[str]:
    problems = [f"{family.id}: paper {paper.title!r} not cited"
                for paper in section.papers
                if not paper_found(catalog, family, paper) and not corrected(family, paper.title)]
    rows = section.table.rows if section.table else []
    # the list's rows are the card's first models, in order; a newer list's rows are appended after them
    if len(rows) > len(family.models):
        problems.append(f"{family.id}: {len(rows)} rows in the list, {len(family.models)} models")
    for row, model in zip(rows, family.models, strict=False):
        problems += row_problems(catalog, family, section, row, model)
    note_texts = {note.text for note in family.notes}
    note_urls = {link.url for note in family.notes for link in note.links}
    for note in section.notes:
        text = " ".join(re.sub(r"\[[^\]]*\]\([^)]*\)", "", note).replace("**", "").split())
        if text not in note_texts:
            problems.append(f"{family.id}: note {text!r} missing")
        problems += [f"{family.id}: note link {link.url} missing"
                     for link in Cell(note).links if link.url not in note_urls]
    return problems


def log_problems(catalog: Catalog, parsed: AwesomeList) -> list[str]:
    anchors = family_anchors(parsed)
    problems = []
    for line in parsed.log:
        text = " ".join(Cell(line.text).text.split())
        matches = [e for e in catalog.updates if e.date.isoformat() == line.date and e.text == text]
        if not matches:
            problems.append(f"log {line.date}: {text!r} missing")
            continue
        entry = matches[0]
        named = {anchors.get(link.url.lstrip("(#").strip()) for link in line.links if not link.url.startswith("http")}
        named.discard(None)
        if named != set(entry.families) and not entry.correction:
            problems.append(f"log {line.date}: families {sorted(named)} != {list(entry.families)}")
        for link in line.links:
            if link.url.startswith("http") and link.url not in {link.url for link in entry.links}:
                problems.append(f"log {line.date}: link {link.url} missing")
    return problems


def fidelity_problems(parsed: AwesomeList, catalog: Catalog) -> list[str]:
    """Every difference between the list and the catalogue that no correction explains."""
    anchors = family_anchors(parsed)
    problems = []
    for section in parsed.families:
        family = catalog.families.get(anchors[section.heading.strip()])
        if family is None:
            problems.append(f"section {section.heading!r} has no card")
            continue
        problems += section_problems(catalog, family, section)
    return problems + log_problems(catalog, parsed)


def regenerated_problems(original: AwesomeList, regenerated: AwesomeList, catalog: Catalog) -> list[str]:
    """Rows and links of the original list missing from a regenerated one (corrections excepted)."""
    anchors, new_anchors = family_anchors(original), family_anchors(regenerated)
    sections = {new_anchors[s.heading.strip()]: s for s in regenerated.families}
    problems = []
    for section in original.families:
        family_id = anchors[section.heading.strip()]
        family, new = catalog.families[family_id], sections.get(family_id)
        if new is None or new.table is None or section.table is None:
            problems.append(f"{family_id}: section missing")
            continue
        if len(new.table.rows) < len(section.table.rows):  # a newer list's rows come after the list's
            problems.append(f"{family_id}: {len(section.table.rows)} rows became {len(new.table.rows)}")
        for row, new_row in zip(section.table.rows, new.table.rows, strict=False):
            old_cells = {name: section.table.column(row, name) or Cell("") for name in section.table.header}
            new_links = {(link.label, link.url) for c in new_row for link in c.links}
            new_urls = {url for _, url in new_links}
            new_texts = {c.text for c in new_row}
            for name in ("模型", "版本", "应用领域", "备注"):
                text = old_cells[name].text if name in old_cells else ""
                if text and text not in new_texts and not corrected(family, text):
                    problems.append(f"{family_id}: {name} {text!r} missing")
            for cell in old_cells.values():
                problems += [f"{family_id}: link {link.label} {link.url} missing" for link in cell.links
                             if (link.label, link.url) not in new_links and not corrected(family, link.url)
                             and not (corrected(family, link.label) and link.url in new_urls)]
        new_papers = {normalise_title(p.title) for p in new.papers}
        problems += [f"{family_id}: paper {p.title!r} missing" for p in section.papers
                     if normalise_title(p.title) not in new_papers and not corrected(family, p.title)]
    new_log = {(line.date, " ".join(Cell(line.text).text.split())) for line in regenerated.log}
    for line in original.log:
        text = " ".join(Cell(line.text).text.split())
        if not any(date == line.date and new_text.startswith(text) for date, new_text in new_log):
            problems.append(f"log {line.date}: {text!r} missing")
    return problems
