"""Subcommands of ``python -m cnplm``: check, import, snapshot, bib, readme, catalog."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .awesome.awesome_list import AwesomeList, parse_awesome_list
from .awesome.log_links import name_index
from .awesome.snapshot_fidelity import check_file
from .export.bibtex_export import all_biblatex_entries, all_entries, family_entries, to_bibtex
from .export.catalog_json import catalog_json, catalog_json_problems
from .awesome.importer import ImportReport, category_of, import_list, import_log
from .awesome.update import merge_log, update_cards
from .data.catalog import Catalog
from .data.loading import load_catalog
from .export.outputs import ALL_BIB_PATH, ALL_BIBLATEX_PATH, family_bib_path
from .awesome.readme import render_readme
from .data.settings import sources_from_conf
from .data.yaml_writer import add_new_items, dump_yaml, write_new_yaml
from .data.schemas import SCHEMA_DIR
from ruamel.yaml import YAML


def load_or_report(args: argparse.Namespace):
    """The catalogue, with its problems on stderr (exports still run on what loaded)."""
    catalog, problems = load_catalog(sources_from_conf(args.root))
    for problem in problems:
        print(problem, file=sys.stderr)
    return catalog, problems


def emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)


def run_bib(args: argparse.Namespace) -> int:
    """BibTeX of one family (or one model) to stdout/--out, or every file of the site to --dir."""
    catalog, problems = load_or_report(args)
    if args.dir:
        for family in catalog.families.values():
            emit(to_bibtex(family_entries(catalog, family)), args.dir / Path(family_bib_path(family)).name)
        emit(to_bibtex(all_entries(catalog)), args.dir / Path(ALL_BIB_PATH).name)
        emit(to_bibtex(all_biblatex_entries(catalog)), args.dir / Path(ALL_BIBLATEX_PATH).name)
        return 1 if problems else 0
    if args.model:
        model = catalog.models.get(args.model)
        if model is None:
            print(f"unknown model {args.model!r}", file=sys.stderr)
            return 2
        entries = family_entries(catalog, catalog.family_of(model), model)
    elif args.family:
        family = catalog.families.get(args.family)
        if family is None:
            print(f"unknown family {args.family!r}", file=sys.stderr)
            return 2
        entries = family_entries(catalog, family)
    else:
        entries = all_entries(catalog)
    emit(to_bibtex(entries), args.out)
    return 1 if problems else 0


def run_readme(args: argparse.Namespace) -> int:
    catalog, problems = load_or_report(args)
    emit(render_readme(catalog), args.out)
    return 1 if problems else 0


def run_catalog(args: argparse.Namespace) -> int:
    catalog, problems = load_or_report(args)
    emit(catalog_json(catalog), args.out)
    return 1 if problems else 0


def run_check(args: argparse.Namespace) -> int:
    """Exit status 1 when the data has problems (0 when clean); a crash of the checker itself is 2."""
    catalog, problems = load_or_report(args)
    export_problems = catalog_json_problems(catalog_json(catalog))
    for problem in export_problems:
        print(problem, file=sys.stderr)
    problems = [*problems, *export_problems]
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


def resolve_organisations(report: ImportReport, catalog: Catalog) -> None:
    """Models whose author cell the registry knows (``listed_as``) get that institution."""
    for card in report.cards:
        for model in card["models"]:
            organisation = catalog.organisation_listed_as(model.get("author_as_listed", {}).get("label", ""))
            if organisation:
                report.organisations.pop(model.get("organisation", ""), None)
                model["organisation"] = organisation.id


def read_list_file(markdown: Path, catalog: Catalog, taken: set[str]) -> tuple[AwesomeList, ImportReport, list[dict]]:
    """One Markdown file of the list (either format): parsed, its cards and log entries drafted."""
    headings = {heading: c.id for c in catalog.categories.values() for heading in (*c.headings, c.en, c.zh)}
    kinds = {c.id: c.model_kind for c in catalog.categories.values() if c.model_kind}
    domains = {alias: d.id for d in catalog.domains.values() for alias in (d.zh, *d.aliases)}
    parsed = parse_awesome_list(markdown.read_text(encoding="utf-8"),
                                lambda text, level: category_of(text, headings) is not None)
    report = import_list(parsed, bib_index(catalog), domains, taken, headings, kinds, str(markdown))
    resolve_organisations(report, catalog)
    return parsed, report, import_log(parsed, report, str(markdown), name_index(catalog))


def import_report(markdown: Path, catalog: Catalog, taken: set[str]) -> tuple[ImportReport, list[dict]]:
    """Cards and log entries drafted from one Markdown file of the list (either format)."""
    _, report, log = read_list_file(markdown, catalog, taken)
    return report, log


def snapshot_files(folder: Path) -> list[Path]:
    """The list's files in a snapshot folder: its README and docs/*.md."""
    return [path for path in [folder / "README.md", *sorted((folder / "docs").glob("*.md"))] if path.exists()]


