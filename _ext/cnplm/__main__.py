"""Command line: ``python -m cnplm check|import`` (run with ``_ext`` on ``PYTHONPATH``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import COMMANDS

CRASH = 2  # exit status of a crash of the tool itself; 1 means problems were found in the data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cnplm", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root (holds conf.py)")
    subcommands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(subcommands)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except Exception as error:  # bad input is reported as problems (exit 1); this is a bug of ours
        print(f"cnplm {args.command}: internal error, please report it: {type(error).__name__}: {error}",
              file=sys.stderr)
        return CRASH


if __name__ == "__main__":
    sys.exit(main())
