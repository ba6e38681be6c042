"""Frequency tables of closed-question answers, laid out as in the thesis."""

from __future__ import annotations

import pandas as pd

from ..lang.words import caption
from ..model import Answer, Codebook, TableDef


def frequency_table(table: TableDef, codebook: Codebook, answers: list[Answer]) -> pd.DataFrame:
    """Counts of answers: rows are the scale's categories then ``N``, columns the questions.

    ``N`` is the number of cases that answered each question. Each case counts once per
    question; pass the answers of one coder.
    """
    scale = codebook.scale_of(table.questions[0])
    data = {}
    for q in table.questions:
        given = [a.category for a in answers if a.question == q]
        counts = pd.Series(given, dtype="object").value_counts()
        data[q] = [int(counts.get(c, 0)) for c in scale.categories] + [len(given)]
    frame = pd.DataFrame(data, index=pd.Index(list(scale.categories) + ["N"], name="category"))
    frame.attrs.update(id=table.id, title=table.title, language=codebook.language,
                       caption=caption(codebook.language, table.id, table.title),
                       headers={q: codebook.question(q).text for q in table.questions})
    return frame


def frequency_tables(codebook: Codebook, answers: list[Answer]) -> list[pd.DataFrame]:
    """Every table the codebook defines, in codebook order."""
    return [frequency_table(t, codebook, answers) for t in codebook.tables]
