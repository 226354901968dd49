"""The six seed errors of the 2022 list that issue 8 left open, each closed with its evidence:
reverting any of these fixes makes its test fail."""

from __future__ import annotations

import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from cnplm.awesome.awesome_list import parse_awesome_list
from cnplm.awesome.readme import render_readme
from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf

LIST_COPY = Path(__file__).parent / "data" / "awesome-list.md"
NEZHA_PORT = "https://github.com/lonePatient/NeZha_Chinese_PyTorch"


@pytest.fixture(scope="module")
def catalog(project_root):
    return load_catalog(sources_from_conf(project_root))[0]


def evidence(family, listed: str) -> str:
    [correction] = [c for c in family.corrections if c.listed == listed]
    assert correction.source.startswith("https://github.com/"), correction
    return correction.source


def test_nezha_pytorch_column_is_a_code_repository_and_the_weights_are_linked(catalog):
    family = catalog.families["nezha"]
    assert "lonePatient/NeZha_Chinese_PyTorch" in evidence(family, NEZHA_PORT)
    for model_id in ("nezha-base", "nezha-base-wwm", "nezha-large", "nezha-large-wwm"):
        model = catalog.models[model_id]
        [port] = [link for link in model.links if link.url == NEZHA_PORT]
        assert port.kind == "homepage" and port.framework == "pytorch", model_id
        weights = [link for link in model.links if link.kind == "download" and link.framework == "pytorch"]
        assert len(weights) == 1 and weights[0].url.startswith("https://pan.baidu.com/") and weights[0].code, model_id
        assert any("lonePatient/NeZha_Chinese_PyTorch/blob/" in source.url for source in model.sources), model_id
    # the regenerated README keeps the repository in the PyTorch column, beside the converted weights
    readme = render_readme(catalog)
    assert "| NEZHA | 介绍 |" not in readme and f"[lonePatient]({NEZHA_PORT})<br>[百度网盘-hckq]" in readme


def test_the_gpt_3_section_is_thudm_s_chinese_transformer_xl(catalog):
    family = catalog.families["gpt-3"]
    assert (family.name, family.name_zh) == ("Chinese-Transformer-XL", "文汇")
    assert "THUDM/Chinese-Transformer-XL" in evidence(family, "GPT-3")
    assert "Transformer-XL" in family.description and "不是 OpenAI 的 GPT-3" in family.description
    assert "\n### GPT-3\n" in render_readme(catalog)  # the list's section and its anchor #GPT-3 stay


def test_structbert_link_is_one_weights_file_not_a_folder(catalog):
    model = catalog.models["structbert-large"]
    [link] = model.links
    assert link.url.endswith("/StructBERT/ch_model") and "不是文件夹" in (link.remarks or "")
    assert {"AliceMind", "MuCGEC"} <= {part for source in model.sources for part in source.url.split("/")}


def test_the_uer_log_entry_names_t5_small_uer_too(catalog):
    [entry] = [e for e in catalog.updates if e.text == "增加UER系列模型"]
    assert set(entry.families) == {"roberta", "t5"}
    assert "t5-small-uer" in entry.correction and "5648ddc7add1aefecdf081b99296d15af3c65be3" in entry.correction
    assert catalog.models["t5-small-uer"].author_as_listed.label == "DBIIR @ RUC"


def test_jd_cloud_link_is_marked_as_an_expired_presigned_url(catalog):
    model = catalog.models["baai-jdai-bert"]
    [link] = [link for link in model.links if "Expires=" in link.url]  # the 2026 list gives it unsigned
    expires = int(parse_qs(urlparse(link.url).query)["Expires"][0])
    expired_on = datetime.datetime.fromtimestamp(expires, datetime.UTC).date()
    assert expired_on == datetime.date(2021, 10, 15)
    assert expired_on.isoformat() in (link.remarks or "")
    assert any("jd-aig/nlp_baai/blob/" in source.url for source in model.sources)


def test_cdial_gpt_lccc_large_is_base_sized(catalog):
    model = catalog.models["cdial-gpt-lccc-large"]
    assert model.parameters == 95_500_000 and model.size is None
    family = catalog.families["gpt"]
    source = evidence(family, "large")
    assert "/blob/8739ba8af4366706b8b954db61dd9be3c2dba915/" in source
    assert family.version_shown(model) != "large"
    parsed = parse_awesome_list(LIST_COPY.read_text(encoding="utf-8"))
    assert any("| CDial-GPTLCCC-large | large |" in line for line in LIST_COPY.read_text(encoding="utf-8").splitlines())
    assert parsed.families  # the list itself keeps its value; the correction holds it
