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


PER_CODE_COLUMNS = ["kind", "document", "case", "start", "end", "text", "code", "coded_by",
                    "not_coded_by", "decision"]


def per_code(codebook: Codebook, documents: list[Document],
             sentences: dict[str, list[Sentence]], codings: list[Coding],
             answers: list[Answer], coders: list[str], unit: str = "turn") -> pd.DataFrame:
    """One row per unit and code that some of ``coders`` put on the unit and others did not
    (of those who coded anything in its document: who coded nothing there did not see it),
    then one per (case, question) the coders answered differently.

    Returns:
        ``PER_CODE_COLUMNS``; ``coded_by`` and ``not_coded_by`` list coders separated by
        ``;``; an answer row has the question in ``code`` and «coder=category» pairs in
        ``coded_by``. ``decision`` is left empty (``yes``/``no``, or the category).
    """
    of = {x: [c for c in codings if c.coder == x] for x in coders}
    seen = {x: {c.document for c in of[x]} for x in coders}
    units = units_of([d for d in documents if sum(d.name in s for s in seen.values()) >= 2],
                     sentences, unit)
    present = {x: codes_per_unit(units, of[x]) for x in coders}
    order = {c.key: i for i, c in enumerate(codebook.codes)}
    texts = {d.name: d.text for d in documents}
    rows = []
    for u in units:
        saw = [x for x in coders if u.document in seen[x]]
        for code in sorted(set().union(*(present[x][u] for x in saw)), key=order.get):
            yes = [x for x in saw if code in present[x][u]]
            no = [x for x in saw if code not in present[x][u]]
            if yes and no:
                rows.append([unit, u.document, u.case, u.start, u.end,
                             texts[u.document][u.start:u.end], code, SEP.join(yes),
                             SEP.join(no), ""])
    given = {(x.case, x.question, x.coder): x.category for x in answers}
    for q in codebook.questions:
        for case in sorted({x.case for x in answers if x.question == q.key}):
            said = [(x, given[(case, q.key, x)]) for x in coders if (case, q.key, x) in given]
            if len({cat for _, cat in said}) > 1:
                rows.append(["answer", "", case, None, None, f"{q.key}: {q.text}", q.key,
                             SEP.join(f"{x}={cat}" for x, cat in said), "", ""])
    return pd.DataFrame(rows, columns=PER_CODE_COLUMNS)
