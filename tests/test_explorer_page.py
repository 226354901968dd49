"""The explorer's data file and page, and the data's date on the pages (never the build date)."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest

from helpers import page, visible_text, warnings


@pytest.fixture()
def built(make_app, tmp_path, rootdir):
    srcdir = tmp_path / "explorer"
    shutil.copytree(rootdir / "test-basic", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"cnplm_list_snapshot": {
        "name": "awesome-list", "url": "https://example.org/list/commit/abc1234", "commit": "abc1234",
        "date": "2022-03-01"}})
    app.build()
    return app


def test_explorer_json_has_every_model_with_its_page(built):
    assert warnings(built) == ""
    data = json.loads((Path(built.outdir) / "explorer.json").read_text(encoding="utf-8"))
    rows = [dict(zip(data["columns"], row)) for row in data["rows"]]
    assert {row["id"] for row in rows} == {"macbert-base", "macbert-large", "erlangshen-1.3b"}
    macbert = next(row for row in rows if row["id"] == "macbert-base")
    assert macbert["family"] == "macbert" and macbert["organisation"] == "hfl"
    assert data["families"]["macbert"]["page"] == "families/macbert.html"
    assert (Path(built.outdir) / data["families"]["macbert"]["page"]).exists()
    assert data["labels"]["category"]["nlu"] == "自然语言理解 NLU"
    assert data["data_date"] == "2021-11-27"


def test_explorer_page_holds_no_model_and_loads_its_script(built):
    markup = page(built, "explorer")
    assert 'id="plm-explorer"' in markup and "cnplm-explorer.js" in markup
    assert "MacBERT-base" not in visible_text(markup)  # the rows come from explorer.json
    assert 'href="explorer.json"' in markup  # the data for readers without JavaScript
    assert "cnplm-explorer.js" not in page(built, "index")


def test_data_date_is_the_newest_log_entry_not_the_build_date(built):
    today = datetime.date.today().isoformat()
    for docname in ("index", "explorer", "families/macbert"):
        text = visible_text(page(built, docname).replace('<div class="body"', ""))
        assert "数据截至 Data as of 2021-11-27" in text
        assert "awesome-list @ abc1234" in text
        assert today not in text
    assert "数据截至 Data as of 2021-11-27（最新一条更新日志 the newest log entry）" in visible_text(page(built, "explorer"))


def test_a_newer_log_entry_rewrites_every_footer(make_app, tmp_path, rootdir):
    srcdir = tmp_path / "fresh"
    shutil.copytree(rootdir / "test-basic", srcdir)
    (srcdir / "plain.rst").write_text(":orphan:\n\nPlain\n=====\n\nNo catalogue data here.\n", encoding="utf-8")
    first = make_app("html", srcdir=srcdir)
    first.build()
    first.cleanup()
    log = srcdir / "data" / "updates.yaml"
    log.write_text('- date: "2023-01-02"\n  families: [macbert]\n  text: 更新 MacBERT。\n'
                   + log.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings(app) == ""
    assert "Data as of 2023-01-02" in page(app, "plain")
