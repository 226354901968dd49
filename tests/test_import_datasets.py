"""The list's 中文指令数据集 table is drafted into the instruction-dataset registry, not refused, and
the registry holds every row of the 2026 list as the importer drafts it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cnplm.cli import import_report
from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf

SNAPSHOT = Path(__file__).parent / "data" / "upstream-2026-06-19"
DATASETS_FILE = SNAPSHOT / "docs" / "chinese-instruct-datasets.md"


@pytest.fixture(scope="module")
def catalog(project_root):
    return load_catalog(sources_from_conf(project_root))[0]


@pytest.fixture(scope="module")
def drafted(catalog):
    return import_report(DATASETS_FILE, catalog, set(catalog.models))[0]


def test_every_dataset_row_is_drafted_with_its_cells(drafted):
    assert len(drafted.datasets) == 38
    assert not [p for p in drafted.problems if ":4" in p and "not drafted" in p]
    by_id = {entry["id"]: entry for entry in drafted.datasets}
    assert by_id["safety-prompts"]["links"][-1] == {"kind": "homepage", "label": "评测平台",
                                                    "url": "http://115.182.62.166:18000/"}
    assert by_id["gpt-4-llm"]["links"][-1]["kind"] == "paper" and "remarks" not in by_id["gpt-4-llm"]
    assert "size" not in by_id["alpaca-cot"] and "size" not in by_id["oasst1"]  # "/." and "/" give no size
    assert by_id["sharegpt-cn"]["name"] == "shareGPT_cn"  # Markdown escapes decoded
    assert by_id["bactrian-x"]["languages"] == ["multilingual"]
    # the empty [dataset]() link is left out, the project link kept
    assert [link["kind"] for link in by_id["alpaca-chinese-dataset"]["links"]] == ["repository"]


def test_the_registry_holds_every_drafted_row(catalog, drafted):
    assert [entry["id"] for entry in drafted.datasets] == list(catalog.datasets)
    for entry in drafted.datasets:
        dataset = catalog.datasets[entry["id"]]
        assert dataset.name == entry["name"] and dataset.size == entry.get("size", "")
        assert dataset.release == entry.get("release") and list(dataset.languages) == entry.get("languages", [])
        assert [(link.kind, link.label, link.url) for link in dataset.links] == \
            [(link["kind"], link["label"], link["url"]) for link in entry["links"]]
        assert dataset.remarks == entry.get("remarks", "")


def test_other_awesome_lists_are_reported_not_drafted(catalog):
    report, _ = import_report(SNAPSHOT / "docs" / "other-awesome.md", catalog, set(catalog.models))
    assert report.datasets == [] and report.unread_rows == 52
    assert all("a list of other awesome lists" in problem for problem in report.problems)


def cli(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cnplm", *arguments], capture_output=True, text=True, cwd=cwd,
                          env={"PYTHONPATH": str(cwd / "_ext")})


def test_cli_drafts_the_registry_and_adds_only_new_entries(project_root, tmp_path):
    out = tmp_path / "drafts"
    first = cli("import", str(DATASETS_FILE), "--out", str(out), cwd=project_root)
    assert "Traceback" not in first.stderr
    assert "38 instruction datasets drafted, 38 added" in first.stdout
    registry = out / "datasets.yaml"
    text = registry.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and "&id" not in text  # no YAML aliases
    # a registry that lost an entry gets it back, the others (and the comments) kept as they are
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == "- id: oasst1")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- id:"))
    registry.write_text("".join(lines[:1]) + "# kept comment\n" + "".join(lines[1:start] + lines[end:]),
                        encoding="utf-8")
    again = cli("import", str(DATASETS_FILE), "--out", str(out), cwd=project_root)
    assert "38 instruction datasets drafted, 1 added" in again.stdout and "oasst1" in again.stdout
    assert "# kept comment" in registry.read_text(encoding="utf-8")
    assert "0 added" in cli("import", str(DATASETS_FILE), "--out", str(out), cwd=project_root).stdout


def test_the_snapshot_check_holds_dataset_rows_against_the_registry(catalog, project_root):
    """The dataset rows are held by the importer's ids; a registry entry that lost a cell is noticed."""
    import dataclasses

    from cnplm.awesome.snapshot_fidelity import check_file
    from cnplm.cli import read_list_file

    parsed, report, _ = read_list_file(DATASETS_FILE, catalog, set())
    ledger_dir = project_root / "docs" / "data" / "list-rows"
    dataset_lines = [line for line, ids in report.row_ids.items() if ids[0] in catalog.datasets]
    assert len(dataset_lines) == 38
    problems = [p for p in check_file(DATASETS_FILE, parsed, report, catalog, ledger_dir).problems
                if p.line in dataset_lines]
    assert problems == []
    coig = catalog.datasets["coig"]
    changed = dataclasses.replace(catalog, datasets={**catalog.datasets, "coig": dataclasses.replace(
        coig, size="2M", links=coig.links[1:])})
    messages = [p.message for p in check_file(DATASETS_FILE, parsed, report, changed, ledger_dir).problems
                if p.line in dataset_lines]
    assert any("coig: size '200K' is '2M'" in m for m in messages)
    assert any(m.startswith("coig: link dataset https://huggingface.co/datasets/BAAI/COIG missing") for m in messages)
