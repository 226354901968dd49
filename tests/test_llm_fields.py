"""Cards for the LLM era: kind, modalities, lineage, several hub ids, languages, licence, categories
from the registry. What a reader sees, and each field's bad input reported at its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import build_copy, page, visible_text, warnings
from test_bad_input import edit, line_of, messages


TINYCHAT = Path(__file__).parent / "data" / "cards" / "tinychat.yaml"
REGISTRIES = Path(__file__).parent / "data" / "registries"  # datasets and benchmarks


def with_tinychat(rootdir: Path, target: Path) -> Path:
    """test-basic plus a card using every LLM-era field (a chat model based on a base model)."""
    shutil.copytree(rootdir / "test-basic", target)
    shutil.copyfile(TINYCHAT, target / "cards" / "tinychat.yaml")
    for name in ("datasets.yaml", "benchmarks.yaml"):
        shutil.copyfile(REGISTRIES / name, target / "data" / name)
    return target


@pytest.fixture()
def project(tmp_path: Path, rootdir: Path) -> Path:
    return with_tinychat(rootdir, tmp_path / "project")


def test_new_fields_lineage_both_ways_and_category_pages(make_app, tmp_path, rootdir):
    built = build_copy(make_app, with_tinychat(rootdir, tmp_path / "source"), tmp_path / "basic")
    assert warnings(built) == ""
    text = visible_text(page(built, "families/tinychat"))
    assert "基于 Based on : TinyChat-7B" in text
    assert "衍生模型 Derived models : TinyChat-7B-Chat" in text
    assert "类型 Kind : 多模态模型 Multi-modal" in text
    assert "模态 Modalities (in → out) : 文本 text, 图像 image → 文本 text" in text
    assert "多语言 multilingual, 29 种语言 languages" in text
    assert "example/TinyChat-7B-Chat , example/TinyChat-7B-Chat-Int4" in text
    assert "技术报告 Technical report: Technical Report" in text and "博客 Blog: Blog" in text
    markup = page(built, "families/tinychat")
    assert 'href="https://spdx.org/licenses/Apache-2.0.html"' in markup
    assert "Tiny Community License" in text  # not an SPDX id: shown as written, no link
    text = visible_text(page(built, "categories/chat-llm"))
    assert "通用对话与指令微调大模型" in text
    assert "TinyChat 2 7B" in text
    home = visible_text(page(built, "index"))
    assert "通用对话大模型 Chat LLM" in home and "1 个系列 families · 2 个模型 models" in home


def test_adding_a_category_is_a_registry_edit(make_app, project):
    """A new entry in the registry gets its page and its place on the home page, nothing else edited."""
    registry = project / "data" / "categories.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + (
        "- id: speech\n  zh: 语音\n  en: Speech\n  description: 语音模型。Speech models.\n"), encoding="utf-8")
    edit(project / "cards" / "tinychat.yaml", "category: chat-llm", "category: speech")
    app = make_app("html", srcdir=project, freshenv=True)
    app.build()
    assert warnings(app) == ""
    assert "TinyChat" in visible_text(page(app, "categories/speech"))
    assert 'href="categories/speech.html#families-speech"' in page(app, "index")


@pytest.mark.parametrize("old, new, needle, message", [
    ("category: chat-llm", "category: gossip", "category: gossip",
     "unknown category 'gossip' (known: nlu, nlg, multimodal, llm, chat-llm)"),
    ("    kind: base\n", "    kind: oracle\n", "kind: oracle", "models/0/kind: \"oracle\" is not one of"),
    ("{input: [text, image], output: [text]}", "{input: [text, smell], output: [text]}", "smell",
     "models/1/modalities/input/1: \"smell\" is not one of"),
    ("{input: [text, image], output: [text]}", "{input: [text]}", "modalities:",
     "models/1/modalities: missing required field \"output\""),
    ("base_model: tinychat-base", "base_model: tinychat-ghost", "base_model:", "unknown base model 'tinychat-ghost'"),
    ("base_model: tinychat-base", "base_model: tinychat-chat", "base_model:",
     "base_model 'tinychat-chat' leads back to 'tinychat-chat'"),
    ("[example/TinyChat-7B-Chat, example/TinyChat-7B-Chat-Int4]", "[example/TinyChat-7B-Chat, not an id]",
     "huggingface:", "models/1/huggingface/1: \"not an id\": expected a hub id owner/name"),
    ("languages: [zh, en]", "languages: [zh, Chinese]", "languages:", "models/0/languages/1: \"Chinese\" does not match"),
    ("languages: [multilingual]", "languages: [zh]", "language_count:", "language_count needs 'multilingual' in languages"),
    ("language_count: 29", "language_count: 1", "language_count:", "models/1/language_count: 1: minimum 2 not met"),
    ("licence: Apache-2.0", "licence: apache-2.0", "licence: apache", "licence 'apache-2.0': write its SPDX id 'Apache-2.0'"),
    ("architecture: dense", "architecture: tower", "architecture:", "models/0/architecture: \"tower\" is not one of"),
    ("kind: technical-report", "kind: rumour", "kind: rumour", "models/0/links/0/kind: \"rumour\" is not one of"),
    ("release: 2024-09", "release: 2024-9", "release:", "models/0/release: \"2024-9\": expected a month YYYY-MM"),
    ("context_length: 32768", "context_length: long", "context_length:", "models/1/context_length: expected a whole number, got \"long\""),
    ("category: chat-llm", "category: chat-llm\nlist_position: 0", "list_position:", "list_position: 0: minimum 1 not met"),
])
def test_bad_llm_era_fields_are_located(project, old, new, needle, message):
    card = project / "cards" / "tinychat.yaml"
    edit(card, old, new)
    found = messages(project)
    where = f"{card}:{line_of(card, needle)}: "
    assert any(m.startswith(where) and message in m for m in found), (where, message, found)


def test_indexes_by_kind_licence_and_release_year(make_app, tmp_path, rootdir):
    source = with_tinychat(rootdir, tmp_path / "source")
    (source / "llm-indexes.rst").write_text(
        ":orphan:\n\nIndexes\n=======\n\nKind\n----\n\n.. plm-index:: kind\n\nLicence\n-------\n\n"
        ".. plm-index:: licence\n\nYear\n----\n\n.. plm-index:: year\n", encoding="utf-8")
    built = build_copy(make_app, source, tmp_path / "basic")
    assert warnings(built) == ""
    markup = page(built, "llm-indexes")
    text = visible_text(markup)
    assert "多模态模型 Multi-modal ¶ 1 个模型 models · 1 个系列 families TinyChat (1)" in text
    assert "基础模型 Base ¶ 1 个模型 models" in text
    assert "Apache-2.0 ¶ https://spdx.org/licenses/Apache-2.0.html 1 个模型 models" in text
    assert "Tiny Community License ¶ 1 个模型 models" in text
    assert "2024 年 ¶ 2 个模型 models" in text
    assert 'id="licence-apache-2.0"' in markup and 'id="year-2024"' in markup


def test_datasets_and_benchmarks_are_objects_with_pages(make_app, tmp_path, rootdir):
    source = with_tinychat(rootdir, tmp_path / "source")
    (source / "resources.rst").write_text(
        ":orphan:\n\nResources\n=========\n\nSee :dataset:`fincorpus` and :benchmark:`c-eval`.\n\n"
        "Datasets\n--------\n\n.. plm-datasets::\n\nBenchmarks\n----------\n\n.. plm-benchmarks::\n",
        encoding="utf-8")
    built = build_copy(make_app, source, tmp_path / "basic")
    assert warnings(built) == ""
    markup = page(built, "resources")
    text = visible_text(markup)
    assert "See FinCorpus and C-Eval ." in text
    assert "FinCorpus 50G 2023-09 zh 度小满 dataset 金融领域" in text
    assert "C-Eval ¶ 全面的中文基础模型评估套件。 论文 Paper: 论文 报告该基准结果的模型 Models reporting it: TinyChat-7B-Chat" in text
    assert 'id="dataset-fincorpus"' in markup and 'id="benchmark-c-eval"' in markup
    family = visible_text(page(built, "families/tinychat"))
    assert "评测基准 Benchmarks : C-Eval , OpenCompass大语言模型评测 OpenCompass" in family
    from sphinx.util.inventory import InventoryFile
    inventory = InventoryFile.loads((Path(built.outdir) / "objects.inv").read_bytes(), uri="")
    assert set(inventory.data["plm:dataset"]) == {"fincorpus"}
    assert set(inventory.data["plm:benchmark"]) == {"c-eval", "opencompass"}


@pytest.mark.parametrize("registry, old, new, needle, message", [
    ("benchmarks.yaml", "url: \"https://arxiv.org/abs/2305.08322\"", "url: \"ftp://arxiv.org/x\"", "ftp://",
     "0/links/0/url: not an http(s) URL"),
    ("benchmarks.yaml", "  description: 开源评测体系。\n", "", "id: opencompass", "missing required field \"description\""),
    ("datasets.yaml", "release: 2023-09", "release: 2023-9", "release:", "0/release: \"2023-9\""),
    ("datasets.yaml", "kind: download", "kind: torrent", "kind: torrent", "0/links/0/kind: \"torrent\" is not one of"),
])
def test_bad_dataset_and_benchmark_entries_are_located(project, registry, old, new, needle, message):
    path = project / "data" / registry
    edit(path, old, new)
    found = messages(project)
    where = f"{path}:{line_of(path, needle)}: "
    assert any(m.startswith(where) and message in m for m in found), (where, message, found)


def test_a_card_naming_an_unknown_benchmark(project):
    card = project / "cards" / "tinychat.yaml"
    edit(card, "benchmarks: [c-eval, opencompass]", "benchmarks: [c-eval, mmlu-zh]")
    assert f"{card}:{line_of(card, 'benchmarks:')}: unknown benchmark 'mmlu-zh'" in messages(project)
