"""The built site in headless Chromium (Debian's chromium and chromedriver; nothing is downloaded).

The real docs are built once per session (the ``site`` fixture of tests/conftest.py), served by
``http.server`` on 127.0.0.1 and a free port, and driven through Selenium with the system driver.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WIDTHS = {"wide": 1400, "phone": 390}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "_build" / "screenshots"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        pass


@pytest.fixture(scope="session")
def site_url(site) -> Iterator[str]:
    """The built site over HTTP (search and the explorer fetch files, which file:// forbids)."""
    handler = functools.partial(QuietHandler, directory=str(site.outdir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def chrome_options(width: int):
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                     "--hide-scrollbars", f"--window-size={width},900", "--lang=zh-CN"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if width < 500:  # below Chromium's smallest window: a phone's viewport, with touch
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": 844, "pixelRatio": 1.0, "touch": True}})
    return options


def start_browser(width: int):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("no /usr/bin/chromium and /usr/bin/chromedriver (Debian: apt-get install chromium chromium-driver)")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download a browser or driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=chrome_options(width))
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """Chromium 1400 px wide."""
    driver = start_browser(WIDTHS["wide"])
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def phone() -> Iterator:
    """Chromium 390 px wide, the width of a phone."""
    driver = start_browser(WIDTHS["phone"])
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS
