"""Load and validate cards, registries, the update log and the BibTeX database into a Catalog.

Every problem is collected with its file and line; nothing here raises on bad input.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from .bibliography_cache import cached_bibliography
from .card_cache import CardCache
from .catalog import (
    Catalog,
    Category,
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
from .entities import BUILDERS
from .licences import spdx_spelling
from .organisations import organisation_problems
from .problems import Problem
from .schemas import validate_pruning
from .yaml_source import YamlDocument, read_yaml

CARD_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class CatalogSources:
    """Every input file of the catalogue, declared up front (conf.py names them)."""

    cards_dir: Path
    organisations: Path
    domains: Path
    updates: Path
    bibfiles: tuple[Path, ...]
    categories: Path | None = None  # default: categories.yaml beside the organisations registry
    datasets: Path | None = None  # default: datasets.yaml beside it, optional
    benchmarks: Path | None = None  # default: benchmarks.yaml beside it, optional

    @property
    def categories_path(self) -> Path:
        return self.categories or self.organisations.with_name("categories.yaml")

    @property
    def entity_paths(self) -> dict[str, Path]:
        """The dataset and benchmark registries; one left at its default may be absent (no entities)."""
        return {"datasets": self.datasets or self.organisations.with_name("datasets.yaml"),
                "benchmarks": self.benchmarks or self.organisations.with_name("benchmarks.yaml")}

    def entity_path_required(self, name: str) -> bool:
        return getattr(self, name) is not None

    def card_paths(self) -> list[Path]:
        return sorted(self.cards_dir.glob("*.yaml"))

    def misplaced_cards(self) -> list[Path]:
        """YAML files under the cards folder that are not read as cards (``.yml``, or in a subfolder)."""
        cards = set(self.card_paths())
        return sorted(path for path in self.cards_dir.rglob("*")
                      if path.suffix in CARD_SUFFIXES and path not in cards and path.is_file())

    def all_paths(self) -> list[Path]:
        return [*self.card_paths(), self.categories_path, self.organisations, self.domains, self.updates,
                *self.entity_paths.values(), *self.bibfiles]


def read_validated(path: Path, schema: str) -> tuple[YamlDocument | None, list[Problem]]:
    """A YAML document that passed its schema (its invalid list items dropped, each reported),
    or None and the problems that stop it."""
    document, problems = read_yaml(path)
    if document is None:
        return None, problems
    valid, schema_found = validate_pruning(document, schema)
    return (document if valid else None), problems + schema_found


def read_card(path: Path) -> tuple[YamlDocument | None, list[Problem], set[str]]:
    """A card that passed its schema (invalid models dropped, each reported), or None; its problems;
    and every model id it declares, even in an entry the schema rejects."""
    document, found = read_yaml(path)
    if document is None:
        return None, found, set()
    declared = declared_model_ids(document.data)
    valid, schema_found = validate_pruning(document, "card")
    return (document if valid else None), found + schema_found, declared


def links_of(items: list[dict] | None) -> tuple[Link, ...]:
    return tuple(Link(item["label"], item["url"]) for item in items or ())


def sources_of(items: list[dict] | None) -> tuple[Source, ...]:
    return tuple(Source(item["url"], tuple(item["fields"])) for item in items or ())


def declared_ids(document: YamlDocument | None) -> dict[str, int]:
    """Every id a registry file declares, with its line (before invalid items are dropped)."""
    if document is None or not isinstance(document.data, list):
        return {}
    return {item["id"]: document.line_of([index]) for index, item in enumerate(document.data)
            if isinstance(item, dict) and isinstance(item.get("id"), str)}


def load_registry(path: Path, schema: str, build, problems: list[Problem],
                  rejected: dict[str, Location] | None = None) -> dict:
    """Registry items by id; an invalid item drops only itself (its id goes to ``rejected``),
    a duplicate id is a problem and the first one wins."""
    document, found = read_yaml(path)
    declared = declared_ids(document)
    if document is not None:
        valid, schema_found = validate_pruning(document, schema)
        found += schema_found
        document = document if valid else None
    problems.extend(found)
    registry: dict = {}
    for index, item in enumerate(document.data if document else ()):
        if item["id"] in registry:
            problems.append(document.problem([index, "id"], f"duplicate id {item['id']!r}"))
            continue
        registry[item["id"]] = build(item, Location(path, document.line_of([index])))
    if rejected is not None:
        rejected.update({key: Location(path, line) for key, line in declared.items() if key not in registry})
    return registry


def build_organisation(item: dict, location: Location) -> Organisation:
    return Organisation(
        id=item["id"],
        name_en=item["name_en"],
        url=item["url"],
        kind=item["kind"],
        name_zh=item.get("name_zh", ""),
        aliases=tuple(item.get("aliases", ())),
        listed_as=tuple(item.get("listed_as", ())),
        note=item.get("note", ""),
        sources=sources_of(item.get("sources")),
        location=location,
    )


def build_category(item: dict, location: Location) -> Category:
    return Category(item["id"], item["zh"], item["en"], item["description"], tuple(item.get("headings", ())),
                    item.get("model_kind"), tuple(item.get("columns", ())), location)


def hub_ids(value: str | list | None) -> tuple[str, ...]:
    """One id or a list of ids, as a tuple."""
    if value is None:
        return ()
    return (str(value),) if isinstance(value, str) else tuple(str(item) for item in value)


def build_domain(item: dict, location: Location) -> Domain:
    return Domain(item["id"], item["zh"], item["en"], tuple(item.get("aliases", ())))


def build_model(item: dict, family_id: str, location: Location, default_kind: str | None = None) -> ModelVariant:
    """A model of a card; without its own ``kind``, the kind its category's models have (``model_kind``)."""
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
    source, author = item.get("source"), item.get("author_as_listed")
    return ModelVariant(
        id=item["id"],
        family_id=family_id,
        name=item["name"],
        organisation=item["organisation"],
        domain=item["domain"],
        links=links,
        version=item.get("version", ""),
        size=item.get("size"),
        layers=item.get("layers"),
        parameters=item.get("parameters"),
        active_parameters=item.get("active_parameters"),
        source=Link(source["label"], source["url"]) if source else None,
        domain_as_listed=item.get("domain_as_listed", ""),
        author_as_listed=Link(author["label"], author.get("url", "")) if author else None,
        huggingface_ids=hub_ids(item.get("huggingface")),
        modelscope_ids=hub_ids(item.get("modelscope")),
        remarks=item.get("remarks", ""),
        release=item.get("release"),
        languages=tuple(item.get("languages", ())),
        language_count=item.get("language_count"),
        kind=item.get("kind") or default_kind,
        modalities_in=tuple(item.get("modalities", {}).get("input", ())),
        modalities_out=tuple(item.get("modalities", {}).get("output", ())),
        base_model=item.get("base_model"),
        benchmarks=tuple(item.get("benchmarks", ())),
        architecture=item.get("architecture"),
        mixture_of_experts=bool(item.get("mixture_of_experts", False)),
        licence=item.get("licence", ""),
        context_length=item.get("context_length"),
        sources=sources_of(item.get("sources")),
        location=location,
    )


