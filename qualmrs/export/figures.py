"""Figures with matplotlib (PNG and SVG): frequency tables, heatmaps, presence by attribute.

Labels are the codebook's names and the words of its language (``lang/words.py``); axes that
count people or segments show whole numbers only. Sizes are set for print (A4 text width) and
read well on screen. Nothing is fetched: matplotlib's bundled DejaVu Sans is the font.
"""

from __future__ import annotations

import functools
import hashlib
import io
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..lang.words import words
from .output import outputs

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # SVG text stays text (small, searchable, fast); ids are salted so files are stable.
    plt.rcParams.update({"font.size": 9, "axes.titlesize": 10, "svg.hashsalt": "qualmrs",
                         "svg.fonttype": "none"})
    return plt


def _fingerprint(name: str, data: pd.DataFrame, args: tuple, kwargs: dict) -> str:
    """What a figure's files depend on: its data and labels, this module's code and
    matplotlib's version (read from its metadata, so that matplotlib need not be imported)."""
    from importlib.metadata import version

    h = hashlib.sha256(Path(__file__).read_bytes())
    for part in (version("matplotlib"), name, data.to_csv(), repr(data.attrs), repr(args),
                 repr(sorted(kwargs.items()))):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


_DRAW = {}  # name → the function that builds that figure (see ``_figure``)


def render(name: str, data: pd.DataFrame, args: tuple = (), kwargs: dict | None = None
           ) -> tuple[bytes, bytes]:
    """The PNG and SVG bytes of the figure ``name`` drawn from ``data`` (a plain function of
    its arguments, so that another process can run it: see ``qualmrs.export.drawing``)."""
    plt = _plt()
    fig = _DRAW[name](plt, data, *args, **(kwargs or {}))
    try:
        # "tight" lays the figure out by drawing it, once per savefig: lay it out once, at
        # the PNG's resolution, for both files
        svg_dpi = fig.dpi  # the SVG's embedded images, as before
        fig.set_dpi(150)
        bbox = fig.get_tightbbox(fig.canvas.get_renderer()).padded(
            plt.rcParams["savefig.pad_inches"])
        made = []
        for ext in ("png", "svg"):
            buf = io.BytesIO()
            # PNG: zlib level 3 instead of Pillow's 6, 4 % larger and written in half the time
            options = ({"dpi": 150, "pil_kwargs": {"compress_level": 3}} if ext == "png"
                       else {"dpi": svg_dpi, "metadata": {"Date": None}})
            fig.savefig(buf, format=ext, bbox_inches=bbox, **options)
            made.append(buf.getvalue())
    finally:
        plt.close(fig)
    return made[0], made[1]


@dataclass(frozen=True, eq=False)
class FigureJob:
    """One figure to make: what ``render`` needs, where its PNG and SVG go, and the
    fingerprint of what they depend on (``_fingerprint``)."""

    name: str
    data: pd.DataFrame = field(repr=False)
    base: Path
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)

    @property
    def paths(self) -> list[Path]:
        return [self.base.with_suffix(".png"), self.base.with_suffix(".svg")]

    @functools.cached_property
    def key(self) -> str:
        return _fingerprint(self.name, self.data, self.args, self.kwargs)

    def current(self) -> bool:
        """Whether files an earlier command made from the same data with the same code are
        there as it left them (then they are kept: drawing is the slow part of a report)."""
        with outputs() as out:
            return all(out.current(p, self.key) for p in self.paths)

    def render(self) -> tuple[bytes, bytes]:
        return render(self.name, self.data, self.args, self.kwargs)

    def write(self, drawn: tuple[bytes, bytes] | None = None) -> list[Path]:
        """Stage the files (in the enclosing ``outputs`` batch, or one of their own) from
        ``drawn`` (``render``'s bytes; drawn here when not given) unless ``current``."""
        with outputs() as out:
            if drawn is None and self.current():
                return self.paths
            for path, made in zip(self.paths, drawn or self.render()):
                out.write_bytes(path, made, made_from=self.key)
        return self.paths


def _figure(draw):
    """``draw(plt, data, ...)`` builds a matplotlib figure; the wrapped function, called as
    ``(data, base, ...)``, writes it as PNG and SVG at ``base`` (``FigureJob.write``) and
    returns their paths; its ``job(data, base, ...)`` gives the ``FigureJob`` instead."""
    _DRAW[draw.__name__] = draw

    def job(data: pd.DataFrame, base: Path, *args, **kwargs) -> FigureJob:
        return FigureJob(draw.__name__, data, Path(base), args, kwargs)

    @functools.wraps(draw)
    def write(data: pd.DataFrame, base: Path, *args, **kwargs) -> list[Path]:
        return job(data, base, *args, **kwargs).write()

    write.job = job
    return write


