"""Selecting, grouping and sorting model variants (used by tables and indexes; no Sphinx)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .catalog import FRAMEWORKS, SIZES, Catalog, ModelVariant

UNSPECIFIED = ("unspecified", "未注明 Unspecified")
PARAMETER_BUCKETS: tuple[tuple[float, str, str], ...] = (
    (1e11, "params-100b", "千亿级 ≥100B parameters"),
    (1e10, "params-10b", "百亿级 10B–100B parameters"),
    (1e9, "params-1b", "十亿级 1B–10B parameters"),
    (0, "params-small", "十亿以下 <1B parameters"),
)


@dataclass(frozen=True)
class Selection:
    """Filters of a comparison table; an empty tuple accepts everything."""

    categories: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    frameworks: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()
    families: tuple[str, ...] = ()

    def accepts(self, catalog: Catalog, model: ModelVariant) -> bool:
        family = catalog.family_of(model)
        checks = (
            (self.categories, (family.category,)),
            (self.domains, (model.domain,)),
            (self.organisations, (model.organisation,)),
            (self.frameworks, model.frameworks or (UNSPECIFIED[0],)),
            (self.sizes, (model.size or UNSPECIFIED[0],)),
            (self.families, (family.id,)),
        )
        return all(not wanted or set(wanted) & set(values) for wanted, values in checks)


def select(catalog: Catalog, selection: Selection) -> list[ModelVariant]:
    return [model for model in catalog.models.values() if selection.accepts(catalog, model)]


def size_rank(model: ModelVariant) -> tuple[int, float]:
    rank = SIZES.index(model.size) if model.size in SIZES else len(SIZES)
    return rank, model.parameters or 0.0


def parameter_bucket(model: ModelVariant) -> tuple[str, str]:
    for floor, key, label in PARAMETER_BUCKETS:
        if model.parameters and model.parameters >= floor:
            return key, label
    return UNSPECIFIED


def group_models(models: Iterable[ModelVariant], key: Callable[[ModelVariant], Iterable[str]],
                 order: list[str]) -> list[tuple[str, list[ModelVariant]]]:
    """Models per group key, groups in ``order`` first, the rest alphabetically, empty groups left out."""
    groups: dict[str, list[ModelVariant]] = {}
    for model in models:
        for name in key(model):
            groups.setdefault(name, []).append(model)
    ranked = sorted(groups, key=lambda name: (order.index(name) if name in order else len(order), name))
    return [(name, groups[name]) for name in ranked]


def framework_keys(model: ModelVariant) -> tuple[str, ...]:
    return model.frameworks or (UNSPECIFIED[0],)


FRAMEWORK_ORDER = [*FRAMEWORKS, UNSPECIFIED[0]]