class CatalogBuilder:
    """Accumulates families from validated cards and checks references between them."""

    def __init__(self, catalog: Catalog, problems: list[Problem],
                 rejected: dict[str, dict[str, Location]] | None = None) -> None:
        self.catalog = catalog
        self.problems = problems
        self.model_locations: dict[str, Location] = {}
        self.rejected = rejected or {}  # registry kind -> ids whose entry was invalid, where
        self.follow_ons: set[tuple[Path, str, str]] = set()
        self.documents: dict[str, YamlDocument] = {}  # family id -> its card, for checks across cards

    def unknown(self, document: YamlDocument, where: list, kind: str, key: str) -> None:
        """An unknown id; one whose registry entry was rejected is reported once per card, pointing at it."""
        origin = self.rejected.get(kind, {}).get(key)
        if origin is None:
            self.problems.append(document.problem(where, f"unknown {kind} {key!r}"))
        elif (document.path, kind, key) not in self.follow_ons:
            self.follow_ons.add((document.path, kind, key))
            self.problems.append(document.problem(
                where, f"{kind} {key!r} is unusable: its entry at {origin.path}:{origin.line} was rejected "
                       "(fix that first)"))

    def add_card(self, document: YamlDocument) -> None:
        data = document.data
        family_id = data["id"]
        if family_id in self.catalog.families:
            first = self.catalog.families[family_id].path
            self.problems.append(document.problem(["id"], f"duplicate family id {family_id!r} (first in {first})"))
            return
        if document.path.stem != family_id:
            self.problems.append(document.problem(["id"], f"card file should be named {family_id}.yaml"))
        if data["category"] not in self.catalog.categories:
            known = ", ".join(self.catalog.categories)
            self.problems.append(document.problem(["category"], f"unknown category {data['category']!r} (known: {known})"))
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
            category = self.catalog.categories.get(data["category"])
            models.append(build_model(item, family_id, location, category.model_kind if category else None))
        if not models:
            self.problems.append(document.problem(["models"], f"family {family_id!r} has no valid model left; "
                                                              "it is left out until one is fixed"))
            return
        papers = []
        for index, key in enumerate(data.get("papers", ())):
            if key in self.catalog.bibliography:
                papers.append(key)
            elif key in self.catalog.bibliography.rejected:
                path, line = self.catalog.bibliography.rejected[key]
                self.problems.append(document.problem(
                    ["papers", index], f"BibTeX entry {key!r} is unusable: it was rejected at {path}:{line} "
                                       "(fix that first)"))
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
            list_position=data.get("list_position"),
            listed_since=data.get("listed_since"),
        )
        self.documents[family_id] = document

    def check_lineage(self) -> None:
        """After every card: a ``base_model`` names a known model, and lineage has no cycle."""
        models = self.catalog.models
        for family_id, document in self.documents.items():
            for index, item in enumerate(document.data["models"]):
                base = item.get("base_model")
                if base is None or item["id"] not in models:
                    continue
                where = ["models", index, "base_model"]
                if base not in models:
                    self.problems.append(document.problem(where, f"unknown base model {base!r}"))
                elif lineage_cycle(models, item["id"]):
                    self.problems.append(document.problem(where, f"base_model {base!r} leads back to {item['id']!r}"))

    def check_model_references(self, document: YamlDocument, index: int, item: dict) -> None:
        where = ["models", index]
        spelling = spdx_spelling(item.get("licence", ""))
        if spelling:
            self.problems.append(document.problem([*where, "licence"], f"licence {item['licence']!r}: "
                                                  f"write its SPDX id {spelling!r}"))
        if "language_count" in item and "multilingual" not in item.get("languages", ()):
            self.problems.append(document.problem([*where, "language_count"],
                                                  "language_count needs 'multilingual' in languages"))
        if item["organisation"] not in self.catalog.organisations:
            self.unknown(document, [*where, "organisation"], "organisation", item["organisation"])
        if item["domain"] not in self.catalog.domains:
            self.unknown(document, [*where, "domain"], "domain", item["domain"])
        for position, benchmark in enumerate(item.get("benchmarks", ())):
            if benchmark not in self.catalog.benchmarks:
                self.problems.append(document.problem([*where, "benchmarks", position],
                                                      f"unknown benchmark {benchmark!r}"))
        hub = (hub_ids(item.get("huggingface")) or (None,))[0]
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


