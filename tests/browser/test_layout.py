"""Layout on a phone (390 px) and a desktop (1400 px): values visible, nothing clipped; screenshots."""

from __future__ import annotations

import pytest

from conftest import WIDTHS
from helpers_browser import wait_for

PAGES = {
    "home": "index.html",
    "family": "families/macbert.html",
    "category": "categories/nlu.html",
    "chronology": "chronology.html",
    "pictures": "pictures.html",
}

OUTSIDE_VIEWPORT = """
const width = document.documentElement.clientWidth;
return [...document.querySelectorAll(arguments[0])].filter(el => el.offsetParent !== null).map(el => {
  const box = el.getBoundingClientRect();
  return {text: el.textContent.trim().slice(0, 40), left: box.left, right: box.right, width: width};
}).filter(box => box.left < 0 || box.right > box.width + 0.5);
"""


@pytest.mark.parametrize("page", ["families/macbert.html", "families/erlangshen.html", "families/pangu-alpha.html"])
def test_field_values_lie_inside_the_phone_viewport(phone, site_url, page):
    phone.get(site_url + page)
    wait_for(phone, "document.readyState === 'complete'")
    assert phone.execute_script("return document.querySelectorAll('dl.plm-fields > dd').length") > 0
    assert phone.execute_script(OUTSIDE_VIEWPORT, "dl.plm-fields > dd, dl.plm-fields > dt") == []


@pytest.mark.parametrize("driver_name", ["browser", "phone"])
def test_tables_scroll_inside_the_content_column(request, site_url, driver_name):
    driver = request.getfixturevalue(driver_name)
    driver.get(site_url + "categories/nlu.html")
    wait_for(driver, "document.readyState === 'complete'")
    # the page itself never scrolls sideways: wide tables scroll in their own box
    assert driver.execute_script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
    # furo's div.table-wrapper is the box that scrolls
    assert driver.execute_script(OUTSIDE_VIEWPORT, "div.table-wrapper") == []
    assert driver.execute_script(
        "return getComputedStyle(document.querySelector('div.table-wrapper')).overflowX") == "auto"


def test_bibtex_lines_wrap_inside_their_block(phone, site_url):
    phone.get(site_url + "families/macbert.html")
    wait_for(phone, "document.readyState === 'complete'")
    phone.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    overflowing = phone.execute_script(
        "return [...document.querySelectorAll('.plm-bibtex pre')].filter(p => p.scrollWidth > p.clientWidth + 1).length")
    assert overflowing == 0


def test_copy_button_is_visible_on_keyboard_focus(browser, site_url):
    browser.get(site_url + "families/macbert.html")
    wait_for(browser, "document.querySelector('button.copybtn') !== null")
    opacity = browser.execute_script(
        "const b = document.querySelector('button.copybtn'); b.focus({focusVisible: true});"
        "b.style.transition = 'none'; return getComputedStyle(b).opacity")
    assert float(opacity) == 1


@pytest.mark.parametrize("name", PAGES)
def test_screenshots_at_both_widths(browser, phone, site_url, screenshots, name):
    for width_name, driver in (("1400", browser), ("390", phone)):
        driver.get(site_url + PAGES[name])
        wait_for(driver, "document.readyState === 'complete'")
        assert driver.save_screenshot(str(screenshots / f"{name}-{width_name}.png"))


def test_pictures_are_inverted_in_dark_mode(browser, site_url):
    browser.get(site_url + "pictures.html")
    wait_for(browser, "document.readyState === 'complete'")
    images = browser.execute_script("return [...document.querySelectorAll('img.plm-picture')].map(i => i.naturalWidth)")
    assert len(images) == 3 and all(width > 0 for width in images)  # the SVG files load
    browser.execute_script("document.body.dataset.theme = 'dark'")
    assert "invert" in browser.execute_script("return getComputedStyle(document.querySelector('img.plm-picture')).filter")
    browser.execute_script("document.body.dataset.theme = 'light'")
    assert browser.execute_script("return getComputedStyle(document.querySelector('img.plm-picture')).filter") == "none"