def run_snapshot(args: argparse.Namespace) -> int:
    """Hold every row of a snapshot of the list against the catalogue and the ledger; exit 1 on a problem."""
    catalog, problems = load_or_report(args)
    files = [path for path in snapshot_files(args.folder) if not args.file or path.name in args.file]
    ledger_dir = args.ledger or args.root / "docs" / "data" / "list-rows"
    total = 0
    for path in files:
        parsed, report, _ = read_list_file(path, catalog, set())
        check = check_file(path, parsed, report, catalog, ledger_dir)
        for problem in check.problems:
            print(problem)
        total += len(check.problems)
        print(f"{path.name}: {check.rows} rows: {check.drafted} as drafted, {check.taken_by_hand} read by hand, "
              f"{check.not_taken} not taken; {check.log_entries} log entries; {len(check.problems)} problems",
              file=sys.stderr)
    return 1 if total or problems else 0


def run_import(args: argparse.Namespace) -> int:
    """Draft cards (or with --update merge them); exit 1 when nothing was drafted or a row was not read."""
    sources = sources_from_conf(args.root)
    catalog, _ = load_catalog(sources)
    out_dir = args.out or sources.cards_dir
    schema = os.path.relpath(Path(__file__).parent / "data" / "schemas" / "card.schema.json", out_dir)
    taken = set() if args.update else set(catalog.models)
    report, log = import_report(args.markdown, catalog, taken)
    if args.update:
        for line in update_cards(report.cards, out_dir, schema, write=not args.dry_run).lines():
            print(line)
    else:
        for card in report.cards:
            path = out_dir / f"{card['id']}.yaml"
            written = write_new_yaml(path, card, schema)
            print(("wrote " if written else "kept existing ") + str(path))
    if report.datasets:
        registry = (args.out / "datasets.yaml") if args.out else sources.entity_paths["datasets"]
        added = add_new_items(registry, report.datasets,
                              os.path.relpath(Path(__file__).parent / "data" / "schemas" / "datasets.schema.json",
                                              registry.parent))
        print(f"{len(report.datasets)} instruction datasets drafted, {len(added)} added to {registry}"
              + (f": {', '.join(added)}" if added else ""))
    if args.log and log and args.update and args.log.exists():
        yaml = YAML(typ="rt", pure=True)
        family_of = {model.id: model.family_id for model in catalog.models.values()}
        merged, new = merge_log(yaml.load(args.log.read_text(encoding="utf-8")) or [], log, family_of)
        if not args.dry_run:
            args.log.write_text(dump_yaml(merged, os.path.relpath(SCHEMA_DIR / "updates.schema.json", args.log.parent)),
                                encoding="utf-8")
        print(f"{args.log}: {new} new log entries of {len(log)}")
    elif args.log and log:
        written = write_new_yaml(args.log, log)
        print(("wrote " if written else "kept existing ") + f"{args.log} ({len(log)} log entries)")
    new_orgs = [org for key, org in sorted(report.organisations.items()) if key not in catalog.organisations]
    for org in new_orgs:
        print(f"new organisation (add to {sources.organisations.name}): {org}")
    if report.missing_papers:
        print(f"papers not in {', '.join(path.name for path in sources.bibfiles)} (add them, then import again):")
        for paper in report.missing_papers:
            print(f"  {paper}")
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"{report.drafted_rows} rows drafted, {report.unread_rows} not read, {len(log)} log entries",
          file=sys.stderr)
    return 1 if report.unread_rows or not (report.drafted_rows or log) else 0


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
            (("--out",), {"type": Path, "default": None, "help": "folder for the drafts (default: the cards)"}),
            (("--update",), {"action": "store_true",
                             "help": "compare the cards with a newer list: report new, changed, renamed and "
                                     "vanished rows and merge the list's cells (hand-made fields kept)"}),
            (("--dry-run",), {"action": "store_true", "help": "with --update: report only, write nothing"}),
            (("--log",), {"type": Path, "default": None,
                          "help": "write the list's update log entries here (YAML); with --update, add the "
                                  "entries the file lacks (hand-made fields kept)"}),
        ],
    ),
    Command(
        "snapshot",
        "hold every row of a snapshot of the list against the catalogue and docs/data/list-rows/",
        run_snapshot,
        [
            (("folder",), {"type": Path, "help": "the snapshot: README.md and docs/*.md"}),
            (("--file",), {"action": "append", "help": "only this file (by name; repeatable)"}),
            (("--ledger",), {"type": Path, "default": None, "help": "ledger folder (default: docs/data/list-rows)"}),
        ],
    ),
    Command(
        "bib",
        "BibTeX without building the site: every paper and model, one family, or one model",
        run_bib,
        [
            (("--family",), {"help": "a family id: its papers and every model entry"}),
            (("--model",), {"help": "a model id: its family's papers and its own entry"}),
            (("--out",), {"type": Path, "default": None, "help": "file to write (default: stdout)"}),
            (("--dir",), {"type": Path, "default": None, "help": "write all.bib and one .bib per family here"}),
        ],
    ),
    Command(
        "readme",
        "the awesome-list Markdown regenerated from the cards",
        run_readme,
        [(("--out",), {"type": Path, "default": None, "help": "file to write (default: stdout)"})],
    ),
    Command(
        "catalog",
        "catalog.json: the whole catalogue as JSON",
        run_catalog,
        [(("--out",), {"type": Path, "default": None, "help": "file to write (default: stdout)"})],
    ),
]
