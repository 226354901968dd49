"""An organisation's entry on the organisations index: kind, names, aliases, link, evidence.

Its names and aliases are search words (search_words.py) and text of the entry, so searching
哈工大 or HFL finds it; the families it publishes show its Chinese and English names."""

from __future__ import annotations

from docutils import nodes

from ...data.catalog import ORGANISATION_KINDS, Organisation
from ..render import Inline, external_link, field_list, joined
from ..search_words import organisation_aliases


def organisation_summary(organisation: Organisation) -> list[nodes.Node]:
    fields: list[tuple[str, list[Inline]]] = [("类型 Kind", [ORGANISATION_KINDS[organisation.kind]])]
    if organisation.name_zh:
        fields.append(("中文名 Chinese name", [organisation.name_zh]))
    fields.append(("英文名 English name", [organisation.name_en]))
    aliases = organisation_aliases(organisation)
    if aliases:
        fields.append(("又名 Also known as", ["、".join(aliases)]))
    if organisation.listed_as:
        fields.append(("列表原文 Listed as", ["、".join(organisation.listed_as)]))
    fields.append(("主页 Home", [external_link(organisation.url, organisation.url)]))
    if organisation.note:
        fields.append(("说明 Note", [organisation.note]))
    if organisation.sources:
        links = (external_link(source.url, source.url) for source in organisation.sources)
        fields.append(("资料来源 Sources", joined(links, " · ")))
    return [field_list(fields)]
