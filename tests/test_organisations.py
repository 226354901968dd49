"""Organisations: institutions or people, Chinese and English names, aliases, the list's author kept."""

from __future__ import annotations

from pathlib import Path

from cnplm.awesome.awesome_list import Cell
from cnplm.awesome.fidelity import author_problems
from cnplm.data.catalog import Link, ModelVariant
from test_bad_input import edit, line_of, messages, project  # noqa: F401  (project is a fixture)

ORGS = Path("data") / "organisations.yaml"


def test_name_en_kind_and_url_are_required(project):
    registry = project / ORGS
    edit(registry, "  name_en: PENG Bo\n", "")
    found = messages(project)
    assert f"{registry}:{line_of(registry, 'id: blinkdl')}: 2: missing required field \"name_en\"" in found


def test_kind_is_institution_or_person(project):
    registry = project / ORGS
    edit(registry, "  kind: person", "  kind: collective")
    found = messages(project)
    assert any(m.startswith(f"{registry}:{line_of(registry, 'kind: collective')}: 2/kind: \"collective\" is not one of")
               for m in found), found


def test_an_institution_needs_sources(project):
    registry = project / ORGS
    text = registry.read_text(encoding="utf-8")
    start = text.index("- id: idea-ccnl")
    registry.write_text(text[:start] + text[start:].replace(
        "  sources:\n    - url: https://github.com/IDEA-CCNL/Fengshenbang-LM/blob/main/README.md\n"
        "      fields: [name_zh]\n", "", 1), encoding="utf-8")
    found = messages(project)
    assert f"{registry}:{line_of(registry, 'id: idea-ccnl')}: 1: missing required field \"sources\"" in found


def test_an_institution_without_chinese_name_needs_a_note(project):
    registry = project / ORGS
    edit(registry, "  name_zh: IDEA研究院封神榜团队\n", "")
    found = messages(project)
    assert (f"{registry}:{line_of(registry, 'id: idea-ccnl')}: institution 'idea-ccnl' has no name_zh: give its "
            "official Chinese name, or a note saying why it has none") in found
    edit(registry, "  name_en: IDEA-CCNL\n", "  name_en: IDEA-CCNL\n  note: Only an English name is given.\n")
    assert messages(project) == []


def test_a_person_needs_no_chinese_name_nor_sources(project):
    assert "name_zh" not in (project / ORGS).read_text(encoding="utf-8").split("- id: blinkdl")[1]
    assert messages(project) == []


def test_an_author_cell_stands_for_one_organisation_only(project):
    registry = project / ORGS
    edit(registry, "  url: https://github.com/BlinkDL", "  listed_as: [Yiming Cui]\n  url: https://github.com/BlinkDL")
    found = messages(project)
    assert (f"{registry}:{line_of(registry, 'id: blinkdl')}: listed_as 'Yiming Cui' of 'blinkdl' is already "
            "claimed by 'hfl'") in found


def test_bad_aliases_sources_and_author_as_listed(project):
    registry, card = project / ORGS, project / "cards" / "macbert.yaml"
    edit(registry, "aliases: [HFL, 哈工大, 讯飞]", "aliases: [HFL, HFL]")
    edit(registry, "fields: [name_zh, aliases]", "fields: [name_zh, motto]")
    edit(card, "author_as_listed: {label: Yiming Cui, url: https://github.com/ymcui}",
         "author_as_listed: {url: javascript:alert(1)}")
    found = messages(project)
    assert any(m.startswith(f"{registry}:{line_of(registry, 'HFL, HFL')}: 0/aliases: ") for m in found), found
    assert any(m.startswith(f"{registry}:{line_of(registry, 'motto')}: 0/sources/0/fields/1: \"motto\"")
               for m in found), found
    line = line_of(card, "javascript:")
    assert f"{card}:{line}: models/0/author_as_listed: missing required field \"label\"" in found
    assert f"{card}:{line}: models/0/author_as_listed/url: not an http(s) URL: \"javascript:alert(1)\"" in found


def test_fidelity_holds_the_author_cell_exactly_as_listed():
    model = ModelVariant("m", "f", "M", "hfl", "general", (),
                         author_as_listed=Link("Yiming Cui", "https://github.com/ymcui"))
    assert author_problems(Cell("[Yiming Cui](https://github.com/ymcui)"), model, "f/m") == []
    assert author_problems(Cell("[Yiming Cui](https://github.com/ymcui2)"), model, "f/m") != []
    assert author_problems(Cell("[Yiming C.](https://github.com/ymcui)"), model, "f/m") != []
    plain = ModelVariant("p", "f", "P", "pcl", "general", (), author_as_listed=Link("鹏城实验室", ""))
    assert author_problems(Cell("鹏城实验室"), plain, "f/p") == []
    assert author_problems(Cell("鹏城"), plain, "f/p") != []
    assert author_problems(Cell("[Yiming Cui](https://github.com/ymcui)"),
                           ModelVariant("n", "f", "N", "hfl", "general", ()), "f/n") != []


def test_every_publisher_of_the_2026_list_is_a_registered_organisation(project_root):
    from cnplm.data.loading import load_catalog
    from cnplm.data.settings import sources_from_conf

    catalog, _ = load_catalog(sources_from_conf(project_root))
    lines = (project_root / "tests" / "data" / "publishers-2026.txt").read_text(encoding="utf-8").splitlines()
    cells = [line for line in lines if line and not line.startswith("#")]
    assert len(cells) > 250
    unknown = [cell for cell in cells if catalog.organisation_listed_as(cell) is None]
    assert unknown == []
    for organisation in catalog.organisations.values():
        assert organisation.name_en and organisation.kind in ("institution", "person"), organisation.id
        if organisation.kind == "institution":
            assert organisation.sources and (organisation.name_zh or organisation.note), organisation.id
    # the names the issue asks search to find
    names = " ".join(term for o in catalog.organisations.values() for term in o.search_terms)
    for word in ("哈工大", "鹏城", "华为", "智谱", "阿里"):
        assert word in names, word


def test_import_attributes_a_known_author_cell_to_its_institution(project):
    from cnplm.awesome.importer import ImportReport
    from cnplm.cli import resolve_organisations
    from cnplm.data.loading import load_catalog
    from test_bad_input import sources

    catalog, _ = load_catalog(sources(project))
    author = {"label": "Yiming Cui", "url": "https://github.com/ymcui"}
    stranger = {"label": "Someone", "url": "https://github.com/someone"}
    report = ImportReport(cards=[{"id": "x", "models": [
        {"id": "a", "organisation": "ymcui", "author_as_listed": author},
        {"id": "b", "organisation": "someone", "author_as_listed": stranger}]}],
        organisations={"ymcui": {"id": "ymcui"}, "someone": {"id": "someone"}})
    resolve_organisations(report, catalog)
    first, second = report.cards[0]["models"]
    assert (first["organisation"], first["author_as_listed"]) == ("hfl", author)
    assert second["organisation"] == "someone" and list(report.organisations) == ["someone"]
