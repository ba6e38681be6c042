"""The case × theme matrix and the code counts of the tables page as numbers, each cell with
the segments it counts (to list its quotes), its totals and the number of cases.

A cell counts coded segments (document, start, end), each once, however many of the codes
under the cell's code are on it: a theme's cell does not count a segment twice because two of
its sub-codes were put on it.
"""

from __future__ import annotations

from ..errors import NotFound, QualmrsError, did_you_mean

__all__ = ["matrix_cells", "cell_quotes"]


def _placed(study) -> list[tuple[str, object]]:
    """(case, coding) of each coding in a case's turn, in document order."""
    docs = {d.name: d for d in study.documents}
    out = []
    for c in sorted(study.codings, key=lambda c: (c.document, c.start, c.end, c.code)):
        turn = docs[c.document].turn_at(c.start, c.end)
        if turn is not None and turn.case:
            out.append((turn.case, c))
    return out


def _under(code: str | None, key: str) -> bool:
    return code is None or key == code or key.startswith(code + ".")


def _cell(segments: dict) -> dict:
    """``{n, document, start}``: how many segments, and where the first one is."""
    first = next(iter(segments))
    return {"n": len(segments), "document": first[0], "start": first[1]}


def matrix_cells(study) -> dict:
    """The case × theme matrix and the code × case counts, each non-empty cell with the
    first segment it counts (to open it in the reader), with totals.

    Returns:
        ``{coder, cases, themes: [{key, name}], matrix: {case: {theme: cell}}, codes: [{key,
        name, depth}], counts: {code: {case: cell}}, totals: {theme: {theme: cell}, case:
        {case: cell}, all: cell or None, code: {code: cell}, theme_cases: {theme: n},
        code_cases: {code: n}}}``; a cell is ``{n, document, start}``, ``*_cases`` the
        number of distinct cases with at least one segment.
    """
    book = study.codebook
    placed = _placed(study)
    by = {}  # (code or theme or None, case or None) → {segment: True}, first seen first
    for case, c in placed:
        seg = (c.document, c.start, c.end)
        parts = c.code.split(".")
        keys = {".".join(parts[:i]) for i in range(1, len(parts) + 1)} | {None}
        for key in keys:
            for where in (case, None):
                by.setdefault((key, where), {})[seg] = True
    cases = [c.label for c in study.cases]
    themes = [t.key for t in book.themes()]
    codes = [c.key for c in book.codes]

    def cells(rows, cols, flip=False) -> dict:
        out: dict = {}
        for r in rows:
            for k in cols:
                segs = by.get((k, r) if not flip else (r, k))
                if segs:
                    out.setdefault(r, {})[k] = _cell(segs)
        return out

    def spread(key) -> int:
        return sum(1 for case in cases if by.get((key, case)))

    return {"coder": study.coder, "cases": cases,
            "themes": [{"key": t.key, "name": t.name} for t in book.themes()],
            "matrix": cells(cases, themes),
            "codes": [{"key": c.key, "name": c.name, "depth": c.key.count(".")}
                      for c in book.codes],
            "counts": cells(codes, cases, flip=True),
            "totals": {"theme": {t: _cell(by[(t, None)]) for t in themes if (t, None) in by},
                       "case": {c: _cell(by[(None, c)]) for c in cases if (None, c) in by},
                       "all": _cell(by[(None, None)]) if (None, None) in by else None,
                       "code": {k: _cell(by[(k, None)]) for k in codes if (k, None) in by},
                       "theme_cases": {t: spread(t) for t in themes},
                       "code_cases": {k: spread(k) for k in codes}}}


def cell_quotes(study, code: str | None = None, case: str | None = None) -> list[dict]:
    """The segments one cell counts, in document order, each once.

    Args:
        code: a theme or code (its sub-codes count too); None: any code.
        case: a case label; None: every case.

    Returns:
        ``[{document, case, start, end, codes: [keys], coders: [names], memo, text}]``.

    Raises:
        QualmrsError: an unknown code; NotFound: an unknown case.
    """
    keys = [c.key for c in study.codebook.codes]
    if code is not None and code not in keys:
        raise QualmrsError(f"unknown code '{code}'; {did_you_mean(code, keys)}")
    labels = [c.label for c in study.cases]
    if case is not None and case not in labels:
        raise NotFound(f"unknown case '{case}'; {did_you_mean(case, labels)}")
    texts = {d.name: d.text for d in study.documents}
    out: dict[tuple, dict] = {}
    for where, c in _placed(study):
        if (case is not None and where != case) or not _under(code, c.code):
            continue
        seg = (c.document, c.start, c.end)
        row = out.setdefault(seg, {"document": c.document, "case": where, "start": c.start,
                                   "end": c.end, "codes": [], "coders": [], "memo": "",
                                   "text": texts[c.document][c.start:c.end]})
        for field, value in (("codes", c.code), ("coders", c.coder)):
            if value not in row[field]:
                row[field].append(value)
        row["memo"] = row["memo"] or c.memo
    return list(out.values())
