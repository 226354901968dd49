"""The projects bench/scale.py measures: the 2022 base is a sound catalogue, and the plain-Sphinx
baseline pages carry what the site's family pages show."""

from __future__ import annotations

import sys
from pathlib import Path

from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from scale import make_project  # noqa: E402
from static_pages import write_static_project  # noqa: E402


def test_the_2022_base_is_the_43_families_of_the_2022_list_and_checks_clean(tmp_path):
    project = tmp_path / "kb"
    make_project(project, 2, "2022")  # the base and one clone of it
    catalog, problems = load_catalog(sources_from_conf(project))
    assert [str(problem) for problem in problems] == []
    assert len(catalog.families) == 2 * 43 and "macbert-x1" in catalog.families and "qwen2" not in catalog.families
    assert all(family in catalog.families for entry in catalog.updates for family in entry.families)


def test_plain_pages_hold_the_family_pages_fields(tmp_path, project_root):
    catalog, _ = load_catalog(sources_from_conf(project_root))
    write_static_project(catalog, tmp_path / "src")
    qwen2 = (tmp_path / "src" / "families" / "qwen2.md").read_text(encoding="utf-8")
    assert ":许可 Licence: Apache-2.0" in qwen2 and ":资料来源 Source of licence:" in qwen2
    assert "## 勘误 Corrections" in qwen2 and "## 参考文献 References" in qwen2
    assert (tmp_path / "src" / "references.md").exists() and (tmp_path / "src" / "chronology.md").exists()
    organisations = (tmp_path / "src" / "index-organisation.md").read_text(encoding="utf-8")
    assert ":类型 Kind:" in organisations and ":主页 Home: [https://github.com/ymcui/HFL-Anthology]" in organisations
    assert '"sphinxext.opengraph"' in (tmp_path / "src" / "conf.py").read_text(encoding="utf-8")


def test_cold_builds_of_the_site_and_plain_sphinx_alternate(tmp_path, monkeypatch):
    """Each round builds every project with each -j in turn; the medians are per project and -j."""
    import scale

    calls = []

    def fake_sphinx(path, source, jobs, werror):
        calls.append((path.name, jobs))
        return scale.Build(float(len(calls)), float(len(calls)), 100.0, 0, "")

    monkeypatch.setattr(scale, "sphinx", fake_sphinx)
    projects = [scale.Project("site", tmp_path / "kb", "docs", True, None),
                scale.Project("plain Sphinx", tmp_path / "plain", "src", False, None)]
    cold = scale.cold_builds(projects, ["1", "auto"], 3)
    assert calls[:4] == [("kb", "1"), ("plain", "1"), ("kb", "auto"), ("plain", "auto")] and len(calls) == 12
    assert cold["site", "1"].seconds == 5.0 and cold["plain Sphinx", "auto"].seconds == 8.0
