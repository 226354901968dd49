"""The malicious-input corpus (tests/malicious/) built into a site: nothing hostile reaches a page or
an export, markup stays text, and every rejected input is a located warning."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import code_text, visible_text, warnings

CORPUS = Path(__file__).parent / "malicious"
BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript|file):", re.I)
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, rootdir):
    from sphinx.testing.util import SphinxTestApp

    project = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(rootdir / "test-basic", project)
    shutil.copytree(CORPUS, project, dirs_exist_ok=True)
    (project / "README.md").unlink()
    app = SphinxTestApp("html", srcdir=project, freshenv=True)
    app.build()
    yield app
    app.cleanup()


def built_files(app) -> list[Path]:
    return [path for path in sorted(Path(app.outdir).rglob("*"))
            if path.is_file() and path.suffix in (".html", ".js", ".json", ".bib", ".txt", ".inv")]


def passwd_lines() -> list[str]:
    try:
        return [line for line in Path("/etc/passwd").read_text().splitlines() if len(line) > 12]
    except OSError:
        return ["root:x:0:0:root"]


def test_no_script_handler_or_bad_link_reaches_any_page(hostile_site):
    pages = [path for path in built_files(hostile_site) if path.suffix == ".html"]
    assert len(pages) > 5
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):  # only Sphinx's and the theme's own scripts
            assert "alert" not in script.get_text() and "MK" not in script.get_text(), (path, script)
            assert not script.get("src") or "_static/" in script["src"] or script["src"].endswith(".js"), path
        for tag in soup.find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert handlers == [], (path, str(tag)[:200])
            for name in URL_ATTRIBUTES:
                value = tag.get(name)
                assert not (isinstance(value, str) and BAD_SCHEME.match(value)), (path, str(tag)[:200])
        for name in ("iframe", "object", "embed", "img", "svg", "form"):
            assert all("MK" not in str(tag) and "onerror" not in str(tag) for tag in soup.find_all(name)), path


def test_no_file_content_and_no_raw_markup_in_any_output(hostile_site):
    secrets = passwd_lines()
    for path in built_files(hostile_site):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not any(line in text for line in secrets), path
        assert "<script>alert" not in text and "<img src=x" not in text, path


def test_exports_link_only_http(hostile_site):
    outdir = Path(hostile_site.outdir)
    catalog = json.loads((outdir / "catalog.json").read_text(encoding="utf-8"))

    def urls(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "url" and isinstance(value, str):
                    yield value
                yield from urls(value)
        elif isinstance(node, list):
            for value in node:
                yield from urls(value)

    found = list(urls(catalog))
    assert found and all(url.startswith(("http://", "https://")) for url in found), found
    for bib in (outdir / "_downloads" / "bib").glob("*.bib"):
        text = bib.read_text(encoding="utf-8")
        for url in re.findall(r"(?:\burl\s*=\s*\{|\\url\{|\\href\{)([^}]*)\}", text):
            assert url.startswith(("http://", "https://")), (bib.name, url)
        assert "ttl #" not in text and "crossref" not in text, bib.name
    markup_bib = (outdir / "_downloads" / "bib" / "markup.bib").read_text(encoding="utf-8")
    assert "https://example.org/a%7Db%7Bc%5Cd%7D" in markup_bib  # braces and backslash escaped


def test_markup_in_data_is_shown_as_text(hostile_site):
    markup = (Path(hostile_site.outdir) / "families" / "markup.html").read_text(encoding="utf-8")
    text = visible_text(markup)
    for literal in ("**MKbold**", "`MKlink javascript:alert(1)`_", "[MKmd](javascript:alert(1))",
                    "{raw}`MKraw`", ".. include:: /etc/passwd", "|MKsub| MKref_ :ref:`MKrole`",
                    ".. raw:: html :: MKdirective", "```{raw} html MKfence", "&lt;script&gt;alert(1)"):
        assert literal in text, literal
    interpreted = [r"<(strong|em|b|i)\b[^>]*>\s*MK", r">\s*MK(link|md|img|label|remark|loglink|lbl)\s*</a>",
                   r"<(code|tt)\b[^>]*>\s*(<span[^>]*>\s*)*MK(raw|role|eval|html|sub)", r"<div[^>]*math[^>]*>[^<]*MKmath"]
    for pattern in interpreted:
        assert not re.search(pattern, markup), re.findall(pattern, markup)[:3]
    assert 'from_pretrained("markup/markup-base")' in code_text(markup)


def test_every_rejected_input_is_a_located_warning(hostile_site):
    log = warnings(hostile_site)
    assert "Traceback" not in log
    srcdir = Path(hostile_site.srcdir)
    for name, fragment in [
        ("cards/tacl.yaml", "name: must be one line"),
        ("cards/include.yaml", "name: must be one line"),
        ("cards/schemes.yaml", 'not an http(s) URL: "javascript:alert(1)"'),
        ("cards/schemes.yaml", 'not an http(s) URL: "data:text/html'),
        ("cards/schemes.yaml", 'not an http(s) URL: "vbscript:msgbox(1)"'),
        ("cards/schemes.yaml", 'not an http(s) URL: "file:///etc/passwd"'),
        ("cards/controls.yaml", "U+202E"),
        ("cards/controls.yaml", "U+200B"),
        ("cards/controls.yaml", "models/0/id"),
        ("cards/bomb.yaml", "anchors and aliases"),
        ("cards/numbers.yaml", "not a finite number"),
        ("cards/numbers.yaml", "too large"),
        ("cards/numbers.yaml", "expected a whole number"),
        ("cards/yml.yml", "not read"),
        ("cards/nested/hidden.yaml", "not read"),
        ("data/organisations.yaml", "not an http(s) URL"),
        ("data/updates.yaml", "not a real date"),
        ("data/updates.yaml", "duplicate key text"),
        ("refs.bib", "url is not http(s)"),
        ("refs.bib", "looks like HTML markup"),
        ("refs.bib", "has no title; it is left out"),
        ("refs.bib", "string concatenation"),
        ("refs.bib", "crossref is not supported"),
    ]:
        pattern = rf"{re.escape(str(srcdir / name))}:\d+: WARNING: [^\n]*{re.escape(fragment)}"
        assert re.search(pattern, log), (name, fragment)
    for line in log.splitlines():
        if "is already registered" in line:
            continue  # another test app of the session registered docutils nodes first; not ours
        assert re.match(r"^/\S+:\d+: WARNING: ", line), line  # nothing unlocated, no ERROR or CRITICAL
        assert "/families/" not in line.split(": WARNING")[0], line  # never at a generated page's line
