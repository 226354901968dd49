"""Today's changelog names models by writing their names: each entry is linked to the families and
models of the catalogue it names, and merging the log keeps what people wrote by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnplm.awesome.log_links import name_index, named_in
from cnplm.awesome.update import merge_log
from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf


@pytest.fixture(scope="module")
def catalog(project_root: Path):
    return load_catalog(sources_from_conf(project_root))[0]


def test_names_in_chinese_text_are_found_on_their_own(catalog):
    index = name_index(catalog)
    assert named_in("初始化BERT系列模型BERT", index)[0] == ["bert"]  # no space between 模型 and BERT
    families, models = named_in("增加DeepSeek-V4-Pro, DeepSeek-V4-Flash、MiMo-V2.5-Pro", index)
    assert families == ["deepseek-v4", "mimo"]
    assert {"deepseek-v4-pro", "deepseek-v4-flash"} <= set(models)
    assert named_in("增加Qwen2.5", index)[0] == ["qwen2.5"]  # not Qwen2: a longer name is not its prefix
    assert named_in("增加Qwen1.5-110B, Ziya2-13B-Base", index)[0] == ["qwen1.5", "ziya2"]  # a size after a name
    assert named_in("BERTology", index) == ([], [])


def test_every_changelog_entry_is_in_the_update_log_and_most_name_what_they_add(catalog):
    assert len(catalog.updates) == 202
    linked = [entry for entry in catalog.updates if entry.families]
    assert len(linked) >= 190  # 184 of 202 by name, 11 by hand, when written
    unlinked = {entry.text[:12] for entry in catalog.updates if not entry.families}
    assert "增加Huatuo-o1" not in unlinked and "增加Meta-llama3.1" not in unlinked


def test_entries_that_spell_a_name_otherwise_are_linked_by_hand(catalog):
    by_text = {entry.text: entry for entry in catalog.updates}
    assert by_text["增加Huatuo-o1"].families == ("huatuogpt-o1",)
    assert "deepseek-v3.2" in by_text["增加[deepseek-3.2]"].models


def test_merging_keeps_hand_made_fields_and_adds_what_is_new():
    existing = [{"date": "2021-03-09", "families": ["uer"], "text": "增加UER系列模型", "correction": "also t5"}]
    drafted = [{"date": "2021-03-09", "families": ["roberta"], "models": ["uer-base", "roberta-base"],
                "text": "增加UER系列模型"},
               {"date": "2026-05-03", "families": ["x"], "models": ["x-1b"], "text": "增加X"},
               {"date": "2026-04-01", "families": ["y"], "models": ["y-2b"], "text": "增加Y"}]
    existing.append({"date": "2026-04-01", "families": [], "text": "增加Y"})  # linked to nothing yet
    family_of = {"uer-base": "uer", "roberta-base": "roberta", "x-1b": "x", "y-2b": "y"}
    drafted.append({"date": "2021-03-09", "families": [], "text": "增加UER"})  # a shortened copy (the README's)
    merged, new = merge_log(existing, drafted, family_of)
    assert new == 1 and len(merged) == 3
    assert merged[0] == {"date": "2026-05-03", "families": ["x"], "models": ["x-1b"], "text": "增加X"}
    assert merged[1] == {"date": "2026-04-01", "families": ["y"], "models": ["y-2b"], "text": "增加Y"}
    # hand-made families kept; only the models of its own families added
    assert merged[2] == {"date": "2021-03-09", "families": ["uer"], "text": "增加UER系列模型",
                         "correction": "also t5", "models": ["uer-base"]}
