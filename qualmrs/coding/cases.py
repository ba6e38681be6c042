"""cases.csv: one row per case (``case`` column), other columns are its attributes."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from ..errors import ImportError_, Problem
from ..model import Case
from .csvfile import read_rows


def read_cases(path: str | Path) -> tuple[tuple[Case, ...], dict[str, str]]:
    """Cases with attributes, and the document → case map from an optional ``document`` column.

    A ``document`` column is for transcripts that label every informant alike («IP»): its
    informant turns then belong to that row's case.
    """
    rows = read_rows(path, ("case",), extra_ok=True)
    cases, seen, by_doc, problems = [], {}, {}, []
    for n, row in rows:
        label = row.pop("case")
        document = row.pop("document", "")
        if not label:
            problems.append(Problem("empty case", str(path), None, n, "case"))
            continue
        if label in seen:
            problems.append(Problem(f"case '{label}' appears twice (first in row {seen[label]})",
                                    str(path), None, n, "case"))
            continue
        seen[label] = n
        if document:
            by_doc[document] = label
        cases.append(Case(label, MappingProxyType(dict(row))))
    if problems:
        raise ImportError_(problems=problems)
    return tuple(cases), by_doc