def lineage_cycle(models: dict[str, ModelVariant], start: str) -> bool:
    seen, current = {start}, models[start].base_model
    while current in models:
        if current in seen:
            return True
        seen.add(current)
        current = models[current].base_model
    return False


def declared_model_ids(data: object) -> set[str]:
    """The model ids a card's YAML names, before validation."""
    models = data.get("models") if isinstance(data, dict) else None
    return {item["id"] for item in models or () if isinstance(item, dict) and isinstance(item.get("id"), str)} \
        if isinstance(models, list) else set()


def load_updates(path: Path, families: dict[str, Family], problems: list[Problem],
                 declared_models: set[str] = frozenset()) -> list[UpdateEntry]:
    """The update log; a model a card declares but whose entry was rejected is left out of an entry
    without a second problem (its card's problem says why)."""
    document, found = read_validated(path, "updates")
    problems.extend(found)
    models = {model.id for family in families.values() for model in family.models}
    entries = []
    for index, item in enumerate(document.data if document else ()):
        try:
            date = datetime.date.fromisoformat(item["date"])
        except ValueError:
            problems.append(document.problem([index, "date"], f"not a real date: {item['date']!r} (expected YYYY-MM-DD)"))
            continue
        for key, known, what in (("families", families, "family"), ("models", models, "model")):
            for position, named in enumerate(item.get(key, ())):
                if named not in known and not (key == "models" and named in declared_models):
                    problems.append(document.problem([index, key, position], f"unknown {what} {named!r}"))
        entries.append(
            UpdateEntry(
                date=date,
                families=tuple(f for f in item["families"] if f in families),
                text=item["text"],
                links=links_of(item.get("links")),
                correction=item.get("correction", ""),
                location=Location(path, document.line_of([index])),
                models=tuple(m for m in item.get("models", ()) if m in models),
            )
        )
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


