"""Small waits and readings shared by the browser tests."""

from __future__ import annotations

from selenium.webdriver.support.ui import WebDriverWait


def wait_for(driver, script: str, timeout: float = 20):
    """Wait until a JavaScript expression is truthy and return its value."""
    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(f"return {script}"))


def console_errors(driver) -> list[str]:
    """Console errors since the last call (reading drains the log); the browser's own favicon probe aside."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]]


def search_results(driver, base: str, query: str) -> list[str]:
    """The hrefs of the search page's results for a query, best first."""
    from urllib.parse import quote

    driver.get(f"{base}search.html?q={quote(query)}")
    wait_for(driver, "document.querySelector('#search-results .search-summary') !== null"
                     " && !document.querySelector('#search-results .search-summary').textContent.includes('正在')")
    return driver.execute_script(
        "return [...document.querySelectorAll('#search-results ul.search li > a')].map(a => a.getAttribute('href'))")
