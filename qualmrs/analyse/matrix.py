"""Case × theme matrix of coded quotes, and code counts by case."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..model import Case, Codebook, Coding, Document


def _case_of(docs: dict[str, Document], c: Coding) -> str | None:
    turn = docs[c.document].turn_at(c.start, c.end)
    return turn.case if turn else None


def _cases_in_order(cases: list[Case], found: set[str]) -> list[str]:
    order = [c.label for c in cases]
    return order + sorted(found - set(order))


def theme_matrix(codebook: Codebook, documents: list[Document], codings: list[Coding],
                 cases: list[Case], level: str = "theme") -> pd.DataFrame:
    """Rows are cases, columns themes (``level="theme"``) or codes; cells list the quotes.

    Each cell is a list of quote strings in document order; at theme level a quote is
    prefixed with its sub-code's name in brackets; a coding's memo follows its quote
    («— memo: …»).
    """
    if level not in ("theme", "code"):
        raise ValueError("level must be 'theme' or 'code'")
    docs = {d.name: d for d in documents}
    columns = [c.key for c in (codebook.themes() if level == "theme" else codebook.codes)]
    cells: dict[tuple[str, str], list[str]] = {}
    for c in sorted(codings, key=lambda c: (c.document, c.start, c.end)):
        case = _case_of(docs, c)
        if case is None:
            continue
        column = c.code.split(".")[0] if level == "theme" else c.code
        quote = docs[c.document].text[c.start:c.end]
        if level == "theme" and c.code != column:
            quote = f"[{codebook.code(c.code).name}] {quote}"
        if c.memo:
            quote += f" — memo: {c.memo}"
        cells.setdefault((case, column), []).append(quote)
    rows = _cases_in_order(cases, {k[0] for k in cells})
    frame = pd.DataFrame([[cells.get((r, col), []) for col in columns] for r in rows],
                         index=pd.Index(rows, name="case"), columns=columns)
    frame.attrs["names"] = {k: codebook.code(k).name for k in columns}
    return frame


def code_counts(codebook: Codebook, documents: list[Document], codings: list[Coding],
                cases: list[Case]) -> pd.DataFrame:
    """Number of coded segments per code (rows, codebook order) and case (columns), with
    totals. A code with sub-codes counts the segments coded with it or any of them, each
    segment once (so a theme's row says how much was said on the theme)."""
    docs = {d.name: d for d in documents}
    keys = [c.key for c in codebook.codes]
    parents = {k.rsplit(".", 1)[0] for k in keys if "." in k}
    spans: set[tuple] = set()  # (code, case, document, start, end): a segment counts once
    for c in codings:
        case = _case_of(docs, c)
        if case is None:
            continue
        parts = c.code.split(".")
        for i in range(1, len(parts) + 1):
            if ".".join(parts[:i]) in parents:
                spans.add((".".join(parts[:i]), case, c.document, c.start, c.end))
        if c.code not in parents:
            spans.add((c.code, case, c.document, c.start, c.end, c.coder, c.source))
    pairs = [(s[0], s[1]) for s in spans]
    columns = _cases_in_order(cases, {p[1] for p in pairs})
    counted = Counter(pairs)  # one .loc update per coding took seconds on large studies
    frame = pd.DataFrame([[counted[(k, case)] for case in columns] for k in keys],
                         index=pd.Index(keys, name="code"), columns=columns, dtype="int64")
    frame["total"] = frame.sum(axis=1)
    frame["cases"] = (frame[columns] > 0).sum(axis=1)
    return frame
