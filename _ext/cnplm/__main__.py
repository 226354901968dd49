"""Command line: ``python -m cnplm check|import`` (run with ``_ext`` on ``PYTHONPATH``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import COMMANDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cnplm", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root (holds conf.py)")
    subcommands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(subcommands)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
