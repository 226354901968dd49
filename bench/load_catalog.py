"""Print how long loading the catalogue takes (parse + validate + build), at 1x and larger scales.

Usage: .venv/bin/python bench/load_catalog.py [--scales 1 10] [--repeat 3] [--ext PATH]
       --ext points at another checkout's ``_ext`` to time its loader on the same data (before/after).
Figures only; nothing is asserted. The Nx catalogue clones every card N times with new ids.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def clone_catalogue(scale: int, target: Path) -> None:
    """docs/ and bib/ copied, each card repeated ``scale`` times with suffixed family and model ids."""
    shutil.copytree(ROOT / "docs" / "data", target / "docs" / "data")
    shutil.copytree(ROOT / "bib", target / "bib")
    cards = target / "docs" / "cards"
    cards.mkdir(parents=True)
    for card in sorted((ROOT / "docs" / "cards").glob("*.yaml")):
        text = card.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        for copy in range(scale):
            suffix = f"-x{copy}" if copy else ""
            family_id = data["id"] + suffix
            model_ids = [model["id"] for model in data["models"]]
            cloned = text.replace(f"id: {data['id']}\n", f"id: {family_id}\n", 1)
            for model_id in model_ids:
                cloned = cloned.replace(f"- id: {model_id}\n", f"- id: {model_id}{suffix}\n", 1)
            (cards / f"{family_id}.yaml").write_text(cloned, encoding="utf-8")
    shutil.copyfile(ROOT / "conf.py", target / "conf.py")


def median_time(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def time_load(project: Path, repeat: int) -> tuple[float, float, int, int]:
    """Median seconds of the whole load and of its BibTeX part alone; models; problems."""
    from cnplm.data.bibliography import load_bibliography
    from cnplm.data.loading import load_catalog
    from cnplm.data.settings import sources_from_conf

    sources = sources_from_conf(project)
    seconds, (catalog, problems) = median_time(lambda: load_catalog(sources), repeat)
    bib_seconds, _ = median_time(lambda: load_bibliography(list(sources.bibfiles)), repeat)
    models = sum(len(family.models) for family in catalog.families.values())
    return seconds, bib_seconds, models, len(problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ext", type=Path, default=ROOT / "_ext", help="the _ext folder whose loader is timed")
    args = parser.parse_args()
    sys.path.insert(0, str(args.ext.resolve()))
    print(f"loader: {args.ext.resolve()}")
    print(f"median of {args.repeat} runs; 'cards and registries' is the load without its BibTeX part")
    print(f"{'scale':>6} {'models':>7} {'problems':>8} {'whole load':>11} {'BibTeX':>8} {'cards and registries':>21}")
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as folder:
            project = Path(folder)
            clone_catalogue(scale, project)
            seconds, bib_seconds, models, problems = time_load(project, args.repeat)
        print(f"{scale:>5}x {models:>7} {problems:>8} {seconds:>9.2f} s {bib_seconds:>6.2f} s "
              f"{seconds - bib_seconds:>19.2f} s")


if __name__ == "__main__":
    main()
