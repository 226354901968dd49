"""The site's shape does not grow with the catalogue: navigation, family pages and summaries."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

from helpers import page, visible_text, warnings


def clone_cards(cards: Path, copies: int) -> None:
    """Add ``copies`` clones of every card, with new family and model ids (like bench/scale.py)."""
    for card in sorted(cards.glob("*.yaml")):
        text = card.read_text(encoding="utf-8")
        ids = re.findall(r"^(?:id|  - id): (\S+)$", text, flags=re.M)
        for n in range(1, copies + 1):
            clone = text
            for old in ids:
                clone = re.sub(rf"(id: ){re.escape(old)}$", rf"\g<1>{old}-x{n}", clone, flags=re.M)
            (cards / f"{card.stem}-x{n}.yaml").write_text(clone, encoding="utf-8")


def build(make_app, srcdir: Path, **options):
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"html_theme": "furo"}, **options)
    app.build()
    app.cleanup()
    return app


def test_a_family_page_is_the_same_whatever_the_size_of_the_catalogue(make_app, rootdir, tmp_path):
    small, large = tmp_path / "small", tmp_path / "large"
    shutil.copytree(rootdir / "test-basic", small)
    shutil.copytree(rootdir / "test-basic", large)
    clone_cards(large / "cards", 20)
    small_app, large_app = build(make_app, small), build(make_app, large)
    assert warnings(small_app) == warnings(large_app) == ""
    assert (Path(large_app.outdir) / "families" / "macbert-x20.html").exists()
    assert page(small_app, "families/macbert") == page(large_app, "families/macbert")


def test_the_sidebar_holds_no_family_page(make_app, rootdir, tmp_path):
    shutil.copytree(rootdir / "test-basic", tmp_path / "project")
    app = build(make_app, tmp_path / "project")
    markup = page(app, "families/macbert")
    start = markup.index('class="sidebar-tree"')
    sidebar = markup[start:markup.index("</div>", start)]
    assert "Organisations" in sidebar and "families/" not in sidebar
    assert 'href="erlangshen.html' not in markup  # no link to any other family from a family page


def test_summaries_link_every_family_and_list_no_model(make_app, rootdir, tmp_path):
    shutil.copytree(rootdir / "test-basic", tmp_path / "project")
    app = build(make_app, tmp_path / "project")
    orgs = visible_text(page(app, "orgs"))
    assert re.search(r"\(HFL\) ¶ [^¶]*? 2 个模型 models · 1 个系列 families MacBERT \(2\)", orgs)
    assert "MacBERT-base" not in orgs
    index = page(app, "index")
    assert 'href="families/macbert.html#family-macbert"' in index
    assert "2 个模型系列 families · 3 个模型 models" in visible_text(index)


def test_the_theme_s_navigation_tree_is_asked_for_at_most_two_levels():
    """furo asks for the whole tree (maxdepth -1): Sphinx would copy every section of every page
    in the toctree for each page written. The sidebar shows document titles only, two levels deep."""
    from cnplm.site.page_context import NAVIGATION_DEPTH, bounded_navigation

    asked: list[dict] = []
    context = {"toctree": lambda **options: asked.append(options) or "<ul></ul>"}
    app = SimpleNamespace(builder=SimpleNamespace(),
                          env=SimpleNamespace(config=SimpleNamespace(root_doc="index"), toctree_includes={}))
    bounded_navigation(app, "index", "page.html", context, None)
    context["toctree"](collapse=False, titles_only=True, maxdepth=-1, includehidden=True)
    context["toctree"](maxdepth=5)
    context["toctree"](maxdepth=1)
    assert [options["maxdepth"] for options in asked] == [NAVIGATION_DEPTH, NAVIGATION_DEPTH, 1]
    assert asked[0]["titles_only"] is True and NAVIGATION_DEPTH == 2


def sidebar_of(markup: str) -> str:
    start = markup.index('class="sidebar-tree"')
    return markup[start:markup.index("</div>", start)]


def test_pages_in_no_toctree_share_one_navigation_and_the_others_mark_themselves(make_app, rootdir, tmp_path):
    """Family pages (in no toctree) get the navigation made once for their folder: the same links,
    relative to that folder; a page of the toctree still gets its own, marking itself current."""
    shutil.copytree(rootdir / "test-basic", tmp_path / "project")
    (tmp_path / "project" / "zz-orphan.rst").write_text(":orphan:\n\nOrphan\n======\n", encoding="utf-8")
    app = build(make_app, tmp_path / "project")
    macbert, erlangshen = sidebar_of(page(app, "families/macbert")), sidebar_of(page(app, "families/erlangshen"))
    assert macbert == erlangshen and 'href="../' in macbert and "current" not in macbert
    orphan = sidebar_of(page(app, "zz-orphan"))  # in no toctree either, but in the top folder
    assert 'href="../' not in orphan and orphan == macbert.replace('href="../', 'href="')
    for docname in ("orgs", "nlg"):  # pages of the root toctree, at the top folder
        own = sidebar_of(page(app, docname))
        assert 'class="current reference internal" href="#"' in own, docname
        assert 'href="../' not in own
