"""The typed catalogue: families, model variants, organisations, domains, the update log, papers.

Pure data, no Sphinx: built and validated by :mod:`cnplm.loading`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from .bibliography import Bibliography
from .hosts import Host, host_of

CATEGORIES: dict[str, tuple[str, str]] = {
    "nlu": ("自然语言理解", "NLU"),
    "nlg": ("自然语言生成", "NLG"),
    "nlu-nlg": ("理解与生成", "NLU-NLG"),
    "multimodal": ("多模态", "Multi-Modal"),
    "table": ("表格", "Table"),
    "llm": ("大语言模型", "Large language models"),
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
    huggingface: str | None = None
    modelscope: str | None = None
    remarks: str = ""
    release: str | None = None
    languages: tuple[str, ...] = ()
    architecture: str | None = None
    mixture_of_experts: bool = False
    licence: str = ""
    context_length: int | None = None
    sources: tuple[Source, ...] = ()
    location: Location | None = None

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

    @property
    def title(self) -> str:
        return f"{self.name_zh} {self.name}" if self.name_zh else self.name


@dataclass(frozen=True)
class UpdateEntry:
    date: datetime.date
    families: tuple[str, ...]
    text: str
    links: tuple[Link, ...] = ()
    correction: str = ""
    location: Location | None = None


@dataclass
class Catalog:
    """Everything the site shows, indexed by id."""

    families: dict[str, Family] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    domains: dict[str, Domain] = field(default_factory=dict)
    updates: list[UpdateEntry] = field(default_factory=list)
    bibliography: Bibliography = field(default_factory=Bibliography)

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
