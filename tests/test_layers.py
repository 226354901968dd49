"""The data layer stands apart from Sphinx; other Sphinx projects link to our models by intersphinx."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import build_copy, page, warnings

SPHINX_FREE_LAYERS = ["data", "awesome", "export"]


def test_data_layer_imports_no_sphinx(project_root):
    modules = [f"cnplm.{layer}.{path.stem}" for layer in SPHINX_FREE_LAYERS
               for path in sorted((project_root / "_ext" / "cnplm" / layer).glob("*.py"))] + ["cnplm.cli"]
    imports = "; ".join(f"import {module}" for module in modules)
    code = f"import sys; {imports}; print(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')))"
    run = subprocess.run([sys.executable, "-c", code], cwd=project_root, capture_output=True, text=True,
                         env={"PYTHONPATH": str(project_root / "_ext")})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_another_project_links_to_a_model_through_intersphinx(make_app, tmp_path, rootdir):
    built = build_copy(make_app, rootdir / "test-basic", tmp_path / "catalogue")
    consumer = tmp_path / "consumer"
    consumer.mkdir()
    inventory = Path(built.outdir) / "objects.inv"
    (consumer / "conf.py").write_text(
        "extensions = ['sphinx.ext.intersphinx', 'cnplm.site.domain']\n"
        f"intersphinx_mapping = {{'plm': ('https://kb.example.org/', {str(inventory)!r})}}\n"
        "nitpicky = True\n",
        encoding="utf-8",
    )
    (consumer / "index.rst").write_text(
        "Consumer\n========\n\nWe fine-tune :plm:model:`macbert-base` "
        "(:external+plm:plm:family:`erlangshen`).\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=consumer, freshenv=True)
    app.build()
    assert warnings(app) == ""
    markup = page(app, "index")
    assert 'href="https://kb.example.org/families/macbert.html#model-macbert-base"' in markup
    assert 'href="https://kb.example.org/families/erlangshen.html#family-erlangshen"' in markup
