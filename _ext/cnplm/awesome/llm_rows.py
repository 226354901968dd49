"""Draft family cards from the LLM tables of today's list (one row per model family).

Columns: 模型, 大小, 时间, 语言, 领域, 架构/结构, 下载, 项目/项目地址, 机构/机构/个人, 文献/文, 备注.
A size cell such as "8B / 70B / 405B" becomes one variant per checkpoint (each named as the row,
its own part of the cell as its version), "255B / A36B" one mixture-of-experts variant with its
active parameters; a cell that names no checkpoint sizes
(a range such as "0.5~72B (7档)") gives one variant, its size left empty for a person to fill in.
"""

from __future__ import annotations

import re

from .awesome_list import Cell, Table
from ..data.catalog import Link

LANGUAGES = {"中文": ["zh"], "中英": ["zh", "en"], "英文": ["en"], "多语": ["multilingual"], "多语言": ["multilingual"],
             "中英日": ["zh", "en", "ja"]}
ARCHITECTURES = {"CD": ("decoder", False), "ND": ("prefix-lm", False), "ED": ("encoder-decoder", False),
                 "MOE": ("decoder", True), "DENSE": ("dense", False), "RNN": ("rnn", False)}
RELEASE_RE = re.compile(r"^(\d{4})[-.](\d{1,2})$")
SIZE_PART_RE = re.compile(r"^(A)?(\d+(?:\.\d+)?)\s*([KMBT])?B?$", re.I)
SCALE = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
HUB_RE = re.compile(r"^https?://(huggingface\.co|hf-mirror\.com|modelscope\.cn/models)/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/?$")
LINK_KIND_WORDS = (("technical report", "technical-report"), ("report", "technical-report"), ("blog", "blog"),
                   ("paper", "paper"), ("arxiv", "paper"), ("pdf", "paper"))


def checkpoints(text: str) -> list[tuple[float, float | None, str]] | None:
    """(parameters, active parameters, the cell's words for it) per checkpoint, or None when the cell
    is not a list of sizes.

    "8B / 70B / 405B" -> three; "0.6/4/8B" -> the unit of the last applies to all; "255B / A36B"
    -> one MoE checkpoint; "35B-A3B" likewise. An active count written without a unit takes the
    cell's, except in a trillion-parameter cell, where it is in billions ("A32/1T": 32B of 1T).
    """
    parts = [part.strip() for part in re.split(r"\s*/\s*|-(?=A\d)", text.strip()) if part.strip()]
    if not parts:
        return None
    matches = [SIZE_PART_RE.match(part) for part in parts]
    if not all(matches):
        return None
    unit = next((m.group(3) for m in reversed(matches) if m.group(3)), None)
    if unit is None:
        return None
    sizes: list[tuple[float, float | None, str]] = []
    active_first: tuple[float, str] | None = None  # "A32/355B": the active count written before its checkpoint
    for part, match in zip(parts, matches, strict=True):
        own_unit = match.group(3) or ("B" if match.group(1) and unit.upper() == "T" else unit)
        value = float(match.group(2)) * SCALE[own_unit.upper()]
        if match.group(1) and sizes:  # an active-parameter count belongs to the checkpoint before it
            total, _, words = sizes[-1]
            sizes[-1] = (total, value, f"{words} / {part}")
        elif match.group(1):
            active_first = (value, part)
        else:
            active, words = active_first if active_first else (None, "")
            sizes.append((value, active, f"{words} / {part}" if words else part))
            active_first = None
    return sizes if sizes and active_first is None else None


def checkpoint_sizes(text: str) -> list[tuple[float, float | None]] | None:
    """(parameters, active parameters) per checkpoint of a size cell (see ``checkpoints``)."""
    found = checkpoints(text)
    return None if found is None else [(total, active) for total, active, _ in found]


def link_kind(label: str) -> str:
    lowered = label.lower()
    return next((kind for word, kind in LINK_KIND_WORDS if word in lowered), "homepage")


