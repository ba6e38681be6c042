"""Where two coders differ: the units to settle in a consensus meeting."""

from __future__ import annotations

import pandas as pd

from ..model import Answer, Codebook, Coding, Document, Sentence
from ..coding.units import codes_per_unit, units_of

COLUMNS = ["kind", "document", "case", "start", "end", "text", "coder_a", "codes_a", "coder_b",
           "codes_b", "decision"]
SEP = "; "


def disagreements(codebook: Codebook, documents: list[Document],
                  sentences: dict[str, list[Sentence]], codings: list[Coding],
                  answers: list[Answer], coders: tuple[str, str], unit: str = "turn",
                  codes: list[str] | None = None) -> pd.DataFrame:
    """One row per unit where the two coders' code sets differ, then per differing answer.

    Codings are compared on the units (informant turns or sentences) of documents both coded;
    answers on the (case, question) pairs both answered. ``decision`` is left empty for the
    coders to fill in: the agreed codes separated by ``;`` (``-`` for none), or the agreed
    category.
    """
    a, b = coders
    seen_a = {c.document for c in codings if c.coder == a}
    seen_b = {c.document for c in codings if c.coder == b}
    docs = [d for d in documents if d.name in seen_a & seen_b]
    units = units_of(docs, sentences, unit)
    keep = set(codes) if codes is not None else None
    of_a = codes_per_unit(units, [c for c in codings if c.coder == a])
    of_b = codes_per_unit(units, [c for c in codings if c.coder == b])
    order = {c.key: i for i, c in enumerate(codebook.codes)}
    texts = {d.name: d.text for d in docs}
    rows = []
    for u in units:
        ca, cb = of_a[u], of_b[u]
        if keep is not None:
            ca, cb = ca & keep, cb & keep
        if ca != cb:
            rows.append([unit, u.document, u.case, u.start, u.end, texts[u.document][u.start:u.end],
                         a, SEP.join(sorted(ca, key=order.get)), b,
                         SEP.join(sorted(cb, key=order.get)), ""])
    given = {(x.case, x.question, x.coder): x.category for x in answers}
    for q in codebook.questions:
        for case in sorted({x.case for x in answers if x.question == q.key}):
            ya, yb = given.get((case, q.key, a)), given.get((case, q.key, b))
            if ya is not None and yb is not None and ya != yb:
                rows.append(["answer", "", case, None, None, f"{q.key}: {q.text}", a, ya, b, yb,
                             ""])
    return pd.DataFrame(rows, columns=COLUMNS)
