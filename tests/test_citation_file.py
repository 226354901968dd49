"""How to cite and reuse the knowledge base itself: CITATION.cff and LICENSE."""

from __future__ import annotations

import runpy

import yaml

# Required keys of the Citation File Format 1.2.0 (https://citation-file-format.github.io/)
CFF_REQUIRED = {"cff-version", "message", "title", "authors"}
LIST_URL = "https://github.com/lonePatient/awesome-pretrained-chinese-nlp-models"


def test_citation_file_is_complete_and_credits_the_list(project_root):
    citation = yaml.safe_load((project_root / "CITATION.cff").read_text(encoding="utf-8"))
    assert CFF_REQUIRED <= set(citation) and citation["cff-version"] == "1.2.0"
    assert citation["license"] == "MIT"
    assert citation["version"] == runpy.run_path(str(project_root / "conf.py"))["version"]
    listed = [ref for ref in citation["references"] if ref.get("repository-code") == LIST_URL]
    assert listed and listed[0]["license"] == "MIT"


def test_licence_covers_code_and_data_and_keeps_the_lists_notice(project_root):
    licence = (project_root / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert "the code" in licence and "the data" in licence
    upstream_notice = "Copyright (c) 2021 Weitang Liu"  # the MIT licence asks for its notice in copies
    assert upstream_notice in licence and LIST_URL in licence
