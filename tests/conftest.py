"""Shared fixtures: sphinx.testing's app fixtures over the tiny projects in tests/roots/."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

from cnplm.data.settings import sources_from_conf  # noqa: E402 (needs _ext on the path)

pytest_plugins = ["sphinx.testing.fixtures"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOT / "tests" / "roots"


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site(tmp_path_factory, project_root):
    """The real docs built like `make html` (conf.py placed beside a copy of the sources)."""
    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path_factory.mktemp("site") / "docs"
    shutil.copytree(project_root / "docs", srcdir, ignore=shutil.ignore_patterns("families", "_build"))
    shutil.copyfile(project_root / "conf.py", srcdir / "conf.py")
    overrides = {name: str(project_root / value) for name, value in {
        "cnplm_cards_dir": "docs/cards",
        "cnplm_categories": "docs/data/categories.yaml",
        "cnplm_datasets": "docs/data/datasets.yaml",
        "cnplm_benchmarks": "docs/data/benchmarks.yaml",
        "cnplm_organisations": "docs/data/organisations.yaml",
        "cnplm_domains": "docs/data/domains.yaml",
        "cnplm_updates": "docs/data/updates.yaml",
    }.items()}
    overrides["locale_dirs"] = [str(project_root / "_ext" / "cnplm" / "locale")]
    overrides["cnplm_bibfiles"] = [str(path) for path in sources_from_conf(project_root).bibfiles]
    app = SphinxTestApp("html", srcdir=srcdir, freshenv=True, confoverrides=overrides)
    app.build()
    yield app
    app.cleanup()
