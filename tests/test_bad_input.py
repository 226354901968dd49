"""Each kind of bad input is reported as `file:line: message`, all of them, never as a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cnplm.data.loading import CatalogSources, load_catalog
from helpers import warnings


@pytest.fixture()
def project(tmp_path: Path, rootdir: Path) -> Path:
    shutil.copytree(rootdir / "test-basic", tmp_path / "project")
    return tmp_path / "project"


def sources(project: Path) -> CatalogSources:
    return CatalogSources(
        cards_dir=project / "cards",
        organisations=project / "data" / "organisations.yaml",
        domains=project / "data" / "domains.yaml",
        updates=project / "data" / "updates.yaml",
        bibfiles=(project / "refs.bib",),
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def messages(project: Path) -> list[str]:
    _, problems = load_catalog(sources(project))
    return [str(problem) for problem in problems]


def test_the_test_project_itself_is_clean(project):
    assert messages(project) == []


def test_broken_yaml(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "category: nlu", "category: [nlu")
    found = messages(project)
    assert any(re.fullmatch(rf"{re.escape(str(card))}:\d+: invalid YAML: .+", m) for m in found), found


def test_field_of_wrong_type(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "layers: 12", "layers: twelve")
    assert f"{card}:{line_of(card, 'layers: twelve')}: models/0/layers: expected a whole number, got \"twelve\"" in messages(project)


def test_unknown_field(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "    size: large\n", "    size: large\n    colour: blue\n")
    found = messages(project)
    assert any(m.startswith(f"{card}:{line_of(card, 'colour: blue')}: models/1/colour: unknown field \"colour\"")
               for m in found), found


def test_all_problems_are_reported_not_only_the_first(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "layers: 12", "layers: twelve")
    edit(card, "size: large", "size: huge")
    found = [m for m in messages(project) if m.startswith(str(card)) and "once the invalid" not in m]
    assert len(found) == 2, found


def test_duplicate_model_id(project):
    first = project / "cards" / "erlangshen.yaml"  # cards are read in file-name order
    edit(first, "  - id: erlangshen-1.3b", "  - id: macbert-base")
    second = project / "cards" / "macbert.yaml"
    found = messages(project)
    assert f"{second}:{line_of(second, 'id: macbert-base')}: duplicate model id 'macbert-base' " \
           f"(first in {first}:{line_of(first, 'id: macbert-base')})" in found


def test_duplicate_family_id(project):
    copy = project / "cards" / "zz-macbert.yaml"
    shutil.copyfile(project / "cards" / "macbert.yaml", copy)
    found = messages(project)
    assert any(m.startswith(f"{copy}:1: duplicate family id 'macbert'") for m in found), found


def test_unknown_references(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "papers: [cui2020macbert, muller2021accents]", "papers: [cui2020macbert, nosuchkey2020]")
    edit(card, "    organisation: hfl\n", "    organisation: nobody\n")
    edit(card, "    domain: legal", "    domain: astrology")
    log = project / "data" / "updates.yaml"
    edit(log, "families: [erlangshen]", "families: [nosuchfamily]")
    edit(log, "models: [macbert-large]", "models: [nosuchmodel]")
    found = messages(project)
    assert f"{card}:{line_of(card, 'papers:')}: unknown BibTeX key 'nosuchkey2020'" in found
    assert f"{card}:{line_of(card, 'organisation: nobody')}: unknown organisation 'nobody'" in found
    assert f"{card}:{line_of(card, 'domain: astrology')}: unknown domain 'astrology'" in found
    assert f"{log}:{line_of(log, 'nosuchfamily')}: unknown family 'nosuchfamily'" in found
    assert f"{log}:{line_of(log, 'nosuchmodel')}: unknown model 'nosuchmodel'" in found


def test_malformed_bibtex_entry(project):
    bib = project / "refs.bib"
    edit(bib, "  title = {提速不掉点", "  title = {提速不掉点 @")
    edit(bib, "@misc{su2020wobert,", "@misc{su2020wobert,\n  broken = {unclosed,\n")
    found = messages(project)
    assert any(m.startswith(f"{bib}:{line_of(bib, '@misc{su2020wobert')}: malformed BibTeX entry") for m in found), found


def test_duplicate_bibtex_key(project):
    bib = project / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@misc{su2020wobert,\n  title = {Again},\n  year = {2020}\n}\n",
                   encoding="utf-8")
    found = messages(project)
    duplicate_line = len(bib.read_text(encoding="utf-8").splitlines()) - 3
    assert any(m.startswith(f"{bib}:{duplicate_line}: duplicate BibTeX key 'su2020wobert'") for m in found), found


def test_bad_date(project):
    log = project / "data" / "updates.yaml"
    edit(log, '"2020-05-01"', '"2020-02-30"')
    assert f"{log}:{line_of(log, '2020-02-30')}: not a real date: '2020-02-30' (expected YYYY-MM-DD)" in messages(project)


def test_date_in_wrong_format(project):
    log = project / "data" / "updates.yaml"
    edit(log, '"2020-05-01"', '"2020.05.01"')
    found = messages(project)
    assert any(m.startswith(f"{log}:{line_of(log, '2020.05.01')}: 1/date: \"2020.05.01\": expected a date YYYY-MM-DD") for m in found)


def test_non_http_url(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "url: https://pan.baidu.com/s/1example", "url: javascript:alert(1)")
    bib = project / "refs.bib"
    edit(bib, "url = {https://kexue.fm/archives/7758}", "url = {ftp://kexue.fm/archives/7758}")
    found = messages(project)
    assert f"{card}:{line_of(card, 'javascript:')}: models/1/links/0/url: not an http(s) URL: \"javascript:alert(1)\"" in found
    assert any(m.startswith(f"{bib}:{line_of(bib, '@misc{su2020wobert')}: BibTeX entry 'su2020wobert': url is not http(s)")
               for m in found), found
    catalog, _ = load_catalog(sources(project))
    assert catalog.bibliography["su2020wobert"].link == ""  # reported, and never made a link


def test_raw_html_in_card_text_is_rejected(project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "name: MacBERT-base", "name: <script>alert(1)</script>")
    assert any("models/0/name" in m and "looks like HTML markup" in m for m in messages(project))


def test_bad_input_is_a_located_sphinx_warning_and_the_build_goes_on(make_app, project):
    card = project / "cards" / "macbert.yaml"
    edit(card, "layers: 12", "layers: twelve")
    edit(project / "refs.bib", "@misc{su2020wobert,", "@misc{su2020wobert,\n  broken = {unclosed,\n")
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    log = warnings(app)
    assert f"{card}:{line_of(card, 'layers: twelve')}: WARNING: models/0/layers: expected a whole number, got \"twelve\"" in log
    assert f"{project / 'refs.bib'}:" in log and "malformed BibTeX entry" in log
    assert "Traceback" not in log
    # the rest of the site is still built: the other family's page exists
    assert (Path(app.outdir) / "families" / "erlangshen.html").exists()


def test_cards_are_read_again_only_when_they_changed_and_their_problems_stay_located(project, monkeypatch):
    from cnplm.data import loading

    card = project / "cards" / "macbert.yaml"
    edit(card, "    size: base\n", "    size: base\n    layers: twelve\n")  # a problem the cache must keep
    folder = project / "_doctrees"
    first = [str(problem) for problem in load_catalog(sources(project), folder)[1]]
    assert any("macbert.yaml" in message and "layers" in message for message in first)
    read: list[str] = []
    reader = loading.read_card
    monkeypatch.setattr(loading, "read_card", lambda path: read.append(path.name) or reader(path))
    catalog, problems = load_catalog(sources(project), folder)
    assert read == [] and [str(problem) for problem in problems] == first and "macbert" in catalog.families
    edit(project / "cards" / "erlangshen.yaml", "name: Erlangshen", "name: Erlangshen 二")
    catalog, _ = load_catalog(sources(project), folder)
    assert read == ["erlangshen.yaml"] and catalog.families["erlangshen"].name == "Erlangshen 二"
