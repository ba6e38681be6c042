"""Frequency tables of closed-question answers, laid out as in the thesis.

The counts are plain Python (``TableCounts``), so that printing a table needs no pandas
(``qualmrs tables`` starts in a fraction of the time); ``frequency_table`` gives them as the
DataFrame every other view returns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..lang.words import caption
from ..model import Answer, Codebook, TableDef


@dataclass(frozen=True)
class TableCounts:
    """One frequency table as plain counts.

    Attributes:
        id: the table's id (``"4-1"``).
        caption: «Tabell 4-1 …».
        questions: the question keys, in table order (the columns).
        headers: question key → the question's text.
        rows: ``(category, counts)`` for each category of the scale, then ``("N", counts)``;
            ``counts`` has one number per question.
        title: the table's title, without «Tabell 4-1».
        language: the codebook's language (the caption's word for «table»).
    """

    id: str
    caption: str
    questions: tuple[str, ...]
    headers: dict[str, str]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    title: str = ""
    language: str | None = None

    def frame(self):
        """The table as a DataFrame: index ``category``, one column per question key,
        ``attrs`` holding ``id``, ``title``, ``language``, ``caption`` and ``headers``."""
        import pandas as pd

        frame = pd.DataFrame({q: [counts[j] for _, counts in self.rows]
                              for j, q in enumerate(self.questions)},
                             index=pd.Index([c for c, _ in self.rows], name="category"))
        frame.attrs.update(id=self.id, title=self.title, language=self.language,
                           caption=self.caption, headers=dict(self.headers))
        return frame

    @classmethod
    def of(cls, frame) -> "TableCounts":
        """The counts of a table made by ``frame`` (or read back as a DataFrame)."""
        return cls(frame.attrs["id"], frame.attrs["caption"], tuple(frame.columns),
                   dict(frame.attrs["headers"]),
                   tuple((str(c), tuple(int(v) for v in row)) for c, row in frame.iterrows()),
                   frame.attrs.get("title", ""), frame.attrs.get("language"))


def table_counts(table: TableDef, codebook: Codebook, answers: list[Answer]) -> TableCounts:
    """Counts of answers: rows are the scale's categories then ``N``, columns the questions.

    ``N`` is the number of cases that answered each question. Each case counts once per
    question; pass the answers of one coder.
    """
    scale = codebook.scale_of(table.questions[0])
    given = {q: Counter(a.category for a in answers if a.question == q) for q in table.questions}
    rows = [(c, tuple(given[q][c] for q in table.questions)) for c in scale.categories]
    rows.append(("N", tuple(sum(given[q].values()) for q in table.questions)))
    return TableCounts(table.id, caption(codebook.language, table.id, table.title),
                       tuple(table.questions),
                       {q: codebook.question(q).text for q in table.questions}, tuple(rows),
                       table.title, codebook.language)


def frequency_table(table: TableDef, codebook: Codebook, answers: list[Answer]):
    """``table_counts`` as a DataFrame (see ``TableCounts.frame``)."""
    return table_counts(table, codebook, answers).frame()


def frequency_tables(codebook: Codebook, answers: list[Answer]) -> list:
    """Every table the codebook defines, in codebook order, as DataFrames."""
    return [frequency_table(t, codebook, answers) for t in codebook.tables]
