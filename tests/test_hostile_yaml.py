"""Hostile or broken YAML: every case is a located problem, bounded in time and memory, and a bad
entry drops only itself (issue "Hostile and broken input")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cnplm.data.loading import load_catalog
from test_bad_input import edit, line_of, messages, project, sources  # noqa: F401  (project is a fixture)


def located(found: list[str], path: Path, line: int, fragment: str) -> bool:
    return any(m.startswith(f"{path}:{line}: ") and fragment in m for m in found)


def test_alias_bomb_is_refused_at_once(project):
    card = project / "cards" / "macbert.yaml"
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20))
    card.write_text(bomb, encoding="utf-8")
    found = messages(project)
    assert located(found, card, 1, "anchors and aliases"), found
    assert all(len(m) < 400 for m in found)  # never the expanded value


def test_deep_nesting_is_refused(project):
    card = project / "cards" / "macbert.yaml"
    card.write_text("id: " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    assert located(messages(project), card, 1, "nested more than")


@pytest.mark.parametrize("value, fragment", [
    (".nan", "not a finite number"), (".inf", "not a finite number"), ("-.inf", "not a finite number"),
    ("1" * 401, "too large"), ("12.0", "expected a whole number"),
])
def test_bad_numbers(project, value, fragment):
    card = project / "cards" / "macbert.yaml"
    edit(card, "layers: 12", f"layers: {value}")
    found = messages(project)
    assert located(found, card, line_of(card, "layers:"), fragment), found


def test_too_long_text(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "description: 以纠错型", "description: " + "长" * 100_000 + "以纠错型")
    assert located(messages(project), card, line_of(card, "description:"), "at most")
    card.write_text(card.read_text(encoding="utf-8").replace("长" * 100_000, "长" * 3000), encoding="utf-8")
    assert located(messages(project), card, line_of(card, "description:"), "at most 2000")


@pytest.mark.parametrize("field, old, new", [
    ("id", "  - id: macbert-base", '  - id: "macbert-base\\n"'),
    ("huggingface", "huggingface: hfl/chinese-macbert-base", 'huggingface: "hfl/chinese-macbert-base\\n"'),
    ("name", "name: MacBERT\n", 'name: "TaCL\\n\\n.. _t: javascript:alert(1)\\n\\nclick t_"\n'),
    ("code", "code: E2cP", 'code: "E2cP\\n"'),
    ("url", "url: https://github.com/ymcui/MacBERT}", 'url: "https://github.com/ymcui/MacBERT\\n"}'),
])
def test_line_breaks_are_refused_everywhere(project, field, old, new):
    card = project / "cards" / "macbert.yaml"
    edit(card, old, new)
    found = messages(project)
    assert any(m.startswith(f"{card}:") and field in m for m in found), found


@pytest.mark.parametrize("character", ["\u202e", "\u2066", "\u200b", "\x1b", "\x7f", "\u2028"])
def test_invisible_and_control_characters_are_refused(project, character):
    card = project / "cards" / "macbert.yaml"
    escaped = character.encode("unicode_escape").decode("ascii")
    edit(card, "name: MacBERT-base", f'name: "MacBERT{escaped}-base"')
    found = messages(project)
    assert located(found, card, line_of(card, "name: \"MacBERT"), "models/0/name"), found


def test_homoglyph_id_is_refused(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "  - id: macbert-large", "  - id: macbеrt-large")  # Cyrillic е
    assert located(messages(project), card, line_of(card, "macbеrt-large"), "models/1/id")


def test_unquoted_dates_are_read_and_checked(project):
    log = project / "data" / "updates.yaml"
    edit(log, 'date: "2021-11-27"', "date: 2021-11-27")
    edit(log, 'date: "2020-05-01"', "date: 2021-02-30")
    catalog, problems = load_catalog(sources(project))
    assert [str(p) for p in problems] == [f"{log}:{line_of(log, '2021-02-30')}: not a real date: '2021-02-30' "
                                          "(expected YYYY-MM-DD)"]
    assert {entry.date.isoformat() for entry in catalog.updates} == {"2021-11-27", "2021-03-09"}


def test_duplicate_key_keeps_the_rest_of_the_file(project):
    log = project / "data" / "updates.yaml"
    edit(log, "  text: 增加 MacBERT。", "  text: 增加 MacBERT。\n  text: again")
    catalog, problems = load_catalog(sources(project))
    assert [str(p) for p in problems] == [f"{log}:{line_of(log, 'text: again')}: duplicate key text "
                                          f"(first on line {line_of(log, 'text: 增加 MacBERT')}); the first is kept"]
    assert len(catalog.updates) == 3


@pytest.mark.parametrize("tagged", ["!!python/object/apply:os.system [echo]", "!!binary aGVsbG8=",
                                    "!!set {a, b}", "!!python/name:os.system"])
def test_tags_are_refused(project, tagged):
    card = project / "cards" / "macbert.yaml"
    edit(card, "name: MacBERT\n", f"name: {tagged}\n")
    assert located(messages(project), card, line_of(card, "name: !!"), "tag")


def test_one_bad_organisation_drops_only_itself_and_is_the_root_cause(project):
    registry = project / "data" / "organisations.yaml"
    edit(registry, "url: https://github.com/ymcui/HFL-Anthology", "url: ftp://github.com/ymcui/HFL-Anthology")
    catalog, problems = load_catalog(sources(project))
    assert "idea-ccnl" in catalog.organisations and "hfl" not in catalog.organisations
    found = [str(p) for p in problems]
    assert found[0].startswith(f"{registry}:{line_of(registry, 'ftp://')}: 0/url: not an http(s) URL")
    follow_ons = [m for m in found if "'hfl'" in m and "rejected" in m]
    assert len(follow_ons) == 1 and f"{registry}:1" in follow_ons[0]  # once per card, pointing at the cause


def test_a_bad_model_drops_only_itself(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "size: large", "size: huge")
    catalog, problems = load_catalog(sources(project))
    assert [m.id for m in catalog.families["macbert"].models] == ["macbert-base"]
    assert len(problems) == 1


def test_yml_cards_and_cards_in_subfolders_are_reported(project):
    (project / "cards" / "zen.yml").write_text("id: zen\n", encoding="utf-8")
    (project / "cards" / "more").mkdir()
    (project / "cards" / "more" / "zen.yaml").write_text("id: zen\n", encoding="utf-8")
    found = messages(project)
    assert located(found, project / "cards" / "zen.yml", 1, "not read")
    assert located(found, project / "cards" / "more" / "zen.yaml", 1, "not read")


def test_problems_without_a_line_still_have_one(project):
    card = project / "cards" / "macbert.yaml"
    card.write_bytes(b"\xff\xfe not utf-8")
    found = messages(project)
    assert any(re.fullmatch(rf"{re.escape(str(card))}:1: cannot read file: .+", m) for m in found), found


@pytest.mark.parametrize("file, old, new", [
    ("data/domains.yaml", "aliases: [中文通用]", "aliases: [中文通用, <b>x</b>]"),
    ("data/updates.yaml", "label: MacBERT repo", 'label: "<script>alert(1)</script>"'),
    ("cards/macbert.yaml", "listed: http://pan.iflytek.com/#/link/OLD", 'listed: "<img src=x onerror=alert(1)>"'),
])
def test_html_tags_are_refused_in_every_string(project, file, old, new):
    path = project / file
    edit(path, old, new)
    found = messages(project)
    assert located(found, path, line_of(path, new.split(": ", 1)[0].strip()), "looks like HTML markup"), found


def test_every_unknown_field_of_a_mapping_is_reported(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "    size: large\n", "    size: large\n    colour: blue\n    flavour: sweet\n")
    found = messages(project)
    assert located(found, card, line_of(card, "colour: blue"), 'unknown field "colour"')
    assert located(found, card, line_of(card, "flavour: sweet"), 'unknown field "flavour"')


def test_a_malformed_bibtex_entry_says_why(project):
    bib = project / "refs.bib"
    edit(bib, "@misc{su2020wobert,", "@misc{su2020wobert,\n  broken = {unclosed,\n")
    found = [m for m in messages(project) if "malformed" in m]
    assert found and not any("Exception" in m for m in found), found


def test_a_family_without_a_valid_model_is_left_out_and_said_so(project):
    card = project / "cards" / "erlangshen.yaml"
    edit(card, "    size: large\n", "    size: enormous\n")
    catalog, problems = load_catalog(sources(project))
    assert "erlangshen" not in catalog.families
    found = [str(p) for p in problems]
    assert located(found, card, line_of(card, "size: enormous"), '"enormous" is not one of')
    assert any(m.startswith(f"{card}:") and "once the invalid entries" in m for m in found), found
