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


def matrix_quotes(codebook: Codebook, documents: list[Document], codings: list[Coding],
                  cases: list[Case], level: str = "theme") -> pd.DataFrame:
    """Every coded quote with its cell of the matrix, in document order.

    Returns:
        ``case, column, id, code, document, start, end, quote, memo``; ``column`` is the
        theme (``level="theme"``: a sub-code's quotes go to its theme) or the code.
    """
    if level not in ("theme", "code"):
        raise ValueError("level must be 'theme' or 'code'")
    docs = {d.name: d for d in documents}
    rows = []
    for c in sorted(codings, key=lambda c: (c.document, c.start, c.end, c.code)):
        case = _case_of(docs, c)
        if case is None:
            continue
        column = c.code.split(".")[0] if level == "theme" else c.code
        rows.append([case, column, c.id, c.code, c.document, c.start, c.end,
                     docs[c.document].text[c.start:c.end], c.memo])
    return pd.DataFrame(rows, columns=["case", "column", "id", "code", "document", "start",
                                       "end", "quote", "memo"])


def matrix_columns(codebook: Codebook, level: str = "theme") -> list[str]:
    """The matrix's column keys: the themes, or every code."""
    return [c.key for c in (codebook.themes() if level == "theme" else codebook.codes)]


def matrix_rows(cases: list[Case], quotes: pd.DataFrame) -> list[str]:
    """The matrix's rows: the cases in project order, then any other case quoted."""
    return _cases_in_order(cases, set(quotes["case"]))


def theme_matrix(codebook: Codebook, documents: list[Document], codings: list[Coding],
                 cases: list[Case], level: str = "theme") -> pd.DataFrame:
    """Rows are cases, columns themes (``level="theme"``) or codes; cells list the quotes.

    Each cell is a list of quote strings in document order; at theme level a quote is
    prefixed with its sub-code's name in brackets; a coding's memo follows its quote
    («— memo: …»).
    """
    quotes = matrix_quotes(codebook, documents, codings, cases, level)
    columns = matrix_columns(codebook, level)
    cells: dict[tuple[str, str], list[str]] = {}
    for q in quotes.itertuples(index=False):
        cells.setdefault((q.case, q.column), []).append(quote_label(codebook, q))
    rows = matrix_rows(cases, quotes)
    frame = pd.DataFrame([[cells.get((r, col), []) for col in columns] for r in rows],
                         index=pd.Index(rows, name="case"), columns=columns)
    frame.attrs["names"] = {k: codebook.code(k).name for k in columns}
    frame.attrs["language"] = codebook.language
    return frame


def quote_label(codebook: Codebook, q) -> str:
    """A quote as a matrix cell shows it: «[sub-code name] quote — memo: …»."""
    text = q.quote
    if q.code != q.column:
        text = f"[{codebook.code(q.code).name}] {text}"
    return f"{text} — memo: {q.memo}" if q.memo else text


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
