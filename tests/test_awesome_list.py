"""The awesome-list parser and the importer that drafts cards from it."""

from __future__ import annotations

from cnplm.awesome.awesome_list import Cell, parse_awesome_list, split_row
from cnplm.data.hosts import host_of, split_extraction_code
from cnplm.awesome.importer import ImportReport, import_list, import_log, parse_version

SNIPPET = """# List

## NLU系列

### MacBERT

+ 2020 | Revisiting Pre-Trained Models for Chinese Natural Language Processing | Yiming Cui, et al. | arXiv | [`PDF`](https://arxiv.org/pdf/2004.13922.pdf)

| 模型 | 版本 | TensorFlow | PyTorch | 作者| 源地址 | 应用领域 |
| ---- | ---- | ---- | ---- | ---- | ---- | ---- |
| MacBERT-base  | base(L12)  | <p>[Google Drive](https://drive.google.com/x)<br>[讯飞云-E2cP](http://pan.iflytek.com/#/link/CF)</p> | | [Yiming Cui](https://github.com/ymcui) | [github](https://github.com/ymcui/MacBERT) | 中文通用 |
| MacBERT-base | large | | [huggingface](https://huggingface.co/hfl/chinese-macbert-large) | [Yiming Cui](https://github.com/ymcui) | [github](https://github.com/ymcui/MacBERT) | 司法领域 |

备注:

> PaddlePaddle转PyTorch可参考: [ERNIE-Pytorch](https://github.com/nghuyong/ERNIE-Pytorch)

## 更新

* 2021.05.25 增加[ERNIE-Gram]((#MacBERT))
* 2021.03.09 增加[RWKV](#RWKV) 地址：[RWKV-LM](https://github.com/BlinkDL/RWKV-LM)
"""


def test_parser_reads_sections_papers_rows_notes_and_log():
    parsed = parse_awesome_list(SNIPPET)
    [section] = parsed.families
    assert section.heading == "MacBERT"
    assert section.papers[0].year == "2020" and section.papers[0].link.url.endswith("2004.13922.pdf")
    assert len(section.table.rows) == 2
    assert section.notes == ["PaddlePaddle转PyTorch可参考: [ERNIE-Pytorch](https://github.com/nghuyong/ERNIE-Pytorch)"]
    assert [line.date for line in parsed.log] == ["2021-05-25", "2021-03-09"]


def test_cells_split_html_and_links():
    cell = Cell("<p>WoNEZHA</br>(word-base)</p>")
    assert cell.text == "WoNEZHA (word-base)"
    assert split_row("| a | [x](http://y) | |") == ["a", "[x](http://y)", ""]


def test_version_cells_are_normalised():
    assert parse_version("base(L12)") == {"size": "base", "layers": 12}
    assert parse_version("3层large") == {"size": "large", "layers": 3}
    assert parse_version("middle") == {"size": "medium"}
    assert parse_version("29亿参数(GPT-3)") == {"parameters": 2_900_000_000}
    assert parse_version("30亿语料") == {}


def test_extraction_codes_and_hosts():
    assert split_extraction_code("百度网盘-8qvb") == ("百度网盘", "8qvb")
    assert split_extraction_code("Google Drive") == ("Google Drive", None)
    assert host_of("https://storage.googleapis.com/bert_models/x.zip").id == "google-cloud-storage"
    assert host_of("https://thunlp.oss-cn-qingdao.aliyuncs.com/bert/ms.zip").id == "aliyun-oss"
    assert host_of("https://example.org/x").id == "other"


def test_importer_drafts_cards_with_unique_ids_hub_ids_and_codes():
    parsed = parse_awesome_list(SNIPPET)
    report = import_list(parsed, {"2004.13922": "cui2020macbert"}, {"中文通用": "general", "司法领域": "legal"},
                         categories={"NLU系列": "nlu"})
    [card] = report.cards
    assert card["id"] == "macbert" and card["category"] == "nlu" and card["papers"] == ["cui2020macbert"]
    base, large = card["models"]
    assert (base["id"], large["id"]) == ("macbert-base", "macbert-base-large")
    assert base["links"][1] == {"kind": "download", "framework": "tensorflow", "label": "讯飞云",
                                "url": "http://pan.iflytek.com/#/link/CF", "code": "E2cP"}
    assert large["huggingface"] == "hfl/chinese-macbert-large"
    assert (base["domain"], base["domain_as_listed"]) == ("general", "中文通用")
    assert report.organisations["ymcui"] == {"id": "ymcui", "name_en": "Yiming Cui", "kind": "institution?",
                                             "listed_as": ["Yiming Cui"], "url": "https://github.com/ymcui"}
    assert base["author_as_listed"] == {"label": "Yiming Cui", "url": "https://github.com/ymcui"}
    assert card["notes"][0]["links"][0]["label"] == "ERNIE-Pytorch"
    assert report.problems == []


def test_importer_reports_what_it_cannot_map():
    parsed = parse_awesome_list(SNIPPET)
    report = import_list(parsed, {}, {"中文通用": "general"}, categories={"NLU系列": "nlu"})
    assert "<list>:7: MacBERT: no BibTeX entry for 'Revisiting Pre-Trained Models for Chinese Natural Language Processing'" \
        in report.problems
    assert "<list>:12: unknown domain '司法领域'" in report.problems
    assert report.missing_papers == ["2020 | Revisiting Pre-Trained Models for Chinese Natural Language Processing | "
                                     "https://arxiv.org/pdf/2004.13922.pdf"]


def test_log_import_resolves_broken_anchors_and_keeps_external_links():
    report = ImportReport()
    entries = import_log(parse_awesome_list(SNIPPET), report)
    assert entries[0]["families"] == ["macbert"]  # '((#MacBERT))' still names the family
    assert entries[1]["links"] == [{"label": "RWKV-LM", "url": "https://github.com/BlinkDL/RWKV-LM"}]
    assert report.problems == ["<list>:21: log 2021-03-09: anchor '#RWKV' names no family"]
