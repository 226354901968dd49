"""Check a snapshot of today's list against the catalogue, row by row.

Every table row of every file is re-imported with no ids taken (as ``import --update`` does). A row
is held when each model the importer drafts from it is in the catalogue under the same id with the
same list-derived fields, or when the ledger (``list_rows``) records it: taken as named entries that
hold all of its URLs, or not taken, with the reason. A difference is accepted only through a
correction of the model's family whose ``listed`` is the list's value. The changelog's entries must
be in the update log with their links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..data.catalog import Catalog, Dataset, Family, Link, ModelVariant
from ..data.problems import Problem
from .awesome_list import AwesomeList, Cell, split_row
from .importer import ImportReport
from .list_rows import LedgerRow, ledger_path, load_ledger

SCALARS = ("name", "version", "remarks", "domain_as_listed", "release", "architecture", "size", "layers",
           "parameters", "active_parameters", "mixture_of_experts")
SIZE_FIELDS = {"parameters", "active_parameters", "mixture_of_experts"}  # derived from the 大小 cell


@dataclass
class FileCheck:
    """What one file of the snapshot gives: its rows, held or not, and every problem found."""

    path: Path
    rows: int = 0
    drafted: int = 0  # held by the importer's own ids
    taken_by_hand: int = 0
    not_taken: int = 0
    log_entries: int = 0
    problems: list[Problem] = field(default_factory=list)


def row_lines(parsed: AwesomeList) -> list[int]:
    """The line of every table body row, read or not."""
    tables = [t for c in parsed.categories for t in (*c.tables, *(f.table for f in c.families if f.table))]
    tables += [table for _, table in parsed.other_tables]
    return sorted({line for table in tables for line in table.lines} | {p.line for p in parsed.problems})


def first_cell(text_lines: list[str], line: int) -> str:
    cells = split_row(text_lines[line - 1])
    return Cell(cells[0]).text if cells else ""


def row_urls(text_lines: list[str], line: int) -> list[str]:
    return [link.url for raw in split_row(text_lines[line - 1]) for link in Cell(raw).links
            if link.url.startswith("http")]


def accepted(family: Family, *listed: object) -> bool:
    """A correction of the family records one of these list values as deliberately changed."""
    values = {str(value) for value in listed if value not in (None, "")}
    return any(correction.listed in values for correction in family.corrections)


def as_link(value: dict | None) -> Link | None:
    return Link(value["label"], value.get("url", "")) if value else None


def as_ids(value: str | list[str] | None) -> list[str]:
    return [value] if isinstance(value, str) else list(value or ())


def model_problems(drafted: dict, model: ModelVariant, family: Family) -> list[str]:
    """List-derived fields of a drafted model that the card does not hold (corrections excepted)."""
    found = []
    version = drafted.get("version", "")
    for name in SCALARS:
        listed = drafted.get(name)
        if name in drafted and listed != getattr(model, name) and \
                not accepted(family, listed, *([version] if name in SIZE_FIELDS else [])):
            found.append(f"{name} {listed!r} is {getattr(model, name)!r} in the card")
    missing = [code for code in drafted.get("languages", ()) if code not in model.languages]
    if missing and not accepted(family, *missing):
        found.append(f"languages {missing} missing")
    for name, own in (("author_as_listed", model.author_as_listed), ("source", model.source)):
        listed_link = as_link(drafted.get(name))
        if listed_link and listed_link != own and not accepted(family, listed_link.label, listed_link.url):
            found.append(f"{name} {listed_link.label!r} {listed_link.url} is {own} in the card")
    own_links = {(link.label, link.url, link.code or None) for link in model.links}
    for link in drafted.get("links", ()):
        if (link["label"], link["url"], link.get("code")) not in own_links and \
                not accepted(family, link["url"], link["label"]):
            found.append(f"link {link['label']} {link['url']} missing")
    for hub, own_ids in (("huggingface", model.huggingface_ids), ("modelscope", model.modelscope_ids)):
        found += [f"{hub} id {hub_id!r} missing" for hub_id in as_ids(drafted.get(hub))
                  if hub_id not in own_ids and not accepted(family, hub_id)]
    return found


def loose(text: str) -> str:
    """A name compared loosely: case, spaces and punctuation ignored ('Albert-tiny' ~ 'ALBERT tiny')."""
    return re.sub(r"[^0-9a-z\u3400-\u9fff]+", "", text.lower())


def entity_names(catalog: Catalog, entity_id: str) -> set[str]:
    """The names an entry of the catalogue goes by (a model's with its version, a family's and its
    models', the list values its family's corrections record)."""
    models = catalog.models
    if entity_id in models:
        model = models[entity_id]
        family = catalog.family_of(model)
        return {model.name, model.version, f"{model.name}-{model.version}", family.name,
                *(c.listed for c in family.corrections)}
    if entity_id in catalog.families:
        family = catalog.families[entity_id]
        return {family.name, *(m.name for m in family.models), *(c.listed for c in family.corrections)}
    entity = catalog.datasets.get(entity_id) or catalog.benchmarks.get(entity_id)
    return {entity.name} if entity else set()


def entity_urls(catalog: Catalog, entity_id: str) -> set[str] | None:
    """Every URL an entry of the catalogue records (None when the id names nothing)."""
    models = catalog.models
    if entity_id in models:
        return model_urls(catalog, models[entity_id])
    if entity_id in catalog.families:
        family = catalog.families[entity_id]
        urls = {link.url for note in family.notes for link in note.links}
        urls |= {catalog.bibliography[key].url or "" for key in family.papers if key in catalog.bibliography}
        return urls.union(*(model_urls(catalog, model) for model in family.models))
    entity = catalog.datasets.get(entity_id) or catalog.benchmarks.get(entity_id)
    if entity is None:
        return None
    author = getattr(entity, "author_as_listed", None)
    return {link.url for link in entity.links} | {s.url for s in entity.sources} | ({author.url} if author else set())


def model_urls(catalog: Catalog, model: ModelVariant) -> set[str]:
    family = catalog.family_of(model)
    urls = {link.url for link in model.links} | {source.url for source in model.sources}
    urls |= {link.url for link in (model.source, model.author_as_listed) if link}
    return urls | {correction.listed for correction in family.corrections}


def ledger_problems(catalog: Catalog, entry: LedgerRow, text_lines: list[str]) -> list[str]:
    listed = first_cell(text_lines, entry.line)
    if entry.row != listed:
        return [f"the ledger names the row {entry.row!r}, the file has {listed!r}"]
    if entry.not_taken:
        return []
    urls: set[str] = set()
    found = []
    for entity_id in entry.taken_as:
        own = entity_urls(catalog, entity_id)
        if own is None:
            found.append(f"{entry.row!r} taken as {entity_id!r}, which is not in the catalogue")
        else:
            urls |= own
    found += [f"{entry.row!r}: link {url} is in none of {list(entry.taken_as)}"
              for url in row_urls(text_lines, entry.line) if url not in urls and not found]
    names = {loose(name) for entity_id in entry.taken_as for name in entity_names(catalog, entity_id) if name}
    row = loose(entry.row)
    if not found and row and not any(row in name for name in names):
        found.append(f"{entry.row!r} is the name of none of {list(entry.taken_as)} (nor a correction's listed value)")
    return found


def dataset_problems(drafted: dict, dataset: Dataset) -> list[str]:
    """Cells of a drafted instruction dataset that its registry entry does not hold."""
    own = {"name": dataset.name, "size": dataset.size or None, "release": dataset.release,
           "remarks": dataset.remarks or None}
    found = [f"{name} {drafted.get(name)!r} is {own[name]!r} in the registry" for name in own
             if drafted.get(name) != own[name]]
    if list(dataset.languages) != drafted.get("languages", []):
        found.append(f"languages {drafted.get('languages', [])} are {list(dataset.languages)} in the registry")
    if as_link(drafted.get("author_as_listed")) != dataset.author_as_listed:
        found.append(f"author_as_listed {drafted.get('author_as_listed')} is {dataset.author_as_listed} in the registry")
    own_links = {(link.kind, link.label, link.url) for link in dataset.links}
    found += [f"link {link['label']} {link['url']} missing" for link in drafted.get("links", ())
              if (link["kind"], link["label"], link["url"]) not in own_links]
    return found


def drafted_row_problems(catalog: Catalog, ids: list[str], drafted: dict[str, dict]) -> list[str]:
    models = catalog.models
    found = []
    for model_id in ids:
        # an instruction dataset's row (its id may also be a model's: QiZhen, lawyer-llama)
        if model_id in catalog.datasets and "links" in drafted[model_id] and "domain" not in drafted[model_id]:
            found += [f"{model_id}: {problem}" for problem in dataset_problems(drafted[model_id], catalog.datasets[model_id])]
            continue
        model = models.get(model_id)
        if model is None:
            found.append(f"{drafted[model_id]['name']!r}: no model {model_id!r} in the catalogue "
                         "(and the row is not in the ledger)")
            continue
        found += [f"{model_id}: {problem}"
                  for problem in model_problems(drafted[model_id], model, catalog.family_of(model))]
    return found


def log_problems(catalog: Catalog, parsed: AwesomeList, summary: bool = False) -> list[tuple[int, str]]:
    """Each changelog line is an update-log entry of the same date and text, with its links. A
    ``summary`` (the README's 更新 section) may shorten an entry: its text then begins the entry's."""
    found = []
    for line in parsed.log:
        text = " ".join(Cell(line.text).text.split())
        entry = next((e for e in catalog.updates if e.date.isoformat() == line.date
                      and (e.text == text or summary and e.text.startswith(text))), None)
        if entry is None:
            found.append((line.line, f"log {line.date} {text!r} is not in the update log"))
            continue
        own = {link.url for link in entry.links}
        found += [(line.line, f"log {line.date}: link {link.url} missing") for link in line.links
                  if link.url.startswith("http") and link.url not in own]
    return found


def check_file(path: Path, parsed: AwesomeList, report: ImportReport, catalog: Catalog, ledger_dir: Path) -> FileCheck:
    """Hold every row and log line of one snapshot file (parsed, and imported with no ids taken)
    against the catalogue and the ledger."""
    check = FileCheck(path)
    text_lines = path.read_text(encoding="utf-8").splitlines()
    ledger_file = ledger_path(ledger_dir, path)
    ledger, found = load_ledger(ledger_file)
    check.problems += found
    drafted = {**{entry["id"]: entry for entry in report.datasets}, **report.drafted()}
    lines = row_lines(parsed)
    for entry in ledger.values():
        if entry.line not in lines:
            check.problems.append(Problem(ledger_file, entry.at, f"line {entry.line} of {path.name} is not a table row"))
    for line in lines:
        entry = ledger.get(line)
        if entry is not None:
            messages = ledger_problems(catalog, entry, text_lines)
            check.taken_by_hand += bool(entry.taken_as)
            check.not_taken += bool(entry.not_taken)
        elif line in report.row_ids:
            messages = drafted_row_problems(catalog, report.row_ids[line], drafted)
            check.drafted += 1
        else:
            messages = [f"{first_cell(text_lines, line)!r} is not read by the importer and not in {ledger_file.name}"]
        check.problems += [Problem(path, line, message) for message in messages]
        check.rows += 1
    check.log_entries = len(parsed.log)
    summary = path.name == "README.md"  # its 更新 section repeats the newest changelog entries, some shortened
    check.problems += [Problem(path, line, message) for line, message in log_problems(catalog, parsed, summary)]
    return check
