"""The typed catalogue: families, model variants, organisations, domains, the update log, papers.

Pure data, no Sphinx: built and validated by :mod:`cnplm.loading`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from .bibliography import Bibliography
from .hosts import Host, host_of

KINDS: dict[str, str] = {
    "base": "基础模型 Base",
    "chat": "对话/指令模型 Chat / instruct",
    "reasoning": "推理模型 Reasoning",
    "embedding": "向量模型 Embedding",
    "code": "代码模型 Code",
    "multimodal": "多模态模型 Multi-modal",
}
MODALITIES: dict[str, str] = {"text": "文本 text", "image": "图像 image", "audio": "音频 audio",
                              "video": "视频 video", "3d": "三维 3D"}
LINK_KINDS: dict[str, str] = {
    "download": "下载 Download",
    "homepage": "项目首页 Homepage",
    "paper": "论文 Paper",
    "technical-report": "技术报告 Technical report",
    "blog": "博客 Blog",
}
SIZES: tuple[str, ...] = ("tiny", "mini", "small", "medium", "base", "large", "xlarge", "xxlarge")
FRAMEWORKS: dict[str, str] = {
    "tensorflow": "TensorFlow",
    "pytorch": "PyTorch",
    "paddlepaddle": "PaddlePaddle",
    "keras": "Keras",
    "mindspore": "MindSpore",
    "other": "Other",
}


@dataclass(frozen=True)
class Location:
    path: Path
    line: int


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Note:
    text: str
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Correction:
    field: str
    listed: str
    corrected: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class Source:
    url: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ModelLink:
    kind: str  # download | homepage
    label: str
    url: str
    framework: str | None = None
    code: str | None = None
    remarks: str = ""

    @property
    def host(self) -> Host:
        return host_of(self.url)


ORGANISATION_KINDS: dict[str, str] = {"institution": "机构 Institution", "person": "个人 Person"}


@dataclass(frozen=True)
class Category:
    """An entry of the category registry (docs/data/categories.yaml)."""

    id: str
    zh: str
    en: str
    description: str
    headings: tuple[str, ...] = ()
    model_kind: str | None = None
    columns: tuple[str, ...] = ()
    location: Location | None = None

    @property
    def label(self) -> str:
        return f"{self.zh} {self.en}"


@dataclass(frozen=True)
class EntityLink:
    """A link of a dataset or benchmark: download, homepage, repository, paper, technical-report, blog."""

    kind: str
    label: str
    url: str


@dataclass(frozen=True)
class Benchmark:
    """An evaluation benchmark (评测基准); models name the ones they report in ``benchmarks``."""

    id: str
    name: str
    description: str
    name_zh: str = ""
    languages: tuple[str, ...] = ()
    links: tuple[EntityLink, ...] = ()
    sources: tuple[Source, ...] = ()
    location: Location | None = None

    @property
    def title(self) -> str:
        return f"{self.name_zh} {self.name}" if self.name_zh and self.name_zh != self.name else self.name


@dataclass(frozen=True)
class Dataset:
    """An instruction dataset (中文指令数据集), its cells as the list gives them."""

    id: str
    name: str
    links: tuple[EntityLink, ...]
    size: str = ""
    release: str | None = None
    languages: tuple[str, ...] = ()
    author_as_listed: Link | None = None
    remarks: str = ""
    sources: tuple[Source, ...] = ()
    location: Location | None = None


@dataclass(frozen=True)
class Organisation:
    """Who publishes models: an institution, or a person who publishes on their own."""

    id: str
    name_en: str
    url: str
    kind: str = "institution"  # a key of ORGANISATION_KINDS
    name_zh: str = ""
    aliases: tuple[str, ...] = ()
    listed_as: tuple[str, ...] = ()  # author cells of the awesome list that stand for it
    note: str = ""
    sources: tuple[Source, ...] = ()
    location: Location | None = None

    @property
    def name(self) -> str:
        """The English name (corporate author of BibTeX entries, alphabetical order)."""
        return self.name_en

    @property
    def display_name(self) -> str:
        """Chinese and English name: 哈工大讯飞联合实验室 Joint Laboratory of HIT and iFLYTEK Research."""
        return f"{self.name_zh} {self.name_en}" if self.name_zh else self.name_en

    @property
    def short_name(self) -> str:
        """One name for narrow places (table cells): the Chinese one where there is one."""
        return self.name_zh or self.name_en

    @property
    def search_terms(self) -> tuple[str, ...]:
        """Every name a reader may search for: Chinese and English names and aliases."""
        return tuple(dict.fromkeys(term for term in (self.name_zh, self.name_en, *self.aliases) if term))


@dataclass(frozen=True)
class Domain:
    id: str
    zh: str
    en: str
    aliases: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        return f"{self.zh} / {self.en}"


@dataclass(frozen=True)
class ModelVariant:
    id: str
    family_id: str
    name: str
    organisation: str
    domain: str
    links: tuple[ModelLink, ...]
    version: str = ""
    size: str | None = None
    layers: int | None = None
    parameters: float | None = None
    active_parameters: float | None = None
    source: Link | None = None
    domain_as_listed: str = ""
    author_as_listed: Link | None = None  # the list's author cell; url "" when it is plain text
    huggingface_ids: tuple[str, ...] = ()
    modelscope_ids: tuple[str, ...] = ()
    remarks: str = ""
    release: str | None = None
    languages: tuple[str, ...] = ()
    language_count: int | None = None
    kind: str | None = None
    modalities_in: tuple[str, ...] = ()
    modalities_out: tuple[str, ...] = ()
    base_model: str | None = None
    benchmarks: tuple[str, ...] = ()
    architecture: str | None = None
    mixture_of_experts: bool = False
    licence: str = ""
    context_length: int | None = None
    sources: tuple[Source, ...] = ()
    location: Location | None = None

    @property
    def huggingface(self) -> str | None:
        """The main Hugging Face id (the first one), for code that needs one."""
        return self.huggingface_ids[0] if self.huggingface_ids else None

    @property
    def modelscope(self) -> str | None:
        return self.modelscope_ids[0] if self.modelscope_ids else None

    @property
    def release_year(self) -> str | None:
        return self.release[:4] if self.release else None

    @property
    def languages_text(self) -> str:
        """'zh, en', or '多语言 multilingual (119 languages)'."""
        names = [("多语言 multilingual" if code == "multilingual" else code) for code in self.languages]
        if self.language_count:
            names = [name for name in names if name != "多语言 multilingual"]
            names.append(f"多语言 multilingual, {self.language_count} 种语言 languages")
        return ", ".join(names)

    @property
    def frameworks(self) -> tuple[str, ...]:
        """Frameworks with at least one download, in the canonical order."""
        present = {link.framework for link in self.links if link.kind == "download"}
        return tuple(key for key in FRAMEWORKS if key in present)

    @property
    def downloads(self) -> tuple[ModelLink, ...]:
        return tuple(link for link in self.links if link.kind == "download")


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    category: str
    models: tuple[ModelVariant, ...]
    path: Path
    name_zh: str = ""
    model_type: str = ""
    description: str = ""
    papers: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    corrections: tuple[Correction, ...] = ()
    sources: tuple[Source, ...] = ()
    list_position: int | None = None
    listed_since: str | None = None  # the date of the first snapshot of the list that lists the family

    @property
    def title(self) -> str:
        return f"{self.name_zh} {self.name}" if self.name_zh else self.name

    def corrected_value(self, model: ModelVariant, field_name: str, value: str) -> str:
        """The value shown for a model's cell: the corrected one where a correction of this field
        fixes the list's value (the list's value stays in the correction), else the value itself."""
        where = f"models.{model.id}."
        exact = [c for c in self.corrections if c.field == where + field_name and c.listed == value]
        # a correction of a fact read from this cell (the parameters of "100亿参数") corrects the cell too
        related = [c for c in self.corrections if c.field.startswith(where) and c.listed == value]
        return (exact or related)[0].corrected if exact or related else value

    def version_shown(self, model: ModelVariant) -> str:
        return self.corrected_value(model, "version", model.version)

    def model_label(self, model: ModelVariant) -> str:
        """The model's name, with its version as shown where the name does not say it (Qwen-Base 7B)."""
        version = self.version_shown(model)
        if not version or version.lower() in model.name.lower():
            return model.name
        return f"{model.name} {version}"


