"""A parallel build (-j 2) writes the same pages as a serial one."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.util.inventory import InventoryFile

from helpers import build_copy, warnings


def pages(app) -> dict[str, str]:
    outdir = Path(app.outdir)
    return {str(path.relative_to(outdir)): path.read_text(encoding="utf-8")
            for path in sorted(outdir.rglob("*.html"))}


def test_parallel_build_equals_serial_build(make_app, tmp_path, rootdir):
    serial = build_copy(make_app, rootdir / "test-basic", tmp_path / "serial", parallel=0)
    parallel = build_copy(make_app, rootdir / "test-basic", tmp_path / "parallel", parallel=2)
    assert warnings(serial) == warnings(parallel) == ""
    serial_pages, parallel_pages = pages(serial), pages(parallel)
    assert serial_pages.keys() == parallel_pages.keys()
    for name, markup in serial_pages.items():
        assert parallel_pages[name] == markup, name
    inventories = [InventoryFile.loads((Path(a.outdir) / "objects.inv").read_bytes(), uri="")
                   for a in (serial, parallel)]
    assert inventories[0].data == inventories[1].data


def test_duplicate_target_across_parallel_readers_warns(make_app, tmp_path, rootdir):
    source = tmp_path / "source"
    shutil.copytree(rootdir / "test-basic", source)
    (source / "references2.rst").write_text("Again\n=====\n\n.. plm-references::\n", encoding="utf-8")
    index = source / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   references\n", "   references\n   references2\n"),
                     encoding="utf-8")
    app = build_copy(make_app, source, tmp_path / "built", parallel=2)
    assert "duplicate paper 'cui2020macbert'" in warnings(app)


def test_objects_are_frozen_for_the_workers_of_a_parallel_build_only(make_app, tmp_path, rootdir, monkeypatch):
    """Before forking its workers a parallel build freezes the objects that exist (so the workers'
    garbage collection does not copy them); a serial build does not; neither leaves them frozen."""
    import gc

    frozen = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: (frozen.append(gc.get_count()), freeze()))
    build_copy(make_app, rootdir / "test-basic", tmp_path / "serial", parallel=0)
    assert frozen == [] and gc.get_freeze_count() == 0
    build_copy(make_app, rootdir / "test-basic", tmp_path / "parallel", parallel=2)
    assert len(frozen) == 2 and gc.get_freeze_count() == 0
