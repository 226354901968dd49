"""The 2026 list's 大模型评估基准 section (README, headings and link lines, not table rows, so outside
`cnplm snapshot`): every benchmark it names is in docs/data/benchmarks.yaml with the list's links."""

from __future__ import annotations

import re
from pathlib import Path

from cnplm.awesome.awesome_list import Cell
from cnplm.data.loading import load_catalog
from cnplm.data.settings import sources_from_conf

README = Path(__file__).parent / "data" / "upstream-2026-06-19" / "README.md"
# the list's 官方网站 link of FlagEval is C-Eval's site, copied from the row above (see benchmarks.yaml)
LIST_MISTAKES = {("FlagEval", "https://cevalbenchmark.com/")}


def listed_benchmarks(text: str) -> dict[str, list[str]]:
    section = text.split("\n## 大模型评估基准\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.split(r"(?m)^### \d+\.\s*(.+)$", section)[1:]
    return {name.strip(): [link.url for link in Cell(" ".join(body.split())).links if link.url.startswith("http")]
            for name, body in zip(blocks[::2], blocks[1::2], strict=True)}


def test_every_listed_benchmark_is_in_the_registry_with_its_links(project_root):
    catalog = load_catalog(sources_from_conf(project_root))[0]
    listed = listed_benchmarks(README.read_text(encoding="utf-8"))
    assert len(listed) == 7
    by_name = {name: benchmark for benchmark in catalog.benchmarks.values()
               for name in (benchmark.name, benchmark.name_zh) if name}
    for name, urls in listed.items():
        benchmark = by_name[name]
        own = {link.url for link in benchmark.links}
        assert [url for url in urls if url not in own and (name, url) not in LIST_MISTAKES] == [], name
    assert "https://flageval.baai.ac.cn/" in {link.url for link in by_name["FlagEval"].links}
