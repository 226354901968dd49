"""Turn awesome-list sections into card dictionaries (the first draft of a card, edited by hand).

Used once for the list's first sections and kept for its newer ones: ``python -m cnplm import``.
It never overwrites an existing card; it reports what it could not map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .awesome_list import AwesomeList, Cell, FamilySection, PaperLine, Table
from ..data.catalog import Link
from ..data.hosts import split_extraction_code

# Headings that are not ASCII names: (id, display name, Chinese name).
FAMILY_NAMES = {
    "二郎神": ("erlangshen", "Erlangshen", "二郎神"),
    "闻仲": ("wenzhong", "Wenzhong", "闻仲"),
    "余元": ("yuyuan", "Yuyuan", "余元"),
    "周文王": ("zhouwenwang", "Zhouwenwang", "周文王"),
    "紫东太初": ("zidongtaichu", "Zidong Taichu", "紫东太初"),
    "PanGu-Alpha": ("pangu-alpha", "PanGu-α", "盘古α"),
}
FRAMEWORK_COLUMNS = {
    "TensorFlow": "tensorflow",
    "PyTorch": "pytorch",
    "PaddlePaddle": "paddlepaddle",
    "Keras": "keras",
}
HOMEPAGE_COLUMNS = {"介绍", "资源"}
DOWNLOAD_COLUMNS = {"模型下载", "下载地址"}
SIZE_WORDS = {"middle": "medium"}
SIZE_RE = re.compile(r"(?<![a-z])(xxlarge|xlarge|large|base|medium|middle|small|mini|tiny)(?![a-z])", re.I)
LAYERS_RE = re.compile(r"L(\d+)|(\d+)L|(\d+)层")
PARAMS_RE = re.compile(r"(\d+(?:\.\d+)?)亿参数")
ARXIV_RE = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})")
HF_MODEL_RE = re.compile(r"^https?://huggingface\.co/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/?$")


@dataclass
class ImportReport:
    cards: list[dict] = field(default_factory=list)
    organisations: dict[str, dict] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-.")
    return re.sub(r"-{2,}", "-", slug)


def organisation_id(link: Link) -> str:
    """Organisations are keyed by their account handle, the last path segment of their URL."""
    return slugify(link.url.rstrip("/").rsplit("/", 1)[-1])


def paper_key(paper: PaperLine, bib_index: dict[str, str]) -> str | None:
    """Find the BibTeX key of a paper line by arXiv id, else by URL."""
    if paper.link is None or not paper.link.url:
        return bib_index.get(paper.title.strip().lower())
    match = ARXIV_RE.search(paper.link.url)
    if match:
        return bib_index.get(match.group(1))
    return bib_index.get(paper.link.url) or bib_index.get(paper.title.strip().lower())


def parse_version(version: str) -> dict:
    """Normalised size, layers and parameters from a version cell such as 'base(L12)' or '26亿参数'."""
    facts: dict = {}
    size = SIZE_RE.search(version)
    if size:
        word = size.group(1).lower()
        facts["size"] = SIZE_WORDS.get(word, word)
    layers = LAYERS_RE.search(version)
    if layers:
        facts["layers"] = int(next(group for group in layers.groups() if group))
    params = PARAMS_RE.search(version)
    if params:
        facts["parameters"] = int(round(float(params.group(1)) * 1e8))
    return facts


def model_links(table: Table, row: list[Cell]) -> list[dict]:
    links = []
    for column, cell in zip(table.header, row, strict=False):
        if column in FRAMEWORK_COLUMNS:
            kind, framework = "download", FRAMEWORK_COLUMNS[column]
        elif column in HOMEPAGE_COLUMNS:
            kind, framework = "homepage", None
        elif column in DOWNLOAD_COLUMNS:
            kind, framework = "download", None
        else:
            continue
        for link in cell.links:
            label, code = split_extraction_code(link.label)
            item = {"kind": kind}
            if framework:
                item["framework"] = framework
            item.update({"label": label, "url": link.url})
            if code:
                item["code"] = code
            links.append(item)
    return links


def unique_id(candidate: str, taken: set[str], *qualifiers: str) -> str:
    for suffix in ("", *qualifiers):
        model_id = slugify(f"{candidate}-{suffix}") if suffix else candidate
        if model_id and model_id not in taken:
            return model_id
    number = 2
    while f"{candidate}-{number}" in taken:
        number += 1
    return f"{candidate}-{number}"


def import_row(
    table: Table, row: list[Cell], taken: set[str], report: ImportReport, domains: dict[str, str]
) -> dict:
    def cell(name: str) -> Cell:
        return table.column(row, name) or Cell("")

    name = cell("模型").text
    version = cell("版本").text
    facts = parse_version(version)
    author = (cell("作者").links or [None])[0]
    model: dict = {}
    model["id"] = unique_id(slugify(name) or "model", taken, facts.get("size", ""), version)
    taken.add(model["id"])
    model["name"] = name
    model["version"] = version
    model.update(facts)
    if author:
        org = organisation_id(author)
        report.organisations.setdefault(org, {"id": org, "name_en": author.label, "kind": "institution?",
                                              "listed_as": [author.label], "url": author.url})
        model["organisation"] = org
        model["author_as_listed"] = {"label": author.label, "url": author.url}
    else:
        report.problems.append(f"{name}: no author link")
    sources = cell("源地址").links
    if sources:
        model["source"] = {"label": sources[0].label, "url": sources[0].url}
    listed_domain = cell("应用领域").text
    domain = domains.get(listed_domain)
    if domain is None:
        report.problems.append(f"{name}: unknown domain {listed_domain!r}")
        domain = slugify(listed_domain) or "unknown"
    model["domain"] = domain
    model["domain_as_listed"] = listed_domain
    model["links"] = model_links(table, row)
    for link in model["links"]:
        hub = HF_MODEL_RE.match(link["url"])
        if hub:
            model["huggingface"] = hub.group(1)
    remarks = cell("备注").text
    if remarks:
        model["remarks"] = remarks
    return model


def import_family(
    section: FamilySection,
    category: str,
    bib_index: dict[str, str],
    taken: set[str],
    report: ImportReport,
    domains: dict[str, str],
) -> dict:
    family_id, name, name_zh = FAMILY_NAMES.get(
        section.heading, (slugify(section.heading), section.heading, None)
    )
    card: dict = {"id": family_id, "name": name}
    if name_zh:
        card["name_zh"] = name_zh
    card["category"] = category
    table = section.table or Table([])
    types = {row[table.header.index("类型")].text for row in table.rows if "类型" in table.header}
    if types:
        card["model_type"] = sorted(types)[0]
    keys = []
    for paper in section.papers:
        key = paper_key(paper, bib_index)
        if key is None:
            report.problems.append(f"{section.heading}: no BibTeX entry for {paper.title!r}")
        elif key not in keys:
            keys.append(key)
    card["papers"] = keys
    notes = []
    for note in section.notes:
        cell = Cell(note)
        text = re.sub(r"\[[^\]]*\]\([^)]*\)", "", note).replace("**", "").strip()
        item: dict = {"text": " ".join(text.split())}
        if cell.links:
            item["links"] = [{"label": link.label, "url": link.url} for link in cell.links]
        notes.append(item)
    if notes:
        card["notes"] = notes
    card["models"] = [import_row(table, row, taken, report, domains) for row in table.rows]
    return card


def import_list(
    parsed: AwesomeList,
    bib_index: dict[str, str],
    domains: dict[str, str],
    taken_ids: set[str] | None = None,
    categories: dict[str, str] | None = None,
) -> ImportReport:
    """Draft cards for every family section of a parsed list; ``categories`` maps the list's headings
    to category ids (from the category registry)."""
    report = ImportReport()
    taken = set(taken_ids or ())
    for category in parsed.categories:
        category_id = (categories or {}).get(category.heading)
        if category_id is None:
            report.problems.append(f"unknown category {category.heading!r}")
            continue
        for section in category.families:
            report.cards.append(
                import_family(section, category_id, bib_index, taken, report, domains)
            )
    return report


def family_anchors(parsed: AwesomeList) -> dict[str, str]:
    """Heading anchor as the list links it ('#PanGu-Alpha') -> family id."""
    return {
        section.heading.strip(): FAMILY_NAMES.get(section.heading, (slugify(section.heading),))[0]
        for section in parsed.families
    }


def import_log(parsed: AwesomeList, report: ImportReport) -> list[dict]:
    """Update-log entries: families from the in-page anchors, external links kept as links."""
    anchors = family_anchors(parsed)
    entries = []
    for line in parsed.log:
        families, links = [], []
        for link in line.links:
            if link.url.startswith("http"):
                links.append({"label": link.label, "url": link.url})
                continue
            anchor = link.url.lstrip("(#").strip()
            family = anchors.get(anchor)
            if family is None:
                report.problems.append(f"log {line.date}: anchor {link.url!r} names no family")
            elif family not in families:
                families.append(family)
        text = " ".join(Cell(line.text).text.split())
        entry: dict = {"date": line.date, "families": families, "text": text}
        if links:
            entry["links"] = links
        entries.append(entry)
    return entries
