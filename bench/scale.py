"""Build 1×, 10× and 100× synthetic catalogues and plain Sphinx on pages of the same shape; print figures.

Usage: .venv/bin/python bench/scale.py [--scales 1 10 100] [--base all|2022] [--keep DIR] [--no-plain] [--quick] [--repeat 3]

1× is the whole catalogue, or with ``--base 2022`` the 43 families of the 2022-02-24 list (the 1× of
the scale issue; the update log then keeps only its links to those families). For each scale the
cards are cloned with new family and model ids into a temporary copy of the project, checked with
``python -m cnplm check``, and plain Sphinx gets static pages of the same shape
(bench/static_pages.py). Cold builds with ``-j 1`` and ``-j auto`` of the site and of plain Sphinx
alternate, ``--repeat`` rounds of them (medians are printed, with the site's time over plain
Sphinx's); then each gets a no-op rebuild and a rebuild after one model of one card is renamed.
Nothing is asserted: it prints a Markdown table (the README carries the latest one).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
sys.path.insert(0, str(ROOT / "bench"))

EDITED_CARD, EDIT_OLD, EDIT_NEW = "macbert.yaml", "name: MacBERT-large\n", "name: MacBERT-large-v2\n"


@dataclass
class Build:
    seconds: float
    cpu_seconds: float  # user + system time of the build and its worker processes
    peak_mb: float  # peak resident memory of the largest process of the build
    reread: int  # documents read (added + changed)
    output: str


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Build:
    """Run a command, with its wall time and the peak memory of its largest process (wait4)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, text=True,
                                   env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        log.seek(0)
        output = log.read()
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{output[-4000:]}")
    counts = re.search(r"(\d+) added, (\d+) changed, \d+ removed", output)
    reread = int(counts.group(1)) + int(counts.group(2)) if counts else 0
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, reread, output)


def sphinx(project: Path, source: str, jobs: str, werror: bool = True) -> Build:
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-j", jobs, "-c", ".", source, "_build/html"]
    build = run(command + (["-W", "--keep-going"] if werror else []), project)
    print(f"  {project.name} -j {jobs}: {build.seconds:.1f} s, cpu {build.cpu_seconds:.1f} s, "
          f"{build.peak_mb:.0f} MB, {build.reread} read", file=sys.stderr, flush=True)
    return build


def clone_cards(cards: Path, copies: int) -> None:
    """Every card again ``copies`` times, with new family and model ids and a distinct family name."""
    for card in sorted(cards.glob("*.yaml")):
        text = card.read_text(encoding="utf-8")
        ids = re.findall(r"^(?:id|  - id): (\S+)$", text, flags=re.M)
        for n in range(1, copies + 1):
            clone = re.sub(r"^name: (.*)$", rf"name: \1 x{n}", text, count=1, flags=re.M)
            for old in ids:
                clone = re.sub(rf"^((?:  - )?id: ){re.escape(old)}$", rf"\g<1>{old}-x{n}", clone, flags=re.M)
            (cards / f"{card.stem}-x{n}.yaml").write_text(clone, encoding="utf-8")


def keep_2022_families(docs: Path) -> None:
    """Only the cards of the 2022-02-24 list, and the update log's links to their families and models."""
    kept: set[str] = set()
    for card in sorted((docs / "cards").glob("*.yaml")):
        text = card.read_text(encoding="utf-8")
        if re.search(r"^listed_since: '?2022-02-24'?$", text, flags=re.M):
            kept.update(re.findall(r"^(?:id|  - id): (\S+)$", text, flags=re.M))
        else:
            card.unlink()
    updates = docs / "data" / "updates.yaml"
    lines, out, key = updates.read_text(encoding="utf-8").splitlines() + ["# end"], [], None
    for line in lines:
        listed = re.match(r"^    (families|models):$", line)
        item = re.match(r"^      - (\S+)$", line)
        if listed:
            key = listed.group(1)
            out.append(line)
        elif item and key:
            if item.group(1) in kept:
                out.append(line)
        else:
            if key and out[-1] == f"    {key}:":  # every item of the list dropped
                out[-1] = "    families: []" if key == "families" else None
            key = None
            out.append(line)
    updates.write_text("\n".join(line for line in out if line is not None) + "\n", encoding="utf-8")


def make_project(target: Path, scale: int, base: str = "all") -> None:
    target.mkdir(parents=True)
    for name in ("conf.py", "docs", "bib", "_ext"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("families", "_build", "__pycache__"))
        else:
            shutil.copyfile(source, target / name)
    if base == "2022":
        keep_2022_families(target / "docs")
    clone_cards(target / "docs" / "cards", scale - 1)


def check(project: Path) -> str:
    result = run([sys.executable, "-m", "cnplm", "check"], project, env={"PYTHONPATH": str(project / "_ext")})
    return result.output.strip().splitlines()[-1]


def rename_model(source: Path) -> None:
    """The edit of a card (or of its static page): MacBERT-large renamed."""
    text = source.read_text(encoding="utf-8")
    assert "MacBERT-large" in text, f"{source} has no MacBERT-large"
    source.write_text(text.replace(EDIT_OLD, EDIT_NEW, 1) if source.suffix == ".yaml"
                      else text.replace("MacBERT-large", "MacBERT-large-v2"), encoding="utf-8")


