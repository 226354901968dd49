"""The one full build of the real site: no warnings, every card a page, Chinese search works."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.util.inventory import InventoryFile

from helpers import card_counts, page, visible_text, warnings


def test_real_site_builds_without_any_warning(site):
    assert warnings(site) == ""


def test_every_card_has_a_page_in_its_category(site, project_root):
    cards = sorted(path.stem for path in (project_root / "docs" / "cards").glob("*.yaml"))
    assert len(cards) == card_counts()[0]
    for card in cards:
        assert (Path(site.outdir) / "families" / f"{card}.html").exists(), card
    nlu = page(site, "categories/nlu")
    assert 'href="../families/macbert.html#family-macbert"' in nlu
    assert 'href="../families/erlangshen.html#family-erlangshen"' in nlu
    assert "MacBERT-base" not in visible_text(nlu)  # a summary per family; every model is the explorer's
    assert 'href="../categories/nlu.html#families-nlu"' in page(site, "families/macbert")


def test_inventory_lists_every_model(site):
    inventory = InventoryFile.loads((Path(site.outdir) / "objects.inv").read_bytes(), uri="")
    families, models = card_counts()
    assert len(inventory.data["plm:model"]) == models
    assert len(inventory.data["plm:family"]) == families


def search_index(site) -> dict:
    script = (Path(site.outdir) / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"Search\.setIndex\((.*)\)", script, re.S).group(1))


def test_chinese_names_are_search_terms(site):
    terms = search_index(site)["terms"]
    for word in ("二郎神", "紫东太初", "周文王", "预训练", "司法"):
        assert word in terms, word


def test_organisation_names_and_aliases_find_their_models(site):
    index = search_index(site)
    docnames = index["docnames"]

    def pages(hits) -> set[str]:
        hits = hits if isinstance(hits, list) else [hits]
        return {docnames[hit[0] if isinstance(hit, list) else hit] for hit in hits}

    expected = {"哈工大": "families/macbert", "鹏城": "families/pangu-alpha", "华为": "families/nezha",
                "阿里": "families/structbert", "讯飞": "families/pert", "达摩院": "families/lattice-bert",
                "智源": "families/cpm-2", "追一": "families/roformer"}
    for term, family in expected.items():
        assert family in pages(index["terms"].get(term, [])), term  # a word of the page's text
        assert "indexes/organisation" in pages(index["titleterms"].get(term, [])), term  # its section title
    assert "indexes/organisation" in pages(index["titleterms"]["hfl"])
    for term in ("智谱", "阿里云", "深言科技"):  # organisations of the 2026 list, before their cards exist
        assert "indexes/organisation" in pages(index["titleterms"].get(term, [])), term


def test_home_page_shows_counts_and_latest_updates(site):
    text = visible_text(page(site, "index"))
    assert "{} 个模型系列 families · {} 个模型 models".format(*card_counts()) in text
    assert "2026-05-03" in text  # the newest entry of the 2026 list's changelog


def test_no_family_page_is_over_150_kb(site):
    sizes = {path.name: path.stat().st_size for path in (Path(site.outdir) / "families").glob("*.html")}
    assert max(sizes.values()) < 150_000, max(sizes, key=sizes.get)


def test_corrected_versions_are_shown_in_the_chronology(site):
    chronology = visible_text(page(site, "chronology"))
    assert "Qwen-MoE A2.7B/14.3B" in chronology and "Qwen-MoE 2.7B" not in chronology  # the list wrote 2.7B
    assert "Kimi-K2.6 A32B/1T" in chronology  # the list wrote A32/1T
