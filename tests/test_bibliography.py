"""The BibTeX database: display text, citation labels, the raw entries kept for export."""

from __future__ import annotations

from cnplm.data.bibliography import load_bibliography

BIB = r"""
@misc{b, author = {Su, Jianlin}, title = {Second post}, year = {2020}, url = {https://kexue.fm/archives/2}}
@misc{a, author = {Su, Jianlin}, title = {First post}, year = {2020}, url = {https://kexue.fm/archives/1}}
@article{c, author = {M{\"u}ller, J{\"o}rg and Li, Wei and Wang, Fang}, title = {{PanGu}-$\alpha$ and {BERT}},
  journal = {J}, year = {2021}}
@misc{d, author = {Cui, Yiming and Yang, Ziqing}, title = {Two}, year = {2022}}
"""


def test_labels_are_author_year_and_told_apart(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    bibliography, problems = load_bibliography([path])
    assert problems == []
    assert bibliography["a"].label == "Su, 2020a" and bibliography["b"].label == "Su, 2020b"
    assert bibliography["c"].label == "Müller et al., 2021"
    assert bibliography["d"].label == "Cui and Yang, 2022"


def test_display_text_is_decoded_and_the_raw_entry_kept(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    bibliography, _ = load_bibliography([path])
    paper = bibliography["c"]
    assert paper.title == "PanGu-α and BERT"
    assert paper.authors == ("Jörg Müller", "Wei Li", "Fang Wang")
    assert paper.entry.fields_dict["title"].value == r"{PanGu}-$\alpha$ and {BERT}"
    assert paper.entry.fields_dict["author"].value.startswith(r"M{\"u}ller, J{\"o}rg")
    assert paper.line == 4


def test_the_parsed_database_is_kept_and_read_again_only_when_a_file_changes(tmp_path, monkeypatch):
    from cnplm.data import bibliography_cache

    path, folder = tmp_path / "refs.bib", tmp_path / "doctrees"
    path.write_text(BIB + "@misc{e, author = {X, Y}, title = {No year}}\n", encoding="utf-8")
    first, first_problems = bibliography_cache.cached_bibliography([path], folder)
    assert [str(problem) for problem in first_problems] == [f"{path}:7: BibTeX entry 'e' has no year; it is left out"]

    def reads(paths):
        raise AssertionError("the files were read again")
    monkeypatch.setattr(bibliography_cache, "load_bibliography", reads)
    kept, kept_problems = bibliography_cache.cached_bibliography([path], folder)
    assert kept["c"].label == "Müller et al., 2021" and sorted(kept.papers) == sorted(first.papers)
    assert [str(p) for p in kept_problems] == [str(p) for p in first_problems]  # still located
    monkeypatch.undo()

    path.write_text(BIB.replace("Second post", "Second post, revised"), encoding="utf-8")
    changed, problems = bibliography_cache.cached_bibliography([path], folder)
    assert changed["b"].title == "Second post, revised" and problems == []
    (folder / bibliography_cache.CACHE_NAME).write_bytes(b"not a pickle")  # a damaged cache is read around
    assert bibliography_cache.cached_bibliography([path], folder)[0]["b"].title == "Second post, revised"
