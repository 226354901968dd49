"""A build killed at any stage leaves nothing stale: the next build's output equals a clean build's,
byte for byte (except the pickled environment)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def sphinx_build(project: Path, outdir: Path, kill_at: str = "", quiet: bool = True,
                 options: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """sphinx-build as `make html` runs it (a new process each time), with the extensions of conf.py."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "_ext"), str(ROOT / "tests" / "plugins")]),
           "CNPLM_KILL_AT": kill_at, "PYTHONHASHSEED": "0"}
    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", *(["-q"] if quiet else []), "-D",
                           "extensions=myst_parser,sphinx_copybutton,cnplm,kill_build", *options, str(project), str(outdir)],
                          env=env, capture_output=True, text=True, timeout=300)


def edit_catalogue(project: Path) -> None:
    """An edit that changes a family page, the aggregate pages, a paper's a/b label and a download."""
    card = project / "cards" / "macbert.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("name: MacBERT-large", "name: MacBERT-large-v2"),
                    encoding="utf-8")
    bib = project / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("Revisiting Pre-Trained", "Revisited Pre-Trained"),
                   encoding="utf-8")
    (project / "cards" / "erlangshen.yaml").unlink()
    for path, old, new in ((project / "index.rst", ":family:`erlangshen`", "family"),
                           (project / "index.rst", ":plm:model:`erlangshen-1.3b`", "model"),
                           (project / "data" / "updates.yaml", "families: [macbert, erlangshen]", "families: [macbert]"),
                           (project / "data" / "updates.yaml", "families: [erlangshen]", "families: []")):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def files_of(outdir: Path) -> dict[str, bytes]:
    return {str(path.relative_to(outdir)): path.read_bytes() for path in sorted(outdir.rglob("*"))
            if path.is_file() and path.name != "environment.pickle" and ".doctrees" not in path.parts}


def test_a_no_op_rebuild_says_nothing_changed(tmp_path, rootdir):
    project = tmp_path / "project"
    shutil.copytree(rootdir / "test-basic", project)
    furo = ("-D", "html_theme=furo")  # the site's theme registers an option of its own late
    assert sphinx_build(project, project / "_build", options=furo).returncode == 0
    again = sphinx_build(project, project / "_build", quiet=False, options=furo)
    assert "configuration has changed" not in again.stdout
    assert "no targets are out of date" in again.stdout
    assert "targets for 0 source files" in again.stdout


@pytest.mark.parametrize("stage", ["reading", "pickled", "writing", "exports"])
def test_a_build_killed_at_any_stage_leaves_nothing_stale(tmp_path, rootdir, stage):
    project = tmp_path / "project"
    shutil.copytree(rootdir / "test-basic", project)
    assert sphinx_build(project, project / "_build").returncode == 0
    edit_catalogue(project)
    killed = sphinx_build(project, project / "_build", kill_at=stage)
    assert killed.returncode == -9, killed.stderr
    run = sphinx_build(project, project / "_build")
    assert run.returncode == 0, run.stderr
    rebuilt = files_of(project / "_build")
    shutil.rmtree(project / "_build")  # a clean build at the same path, so that paths in the output agree
    assert sphinx_build(project, project / "_build").returncode == 0
    clean = files_of(project / "_build")
    assert sorted(rebuilt) == sorted(clean)
    assert [name for name in rebuilt if rebuilt[name] != clean[name]] == []
