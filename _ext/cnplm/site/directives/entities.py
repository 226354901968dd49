"""``.. plm-datasets::`` and ``.. plm-benchmarks::``: the instruction datasets (a table) and the
evaluation benchmarks (a section each, with the models that report them), each a plm object."""

from __future__ import annotations

from docutils import nodes

from ...data.catalog import Benchmark, Dataset, EntityLink, LINK_KINDS
from ..digests import view_key
from ..render import Inline, external_link, joined, para, section, table
from .base import CatalogDirective

ENTITY_LINK_KINDS = {**LINK_KINDS, "repository": "代码仓库 Repository"}


def link_parts(links: tuple[EntityLink, ...]) -> list[nodes.Node]:
    return joined((external_link(link.label, link.url) for link in links), " · ")


class DatasetsDirective(CatalogDirective):
    """Every instruction dataset: name (a target), size, month, languages, author as listed, links."""

    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate({view_key("datasets")})
        datasets = sorted(self.catalog.datasets.values(), key=lambda d: (d.release or "", d.name), reverse=True)
        if not datasets:
            return [para("（暂无数据集 No dataset yet.）")]
        headers = ["名称 Name", "大小 Size", "时间 Released", "语言 Languages", "作者 Author", "链接 Links", "备注 Remarks"]
        return [table(headers, [self.row(dataset) for dataset in datasets], classes=["plm-datasets"])]

    def row(self, dataset: Dataset) -> list[list[Inline]]:
        anchor = f"dataset-{dataset.id}"
        target = nodes.target("", "", ids=[anchor])
        self.located(target)
        self.plm_domain.note_object("dataset", dataset.id, anchor, dataset.name, target)
        author = dataset.author_as_listed
        author_parts: list[Inline] = [external_link(author.label, author.url) if author.url else author.label] \
            if author else []
        return [[target, nodes.strong(dataset.name, dataset.name)], [dataset.size], [dataset.release or ""],
                [", ".join(dataset.languages)], author_parts, link_parts(dataset.links), [dataset.remarks]]


class BenchmarksDirective(CatalogDirective):
    """Every evaluation benchmark: its description, links and the models that report results on it."""

    def run(self) -> list[nodes.Node]:
        self.plm_domain.note_aggregate({view_key("benchmarks")})
        if not self.catalog.benchmarks:
            return [para("（暂无评测基准 No benchmark yet.）")]
        return [self.benchmark_section(benchmark) for benchmark in self.catalog.benchmarks.values()]

    def benchmark_section(self, benchmark: Benchmark) -> nodes.section:
        anchor = f"benchmark-{benchmark.id}"
        node = section(anchor, benchmark.title)
        self.located(node)
        self.plm_domain.note_object("benchmark", benchmark.id, anchor, benchmark.title, node)
        node += para(benchmark.description)
        if benchmark.links:
            items = joined((nodes.inline("", "", nodes.Text(f"{ENTITY_LINK_KINDS[link.kind]}: "),
                                         external_link(link.label, link.url)) for link in benchmark.links), " · ")
            node += para(*items, classes=["plm-links"])
        models = self.catalog.models_reporting(benchmark.id)
        if models:
            node += para("报告该基准结果的模型 Models reporting it: ", *joined(self.model_ref(m) for m in models))
        return node
