"""`check` exits 0 when clean, 1 for problems, 2 for a crash of its own; exports stay valid: @string
macros expanded, concatenation and crossref reported at their line, catalog.json checked against
its schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import bibtexparser
import pytest

import cnplm.cli
from cnplm.__main__ import main as cli
from cnplm.data.bibliography import load_bibliography
from cnplm.data.catalog import Catalog, Family
from cnplm.export.bibtex_export import paper_entries, to_bibtex
from cnplm.export.catalog_json import catalog_json, catalog_json_problems


@pytest.fixture()
def project(tmp_path: Path, rootdir: Path) -> Path:
    shutil.copytree(rootdir / "test-basic", tmp_path / "project")
    return tmp_path / "project"


def test_check_exit_status(project, capsys, monkeypatch):
    assert cli(["--root", str(project), "check"]) == 0
    card = project / "cards" / "macbert.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("layers: 12", "layers: .nan"), encoding="utf-8")
    assert cli(["--root", str(project), "check"]) == 1
    assert f"{card}:" in capsys.readouterr().err

    def crash(sources):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(cnplm.cli, "load_catalog", crash)
    assert cli(["--root", str(project), "check"]) == 2
    err = capsys.readouterr().err
    assert "internal error" in err and "a bug of ours" in err and "Traceback" not in err


def test_string_macros_are_expanded_and_concatenation_and_crossref_reported(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text('@string{ven = {Venue of the Macro}}\n\n'
                   '@misc{a2020, title = {A}, year = {2020}, howpublished = ven, month = jun}\n\n'
                   '@misc{b2020, title = {B}, year = {2020}, note = ven # { and more}}\n\n'
                   '@misc{c2020, title = {C}, year = {2020}, crossref = {a2020}}\n\n'
                   '@misc{d2020, title = {D}, year = {2020}, url = {https://example.org/x}y}}\n', encoding="utf-8")
    bibliography, problems = load_bibliography([bib])
    found = [str(problem) for problem in problems]
    assert bibliography["a2020"].venue == "Venue of the Macro"
    assert f"{bib}:5: BibTeX entry 'b2020': note: string concatenation (#) is not supported; " \
           "write the whole value in braces" in found
    assert f"{bib}:7: BibTeX entry 'c2020': crossref is not supported: copy the fields it would inherit " \
           "into the entry" in found
    assert any(m.startswith(f"{bib}:9: BibTeX entry 'd2020': url") for m in found), found
    exported = to_bibtex(paper_entries_of(bibliography))
    parsed = bibtexparser.parse_string(exported)
    assert parsed.failed_blocks == [] and "ven" not in exported.replace("Venue", "")
    assert "month = jun" in exported and "crossref" not in exported and "#" not in exported
    assert {e.key for e in parsed.entries} == {"a2020", "b2020", "c2020", "d2020"}


def paper_entries_of(bibliography):
    return paper_entries(Catalog(bibliography=bibliography), sorted(bibliography.papers))


def test_catalog_json_is_checked_against_its_schema():
    catalog = Catalog(families={"empty": Family("empty", "Empty", "nlu", (), Path("empty.yaml"))})
    problems = catalog_json_problems(catalog_json(catalog))
    assert problems and problems[0].startswith("catalog.json families/0")
    assert catalog_json_problems(catalog_json(Catalog())) == []
