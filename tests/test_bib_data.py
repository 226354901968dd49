"""The BibTeX database as data: every entry of every ``bib/*.bib`` parses and carries what a reader needs."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from cnplm.data.bibliography import (DISPLAY_FIELDS, braces_only, field_text, latex_decoder, load_bibliography,
                                    parse_bib_file)
from cnplm.data.citation_labels import PLAIN_WORDS
from cnplm.data.settings import sources_from_conf

BIB_DIR = Path(__file__).resolve().parent.parent / "bib"
BIB_FILES = sorted(BIB_DIR.glob("*.bib"))
ARXIV_ID = re.compile(r"^\d{4}\.\d{4,5}$")
KEY = re.compile(r"^[a-z]+\d{4}[a-z0-9_]*$")


def entry_faults(entry) -> list[str]:
    """What is missing or malformed in one entry (an empty list when it is sound)."""
    faults = [f"no {name}" for name in ("title", "author", "year") if not field_text(entry, name)]
    eprint, prefix = field_text(entry, "eprint"), field_text(entry, "archiveprefix")
    if eprint or prefix:
        if prefix != "arXiv":
            faults.append(f"archiveprefix {prefix!r} is not 'arXiv'")
        if not ARXIV_ID.match(eprint):
            faults.append(f"eprint {eprint!r} is not an arXiv id")
    if not KEY.match(entry.key):
        faults.append("key is not firstauthorYEARword")
    return faults


def test_the_database_is_every_bib_file(project_root):
    assert set(sources_from_conf(project_root).bibfiles) == set(BIB_FILES)


@pytest.mark.parametrize("path", BIB_FILES, ids=lambda path: path.name)
def test_every_entry_parses_and_is_complete(path):
    entries, problems = parse_bib_file(path)
    assert [str(problem) for problem in problems] == []
    assert entries
    faults = {entry.key: entry_faults(entry) for entry in entries}
    assert {key: found for key, found in faults.items() if found} == {}


def test_no_paper_is_entered_twice():
    bibliography, problems = load_bibliography(BIB_FILES)
    assert [str(problem) for problem in problems] == []
    seen: dict[str, str] = {}
    twice = []
    for key, paper in bibliography.papers.items():
        for mark in filter(None, (paper.eprint, paper.url, paper.title.lower())):
            if mark in seen:
                twice.append((seen[mark], key, mark))
            seen.setdefault(mark, key)
    assert twice == []


def test_faults_are_found():
    bib = "@misc{Bad-Key, title = {T}, year = {2024}, eprint = {abs/2401.1}, archiveprefix = {arxiv}}"
    import bibtexparser

    entry = bibtexparser.parse_string(bib).entries[0]
    assert entry_faults(entry) == [
        "no author", "archiveprefix 'arxiv' is not 'arXiv'", "eprint 'abs/2401.1' is not an arXiv id",
        "key is not firstauthorYEARword",
    ]


TRICKY_VALUES = ["{BERT}: a -- b", "{a}``b''", "{a}!`", "{a} \\& b", "{PanGu}-$\\alpha$", "{ab", "a}{",
                 "{{Qwen} Team} and Bai, Jinze", "{a}  b\n c", "{Ziya}: 姜子牙 {LLaMA}"]


def test_braces_only_values_decode_as_pylatexenc_does():
    """The decoder's short cut (drop the braces) gives pylatexenc's text for every value it takes,
    over every value of the database and values that must not take it."""
    values = [str(field_.value) for path in BIB_FILES for entry in parse_bib_file(path)[0]
              for field_ in entry.fields if field_.key.lower() in DISPLAY_FIELDS]
    taken = [value for value in values + TRICKY_VALUES if braces_only(value)]
    assert len(taken) > 300 and not braces_only("{a} -- b") and not braces_only("{ab")
    decoder = latex_decoder()
    for value in taken:
        assert value.replace("{", "").replace("}", "") == decoder._transform_python_value_string(value)[0]


def test_plain_words_decode_as_latexcodec_does():
    """pybtex's decoding short cut (plain words are their own decoding) agrees with latexcodec for
    every field and name part of the database, and tricky texts do not take it."""
    bibliography, _ = load_bibliography(BIB_FILES)
    texts = ["Xiao-Ming", "O'Brien", "Zhang Wei"]
    for entry in bibliography.pybtex.entries.values():
        texts.extend(entry.fields.values())
        for person in (person for persons in entry.persons.values() for person in persons):
            texts.extend(person.first_names + person.middle_names + person.prelast_names + person.last_names
                         + person.lineage_names)
    taken = [text for text in texts if PLAIN_WORDS.fullmatch(text)]
    assert len(taken) > 3000
    assert not any(PLAIN_WORDS.fullmatch(text) for text in ["a -- b", "a''b", "x!`", "a  b", " a", "a\nb", "{A}"])
    assert [text for text in taken if codecs.decode(text, "ulatex") != text] == []


def test_references_with_names_formatted_once_are_pybtex_s():
    """The references style formats each distinct name once; every entry of the database comes out
    as pybtex's own plain style formats it."""
    from docutils import nodes
    from pybtex.plugin import find_plugin

    from cnplm.site.reference_entries import STYLE, DocutilsBackend, reference_nodes

    bibliography, _ = load_bibliography(BIB_FILES)
    plain = find_plugin("pybtex.style.formatting", STYLE)()
    for key, paper in bibliography.papers.items():
        entry = bibliography.pybtex.entries[key]
        expected = plain.format_entry(paper.label, entry).text.render(DocutilsBackend())
        assert nodes.paragraph("", "", *reference_nodes(bibliography, key)).pformat() == \
            nodes.paragraph("", "", *expected).pformat(), key
