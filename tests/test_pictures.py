"""Pictures of the field: SVG with text as text, alt text and the data's date, PDF for LaTeX,
drawn again only when the data they show changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import page, warnings

PAGE = """Pictures
========

.. plm-picture:: timeline

.. plm-picture:: sizes

.. plm-picture:: organisations
"""


def project(rootdir: Path, target: Path) -> Path:
    shutil.copytree(rootdir / "test-basic", target)
    (target / "pictures.rst").write_text(":orphan:\n\n" + PAGE, encoding="utf-8")
    return target


def build(make_app, srcdir: Path, builder: str = "html"):
    app = make_app(builder, srcdir=srcdir)
    app.build()
    app.cleanup()
    return app


def test_pictures_are_svg_with_text_alt_and_data_date(make_app, tmp_path, rootdir):
    app = build(make_app, project(rootdir, tmp_path / "pictures"))
    assert warnings(app) == ""
    markup = page(app, "pictures")
    for name in ("timeline", "sizes", "organisations"):
        svg = (Path(app.outdir) / "_images" / f"{name}.svg").read_text(encoding="utf-8")
        assert "<text" in svg and "font-family" in svg  # text kept as text, the reader's fonts draw it
        assert f'id="picture-{name}"' in markup
    timeline = (Path(app.outdir) / "_images" / "timeline.svg").read_text(encoding="utf-8")
    assert "自然语言理解 NLU" in timeline
    organisations = (Path(app.outdir) / "_images" / "organisations.svg").read_text(encoding="utf-8")
    assert "哈工大讯飞联合实验室" in organisations  # the short (Chinese) name
    alts = re.findall(r'<img alt="([^"]*)" class="plm-picture"', markup)
    assert len(alts) == 3 and all("数据截至 2021-11-27" in alt for alt in alts)
    assert markup.count(" · 数据截至 Data as of 2021-11-27") == 3  # in each caption


def test_latex_gets_the_pdf(make_app, tmp_path, rootdir):
    srcdir = project(rootdir, tmp_path / "latex")
    with open(srcdir / "index.rst", "a", encoding="utf-8") as index:
        index.write("\n.. plm-picture:: timeline\n")  # the LaTeX document holds the toctree's pages
    app = build(make_app, srcdir, "latex")
    assert warnings(app) == ""
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "{{timeline}.pdf}" in tex
    assert (Path(app.outdir) / "timeline.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("edit, redrawn", [
    (None, set()),
    (("cards/macbert.yaml", "    size: base\n", "    size: base\n    remarks: 只改备注\n"), set()),
    (("data/updates.yaml", '- date: "2021-11-27"', '- date: "2022-01-05"\n  families: [macbert]\n'
                                                    '  text: 更新。\n- date: "2021-11-27"'),
     {"timeline"}),  # a new log line; the sizes and the counts stay as they were
])
def test_a_picture_is_drawn_again_only_when_its_data_changed(make_app, tmp_path, rootdir, edit, redrawn):
    srcdir = project(rootdir, tmp_path / "incremental")
    build(make_app, srcdir)
    folder = srcdir / "_pictures"
    before = {path.stem: path.stat().st_mtime_ns for path in folder.glob("*.svg")}
    if edit:
        path, old, new = edit
        text = (srcdir / path).read_text(encoding="utf-8")
        assert old in text
        (srcdir / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    app = build(make_app, srcdir)
    assert warnings(app) == ""
    after = {path.stem: path.stat().st_mtime_ns for path in folder.glob("*.svg")}
    assert {name for name in before if before[name] != after[name]} == redrawn


def test_renaming_a_model_changes_no_picture_s_data(project_root):
    """No picture shows model names, so a renamed model redraws nothing (nor re-reads the pictures page)."""
    import dataclasses

    from cnplm.data.loading import load_catalog
    from cnplm.data.settings import sources_from_conf
    from cnplm.export.pictures import PICTURES, data_digest, picture_data

    catalog, _ = load_catalog(sources_from_conf(project_root))
    family = next(f for f in catalog.families.values() if any(m.parameters and m.release for m in f.models))
    before = {name: data_digest(picture_data(catalog, name)) for name in PICTURES}
    models = tuple(dataclasses.replace(m, name=m.name + "-renamed") for m in family.models)
    catalog.families[family.id] = dataclasses.replace(family, models=models)
    assert {name: data_digest(picture_data(catalog, name)) for name in PICTURES} == before
