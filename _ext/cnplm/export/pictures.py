"""Pictures of the field as static SVG (and PDF for LaTeX), drawn with matplotlib (no Sphinx).

Each picture is a pure function of a small, hashable data tuple (``picture_data``), so a build
redraws it only when what it shows changed. Text stays text (``svg.fonttype: none``): Chinese is
rendered by the reader's fonts, searchable and selectable.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import warnings
from collections import Counter
from dataclasses import dataclass

from ..data.catalog import KINDS, Catalog, ModelVariant
from ..data.freshness import data_date

PICTURES: dict[str, str] = {
    "timeline": "时间线 Timeline",
    "sizes": "模型规模的增长 Model size over time",
    "organisations": "各机构的模型数 Models per organisation",
}
FONTS = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "DejaVu Sans"]
# colours of the categories in registry order (colour-blind safe, Okabe–Ito), then repeated
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
TOP_ORGANISATIONS = 20


@dataclass(frozen=True)
class Picture:
    name: str
    svg: str
    pdf: bytes
    alt: str


def month_of(text: str | None) -> datetime.date | None:
    """'2021-04' or '2021-04-28' -> 2021-04-01; None when absent or malformed."""
    try:
        year, month = (int(part) for part in (text or "").split("-")[:2])
        return datetime.date(year, month, 1)
    except ValueError:
        return None


def first_logged(catalog: Catalog) -> dict[str, datetime.date]:
    """Family id -> the date the list's update log first mentions it."""
    dates: dict[str, datetime.date] = {}
    for entry in catalog.updates:
        for family in entry.families:
            dates[family] = min(dates.get(family, entry.date), entry.date)
    return dates


def model_date(model: ModelVariant, logged: dict[str, datetime.date]) -> tuple[datetime.date | None, bool]:
    """The model's release month, else the log date of its family; the flag says which."""
    released = month_of(model.release)
    if released:
        return released, True
    return logged.get(model.family_id), False


def picture_data(catalog: Catalog, name: str) -> tuple:
    """Exactly what a picture draws (its digest decides whether it is drawn again)."""
    newest = data_date(catalog)
    stamp = newest.isoformat() if newest else ""
    logged = first_logged(catalog)
    categories = tuple((key, category.label) for key, category in catalog.categories.items())
    if name == "timeline":
        points = []
        for family in catalog.families.values():
            for model in family.models:
                date, released = model_date(model, logged)
                if date:
                    points.append((date.isoformat(), family.category, family.name, released))
        log = tuple((e.date.isoformat(), tuple(catalog.families[f].name for f in e.families if f in catalog.families))
                    for e in catalog.updates)
        return stamp, tuple(sorted(points)), log, categories
    if name == "sizes":
        points = []
        for family in catalog.families.values():
            for model in family.models:
                date, released = model_date(model, logged)
                if date and model.parameters:
                    # no name: the picture shows none, so renaming a model does not redraw it
                    points.append((date.isoformat(), model.parameters, model.kind or "", released, family.category))
        return stamp, tuple(sorted(points)), categories
    if name == "organisations":
        counts = Counter(model.organisation for model in catalog.models.values())
        labels = {o.id: o.short_name for o in catalog.organisations.values()}
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return stamp, tuple((labels.get(org, org), count) for org, count in ranked)
    raise KeyError(name)


def data_digest(data: tuple) -> str:
    return hashlib.sha1(repr(data).encode("utf-8")).hexdigest()[:16]


def figure(width: float, height: float):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({
        "svg.fonttype": "none",
        "svg.hashsalt": "cnplm",
        "pdf.fonttype": 3,
        "font.family": "sans-serif",
        "font.sans-serif": FONTS,
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
    })
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return plt, fig, ax


def draw_timeline(data: tuple):
    _, points, log, categories = data
    plt, fig, ax = figure(9, 4.2)
    rows = {key: index for index, (key, _) in enumerate(categories)}
    for index, (category, label) in enumerate(categories):
        mine = [p for p in points if p[1] == category]
        if not mine:
            continue
        dates = [datetime.date.fromisoformat(p[0]) for p in mine]
        ax.scatter(dates, [rows[category]] * len(mine), s=28, color=PALETTE[index % len(PALETTE)], alpha=0.75,
                   edgecolors="white", linewidths=0.5)
    for date, families in log:
        ax.axvline(datetime.date.fromisoformat(date), color="#999999", linewidth=0.6, alpha=0.5, zorder=0)
    counts = {key: sum(1 for p in points if p[1] == key) for key, _ in categories}
    # each row is labelled with its category and count (a legend inside the axes covered the points)
    ax.set_yticks(list(rows.values()), [f"{label} ({counts[key]})" for key, label in categories])
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlabel("发布（或被列表收录）日期 Release date (or date added to the list)")
    ax.grid(axis="x", alpha=0.3)
    return plt, fig


