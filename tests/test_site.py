"""The tiny test-basic project: what a reader sees on family pages, tables, chronology, references."""

from __future__ import annotations

import re

import pytest

from helpers import code_text, page, visible_text, warnings


@pytest.fixture()
def built(make_app, tmp_path, rootdir):
    import shutil

    srcdir = tmp_path / "basic"
    shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return app


def test_builds_without_warnings(built):
    assert warnings(built) == ""


def test_family_page_shows_variants_links_codes_and_citations(built):
    markup = page(built, "families/macbert")
    text = visible_text(markup)
    assert "MacBERT-base" in text and "MacBERT-large" in text
    assert "https://drive.google.com/file/d/1aV69OhYzIwj_hn-kO1RiBa-m8QAusQ5b/view?usp=sharing" in markup
    assert "提取码 code: E2cP" in text and "提取码 code: 8qvb" in text
    # inline citation linking to the page's own references list, then the list itself
    assert re.search(r'<a class="reference internal" href="#ref-cui2020macbert">\[Cui et al., 2020\]</a>', markup)
    assert 'id="ref-cui2020macbert"' in markup
    assert "Revisiting Pre-Trained Models for Chinese Natural Language Processing" in text
    assert "Findings of the Association for Computational Linguistics: EMNLP 2020" in text
    assert 'href="https://arxiv.org/abs/2004.13922"' in markup
    # notes, corrections, the log, the hub snippet and the organisation link
    assert "converter" in text and "勘误 Corrections" in text and "原列表链接复制自其他行" in text
    assert "2020-05-01" in text and "增加 MacBERT" in text
    assert 'AutoModel.from_pretrained("hfl/chinese-macbert-base")' in code_text(markup)
    assert 'href="../orgs.html#org-hfl"' in markup
    assert "司法 / Legal" in text and "原文 listed as: 司法领域" in text


def test_card_text_is_escaped_and_external_links_get_noopener(built):
    markup = page(built, "families/macbert")
    assert "BERT &amp; &quot;quotes&quot;" in markup
    anchors = re.findall(r'<a class="[^"]*reference external[^>]*>', markup)
    assert len(anchors) > 5
    for anchor in anchors:
        assert 'rel="noopener"' in anchor, anchor


def test_model_targets_and_chinese_family_title(built):
    markup = page(built, "families/erlangshen")
    assert 'id="model-erlangshen-1.3b"' in markup
    assert "<h1>二郎神 Erlangshen" in markup
    assert "1.3B" in visible_text(markup)


def test_roles_resolve_to_their_targets(built):
    markup = page(built, "index")
    assert re.search(r'href="families/macbert.html#model-macbert-base"[^>]*><span[^>]*>MacBERT-base</span>', markup)
    assert re.search(r'href="families/erlangshen.html#family-erlangshen"[^>]*><span[^>]*>二郎神 Erlangshen', markup)
    assert re.search(r'href="references.html#paper-cui2020macbert"[^>]*><span[^>]*>\[Cui et al., 2020\]', markup)
    assert re.search(r'href="orgs.html#org-hfl"[^>]*><span[^>]*>哈工大讯飞联合实验室 Joint Laboratory of HIT', markup)
    assert re.search(r'href="families/macbert.html#model-macbert-large"[^>]*><span[^>]*>the large one', markup)
    assert re.search(r'href="families/erlangshen.html#model-erlangshen-1.3b"', markup)


def test_comparison_table_sorts_by_parameters_descending(built):
    text = visible_text(page(built, "index"))
    table = text[text.index("模型 Model 系列 Family"):text.index("Chronology")]
    assert table.index("Erlangshen") < table.index("MacBERT-base")


