"""The ledger of a list snapshot: rows of its files that the importer does not take one-to-one.

``docs/data/list-rows/<file stem>.yaml`` holds, for one file of the snapshot, rows read by hand into
named catalogue entries (``taken_as``) and rows deliberately not taken (``not_taken``, with the
reason). The snapshot fidelity check reads it; the site does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data.loading import read_validated
from ..data.problems import Problem


@dataclass(frozen=True)
class LedgerRow:
    line: int
    row: str
    taken_as: tuple[str, ...] = ()
    not_taken: str = ""
    note: str = ""
    source: str = ""
    at: int = 0  # the entry's own line in the ledger file


def ledger_path(ledger_dir: Path, list_file: Path) -> Path:
    """README.md -> readme.yaml, docs/chat-llm.md -> chat-llm.yaml."""
    return ledger_dir / f"{list_file.stem.lower()}.yaml"


def load_ledger(path: Path) -> tuple[dict[int, LedgerRow], list[Problem]]:
    """Ledger rows by the line they describe; a missing or empty file is an empty ledger."""
    if not path.exists() or not path.read_text(encoding="utf-8").strip():
        return {}, []
    document, problems = read_validated(path, "list-rows")
    rows: dict[int, LedgerRow] = {}
    for index, item in enumerate(document.data if document else ()):
        at = document.line_of([index])
        if item["line"] in rows:
            problems.append(Problem(path, at, f"line {item['line']} is already described (line {rows[item['line']].at})"))
            continue
        rows[item["line"]] = LedgerRow(item["line"], item["row"], tuple(item.get("taken_as", ())),
                                       item.get("not_taken", ""), item.get("note", ""), item.get("source", ""), at)
    return rows, problems
