"""Measure the model explorer in Chromium at 1x and 100x the catalogue: time to interactive and
the cost of one filter keystroke, with performance.now(). Prints figures; asserts nothing.

The site is built once from the real cards. For each scale, bench/scale.py's generator makes the
synthetic catalogue (every card cloned with new family and model ids), the catalogue is loaded
from those cards, and the site's explorer.json is replaced by the one the build's own writer makes
of it: that file is all the explorer reads. Usage: .venv/bin/python bench/explorer.py [--scales 1 100] [--runs 5]
"""

from __future__ import annotations

import argparse
import functools
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "bench"))

from cnplm.data.freshness import data_date  # noqa: E402
from cnplm.data.loading import load_catalog  # noqa: E402
from cnplm.data.settings import sources_from_conf  # noqa: E402
from cnplm.export.explorer_json import EXPLORER_JSON_PATH, explorer_json  # noqa: E402
from scale import make_project  # noqa: E402

QUERIES = ["b", "be", "ber", "bert", "bert ", "bert b", "bert ba", "bert bas", "bert base", "哈", "二郎神", "macbert", ""]
KEYSTROKE = """
const input = document.getElementById('plm-explorer-q');
const times = [];
for (const query of arguments[0]) {
  const start = performance.now();
  input.value = query;
  window.plmExplorer.update();
  document.body.offsetHeight;  // include the layout of the new rows
  times.push(performance.now() - start);
}
return times;
"""
FACET = """
const box = document.querySelector('#plm-facet-category-nlg');
const start = performance.now();
box.click();
document.body.offsetHeight;
const on = performance.now() - start;
box.click();
return on;
"""


def build_site(target: Path) -> Path:
    html = target / "html"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-c", str(ROOT), str(ROOT / "docs"), str(html),
                    "-b", "html", "-d", str(target / "doctrees")], check=True)
    return html


def measure(driver, base: str, runs: int) -> dict[str, float]:
    from helpers_browser import wait_for

    ready, interactive, keystrokes, facets = [], [], [], []
    for _ in range(runs):
        driver.get(f"{base}explorer.html")
        wait_for(driver, "document.getElementById('plm-explorer').dataset.ready === 'true'", timeout=60)
        ready.append(driver.execute_script("return window.plmExplorer.readyMs"))
        interactive.append(driver.execute_script("return window.plmExplorer.readyAt"))  # since navigation start
        keystrokes += driver.execute_script(KEYSTROKE, QUERIES)
        facets.append(driver.execute_script(FACET))
    return {
        "explorer.json KB": 0.0,
        "interactive after navigation start, median ms": statistics.median(interactive),
        "script start to ready, median ms": statistics.median(ready),
        "keystroke median ms": statistics.median(keystrokes),
        "keystroke max ms": max(keystrokes),
        "facet click median ms": statistics.median(facets),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from conftest import QuietHandler, start_browser

    with tempfile.TemporaryDirectory() as folder:
        html = build_site(Path(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(html)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        driver = start_browser(1400)
        try:
            for scale in args.scales:
                project = Path(folder) / f"scale-{scale}"
                make_project(project, scale)
                catalog, _ = load_catalog(sources_from_conf(project))
                # clones link to the page of the family they were cloned from (the site is 1x)
                pages = {fid: f"families/{re.sub(r'-x[0-9]+$', '', fid)}.html" for fid in catalog.families}
                newest = data_date(catalog)
                text = explorer_json(catalog, pages, newest.isoformat() if newest else "")
                (html / EXPLORER_JSON_PATH).write_text(text, encoding="utf-8")
                figures = measure(driver, base, args.runs)
                figures["explorer.json KB"] = len(text.encode("utf-8")) / 1024
                print(f"{scale}x: {len(catalog.models)} models")
                for name, value in figures.items():
                    print(f"  {name}: {value:.1f}")
        finally:
            driver.quit()
            server.shutdown()


if __name__ == "__main__":
    main()
