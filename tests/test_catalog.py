"""The real catalogue: it loads without problems and holds the whole awesome list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cnplm.awesome.awesome_list import parse_awesome_list
from cnplm.data.catalog import ORGANISATION_KINDS
from cnplm.awesome.fidelity import fidelity_problems
from cnplm.awesome.importer import family_anchors
from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf
from helpers import card_counts

LIST_COPY = Path(__file__).parent / "data" / "awesome-list.md"


@pytest.fixture(scope="module")
def loaded(project_root):
    return load_catalog(sources_from_conf(project_root))


def test_full_catalogue_loads_without_problems(loaded):
    catalog, problems = loaded
    assert [str(p) for p in problems] == []
    families, models = card_counts()
    assert families >= 43 and models >= 128  # the 2022 list's 43 families and 128 rows, then the 2026 list's
    assert len(catalog.families) == families
    assert len(catalog.models) == models
    assert len(catalog.updates) == 202  # the changelog's 200 entries and the README's 2 newer ones (2026-06-16, 2026-06-19)
    assert len({paper.key for paper in catalog.bibliography.papers.values()}) >= 40
    assert {family.category for family in catalog.families.values()} >= {"nlu", "nlg", "nlu-nlg", "multimodal", "table"}


def test_every_paper_is_cited_and_every_domain_used(loaded):
    catalog, _ = loaded
    cited = {key for family in catalog.families.values() for key in family.papers}
    assert cited <= set(catalog.bibliography.papers)
    # papers-2026.bib is filled ahead of the cards of the 2026 list, which will cite it
    assert cited >= {key for key, paper in catalog.bibliography.papers.items() if paper.path.name == "papers.bib"}
    assert {m.domain for m in catalog.models.values()} == set(catalog.domains)


def test_every_model_is_published_by_an_institution_or_a_person_marked_as_such(loaded):
    catalog, _ = loaded
    for model in catalog.models.values():
        organisation = catalog.organisations[model.organisation]
        assert organisation.kind in ORGANISATION_KINDS, model.id
        if organisation.kind == "institution":
            assert organisation.sources and (organisation.name_zh or organisation.note), organisation.id
        # the list's author cell is kept as listed, and the registry knows it stands for this organisation
        assert model.author_as_listed is not None, model.id
        assert catalog.organisation_listed_as(model.author_as_listed.label) == organisation, model.id


def test_the_list_s_people_are_attributed_to_their_institutions(loaded):
    catalog, _ = loaded
    expected = {"macbert-base": "hfl", "pangu-alpha-2.6b": "pcl", "nezha-base": "huawei-noah",
                "cpm-2-11b": "baai", "erlangshen-1.3b": "idea-ccnl", "structbert-large": "alibaba-damo",
                "roformer-base": "zhuiyitechnology"}
    found = {model_id: catalog.models[model_id].organisation for model_id in expected if model_id in catalog.models}
    assert found == {model_id: expected[model_id] for model_id in found} and len(found) >= 5
    assert catalog.models["macbert-base"].author_as_listed.label == "Yiming Cui"


def test_list_copy_is_the_shared_source(project_root):
    shared = project_root.parent / "shared" / "source" / "awesome-pretrained-chinese-nlp-models.md"
    if not shared.exists():
        pytest.skip("the shared source is not beside this checkout")
    assert shared.read_text(encoding="utf-8") == LIST_COPY.read_text(encoding="utf-8")


def test_every_row_link_code_note_paper_and_log_entry_of_the_list_is_in_the_catalogue(loaded):
    catalog, _ = loaded
    parsed = parse_awesome_list(LIST_COPY.read_text(encoding="utf-8"))
    assert len(parsed.families) == 43
    assert sum(len(section.table.rows) for section in parsed.families) == 128
    assert sum(len(section.papers) for section in parsed.families) == 46
    assert len(parsed.log) == 26
    assert fidelity_problems(parsed, catalog) == []


def test_fidelity_check_notices_a_missing_link(loaded):
    catalog, _ = loaded
    text = LIST_COPY.read_text(encoding="utf-8").replace("[讯飞云-07Xj]", "[讯飞云-07XX]")
    problems = fidelity_problems(parse_awesome_list(text), catalog)
    assert problems == ["bert/bert-wwm: link 讯飞云-07XX http://pan.iflytek.com/#/link/A2483AD206EF85FD91569B498A3C3879 missing"]


def test_every_correction_and_added_fact_has_a_source(loaded):
    """Facts the list does not state (hub ids, layers, parameters, LLM fields) name their source.

    Cards of the 2026 list (families the 2022 list has not) take size, month and architecture from
    that list's columns: there a size cell (7B, A21B / 236B) states parameters and active
    parameters, and month and architecture are columns of its tables."""
    catalog, _ = loaded
    families_2022 = set(family_anchors(parse_awesome_list(LIST_COPY.read_text(encoding="utf-8"))).values())
    for family in catalog.families.values():
        for correction in family.corrections:
            assert correction.source.startswith("https://"), (family.id, correction)
        for model in family.models:
            sourced = {field for source in model.sources for field in source.fields}
            listed_urls = " ".join(link.url for link in model.links)
            stated = {
                "huggingface": model.huggingface is None or model.huggingface in listed_urls,
                "layers": model.layers is None or re.search(rf"(L{model.layers}\b|{model.layers}L|{model.layers}层)",
                                                            model.version) is not None,
                "parameters": model.parameters is None or "参数" in model.version,
            }
            for field in ("architecture", "licence", "context_length", "release", "modelscope",
                          "active_parameters", "base_model"):
                stated[field] = not getattr(model, field)
            stated["modalities"] = not (model.modalities_in or model.modalities_out)  # the card's `modalities`
            if family.id not in families_2022:
                # "7B", "13b", "317M", "A21B / 236B", or a bare "7" of a cell such as "7/32B" (its unit written once, last)
                stated["parameters"] = model.parameters is None or re.search(r"\d[BTM]|^\d+(\.\d+)?$", model.version, re.I) is not None
                stated["active_parameters"] = not model.active_parameters or re.search(r"A\d", model.version) is not None
                stated["modelscope"] = model.modelscope is None or model.modelscope in listed_urls
                stated["release"] = stated["architecture"] = True
            missing = [field for field, ok in stated.items() if not ok and field not in sourced]
            assert missing == [], (model.id, missing)


def test_the_families_of_the_2022_list_are_listed_since_its_date(loaded):
    catalog, _ = loaded
    families_2022 = set(family_anchors(parse_awesome_list(LIST_COPY.read_text(encoding="utf-8"))).values())
    assert {f.id for f in catalog.families.values() if f.listed_since == "2022-02-24"} == families_2022
    assert all(f.listed_since in (None, "2022-02-24") for f in catalog.families.values())


def test_a_model_without_a_kind_has_its_category_s(loaded):
    catalog, _ = loaded
    assert catalog.models["macbert-base"].kind == "base"  # nlu: model_kind base
    assert {m.kind for m in catalog.families["wenlan"].models} == {"multimodal"}
    assert all(m.kind for m in catalog.models.values())
