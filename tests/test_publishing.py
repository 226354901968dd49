"""Read the Docs hygiene: canonical URLs, sitemap, OpenGraph with a social image made from the data,
schema $ids where the schemas are served, and an Atom feed of the update log."""

from __future__ import annotations

import json
import re
import runpy
import struct
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from helpers import page

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def base_url(site) -> str:
    return site.config.html_baseurl


def test_html_baseurl_comes_from_read_the_docs(project_root, monkeypatch):
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://example.org/zh-cn/stable/")
    conf = runpy.run_path(str(project_root / "conf.py"))
    assert conf["html_baseurl"] == "https://example.org/zh-cn/stable/"
    assert conf["ogp_site_url"] == conf["html_baseurl"]


def test_pages_have_canonical_links_and_opengraph_tags(site):
    base = base_url(site)
    markup = page(site, "families/macbert")
    assert f'<link rel="canonical" href="{base}families/macbert.html"' in markup
    assert f'<meta property="og:url" content="{base}families/macbert.html"' in markup
    assert f'<meta property="og:image" content="{base}social.png"' in markup
    assert re.search(rf'<link rel="alternate" type="application/atom\+xml" [^>]*href="{re.escape(base)}chronology.atom"',
                     markup)


def test_social_image_is_a_png_of_the_expected_size(site):
    data = (Path(site.outdir) / "social.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)


def test_sitemap_lists_every_page_under_the_canonical_url(site):
    tree = ElementTree.parse(Path(site.outdir) / "sitemap.xml")
    urls = {element.text for element in tree.iter(f"{SITEMAP}loc")}
    base = base_url(site)
    assert f"{base}index.html" in urls and f"{base}families/macbert.html" in urls
    assert all(url.startswith(base) for url in urls)


def test_schema_ids_resolve_where_the_site_is_served(site):
    outdir, base = Path(site.outdir), base_url(site)
    for path in [outdir / "catalog.schema.json", *sorted((outdir / "schema").glob("*.schema.json"))]:
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"] == base + path.relative_to(outdir).as_posix(), path.name


def test_atom_feed_has_every_log_entry_newest_first(site):
    feed = ElementTree.parse(Path(site.outdir) / "chronology.atom").getroot()
    entries = feed.findall(f"{ATOM}entry")
    catalog_updates = json.loads((Path(site.outdir) / "catalog.json").read_text(encoding="utf-8"))["updates"]
    assert len(entries) == len(catalog_updates)
    dates = [entry.find(f"{ATOM}updated").text for entry in entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.find(f"{ATOM}updated").text == dates[0]
    base = base_url(site)
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert all(link.startswith(base) for link in links)
    assert any(link == f"{base}families/pert.html" for link in links)
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:") for i in ids)


def test_chronology_page_links_the_feed(site):
    assert 'href="chronology.atom"' in page(site, "chronology")
