"""``cnplm import --update``: new, changed, renamed and vanished rows reported; the list's cells merged
into the cards; hand-made fields (corrections, sources, descriptions) untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

from cnplm.awesome.awesome_list import parse_awesome_list
from cnplm.awesome.importer import import_list
from cnplm.awesome.update import update_cards

NEWER_LIST = """## NLU系列

### MacBERT

| 模型 | 版本 | TensorFlow | PyTorch | 作者 | 源地址 | 应用领域 |
| ---- | ---- | ---- | ---- | ---- | ---- | ---- |
| MacBERT-base | base(L12) | [Google Drive](https://drive.google.com/file/d/1aV69OhYzIwj_hn-kO1RiBa-m8QAusQ5b/view?usp=sharing)<br>[讯飞云-E2cP](http://pan.iflytek.com/#/link/OLD) | | [Yiming Cui](https://github.com/ymcui) | [github](https://github.com/ymcui/MacBERT) | 通用 |
| MacBERT-large-v2 | large | | [百度网盘-8qvb](https://pan.baidu.com/s/1example) | [Yiming Cui](https://github.com/ymcui) | | 司法领域 |
| MacBERT-xl | xlarge | | [🤗HF](https://huggingface.co/hfl/x) | [Yiming Cui](https://github.com/ymcui) | | 通用 |
"""


def test_update_reports_and_merges_keeping_hand_made_fields(tmp_path: Path, rootdir: Path):
    cards = tmp_path / "cards"
    shutil.copytree(rootdir / "test-basic" / "cards", cards)
    card = cards / "macbert.yaml"
    card.write_text("# hand-made comment\n" + card.read_text(encoding="utf-8"), encoding="utf-8")
    report = import_list(parse_awesome_list(NEWER_LIST), {}, {"通用": "general", "司法领域": "legal"},
                         categories={"NLU系列": "nlu"})
    result = update_cards(report.cards, cards, "../schema.json")
    assert result.renamed == ["macbert/macbert-large: 'MacBERT-large' -> 'MacBERT-large-v2'"]
    assert result.new == ["macbert/macbert-xl"]
    assert "macbert/macbert-base: version" in result.changed and "macbert/macbert-large: name" in result.changed
    assert result.vanished == []
    # the list still has the link the card corrects: the correction wins, the list's value is kept in it
    assert result.kept == [] and "macbert/macbert-base: links" not in result.changed
    text = card.read_text(encoding="utf-8")
    assert "# hand-made comment" in text and "name: MacBERT-large-v2" in text and "version: base(L12)" in text
    assert "description: 以纠错型掩码语言模型" in text and "corrections:" in text and "sources:" in text
    assert "http://pan.iflytek.com/#/link/CF2A1F9AEBF859650E8956854A994C1B" in text
    dry = update_cards(report.cards, cards, "../schema.json", write=False)
    assert dry.changed == [] and dry.new == []  # everything merged already


def test_update_reports_vanished_rows(tmp_path: Path, rootdir: Path):
    cards = tmp_path / "cards"
    shutil.copytree(rootdir / "test-basic" / "cards", cards)
    only_base = "\n".join(line for line in NEWER_LIST.splitlines() if "large" not in line and "xl" not in line)
    report = import_list(parse_awesome_list(only_base), {}, {"通用": "general"}, categories={"NLU系列": "nlu"})
    result = update_cards(report.cards, cards, "../schema.json", write=False)
    assert result.vanished == ["macbert/macbert-large"]
    assert "macbert-large" in (cards / "macbert.yaml").read_text(encoding="utf-8")  # reported, never deleted
