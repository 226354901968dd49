"""Subcommands of ``python -m cnplm``: check the catalogue, draft cards from the awesome list."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .awesome_list import parse_awesome_list
from .importer import import_list
from .loading import load_catalog, read_validated
from .settings import sources_from_conf
from .yaml_writer import write_new_yaml

CARD_SCHEMA = "../../_ext/cnplm/schemas/card.schema.json"


def run_check(args: argparse.Namespace) -> int:
    catalog, problems = load_catalog(sources_from_conf(args.root))
    for problem in problems:
        print(problem, file=sys.stderr)
    models = sum(len(f.models) for f in catalog.families.values())
    print(f"{len(catalog.families)} families, {models} models, {len(catalog.bibliography.papers)} papers, "
          f"{len(catalog.organisations)} organisations, {len(catalog.updates)} log entries; "
          f"{len(problems)} problems")
    return 1 if problems else 0


def bib_index(catalog) -> dict[str, str]:
    """arXiv id, URL and lower-cased title of every paper -> its key (for matching paper lines)."""
    index: dict[str, str] = {}
    for paper in catalog.bibliography.papers.values():
        for handle in (paper.eprint, paper.url, paper.title.lower()):
            if handle:
                index.setdefault(handle, paper.key)
    return index


def run_import(args: argparse.Namespace) -> int:
    sources = sources_from_conf(args.root)
    catalog, _ = load_catalog(sources)
    domains = {alias: d.id for d in catalog.domains.values() for alias in (d.zh, *d.aliases)}
    parsed = parse_awesome_list(args.markdown.read_text(encoding="utf-8"))
    report = import_list(parsed, bib_index(catalog), domains, set(catalog.models))
    out_dir = args.out or sources.cards_dir
    schema = os.path.relpath(Path(__file__).parent / "schemas" / "card.schema.json", out_dir)
    for card in report.cards:
        path = out_dir / f"{card['id']}.yaml"
        written = write_new_yaml(path, card, schema)
        print(("wrote " if written else "kept existing ") + str(path))
    new_orgs = [org for key, org in sorted(report.organisations.items()) if key not in catalog.organisations]
    for org in new_orgs:
        print(f"new organisation (add to {sources.organisations.name}): {org}")
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


class Command:
    def __init__(self, name: str, help: str, run, arguments=()) -> None:
        self.name, self.help, self.run, self.arguments = name, help, run, arguments

    def add_parser(self, subcommands) -> None:
        parser = subcommands.add_parser(self.name, help=self.help)
        for flags, options in self.arguments:
            parser.add_argument(*flags, **options)
        parser.set_defaults(run=self.run)


COMMANDS = [
    Command("check", "validate cards, registries, log and BibTeX; print every problem", run_check),
    Command(
        "import",
        "draft cards for the families of an awesome-list Markdown file (existing cards are kept)",
        run_import,
        [
            (("markdown",), {"type": Path}),
            (("--out",), {"type": Path, "default": None, "help": "folder for the drafts"}),
        ],
    ),
]