def test_table_filters_select_domain_framework_and_size(built):
    text = visible_text(page(built, "filtered"))
    legal = text[text.index("Legal only"):text.index("PyTorch and size large")]
    assert "MacBERT-large" in legal and "MacBERT-base" not in legal and "Erlangshen" not in legal
    large_pytorch = text[text.index("PyTorch and size large"):]
    assert "MacBERT-large" in large_pytorch and "Erlangshen" in large_pytorch
    assert "MacBERT-base" not in large_pytorch
    assert large_pytorch.index("Erlangshen") < large_pytorch.index("MacBERT-large")


def test_chronology_lists_every_entry_newest_first(built):
    text = visible_text(page(built, "index"))
    dates = re.findall(r"\b(20\d\d-\d\d-\d\d)\b", text[text.index("Chronology"):text.index("Papers")])
    assert dates == ["2021-11-27", "2021-03-09", "2020-05-01"]
    assert "2021 年 11 月" in text
    assert re.search(r'模型 Models: <a class="reference internal" href="families/macbert.html#model-macbert-large"[^>]*>'
                     r'(<[^>]+>)*MacBERT-large', page(built, "index"))


def test_references_page_lists_every_paper_with_citing_families(built):
    markup = page(built, "references")
    text = visible_text(markup)
    for key in ("cui2020macbert", "su2020wobert", "muller2021accents"):
        assert f'id="paper-{key}"' in markup
    assert "[Müller and O'Neil, 2021] Jörg Müller and Ann O'Neil." in text  # pybtex plain style, author-year label
    assert "Braces Nested, 50% & under_scores" in text
    assert "被引用 Cited by: MacBERT" in text


def test_objects_inventory_lists_models_families_papers_organisations(built):
    from sphinx.util.inventory import InventoryFile

    data = (built.outdir / "objects.inv").read_bytes()
    inventory = InventoryFile.loads(data, uri="https://example.org/")
    entries = {kind: set(items) for kind, items in inventory.data.items()}
    assert {"macbert-base", "macbert-large", "erlangshen-1.3b"} <= entries["plm:model"]
    assert {"macbert", "erlangshen"} <= entries["plm:family"]
    assert "cui2020macbert" in entries["plm:paper"]
    assert "hfl" in entries["plm:organisation"]
    assert inventory.data["plm:model"]["macbert-base"].uri == "https://example.org/families/macbert.html#model-macbert-base"


def test_general_index_has_families_and_models(built):
    text = visible_text(page(built, "genindex"))
    assert "MacBERT-base" in text and "二郎神 Erlangshen" in text


def test_unknown_role_target_warns_with_location(make_app, tmp_path, rootdir):
    import shutil

    srcdir = tmp_path / "unknown"
    shutil.copytree(rootdir / "test-basic", srcdir)
    with open(srcdir / "index.rst", "a", encoding="utf-8") as index:
        index.write("\nBroken: :model:`no-such-model` and :paper:`nokey2020`.\n")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    log = warnings(app)
    assert re.search(r"index\.rst:\d+: WARNING: unknown model 'no-such-model'", log)
    assert re.search(r"index\.rst:\d+: WARNING: unknown paper \(BibTeX key\) 'nokey2020'", log)


def test_organisations_show_chinese_and_english_names_kind_aliases_and_the_list_s_author(built):
    orgs = visible_text(page(built, "orgs"))
    assert "哈工大讯飞联合实验室 Joint Laboratory of HIT and iFLYTEK Research (HFL)" in orgs
    assert "机构 Institution" in orgs and "个人 Person" in orgs
    assert "列表原文 Listed as" in orgs and "0 个模型 models" in orgs  # blinkdl has no card here
    family = visible_text(page(built, "families/macbert"))
    assert "哈工大讯飞联合实验室 Joint Laboratory of HIT and iFLYTEK Research (HFL) (列表原文 listed as: Yiming Cui)" in family
    erlangshen = visible_text(page(built, "families/erlangshen"))
    assert "IDEA研究院封神榜团队 IDEA-CCNL" in erlangshen and "listed as: IDEA-CCNL" not in erlangshen
