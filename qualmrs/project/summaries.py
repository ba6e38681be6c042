"""Summaries (the matrix of main points) wired to the store: read, set, written as a grid to
fill in, and imported from it (see ``qualmrs.coding.summaries``)."""

from __future__ import annotations

from pathlib import Path

from ..errors import QualmrsError, did_you_mean
from ..model import Summary
from ..store import Store
from ..store.work import SyncReport

__all__ = ["summaries_frame", "set_summary", "summary_grid", "import_summaries",
           "main_points_cells", "summary_cell"]


def cell_quotes(store: Store):
    """Every manual coding that lies in a case's turn, as a quote a summary may rest on."""
    from ..coding.summaries import CellQuote

    docs = {d.name: d for d in store.documents()}
    out = []
    for c in store.codings():
        turn = docs[c.document].turn_at(c.start, c.end)
        if turn is not None and turn.case:
            out.append(CellQuote(c.id, turn.case, c.code, c.document, c.start, c.end,
                                 docs[c.document].text[c.start:c.end], c.coder))
    return out


def summaries_frame(store: Store, coder: str | None = None):
    """``id, case, theme, coder, text, quotes, origin`` of every summary (of ``coder``)."""
    import pandas as pd

    rows = [[x.id, x.case, x.theme, x.coder, x.text, list(x.quotes), x.origin]
            for x in store.summaries(coder)]
    return pd.DataFrame(rows, columns=["id", "case", "theme", "coder", "text", "quotes",
                                       "origin"])


def set_summary(store: Store, case: str, theme: str, coder: str, text: str,
                quotes=(), origin: str = "browser") -> Summary | None:
    """Set (empty ``text``: remove) ``coder``'s summary of ``case`` on ``theme``, resting on
    the codings ``quotes`` (ids), as one step.

    Raises:
        QualmrsError: unknown case or theme, or a quote that is not one of the coder's
            codings of that case and theme.
    """
    keys = {c.key for c in store.codebook.codes}
    if theme not in keys:
        raise QualmrsError(f"unknown theme '{theme}'; {did_you_mean(theme, keys)}")
    cases = {c.label for c in store.cases()}
    if case not in cases:
        raise QualmrsError(f"unknown case '{case}'; {did_you_mean(case, cases)}")
    mine = {q.id for q in cell_quotes(store) if q.coder == coder and q.belongs(case, theme)}
    stray = sorted(set(quotes) - mine)
    if stray:
        raise QualmrsError(f"coding {', '.join(map(str, stray))} is not a quote of case {case}"
                           f" on {theme} coded by {coder}")
    with store.atomic(command=f"summary {case} {theme}", actor=coder):
        return store.set_summary(Summary(case, theme, coder, text, tuple(quotes),
                                         origin=origin))


def main_points_cells(study) -> dict:
    """The matrix of main points as the browser draws it (see ``Study.main_points``).

    Returns:
        ``{coder, cases, themes: [{key, name}], cells: {case: {theme: {summary, quotes, n,
        shortest}}}}``; a cell with neither a summary nor quotes is left out, ``summary`` is
        None where the cell has none.
    """
    frame = study.main_points()
    cells: dict = {}
    for case, row in frame.iterrows():
        for theme, point in row.items():
            if point.summary is not None or point.n_quotes:
                cells.setdefault(case, {})[theme] = {
                    "summary": point.summary, "quotes": list(point.quotes),
                    "n": point.n_quotes, "shortest": point.shortest}
    return {"coder": study.coder, "cases": list(frame.index),
            "themes": [{"key": k, "name": frame.attrs["names"][k]} for k in frame.columns],
            "cells": cells}


def summary_cell(study, case: str, theme: str) -> dict:
    """One cell of the matrix of main points, to edit: its summary and every quote of it.

    Returns:
        ``{coder, case, theme, name, summary, chosen: [coding ids the summary rests on],
        quotes: [{id, code, name, document, start, end, text, memo}]}`` (document order).

    Raises:
        QualmrsError: an unknown theme; NotFound: an unknown case.
    """
    from ..errors import NotFound

    book = study.codebook
    themes = [t.key for t in book.themes()]
    if theme not in themes:
        raise QualmrsError(f"unknown theme '{theme}'; {did_you_mean(theme, themes)}")
    cases = [c.label for c in study.cases]
    if case not in cases:
        raise NotFound(f"unknown case '{case}'; {did_you_mean(case, cases)}")
    quotes = study.matrix_quotes()
    here = quotes[(quotes["case"] == case) & (quotes["column"] == theme)]
    written = study.summaries()
    mine = written[(written["case"] == case) & (written["theme"] == theme)]
    return {"coder": study.coder, "case": case, "theme": theme, "name": book.code(theme).name,
            "summary": mine["text"].iloc[0] if len(mine) else "",
            "chosen": [int(i) for i in mine["quotes"].iloc[0]] if len(mine) else [],
            "quotes": [{"id": int(q.id), "code": q.code, "name": book.code(q.code).name,
                        "document": q.document, "start": int(q.start), "end": int(q.end),
                        "text": q.quote, "memo": q.memo}
                       for q in here.itertuples(index=False)]}


def summary_grid(store: Store, out: str | Path, coder: str | None = None,
                 level: str = "theme", force: bool = False) -> Path:
    """Write the grid to fill in: cases × themes with ``coder``'s summaries so far, and the
    coder's quotes (see ``qualmrs.export.mainpoints.write_summary_grid``)."""
    from ..export.mainpoints import write_summary_grid
    from .core import load_study

    study = load_study(store, coder)
    if study.coder is None:
        raise QualmrsError("nobody has coded yet: the grid lists a coder's quotes")
    return write_summary_grid(study.main_points(level), study.matrix_quotes(level),
                              study.coder, Path(out), force)


def import_summaries(store: Store, path: str | Path, coder: str | None = None) -> SyncReport:
    """Import a filled grid (or a ``case, theme, summary, quotes, coder`` table) as one step.

    The cells changed since the grid was written (or, for a file without that record, since
    it was last imported) are applied: a new or changed cell sets its summary, an emptied
    one removes it; the rest is left alone.

    Raises:
        ImportError_: a bad cell or row (nothing is written).
    """
    from ..coding.origins import diff, items_from_snapshot
    from ..coding.summaries import read_summaries
    from .imports import _fingerprint

    path = Path(path)
    origin = f"grid:{path.name}"
    fingerprint = _fingerprint(path, coder or "")
    old = store.import_snapshot(origin)
    if old is not None and old[0] == fingerprint:
        return SyncReport(origin, unchanged_file=True)
    aliases = store.aliases()
    who = aliases.get(coder, coder) if coder else None
    items, written = read_summaries(path, store.codebook, {c.label for c in store.cases()},
                                    cell_quotes(store), who)
    before = written if written is not None else \
        (items_from_snapshot(old[1]) if old else [])
    with store.atomic(command=f"import-summaries {path.name}", actor=who):
        return store.sync_summaries(origin, fingerprint, diff(before, items))