def output_figures(html: Path) -> dict[str, str]:
    pages = [path for path in html.rglob("*.html") if ".doctrees" not in path.parts]
    total = sum(p.stat().st_size for p in html.rglob("*") if p.is_file() and ".doctrees" not in p.parts)
    largest = max(pages, key=lambda p: p.stat().st_size)
    families = [p for p in pages if p.parent.name == "families"]
    largest_family = max(families, key=lambda p: p.stat().st_size) if families else None
    search = html / "searchindex.js"
    return {
        "output": f"{total / 1e6:.1f} MB",
        "largest page": f"{largest.relative_to(html)} {largest.stat().st_size / 1e3:.0f} KB",
        "largest family page": (f"{largest_family.stat().st_size / 1e3:.0f} KB" if largest_family else "–"),
        "searchindex.js": f"{search.stat().st_size / 1e6:.2f} MB" if search.exists() else "–",
    }


@dataclass
class Project:
    name: str  # "site" or "plain Sphinx"
    path: Path
    source: str
    werror: bool
    edited: Path | None  # the file the edit changes; None: no no-op and edit builds


def median_build(runs: list[Build]) -> Build:
    """Wall time, CPU time and memory, each the median of the runs."""
    return Build(statistics.median(r.seconds for r in runs), statistics.median(r.cpu_seconds for r in runs),
                 statistics.median(r.peak_mb for r in runs), runs[-1].reread, runs[-1].output)


def cold_builds(projects: list[Project], jobs: list[str], repeat: int) -> dict[tuple[str, str], Build]:
    """``repeat`` rounds of one cold build of each project with each ``jobs``, taken in turn, so a
    machine whose speed drifts (this one varies by 10-60 % from minute to minute) slows each alike."""
    runs: dict[tuple[str, str], list[Build]] = {}
    for _ in range(repeat):
        for job in jobs:
            for project in projects:
                shutil.rmtree(project.path / "_build", ignore_errors=True)
                runs.setdefault((project.name, job), []).append(
                    sphinx(project.path, project.source, job, project.werror))
    return {key: median_build(value) for key, value in runs.items()}


def cold_figure(build: Build) -> str:
    return f"{build.seconds:.1f} s (cpu {build.cpu_seconds:.1f} s), {build.peak_mb:.0f} MB"


def rebuilds(project: Project, jobs: str, serial: Build) -> dict[str, str]:
    """A no-op build, then one model renamed, on the tree the last cold build left."""
    noop = sphinx(project.path, project.source, jobs, project.werror)
    rename_model(project.edited)
    edit = sphinx(project.path, project.source, jobs, project.werror)
    return {"no-op": f"{noop.seconds:.1f} s (cpu {noop.cpu_seconds:.1f} s, {noop.reread} read)",
            "one card edited": (f"{edit.seconds:.1f} s (cpu {edit.cpu_seconds:.1f} s, {edit.reread} read, "
                                f"cpu {100 * edit.cpu_seconds / serial.cpu_seconds:.0f} % of cold -j 1)")}


def measure(scale: int, workdir: Path, plain: bool, quick: bool, repeat: int = 1,
            base: str = "all") -> dict[str, dict[str, str]]:
    """Cold builds of the site and of plain Sphinx in turn, then each one's no-op and edit builds;
    ``quick``: -j 1 only, and no rebuilds of plain Sphinx."""
    from cnplm.data.loading import load_catalog
    from cnplm.data.settings import sources_from_conf
    from static_pages import write_static_project

    path = workdir / f"kb-{scale}x"
    make_project(path, scale, base)
    print(f"{scale}×: {check(path)}", file=sys.stderr, flush=True)
    projects = [Project("site", path, "docs", True, path / "docs" / "cards" / EDITED_CARD)]
    if plain:
        static = workdir / f"plain-{scale}x"
        catalog, _ = load_catalog(sources_from_conf(path))
        write_static_project(catalog, static / "src")
        shutil.copyfile(static / "src" / "conf.py", static / "conf.py")
        projects.append(Project("plain Sphinx", static, "src", False,
                                None if quick else static / "src" / "families" / "macbert.md"))
    jobs = ["1"] if quick else ["1", "auto"]
    cold = cold_builds(projects, jobs, repeat)
    results: dict[str, dict[str, str]] = {}
    for project in projects:
        figures = {f"cold -j {job}": cold_figure(cold[project.name, job]) for job in jobs}
        output = output_figures(project.path / "_build" / "html")  # each project's last cold build
        if project.edited is not None:
            figures.update(rebuilds(project, jobs[-1], cold[project.name, "1"]))
        results[project.name] = {**figures, **output}
        print(f"{scale}×: {project.name} {results[project.name]}", file=sys.stderr, flush=True)
    if plain:
        ratios = [f"-j {job}: site {cold['site', job].seconds / cold['plain Sphinx', job].seconds:.2f}× plain"
                  for job in jobs]
        print(f"{scale}×: " + ", ".join(ratios), file=sys.stderr, flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--base", choices=("all", "2022"), default="all",
                        help="1×: the whole catalogue, or the 43 families of the 2022 list")
    parser.add_argument("--keep", type=Path, help="build here and keep the projects (default: a temp folder)")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain Sphinx baseline")
    parser.add_argument("--quick", action="store_true", help="-j 1 builds only; plain Sphinx cold only")
    parser.add_argument("--repeat", type=int, default=1, help="cold builds per figure (the median is printed)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        for scale in args.scales:
            for kind, figures in measure(scale, workdir, not args.no_plain, args.quick, args.repeat,
                                           args.base).items():
                rows.append({"catalogue": f"{scale}×", "build": kind, **figures})
    headers = list(dict.fromkeys(key for row in rows for key in row))
    print("| " + " | ".join(headers) + " |")
    print("|" + "---|" * len(headers))
    for row in rows:
        print("| " + " | ".join(row.get(h, "–") for h in headers) + " |")


if __name__ == "__main__":
    main()
