"""The default social image (OpenGraph ``og:image``): the catalogue's counts and families per
category, drawn with matplotlib at build time (no network, no browser)."""

from __future__ import annotations

import io

from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..data.catalog import Catalog

SIZE_PX = (1200, 630)  # the size social sites expect
DPI = 100
CJK_FONT = "Noto Sans CJK SC"  # Debian/Ubuntu: fonts-noto-cjk; without it the title is English only
BLUE = "#2962ff"


def cjk_font() -> str | None:
    try:
        return font_manager.findfont(CJK_FONT, fallback_to_default=False)
    except ValueError:
        return None


def social_image_png(catalog: Catalog) -> bytes:
    """A 1200×630 PNG; the same catalogue gives the same bytes (no timestamp in the file)."""
    figure = Figure(figsize=(SIZE_PX[0] / DPI, SIZE_PX[1] / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    font = cjk_font()
    if font:
        figure.text(0.05, 0.86, "中文预训练模型知识库", fontsize=40, weight="bold",
                    fontproperties=font_manager.FontProperties(fname=font, size=40))
    figure.text(0.05, 0.76 if font else 0.84, "Chinese Pretrained Language Models · Knowledge Base",
                fontsize=24, color="#333333")
    models = sum(len(family.models) for family in catalog.families.values())
    counts = (f"{len(catalog.families)} families · {models} models · {len(catalog.bibliography.papers)} papers"
              f" · {len(catalog.organisations)} organisations")
    figure.text(0.05, 0.67, counts, fontsize=20, color=BLUE)
    axes = figure.add_axes((0.27, 0.1, 0.68, 0.48))
    labels = [category.en for category in catalog.categories.values()]
    values = [sum(1 for f in catalog.families.values() if f.category == key) for key in catalog.categories]
    bars = axes.barh(labels[::-1], values[::-1], color=BLUE)
    axes.bar_label(bars, padding=4, fontsize=14)
    axes.set_xlabel("families per category", fontsize=14)
    axes.tick_params(labelsize=14)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    output = io.BytesIO()
    figure.savefig(output, format="png", dpi=DPI, metadata={"Software": None})
    return output.getvalue()
