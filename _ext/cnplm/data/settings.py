"""The catalogue's inputs as ``conf.py`` declares them, shared by the Sphinx extension and the CLI."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

from .loading import CatalogSources

# conf.py value name -> default (paths are relative to the directory of conf.py)
DEFAULTS: dict[str, Any] = {
    "cnplm_cards_dir": "docs/cards",
    "cnplm_categories": "docs/data/categories.yaml",
    "cnplm_datasets": "",  # optional registries: "" looks beside the organisations registry
    "cnplm_benchmarks": "",
    "cnplm_organisations": "docs/data/organisations.yaml",
    "cnplm_domains": "docs/data/domains.yaml",
    "cnplm_updates": "docs/data/updates.yaml",
    "cnplm_bibfiles": ["bib/papers.bib"],
}


def optional(values: dict[str, Any], confdir: Path, name: str) -> Path | None:
    """An optional registry: required when conf.py names it, else looked for beside the organisations."""
    return confdir / values[name] if values.get(name) else None


def sources_from(values: dict[str, Any], confdir: Path) -> CatalogSources:
    def value(name: str) -> Any:
        return values.get(name, DEFAULTS[name])

    return CatalogSources(
        cards_dir=confdir / value("cnplm_cards_dir"),
        organisations=confdir / value("cnplm_organisations"),
        categories=confdir / value("cnplm_categories"),
        datasets=optional(values, confdir, "cnplm_datasets"),
        benchmarks=optional(values, confdir, "cnplm_benchmarks"),
        domains=confdir / value("cnplm_domains"),
        updates=confdir / value("cnplm_updates"),
        bibfiles=tuple(confdir / name for name in value("cnplm_bibfiles")),
    )


def sources_from_conf(root: Path) -> CatalogSources:
    """Read the cnplm_* values of ``root/conf.py`` without starting Sphinx."""
    conf = root / "conf.py"
    values = runpy.run_path(str(conf)) if conf.exists() else {}
    return sources_from(values, root)
