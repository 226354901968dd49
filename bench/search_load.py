"""How long a built site's search takes to load and answer in headless Chromium; prints figures.

Usage: .venv/bin/python bench/search_load.py BUILT_HTML_DIR [--query MacBERT] [--runs 3]

Serves the folder on 127.0.0.1, opens ``search.html?q=QUERY`` in Debian's chromium (through its
chromedriver; nothing is downloaded) and reports the size of ``searchindex.js``, the time to fetch
and evaluate it, and the time from navigation until the first result is shown. Medians of --runs.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LOAD_INDEX = """
const done = arguments[arguments.length - 1];
const start = performance.now();
const script = document.createElement("script");
script.src = "searchindex.js?" + Math.random();
script.onload = () => done(performance.now() - start);
script.onerror = () => done(-1);
document.head.appendChild(script);
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        pass


def browser():
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a browser or driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(300)
    driver.set_page_load_timeout(300)
    return driver


def first_result_seconds(driver, url: str) -> float:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    start = time.perf_counter()
    driver.get(url)
    WebDriverWait(driver, 300, poll_frequency=0.05).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li, ul.search li"))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("--query", default="MacBERT")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    index = args.html / "searchindex.js"
    if not index.exists():
        sys.exit(f"{index} not found")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(args.html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = browser()
    try:
        driver.get(base + "index.html")
        loads = [driver.execute_async_script(LOAD_INDEX) / 1000 for _ in range(args.runs)]
        answers = [first_result_seconds(driver, f"{base}search.html?q={args.query}") for _ in range(args.runs)]
    finally:
        driver.quit()
        server.shutdown()
    print(f"searchindex.js: {index.stat().st_size / 1e6:.2f} MB; fetch + evaluate: "
          f"{statistics.median(loads):.2f} s; search page to first result for {args.query!r}: "
          f"{statistics.median(answers):.2f} s (medians of {args.runs})")


if __name__ == "__main__":
    main()