def load_catalog(sources: CatalogSources, cache: Path | None = None) -> tuple[Catalog, list[Problem]]:
    """Read every input once; return the catalogue and all problems found, root causes first
    (in reading order: BibTeX, registries, cards, log), by line within a file. ``cache``: a folder
    where the parsed ``.bib`` database and cards are kept between runs (data/bibliography_cache.py,
    data/card_cache.py)."""
    problems: list[Problem] = []
    catalog = Catalog()
    catalog.bibliography, bib_problems = cached_bibliography(list(sources.bibfiles), cache)
    problems.extend(bib_problems)
    rejected: dict[str, dict[str, Location]] = {"domain": {}, "organisation": {}, "category": {}}
    catalog.categories = load_registry(sources.categories_path, "categories", build_category, problems,
                                       rejected["category"])
    catalog.domains = load_registry(sources.domains, "domains", build_domain, problems, rejected["domain"])
    catalog.organisations = load_registry(sources.organisations, "organisations", build_organisation, problems,
                                          rejected["organisation"])
    problems.extend(organisation_problems(catalog.organisations))
    for name, path in sources.entity_paths.items():
        if path.exists() or sources.entity_path_required(name):
            setattr(catalog, name, load_registry(path, name, BUILDERS[name], problems))
    builder = CatalogBuilder(catalog, problems, rejected)
    for path in sources.misplaced_cards():
        problems.append(Problem(path, 1, f"not read: a card is {sources.cards_dir}/<id>.yaml "
                                         "(top level, suffix .yaml); move or rename it"))
    declared_models: set[str] = set()  # every model id a card names, even when its entry is rejected
    cards = CardCache(cache)
    for path in sources.card_paths():
        document, found, declared = cards.read(path, read_card)
        declared_models |= declared
        problems.extend(found)
        if document is not None:
            builder.add_card(document)
    cards.save()
    builder.check_lineage()
    catalog.updates = load_updates(sources.updates, catalog.families, problems, declared_models)
    return catalog, in_reading_order(problems, sources)


def in_reading_order(problems: list[Problem], sources: CatalogSources) -> list[Problem]:
    order = [*sources.bibfiles, sources.categories_path, sources.domains, sources.organisations,
             *sources.card_paths(), sources.updates]
    rank = {path: position for position, path in enumerate(order)}
    # stable: within a line, in the order found (a cause before what it causes)
    return sorted(dict.fromkeys(problems), key=lambda p: (rank.get(p.path, len(rank)), str(p.path), p.line))
