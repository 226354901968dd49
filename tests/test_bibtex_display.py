"""BibTeX as shown on a page: short lines, spaces not tabs, the same entries when parsed."""

from __future__ import annotations

import bibtexparser

from cnplm.site.bibtex_display import WIDTH, display_bibtex

ENTRY = """@misc{plm:x,
\tauthor = {Alpha Beta and Gamma Delta and Epsilon Zeta and Eta Theta and Iota Kappa and Lambda Mu and Nu Xi and Omicron Pi},
\ttitle = {A Very Long Title That Goes On and On About Pretrained Chinese Language Models and Their Many Checkpoints},
\turl = {https://huggingface.co/some-organisation/a-model-name-that-is-long-but-must-never-be-broken-at-all-ever},
\tyear = {2021}
}
"""


def test_lines_are_short_indented_with_spaces_and_parse_to_the_same_entry():
    shown = display_bibtex(ENTRY)
    lines = shown.splitlines()
    assert "\t" not in shown
    assert all(len(line) <= WIDTH for line in lines if "https://" not in line)
    assert "  url = {https://huggingface.co/some-organisation/a-model-name-that-is-long-but-must-never-be-broken-at-all-ever}," in lines
    before = bibtexparser.parse_string(ENTRY).entries[0]
    after = bibtexparser.parse_string(shown).entries[0]
    assert {f.key: " ".join(str(f.value).split()) for f in after.fields} == \
        {f.key: " ".join(str(f.value).split()) for f in before.fields}
