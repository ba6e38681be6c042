"""One self-contained HTML report: figures embedded as data URIs, no fonts, scripts or links
to fetch, so it opens offline and can be mailed as one file."""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..lang.words import words
from .output import outputs


CSS = """
body{font-family:Georgia,'DejaVu Serif',serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#222;line-height:1.45}
h1,h2,h3{font-family:'DejaVu Sans',Arial,sans-serif;line-height:1.2}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.25rem .5rem;vertical-align:top;text-align:left}
td.n{text-align:right}caption{caption-side:top;text-align:left;font-weight:bold;padding:.3rem 0}
figure{margin:1rem 0}img{max-width:100%}figcaption{font-size:.85rem;color:#555}
blockquote{margin:.4rem 0 .4rem 1rem;padding-left:.8rem;border-left:3px solid #ccc}
.meta{color:#555;font-size:.9rem}dl.overview{display:grid;grid-template-columns:max-content auto;
gap:.2rem 1rem}dl.overview dt{font-weight:bold}
"""


@dataclass
class ReportData:
    title: str
    overview: dict[str, str]
    tables: list[pd.DataFrame]
    figures: list[tuple[str, Path]]  # caption, PNG file
    counts: pd.DataFrame  # code × case counts
    code_names: dict[str, str]
    quotes: dict[str, pd.DataFrame] = field(default_factory=dict)  # theme name → quotes
    language: str = "nb"  # the codebook's: the report's headings and captions


def _e(value) -> str:
    return html.escape(str(value))


def _table(frame: pd.DataFrame, caption: str, headers: dict | None = None,
           index_label: str = "") -> str:
    heads = [index_label] + [headers.get(c, c) if headers else c for c in frame.columns]
    out = [f"<table><caption>{_e(caption)}</caption><thead><tr>"
           + "".join(f"<th>{_e(h)}</th>" for h in heads) + "</tr></thead><tbody>"]
    for idx, row in frame.iterrows():
        cells = "".join(f'<td class="n">{_e(v)}</td>' if isinstance(v, (int, float))
                        else f"<td>{_e(v)}</td>" for v in row.tolist())
        out.append(f"<tr><th>{_e(idx)}</th>{cells}</tr>")
    return "".join(out) + "</tbody></table>"


def _figure(caption: str, png: Path) -> str:
    data = base64.b64encode(png.read_bytes()).decode("ascii")
    return (f'<figure><img alt="{_e(caption)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{_e(caption)}</figcaption></figure>")


def write_report(data: ReportData, path: Path, force: bool = False) -> Path:
    """Write the report to ``path`` and return it.

    Written in the same ``outputs`` batch as its figures, it reads them where they are staged.

    Raises:
        OverwriteError: ``path`` is a store, or a file qualmrs did not write (unless ``force``).
    """
    with outputs(force) as out:
        return out.write_text(path, _html(data, out))


def _html(data: ReportData, out) -> str:
    w = words(data.language)
    parts = [f"<!doctype html><html lang=\"{_e(data.language)}\"><head><meta charset=\"utf-8\">"
             f"<title>{_e(data.title)}</title><style>{CSS}</style></head><body>",
             f"<h1>{_e(data.title)}</h1>", f"<h2>{_e(w['overview'])}</h2><dl class=\"overview\">"]
    parts += [f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in data.overview.items()]
    parts.append(f"</dl><h2>{_e(w['frequency_tables'])}</h2>")
    for t in data.tables:
        parts.append(_table(t, t.attrs["caption"], t.attrs["headers"]))
    parts.append(f"<h2>{_e(w['figures'])}</h2>")
    parts += [_figure(caption, out.staged(png)) for caption, png in data.figures]
    counts = data.counts.rename(index=data.code_names)
    parts.append(f"<h2>{_e(w['code_by_case'])}</h2>")
    parts.append(_table(counts, f"{w['code_by_case_caption']} ({w['themes_include']})", None,
                        w["code"]))
    parts.append(f"<h2>{_e(w['quotes_by_theme'])}</h2>")
    for theme, frame in data.quotes.items():
        parts.append(f"<h3>{_e(theme)}</h3>")
        if frame.empty:
            parts.append(f"<p class=\"meta\">{_e(w['no_quotes'])}</p>")
        for _, q in frame.iterrows():
            memo = q.get("memo", "")
            parts.append(f"<blockquote>«{_e(q['quote'])}»<br><span class=\"meta\">"
                         f"{_e(q['case'])}, {_e(data.code_names.get(q['code'], q['code']))}"
                         + (f" — {_e(w['memo'])}: {_e(memo)}" if memo else "")
                         + "</span></blockquote>")
    parts.append("</body></html>")
    return "\n".join(parts)
