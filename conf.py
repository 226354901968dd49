"""Sphinx configuration of the knowledge base of Chinese pretrained language models."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "_ext"))

project = "中文预训练模型知识库 Chinese PLM Knowledge Base"
author = "Chinese PLM knowledge base contributors"
copyright = "2026, " + author
language = "zh_CN"
# Chinese labels for the theme (furo ships no translations); Sphinx compiles the catalog itself.
locale_dirs = [str(ROOT / "_ext" / "cnplm" / "locale")]

extensions = [
    "myst_parser",
    "sphinx_copybutton",
    "cnplm",
    "sphinx_sitemap",
    "sphinxext.opengraph",
]

# Every input of the catalogue is declared here, so each (parallel) reader knows the full set.
cnplm_cards_dir = "docs/cards"
cnplm_categories = "docs/data/categories.yaml"
cnplm_datasets = "docs/data/datasets.yaml"
cnplm_benchmarks = "docs/data/benchmarks.yaml"
cnplm_organisations = "docs/data/organisations.yaml"
cnplm_domains = "docs/data/domains.yaml"
cnplm_updates = "docs/data/updates.yaml"
cnplm_bibfiles = ["bib/papers.bib", "bib/papers-2026.bib", "bib/llm.bib", "bib/multimodal-domain.bib",
                  "bib/chat-llm.bib", "bib/domain-llm.bib"]
# The snapshot of the list the data follows (tests/data/upstream-2026-06-19 is that snapshot, file for
# file; `python -m cnplm snapshot` holds every row of it). The 2022-02-24 README (tests/data/awesome-list.md)
# stays checked too.
cnplm_list_snapshot = {
    "name": "awesome-pretrained-chinese-nlp-models",
    "url": "https://github.com/lonePatient/awesome-pretrained-chinese-nlp-models/tree/65abd11",
    "commit": "65abd11",
    "date": "2026-06-19",
}

nitpicky = True
root_doc = "index"
exclude_patterns = ["cards", "data"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Canonical URL: Read the Docs gives it per language and version; locally the latest Chinese version.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "https://chinese-plm-kb.readthedocs.io/zh-cn/latest/")
sitemap_url_scheme = "{link}"  # html_baseurl already holds the language and version
ogp_site_url = html_baseurl
ogp_site_name = "中文预训练模型知识库 Chinese PLM Knowledge Base"
ogp_image = html_baseurl + "social.png"  # drawn from the catalogue at build time (cnplm.export.social_image)
ogp_image_alt = "中文预训练模型知识库：模型系列、模型与论文数量 Chinese PLM Knowledge Base: counts by category"
ogp_social_cards = {"enable": False}  # one image from the data, not one matplotlib card per page

html_theme = "furo"
html_title = "中文预训练模型知识库"
html_search_language = "zh"
copybutton_prompt_text = ""
version = "1"

# PDF (`make pdf`, Read the Docs): xelatex with CJK fonts (Debian/Ubuntu: fonts-noto-cjk, fonts-dejavu-core)
latex_engine = "xelatex"
latex_use_xindy = False
latex_documents = [(root_doc, "cnplm.tex", "中文预训练模型知识库 Chinese PLM Knowledge Base", author, "manual")]
latex_elements = {
    "papersize": "a4paper",
    "fontpkg": r"""
\setmainfont{DejaVu Serif}
\setsansfont{DejaVu Sans}
\setmonofont{DejaVu Sans Mono}[Scale=0.85]
""",
    "preamble": r"""
\setCJKmainfont{Noto Serif CJK SC}[AutoFakeSlant]
\setCJKsansfont{Noto Sans CJK SC}[AutoFakeSlant]
\setCJKmonofont{Noto Sans Mono CJK SC}[AutoFakeSlant]
""",
}

# EPUB (`make epub`, Read the Docs)
epub_basename = "cnplm"
epub_title = html_title
epub_author = author
epub_language = "zh"
