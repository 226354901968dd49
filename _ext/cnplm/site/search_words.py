"""Words for jieba's user dictionary, so Chinese names in the catalogue are searchable as words.

Without them jieba splits 二郎神 or 紫东太初 into pieces and Sphinx drops one-character pieces.
"""

from __future__ import annotations

import re

from ..data.catalog import Catalog, Organisation

CJK_RE = re.compile(r"[\u3400-\u9fff]")
FREQUENCY = 100000  # high enough that jieba keeps each name in one piece
# Field vocabulary jieba's general dictionary splits (预训练 -> 预 + 训练).
VOCABULARY = ("预训练", "预训练模型", "语言模型", "大模型", "多模态", "提取码", "百度网盘", "讯飞云", "词颗粒度")


def organisation_names(organisation: Organisation) -> list[str]:
    """Every name a reader may search an organisation by: its names and aliases, each once."""
    return list(organisation.search_terms)


def organisation_aliases(organisation: Organisation) -> list[str]:
    """The names of an organisation its display name does not already show."""
    display = organisation.display_name
    return [name for name in organisation_names(organisation) if name not in display]


def catalog_words(catalog: Catalog) -> list[str]:
    """Names with Chinese characters (families, models, organisations, domains) and field vocabulary."""
    names: set[str] = set(VOCABULARY)
    for family in catalog.families.values():
        names.update({family.name, family.name_zh})
        for model in family.models:
            names.update({model.name, model.domain_as_listed})
            names.update(re.split(r"[-_()（）\[\]\s]+", model.name))
    for organisation in catalog.organisations.values():
        names.update(organisation_names(organisation))
    for domain in catalog.domains.values():
        names.update({domain.zh, *domain.aliases})
    return sorted(name for name in names if name and CJK_RE.search(name) and not re.search(r"\s", name))


def user_dictionary(catalog: Catalog) -> str:
    return "".join(f"{word} {FREQUENCY}\n" for word in catalog_words(catalog))
