"""The exported BibTeX as an author uses it: every entry cited from a real LaTeX document, compiled
with pdflatex + bibtex (natbib, plainnat) and with xelatex + biber (biblatex author-year, ctex)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from bibtexparser.model import Entry, Field

from cnplm.data.catalog import Catalog
from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf
from cnplm.export.bibtex_export import all_biblatex_entries, all_entries, to_bibtex
from cnplm.export.citation_date import citation_date

TOOLS = ("pdflatex", "bibtex", "xelatex", "biber", "pdftotext", "kpsewhich")
TEX_FILES = ("plainnat.bst", "CJKutf8.sty", "biblatex.sty", "ctexart.cls")
CITED_MODEL = "macbert-base"
NATEXLAB_LETTERS = 26
CITE_LINE = "The checkpoint \\citet{plm:%(model)s}.\n"

PDFLATEX_DOCUMENT = r"""\documentclass{article}
\usepackage[utf8]{inputenc}
\usepackage{CJKutf8}
\usepackage{natbib}
\usepackage{url}
\begin{document}
\begin{CJK}{UTF8}{gbsn}
The checkpoint \citet{plm:%(model)s}.
\nocite{*}
\bibliographystyle{plainnat}
\bibliography{refs}
\end{CJK}
\end{document}
"""

XELATEX_DOCUMENT = r"""\documentclass{ctexart}
\usepackage[style=authoryear,dashed=false,backend=biber]{biblatex}
\addbibresource{refs.bib}
\begin{document}
The checkpoint \textcite{plm:%(model)s}.
\nocite{*}
\printbibliography
\end{document}
"""


def missing_tools() -> str:
    absent = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not absent:
        found = subprocess.run(["kpsewhich", *TEX_FILES], capture_output=True, text=True).stdout
        absent = [name for name in TEX_FILES if name not in found]
    return ", ".join(absent)


pytestmark = pytest.mark.skipif(bool(missing_tools()), reason=f"TeX tools missing ({missing_tools()}); "
                                "`make test` installs them on Debian")


@pytest.fixture(scope="module")
def catalog(project_root) -> Catalog:
    loaded, problems = load_catalog(sources_from_conf(project_root))
    assert problems == []
    return loaded


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, errors="replace", timeout=300)


def compile_document(work: Path, document: str, bibtex: str, engine: str, processor: list[str]) -> str:
    """Write refs.bib and doc.tex, run engine, processor, engine twice; the PDF's text."""
    work.mkdir()
    (work / "refs.bib").write_text(bibtex, encoding="utf-8")
    (work / "doc.tex").write_text(document % {"model": CITED_MODEL}, encoding="utf-8")
    engine_run = [engine, "-interaction=nonstopmode", "-halt-on-error", "doc"]
    assert run(engine_run, work).returncode == 0, (work / "doc.log").read_text(errors="replace")[-3000:]
    processed = run([*processor, "doc"], work)
    (work / "processor.out").write_text(processed.stdout + processed.stderr, encoding="utf-8")
    assert processed.returncode == 0, processed.stdout + processed.stderr
    for _ in range(2):
        assert run(engine_run, work).returncode == 0, (work / "doc.log").read_text(errors="replace")[-3000:]
    return " ".join(run(["pdftotext", "-enc", "UTF-8", "doc.pdf", "-"], work).stdout.split())


def latex_problems(log: str) -> list[str]:
    """Errors and warnings of a LaTeX run about citations, the bibliography or missing glyphs."""
    patterns = (r"^!.*", r".*Citation .* undefined.*", r".*There were undefined references.*",
                r".*Missing character.*", r".*Package (natbib|biblatex) Warning.*", r".*Empty bibliography.*")
    return [m.group(0) for p in patterns for m in re.finditer(p, log, flags=re.M)]


def organisation_name(catalog: Catalog, model_id: str) -> str:
    model = catalog.models[model_id]
    organisation = catalog.organisations[model.organisation]
    return getattr(organisation, "name_en", "") or organisation.name


