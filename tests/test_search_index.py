"""The search index and its script: a stemmer the browser can load, each thing found once."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers import build_copy, warnings


def search_index(app) -> dict:
    text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)", text.strip(), re.S).group(1))


def test_chinese_search_loads_a_stemmer_that_exists(make_app, tmp_path, rootdir):
    app = build_copy(make_app, rootdir / "test-basic", tmp_path / "zh", confoverrides={"html_search_language": "zh"})
    assert warnings(app) == ""
    script = (Path(app.outdir) / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "ChineseStemmer" not in script
    assert "var EnglishStemmer=" in script and script.rstrip().endswith("window.Stemmer = EnglishStemmer;")
    index = search_index(app)
    assert "二郎神" in index["terms"] or "二郎神" in index["titleterms"]


def test_catalogue_objects_and_index_entries_stay_out_of_the_search_index(make_app, tmp_path, rootdir):
    app = build_copy(make_app, rootdir / "test-basic", tmp_path / "objects",
                     confoverrides={"html_search_language": "zh"})
    index = search_index(app)
    # found through their titles; as objects or index entries they came twice, with broken anchors
    assert index["objects"] == {}
    assert not any("macbert" in entry for entry in index["indexentries"])
    anchors = {anchor for entries in index["alltitles"].values() for _, anchor in entries}
    assert "model-macbert-base" in anchors
    assert "MacBERT-base" in index["alltitles"]


def test_organisation_names_and_aliases_are_search_words_and_shown(make_app, tmp_path, rootdir):
    import shutil

    srcdir = tmp_path / "aliases"
    shutil.copytree(rootdir / "test-basic", srcdir)
    registry = srcdir / "data" / "organisations.yaml"
    text = registry.read_text(encoding="utf-8").replace(
        "  name: Yiming Cui\n", "  name: Yiming Cui\n  name_zh: 哈工大讯飞联合实验室\n")
    registry.write_text(text, encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"html_search_language": "zh"})
    app.build()
    assert warnings(app) == ""
    index = search_index(app)
    docnames = index["docnames"]
    hits = {docnames[i] for i in _as_list(index["terms"].get("哈工大讯飞联合实验室", []))}
    assert "families/macbert" in hits


def _as_list(value) -> list[int]:
    return value if isinstance(value, list) else [value]


def test_labels_bibtex_and_code_snippets_stay_out_of_the_search_index(make_app, tmp_path, rootdir):
    app = build_copy(make_app, rootdir / "test-basic", tmp_path / "noise", confoverrides={"html_search_language": "zh"})
    terms = search_index(app)["terms"]
    page = (Path(app.outdir) / "families" / "macbert.html").read_text(encoding="utf-8")
    # on the page, in a cite block, a snippet and a field name ...
    assert "howpublished" in page and "AutoTokenizer" in page and "层数 Layers" in page
    # ... but not in the index, while the values are
    assert not {"howpublish", "howpublished", "autotoken", "autotokenizer", "层数"} & set(terms)
    assert {"macbert", "hfl", "chines"} <= set(terms)


def test_words_kept_per_text_give_the_index_sphinx_gives(make_app, tmp_path, rootdir, monkeypatch):
    """ChineseSearch keeps each text's words and stems; the index is the one Sphinx's own split
    and stem make."""
    from sphinx.search.zh import SearchChinese

    from cnplm.site.search_language import ChineseSearch

    language = ChineseSearch({})
    assert language.split("BERT 模型 BERT") == language.split("BERT 模型 BERT") and language.split_cache
    assert language.stem("models") == "model" and language.stem_cache == {"models": "model"}
    # Sphinx keeps a Latin term seen so far whole when its stem is shorter than 3 letters ("its" -> "it")
    sphinx_language, words = SearchChinese({}), ["its", "was", "has", "models", "ELMo", "GPT"]
    language = ChineseSearch({})
    for text in ("", "its was GPT", "has ELMo models"):
        assert language.split(text) == sphinx_language.split(text)
        assert [language.stem(word) for word in words] == [sphinx_language.stem(word) for word in words]
    kept = build_copy(make_app, rootdir / "test-basic", tmp_path / "kept", confoverrides={"html_search_language": "zh"})
    monkeypatch.setattr(ChineseSearch, "split", SearchChinese.split)
    monkeypatch.setattr(ChineseSearch, "stem", SearchChinese.stem)
    plain = build_copy(make_app, rootdir / "test-basic", tmp_path / "plain", confoverrides={"html_search_language": "zh"})
    assert len(search_index(kept)["terms"]) > 100
    assert search_index(kept) == search_index(plain)
