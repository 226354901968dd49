"""``.. plm-family:: ID``: a family's page from its card (summary, variants, notes, references)."""

from __future__ import annotations

from collections import Counter

from docutils import nodes
from sphinx import addnodes

from ...data.catalog import FRAMEWORKS, KINDS, MODALITIES, Family, ModelVariant
from ...data.licences import licence_url
from ..render import (
    NO_SEARCH,
    Inline,
    bullet_list,
    download_items,
    external_link,
    field_list,
    format_parameters,
    joined,
    para,
    section,
    size_text,
    table,
    without_empty_columns,
    xref,
)
from ..reference_entries import reference_nodes
from .base import CatalogDirective
from ..search_language import mark_catalogue_index
from ..search_words import organisation_aliases
from .cite import cite_block

TRANSFORMERS_SNIPPET = """from transformers import AutoModel, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("{hub}")
model = AutoModel.from_pretrained("{hub}")
"""


def local_ref(text: str, refid: str) -> nodes.reference:
    return nodes.reference(text, text, refid=refid, internal=True)


def model_anchor(model: ModelVariant) -> str:
    return f"model-{model.id}"


def paper_anchor(key: str) -> str:
    return f"ref-{key}"


class FamilyDirective(CatalogDirective):
    """The whole family page as one section whose title is made from the card's data (a text node:
    whatever the card says, it never becomes markup)."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        family = self.catalog.families.get(self.arguments[0])
        if family is None:
            return self.warn(f"unknown model family {self.arguments[0]!r}")
        self.env.note_dependency(str(family.path))
        page = section(f"family-page-{family.id}", family.title)
        self.located(page)
        page.extend(self.content_nodes(family))
        return [page]

    def content_nodes(self, family: Family) -> list[nodes.Node]:
        target = nodes.target("", "", ids=[f"family-{family.id}"])
        self.located(target)
        self.plm_domain.note_object("family", family.id, f"family-{family.id}", family.title, target)
        result: list[nodes.Node] = [self.index_node(family), target, self.summary(family)]
        if family.description:
            result.append(para(family.description, classes=["plm-description"]))
        result.append(section(f"models-{family.id}", "模型一览 Models", self.overview_table(family)))
        result.append(self.details(family))
        if family.notes:
            result.append(self.notes(family))
        if family.corrections:
            result.append(self.corrections(family))
        updates = self.catalog.updates_of(family.id)
        if updates:
            items = [[f"{entry.date.isoformat()}: {entry.text}"] for entry in updates]
            result.append(section(f"updates-{family.id}", "更新记录 Updates", bullet_list(items)))
        result.append(section(f"cite-{family.id}", "引用 Cite", cite_block(self.bibtex, family, None)))
        if family.papers:
            result.append(self.references(family))
        return result

    def index_node(self, family: Family) -> addnodes.index:
        entries = [("single", f"{family.title}; 模型系列 family", f"family-{family.id}", "", None)]
        entries += [("single", f"{m.name}; {family.name}", model_anchor(m), "", None) for m in family.models]
        return mark_catalogue_index(addnodes.index(entries=entries))

    def summary(self, family: Family) -> nodes.field_list:
        category = xref("category", family.category, self.category_label(family.category))
        fields: list[tuple[str, list[Inline]]] = [("类别 Category", [category])]
        if family.name_zh:
            fields.append(("中文名 Chinese name", [family.name_zh]))
        if family.model_type:
            fields.append(("类型 Type", [family.model_type]))
        organisations = list(dict.fromkeys(model.organisation for model in family.models))
        fields.append(("机构 Organisations", joined(self.organisation_with_aliases(o) for o in organisations)))
        if family.papers:
            citations = []
            for key in family.papers:
                paper = self.catalog.bibliography[key]
                citations.append(nodes.inline("", "", *[nodes.Text(f"{paper.title} "),
                                                        local_ref(f"[{paper.label}]", paper_anchor(key))]))
            fields.append(("论文 Papers", joined(citations, "; ")))
        updates = self.catalog.updates_of(family.id)
        if updates:
            dates = sorted(entry.date.isoformat() for entry in updates)
            fields.append(("更新日志 Log entries", [", ".join(dates)]))
        return field_list(fields)

    def organisation_with_aliases(self, organisation_id: str) -> nodes.inline:
        """The organisation's link and its other names, so that search finds the family by them."""
        node = nodes.inline()
        node += self.organisation_ref(organisation_id)
        organisation = self.catalog.organisations.get(organisation_id)
        aliases = organisation_aliases(organisation) if organisation else []
        if aliases:
            node += nodes.inline(text=f"（{', '.join(aliases)}）", classes=["plm-aliases"])
        return node

    def overview_table(self, family: Family) -> nodes.table:
        rows = []
        for model in family.models:
            rows.append([
                [local_ref(model.name, model_anchor(model))],
                [family.version_shown(model)] if model.version != model.size else [],
                [size_text(model)],
                [" / ".join(self.framework_names(model))],
                [self.organisation_ref(model.organisation, short=True)],
                [self.domain_label(model)],
            ])
        headers = ["模型 Model", "版本 Version", "规模 Size", "框架 Frameworks", "机构 Organisation", "领域 Domain"]
        return table(*without_empty_columns(headers, rows))

    @staticmethod
    def framework_names(model: ModelVariant) -> list[str]:
        return [FRAMEWORKS[key] for key in model.frameworks]

    def details(self, family: Family) -> nodes.section:
        repeated = Counter(model.name for model in family.models)
        container = section(f"details-{family.id}", "模型详情 Model details")
        for model in family.models:
            version = family.version_shown(model)
            title = f"{model.name} ({version})" if repeated[model.name] > 1 and version else model.name
            model_section = section(model_anchor(model), title)
            self.located(model_section)
            self.plm_domain.note_object("model", model.id, model_anchor(model), model.name, model_section)
            model_section += self.model_fields(model, family)
            downloads = download_items(model)
            if downloads:
                model_section += para("下载与链接 Downloads and links:", classes=["plm-label"])
                model_section += bullet_list(downloads, classes=["plm-downloads"])
            if model.huggingface:
                snippet = TRANSFORMERS_SNIPPET.format(hub=model.huggingface)
                block = nodes.literal_block(snippet, snippet, language="python", classes=["plm-snippet", NO_SEARCH])
                model_section += para("用 transformers 加载 Load with transformers "
                                      "(部分模型需要其源仓库中的代码 / some need code from their repository):",
                                      classes=[NO_SEARCH])
                model_section += block
            model_section += cite_block(self.bibtex, family, model)
            container += model_section
        return container

    def model_fields(self, model: ModelVariant, family: Family) -> nodes.field_list:
        fields: list[tuple[str, list[Inline]]] = [("ID", [nodes.literal(model.id, model.id)])]
        shown = family.version_shown(model)
        if shown != model.version:
            fields.append(("版本 Version", [shown, f" (已更正，原文 corrected; listed as: {model.version})"]))
        elif model.version:
            fields.append(("版本 Version (as listed)", [model.version]))
        fields += self.llm_fields(model)
        if model.size:
            fields.append(("规模 Size", [model.size]))
        if model.layers:
            fields.append(("层数 Layers", [str(model.layers)]))
        if model.parameters:
            fields.append(("参数量 Parameters", [format_parameters(model.parameters)]))
        if model.active_parameters:
            fields.append(("激活参数 Active parameters", [format_parameters(model.active_parameters)]))
        for label, value in (("架构 Architecture", model.architecture), ("发布 Released", model.release),
                             ("上下文长度 Context length", str(model.context_length or "") or None),
                             ("语言 Languages", model.languages_text or None)):
            if value:
                fields.append((label, [value]))
        if model.licence:
            url = licence_url(model.licence)
            fields.append(("许可 Licence", [external_link(model.licence, url) if url else model.licence]))
        fields.append(("机构 Organisation", self.organisation_field(model)))
        domain = [self.domain_label(model)]
        if model.domain_as_listed and model.domain_as_listed not in domain[0]:
            domain.append(f" (原文 listed as: {model.domain_as_listed})")
        fields.append(("领域 Domain", domain))
        if model.source:
            fields.append(("源地址 Source", [external_link(model.source.url, model.source.url)]))
        if model.huggingface_ids:
            fields.append(("Hugging Face", joined(external_link(hub, f"https://huggingface.co/{hub}")
                                                  for hub in model.huggingface_ids)))
        if model.modelscope_ids:
            fields.append(("ModelScope", joined(external_link(hub, f"https://modelscope.cn/models/{hub}")
                                                for hub in model.modelscope_ids)))
        if model.remarks:
            fields.append(("备注 Remarks", [model.remarks]))
        for source in model.sources:
            fields.append(("资料来源 Source of " + ", ".join(source.fields), [external_link(source.url, source.url)]))
        return field_list(fields)

    def organisation_field(self, model: ModelVariant) -> list[Inline]:
        """The institution, and the list's author cell when it names someone else."""
        parts: list[Inline] = [self.organisation_ref(model.organisation)]
        listed = model.author_as_listed
        organisation = self.catalog.organisations.get(model.organisation)
        if listed and (not organisation or listed.label not in organisation.search_terms):
            parts.append(f" (列表原文 listed as: {listed.label})")
        return parts

    def llm_fields(self, model: ModelVariant) -> list[tuple[str, list[Inline]]]:
        """Kind, modalities and lineage both ways ("based on" and "derived models")."""
        fields: list[tuple[str, list[Inline]]] = []
        if model.kind:
            fields.append(("类型 Kind", [KINDS[model.kind]]))
        if model.modalities_in:
            modalities = " → ".join(", ".join(MODALITIES[m] for m in side)
                                    for side in (model.modalities_in, model.modalities_out))
            fields.append(("模态 Modalities (in → out)", [modalities]))
        if model.base_model:
            base = self.catalog.models.get(model.base_model)
            fields.append(("基于 Based on", [self.model_ref(base) if base else model.base_model]))
        derived = self.catalog.derived_models(model.id)
        if derived:
            fields.append(("衍生模型 Derived models", joined(self.model_ref(m) for m in derived)))
        if model.benchmarks:
            benchmarks = [xref("benchmark", b, self.catalog.benchmarks[b].title) for b in model.benchmarks
                          if b in self.catalog.benchmarks]
            for node in benchmarks:
                node["plm_optional"] = True  # plain text on a site without a benchmarks page
            fields.append(("评测基准 Benchmarks", joined(benchmarks)))
        return fields

    def notes(self, family: Family) -> nodes.section:
        items = []
        for note in family.notes:
            parts: list[Inline] = [note.text]
            for link in note.links:
                parts += [" ", external_link(link.label, link.url)]
            items.append(parts)
        return section(f"notes-{family.id}", "备注 Notes", bullet_list(items))

    def corrections(self, family: Family) -> nodes.section:
        rows = [
            [[c.field], [c.listed], [c.corrected], [external_link("依据 source", c.source)], [c.note]]
            for c in family.corrections
        ]
        headers = ["位置 Where", "原列表 Listed", "更正 Corrected", "依据 Evidence", "说明 Note"]
        intro = para("以下内容与原 awesome 列表不同，已根据来源更正。"
                     "These entries differ from the awesome list, corrected from the cited source.")
        return section(f"corrections-{family.id}", "勘误 Corrections", intro, table(headers, rows))

    def references(self, family: Family) -> nodes.section:
        container = section(f"references-{family.id}", "参考文献 References")
        entries = nodes.enumerated_list(classes=["plm-references"])
        for key in family.papers:
            item = nodes.list_item()
            # a target node, not the item's ids: LaTeX labels targets (0 undefined references in the PDF)
            item += para(nodes.target("", "", ids=[paper_anchor(key)]),
                         *reference_nodes(self.catalog.bibliography, key))
            entries += item
        container += entries
        return container