def squashed(text: str) -> str:
    """Without spaces and hyphens: a name hyphenated at a line end ("MacBERT-" / "base") comes out of
    pdftotext as "MacBERTbase", depending only on where the line breaks."""
    return re.sub(r"[\s-]+", "", text)


def assert_cited_with_organisation_and_year(text: str, catalog: Catalog) -> None:
    model = catalog.models[CITED_MODEL]
    title, text = squashed(f"{model.name}: pretrained model checkpoint"), squashed(text)
    assert title in text
    at = text.index(title)
    around = text[max(0, at - 80): at + len(title) + 120]
    assert squashed(organisation_name(catalog, CITED_MODEL)) in around, around
    assert citation_date(catalog, model).year in around, around


def natbib_batches(entries: list) -> list[list]:
    """The entries in bibliographies of which none has more than 26 entries of one author and year:
    plainnat tells those apart by a letter a..z, and a 27th gets "{" and breaks the .bbl (Qwen's team
    published more than 26 checkpoints in 2024). The first batch holds every entry it can."""
    seen: Counter = Counter()
    batches: dict[int, list] = defaultdict(list)
    for entry in entries:
        if not hasattr(entry, "key"):  # a comment
            batches[0].append(entry)
            continue
        fields = entry.fields_dict
        group = (fields["author"].value if "author" in fields else entry.key,
                 fields["year"].value if "year" in fields else "")
        batches[seen[group] // NATEXLAB_LETTERS].append(entry)
        seen[group] += 1
    return [batches[number] for number in sorted(batches)]


def test_pdflatex_bibtex_natbib_cite_every_entry(catalog, tmp_path):
    entries = all_entries(catalog)
    texts, bibitems = [], 0
    for number, batch in enumerate(natbib_batches(entries)):
        work = tmp_path / f"pdflatex-{number}"
        document = PDFLATEX_DOCUMENT if number == 0 else PDFLATEX_DOCUMENT.replace(CITE_LINE, "")
        texts.append(compile_document(work, document, to_bibtex(batch), "pdflatex", ["bibtex"]))
        blg = (work / "doc.blg").read_text(encoding="utf-8", errors="replace")
        assert "Warning--" not in blg and "error message" not in blg, blg
        assert latex_problems((work / "doc.log").read_text(encoding="utf-8", errors="replace")) == []
        bibitems += (work / "doc.bbl").read_text(encoding="utf-8").count("\\bibitem")
    assert bibitems == len([entry for entry in entries if hasattr(entry, "key")])
    assert_cited_with_organisation_and_year(texts[0], catalog)
    text = "\n".join(texts)
    assert "提速不掉点" in text and "PanGu-" in text  # Chinese and LaTeX-encoded text reach the PDF


def test_natbib_batches_keep_every_author_and_year_within_26_entries():
    entries = [Entry("misc", f"k{number}", [Field("author", "{Org}"), Field("year", "2024")]) for number in range(60)]
    batches = natbib_batches([*entries, Entry("misc", "other", [Field("author", "{B}"), Field("year", "2024")])])
    assert [len(batch) for batch in batches] == [27, 26, 8]
    assert sum(len(batch) for batch in batches) == 61


def test_xelatex_biber_biblatex_authoryear_cite_every_entry(catalog, tmp_path):
    work = tmp_path / "xelatex"
    text = compile_document(work, XELATEX_DOCUMENT, to_bibtex(all_biblatex_entries(catalog)), "xelatex",
                            ["biber", "--validate-datamodel"])
    biber = (work / "processor.out").read_text(encoding="utf-8")
    assert "WARN" not in biber and "ERROR" not in biber, biber
    assert latex_problems((work / "doc.log").read_text(encoding="utf-8", errors="replace")) == []
    assert_cited_with_organisation_and_year(text, catalog)
    assert "盘古α-13B" in text and "(n.d.)" not in text
