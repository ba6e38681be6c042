"""The matrix of main points (NVivo's Framework Matrix, MAXQDA's Summary Grid): each case ×
theme cell holds the researcher's summary and the quotes it rests on."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..model import Case, Codebook, Summary
from .matrix import matrix_columns, matrix_rows


@dataclass(frozen=True)
class MainPoint:
    """One cell of the matrix of main points.

    Attributes:
        summary: the researcher's summary, or None when the cell has none.
        quotes: the ids of the coded quotes the summary rests on (those still coded).
        n_quotes: how many quotes the cell holds.
        shortest: the cell's shortest quote, whole ('' when it has none): what a cell
            without a summary shows.
    """

    summary: str | None
    quotes: tuple[int, ...]
    n_quotes: int
    shortest: str


def summaries_frame(summaries: list[Summary], quotes: pd.DataFrame) -> pd.DataFrame:
    """``case, theme, text, quotes`` (coding ids: those of the summary still among
    ``quotes``, the matrix's quote rows, in document order)."""
    order = {i: n for n, i in enumerate(quotes["id"])}
    rows = [[s.case, s.theme, s.text,
             sorted((i for i in s.quotes if i in order), key=order.get)] for s in summaries]
    return pd.DataFrame(rows, columns=["case", "theme", "text", "quotes"])


def main_points(codebook: Codebook, cases: list[Case], quotes: pd.DataFrame,
                summaries: list[Summary], level: str = "theme") -> pd.DataFrame:
    """Cases × themes (or codes); each cell a ``MainPoint``.

    Args:
        quotes: the matrix's quotes (``analyse.matrix.matrix_quotes`` of the same level).
        summaries: the coder's summaries; those of other columns are left out.

    Returns:
        DataFrame indexed by ``case``, one column per theme or code key;
        ``attrs["names"]`` maps keys to names.
    """
    columns = matrix_columns(codebook, level)
    written = {(s.case, s.theme): s for s in summaries_frame(summaries, quotes)
               .itertuples(index=False)}
    by_cell: dict[tuple[str, str], list[str]] = {}
    for q in quotes.itertuples(index=False):
        by_cell.setdefault((q.case, q.column), []).append(" ".join(q.quote.split()))
    rows = matrix_rows(cases, quotes)
    rows += sorted({case for case, column in written if column in columns} - set(rows))

    def cell(case: str, column: str) -> MainPoint:
        found = by_cell.get((case, column), [])
        summary = written.get((case, column))
        return MainPoint(summary.text if summary else None,
                         tuple(summary.quotes) if summary else (), len(found),
                         min(found, key=len) if found else "")

    frame = pd.DataFrame([[cell(r, c) for c in columns] for r in rows],
                         index=pd.Index(rows, name="case"), columns=columns)
    frame.attrs["names"] = {k: codebook.code(k).name for k in columns}
    frame.attrs["language"] = codebook.language
    return frame
