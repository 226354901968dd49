"""Cite and export: BibTeX that round-trips and compiles, catalog.json, the regenerated README."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser.model import Entry
from jsonschema import Draft202012Validator
from pybtex.database import parse_file

from cnplm.__main__ import main as cli
from cnplm.awesome.awesome_list import parse_awesome_list
from cnplm.export.bibtex_export import all_biblatex_entries, all_entries, family_entries, model_entry, to_bibtex
from cnplm.data.catalog import Catalog, Family, ModelVariant, Organisation
from cnplm.awesome.fidelity import regenerated_problems
from cnplm.data.loading import load_catalog
from cnplm.awesome.readme import render_readme
from cnplm.data.schemas import SCHEMA_DIR
from cnplm.data.settings import sources_from_conf
from helpers import card_counts, code_text, page, visible_text

LIST_COPY = Path(__file__).parent / "data" / "awesome-list.md"


@pytest.fixture(scope="module")
def catalog(project_root) -> Catalog:
    loaded, problems = load_catalog(sources_from_conf(project_root))
    assert problems == []
    return loaded


def exported_bib_files(site) -> list[Path]:
    files = sorted((Path(site.outdir) / "_downloads" / "bib").glob("*.bib"))
    assert len(files) == card_counts()[0] + 2  # one per family, all.bib and all-biblatex.bib
    return files


def fields(blocks) -> list[tuple]:
    """Type, key and fields of every entry (comments left out)."""
    return [(e.entry_type.lower(), e.key, [(f.key, f.value) for f in e.fields]) for e in blocks if isinstance(e, Entry)]


def model_fields(catalog, model_id: str) -> dict[str, str]:
    return {f.key: f.value for f in model_entry(catalog, catalog.models[model_id]).fields}


def test_exported_bibtex_parses_back_to_the_same_entries(catalog):
    entries = all_entries(catalog)
    parsed = bibtexparser.parse_string(to_bibtex(entries))
    assert parsed.failed_blocks == []
    assert fields(parsed.entries) == fields(entries)


def test_tricky_characters_survive_the_round_trip(rootdir):
    bib, _ = load_catalog(sources_from_conf(rootdir / "test-basic"))[0].bibliography, None
    tricky = bib["muller2021accents"].entry
    organisation = Organisation("acme", "A&B_C 50% {Lab} ~x^", "https://example.org", "institution")
    model = ModelVariant("m-1", "fam", "模型_v{2}", "acme", "general", (), huggingface_ids=("acme/m_1",))
    family = Family("fam", "Fam & Co", "nlu", (model,), Path("fam.yaml"))
    catalog = Catalog(families={"fam": family}, organisations={"acme": organisation})
    entries = [tricky, bib["su2020wobert"].entry, model_entry(catalog, model)]
    text = to_bibtex(entries)
    assert fields(bibtexparser.parse_string(text).entries) == fields(entries)
    assert r"author = {{A\&B\_C 50\% \{Lab\} \textasciitilde{}x\textasciicircum{}}}" in text
    assert r"title = {Braces {{Nested}}, 50\% \& under\_scores}" in text
    assert "提速不掉点" in text and r"M{\"u}ller" in text


def test_model_entry_names_organisation_hub_url_and_paper(catalog):
    entry = {f.key: f.value for f in model_entry(catalog, catalog.models["macbert-base"]).fields}
    assert entry["author"] == "{Joint Laboratory of HIT and iFLYTEK Research (HFL)}"
    assert entry["url"] == "https://huggingface.co/hfl/chinese-macbert-base"
    assert "Revisiting Pre-Trained Models for Chinese Natural Language Processing" in entry["note"]


def test_model_entry_has_year_month_one_url_and_no_url_macro(catalog):
    erlangshen = model_fields(catalog, "erlangshen-1.3b")  # family added by the 2021-11-27 log entry
    assert (erlangshen["year"], erlangshen["month"]) == ("2021", "nov")
    for entry in all_entries(catalog):
        if isinstance(entry, Entry) and entry.key.startswith("plm:"):
            values = entry.fields_dict
            assert values["year"].value.isdigit() and values["month"].value, entry.key
            assert "\\url" not in values["howpublished"].value and values["url"].value.startswith("http"), entry.key


def first_listed_only(catalog: Catalog) -> ModelVariant:
    """A model of the 2022 list that has no release month and whose family has no log entry."""
    return next(m for m in catalog.models.values() if not m.release and not catalog.updates_of(m.family_id)
                and catalog.family_of(m).listed_since == "2022-02-24")


def test_model_date_comes_from_release_then_log_then_list_and_says_so(catalog):
    text = to_bibtex(all_entries(catalog))
    assert "% plm:erlangshen-1.3b: 2021-11, added to the list on 2021-11-27 (update log)" in text
    listed = first_listed_only(catalog)  # no release and no log entry: the 2022 list's date
    assert f"% plm:{listed.id}: 2022-02, listed in awesome-pretrained-chinese-nlp-models as of 2022-02-24" in text
    model = ModelVariant("m-1", "fam", "M", "acme", "general", (), release="2023-07")
    family = Family("fam", "Fam", "nlu", (model,), Path("fam.yaml"))
    released = Catalog(families={"fam": family}, organisations={"acme": Organisation("acme", "Acme", "https://a.b")})
    entry = model_entry(released, model).fields_dict
    assert (entry["year"].value, entry["month"].value) == ("2023", "jul")
    assert "% plm:m-1: 2023-07, released 2023-07" in to_bibtex(all_entries(released))


def test_arxiv_papers_carry_eprinttype_for_biblatex_and_zotero(catalog):
    bert = next(e for e in all_entries(catalog) if getattr(e, "key", "") == "devlin2019bert").fields_dict
    assert (bert["eprint"].value, bert["archiveprefix"].value, bert["eprinttype"].value) == (
        "1810.04805", "arXiv", "arxiv")
    assert bert["doi"].value == "10.18653/v1/N19-1423"
    biblatex = next(e for e in all_biblatex_entries(catalog) if getattr(e, "key", "") == "devlin2019bert")
    assert "archiveprefix" not in biblatex.fields_dict and biblatex.fields_dict["eprinttype"].value == "arxiv"


def test_bibtex_flavour_is_ascii_except_chinese(catalog):
    text = to_bibtex(all_entries(catalog))
    assert "α" not in text and r"{\ensuremath{\alpha}}" in text
    assert {char for char in text if ord(char) > 127 and not is_cjk(char)} == set()


def is_cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def test_biblatex_flavour_cites_models_as_software_with_a_date(catalog):
    text = to_bibtex(all_biblatex_entries(catalog))
    assert "@software{plm:erlangshen-1.3b," in text and "date = {2021-11}" in text
    assert "@misc{plm:" not in text


def test_every_family_file_is_a_part_of_all_bib(catalog):
    """A family file repeats shared papers (t5 and t5-pegasus both cite T5): all.bib is the one file
    to use when citing several families, and it holds exactly the entries of every family file."""
    every = {e.key: fields([e]) for e in all_entries(catalog) if isinstance(e, Entry)}
    for family in catalog.families.values():
        for entry in family_entries(catalog, family):
            if isinstance(entry, Entry):
                assert every[entry.key] == fields([entry]), (family.id, entry.key)


def test_keys_are_unique_and_stable(catalog, project_root):
    keys = [entry.key for entry in all_entries(catalog) if isinstance(entry, Entry)]
    assert len(keys) == len(set(keys))
    assert "plm:macbert-base" in keys
    again, _ = load_catalog(sources_from_conf(project_root))
    assert to_bibtex(all_entries(again)) == to_bibtex(all_entries(catalog))


def test_every_exported_file_compiles_with_real_bibtex(site, tmp_path):
    if shutil.which("bibtex") is None:
        pytest.skip("bibtex is not installed (Debian: texlive-binaries texlive-base; `make test` installs them)")
    for bib in exported_bib_files(site):
        if bib.name == "all-biblatex.bib":
            continue  # for biber: test_latex.py compiles it with biblatex
        work = tmp_path / bib.stem
        work.mkdir()
        shutil.copyfile(bib, work / "refs.bib")
        (work / "doc.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n", encoding="utf-8")
        run = subprocess.run(["bibtex", "doc"], cwd=work, capture_output=True, text=True)
        log = (work / "doc.blg").read_text(encoding="utf-8", errors="replace")
        assert run.returncode == 0, (bib.name, run.stdout)
        assert "Warning--" not in log and "error message" not in log, (bib.name, log)
        assert (work / "doc.bbl").read_text(encoding="utf-8").count("\\bibitem") == len(
            bibtexparser.parse_file(str(bib)).entries)


def test_pybtex_parses_every_exported_file(site):
    for bib in exported_bib_files(site):
        expected = [entry.key for entry in bibtexparser.parse_file(str(bib)).entries]
        assert list(parse_file(str(bib), "bibtex").entries) == expected, bib.name


def test_family_and_model_pages_offer_bibtex_to_copy_and_download(site):
    markup = page(site, "families/macbert")
    text = visible_text(markup)
    assert text.count("Cite (BibTeX)") == 3  # the family and each of its two models
    code = code_text(markup)  # highlighted BibTeX is split into spans
    assert "@misc{plm:macbert-base," in code and "@inproceedings{cui2020macbert," in code
    assert 'href="../_downloads/bib/macbert.bib"' in markup and 'href="../_downloads/bib/all.bib"' in markup
    assert 'class="plm-bibtex highlight-text' in markup  # a code block: sphinx-copybutton adds its copy button
    # each entry once: the paper in the family's block, a checkpoint in its model's block, which
    # links to the family's Cite section; the family's .bib holds them all
    assert code.count("@inproceedings{cui2020macbert,") == 1
    assert code.count("@misc{plm:macbert-base,") == 1
    assert markup.count('href="#cite-macbert">“引用 Cite”</a>') == 2


def test_cli_exports_the_same_bibtex_as_the_site(site, project_root, capsys):
    assert cli(["--root", str(project_root), "bib", "--family", "macbert"]) == 0
    printed = capsys.readouterr().out
    assert printed == (Path(site.outdir) / "_downloads" / "bib" / "macbert.bib").read_text(encoding="utf-8")
    assert cli(["--root", str(project_root), "bib", "--model", "macbert-base"]) == 0
    assert "@misc{plm:macbert-base," in capsys.readouterr().out


def test_catalog_json_is_complete_and_valid_against_its_schema(site):
    outdir = Path(site.outdir)
    document = json.loads((outdir / "catalog.json").read_text(encoding="utf-8"))
    schema = json.loads((outdir / "catalog.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(document)) == []
    assert (len(document["families"]), sum(len(f["models"]) for f in document["families"])) == card_counts()
    assert len(document["updates"]) == 202 and any(entry.get("models") for entry in document["updates"])
    organisations = {o["id"]: o for o in document["organisations"]}
    assert organisations["hfl"]["name_zh"] == "哈工大讯飞联合实验室" and organisations["hfl"]["kind"] == "institution"
    assert organisations["blinkdl"]["kind"] == "person"
    macbert = next(f for f in document["families"] if f["id"] == "macbert")["models"][0]
    assert (macbert["organisation"], macbert["author_as_listed"]) == (
        "hfl", {"label": "Yiming Cui", "url": "https://github.com/ymcui"})
    assert {p["key"] for p in document["papers"]} >= {"cui2020macbert", "devlin2019bert"}
    published = json.loads((outdir / "schema" / "card.schema.json").read_text(encoding="utf-8"))
    source = json.loads((SCHEMA_DIR / "card.schema.json").read_text(encoding="utf-8"))
    assert {**published, "$id": ""} == {**source, "$id": ""}  # the $id is where it is served (test_publishing)


def test_regenerated_readme_has_every_row_and_link_of_the_list(catalog):
    regenerated = parse_awesome_list(render_readme(catalog))
    original = parse_awesome_list(LIST_COPY.read_text(encoding="utf-8"))
    assert len(regenerated.families) == card_counts()[0] and len(regenerated.log) == 202
    assert regenerated_problems(original, regenerated, catalog) == []


def test_readme_round_trip_notices_a_lost_link(catalog):
    readme = render_readme(catalog).replace("[讯飞云-07Xj]", "[讯飞云]", 1)
    original = parse_awesome_list(LIST_COPY.read_text(encoding="utf-8"))
    problems = regenerated_problems(original, parse_awesome_list(readme), catalog)
    assert problems == ["bert: link 讯飞云-07Xj http://pan.iflytek.com/#/link/A2483AD206EF85FD91569B498A3C3879 missing"]


def test_a_model_of_a_family_first_listed_in_2026_is_not_cited_with_the_2022_list_date(catalog):
    from cnplm.export.citation_date import citation_date

    dated = {m.id: citation_date(catalog, m) for m in catalog.models.values()}
    listed = first_listed_only(catalog)
    assert dated[listed.id].iso == "2022-02" and "2022-02-24" in dated[listed.id].source
    undated = [m for m in catalog.models.values() if not m.release and not catalog.updates_of(m.family_id)
               and catalog.family_of(m).listed_since is None]
    assert undated, "a family of the 2026 list with no release and no log entry"
    assert all(dated[m.id].iso == "2026-06" and "2026-06-19" in dated[m.id].source for m in undated)
