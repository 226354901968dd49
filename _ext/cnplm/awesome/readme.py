"""The awesome-list README regenerated from the cards, in the list's own Markdown format."""

from __future__ import annotations

from ..data.bibliography import Paper
from ..data.catalog import Catalog, Category, Family, ModelLink, ModelVariant
from .importer import FAMILY_NAMES

FAMILY_HEADINGS = {family_id: heading for heading, (family_id, *_) in FAMILY_NAMES.items()}
LOG_HEADING = "更新"
INTRO = (
    "在自然语言处理领域中，预训练语言模型（Pretrained Language Models）已成为非常重要的基础技术，"
    "本仓库主要收集目前网上公开的一些高质量中文预训练模型。\n\n"
    "本文件由中文预训练模型知识库的模型卡片生成（`make readme`），已校对并更正原列表中的错误。"
)


def category_heading(category: Category) -> str:
    """The list's heading for a category (the registry's first), else its English label."""
    return category.headings[0] if category.headings else category.en


def list_order(family: Family) -> tuple:
    """The list's order, as recorded in the cards; families it does not have yet come after, by name."""
    return (family.list_position is None, family.list_position or 0, family.name.lower())


def heading(family: Family) -> str:
    return FAMILY_HEADINGS.get(family.id, family.name)


def cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown_link(label: str, url: str) -> str:
    return f"[{label}]({url})"


def link_cell(links: list[ModelLink]) -> str:
    return "<br>".join(markdown_link(f"{link.label}-{link.code}" if link.code else link.label, link.url)
                       for link in links)


def paper_line(paper: Paper) -> str:
    authors = f"{paper.authors[0]}, et al." if len(paper.authors) > 1 else (paper.authors[0] if paper.authors else "")
    venue = "arXiv" if paper.eprint else (paper.venue or "-")
    label = "Blog post" if "blog" in paper.venue.lower() else "PDF"
    return f"+ {paper.year} | {paper.title} | {authors} | {venue} | [`{label}`]({paper.link})"


def introduces(link: ModelLink) -> bool:
    """A project page of the 介绍 column; a code repository of one framework (NEZHA's PyTorch port)
    stays in that framework's column."""
    return link.kind == "homepage" and not link.framework


def link_columns(family: Family) -> tuple[str, str]:
    """The two link columns the list uses for a family, from what kinds of links its models have."""
    links = [link for model in family.models for link in model.links]
    if any(introduces(link) for link in links):
        second = "PyTorch" if any(link.framework == "pytorch" for link in links) else "模型下载"
        return "介绍", second
    frameworks = {link.framework for link in links}
    first = "PaddlePaddle" if "paddlepaddle" in frameworks else "Keras" if "keras" in frameworks else "TensorFlow"
    return first, "PyTorch"


FIRST_COLUMN_TAKES = {
    "介绍": introduces,
    "TensorFlow": lambda link: link.framework == "tensorflow",
    "PaddlePaddle": lambda link: link.framework == "paddlepaddle",
    "Keras": lambda link: link.framework == "keras",
}


def author_cell(catalog: Catalog, model: ModelVariant) -> str:
    """The author as the list gave it; a model the list never had gets its organisation."""
    listed = model.author_as_listed
    if listed:
        return markdown_link(listed.label, listed.url) if listed.url else cell(listed.label)
    organisation = catalog.organisations.get(model.organisation)
    return markdown_link(organisation.name_en, organisation.url) if organisation else model.organisation


def split_links(model: ModelVariant, first: str) -> tuple[list[ModelLink], list[ModelLink]]:
    """Links of the first column, and all others (PyTorch or 模型下载) for the second."""
    takes = FIRST_COLUMN_TAKES[first]
    return [link for link in model.links if takes(link)], [link for link in model.links if not takes(link)]


def table(catalog: Catalog, family: Family) -> list[str]:
    first, second = link_columns(family)
    typed = bool(family.model_type)
    remarks = any(model.remarks for model in family.models)
    header = ["模型", "版本", *(["类型"] if typed else []), first, second, "作者", "源地址", "应用领域",
              *(["备注"] if remarks else [])]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("----" for _ in header) + " |"]
    for model in family.models:
        first_links, second_links = split_links(model, first)
        domain = catalog.domains.get(model.domain)
        row = [
            cell(model.name),
            cell(family.version_shown(model)),
            *([cell(family.model_type)] if typed else []),
            link_cell(first_links),
            link_cell(second_links),
            author_cell(catalog, model),
            markdown_link(model.source.label, model.source.url) if model.source else "",
            cell(model.domain_as_listed or (domain.zh if domain else model.domain)),
            *([cell(model.remarks)] if remarks else []),
        ]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def family_section(catalog: Catalog, family: Family) -> list[str]:
    lines = [f"### {heading(family)}", ""]
    for key in family.papers:
        lines += [paper_line(catalog.bibliography[key]), ""]
    lines += [*table(catalog, family), ""]
    if family.notes:
        lines += ["备注: ", ""]
        for note in family.notes:
            links = " ".join(markdown_link(link.label, link.url) for link in note.links)
            lines += [f"> {note.text} {links}".rstrip(), ""]
    return lines


def log_line(catalog: Catalog, entry) -> str:
    families = "、".join(markdown_link(catalog.families[f].title, f"#{heading(catalog.families[f])}")
                        for f in entry.families)
    links = " ".join(markdown_link(link.label, link.url) for link in entry.links)
    parts = [entry.date.strftime("%Y.%m.%d"), entry.text, f"（{families}）" if families else "", links]
    return "* " + " ".join(part for part in parts if part)


def render_readme(catalog: Catalog) -> str:
    """The whole list: table of contents, categories, family sections and the update log."""
    by_category = {c: sorted((f for f in catalog.families.values() if f.category == c), key=list_order)
                   for c in catalog.categories}
    categories = [catalog.categories[c] for c, families in by_category.items() if families]
    lines = ["# Awesome Pretrained Chinese NLP Models", "", INTRO, "", "# Expand Table of Contents", ""]
    for category in categories:
        lines.append(f"+ [{category_heading(category)}](#{category_heading(category)})")
        lines += [f"  - [{heading(f)}](#{heading(f)})" for f in by_category[category.id]]
    lines += ["", f"+ [更新日志](#{LOG_HEADING})", ""]
    for category in categories:
        lines += [f"## {category_heading(category)}", ""]
        for family in by_category[category.id]:
            lines += family_section(catalog, family)
    lines += [f"## {LOG_HEADING}", ""]
    lines += [log_line(catalog, entry) for entry in catalog.updates]
    return "\n".join(lines) + "\n"
