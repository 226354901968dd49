"""Other Sphinx projects link to the catalogue: with plain intersphinx (std:label), and with the
typed plm roles of the pip-installed package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile

from helpers import build_copy, page, warnings

BASE = "https://kb.example.org/"
PACKAGE_FILES = ("pyproject.toml", "README.md", "LICENSE")


@pytest.fixture(scope="module")
def inventory(tmp_path_factory, rootdir) -> Path:
    """objects.inv of the small test catalogue."""
    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path_factory.mktemp("catalogue") / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir, freshenv=True)
    app.build()
    app.cleanup()
    return Path(app.outdir) / "objects.inv"


def write_project(folder: Path, conf: str, text: str) -> Path:
    folder.mkdir()
    (folder / "conf.py").write_text(conf + "nitpicky = True\n", encoding="utf-8")
    (folder / "index.rst").write_text("Consumer\n========\n\n" + text + "\n", encoding="utf-8")
    return folder


def test_every_catalogue_object_is_also_a_std_label(inventory):
    data = InventoryFile.loads(inventory.read_bytes(), uri="")
    labels = data.data["std:label"]
    for label, target in {"model-macbert-base": "families/macbert.html#model-macbert-base",
                          "family-erlangshen": "families/erlangshen.html#family-erlangshen",
                          "paper-cui2020macbert": "references.html#paper-cui2020macbert",
                          "organisation-hfl": "orgs.html#org-hfl"}.items():
        assert labels[label].uri == target, label
    plm_objects = sum(len(data.data[f"plm:{kind}"]) for kind in ("model", "family", "paper", "organisation"))
    assert len([name for name in labels if name.split("-")[0] in ("model", "family", "paper", "organisation")
                ]) == plm_objects


def test_plain_intersphinx_links_with_ref(make_app, tmp_path, inventory):
    consumer = write_project(
        tmp_path / "plain",
        "extensions = ['sphinx.ext.intersphinx']\n"
        f"intersphinx_mapping = {{'cnplm': ({BASE!r}, {str(inventory)!r})}}\n",
        "We fine-tune :external+cnplm:ref:`model-macbert-base` of :external+cnplm:ref:`organisation-hfl`,"
        " described in :external+cnplm:ref:`paper-cui2020macbert`; see also :ref:`cnplm:family-erlangshen`.",
    )
    app = make_app("html", srcdir=consumer, freshenv=True)
    app.build()
    assert warnings(app) == ""
    markup = page(app, "index")
    assert f'href="{BASE}families/macbert.html#model-macbert-base"' in markup
    assert ">MacBERT-base<" in markup  # the label's title is the model's name
    assert f'href="{BASE}orgs.html#org-hfl"' in markup
    assert f'href="{BASE}references.html#paper-cui2020macbert"' in markup
    assert f'href="{BASE}families/erlangshen.html#family-erlangshen"' in markup


def installed_package(target: Path, project_root: Path) -> Path:
    """Build the wheel from a copy of the package sources (no network, no build isolation) and
    unpack it into ``target``, as pip installs it."""
    source = target / "source"
    source.mkdir(parents=True)
    for name in PACKAGE_FILES:
        shutil.copyfile(project_root / name, source / name)
    shutil.copytree(project_root / "_ext", source / "_ext", ignore=shutil.ignore_patterns("__pycache__"))
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                          "--wheel-dir", str(target / "dist"), str(source)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    (wheel,) = (target / "dist").glob("cnplm-*.whl")
    site_packages = target / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "cnplm/site/domain.py" in names and "cnplm/static/cnplm.css" in names
        assert "cnplm/data/schemas/card.schema.json" in names
        archive.extractall(site_packages)
    return site_packages


def test_installed_package_gives_the_typed_roles(tmp_path, inventory, project_root):
    site_packages = installed_package(tmp_path / "install", project_root)
    consumer = write_project(
        tmp_path / "typed",
        "extensions = ['sphinx.ext.intersphinx', 'cnplm.site.domain']\n"
        f"intersphinx_mapping = {{'cnplm': ({BASE!r}, {str(inventory)!r})}}\n",
        "We fine-tune :plm:model:`macbert-base` of :external:plm:organisation:`hfl` "
        "(:external+cnplm:plm:family:`erlangshen`, :plm:org:`idea-ccnl`).",
    )
    # a separate interpreter that finds cnplm only where the wheel was installed (not in _ext/)
    env = {**os.environ, "PYTHONPATH": str(site_packages)}
    code = "import cnplm, sys; assert cnplm.__file__.startswith(sys.argv[1]), cnplm.__file__"
    assert subprocess.run([sys.executable, "-c", code, str(site_packages)], env=env, cwd=tmp_path).returncode == 0
    out = tmp_path / "typed-html"
    run = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "-n", "-q", "-d",
                          str(tmp_path / "doctrees"), str(consumer), str(out)],
                         env=env, cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    markup = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{BASE}families/macbert.html#model-macbert-base"' in markup
    assert f'href="{BASE}orgs.html#org-hfl"' in markup
    assert f'href="{BASE}families/erlangshen.html#family-erlangshen"' in markup
    assert f'href="{BASE}orgs.html#org-idea-ccnl"' in markup
