"""Today's list (the 2026-06-19 snapshot under tests/data/): every file imports without a traceback,
and every row of its Markdown tables is either drafted or reported with its file:line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cnplm.awesome.awesome_list import parse_awesome_list
from cnplm.awesome.llm_rows import checkpoint_sizes
from cnplm.cli import import_report
from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf

SNAPSHOT = Path(__file__).parent / "data" / "upstream-2026-06-19"
FILES = sorted([SNAPSHOT / "README.md", *(SNAPSHOT / "docs").glob("*.md")])
DELIMITER = re.compile(r"\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?")
LOCATED = re.compile(r"^.+\.md:\d+: .+")


def markdown_table_rows(path: Path) -> int:
    """Body rows of the file's pipe tables, counted from the text (not by the parser under test)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(1 for index, line in enumerate(lines)
               if line.lstrip().startswith("|") and not DELIMITER.fullmatch(line.strip())
               and not (index + 1 < len(lines) and DELIMITER.fullmatch(lines[index + 1].strip())))


@pytest.fixture(scope="module")
def catalog(project_root):
    return load_catalog(sources_from_conf(project_root))[0]


@pytest.fixture(scope="module")
def reports(catalog):
    return {path.name: import_report(path, catalog, set(catalog.models)) for path in FILES}


def test_every_row_is_drafted_or_reported_with_its_line(reports):
    assert len(reports) == 15
    total = 0
    for path in FILES:
        report, _ = reports[path.name]
        rows = markdown_table_rows(path)
        assert report.drafted_rows + report.unread_rows == rows, path.name
        assert all(LOCATED.match(problem) for problem in report.problems), path.name
        unread = [p for p in report.problems if "not read" in p or "not drafted" in p]
        assert len(unread) == report.unread_rows, path.name
        total += rows
    assert total == 875
    assert sum(reports[name][0].drafted_rows for name in reports) >= 570


def test_today_s_format_is_read(reports):
    nlu, _ = reports["nlu-models.md"]
    bert = next(card for card in nlu.cards if card["id"] == "bert")
    assert bert["category"] == "nlu" and bert["models"][0]["name"] == "BERT-Base"
    # a row that lost a cell in the middle is reported, never guessed
    assert any(p.endswith("nlu-models.md:157: row has 6 cells, its header 7 (应用领域 missing): "
                          "not read (cells would be guessed)") for p in nlu.problems)
    base, _ = reports["base-llm.md"]
    llama = [m for card in base.cards if card["name"] == "meta-llama-3.1" for m in card["models"]]
    assert [m["parameters"] for m in llama] == [8e9, 70e9, 405e9]
    assert all(m["release"] == "2024-07" and m["languages"] == ["multilingual"] for m in llama)
    xverse = next(card for card in base.cards if card["name"] == "XVERSE-MoE")["models"]
    assert [(m["parameters"], m.get("active_parameters"), m.get("mixture_of_experts")) for m in xverse] == \
        [(255e9, 36e9, True)]
    embedding, _ = reports["embedding.md"]
    qwen = next(card for card in embedding.cards if card["name"] == "Qwen3-Embedding")["models"]
    assert qwen[0]["huggingface"] == "Qwen/Qwen3-Embedding-0.6B" and qwen[0]["kind"] == "embedding"
    assert {m["parameters"] for m in qwen} == {0.6e9, 4e9, 8e9}
    assert qwen[0]["links"][0]["label"] == "🤗HF"  # written [\[🤗HF\]](…)
    # its delimiter row has one cell more than its header: read by the header's 10 columns, warned
    domain_chat, _ = reports["domain-chat-llm.md"]
    assert domain_chat.problems[0].endswith("domain-chat-llm.md:11: delimiter row has 11 cells, its header 10: "
                                            "GitHub shows no table; read by its 10 named columns")
    assert (domain_chat.drafted_rows, domain_chat.unread_rows) == (92, 7)
    coder = next(card for card in domain_chat.cards if card["name"] == "Qwen3-Coder")["models"]
    assert coder[0]["architecture"] == "decoder" and coder[0]["links"][-1]["url"] == "https://arxiv.org/abs/2505.09388"
    assert any(p.endswith("domain-chat-llm.md:24: row has 8 cells, its header 10 (架构, 文献 missing): "
                          "not read (cells would be guessed)") for p in domain_chat.problems)


DELIMITER_TABLES = """## Domain-ChatLLM

| 模型 | 大小 | 时间 | 备注 |
| - | - | - | - | :- |
| A | 7B | 2024-01 | x |
| B | 7B | 2024-02 | y | z |
| C | 7B |

| 模型 | 大小 | 时间 | 备注 |
| - | - | - |
| D | 7B | 2024-03 | x |
"""


