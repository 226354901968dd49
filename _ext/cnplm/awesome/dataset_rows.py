"""Draft entries of the instruction-dataset registry (docs/data/datasets.yaml) from the list's
中文指令数据集 table: 名称, 大小, 时间, 语言, 下载, 项目地址, 作者, 备注 (cells as listed)."""

from __future__ import annotations

import re

from .awesome_list import Cell, Table
from .llm_rows import LANGUAGES, RELEASE_RE, link_kind

DATASET_COLUMNS = {"名称", "下载"}  # a table with these is the instruction-dataset table
NO_SIZE_RE = re.compile(r"^[/\-—.\s]*$")  # "/", "-", "/." : the list gives no size


def is_dataset_table(table: Table) -> bool:
    return DATASET_COLUMNS <= set(table.header)


def slug(text: str) -> str:
    value = re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-.")
    return re.sub(r"-{2,}", "-", value)


def dataset_id(name: str, taken: set[str]) -> str:
    """The slug of the name, numbered when an earlier row of the same file has it."""
    candidate = slug(name) or "dataset"
    number, unique = 2, candidate
    while unique in taken:
        unique, number = f"{candidate}-{number}", number + 1
    taken.add(unique)
    return unique


def http_links(cell: Cell, kind: str | None = None) -> list[dict]:
    """The cell's links that lead somewhere (the list has an empty `[dataset]()`)."""
    return [{"kind": kind or link_kind(link.label), "label": link.label, "url": link.url}
            for link in cell.links if link.url.startswith(("http://", "https://"))]


def draft_dataset(table: Table, row: list[Cell], taken: set[str], problems: list[str], where: str) -> dict:
    """One registry entry from one row; cells the list leaves empty are left out."""
    def cell(name: str) -> Cell:
        return table.column(row, name) or Cell("")

    name = cell("名称").text
    entry: dict = {"id": dataset_id(name, taken), "name": name}
    size = cell("大小").text
    if not NO_SIZE_RE.fullmatch(size):
        entry["size"] = size
    release = RELEASE_RE.match(cell("时间").text)
    if release:
        entry["release"] = f"{release.group(1)}-{int(release.group(2)):02d}"
    elif cell("时间").text:
        problems.append(f"{where}: 时间 {cell('时间').text!r} is not a month (YYYY-MM): left out")
    languages = LANGUAGES.get(cell("语言").text)
    if languages:
        entry["languages"] = list(languages)  # a copy: shared lists would become YAML aliases
    elif not cell("语言").empty:
        problems.append(f"{where}: 语言 {cell('语言').text!r} unknown: left out")
    author = cell("作者")
    if author.links:
        entry["author_as_listed"] = {"label": author.links[0].label, "url": author.links[0].url}
    elif not author.empty:
        entry["author_as_listed"] = {"label": author.text}
    remarks = cell("备注")
    if remarks.text and not remarks.links and not remarks.empty:
        entry["remarks"] = remarks.text
    entry["links"] = [*http_links(cell("下载"), "download"), *http_links(cell("项目地址"), "repository"),
                      *http_links(remarks)]
    if not entry["links"]:
        problems.append(f"{where}: {name!r} links nothing")
    return entry


def draft_datasets(table: Table, source: str, problems: list[str]) -> list[dict]:
    """Every row of the dataset table, ids unique within it."""
    taken: set[str] = set()
    return [draft_dataset(table, row, taken, problems, f"{source}:{line}")
            for row, line in zip(table.rows, table.lines, strict=True)]
