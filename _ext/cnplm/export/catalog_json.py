"""``catalog.json``: the whole catalogue as plain JSON for scripts (schema: catalog.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from jsonschema import Draft202012Validator

from .. import __version__
from ..data.schemas import schema_of
from .bibtex_export import model_key
from ..data.catalog import Catalog, Family, Link, ModelVariant, Organisation, Source

FORMAT_VERSION = 1


def links_json(links: tuple[Link, ...]) -> list[dict[str, str]]:
    return [{"label": link.label, "url": link.url} for link in links]


def sources_json(sources: tuple[Source, ...]) -> list[dict[str, Any]]:
    return [{"url": source.url, "fields": list(source.fields)} for source in sources]


def drop_empty(record: dict[str, Any]) -> dict[str, Any]:
    """Leave out absent optional values (None, '', empty lists) so every key present means something."""
    return {key: value for key, value in record.items() if value not in (None, "", [], ())}


def model_json(catalog: Catalog, model: ModelVariant) -> dict[str, Any]:
    return drop_empty({
        "id": model.id,
        "family": model.family_id,
        "name": model.name,
        "version": model.version,
        "size": model.size,
        "layers": model.layers,
        "parameters": model.parameters,
        "active_parameters": model.active_parameters,
        "organisation": model.organisation,
        "domain": model.domain,
        "domain_as_listed": model.domain_as_listed,
        "author_as_listed": drop_empty(vars(model.author_as_listed).copy()) if model.author_as_listed else None,
        "source": {"label": model.source.label, "url": model.source.url} if model.source else None,
        "huggingface": model.huggingface,
        "huggingface_ids": list(model.huggingface_ids),
        "modelscope": model.modelscope,
        "modelscope_ids": list(model.modelscope_ids),
        "kind": model.kind,
        "modalities": {"input": list(model.modalities_in), "output": list(model.modalities_out)}
        if model.modalities_in else None,
        "base_model": model.base_model,
        "derived_models": [derived.id for derived in catalog.derived_models(model.id)],
        "benchmarks": list(model.benchmarks),
        "frameworks": list(model.frameworks),
        "links": [drop_empty({"kind": link.kind, "framework": link.framework, "host": link.host.id, "label": link.label,
                              "url": link.url, "code": link.code, "remarks": link.remarks}) for link in model.links],
        "remarks": model.remarks,
        "release": model.release,
        "languages": list(model.languages),
        "language_count": model.language_count,
        "architecture": model.architecture,
        "mixture_of_experts": model.mixture_of_experts or None,
        "licence": model.licence,
        "context_length": model.context_length,
        "sources": sources_json(model.sources),
        "bibtex_key": model_key(model),
    })


def organisation_json(organisation: Organisation) -> dict[str, Any]:
    return drop_empty({
        "id": organisation.id,
        "name_en": organisation.name_en,
        "name_zh": organisation.name_zh,
        "kind": organisation.kind,
        "aliases": list(organisation.aliases),
        "listed_as": list(organisation.listed_as),
        "url": organisation.url,
        "note": organisation.note,
        "sources": sources_json(organisation.sources),
    })


def family_json(catalog: Catalog, family: Family) -> dict[str, Any]:
    return drop_empty({
        "id": family.id,
        "name": family.name,
        "name_zh": family.name_zh,
        "category": family.category,
        "model_type": family.model_type,
        "description": family.description,
        "papers": list(family.papers),
        "notes": [drop_empty({"text": n.text, "links": links_json(n.links)}) for n in family.notes],
        "corrections": [drop_empty(vars(c).copy()) for c in family.corrections],
        "sources": sources_json(family.sources),
        "models": [model_json(catalog, model) for model in family.models],
        "list_position": family.list_position,
        "listed_since": family.listed_since,
    })


def catalog_document(catalog: Catalog) -> dict[str, Any]:
    papers = sorted(catalog.bibliography.papers.values(), key=lambda p: p.key)
    return {
        "format_version": FORMAT_VERSION,
        "generator": f"cnplm {__version__}",
        "families": [family_json(catalog, f) for f in sorted(catalog.families.values(), key=lambda f: f.id)],
        "organisations": [organisation_json(o) for o in sorted(catalog.organisations.values(), key=lambda o: o.id)],
        "categories": [{"id": c.id, "zh": c.zh, "en": c.en, "description": c.description}
                       for c in catalog.categories.values()],
        "datasets": [drop_empty({"id": d.id, "name": d.name, "size": d.size, "release": d.release,
                                 "languages": list(d.languages), "remarks": d.remarks,
                                 "author_as_listed": vars(d.author_as_listed).copy() if d.author_as_listed else None,
                                 "links": [vars(link).copy() for link in d.links]})
                     for d in catalog.datasets.values()],
        "benchmarks": [drop_empty({"id": b.id, "name": b.name, "name_zh": b.name_zh, "description": b.description,
                                   "links": [vars(link).copy() for link in b.links],
                                   "models": [m.id for m in catalog.models_reporting(b.id)]})
                       for b in catalog.benchmarks.values()],
        "domains": [{"id": d.id, "zh": d.zh, "en": d.en} for d in catalog.domains.values()],
        "papers": [drop_empty({"key": p.key, "type": p.entry_type, "title": p.title, "authors": list(p.authors),
                               "year": p.year, "venue": p.venue, "url": p.url, "eprint": p.eprint, "doi": p.doi})
                   for p in papers],
        "updates": [drop_empty({"date": u.date.isoformat(), "families": list(u.families),
                                "models": list(u.models), "text": u.text, "links": links_json(u.links), "correction": u.correction})
                    for u in catalog.updates],
    }


def catalog_json(catalog: Catalog) -> str:
    """The JSON text; a non-finite number (not JSON) raises ValueError, the loader rejects them first."""
    return json.dumps(catalog_document(catalog), ensure_ascii=False, indent=1, sort_keys=False,
                      allow_nan=False) + "\n"


def catalog_json_problems(text: str) -> list[str]:
    """What makes a catalog.json text break its own schema (``path: message``), empty when valid."""
    document = json.loads(text)
    return [f"catalog.json {'/'.join(str(step) for step in error.absolute_path) or '(top)'}: {error.message}"
            for error in Draft202012Validator(schema_of("catalog")).iter_errors(document)]
