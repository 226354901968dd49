"""The model explorer in the browser: every model, sorting, text and facet filters, counts, URL state."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.by import By

from helpers_browser import console_errors, wait_for

UNITS = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}


@pytest.fixture(scope="module")
def catalog(site):
    from cnplm.site.state import catalog_of

    return catalog_of(site.env)


def open_explorer(driver, site_url: str, query: str = ""):
    driver.get(f"{site_url}explorer.html{query}")
    wait_for(driver, "document.getElementById('plm-explorer').dataset.ready === 'true'")


def matches(driver) -> int:
    return int(driver.find_element(By.CSS_SELECTOR, ".plm-explorer-count").get_attribute("data-matches"))


def column(driver, key: str) -> list[str]:
    index = driver.execute_script(
        "return [...document.querySelectorAll('.plm-explorer-table th')].findIndex(th => th.dataset.column === arguments[0])",
        key)
    return driver.execute_script(
        "return [...document.querySelectorAll('.plm-explorer-table tbody tr')].map(tr => tr.cells[arguments[0]].textContent)",
        index)


def click(driver, css: str) -> None:
    """Scroll an element to the middle of the view (headers beyond the table's scroll box), click it."""
    element = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element)
    element.click()


def url_state(driver) -> dict[str, list[str]]:
    return parse_qs(urlparse(driver.current_url).query)


def parameters(text: str) -> float:
    return float(text[:-1]) * UNITS[text[-1]] if text[-1] in UNITS else float(text)


def test_explorer_lists_every_model(browser, site_url, catalog):
    open_explorer(browser, site_url)
    assert matches(browser) == len(catalog.models)
    assert browser.find_element(By.CSS_SELECTOR, ".plm-explorer-count").text.startswith(f"{len(catalog.models)} /")
    assert console_errors(browser) == []


def test_text_filter_narrows_rows_and_enters_the_url(browser, site_url, catalog):
    open_explorer(browser, site_url)
    box = browser.find_element(By.ID, "plm-explorer-q")
    box.send_keys("macbert")
    wait_for(browser, f"document.querySelector('.plm-explorer-count').dataset.matches !== '{len(catalog.models)}'")
    expected = [m for m in catalog.models.values() if "macbert" in (m.id + m.name).lower()
                or "macbert" in catalog.family_of(m).title.lower()]
    assert matches(browser) == len(expected) > 0
    assert all("macbert" in name.lower() or "macbert" in family.lower()
               for name, family in zip(column(browser, "name"), column(browser, "family")))
    assert url_state(browser)["q"] == ["macbert"]


def test_facet_counts_filter_and_url(browser, site_url, catalog):
    open_explorer(browser, site_url)
    per_category = Counter(catalog.family_of(m).category for m in catalog.models.values())
    shown = browser.execute_script(
        "return document.querySelector('#plm-facet-category-nlg').parentElement.querySelector('.plm-facet-count').textContent")
    assert shown == f"({per_category['nlg']})"
    browser.execute_script("document.querySelector('details[data-facet=category]').open = true")
    click(browser, "#plm-facet-category-nlg")
    assert matches(browser) == per_category["nlg"]
    assert set(column(browser, "category")) == {"自然语言生成 NLG"}
    assert url_state(browser)["category"] == ["nlg"]
    # a second value of the same facet widens the selection
    click(browser, "#plm-facet-category-nlu")
    assert matches(browser) == per_category["nlg"] + per_category["nlu"]
    assert url_state(browser)["category"] == ["nlg,nlu"]


def test_every_column_sorts_both_ways(browser, site_url):
    open_explorer(browser, site_url)
    keys = browser.execute_script(
        "return [...document.querySelectorAll('.plm-explorer-table th')].map(th => th.dataset.column)")
    assert {"name", "family", "parameters", "organisation", "domain"} <= set(keys)
    for key in keys:
        header = f".plm-explorer-table th[data-column='{key}'] button"
        click(browser, header)
        assert browser.find_element(By.CSS_SELECTOR, f"th[data-column='{key}']").get_attribute("aria-sort") == "ascending"
        assert url_state(browser)["sort"] == [key]
        click(browser, header)
        assert url_state(browser)["sort"] == [f"-{key}"]
        click(browser, header)
        assert "sort" not in url_state(browser)
    click(browser, ".plm-explorer-table th[data-column='parameters'] button")
    values = [parameters(text) for text in column(browser, "parameters") if text]
    assert values == sorted(values) and len(values) > 1
    click(browser, ".plm-explorer-table th[data-column='parameters'] button")
    values = [parameters(text) for text in column(browser, "parameters") if text]
    assert values == sorted(values, reverse=True)
    assert column(browser, "parameters")[0]  # empty cells last in both directions


def test_view_is_restored_from_the_url(browser, site_url, catalog):
    open_explorer(browser, site_url, "?q=bert&category=nlu&sort=-layers")
    assert browser.find_element(By.ID, "plm-explorer-q").get_attribute("value") == "bert"
    assert browser.find_element(By.ID, "plm-facet-category-nlu").is_selected()
    assert browser.find_element(By.CSS_SELECTOR, "th[data-column='layers']").get_attribute("aria-sort") == "descending"
    layers = [int(text) for text in column(browser, "layers") if text]
    assert layers == sorted(layers, reverse=True)
    assert 0 < matches(browser) < len(catalog.models)
    assert url_state(browser) == {"q": ["bert"], "category": ["nlu"], "sort": ["-layers"]}


def test_model_links_lead_to_existing_anchors(browser, site_url):
    open_explorer(browser, site_url)
    href = browser.find_element(By.CSS_SELECTOR, ".plm-explorer-table tbody a").get_attribute("href")
    browser.get(href)
    anchor = urlparse(href).fragment
    assert anchor.startswith("model-")
    assert browser.execute_script("return document.getElementById(arguments[0]) !== null", anchor)


def test_explorer_fits_a_phone(phone, site_url, screenshots):
    open_explorer(phone, site_url)
    assert phone.execute_script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
    assert phone.save_screenshot(str(screenshots / "explorer-390.png"))


def test_explorer_screenshot_wide(browser, site_url, screenshots):
    open_explorer(browser, site_url, "?category=nlg&sort=-parameters")
    assert browser.save_screenshot(str(screenshots / "explorer-1400.png"))
