"""reST and MyST markup in every text field of every data schema stays text on every page.

The fields are found from the schemas themselves (every string a free text is valid in), so a field
or a kind of data added later is covered without editing this test."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from cnplm.data.loading import load_catalog
from cnplm.data.schemas import SCHEMA_DIR, compiled, inline_refs, schema_of
from helpers import visible_text
from test_bad_input import sources

PAYLOAD = ("**MKb** *MKe* ``MKc`` `MKl javascript:alert(1)`_ [MKm](javascript:alert(1)) {raw}`MKr` "
           ":raw-html:`MKh` |MKs| MKt_ .. include:: /etc/passwd $MKx$ {eval-rst}`MKv` MKend")
# which file of the test project is an instance of which schema
INSTANCES = {"card": ["cards/macbert.yaml", "cards/erlangshen.yaml"], "organisations": ["data/organisations.yaml"],
             "domains": ["data/domains.yaml"], "updates": ["data/updates.yaml"],
             "categories": ["data/categories.yaml"], "datasets": ["data/datasets.yaml"],
             "benchmarks": ["data/benchmarks.yaml"]}
INTERPRETED = [r"<(strong|em|b|i)\b[^>]*>\s*MK", r">\s*MK[lm]\w*\s*</a>", r'href="javascript',
               r"<(code|tt)\b[^>]*>\s*(<span[^>]*>\s*)*MK[crhv]", r"MathJax|class=\"math"]


def free_text(schema: dict) -> bool:
    if schema.get("type") != "string" or "enum" in schema or "const" in schema or "format" in schema:
        return False
    return "pattern" not in schema or bool(compiled(schema["pattern"]).search(PAYLOAD))


def fill(instance: Any, schema: dict) -> tuple[Any, int]:
    """The instance with every free-text field (present, or optional and absent) set to the payload."""
    if isinstance(instance, dict):
        count = 0
        for name, sub in schema.get("properties", {}).items():
            if name in instance:
                instance[name], filled = fill(instance[name], sub)
                count += filled
            elif free_text(sub):
                instance[name], count = PAYLOAD, count + 1
        return instance, count
    if isinstance(instance, list) and isinstance(schema.get("items"), dict):
        results = [fill(item, schema["items"]) for item in instance]
        items = [f"{item} {index}" if item == PAYLOAD else item for index, (item, _) in enumerate(results)]
        return items, sum(filled for _, filled in results)  # numbered: items may have to be unique
    if isinstance(instance, str) and free_text(schema):
        return PAYLOAD, 1
    return instance, 0


def test_every_data_schema_has_an_instance_here():
    schemas = {path.name.removesuffix(".schema.json") for path in SCHEMA_DIR.glob("*.schema.json")}
    # catalog.json is written, not read; the list-rows ledger is read by `cnplm snapshot`, never shown
    untested = schemas - set(INSTANCES) - {"catalog", "list-rows"}
    assert not untested, f"no instance in test-basic for {sorted(untested)}: add one to INSTANCES"


@pytest.fixture(scope="module")
def marked_up_site(tmp_path_factory, rootdir):
    from sphinx.testing.util import SphinxTestApp

    project = tmp_path_factory.mktemp("markup") / "project"
    shutil.copytree(rootdir / "test-basic", project)
    filled = 0
    for name, files in INSTANCES.items():
        schema = schema_of(name)
        inlined = inline_refs(schema, schema.get("$defs", {}))
        for file in files:
            data = yaml.safe_load((project / file).read_text(encoding="utf-8"))
            data, count = fill(data, inlined)
            filled += count
            (project / file).write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), encoding="utf-8")
    _, problems = load_catalog(sources(project))
    assert problems == [], problems
    app = SphinxTestApp("html", srcdir=project, freshenv=True)
    app.build()
    yield app, filled
    app.cleanup()


def test_markup_in_every_text_field_stays_text(marked_up_site):
    app, filled = marked_up_site
    assert filled > 25  # names, descriptions, notes, labels, remarks, corrections, log texts, ...
    pages = sorted(Path(app.outdir).rglob("*.html"))
    shown = 0
    for path in pages:
        markup = path.read_text(encoding="utf-8")
        for pattern in INTERPRETED:
            assert not re.search(pattern, markup), (path.name, re.findall(pattern, markup)[:3])
        shown += visible_text(markup).count("**MKb** *MKe* ``MKc``")
    assert shown > 10
    log = [line for line in app.warning.getvalue().splitlines() if "is already registered" not in line]
    assert log == []  # (node registrations are left by other test apps of the session)
