"""Instruction datasets and evaluation benchmarks: the entities the list carries besides models."""

from __future__ import annotations

from .catalog import Benchmark, Dataset, EntityLink, Link, Location, Source


def entity_links(items: list[dict] | None) -> tuple[EntityLink, ...]:
    return tuple(EntityLink(item["kind"], item["label"], item["url"]) for item in items or ())


def entity_sources(items: list[dict] | None) -> tuple[Source, ...]:
    return tuple(Source(item["url"], tuple(item["fields"])) for item in items or ())


def build_benchmark(item: dict, location: Location) -> Benchmark:
    return Benchmark(item["id"], item["name"], item["description"], item.get("name_zh", ""),
                     tuple(item.get("languages", ())), entity_links(item.get("links")),
                     entity_sources(item.get("sources")), location)


def build_dataset(item: dict, location: Location) -> Dataset:
    author = item.get("author_as_listed")
    return Dataset(
        id=item["id"],
        name=item["name"],
        links=entity_links(item.get("links")),
        size=item.get("size", ""),
        release=item.get("release"),
        languages=tuple(item.get("languages", ())),
        author_as_listed=Link(author["label"], author.get("url", "")) if author else None,
        remarks=item.get("remarks", ""),
        sources=entity_sources(item.get("sources")),
        location=location,
    )


BUILDERS = {"datasets": build_dataset, "benchmarks": build_benchmark}
