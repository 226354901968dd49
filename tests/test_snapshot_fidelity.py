"""Today's list (the 2026-06-19 snapshot under tests/data/) held row by row against the catalogue and
the ledger docs/data/list-rows/: no file of the snapshot has a problem left, and the check itself fails
on a changed URL, a changed name, a ledger naming the wrong row, and a row nobody took."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cnplm.awesome.snapshot_fidelity import FileCheck, check_file
from cnplm.cli import read_list_file, snapshot_files
from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf
from test_import_snapshot import markdown_table_rows

SNAPSHOT = Path(__file__).parent / "data" / "upstream-2026-06-19"
LOCATED = re.compile(r"^.+\.(md|yaml):\d+: .+")


@pytest.fixture(scope="module")
def catalog(project_root):
    return load_catalog(sources_from_conf(project_root))[0]


def checked(path: Path, catalog, ledger_dir: Path) -> FileCheck:
    parsed, report, _ = read_list_file(path, catalog, set())
    return check_file(path, parsed, report, catalog, ledger_dir)


@pytest.fixture(scope="module")
def checks(catalog, project_root) -> dict[str, FileCheck]:
    ledger = project_root / "docs" / "data" / "list-rows"
    return {path.name: checked(path, catalog, ledger) for path in snapshot_files(SNAPSHOT)}


def test_every_row_of_every_file_is_checked(checks):
    assert len(checks) == 15
    for name, check in checks.items():
        assert check.rows == markdown_table_rows(check.path), name
        assert all(LOCATED.match(str(problem)) for problem in check.problems), name
    assert sum(check.rows for check in checks.values()) == 875
    assert sum(check.log_entries for check in checks.values()) == 208  # changelog 200 + README 8


def test_the_whole_snapshot_holds(checks):
    """Every table row of the 15 files is held (875 rows) and every changelog and README log line."""
    assert [str(problem) for name in sorted(checks) for problem in checks[name].problems] == []
    held = sum(check.drafted + check.taken_by_hand + check.not_taken for check in checks.values())
    assert held == 875


ROW = "| Qwen-Base | 1.8B / 7B / 14B / 72B | 2023-12 | 中英 | CD | [🤗HF](https://huggingface.co/Qwen) | " \
      "[GitHub](https://github.com/QwenLM/Qwen) | 阿里云 | [Paper](https://arxiv.org/abs/2309.16609) |"


@pytest.fixture
def mini(tmp_path):
    """base-llm.md's header and its Qwen-Base row (held by the qwen card), in a scratch file."""
    lines = (SNAPSHOT / "docs" / "base-llm.md").read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.lstrip().startswith("|"))
    (tmp_path / "list-rows").mkdir()

    def write(*rows: str, ledger: str = "") -> Path:
        path = tmp_path / "base-llm.md"
        path.write_text("\n".join(["# Base-LLM", "", lines[header], lines[header + 1], *rows, ""]), encoding="utf-8")
        (tmp_path / "list-rows" / "base-llm.yaml").write_text(ledger, encoding="utf-8")
        return path
    return write, tmp_path / "list-rows"


def messages(check: FileCheck) -> list[str]:
    return [f"{problem.line}: {problem.message}" for problem in check.problems]


def test_a_held_row_has_no_problem(mini, catalog):
    write, ledger = mini
    check = checked(write(ROW), catalog, ledger)
    assert (check.rows, check.drafted, messages(check)) == (1, 1, [])


def test_a_changed_url_or_name_is_reported(mini, catalog):
    write, ledger = mini
    changed = ROW.replace("arxiv.org/abs/2309.16609", "arxiv.org/abs/2309.16699").replace("Qwen-Base", "Qwen-Bass")
    found = messages(checked(write(changed), catalog, ledger))
    assert found == [f"5: 'Qwen-Bass': no model 'qwen-bass-{size}' in the catalogue (and the row is not in the ledger)"
           for size in ("1.8b", "7b", "14b", "72b")]
    found = messages(checked(write(ROW.replace("2309.16609", "2309.16699")), catalog, ledger))
    assert len(found) == 4 and all("link Paper https://arxiv.org/abs/2309.16699 missing" in m for m in found)
    found = messages(checked(write(ROW.replace("2023-12", "2023-11")), catalog, ledger))
    assert len(found) == 4 and all("release '2023-11' is '2023-12' in the card" in m for m in found)


def test_the_ledger_is_held_to_the_row(mini, catalog):
    write, ledger = mini
    taken = "- line: 5\n  row: Qwen-Base\n  taken_as: [qwen-base-1.8b]\n"
    check = checked(write(ROW, ledger=taken), catalog, ledger)
    assert (check.taken_by_hand, messages(check)) == (1, [])
    wrong_row = taken.replace("row: Qwen-Base", "row: Qwen-Chat")
    assert messages(checked(write(ROW, ledger=wrong_row), catalog, ledger)) == [
        "5: the ledger names the row 'Qwen-Chat', the file has 'Qwen-Base'"]
    moved_url = ROW.replace("github.com/QwenLM/Qwen)", "github.com/QwenLM/Qwen-7B)")
    assert messages(checked(write(moved_url, ledger=taken), catalog, ledger)) == [
        "5: 'Qwen-Base': link https://github.com/QwenLM/Qwen-7B is in none of ['qwen-base-1.8b']"]
    unknown = taken.replace("qwen-base-1.8b", "qwen-base-3b")
    assert messages(checked(write(ROW, ledger=unknown), catalog, ledger)) == [
        "5: 'Qwen-Base' taken as 'qwen-base-3b', which is not in the catalogue"]
    misnamed = taken.replace("row: Qwen-Base", "row: Qwen-Bass")
    assert messages(checked(write(ROW.replace("Qwen-Base", "Qwen-Bass"), ledger=misnamed), catalog, ledger)) == [
        "5: 'Qwen-Bass' is the name of none of ['qwen-base-1.8b'] (nor a correction's listed value)"]
    assert messages(checked(write(ROW.replace("Qwen-Base", "qwen base"), ledger=taken.replace(
        "row: Qwen-Base", "row: qwen base")), catalog, ledger)) == []  # case and punctuation aside
    not_taken = "- line: 5\n  row: Qwen-Base\n  not_taken: an example of a reason\n"
    assert checked(write(ROW, ledger=not_taken), catalog, ledger).not_taken == 1
    stray = taken + "- line: 3\n  row: x\n  not_taken: y\n"
    check = checked(write(ROW, ledger=stray), catalog, ledger)
    assert [str(p) for p in check.problems] == [f"{ledger / 'base-llm.yaml'}:4: line 3 of base-llm.md is not a table row"]


def test_a_row_nobody_took_is_reported(mini, catalog):
    write, ledger = mini
    short = "| Qwen-Base | 1.8B | 2023-12 |"
    found = messages(checked(write(short), catalog, ledger))
    assert found == ["5: 'Qwen-Base' is not read by the importer and not in base-llm.yaml"]
    with_reason = "- line: 5\n  row: Qwen-Base\n  not_taken: the row lost its cells\n"
    assert messages(checked(write(short, ledger=with_reason), catalog, ledger)) == []
