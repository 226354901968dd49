"""``.. plm-index:: organisation|domain|size|framework``: models grouped, one section per group."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ...data.catalog import FRAMEWORKS, SIZES, ModelVariant
from ..render import Inline, bullet_list, external_link, para, section, size_text
from ...data.selection import (
    FRAMEWORK_ORDER,
    PARAMETER_BUCKETS,
    UNSPECIFIED,
    framework_keys,
    group_models,
    parameter_bucket,
)
from .base import CatalogDirective


class IndexDirective(CatalogDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        grouping = GROUPINGS.get(self.arguments[0])
        if grouping is None:
            return self.warn(f"unknown index {self.arguments[0]!r}; known: {', '.join(GROUPINGS)}")
        self.plm_domain.note_aggregate()
        return grouping(self)

    def model_items(self, models: list[ModelVariant]) -> nodes.bullet_list:
        items: list[list[Inline]] = []
        for model in models:
            family = self.catalog.family_of(model)
            detail = size_text(model)
            items.append([self.model_ref(model), " — ", self.family_ref(family), f" ({detail})" if detail else ""])
        return bullet_list(items)

    def by_organisation(self) -> list[nodes.Node]:
        groups = dict(group_models(self.catalog.models.values(), lambda m: (m.organisation,), []))
        result = []
        for organisation in sorted(self.catalog.organisations.values(), key=lambda o: o.name.lower()):
            anchor = f"org-{organisation.id}"
            node = section(anchor, organisation.display, para(external_link(organisation.url, organisation.url)))
            self.located(node)
            self.plm_domain.note_object("organisation", organisation.id, anchor, organisation.display, node)
            node += self.model_items(groups.get(organisation.id, []))
            result.append(node)
        return result

    def by_domain(self) -> list[nodes.Node]:
        order = list(self.catalog.domains)
        result = []
        for domain_id, models in group_models(self.catalog.models.values(), lambda m: (m.domain,), order):
            domain = self.catalog.domains.get(domain_id)
            title = domain.display if domain else domain_id
            result.append(section(f"domain-{domain_id}", title, self.model_items(models)))
        return result

    def by_size(self) -> list[nodes.Node]:
        def size_key(model: ModelVariant) -> tuple[str]:
            return (model.size,) if model.size else (parameter_bucket(model)[0],)

        labels = {key: label for _, key, label in (*PARAMETER_BUCKETS, (0, *UNSPECIFIED))}
        order = [*SIZES, *labels]
        result = []
        for key, models in group_models(self.catalog.models.values(), size_key, order):
            models = sorted(models, key=lambda m: (m.parameters or 0, m.layers or 0))
            result.append(section(f"size-{key}", labels.get(key, key), self.model_items(models)))
        return result

    def by_framework(self) -> list[nodes.Node]:
        result = []
        for key, models in group_models(self.catalog.models.values(), framework_keys, FRAMEWORK_ORDER):
            title = FRAMEWORKS.get(key, UNSPECIFIED[1])
            result.append(section(f"framework-{key}", title, self.model_items(models)))
        return result


GROUPINGS: dict[str, Callable[[IndexDirective], list[nodes.Node]]] = {
    "organisation": IndexDirective.by_organisation,
    "domain": IndexDirective.by_domain,
    "size": IndexDirective.by_size,
    "framework": IndexDirective.by_framework,
}
