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


def time_load(project: Path, repeat: int) -> tuple[float, int, int]:
    from cnplm.data.loading import load_catalog
    from cnplm.data.settings import sources_from_conf

    sources = sources_from_conf(project)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        catalog, problems = load_catalog(sources)
        times.append(time.perf_counter() - start)
    models = sum(len(family.models) for family in catalog.families.values())
    return statistics.median(times), models, len(problems)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ext", type=Path, default=ROOT / "_ext", help="the _ext folder whose loader is timed")
    args = parser.parse_args()
    sys.path.insert(0, str(args.ext.resolve()))
    print(f"loader: {args.ext.resolve()}")
    print(f"{'scale':>6} {'models':>7} {'problems':>8} {'load (median of ' + str(args.repeat) + ')':>22}")
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as folder:
            project = Path(folder)
            clone_catalogue(scale, project)
            seconds, models, problems = time_load(project, args.repeat)
        print(f"{scale:>5}x {models:>7} {problems:>8} {seconds:>20.3f} s")


if __name__ == "__main__":
    main()
