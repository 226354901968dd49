"""An organisation's entry on the organisations index: kind, names, aliases, link, evidence.

Its names and aliases are search words (search_words.py) and text of the entry, so searching
哈工大 or HFL finds it; the families it publishes show its Chinese and English names."""

from __future__ import annotations

from docutils import nodes

from ...data.catalog import ORGANISATION_KINDS, Organisation
from ..render import Inline, external_link, field_list, joined
from ..search_words import organisation_aliases


def organisation_summary(organisation: Organisation) -> list[nodes.Node]:
    """Kind, aliases, the list's other spellings, home, note and evidence; the names are the title."""
    fields: list[tuple[str, list[Inline]]] = [("类型 Kind", [ORGANISATION_KINDS[organisation.kind]])]
    aliases = organisation_aliases(organisation)
    if aliases:
        fields.append(("又名 Also known as", ["、".join(aliases)]))
    listed = [label for label in organisation.listed_as if label not in (organisation.name_en, organisation.name_zh)]
    if listed:
        fields.append(("列表原文 Listed as", ["、".join(listed)]))
    fields.append(("主页 Home", [external_link(organisation.url, organisation.url)]))
    if organisation.note:
        fields.append(("说明 Note", [organisation.note]))
    evidence = [source.url for source in organisation.sources if source.url != organisation.url]
    if evidence:
        fields.append(("资料来源 Sources", joined((external_link(url, url) for url in evidence), " · ")))
    return [field_list(fields)]
