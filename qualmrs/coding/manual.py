"""codings.csv: a person's coding, anchored by quote (document, case, code, quote, ...)."""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportError_, Problem, did_you_mean
from ..model import MANUAL, Codebook, Coding
from .csvfile import read_rows
from .locate import Corpus, anchor

COLUMNS = ("document", "code", "quote")
OPTIONAL = ("case", "prefix", "suffix", "coder", "memo")


def row_anchor(document: str, quote: str, prefix: str = "", suffix: str = "") -> str:
    """What says which row of a codings file a coding came from, whatever its code, coder or
    memo now say: the document and the quote with its prefix and suffix (spaces folded)."""
    return "|".join([document] + [" ".join(x.split()) for x in (prefix, quote, suffix)])


def read_codings(path: str | Path, codebook: Codebook, corpus: Corpus,
                 coder: str | None = None) -> list[Coding]:
    """Anchor every row of a codings file; all problems are reported together.

    Args:
        coder: overrides the file's ``coder`` column (needed when the file has none).

    Raises:
        ImportError_: one problem per bad row (file and row named); nothing is returned.

    Returns:
        The codings; each one's ``origin_key`` is its row's anchor (see ``row_anchor``).
    """
    path = str(path)
    codes = {c.key for c in codebook.codes}
    out, problems = [], []
    for n, row in read_rows(path, COLUMNS, OPTIONAL):
        def bad(message: str, key: str | None = None) -> None:
            problems.append(Problem(message, path, None, n, key))

        who = coder or row.get("coder", "")
        if not who:
            bad("no coder: fill the coder column or give --coder", "coder")
        if row["code"] not in codes:
            bad(f"unknown code '{row['code']}'; {did_you_mean(row['code'], codes)}", "code")
        case = row.get("case", "")
        if case and case not in corpus.cases:
            bad(f"unknown case '{case}'; {did_you_mean(case, corpus.cases)}", "case")
        doc, why = corpus.document(row["document"])
        if doc is None:
            bad(why, "document")
            continue
        if not row["quote"].strip():
            bad("empty quote", "quote")
            continue
        span, why = anchor(doc, row["quote"], row.get("prefix", ""), row.get("suffix", ""))
        if span is None:
            bad(why, "quote")
            continue
        turn = doc.turn_at(*span)
        if turn is None:
            bad("the quote runs over a speaker change; code each turn's part on its own row",
                "quote")
            continue
        if case and turn.case and turn.case != case:
            bad(f"the quote is in a turn of case '{turn.case}' ({turn.speaker}), not '{case}'",
                "case")
            continue
        if who and row["code"] in codes:
            out.append(Coding(doc.name, span[0], span[1], row["code"], who, MANUAL,
                              row.get("memo", ""), origin_key=row_anchor(
                                  doc.name, row["quote"], row.get("prefix", ""),
                                  row.get("suffix", ""))))
    if problems:
        raise ImportError_(problems=problems)
    return out