@dataclass(frozen=True)
class UpdateEntry:
    date: datetime.date
    families: tuple[str, ...]
    text: str
    links: tuple[Link, ...] = ()
    correction: str = ""
    location: Location | None = None
    models: tuple[str, ...] = ()


@dataclass
class Catalog:
    """Everything the site shows, indexed by id."""

    families: dict[str, Family] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    datasets: dict[str, Dataset] = field(default_factory=dict)
    benchmarks: dict[str, Benchmark] = field(default_factory=dict)
    domains: dict[str, Domain] = field(default_factory=dict)
    updates: list[UpdateEntry] = field(default_factory=list)
    bibliography: Bibliography = field(default_factory=Bibliography)
    _derived: dict[str, list[ModelVariant]] | None = field(default=None, repr=False, compare=False)

    @property
    def models(self) -> dict[str, ModelVariant]:
        return {m.id: m for family in self.families.values() for m in family.models}

    def organisation_listed_as(self, author: str) -> Organisation | None:
        """The organisation an author cell of the list stands for (by ``listed_as``), if any."""
        return next((o for o in self.organisations.values() if author in o.listed_as), None)

    def family_of(self, model: ModelVariant) -> Family:
        return self.families[model.family_id]

    def families_citing(self, key: str) -> list[Family]:
        return [family for family in self.families.values() if key in family.papers]

    def updates_of(self, family_id: str) -> list[UpdateEntry]:
        return [entry for entry in self.updates if family_id in entry.families]

    def models_reporting(self, benchmark_id: str) -> list[ModelVariant]:
        return [model for model in self.models.values() if benchmark_id in model.benchmarks]

    def derived_models(self, model_id: str) -> list[ModelVariant]:
        """Models whose ``base_model`` is this one (the other direction of lineage)."""
        if self._derived is None:
            self._derived = {}
            for model in self.models.values():
                if model.base_model:
                    self._derived.setdefault(model.base_model, []).append(model)
        return self._derived.get(model_id, [])

    def category_label(self, category_id: str) -> str:
        category = self.categories.get(category_id)
        return category.label if category else category_id
