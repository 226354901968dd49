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


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    url: str
    name_zh: str = ""
    location: Location | None = None

    @property
    def display(self) -> str:
        return f"{self.name_zh} ({self.name})" if self.name_zh else self.name


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

    def family_of(self, model: ModelVariant) -> Family:
        return self.families[model.family_id]

    def families_citing(self, key: str) -> list[Family]:
        return [family for family in self.families.values() if key in family.papers]

    def updates_of(self, family_id: str) -> list[UpdateEntry]:
        return [entry for entry in self.updates if family_id in entry.families]