def size_label(count: float) -> str:
    for unit in ("T", "B", "M", "K"):
        if count >= SCALE[unit]:
            return f"{count / SCALE[unit]:g}{unit}"
    return f"{count:g}"


class LlmRow:
    """One row of an LLM table, read by column name."""

    def __init__(self, table: Table, row: list[Cell]) -> None:
        self.table, self.row = table, row

    def cell(self, *names: str) -> Cell:
        return self.table.first_column(self.row, *names)

    def value(self, *names: str) -> str:
        cell = self.cell(*names)
        return "" if cell.empty else cell.text


def llm_models(line: LlmRow, family_id: str, name: str, problems: list[str], where: str,
               domains: dict[str, str]) -> list[dict]:
    """The variants of one row: shared facts, one variant per checkpoint size."""
    common: dict = {}
    release = RELEASE_RE.match(line.value("时间"))
    if release:
        common["release"] = f"{release.group(1)}-{int(release.group(2)):02d}"
    elif line.value("时间"):
        problems.append(f"{where}: 时间 {line.value('时间')!r} is not a month (YYYY-MM): left out")
    languages = LANGUAGES.get(line.value("语言"))
    if languages:
        common["languages"] = languages
    elif line.value("语言"):
        problems.append(f"{where}: 语言 {line.value('语言')!r} unknown: left out")
    architecture = ARCHITECTURES.get(line.value("架构", "结构").upper())
    if architecture:
        common["architecture"] = architecture[0]
        if architecture[1]:
            common["mixture_of_experts"] = True
    listed_domain = line.value("领域")  # tables without the column are general-purpose
    common["domain"] = domains.get(listed_domain or "通用") or "general"
    if listed_domain and listed_domain not in domains:
        problems.append(f"{where}: unknown domain {listed_domain!r}")
    if listed_domain:
        common["domain_as_listed"] = listed_domain
    links, hubs = [], {"huggingface": [], "modelscope": []}
    for link in line.cell("下载").links:
        links.append({"kind": "download", "label": link.label, "url": link.url})
        hub = HUB_RE.match(link.url)
        if hub:
            hubs["modelscope" if "modelscope" in hub.group(1) else "huggingface"].append(hub.group(2))
    for link in line.cell("文献", "文", "备注").links:
        links.append({"kind": link_kind(link.label), "label": link.label, "url": link.url})
    project = line.cell("项目地址", "项目").links
    if project:
        common["source"] = {"label": project[0].label, "url": project[0].url}
    for hub, ids in hubs.items():
        if ids:
            common[hub] = ids[0] if len(ids) == 1 else ids
    remarks = "" if line.cell("备注").links else line.value("备注")
    if remarks:
        common["remarks"] = remarks
    common["links"] = links
    size_text = line.value("大小")
    sizes = checkpoints(size_text) if size_text else None
    if size_text and sizes is None:
        problems.append(f"{where}: 大小 {size_text!r} names no checkpoint sizes: one variant, size left empty")
    several = len(sizes or ()) > 1
    variants = []
    for parameters, active, words in sizes or [(None, None, size_text)]:
        # one variant per checkpoint: the row's name, its own words of the size cell as the version
        model = {"id": family_id, "name": name, "version": words if several else size_text}
        if parameters:
            label = size_label(parameters) + (f"-A{size_label(active)}" if active else "")
            model["id"] = f"{family_id}-{label.lower()}" if several else family_id
            model["parameters"] = int(parameters)
            if active:
                model["active_parameters"] = int(active)
                model["mixture_of_experts"] = True
        variants.append({**model, **common})
    return variants


def author_of(line: LlmRow) -> Link | None:
    cell = line.cell("机构/个人", "机构", "作者")
    if cell.empty:
        return None
    return cell.links[0] if cell.links else Link(cell.text, "")