def size_groups(points: tuple, categories: tuple) -> tuple[int, list[tuple[str, str]]]:
    """Colour by kind of model where the cards give kinds, else by category: (field index, groups)."""
    if any(point[2] for point in points):
        return 2, [*KINDS.items(), ("", "类型未注明 Kind not given")]
    return 4, list(categories)


def draw_sizes(data: tuple):
    """Parameters (log) against date, one colour per kind of model (or per category)."""
    _, points, categories = data
    plt, fig, ax = figure(9, 4.8)
    field, groups = size_groups(points, categories)
    for index, (group, label) in enumerate(groups):
        for released, marker in ((True, "o"), (False, "D")):
            mine = [p for p in points if p[field] == group and p[3] is released]
            if not mine:
                continue
            ax.scatter([datetime.date.fromisoformat(p[0]) for p in mine], [p[1] for p in mine], s=34, marker=marker,
                       color=PALETTE[index % len(PALETTE)] if group else "#888888", alpha=0.8,
                       edgecolors="white", linewidths=0.5,
                       label=label + ("" if released else " ◇ 收录日期 date added"))
    ax.set_yscale("log")
    ax.set_ylabel("参数量 Parameters (log)")
    ax.set_xlabel("发布（或被列表收录）日期 Release date (or date added to the list)")
    ax.grid(alpha=0.3)
    if points:  # beside the axes, never over the points
        fig.legend(loc="outside right upper", fontsize=8, frameon=False)
    else:
        ax.text(0.5, 0.5, "暂无同时注明参数量与日期的模型 No model has both a size and a date yet",
                transform=ax.transAxes, ha="center")
    return plt, fig


def draw_organisations(data: tuple):
    _, ranked = data
    shown = list(ranked[:TOP_ORGANISATIONS])[::-1]
    plt, fig, ax = figure(9, 0.3 * len(shown) + 1.2)
    bars = ax.barh([label for label, _ in shown], [count for _, count in shown], color="#0072B2")
    ax.bar_label(bars, padding=3, fontsize=8)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("模型数 Models")
    ax.grid(axis="x", alpha=0.3)
    return plt, fig


DRAW = {"timeline": draw_timeline, "sizes": draw_sizes, "organisations": draw_organisations}


def alt_text(name: str, data: tuple) -> str:
    stamp = data[0]
    if name == "timeline":
        points, log = data[1], data[2]
        years = sorted({p[0][:4] for p in points})
        span = f"{years[0]}–{years[-1]}" if years else "—"
        return (f"时间线：{len(points)} 个模型按发布（或收录）日期与类别排列，{span}，"
                f"竖线为更新日志的 {len(log)} 条记录；数据截至 {stamp}。"
                f"Timeline of {len(points)} models by date and category, {span}, with {len(log)} log entries.")
    if name == "sizes":
        points = data[1]
        if not points:
            return f"模型规模图：暂无数据；数据截至 {stamp}。Model size over time: no data yet."
        low, high = min(p[1] for p in points), max(p[1] for p in points)
        return (f"模型规模随时间的变化（对数坐标）：{len(points)} 个模型，参数量从 {low:.3g} 到 {high:.3g}；"
                f"数据截至 {stamp}。Parameters (log scale) of {len(points)} models against date, "
                f"from {low:.3g} to {high:.3g}.")
    ranked = data[1]
    top = "、".join(f"{label} {count}" for label, count in ranked[:3])
    return (f"各机构的模型数（前 {min(len(ranked), TOP_ORGANISATIONS)} 个）：{top}……；数据截至 {stamp}。"
            f"Models per organisation, top {min(len(ranked), TOP_ORGANISATIONS)}.")


def render(name: str, data: tuple) -> Picture:
    """The picture as SVG text and PDF bytes, deterministic for the same data."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a missing CJK font is the reader's fonts' business in SVG
        plt, fig = DRAW[name](data)
        svg, pdf = io.StringIO(), io.BytesIO()
        fig.savefig(svg, format="svg", metadata={"Date": None}, transparent=True)
        fig.savefig(pdf, format="pdf", metadata={"CreationDate": None, "ModDate": None})
        plt.close(fig)
    return Picture(name, svg.getvalue(), pdf.getvalue(), alt_text(name, data))
