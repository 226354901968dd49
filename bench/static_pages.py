"""Plain Sphinx pages of the same shape as the site: the baseline of bench/scale.py.

One static MyST page per family (its fields, model table, one section per model with the fields the
site shows and its BibTeX, corrections, log lines, the papers' BibTeX and references), the same
category, index and home pages with the same links (the organisation index with each organisation's
fields), the same toctrees, theme, Chinese search and third-party extensions (MyST, copy buttons,
sitemap, Open Graph tags), but not the site's own extension: what Sphinx costs for a site of this
size without it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from cnplm.data.catalog import ORGANISATION_KINDS, Catalog, Family, ModelVariant, Organisation
from cnplm.data.summaries import INDEXES, category_families
from cnplm.export.bibtex_export import model_blocks, paper_entries, to_bibtex
from cnplm.site.search_words import organisation_aliases

CONF = """\
project = "plain"
language = "zh_CN"
extensions = ["myst_parser", "sphinx_copybutton", "sphinx_sitemap", "sphinxext.opengraph"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
html_theme = "furo"
html_search_language = "zh"
html_baseurl = "https://example.org/plain/"
sitemap_url_scheme = "{link}"
ogp_site_url = html_baseurl
ogp_image = html_baseurl + "social.png"
ogp_social_cards = {"enable": False}
"""


def cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("[", "\\[").replace("]", "\\]").replace("\n", " ")


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def link(text: str, url: str) -> str:
    return f"[{cell(text)}]({url})"


def model_fields(catalog: Catalog, family: Family, model: ModelVariant) -> list[tuple[str, str]]:
    """The fields a family page shows for a model (site/directives/family.py), as text and links."""
    organisation = catalog.organisations.get(model.organisation)
    base = catalog.models.get(model.base_model or "")
    fields = [("ID", f"`{model.id}`"), ("版本 Version", family.version_shown(model)), ("类型 Kind", model.kind or ""),
              ("基于 Based on", base.name if base else ""), ("规模 Size", model.size or ""),
              ("层数 Layers", str(model.layers or "")), ("参数量 Parameters", str(model.parameters or "")),
              ("激活参数 Active parameters", str(model.active_parameters or "")),
              ("架构 Architecture", model.architecture or ""), ("发布 Released", model.release or ""),
              ("语言 Languages", model.languages_text or ""), ("许可 Licence", model.licence or ""),
              ("机构 Organisation", f"{organisation.name_zh} {organisation.name_en}".strip() if organisation else model.organisation),
              ("领域 Domain", model.domain), ("源地址 Source", link(model.source.url, model.source.url) if model.source else ""),
              ("Hugging Face", ", ".join(link(h, f"https://huggingface.co/{h}") for h in model.huggingface_ids)),
              ("ModelScope", ", ".join(link(h, f"https://modelscope.cn/models/{h}") for h in model.modelscope_ids)),
              ("备注 Remarks", model.remarks or "")]
    fields += [("资料来源 Source of " + ", ".join(source.fields), link(source.url, source.url)) for source in model.sources]
    return [(name, value) for name, value in fields if value]


def family_page(catalog: Catalog, family: Family) -> str:
    """The family page: the same fields, tables, links, BibTeX blocks, log lines and references."""
    parts = ["---\norphan: true\n---\n", f"# {family.title}\n", f":类别 Category: {family.category}\n",
             f":机构 Organisations: {', '.join(dict.fromkeys(m.organisation for m in family.models))}\n",
             f"{family.description}\n", "## 模型一览 Models\n",
             table(["模型 Model", "版本 Version", "规模 Size", "机构 Organisation", "领域 Domain"],
                   [[m.name, m.version, m.size or "", m.organisation, m.domain] for m in family.models]),
             "## 模型详情 Model details\n"]
    for model in family.models:
        parts.append(f"### {model.name}\n")
        parts.append("".join(f":{name}: {value}\n" for name, value in model_fields(catalog, family, model)))
        parts += [f"- {link.label}: <{link.url}>\n" for link in model.links]
        parts.append("```bibtex\n" + to_bibtex(model_blocks(catalog, [model])) + "```\n")
    if family.corrections:
        parts += ["## 勘误 Corrections\n", table(["位置 Where", "原列表 Listed", "更正 Corrected", "依据 Evidence", "说明 Note"],
                                                  [[c.field, c.listed, c.corrected, link("依据 source", c.source), c.note]
                                                   for c in family.corrections])]
    updates = catalog.updates_of(family.id)
    if updates:
        parts += ["## 更新记录 Updates\n", "".join(f"- {e.date.isoformat()}: {e.text}\n" for e in updates)]
    papers = paper_entries(catalog, family.papers)
    parts.append("## 引用 Cite\n```bibtex\n" + (to_bibtex(papers) if papers else "") + "```\n")
    if family.papers:
        parts += ["## 参考文献 References\n", "".join(f"1. {cell(catalog.bibliography[key].title)}, "
                                                       f"{catalog.bibliography[key].year}\n" for key in family.papers
                                                       if key in catalog.bibliography)]
    return "\n".join(parts)


def organisation_fields(organisation: Organisation) -> list[tuple[str, str]]:
    """The fields of an organisation's entry on the site's organisation index."""
    fields = [("类型 Kind", cell(ORGANISATION_KINDS[organisation.kind])),
              ("又名 Also known as", cell("、".join(organisation_aliases(organisation)))),
              ("列表原文 Listed as", cell("、".join(label for label in organisation.listed_as
                                                   if label not in (organisation.name_en, organisation.name_zh)))),
              ("主页 Home", link(organisation.url, organisation.url)), ("说明 Note", cell(organisation.note or "")),
              ("资料来源 Sources", " · ".join(link(source.url, source.url) for source in organisation.sources
                                                if source.url != organisation.url))]
    return [(label, value) for label, value in fields if value]


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
            organisation = catalog.organisations.get(group.key) if name == "organisation" else None
            fields = organisation_fields(organisation) if organisation else []
            fields = "".join(f":{label}: {value}\n" for label, value in fields)
            text += f"## {group.title}\n\n{fields}\n{group.models} models\n\n{links}\n\n"
        (target / f"index-{name}.md").write_text(text, encoding="utf-8")
        pages.append(f"index-{name}")
    papers = [catalog.bibliography[key] for key in sorted(catalog.bibliography.papers)]
    (target / "references.md").write_text("# 参考文献 References\n\n" + "".join(
        f"1. {cell(', '.join(p.authors))}. {cell(p.title)}. {cell(p.venue)}, {p.year}. <{p.url}>\n" if p.url
        else f"1. {cell(', '.join(p.authors))}. {cell(p.title)}. {cell(p.venue)}, {p.year}.\n" for p in papers),
        encoding="utf-8")
    years: dict[int, list[str]] = {}
    for entry in catalog.updates:
        families = ", ".join(f"[{catalog.families[f].title}](families/{f}.md)" for f in entry.families)
        years.setdefault(entry.date.year, []).append(f"- **{entry.date.isoformat()}** {entry.text} {families}\n")
    (target / "chronology.md").write_text("# 更新日志 Chronology\n\n" + "".join(
        f"## {year}\n\n" + "".join(lines) + "\n" for year, lines in years.items()), encoding="utf-8")
    pages += ["references", "chronology"]
    toctree = "\n".join(pages)
    (target / "index.md").write_text(f"# plain\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
