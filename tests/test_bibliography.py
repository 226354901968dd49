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
