"""Print how long the site takes to build: full, no-op, and after editing one card.

Usage: .venv/bin/python bench/build_times.py [--jobs N]   (figures only; nothing is asserted)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))


def sphinx_build(project: Path, jobs: str) -> tuple[float, str]:
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", ".", "docs", "_build/html", "-b", "html", "-W", "--keep-going",
         "-j", jobs],
        cwd=project, capture_output=True, text=True,
    )
    if run.returncode:
        sys.exit(run.stdout + run.stderr)
    return time.perf_counter() - start, run.stdout


def reread_count(output: str) -> str:
    """Sphinx's own summary of what it re-read, e.g. 'updating environment: 0 added, 1 changed, 0 removed'."""
    summary = [line.strip() for line in output.splitlines() if line.startswith("updating environment")]
    reading = [line for line in output.splitlines() if line.startswith("reading sources")]
    return f"{summary[0] if summary else 'no summary'}; {len(reading)} reading line(s)"


def time_catalogue_load() -> float:
    from cnplm.data.loading import load_catalog
    from cnplm.data.settings import sources_from_conf

    start = time.perf_counter()
    load_catalog(sources_from_conf(ROOT))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", default="auto")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "kb"
        project.mkdir()
        for name in ("conf.py", "docs", "bib", "_ext"):
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copyfile)(source, project / name)
        shutil.rmtree(project / "docs" / "families", ignore_errors=True)
        print(f"catalogue load (parse + validate): {time_catalogue_load():.2f} s")
        full, _ = sphinx_build(project, args.jobs)
        print(f"full build (-j {args.jobs}):          {full:.2f} s")
        noop, output = sphinx_build(project, args.jobs)
        print(f"no-op rebuild:                    {noop:.2f} s  [{reread_count(output)}]")
        card = project / "docs" / "cards" / "macbert.yaml"
        card.write_text(card.read_text(encoding="utf-8").replace("name: MacBERT-large", "name: MacBERT-large-x"),
                        encoding="utf-8")
        edit, output = sphinx_build(project, args.jobs)
        print(f"rebuild after editing one card:   {edit:.2f} s  [{reread_count(output)}]")


if __name__ == "__main__":
    main()
