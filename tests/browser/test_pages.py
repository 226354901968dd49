"""Every page of the built site: no JavaScript error in the console, every internal link resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from helpers_browser import console_errors, wait_for


class LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for attribute in ("href", "src"):
            if values.get(attribute) and (tag, attribute) in {("a", "href"), ("link", "href"), ("img", "src"),
                                                              ("script", "src")}:
                self.links.append(values[attribute])


def pages(outdir: Path) -> list[Path]:
    return sorted(p for p in outdir.rglob("*.html") if "_sources" not in p.parts)


def parse(path: Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_and_anchor_resolves(site):
    outdir = Path(site.outdir)
    parsed = {path: parse(path) for path in pages(outdir)}
    broken = []
    checked = 0
    for path, parser in parsed.items():
        base = "file://" + str(path)
        for link in parser.links:
            url = urljoin(base, link)
            if urlparse(url).scheme != "file":
                continue
            checked += 1
            target_url, fragment = urldefrag(url)
            target = Path(unquote(urlparse(target_url).path))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(outdir)}: {link} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{path.relative_to(outdir)}: {link} (no such anchor)")
    assert checked > 1000
    assert broken == []


def test_no_javascript_error_on_any_page(browser, site, site_url):
    outdir = Path(site.outdir)
    console_errors(browser)
    errors = {}
    for path in pages(outdir):
        browser.get(site_url + path.relative_to(outdir).as_posix())
        wait_for(browser, "document.readyState === 'complete'")
        found = console_errors(browser)
        if found:
            errors[path.relative_to(outdir).as_posix()] = found
    assert errors == {}


def test_theme_labels_are_in_chinese(site):
    markup = (Path(site.outdir) / "families" / "macbert.html").read_text(encoding="utf-8")
    assert "回到顶部" in markup and "本页目录" in markup
    assert "Back to top" not in markup and "On this page" not in markup
