"""What the aggregate pages show, as plain values (no Sphinx).

Category and index pages show summaries of families, never every model: their size grows with the
number of families, not with families × models, and the full listing lives in the explorer. Each
summary is exactly what its page renders, so a digest of it tells when the page must be re-read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .catalog import FRAMEWORKS, KINDS, SIZES, Catalog, Family, ModelVariant
from .licences import licence_url
from .selection import FRAMEWORK_ORDER, PARAMETER_BUCKETS, UNSPECIFIED, framework_keys, parameter_bucket


@dataclass(frozen=True)
class FamilySummary:
    """One row of a category page: a family, its model count, sizes and organisations."""

    id: str
    title: str
    models: int
    sizes: str
    organisations: tuple[tuple[str, str], ...]  # (id, display name)


@dataclass(frozen=True)
class FamilyCount:
    """A family within a group of an index, with how many of its models are in the group."""

    id: str
    title: str
    models: int


@dataclass(frozen=True)
class IndexGroup:
    key: str
    title: str
    families: tuple[FamilyCount, ...]
    url: str = ""

    @property
    def models(self) -> int:
        return sum(family.models for family in self.families)


def format_parameters(count: float | None) -> str:
    """3.5e9 -> '3.5B', 1.1e8 -> '110M' (as practitioners write sizes)."""
    if not count:
        return ""
    for unit, scale in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if count >= scale:
            value = count / scale
            return f"{value:.1f}".rstrip("0").rstrip(".") + unit
    return str(int(count))


def parameter_range(models: Iterable[ModelVariant]) -> str:
    counts = sorted(m.parameters for m in models if m.parameters)
    if not counts:
        return ""
    low, high = format_parameters(counts[0]), format_parameters(counts[-1])
    return low if low == high else f"{low}–{high}"


def family_sizes(family: Family) -> str:
    """'base / large · 110M–340M': the size classes in canonical order, then the parameter range."""
    present = {model.size for model in family.models if model.size}
    classes = [size for size in SIZES if size in present] + sorted(present - set(SIZES))
    return " · ".join(part for part in (" / ".join(classes), parameter_range(family.models)) if part)


def organisation_display(catalog: Catalog, organisation_id: str) -> str:
    organisation = catalog.organisations.get(organisation_id)
    return organisation.display_name if organisation else organisation_id


def family_summary(catalog: Catalog, family: Family) -> FamilySummary:
    organisations = dict.fromkeys(model.organisation for model in family.models)
    return FamilySummary(
        family.id, family.title, len(family.models), family_sizes(family),
        tuple((o, organisation_display(catalog, o)) for o in organisations),
    )


def category_families(catalog: Catalog, category: str | None) -> list[FamilySummary]:
    """Families of a category (all of them for None), by name."""
    families = (f for f in catalog.families.values() if category is None or f.category == category)
    return [family_summary(catalog, f) for f in sorted(families, key=lambda f: (f.name.lower(), f.id))]


def grouped_families(catalog: Catalog, key: Callable[[ModelVariant], Iterable[str]],
                     order: list[str]) -> dict[str, tuple[FamilyCount, ...]]:
    """Group key -> the families with models in that group, by name; groups in ``order`` first."""
    counts: dict[str, dict[str, int]] = {}
    for family in catalog.families.values():
        for model in family.models:
            for name in key(model):
                per_family = counts.setdefault(name, {})
                per_family[family.id] = per_family.get(family.id, 0) + 1
    ranked = sorted(counts, key=lambda name: (order.index(name) if name in order else len(order), name))
    result = {}
    for name in ranked:
        families = sorted((catalog.families[f] for f in counts[name]), key=lambda f: (f.name.lower(), f.id))
        result[name] = tuple(FamilyCount(f.id, f.title, counts[name][f.id]) for f in families)
    return result


def by_organisation(catalog: Catalog) -> list[IndexGroup]:
    """Every organisation of the registry (also those without models: they are link targets)."""
    groups = grouped_families(catalog, lambda m: (m.organisation,), [])
    organisations = sorted(catalog.organisations.values(), key=lambda o: (o.name_en.lower(), o.id))
    return [IndexGroup(o.id, o.display_name, groups.get(o.id, ()), o.url) for o in organisations]


def by_domain(catalog: Catalog) -> list[IndexGroup]:
    groups = grouped_families(catalog, lambda m: (m.domain,), list(catalog.domains))
    return [IndexGroup(key, catalog.domains[key].display if key in catalog.domains else key, families)
            for key, families in groups.items()]


def size_group(model: ModelVariant) -> tuple[str]:
    return (model.size,) if model.size else (parameter_bucket(model)[0],)


def by_size(catalog: Catalog) -> list[IndexGroup]:
    labels = {key: label for _, key, label in (*PARAMETER_BUCKETS, (0, *UNSPECIFIED))}
    groups = grouped_families(catalog, size_group, [*SIZES, *labels])
    return [IndexGroup(key, labels.get(key, key), families) for key, families in groups.items()]


def by_framework(catalog: Catalog) -> list[IndexGroup]:
    groups = grouped_families(catalog, framework_keys, FRAMEWORK_ORDER)
    return [IndexGroup(key, FRAMEWORKS.get(key, UNSPECIFIED[1]), families) for key, families in groups.items()]


def by_kind(catalog: Catalog) -> list[IndexGroup]:
    groups = grouped_families(catalog, lambda m: (m.kind or UNSPECIFIED[0],), [*KINDS, UNSPECIFIED[0]])
    return [IndexGroup(key, KINDS.get(key, UNSPECIFIED[1]), families) for key, families in groups.items()]


def by_licence(catalog: Catalog) -> list[IndexGroup]:
    """Licences as the cards give them (SPDX ids link to their SPDX page), unspecified last."""
    groups = grouped_families(catalog, lambda m: (m.licence or UNSPECIFIED[0],), [])
    ranked = sorted(groups, key=lambda key: (key == UNSPECIFIED[0], key.lower()))
    return [IndexGroup(licence_anchor(key), UNSPECIFIED[1] if key == UNSPECIFIED[0] else key, groups[key],
                       licence_url(key) or "") for key in ranked]


def licence_anchor(licence: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", licence.lower()).strip("-") or "other"


def by_release_year(catalog: Catalog) -> list[IndexGroup]:
    """Models by the year of their release month, newest first; models without one come last."""
    groups = grouped_families(catalog, lambda m: (m.release_year or UNSPECIFIED[0],), [])
    ranked = sorted(groups, key=lambda key: (key == UNSPECIFIED[0], -int(key) if key.isdigit() else 0))
    return [IndexGroup(key, f"{key} 年" if key.isdigit() else UNSPECIFIED[1], groups[key]) for key in ranked]


INDEXES: dict[str, Callable[[Catalog], list[IndexGroup]]] = {
    "organisation": by_organisation,
    "domain": by_domain,
    "size": by_size,
    "framework": by_framework,
    "kind": by_kind,
    "licence": by_licence,
    "year": by_release_year,
}


def category_counts(catalog: Catalog) -> list[tuple[str, int, int]]:
    """(category, families, models) for every category that has families, in canonical order."""
    result = []
    for category in catalog.categories:
        families = [f for f in catalog.families.values() if f.category == category]
        if families:
            result.append((category, len(families), sum(len(f.models) for f in families)))
    return result


def catalogue_counts(catalog: Catalog) -> tuple[int, int, int, int, int]:
    """Families, models, papers, organisations, log entries."""
    return (len(catalog.families), sum(len(f.models) for f in catalog.families.values()),
            len(catalog.bibliography.papers), len(catalog.organisations), len(catalog.updates))


def family_titles(catalog: Catalog, ids: Iterable[str]) -> tuple[tuple[str, str], ...]:
    return tuple((i, catalog.families[i].title) for i in ids if i in catalog.families)


def citing_families(catalog: Catalog) -> dict[str, tuple[tuple[str, str], ...]]:
    """Paper key -> (id, title) of the families citing it, in one pass over the families."""
    citing: dict[str, list[str]] = {}
    for family in catalog.families.values():
        for key in family.papers:
            citing.setdefault(key, []).append(family.id)
    return {key: family_titles(catalog, ids) for key, ids in citing.items()}