def _wrap(text: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


@_figure
def frequency_chart(plt, table: pd.DataFrame):
    """Grouped bars: one group per question, one bar per category (N left out).

    Called as ``frequency_chart(table, base)``: writes ``base``.png and .svg, returns them.
    """
    data = table.drop(index="N")
    n_q, n_c = len(data.columns), len(data.index)
    fig, ax = plt.subplots(figsize=(max(6.3, 2.3 * n_q + 1.5), 3.4))
    width = 0.8 / n_c
    for i, category in enumerate(data.index):
        xs = [q + (i - (n_c - 1) / 2) * width for q in range(n_q)]
        bars = ax.bar(xs, data.loc[category].to_numpy(), width, label=category,
                      color=PALETTE[i % len(PALETTE)])
        ax.bar_label(bars, fontsize=8)
    ax.set_xticks(range(n_q), [_wrap(table.attrs["headers"][q], 22) for q in data.columns])
    ax.set_ylabel(words(table.attrs.get("language"))["n_informants"])
    _whole_numbers(ax.yaxis)
    ax.set_ylim(0, max(int(table.loc["N"].max()), 1) + 1)
    ax.set_title(_wrap(table.attrs["caption"], 70), loc="left")
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def _whole_numbers(axis) -> None:
    """Ticks on whole numbers only: no 0.5 informants."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


@_figure
def heatmap(plt, frame: pd.DataFrame, title: str, row_labels=None, fmt: str = "{:g}",
            cmap: str = "Blues", counts: bool = True):
    """A labelled heatmap with the value written in each cell (``counts``: its colour bar
    on whole numbers).

    Called as ``heatmap(frame, base, title, ...)``: writes ``base``.png and .svg.
    """
    rows, cols = frame.shape
    fig, ax = plt.subplots(figsize=(max(4.0, 0.55 * cols + 3.2), max(2.5, 0.32 * rows + 1.2)))
    values = frame.to_numpy(dtype=float)
    im = ax.imshow(values, cmap=cmap, aspect="auto")
    ax.set_xticks(range(cols), [str(c) for c in frame.columns], rotation=45, ha="right")
    ax.set_yticks(range(rows), row_labels or [str(r) for r in frame.index])
    top = values.max() if values.size else 0
    for i in range(rows):
        for j in range(cols):
            v = values[i, j]
            if v == 0:
                continue  # empty cells stay empty, so the pattern is what one sees
            ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=7,
                    color="white" if top and v > top * 0.6 else "black")
    ax.set_title(_wrap(title, 70), loc="left")
    bar = fig.colorbar(im, ax=ax, shrink=0.8)
    if counts:
        _whole_numbers(bar.ax.yaxis)
    return fig


@_figure
def presence_chart(plt, crosstab: pd.DataFrame, names: dict[str, str], language: str = "nb"):
    """Horizontal bars: share of cases mentioning each code (a theme: it or a sub-code), one
    bar per attribute value.

    Called as ``presence_chart(crosstab, base, names, language)``: writes ``base``.png and
    .svg.
    """
    w = words(language)
    codes = list(dict.fromkeys(crosstab["code"]))
    values = list(dict.fromkeys(crosstab["value"]))
    fig, ax = plt.subplots(figsize=(6.3, 0.3 * len(codes) * max(1, len(values) / 1.5) + 1.2))
    height = 0.8 / max(1, len(values))
    for i, value in enumerate(values):
        part = crosstab[crosstab["value"] == value].set_index("code").reindex(codes)
        ys = [k + (i - (len(values) - 1) / 2) * height for k in range(len(codes))]
        ax.barh(ys, part["share"].to_numpy() * 100, height, label=str(value),
                color=PALETTE[i % len(PALETTE)])
    ax.set_yticks(range(len(codes)), [_wrap(names.get(c, c), 40) for c in codes])
    ax.invert_yaxis()
    ax.set_xlabel(w["share_axis"])
    ax.set_xlim(0, 100)
    attribute = crosstab["attribute"].iloc[0] if len(crosstab) else ""
    ax.set_title(_wrap(f"{w['codes_by'].format(attribute=attribute)} ({w['themes_include']})",
                       70), loc="left")
    ax.legend(frameon=False, fontsize=8, title=attribute, loc="upper left",
              bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    return fig
