"""Turn awesome-list sections into card dictionaries (the first draft of a card, edited by hand).

Used once for the list's first sections and kept for its newer ones: ``python -m cnplm import``.
It never overwrites an existing card; it reports what it could not map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .log_links import NameIndex, named_in
from .awesome_list import AwesomeList, Cell, FamilySection, PaperLine, Table
from .dataset_rows import draft_datasets, is_dataset_table
from .llm_rows import LlmRow, author_of, llm_models
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
    # the list's "GPT-3" section is THUDM's Chinese-Transformer-XL (文汇), not OpenAI's GPT-3
    "GPT-3": ("gpt-3", "Chinese-Transformer-XL", "文汇"),
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
    datasets: list[dict] = field(default_factory=list)  # entries of the instruction-dataset registry
    organisations: dict[str, dict] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    missing_papers: list[str] = field(default_factory=list)  # paper lines with no entry in the .bib
    drafted_rows: int = 0
    unread_rows: int = 0  # rows reported with their line and not drafted
    row_ids: dict[int, list[str]] = field(default_factory=dict)  # a drafted row's line -> its ids

    def drafted(self) -> dict[str, dict]:
        """Every drafted model by id."""
        return {model["id"]: model for card in self.cards for model in card.get("models", ())}


@dataclass
class ImportContext:
    """What the importer maps the list's cells to: the catalogue's registries and ids in use."""

    bib_index: dict[str, str]
    domains: dict[str, str]
    taken: set[str]
    categories: dict[str, str]  # the list's heading -> category id
    kinds: dict[str, str] = field(default_factory=dict)  # category id -> kind of its models
    source: str = "<list>"  # file name for file:line messages


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


def listed_author(cell: Cell) -> Link | None:
    """The author cell: its link, or its text when the list gives no link."""
    if cell.empty:
        return None
    return cell.links[0] if cell.links else Link(cell.text, "")


def note_organisation(model: dict, author: Link | None, report: ImportReport, where: str) -> None:
    """The model's organisation drafted from the list's author cell (kept as author_as_listed)."""
    if author is None:
        report.problems.append(f"{where}: no author")
        return
    org = organisation_id(author) if author.url else slugify(author.label)
    report.organisations.setdefault(org, {"id": org, "name_en": author.label, "kind": "institution?",
                                          "listed_as": [author.label], "url": author.url})
    model["organisation"] = org
    model["author_as_listed"] = {"label": author.label, "url": author.url} if author.url else {"label": author.label}


def import_row(
    table: Table, row: list[Cell], taken: set[str], report: ImportReport, domains: dict[str, str],
    where: str = "",
) -> dict:
    def cell(name: str) -> Cell:
        return table.column(row, name) or Cell("")

    name = cell("模型").text
    where = where or name
    version = "" if cell("版本").empty else cell("版本").text
    facts = parse_version(version)
    model: dict = {}
    model["id"] = unique_id(slugify(name) or "model", taken, facts.get("size", ""), version)
    taken.add(model["id"])
    model["name"] = name
    model["version"] = version
    model.update(facts)
    note_organisation(model, listed_author(cell("作者")), report, where)
    sources = cell("源地址").links
    if sources:
        model["source"] = {"label": sources[0].label, "url": sources[0].url}
    listed_domain = "" if cell("应用领域").empty else cell("应用领域").text
    if not listed_domain:  # a table without the column (M3E, LEALLA) or an empty cell: general, as for LLM rows
        if "应用领域" in table.header:
            report.problems.append(f"{where}: empty 应用领域: domain general")
        model["domain"] = "general"
    else:
        domain = domains.get(listed_domain)
        if domain is None:
            report.problems.append(f"{where}: unknown domain {listed_domain!r}")
            domain = slugify(listed_domain) or "unknown"
        model["domain"] = domain
        model["domain_as_listed"] = listed_domain
    model["links"] = model_links(table, row)
    for link in model["links"]:
        hub = HF_MODEL_RE.match(link["url"])
        if hub:
            model["huggingface"] = hub.group(1)
    remarks = "" if cell("备注").empty else cell("备注").text
    if remarks:
        model["remarks"] = remarks
    return model


def import_family(section: FamilySection, category: str, context: ImportContext, report: ImportReport) -> dict:
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
        key = paper_key(paper, context.bib_index)
        if key is None:
            report.problems.append(f"{context.source}:{paper.line}: {section.heading}: no BibTeX entry for {paper.title!r}")
            report.missing_papers.append(f"{paper.year} | {paper.title} | {paper.link.url if paper.link else ''}")
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
    card["models"] = []
    for row, line in zip(table.rows, table.lines, strict=True):
        model = import_row(table, row, context.taken, report, context.domains, f"{context.source}:{line}")
        card["models"].append(model)
        report.row_ids[line] = [model["id"]]
    report.drafted_rows += len(table.rows)
    kind = context.kinds.get(category)
    if kind:
        for model in card["models"]:
            model.setdefault("kind", kind)
    return card


def import_llm_table(table: Table, category: str, context: ImportContext, report: ImportReport) -> None:
    """One family card per row of an LLM table (its checkpoints as variants)."""
    for row, line in zip(table.rows, table.lines, strict=True):
        where = f"{context.source}:{line}"
        llm_row = LlmRow(table, row)
        name = llm_row.value("模型")
        if not name:
            report.problems.append(f"{where}: no model name: row not read")
            report.unread_rows += 1
            continue
        family_id = unique_id(slugify(name) or "model", context.taken)
        models = llm_models(llm_row, family_id, name, report.problems, where, context.domains)
        author = author_of(llm_row)
        for model in models:
            model["id"] = unique_id(model["id"], context.taken) if model["id"] != family_id or len(models) > 1 \
                else model["id"]
            context.taken.add(model["id"])
            note_organisation(model, author, report, where)
            kind = context.kinds.get(category)
            if kind:
                model["kind"] = kind
        context.taken.add(family_id)
        report.cards.append({"id": family_id, "name": name, "category": category, "models": models})
        report.row_ids[line] = [model["id"] for model in models]
        report.drafted_rows += 1


def import_list(
    parsed: AwesomeList,
    bib_index: dict[str, str],
    domains: dict[str, str],
    taken_ids: set[str] | None = None,
    categories: dict[str, str] | None = None,
    kinds: dict[str, str] | None = None,
    source: str = "<list>",
) -> ImportReport:
    """Draft cards for every family section and every LLM table row of a parsed list.

    ``categories`` maps the list's headings to category ids and ``kinds`` a category to the kind of
    its models (both from the category registry). Every table row is either drafted or reported
    with its ``file:line``.
    """
    context = ImportContext(bib_index, domains, set(taken_ids or ()), categories or {}, kinds or {}, source)
    report = ImportReport()
    report.problems += [f"{source}:{warning.line}: {warning.message}" for warning in parsed.warnings]
    for problem in parsed.problems:
        report.problems.append(f"{source}:{problem.line}: {problem.message}")
        report.unread_rows += 1
    for category in parsed.categories:
        category_id = category_of(category.heading, context.categories)
        if category_id is None:
            report.problems.append(f"{source}:{category.line}: unknown category {category.heading!r}")
            skip_rows(report, source, [section.table for section in category.families if section.table]
                      + category.tables, f"under unknown category {category.heading!r}")
            continue
        for section in category.families:
            if section.table is None or "模型" not in section.table.header:
                skip_rows(report, source, [section.table] if section.table else [], "not a model table")
                continue
            report.cards.append(import_family(section, category_id, context, report))
        for table in category.tables:
            if "模型" in table.header and "大小" in table.header:
                import_llm_table(table, category_id, context, report)
            else:
                skip_rows(report, source, [table], "not a model table")
    for heading, table in parsed.other_tables:
        if is_dataset_table(table):
            entries = draft_datasets(table, source, report.problems)
            report.datasets += entries
            report.row_ids.update({line: [entry["id"]] for line, entry in zip(table.lines, entries, strict=True)})
            report.drafted_rows += len(table.rows)
            continue
        what = "a list of other awesome lists, not a model, dataset or benchmark" if "名称" in table.header \
            else f"section {heading!r} is not a model category"
        skip_rows(report, source, [table], what)
    return report


def category_of(heading: str, categories: dict[str, str]) -> str | None:
    """The category id of a heading: exact, or its part before ' - ' ('NLU系列 - 自然语言理解...')."""
    return categories.get(heading) or categories.get(heading.split(" - ")[0].strip())


def skip_rows(report: ImportReport, source: str, tables: list[Table], why: str) -> None:
    for table in tables:
        for line in table.lines:
            report.problems.append(f"{source}:{line}: row not drafted: {why}")
            report.unread_rows += 1


def family_anchors(parsed: AwesomeList) -> dict[str, str]:
    """Heading anchor as the list links it ('#PanGu-Alpha') -> family id."""
    return {
        section.heading.strip(): FAMILY_NAMES.get(section.heading, (slugify(section.heading),))[0]
        for section in parsed.families
    }


def import_log(parsed: AwesomeList, report: ImportReport, source: str = "<list>",
               names: NameIndex | None = None) -> list[dict]:
    """Update-log entries: families from the in-page anchors and, with ``names``, the families and
    models the line names; external links kept as links."""
    anchors = family_anchors(parsed)
    entries = []
    for line in parsed.log:
        families, links = [], []
        for link in line.links:
            if link.url.startswith("http"):
                links.append({"label": link.label, "url": link.url})
                continue
            anchor = link.url.strip("()").lstrip("#").strip()
            family = anchors.get(anchor)
            if family is None and names is None:
                report.problems.append(f"{source}:{line.line}: log {line.date}: anchor {link.url!r} names no family")
            elif family is not None and family not in families:
                families.append(family)
        text = " ".join(Cell(line.text).text.split())
        models: list[str] = []
        if names is not None and not families:  # the names its links give, else those of its text
            labels = " , ".join(link.label for link in line.links)
            named_families, models = named_in(labels, names)
            if not named_families:
                named_families, models = named_in(text, names)
            families += named_families
        if names is not None and not families:
            report.problems.append(f"{source}:{line.line}: log {line.date}: names no family of the catalogue")
        entry: dict = {"date": line.date, "families": families, "text": text}
        if models:
            entry["models"] = models
        if links:
            entry["links"] = links
        entries.append(entry)
    return entries
