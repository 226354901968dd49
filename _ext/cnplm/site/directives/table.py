"""``.. plm-table::``: a comparison table of model variants with filters, columns and sorting."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from docutils.parsers.rst import directives

from ...data.catalog import FRAMEWORKS, KINDS, SIZES, ModelVariant
from ..digests import object_key
from ..render import Inline, external_link, format_parameters, joined, table, without_empty_columns
from ...data.selection import UNSPECIFIED, Selection, select, size_rank
from .base import CatalogDirective

Cell = Callable[["TableDirective", ModelVariant], list[Inline]]


def listing(argument: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (argument or "").split(",") if part.strip())


COLUMNS: dict[str, tuple[str, Cell]] = {
    "model": ("模型 Model", lambda d, m: [d.model_ref(m)]),
    "family": ("系列 Family", lambda d, m: [d.family_ref(d.catalog.family_of(m))]),
    "category": ("类别 Category", lambda d, m: [d.category_label(d.catalog.family_of(m).category)]),
    "version": ("版本 Version", lambda d, m: [d.catalog.family_of(m).version_shown(m)] if m.version != m.size else []),  # shown where it adds
    "size": ("规模 Size", lambda d, m: [m.size or ""]),
    "layers": ("层数 Layers", lambda d, m: [str(m.layers or "")]),
    "parameters": ("参数量 Params", lambda d, m: [format_parameters(m.parameters)]),
    "frameworks": ("框架 Frameworks", lambda d, m: [" / ".join(FRAMEWORKS[f] for f in m.frameworks)]),
    "huggingface": ("Hugging Face", lambda d, m: [external_link(m.huggingface, f"https://huggingface.co/{m.huggingface}")]
                    if m.huggingface else []),
    "organisation": ("机构 Organisation", lambda d, m: [d.organisation_ref(m.organisation, short=True)]),
    "domain": ("领域 Domain", lambda d, m: [d.domain_label(m)]),
    "source": ("源地址 Source", lambda d, m: [external_link(m.source.label, m.source.url)] if m.source else []),
    "kind": ("类型 Kind", lambda d, m: [KINDS[m.kind]] if m.kind else []),
    "release": ("发布 Released", lambda d, m: [m.release or ""]),
    "languages": ("语言 Languages", lambda d, m: [m.languages_text]),
    "licence": ("许可 Licence", lambda d, m: [m.licence]),
    "context": ("上下文 Context", lambda d, m: [str(m.context_length or "")]),
    "architecture": ("架构 Architecture", lambda d, m: [m.architecture or ""]),
    "downloads": ("下载 Downloads",
                  lambda d, m: joined((external_link(link.label, link.url) for link in m.downloads), " · ")),
}
DEFAULT_COLUMNS = ("model", "family", "size", "parameters", "frameworks", "organisation", "domain")
SORT_KEYS: dict[str, Callable] = {
    "model": lambda c, m: m.name.lower(),
    "family": lambda c, m: c.family_of(m).name.lower(),
    "category": lambda c, m: list(c.categories).index(c.family_of(m).category),
    "size": lambda c, m: size_rank(m),
    "parameters": lambda c, m: m.parameters or 0,
    "layers": lambda c, m: m.layers or 0,
    "organisation": lambda c, m: m.organisation,
    "domain": lambda c, m: m.domain,
}


class TableDirective(CatalogDirective):
    """Options select (comma-separated ids, any of which matches), choose columns and sort."""

    has_content = False
    option_spec = {
        "category": directives.unchanged,
        "domain": directives.unchanged,
        "organisation": directives.unchanged,
        "framework": directives.unchanged,
        "size": directives.unchanged,
        "family": directives.unchanged,
        "columns": directives.unchanged,
        "sort": directives.unchanged,
        "caption": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        selection = Selection(
            categories=listing(self.options.get("category")),
            domains=listing(self.options.get("domain")),
            organisations=listing(self.options.get("organisation")),
            frameworks=listing(self.options.get("framework")),
            sizes=listing(self.options.get("size")),
            families=listing(self.options.get("family")),
        )
        problems = self.unknown_filter_values(selection)
        if problems:
            return self.warn("; ".join(problems))
        columns = listing(self.options.get("columns")) or DEFAULT_COLUMNS
        unknown = [c for c in columns if c not in COLUMNS]
        if unknown:
            return self.warn(f"unknown column(s) {', '.join(unknown)}; known: {', '.join(COLUMNS)}")
        models = select(self.catalog, selection)
        self.plm_domain.note_aggregate(self.scope(selection, models))
        sort = self.options.get("sort", "")
        if sort:
            key = SORT_KEYS.get(sort.lstrip("-"))
            if key is None:
                return self.warn(f"cannot sort by {sort!r}; known: {', '.join(SORT_KEYS)}")
            models.sort(key=lambda m: key(self.catalog, m), reverse=sort.startswith("-"))
        rows = [[COLUMNS[column][1](self, model) for column in columns] for model in models]
        headers, rows = without_empty_columns([COLUMNS[column][0] for column in columns], rows)
        result = table(headers, rows, classes=["plm-comparison"])
        if "caption" in self.options:
            caption = self.options["caption"]
            result.insert(0, nodes.title(caption, caption))
        if not models:
            return [nodes.paragraph(text="（没有符合条件的模型 No model matches.）")]
        return [result]

    @staticmethod
    def scope(selection: Selection, models: list[ModelVariant]) -> set[str] | None:
        """What the table depends on: its families or categories and the registry items it shows."""
        if selection.families:
            scope = {object_key("family", family) for family in selection.families}
        elif selection.categories:
            scope = {object_key("category", category) for category in selection.categories}
        else:
            return None
        scope |= {object_key("organisation", model.organisation) for model in models}
        return scope | {object_key("domain", model.domain) for model in models}

    def unknown_filter_values(self, selection: Selection) -> list[str]:
        known = {
            "category": (selection.categories, set(self.catalog.categories)),
            "domain": (selection.domains, set(self.catalog.domains)),
            "organisation": (selection.organisations, set(self.catalog.organisations)),
            "framework": (selection.frameworks, {*FRAMEWORKS, UNSPECIFIED[0]}),
            "size": (selection.sizes, {*SIZES, UNSPECIFIED[0]}),
            "family": (selection.families, set(self.catalog.families)),
        }
        return [
            f"unknown {option} {value!r}"
            for option, (values, allowed) in known.items()
            for value in values
            if value not in allowed
        ]
