"""Frequency tables as text: Markdown and CSV, from plain counts, so that printing them
needs no pandas (``qualmrs tables``); the files ``export.tables`` writes use the same."""

from __future__ import annotations

import csv
import io

from ..analyse.frequency import TableCounts
from ..coding.csvfile import neutralise


def _counts(table) -> TableCounts:
    """``table`` as counts: a ``TableCounts``, or a frequency table's DataFrame."""
    return table if isinstance(table, TableCounts) else TableCounts.of(table)


def render_markdown(table, headers: str = "text") -> str:
    """The table under its caption; column heads are question texts (or keys).

    Args:
        table: a ``TableCounts``, or a frequency table as a DataFrame.
        headers: ``"text"`` for the question texts, else the question keys.
    """
    t = _counts(table)
    names = t.headers if headers == "text" else {q: q for q in t.questions}
    lines = [f"**{t.caption}**", "",
             "| " + " | ".join(["", *[names[q] for q in t.questions]]) + " |",
             "|" + "|".join([":---"] + ["---:"] * len(t.questions)) + "|"]
    lines += ["| " + " | ".join([c, *map(str, counts)]) + " |" for c, counts in t.rows]
    return "\n".join(lines) + "\n"


def render_csv(table) -> str:
    """Contract: first column ``category``, then question keys in table order, last row ``N``.

    Text a spreadsheet would run as a formula gets a leading ``'`` (as ``csv_text``).
    """
    t = _counts(table)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")  # as pandas' to_csv writes it
    writer.writerow(["category", *map(neutralise, t.questions)])
    writer.writerows([neutralise(c), *counts] for c, counts in t.rows)
    return buf.getvalue()
