"""Search in the browser: Chinese and Latin queries find the page a reader means."""

from __future__ import annotations

import pytest

from helpers_browser import console_errors, search_results

# query -> the pages a reader means; one of them must be among the first three results
MEANT = {
    "古文": "indexes/domain.html",
    "MacBERT": "families/macbert.html",
    "二郎神": "families/erlangshen.html",
    "盘古": "families/pangu-alpha.html",
    "文澜": "families/wenlan.html",
    "哈工大": "indexes/organisation.html",
    "华为": ("families/pangu-alpha.html", "families/nezha.html", "indexes/organisation.html"),
    "鹏城": "families/pangu-alpha.html",
    "司法": "indexes/domain.html",
}


@pytest.mark.parametrize("query", MEANT)
def test_query_finds_the_meant_page_among_the_first_three(browser, site_url, query):
    results = search_results(browser, site_url, query)
    meant = MEANT[query] if isinstance(MEANT[query], tuple) else (MEANT[query],)
    assert any(href.startswith(meant) for href in results[:3]), results[:5]
    assert console_errors(browser) == []


def test_no_result_twice(browser, site_url):
    for query in ("MacBERT", "二郎神"):
        results = search_results(browser, site_url, query)
        assert len(results) == len(set(results)), results
