"""Content digests of catalogue objects, so a build can tell exactly which pages an edit affects."""

from __future__ import annotations

import hashlib

from ..data.freshness import data_date
from ..data.catalog import Catalog, Family
from ..data.summaries import INDEXES, catalogue_counts, category_counts, category_families, citing_families, family_titles


def digest(value: object) -> str:
    return hashlib.sha1(repr(value).encode("utf-8")).hexdigest()[:16]


def object_key(kind: str, name: str) -> str:
    return f"{kind}:{name}"


def object_digests(catalog: Catalog) -> dict[str, str]:
    """Digest of every object a page can show: 'family:bert', 'model:bert-wwm', 'paper:devlin2019bert', ..."""
    digests: dict[str, str] = {}
    for family in catalog.families.values():
        digests[object_key("family", family.id)] = digest(family)
        digests[object_key("updates", family.id)] = digest(catalog.updates_of(family.id))
        for model in family.models:
            digests[object_key("model", model.id)] = digest((model, family.name, family.name_zh))
    digests.update(object_digests_of_papers(catalog))
    for organisation in catalog.organisations.values():
        digests[object_key("organisation", organisation.id)] = digest(organisation)
    for domain in catalog.domains.values():
        digests[object_key("domain", domain.id)] = digest(domain)
    digests["updates"] = digest(catalog.updates)
    members: dict[str, list[str]] = {}  # a category's digest changes when a family of it changes, comes or goes
    for family in catalog.families.values():
        members.setdefault(family.category, []).append(digests[object_key("family", family.id)])
    for category, family_digests in members.items():
        digests[object_key("category", category)] = digest(sorted(family_digests))
    digests.update(view_digests(catalog))
    return digests


def object_digests_of_papers(catalog: Catalog) -> dict[str, str]:
    """A paper's digest covers its label too: an a/b suffix given by another entry's edit changes it."""
    return {object_key("paper", key): digest((paper.label, paper.entry.entry_type, paper.entry.key,
                                              [(f.key, f.value) for f in paper.entry.fields]))
            for key, paper in catalog.bibliography.papers.items()}


def view_key(*parts: str) -> str:
    """Key of what one kind of aggregate page shows, e.g. 'view:families:nlu', 'view:index:size'."""
    return ":".join(("view", *parts))


def view_digests(catalog: Catalog) -> dict[str, str]:
    """Digest of exactly what each aggregate page renders (see data/summaries.py): an edit that
    leaves a summary unchanged (a model renamed, a link fixed) re-reads no aggregate page."""
    digests = {view_key("families", category): digest(category_families(catalog, category))
               for category in catalog.categories}
    digests[view_key("datasets")] = digest(list(catalog.datasets.values()))
    reporting = {b: [m.id for m in catalog.models_reporting(b)] for b in catalog.benchmarks}
    digests[view_key("benchmarks")] = digest((list(catalog.benchmarks.values()), reporting))
    for category in catalog.categories.values():  # what its generated page says besides the families
        digests[view_key("category", category.id)] = digest((category.label, category.description))
    digests[view_key("categories")] = digest(([(c.id, c.label, c.description) for c in catalog.categories.values()],
                                              category_counts(catalog)))
    digests[view_key("families", "*")] = digest(category_families(catalog, None))
    for name, grouping in INDEXES.items():
        digests[view_key("index", name)] = digest(grouping(catalog))
    digests[view_key("stats")] = digest((catalogue_counts(catalog), category_counts(catalog)))
    papers = sorted((key, value) for key, value in object_digests_of_papers(catalog).items())
    digests[view_key("papers")] = digest((papers, sorted(citing_families(catalog).items())))
    named = sorted({family for entry in catalog.updates for family in entry.families})
    models = catalog.models
    model_labels = sorted({(m, catalog.family_of(models[m]).model_label(models[m]))
                           for entry in catalog.updates for m in entry.models})
    digests[view_key("updates")] = digest((catalog.updates, family_titles(catalog, named), model_labels))
    digests[view_key("data-date")] = digest(str(data_date(catalog)))  # what the freshness line shows
    digests[view_key("downloads")] = digest(family_titles(catalog, sorted(catalog.families)))
    return digests


def bibtex_keys(catalog: Catalog, digests: dict[str, str], code: str) -> dict[str, str]:
    """Model id -> a key of everything its BibTeX entries show (its family's page inputs: the card,
    papers, organisations, update log) and of the ``code`` that writes them."""
    keys = {}
    for family in catalog.families.values():
        inputs = sorted((key, digests.get(key)) for key in family_page_inputs(catalog, family))
        key = digest((code, inputs))
        keys.update({model.id: key for model in family.models})
    return keys


def family_page_inputs(catalog: Catalog, family: Family) -> set[str]:
    """Keys of every object the family's page shows."""
    keys = {object_key("family", family.id), object_key("updates", family.id)}
    keys |= {object_key("paper", key) for key in family.papers}
    for model in family.models:
        keys.add(object_key("organisation", model.organisation))
        keys.add(object_key("domain", model.domain))
    return keys


def changed_keys(old: dict[str, str], new: dict[str, str]) -> set[str]:
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
