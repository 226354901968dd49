"""Fidelity that can fail: each kind of cell of the list's copy changed on its own is noticed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnplm.awesome.awesome_list import parse_awesome_list
from cnplm.awesome.fidelity import fidelity_problems
from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf

LIST_COPY = Path(__file__).parent / "data" / "awesome-list.md"

# (what is changed, text in the list, its replacement, a word of the expected problem)
MUTATIONS = [
    ("name", "| BERT-wwm-ext | base", "| BERT-wwm-extended | base", "name"),
    ("version", "| EduBERT |base |", "| EduBERT |large |", "version"),
    ("URL", "https://ai.100tal.com/download/TAL-EduBERT.zip", "https://ai.100tal.com/download/TAL-EduBERT2.zip", "link"),
    ("extraction code", "[讯飞云-07Xj]", "[讯飞云-07XX]", "link"),
    ("author", "[tal-tech](https://github.com/tal-tech)", "[tal tech](https://github.com/tal-tech)", "author"),
    ("source", "[github](https://github.com/tal-tech/edu-bert)", "[github](https://github.com/tal-tech/edu-bert2)",
     "source"),
    ("domain", "| 教育领域 |", "| 金融领域 |", "domain"),
    ("paper line", "arxiv.org/pdf/2004.13922.pdf", "arxiv.org/pdf/2004.13999.pdf", "paper"),
    ("log line", "达摩院深度语言模型体系 AliceMind", "达摩院深度语言模型体系 AliceMind 2", "log"),
    ("note", "ext表示在更多数据集下训练", "ext表示在更多数据上训练", "note"),
]


@pytest.fixture(scope="module")
def catalog(project_root):
    return load_catalog(sources_from_conf(project_root))[0]


@pytest.mark.parametrize("kind, old, new, word", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_changed_cell_is_caught(catalog, kind, old, new, word):
    text = LIST_COPY.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not one place of the list"
    problems = fidelity_problems(parse_awesome_list(text.replace(old, new)), catalog)
    assert problems and all(word in problem for problem in problems), (kind, problems)


def test_regenerated_readme_keeps_the_list_s_order(catalog):
    from cnplm.awesome.importer import family_anchors
    from cnplm.awesome.readme import render_readme

    original = parse_awesome_list(LIST_COPY.read_text(encoding="utf-8"))
    regenerated = parse_awesome_list(render_readme(catalog))
    order = [family_anchors(original)[section.heading.strip()] for section in original.families]
    regenerated_order = [family_anchors(regenerated)[section.heading.strip()] for section in regenerated.families]
    assert [family for family in regenerated_order if family in set(order)] == order  # cards of the 2026 list follow their own
    assert [card.list_position for card in map(catalog.families.get, order[:3])] == [1, 2, 3]


def test_corrected_values_are_shown_on_the_site_and_in_the_readme(site, catalog):
    from cnplm.awesome.readme import render_readme
    from helpers import page, visible_text

    text = visible_text(page(site, "families/roberta"))
    assert "版本 Version : 4层base (已更正，原文 corrected; listed as: 4层large)" in text
    assert "4层large" in text  # the list's value stays in the correction
    readme = render_readme(catalog)
    assert "| RBT4 | 4层base |" in readme and "| RBT4 | 4层large |" not in readme
    assert "| Wenzhong | large(L30) |" in readme and "| Wenzhong | large(L24) |" not in readme
    assert "110亿参数 (11B)" in readme


def test_a_newer_list_s_models_come_after_the_list_s_rows(catalog):
    """Cards grow with the 2026 list's rows (EVA2.0 after EVA); the 2022 rows stay their first models."""
    import dataclasses

    parsed = parse_awesome_list(LIST_COPY.read_text(encoding="utf-8"))
    eva = catalog.families["eva"]
    assert [model.id for model in eva.models][:1] == ["eva"] and len(eva.models) == 4
    assert not [problem for problem in fidelity_problems(parsed, catalog) if problem.startswith("eva")]
    shrunk = dataclasses.replace(catalog, families={**catalog.families, "eva": dataclasses.replace(eva, models=())})
    assert "eva: 1 rows in the list, 0 models" in fidelity_problems(parsed, shrunk)
    reordered = dataclasses.replace(eva, models=(*eva.models[1:], eva.models[0]))
    moved = dataclasses.replace(catalog, families={**catalog.families, "eva": reordered})
    assert any(problem.startswith("eva/eva2.0-xlarge: name") for problem in fidelity_problems(parsed, moved))
