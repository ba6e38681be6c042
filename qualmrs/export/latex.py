"""LaTeX fragments to ``\\input`` into a thesis: booktabs tables with caption and label, and
longtables that run over pages with their header repeated.

Text is escaped for LaTeX (``& % $ # _ { } ~ ^ \\``) and otherwise left as UTF-8: the
fragments compile with pdflatex (``\\usepackage[utf8]{inputenc}`` and
``\\usepackage[T1]{fontenc}``, which «» and æøå need) and with XeLaTeX or LuaLaTeX.
"""

from __future__ import annotations

import re

from .layout import Grid, column_widths

_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
            "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
            "^": r"\textasciicircum{}"}
_PATTERN = re.compile("|".join(re.escape(k) for k in _SPECIAL))
PACKAGES = r"\usepackage{booktabs,longtable,array}"


def escape(text: str) -> str:
    """``text`` with LaTeX's special characters escaped; line breaks become spaces."""
    return _PATTERN.sub(lambda m: _SPECIAL[m.group()], " ".join(str(text).split()))


def _cell(paragraphs) -> str:
    out = []
    for paragraph in paragraphs:
        parts = []
        for run in paragraph:
            t = escape(run.text)
            if not t:
                continue
            if run.bold:
                t = rf"\textbf{{{t}}}"
            if run.italic:
                t = rf"\emph{{{t}}}"
            if run.small:
                t = rf"{{\footnotesize {t}}}"
            parts.append(t)
        out.append("".join(parts))
    return r"\par ".join(p for p in out if p)


def _label(grid: Grid) -> str:
    key = grid.label or grid.number or grid.caption
    return "tab:" + re.sub(r"[^A-Za-z0-9:.-]+", "-", key).strip("-").lower()


def _columns(grid: Grid, width: float = 450.0) -> str:
    """Column specs: paragraph columns as wide as ``layout.column_widths`` shares them out
    (of \\linewidth), numbers centred."""
    widths, _ = column_widths(grid, width, 10.0, 10.0)
    specs = []
    for j, w in enumerate(widths):
        align = r"\centering" if j in grid.numeric else r"\raggedright"
        specs.append(rf">{{{align}\arraybackslash}}"
                     rf"p{{\dimexpr {w / width:.3f}\linewidth-2\tabcolsep\relax}}")
    return "@{}" + "".join(specs) + "@{}"


def _head(grid: Grid) -> str:
    return " & ".join(rf"\textbf{{{escape(h)}}}" if h else "" for h in grid.header) + r" \\"


def _body(grid: Grid) -> list[str]:
    return [" & ".join(_cell(c) for c in row) + r" \\" for row in grid.rows]


def table(grid: Grid, title: str) -> str:
    """A floating booktabs table (``table`` environment) with caption and label."""
    return "\n".join([
        f"% {title}",
        f"% needs {PACKAGES}",
        r"\begin{table}[htbp]",
        r"\centering",
        rf"\caption{{{escape(grid.caption)}}}",
        rf"\label{{{_label(grid)}}}",
        rf"\begin{{tabular}}{{{_columns(grid)}}}",
        r"\toprule",
        _head(grid),
        r"\midrule",
        *_body(grid),
        r"\bottomrule",
        r"\end{tabular}",
        r"\end{table}",
        ""])


def longtable(grid: Grid, title: str) -> str:
    """A longtable (runs over pages, header repeated on each) with caption and label."""
    head = [r"\toprule", _head(grid), r"\midrule"]
    return "\n".join([
        f"% {title}",
        f"% needs {PACKAGES} (a wide one reads best on a landscape page: pdflscape)",
        rf"\begin{{longtable}}{{{_columns(grid)}}}",
        rf"\caption{{{escape(grid.caption)}}}\label{{{_label(grid)}}} \\",
        *head, r"\endfirsthead",
        *head, r"\endhead",
        r"\bottomrule", r"\endfoot",
        *_body(grid),
        r"\end{longtable}",
        ""])
