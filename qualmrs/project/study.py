"""A Study: one coder's view of a project, loaded once, read only; the views are its methods.

Every view returns a pandas DataFrame computed from the codings and answers each time; none
reads the store again (sentences, needed by ``words`` and sentence ``segments``, are loaded
on first use).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import QualmrsError, did_you_mean
from ..model import Answer, Case, Codebook, Coding, Document, Sentence

__all__ = ["Study"]


@dataclass(frozen=True)
class Study:
    """A read-only snapshot of a project for one coder.

    Attributes:
        codebook: the project's codebook.
        documents: every document with its turns (cases attached), in name order.
        cases: the cases with their attributes, in project order.
        coder: whose codings and answers the views count (None: nobody has coded yet).
        coder_reason: why that coder («the only coder», «given», «consensus is present», ...).
        codings: ``coder``'s manual codings (plus the suggestions, when asked for).
        answers: ``coder``'s manual answers.
        notes: things a reader of the tables should know (other coders not counted, ...).
    """

    codebook: Codebook
    documents: tuple[Document, ...]
    cases: tuple[Case, ...]
    coder: str | None
    coder_reason: str
    codings: tuple[Coding, ...]
    answers: tuple[Answer, ...]
    notes: tuple[str, ...] = ()
    suggestions: bool = False
    _load_sentences: Callable[[], dict] | None = field(default=None, repr=False,
                                                       compare=False)
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    # -- data -------------------------------------------------------------------------------

    def sentences(self) -> dict[str, list[Sentence]]:
        """Document name → its sentences (with lemmas), loaded on first use."""
        if "sentences" not in self._cache:
            self._cache["sentences"] = self._load_sentences() if self._load_sentences else {}
        return self._cache["sentences"]

    def document(self, name: str) -> Document:
        """The document of that name.

        Raises:
            QualmrsError: no such document (with the closest names).
        """
        for d in self.documents:
            if d.name == name:
                return d
        raise QualmrsError(f"unknown document '{name}'; "
                           f"{did_you_mean(name, [d.name for d in self.documents])}")

    # -- tables -----------------------------------------------------------------------------

    def tables(self) -> list:
        """The codebook's frequency tables (Tabell 4-1, ...) from the coder's answers.

        Returns:
            One DataFrame per table definition: rows are the scale's categories then ``N``,
            columns the question keys; ``attrs`` hold ``id``, ``caption`` and the question
            texts (``questions``).
        """
        from ..analyse import frequency_tables

        return frequency_tables(self.codebook, list(self.answers))

    def table(self, table_id: str):
        """One frequency table by its id (``"4-1"``); see ``tables``.

        Raises:
            QualmrsError: no table with that id.
        """
        ids = [t.id for t in self.codebook.tables]
        if table_id not in ids:
            raise QualmrsError(f"no table '{table_id}'; {did_you_mean(table_id, ids)}")
        return self.tables()[ids.index(table_id)]

    def matrix(self, level: str = "theme"):
        """Cases × themes (or × codes, ``level="code"``); each cell lists its quotes.

        Returns:
            DataFrame indexed by ``case``; one column per theme or code key, each cell a list
            of quotes in document order (at theme level prefixed «[sub-code name]», a memo
            after the quote in «— memo: …»); ``attrs["names"]`` maps keys to names.
        """
        from ..analyse import theme_matrix

        return theme_matrix(self.codebook, list(self.documents), list(self.codings),
                            list(self.cases), level)

    def counts(self):
        """Coded segments per code (rows, codebook order) and case (columns).

        Returns:
            DataFrame indexed by ``code`` with one column per case, then ``total`` and
            ``cases`` (how many cases have the code). A theme's row counts its own segments
            and its sub-codes' (a segment coded with two of them once).
        """
        from ..analyse import code_counts

        return code_counts(self.codebook, list(self.documents), list(self.codings),
                           list(self.cases))

    def presence(self):
        """Per code: ``code, name, segments, cases, of, share`` («n of N informants»); a
        theme includes its sub-codes, as in ``counts``."""
        from ..analyse.views import presence

        return presence(self.codebook, list(self.documents), list(self.codings),
                        list(self.cases))

    def crosstab(self, by: str, answers: bool = False):
        """Codes (or, with ``answers``, closed-question answers) by a case attribute.

        Returns:
            codes: ``code, attribute, value, segments, cases, of, share``; answers:
            ``question, category, attribute, value, count, of, share``.

        Raises:
            QualmrsError: no case has the attribute ``by``.
        """
        from ..analyse.views import crosstab_answers, crosstab_codes

        names = {k for c in self.cases for k in c.attributes}
        if by not in names:
            raise QualmrsError(f"no case attribute '{by}'; {did_you_mean(by, names)}",
                               key="--by")
        if answers:
            return crosstab_answers(self.codebook, list(self.answers), list(self.cases), by)
        return crosstab_codes(self.codebook, list(self.documents), list(self.codings),
                              list(self.cases), by)

    def cooccurrence(self, jaccard: bool = False):
        """Code × code: informant turns carrying both (diagonal: turns with the code); with
        ``jaccard``, turns with both / turns with either."""
        from ..analyse.views import cooccurrence

        return cooccurrence(self.codebook, list(self.documents), list(self.codings), jaccard)

    def quotes(self, code: str, max_words: int | None = None):
        """Every segment coded with ``code`` or its sub-codes, in document order.

        Returns:
            ``document, case, <case attributes...>, code, name, start, end, quote, memo``.

        Raises:
            QualmrsError: unknown code (with the closest keys).
        """
        from ..analyse.views import quotes

        self._code(code)
        return quotes(self.codebook, list(self.documents), list(self.codings),
                      list(self.cases), code, max_words)

    def words(self, by: str = "code", top: int = 15):
        """Most frequent lemmas per code or case, stop words left out:
        ``group, lemma, count``."""
        from ..analyse.views import word_frequency
        from ..segment import stop_lemmas

        if by not in ("code", "case"):
            raise QualmrsError("by is 'code' or 'case'", key="--by")
        return word_frequency(list(self.documents), self.sentences(), list(self.codings), by,
                              top, stop_lemmas(self.codebook.language))

    def segments(self, level: str = "turn"):
        """Turns or sentences: ``document, case, speaker, role, start, end, text``."""
        from ..analyse import segments_table

        return segments_table(list(self.documents),
                              self.sentences() if level == "sentence" else {}, level)

    def search(self, query: str, exact: bool = False, role: str | None = None,
               cases: list[str] | None = None, width: int = 40):
        """Keyword-in-context lines of ``query`` across all interviews, grouped by case.

        Words match on their lemmas («rangering» finds «rangeringene», «faglig frihet»
        finds «faglige friheten»); ``exact`` matches the words as written (ignoring case).

        Args:
            role: only turns of this role (``informant``, ``interviewer``, ``unknown``).
            cases: only these cases (an interviewer's turn belongs to its interview's case).
            width: characters of context on each side (within the turn).

        Returns:
            ``document, case, start, end, left, match, right`` (code points into the
            stored text), cases in project order, then document and place.

        Raises:
            QualmrsError: a query without words, an unknown role or case.
        """
        from ..analyse.search import search
        from ..segment import segmenter

        return search(list(self.documents), self.sentences(), list(self.cases), query,
                      segmenter(self.codebook.language), exact, role, cases, width)[0]

    # -- figures and report -----------------------------------------------------------------

    def plots(self, out: str | Path, progress=None, force: bool = False) -> list[tuple[str, Path]]:
        """Write every figure as PNG and SVG into ``out``; returns (caption, PNG) pairs.

        Raises:
            OverwriteError: a file there that qualmrs did not write (unless ``force``).
        """
        from .figures import plots

        return plots(self, Path(out), progress, force)

    def report(self, out: str | Path, max_words: int = 60, progress=None,
               force: bool = False) -> Path:
        """Write the self-contained HTML report (figures in a folder beside it).

        Raises:
            OverwriteError: ``out`` is a store, or a file qualmrs did not write (unless
                ``force``).
        """
        from .figures import report

        return report(self, Path(out), max_words, progress, force)

    def _code(self, key: str):
        keys = {c.key for c in self.codebook.codes}
        if key not in keys:
            raise QualmrsError(f"unknown code '{key}'; {did_you_mean(key, keys)}")
        return self.codebook.code(key)
