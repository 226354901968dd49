"""The BibTeX database as data: every entry of every ``bib/*.bib`` parses and carries what a reader needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cnplm.data.bibliography import field_text, load_bibliography, parse_bib_file
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
