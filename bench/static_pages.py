"""Plain Sphinx pages of the same shape as the site: the baseline of bench/scale.py.

One static MyST page per family (its fields, model table, one section per model with its fields and
BibTeX), the same category, index and home pages with the same links, the same toctrees, theme and
Chinese search, but no extension: what Sphinx itself costs for a site of this size.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from cnplm.data.catalog import Catalog, Family
from cnplm.data.summaries import INDEXES, category_families
from cnplm.export.bibtex_export import family_entries, to_bibtex

CONF = """\
project = "plain"
language = "zh_CN"
extensions = ["myst_parser"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
html_theme = "furo"
html_search_language = "zh"
"""


def cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def family_page(catalog: Catalog, family: Family) -> str:
    parts = ["---\norphan: true\n---\n", f"# {family.title}\n", f":类别 Category: {family.category}\n",
             f":机构 Organisations: {', '.join(dict.fromkeys(m.organisation for m in family.models))}\n",
             f"{family.description}\n", "## 模型一览 Models\n",
             table(["模型 Model", "版本 Version", "规模 Size", "机构 Organisation", "领域 Domain"],
                   [[m.name, m.version, m.size or "", m.organisation, m.domain] for m in family.models]),
             "## 模型详情 Model details\n"]
    for model in family.models:
        parts.append(f"### {model.name}\n")
        parts.append(f":ID: `{model.id}`\n:规模 Size: {model.size or ''}\n:领域 Domain: {model.domain}\n")
        parts += [f"- {link.label}: <{link.url}>\n" for link in model.links]
        parts.append("```bibtex\n" + to_bibtex(family_entries(catalog, family, model)) + "```\n")
    parts.append("## 引用 Cite\n```bibtex\n" + to_bibtex(family_entries(catalog, family)) + "```\n")
    return "\n".join(parts)


def summary_page(title: str, rows: list[list[str]]) -> str:
    return f"# {title}\n\n" + table(["系列 Family", "模型数 Models", "规模 Sizes"], rows)


def write_static_project(catalog: Catalog, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    (target / "families").mkdir(parents=True)
    (target / "conf.py").write_text(CONF, encoding="utf-8")
    for family in catalog.families.values():
        (target / "families" / f"{family.id}.md").write_text(family_page(catalog, family), encoding="utf-8")
    pages = []
    for category in catalog.categories.values():
        rows = [[f"[{s.title}](families/{s.id}.md)", str(s.models), s.sizes]
                for s in category_families(catalog, category.id)]
        (target / f"{category.id}.md").write_text(summary_page(category.label, rows), encoding="utf-8")
        pages.append(category.id)
    for name, grouping in INDEXES.items():
        text = f"# {name}\n\n"
        for group in grouping(catalog):
            links = " · ".join(f"[{f.title}](families/{f.id}.md) ({f.models})" for f in group.families)
            text += f"## {group.title}\n\n{group.models} models\n\n{links}\n\n"
        (target / f"index-{name}.md").write_text(text, encoding="utf-8")
        pages.append(f"index-{name}")
    toctree = "\n".join(pages)
    (target / "index.md").write_text(f"# plain\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
