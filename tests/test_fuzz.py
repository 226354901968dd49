"""Fuzzing the loader with Hypothesis: mutated cards, registries, log and BibTeX, and arbitrary YAML
shapes, give located problems or a clean load, never an exception (a fixed, small budget)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnplm.data.loading import load_catalog
from test_bad_input import sources

BUDGET = settings(max_examples=25, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
# what a hostile or careless contributor types: YAML syntax, aliases, tags, odd numbers, markup, controls
TOKENS = ["&a ", "*a", "<<: *a", "!!python/object:os.system ", "!!binary ", "[", "]", "{", "}", ": ", "- ",
          "\n", "\n  ", "\t", '"', "'", "#", ".nan", ".inf", "1e999", "9" * 40, "12.0", "2021-02-30", "~",
          "yes", "2020-13-01", "-3", "0", "{a: 1}", "[1, 2]", "<script>", "javascript:", "\x00", "\u202e", "\\", "@", "@string{", "crossref = {x},", "},",
          "=", "%", "\ufeff", "---\n", "...\n", "? ", "|\n  ", ">-\n  "]
# values a field may be given in place of the right one
VALUES = [".nan", ".inf", "9" * 40, "12.0", "2021-02-30", "2020-13-01", "~", "yes", "-3", "[1, 2]", "{a: 1}",
          "*a", "&a x", "!!binary eA==", '"x\\ny"', "javascript:alert(1)", "''", '"\\u202e"', "{ttl # x}"]
FILES = ["cards/macbert.yaml", "cards/erlangshen.yaml", "data/organisations.yaml", "data/domains.yaml",
         "data/updates.yaml", "refs.bib"]


@pytest.fixture(scope="module")
def pristine(rootdir) -> dict[str, str]:
    return {name: (rootdir / "test-basic" / name).read_text(encoding="utf-8") for name in FILES}


@pytest.fixture(scope="module")
def project(tmp_path_factory, rootdir) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(rootdir / "test-basic", target)
    return target


def mutate(text: str, edits: list[tuple[bool, float, float, str]]) -> str:
    """Each edit replaces either the value of one ``key: value`` / ``key = value`` line (picked as a
    fraction of those lines) or a span of the text (start and length as fractions) with a token."""
    for on_value, start, length, token in edits:
        lines = text.split("\n")
        valued = [number for number, line in enumerate(lines) if ": " in line or " = " in line]
        if on_value and valued:
            number = valued[min(int(start * len(valued)), len(valued) - 1)]
            separator = ": " if ": " in lines[number] else " = "
            lines[number] = lines[number].split(separator, 1)[0] + separator + token
            text = "\n".join(lines)
            continue
        begin = int(start * len(text))
        end = min(len(text), begin + int(length * 40))
        text = text[:begin] + token + text[end:]
    return text


def assert_located(project: Path) -> None:
    catalog, problems = load_catalog(sources(project))  # never raises
    inputs = {project / name for name in FILES} | set((project / "cards").rglob("*"))
    for problem in problems:
        assert problem.path in inputs, problem
        assert str(problem).startswith(f"{problem.path}:{problem.line or 1}: "), problem
        assert "Traceback" not in problem.message and len(problem.message) < 600, problem
    assert all(family.models for family in catalog.families.values())


edits = st.lists(st.one_of(
    st.tuples(st.just(True), st.floats(0, 1), st.just(0.0), st.sampled_from(VALUES)),
    st.tuples(st.just(False), st.floats(0, 1), st.floats(0, 1), st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)))),
    min_size=1, max_size=8)


@pytest.mark.parametrize("name", FILES)
@BUDGET
@given(changes=edits)
def test_mutated_inputs_give_located_problems(project, pristine, name, changes):
    for other, text in pristine.items():
        (project / other).write_text(text, encoding="utf-8")
    (project / name).write_text(mutate(pristine[name], changes), encoding="utf-8")
    assert_located(project)


yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
              st.text(max_size=20), st.sampled_from(["macbert", "ymcui", "general", "https://e.org", "nlu"])),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(["id", "name", "models", "links", "url", "label",
                                                                "category", "organisation", "domain", "kind",
                                                                "papers", "date", "families", "text", "x"]),
                                               children, max_size=6)),
    max_leaves=25)


@BUDGET
@given(name=st.sampled_from([name for name in FILES if name.endswith(".yaml")]), value=yaml_values)
def test_arbitrary_yaml_shapes_give_located_problems(project, pristine, name, value):
    for other, text in pristine.items():
        (project / other).write_text(text, encoding="utf-8")
    (project / name).write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
    assert_located(project)
