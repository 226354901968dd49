"""Load and validate cards, registries, the update log and the BibTeX database into a Catalog.

Every problem is collected with its file and line; nothing here raises on bad input.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bibliography import load_bibliography
from .catalog import (
    Catalog,
    Correction,
    Domain,
    Family,
    Link,
    Location,
    ModelLink,
    ModelVariant,
    Note,
    Organisation,
    Source,
    UpdateEntry,
)
from .problems import Problem
from .schemas import schema_problems
from .yaml_source import YamlDocument, read_yaml


@dataclass(frozen=True)
class CatalogSources:
    """Every input file of the catalogue, declared up front (conf.py names them)."""

    cards_dir: Path
    organisations: Path
    domains: Path
    updates: Path
    bibfiles: tuple[Path, ...]

    def card_paths(self) -> list[Path]:
        return sorted(self.cards_dir.glob("*.yaml"))

    def all_paths(self) -> list[Path]:
        return [*self.card_paths(), self.organisations, self.domains, self.updates, *self.bibfiles]


def read_validated(path: Path, schema: str) -> tuple[YamlDocument | None, list[Problem]]:
    """A YAML document that passed its schema, or None and the problems that stop it."""
    document, problems = read_yaml(path)
    if document is None:
        return None, problems
    problems = schema_problems(document, schema)
    return (None if problems else document), problems


def links_of(items: list[dict] | None) -> tuple[Link, ...]:
    return tuple(Link(item["label"], item["url"]) for item in items or ())


def sources_of(items: list[dict] | None) -> tuple[Source, ...]:
    return tuple(Source(item["url"], tuple(item["fields"])) for item in items or ())


def plain(value: Any) -> Any:
    """ruamel scalars to plain Python values (so the catalogue pickles and compares simply)."""
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    return value


def load_registry(path: Path, schema: str, build, problems: list[Problem]) -> dict:
    """Registry items by id; a duplicate id is a problem and the first one wins."""
    document, found = read_validated(path, schema)
    problems.extend(found)
    registry: dict = {}
    for index, item in enumerate(document.data if document else ()):
        if item["id"] in registry:
            problems.append(document.problem([index, "id"], f"duplicate id {item['id']!r}"))
            continue
        registry[item["id"]] = build(item, Location(path, document.line_of([index])))
    return registry


def build_organisation(item: dict, location: Location) -> Organisation:
    return Organisation(item["id"], item["name"], item["url"], item.get("name_zh", ""), location)


def build_domain(item: dict, location: Location) -> Domain:
    return Domain(item["id"], item["zh"], item["en"], tuple(item.get("aliases", ())))


def build_model(item: dict, family_id: str, location: Location) -> ModelVariant:
    links = tuple(
        ModelLink(
            kind=link["kind"],
            label=link["label"],
            url=link["url"],
            framework=link.get("framework"),
            code=link.get("code"),
            remarks=link.get("remarks", ""),
        )
        for link in item["links"]
    )
    source = item.get("source")
    return ModelVariant(
        id=item["id"],
        family_id=family_id,
        name=item["name"],
        organisation=item["organisation"],
        domain=item["domain"],
        links=links,
        version=item.get("version", ""),
        size=item.get("size"),
        layers=plain(item.get("layers")),
        parameters=plain(item.get("parameters")),
        active_parameters=plain(item.get("active_parameters")),
        source=Link(source["label"], source["url"]) if source else None,
        domain_as_listed=item.get("domain_as_listed", ""),
        huggingface=item.get("huggingface"),
        modelscope=item.get("modelscope"),
        remarks=item.get("remarks", ""),
        release=item.get("release"),
        languages=tuple(item.get("languages", ())),
        architecture=item.get("architecture"),
        mixture_of_experts=bool(item.get("mixture_of_experts", False)),
        licence=item.get("licence", ""),
        context_length=plain(item.get("context_length")),
        sources=sources_of(item.get("sources")),
        location=location,
    )


class CatalogBuilder:
    """Accumulates families from validated cards and checks references between them."""

    def __init__(self, catalog: Catalog, problems: list[Problem]) -> None:
        self.catalog = catalog
        self.problems = problems
        self.model_locations: dict[str, Location] = {}

    def add_card(self, document: YamlDocument) -> None:
        data = document.data
        family_id = data["id"]
        if family_id in self.catalog.families:
            first = self.catalog.families[family_id].path
            self.problems.append(document.problem(["id"], f"duplicate family id {family_id!r} (first in {first})"))
            return
        if document.path.stem != family_id:
            self.problems.append(document.problem(["id"], f"card file should be named {family_id}.yaml"))
        models = []
        for index, item in enumerate(data["models"]):
            location = Location(document.path, document.line_of(["models", index]))
            if item["id"] in self.model_locations:
                first = self.model_locations[item["id"]]
                self.problems.append(
                    document.problem(["models", index, "id"],
                                     f"duplicate model id {item['id']!r} (first in {first.path}:{first.line})")
                )
                continue
            self.model_locations[item["id"]] = location
            self.check_model_references(document, index, item)
            models.append(build_model(item, family_id, location))
        papers = []
        for index, key in enumerate(data.get("papers", ())):
            if key in self.catalog.bibliography:
                papers.append(key)
            else:
                self.problems.append(document.problem(["papers", index], f"unknown BibTeX key {key!r}"))
        self.catalog.families[family_id] = Family(
            id=family_id,
            name=data["name"],
            category=data["category"],
            models=tuple(models),
            path=document.path,
            name_zh=data.get("name_zh", ""),
            model_type=data.get("model_type", ""),
            description=data.get("description", ""),
            papers=tuple(papers),
            notes=tuple(Note(n["text"], links_of(n.get("links"))) for n in data.get("notes", ())),
            corrections=tuple(Correction(**c) for c in data.get("corrections", ())),
            sources=sources_of(data.get("sources")),
        )

    def check_model_references(self, document: YamlDocument, index: int, item: dict) -> None:
        where = ["models", index]
        if item["organisation"] not in self.catalog.organisations:
            self.problems.append(
                document.problem([*where, "organisation"], f"unknown organisation {item['organisation']!r}")
            )
        if item["domain"] not in self.catalog.domains:
            self.problems.append(document.problem([*where, "domain"], f"unknown domain {item['domain']!r}"))
        hub = item.get("huggingface")
        hub_links = [
            link["url"].rstrip("/").split("huggingface.co/", 1)[1]
            for link in item["links"]
            if "huggingface.co/" in link["url"] and link["url"].count("/") >= 4
        ]
        sourced = any("huggingface" in source["fields"] for source in item.get("sources", ()))
        if hub and hub_links and hub not in hub_links and not sourced:
            self.problems.append(document.problem(
                [*where, "huggingface"],
                f"hub id {hub!r} differs from its link {hub_links[0]!r} (give a source if it was renamed)"))


def load_updates(path: Path, families: dict[str, Family], problems: list[Problem]) -> list[UpdateEntry]:
    document, found = read_validated(path, "updates")
    problems.extend(found)
    entries = []
    for index, item in enumerate(document.data if document else ()):
        try:
            date = datetime.date.fromisoformat(item["date"])
        except ValueError:
            problems.append(document.problem([index, "date"], f"not a real date: {item['date']!r}"))
            continue
        for position, family_id in enumerate(item["families"]):
            if family_id not in families:
                problems.append(document.problem([index, "families", position], f"unknown family {family_id!r}"))
        entries.append(
            UpdateEntry(
                date=date,
                families=tuple(f for f in item["families"] if f in families),
                text=item["text"],
                links=links_of(item.get("links")),
                correction=item.get("correction", ""),
                location=Location(path, document.line_of([index])),
            )
        )
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


def load_catalog(sources: CatalogSources) -> tuple[Catalog, list[Problem]]:
    """Read every input once; return the catalogue and all problems found, sorted by place."""
    problems: list[Problem] = []
    catalog = Catalog()
    catalog.bibliography, bib_problems = load_bibliography(list(sources.bibfiles))
    problems.extend(bib_problems)
    catalog.domains = load_registry(sources.domains, "domains", build_domain, problems)
    catalog.organisations = load_registry(sources.organisations, "organisations", build_organisation, problems)
    builder = CatalogBuilder(catalog, problems)
    for path in sources.card_paths():
        document, found = read_validated(path, "card")
        problems.extend(found)
        if document is not None:
            builder.add_card(document)
    catalog.updates = load_updates(sources.updates, catalog.families, problems)
    return catalog, sorted(problems)