def test_a_delimiter_row_longer_than_its_header_is_read_by_the_header():
    parsed = parse_awesome_list(DELIMITER_TABLES)
    table = parsed.categories[0].tables[0]
    assert table.header == ["模型", "大小", "时间", "备注"] and [row[0].text for row in table.rows] == ["A"]
    assert table.lines == [5]
    assert [p.line for p in parsed.warnings] == [4] and "its header 4: GitHub shows no table" in parsed.warnings[0].message
    assert [p.line for p in parsed.problems] == [6, 7, 11]
    assert parsed.problems[0].message.startswith("row has 5 cells, its header 4")  # the unnamed column: not guessed
    assert parsed.problems[2].message.startswith("not a table: its header has 4 cells, its delimiter row 3")
    assert parsed.table_rows == 4


def test_the_changelog_in_today_s_format(reports):
    _, log = reports["changelog.md"]
    assert len(log) == 200
    assert log[0]["date"] == "2026-05-03" and log[-1]["date"] == "2020-11-11"
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]) for entry in log)


def test_sizes_split_into_checkpoints():
    assert checkpoint_sizes("8B / 70B / 405B") == [(8e9, None), (70e9, None), (405e9, None)]
    assert checkpoint_sizes("0.6/4/8B") == [(0.6e9, None), (4e9, None), (8e9, None)]
    assert checkpoint_sizes("35B-A3B") == [(35e9, 3e9)]
    # an active count without a unit in a trillion-parameter cell is in billions (Kimi K2.6: 32B of 1T)
    assert checkpoint_sizes("A32/1T") == [(1e12, 32e9)] and checkpoint_sizes("A49/1.6T") == [(1.6e12, 49e9)]
    assert checkpoint_sizes("A32/355B") == [(355e9, 32e9)] and checkpoint_sizes("1T / A32B") == [(1e12, 32e9)]
    assert checkpoint_sizes("0.5~72B (7档)") is None and checkpoint_sizes("large") is None


def test_markdown_escapes_entities_and_links_with_parentheses():
    text = ("## NLU系列\n\n### X\n\n| 模型 | 版本 | PyTorch | 作者 | 源地址 | 应用领域 |\n| - | - | - | - | - | - |\n"
            "| A\\_B &amp; C | base | [\\[🤗HF\\]](https://huggingface.co/a/b_(c)) | / | - | 通用 |\n\n"
            "## 更新\n\n- 2022.11.9 增加[X](#X)\n")
    parsed = parse_awesome_list(text)
    row = parsed.families[0].table.rows[0]
    assert row[0].text == "A_B & C" and row[3].empty and row[4].empty
    assert row[2].links[0].url == "https://huggingface.co/a/b_(c)" and row[2].links[0].label == "🤗HF"
    assert parsed.log[0].date == "2022-11-09"


def cli(*arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cnplm", *arguments], capture_output=True, text=True, cwd=cwd,
                          env={"PYTHONPATH": str(cwd / "_ext")})


def test_cli_exit_status_and_the_log(project_root, tmp_path):
    drafted = cli("import", str(SNAPSHOT / "docs" / "nlu-models.md"), "--out", str(tmp_path / "cards"),
                  cwd=project_root)
    assert drafted.returncode == 1 and "not read" in drafted.stderr  # some rows could not be read
    assert "Traceback" not in drafted.stderr and (tmp_path / "cards" / "zen.yaml").exists()
    log = cli("import", str(SNAPSHOT / "docs" / "changelog.md"), "--out", str(tmp_path / "cards"),
              "--log", str(tmp_path / "updates.yaml"), cwd=project_root)
    assert log.returncode == 0, log.stderr
    assert "date: '2022-11-09'" in (tmp_path / "updates.yaml").read_text(encoding="utf-8") or \
        "2022-11-09" in (tmp_path / "updates.yaml").read_text(encoding="utf-8")
    empty = tmp_path / "empty.md"
    empty.write_text("# nothing here\n", encoding="utf-8")
    assert cli("import", str(empty), "--out", str(tmp_path / "cards"), cwd=project_root).returncode == 1


def test_a_table_without_domain_column_gives_general(reports):
    nlu, _ = reports["nlu-models.md"]
    m3e = next(card for card in nlu.cards if card["id"] == "m3e")
    assert {(model["domain"], "domain_as_listed" in model) for model in m3e["models"]} == {("general", False)}
    assert not [problem for problem in nlu.problems if "unknown domain ''" in problem]
