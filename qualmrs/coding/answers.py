"""answers.csv: one answer per case and closed question, with an evidence quote."""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportError_, Problem, did_you_mean
from ..model import MANUAL, Answer, Codebook
from .anchor import find_quote
from .csvfile import read_rows
from .locate import Corpus, case_ranges

COLUMNS = ("case", "question", "category")
OPTIONAL = ("coder", "evidence", "memo")


def read_answers(path: str | Path, codebook: Codebook, corpus: Corpus,
                 coder: str | None = None) -> list[Answer]:
    """Validate every row of an answers file; all problems are reported together.

    The evidence quote, when given, must occur exactly once in the case's own talk.

    Raises:
        ImportError_: one problem per bad row; nothing is returned.
    """
    path = str(path)
    questions = {q.key: q for q in codebook.questions}
    out, problems, seen = [], [], {}
    for n, row in read_rows(path, COLUMNS, OPTIONAL):
        def bad(message: str, key: str | None = None) -> None:
            problems.append(Problem(message, path, None, n, key))

        case, qkey, category = row["case"], row["question"], row["category"]
        who = coder or row.get("coder", "")
        if not who:
            bad("no coder: fill the coder column or give --coder", "coder")
        if case not in corpus.cases:
            bad(f"unknown case '{case}'; {did_you_mean(case, corpus.cases)}", "case")
        if qkey not in questions:
            bad(f"unknown question '{qkey}'; {did_you_mean(qkey, questions)}", "question")
            continue
        scale = codebook.scales[questions[qkey].scale]
        canonical = {c.casefold(): c for c in scale.categories}
        if category.casefold() not in canonical:
            bad(f"'{category}' is not a category of scale {scale.key}; expected one of: "
                + ", ".join(scale.categories), "category")
            continue
        if (case, qkey, who) in seen:
            bad(f"case '{case}' already answered '{qkey}' in row {seen[case, qkey, who]}",
                "question")
            continue
        seen[case, qkey, who] = n
        doc_name, start, end = None, None, None
        evidence = row.get("evidence", "")
        if evidence and case in corpus.cases:
            hits = [(d, s) for d in corpus.case_documents(case)
                    for s in find_quote(d.text, evidence, within=case_ranges(d, case))]
            if len(hits) != 1:
                bad(f"evidence {'not found in' if not hits else 'found more than once in'} "
                    f"case {case}'s answers: «{evidence[:60]}»", "evidence")
                continue
            doc_name, (start, end) = hits[0][0].name, hits[0][1]
        if who and case in corpus.cases:
            out.append(Answer(case, qkey, canonical[category.casefold()], who, MANUAL,
                              evidence, doc_name, start, end))
    if problems:
        raise ImportError_(problems=problems)
    return out
