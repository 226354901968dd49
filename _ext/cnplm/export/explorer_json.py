"""explorer.json: every model of the catalogue as one compact table for the explorer page (no Sphinx).

Rows are arrays in the order of ``COLUMNS``; families, organisations and domains are listed once
and named by id in the rows, so the file grows by about a hundred bytes per model.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..data.catalog import FRAMEWORKS, KINDS, Catalog, ModelVariant
from ..data.selection import PARAMETER_BUCKETS, UNSPECIFIED, parameter_bucket

EXPLORER_JSON_PATH = "explorer.json"
# column -> its value in a model's row
ROW_VALUES: dict[str, Callable[[ModelVariant], object]] = {
    "id": lambda m: m.id,
    "name": lambda m: m.name,
    "family": lambda m: m.family_id,
    "organisation": lambda m: m.organisation,
    "domain": lambda m: m.domain,
    "size": lambda m: m.size or "",
    "parameters": lambda m: m.parameters,
    "active_parameters": lambda m: m.active_parameters,
    "layers": lambda m: m.layers,
    "release": lambda m: m.release or "",
    "kind": lambda m: m.kind or "",
    "frameworks": lambda m: list(m.frameworks),
    "licence": lambda m: m.licence,
    "huggingface": lambda m: m.huggingface or "",
    "modelscope": lambda m: m.modelscope or "",
    "parameter_range": lambda m: parameter_bucket(m)[0],
}
COLUMNS: tuple[str, ...] = tuple(ROW_VALUES)


def model_row(model: ModelVariant) -> list:
    return [value(model) for value in ROW_VALUES.values()]


def explorer_data(catalog: Catalog, family_pages: dict[str, str], data_date: str) -> dict:
    """The explorer's table; ``family_pages`` maps a family id to its page's URL from the site root."""
    organisations = {o.id: o.display_name for o in catalog.organisations.values()}
    return {
        "data_date": data_date,
        "columns": list(COLUMNS),
        "families": {
            f.id: {"title": f.title, "category": f.category, "page": family_pages[f.id]}
            for f in catalog.families.values()
        },
        "labels": {
            "category": {key: category.label for key, category in catalog.categories.items()},
            "organisation": organisations,
            "organisation_short": {o.id: o.short_name for o in catalog.organisations.values()},
            # every name and alias, so that the text filter finds a model by any of them
            "organisation_terms": {o.id: " ".join(o.search_terms) for o in catalog.organisations.values()},
            "domain": {d.id: d.display for d in catalog.domains.values()},
            "framework": dict(FRAMEWORKS),
            "kind": KINDS,
            "parameter_range": {key: label for _, key, label in PARAMETER_BUCKETS} | {UNSPECIFIED[0]: UNSPECIFIED[1]},
        },
        "rows": [model_row(model) for family in catalog.families.values() for model in family.models],
    }


def explorer_json(catalog: Catalog, family_pages: dict[str, str], data_date: str) -> str:
    data = explorer_data(catalog, family_pages, data_date)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
