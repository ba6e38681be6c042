"""The front door: ``qualmrs.open`` and ``qualmrs.create`` give a Project; its ``study()``
gives the views. The CLI, the web interface and notebooks go through here."""

from __future__ import annotations

from pathlib import Path

from ..store import Store
from . import edits, imports
from .core import load_study, open_project, segmenter
from .ingest import ingest
from .live import LiveMixin
from .rounds import RoundsMixin

__all__ = ["Project", "open", "create"]


class Project(RoundsMixin, LiveMixin):
    """A project store with its codebook. Every write is one step of the history.

    Use as a context manager (``with qualmrs.open(path) as project: ...``) or call
    ``close()``. ``viewer`` names the person looking: during an open blind round a coder of
    it sees only their own work on its documents (``qualmrs.project.rounds``).
    """

    def __init__(self, store: Store, viewer: str | None = None):
        self.store = store
        self.viewer = viewer
        store.segmenter = store.segmenter or segmenter(store)

    # -- the store --------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The project file (None for an in-memory project)."""
        return self.store.path

    @property
    def where(self) -> str:
        """Where the project is, as messages name it: its file, or its server URL without
        the password."""
        return self.store.where

    @property
    def codebook(self):
        """The project's codebook (``qualmrs.Codebook``)."""
        return self.store.codebook

    def seen_by(self, viewer: str | None) -> "Project":
        """The same project (and connection) as ``viewer`` sees it: what the views, the
        reader's data and the history show them during a blind round; see ``Project``."""
        return Project(self.store, viewer)

    def close(self) -> None:
        """Close the connection to the store."""
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def atomic(self, command: str | None = None, actor: str | None = None):
        """A unit of work: everything written in the block is kept together or not at all,
        and is one step of the history (nested blocks are savepoints)."""
        return self.store.atomic(command=command, actor=actor)

    # -- reading ----------------------------------------------------------------------------

    def reading(self):
        """A block whose reads share one connection to the store (a view read at once, as a
        server answering a request does): on a database server one checkout instead of one
        per read. Not for writing."""
        return self.store.reading()

    def study(self, coder: str | None = None, suggestions: bool = False,
              viewer: str | None = None):
        """A read-only snapshot of the project for one coder; the views are its methods.

        Args:
            coder: whose codings and answers to count; by default ``consensus`` when present,
                else the only coder (``study.coder`` and ``study.coder_reason`` say which);
                a blind viewer's own during a blind round.
            suggestions: count the rule and model suggestions too.
            viewer: who looks (default ``project.viewer``): during an open blind round, a
                coder of it sees only their own work on its documents.

        Returns:
            ``qualmrs.Study``.

        Raises:
            StoreError: the coder has no work, or several coders and none chosen.
        """
        return load_study(self.store, coder, suggestions,
                          viewer=viewer if viewer is not None else self.viewer)

    def tables(self, coder: str | None = None) -> list:
        """``study(coder).tables()`` without loading the documents and codings a Study
        holds: quick on a large project."""
        from .core import tables

        return tables(self.store, coder, self.blind())

    def whose_work(self, coder: str | None = None) -> tuple[str | None, str]:
        """Whose work ``study(coder)`` and ``tables(coder)`` count, and why («chosen», «the
        only coder», ...); (None, why) when nobody has coded.

        Raises:
            StoreError: as ``study``.
        """
        from .core import resolve_for

        return resolve_for(self.store, coder, self.blind())

    def agreement(self, coders, unit: str = "turn", codes: list[str] | None = None,
                  themes: bool = False):
        """Agreement between coders on codings (per code: percent, Cohen's kappa,
        Krippendorff's alpha; the unit stated in ``attrs``) and on answers.

        Returns:
            (codings DataFrame, answers DataFrame); see ``qualmrs.analyse.agreement``.
        """
        from .agreement import agreement

        self._not_blind("agreement")
        return agreement(self.store, coders, unit, codes, themes)

    def segments(self, level: str = "turn"):
        """Turns or sentences of every document: ``document, case, speaker, role, start, end,
        text`` (no coder needed)."""
        from .core import segments

        return segments(self.store, level)

    def search(self, query: str, exact: bool = False, role: str | None = None,
               cases: list[str] | None = None, code: str | None = None,
               coder: str | None = None, width: int = 40):
        """Keyword-in-context lines of ``query`` in every interview, grouped by case (no
        coder needed; see ``Study.search``). With ``code`` and ``coder``, each hit's
        sentence is also coded as ``coder``'s (origin ``search:QUERY``), as one step of the
        history that ``undo`` takes back; ``attrs["coded"]`` says how many codings were new.
        """
        from .search import search

        return search(self.store, query, exact, role, cases, code, coder, width)

    def disagreements(self, coders, unit: str = "turn", codes: list[str] | None = None):
        """Units and answers where two coders differ, with an empty ``decision`` column."""
        from .agreement import disagreements

        self._not_blind("disagreements")
        return disagreements(self.store, coders, unit, codes)

    # -- suggestions ------------------------------------------------------------------------

    def suggest(self, rules: bool = True, model: bool = True, coder: str | None = None,
                progress=None):
        """Refresh the rule and model suggestions (manual work untouched); a SuggestReport."""
        from .suggest import suggest

        return suggest(self.store, rules, model, coder, progress=progress,
                       blind=self.blind())

    def suggestions(self):
        """Stored suggestions: ``document, case, start, end, code, source, confidence, text,
        id``."""
        from .suggest import suggestions

        return suggestions(self.store)

    def suggest_answers(self):
        """Suggest (and store) an answer per case and closed question: ``case, question,
        category, source, confidence, evidence``."""
        from .suggest import suggest_answers

        return suggest_answers(self.store)

    def accept(self, coder: str, code: str | None = None, min_confidence: float = 0.0,
               ids: list[int] | None = None) -> tuple[int, int]:
        """Make suggestions ``coder``'s manual codings and answers (one step)."""
        from .suggest import accept

        return accept(self.store, coder, code, min_confidence, ids)

    def reject(self, code: str | None = None, source: str | None = None,
               ids: list[int] | None = None, actor: str | None = None) -> tuple[int, int]:
        """Drop suggestions (one step)."""
        from .suggest import reject

        return reject(self.store, code, source, ids, actor)

    def suggestion_ids(self, document: str, code: str) -> list[int]:
        """A document's suggestions of a code (and its sub-codes), by id (those the viewer
        may see)."""
        from .browse import suggestion_ids

        return suggestion_ids(self.store, document, code, self.blind())

    def least_sure(self, document: str | None = None,
                   coder: str | None = None) -> dict | None:
        """The suggestion the model is least sure of (in ``document``, or anywhere), passing
        over those that repeat ``coder``'s own coding."""
        from .browse import least_sure

        return least_sure(self.store, document, coder, self.blind())

    def cell_quotes(self, study, code: str, case: str | None = None) -> list[dict]:
        """The segments one cell of ``matrix_cells`` counts (``code``: a theme or code;
        ``case``: one case, None: all), each with its text; see ``cells.cell_quotes``."""
        from .cells import cell_quotes

        return cell_quotes(study, code, case)

    def undo_state(self, coder: str | None = None) -> dict:
        """What ``undo(coder)`` and ``redo(coder)`` would take now: ``{"undo": command or
        None, "redo": command or None}`` (nothing is changed)."""
        return self.store.next_steps(coder)

    def matrix_cells(self, study) -> dict:
        """A study's case × theme and code × case counts, each cell with its first quote."""
        from .cells import matrix_cells

        return matrix_cells(study)

    def evaluate(self, coder: str | None = None, progress=None, workers: int | None = None):
        """Leave-one-case-out scores of the suggestions against ``coder``'s coding, the
        model's folds in ``workers`` processes (None: one per core)."""
        from .suggest import evaluate

        return evaluate(self.store, coder, progress=progress, workers=workers)

    # -- people -----------------------------------------------------------------------------

    def users(self):
        """The people who may log in to a team project (``User``: name, role, created)."""
        return self.store.users()

    def user(self, name: str):
        """The ``User`` named ``name`` (an error listing the users when there is none)."""
        return self.store.user(name)

    def add_user(self, name: str, password: str, role: str = "coder"):
        """Add a person (role owner, coder or viewer); only the password's argon2 hash is
        kept. Returns the ``User``."""
        return self.store.add_user(name, password, role)

    def remove_user(self, name: str) -> None:
        """Remove a person's login (their coding stays)."""
        self.store.remove_user(name)

    def set_password(self, name: str, password: str) -> None:
        """Give a person a new password."""
        self.store.set_password(name, password)

    def set_role(self, name: str, role: str):
        """Give a person another role (the last owner stays one). Returns the ``User``."""
        return self.store.set_role(name, role)

    def session_secret(self) -> str:
        """The key signing this project's web sessions (made once, kept in the store)."""
        return self.store.session_secret()

    def check_login(self, name: str, password: str):
        """The ``User`` when ``password`` is ``name``'s, else None."""
        return self.store.check_login(name, password)

    # -- writing files ----------------------------------------------------------------------

    def export_qdpx(self, out: str | Path, name: str | None = None,
                    force: bool = False) -> Path:
        """Write the project as a REFI-QDA project (.qdpx).

        Raises:
            OverwriteError: ``out`` is a store, or a file qualmrs did not write (unless
                ``force``).
        """
        from .interchange import export_qdpx

        return export_qdpx(self.store, out, name, force)

    def export_text(self, out: str | Path, fmt: str = "txt", force: bool = False) -> list[Path]:
        """Write every transcript as stored, one .txt or .docx file per document in ``out``."""
        from ..export.transcripts import write_transcripts

        return write_transcripts(self.store.documents(), out, fmt, force)

    # -- pseudonymisation -------------------------------------------------------------------

    def pseudonym_review(self, out: str | Path, force: bool = False):
        """Find personal data in the talk and write the review file (.xlsx or .csv):
        ``document, start, end, text, type, context, pseudonym, action``.

        Returns:
            (the file written, the ``qualmrs.pseudonym.Mention`` list).
        """
        from .pseudonymise import review

        return review(self.store, out, force)

    def pseudonymise(self, review_file: str | Path, key_file: str | Path,
                     force: bool = False):
        """Apply a reviewed file: replace the accepted mentions across the study (codings
        carried), write the key only to ``key_file``, erase the originals from the store file.
        Not undoable except with the key (``pseudonymise_reverse``)."""
        from .pseudonymise import apply

        return apply(self.store, review_file, key_file, force)

    def pseudonymise_reverse(self, key_file: str | Path):
        """Put the original text back from a key file (one step)."""
        from .pseudonymise import reverse

        return reverse(self.store, key_file)

    def coding_sheet(self, out: str | Path, level: str = "turn",
                     documents: list[str] | None = None, force: bool = False) -> Path:
        """Write a coding sheet (.xlsx) of the informant turns or sentences."""
        from .interchange import coding_sheet

        return coding_sheet(self.store, out, level, documents, force)

    # -- what a reader in a window shows ----------------------------------------------------

    def overview(self) -> dict:
        """Every document with cases, attributes, words and coding progress per coder; see
        ``qualmrs.project.browse.documents_overview``."""
        from .browse import documents_overview

        return documents_overview(self.store, self.blind())

    def document_view(self, name: str) -> dict:
        """One document's text, turns, codings and suggestions (code-point offsets)."""
        from .browse import document_view

        return document_view(self.store, name, self.blind())

    def case_questions(self, case: str, coder: str | None) -> list[dict]:
        """A case's closed questions with ``coder``'s answer and the suggested one."""
        from .browse import case_questions

        return case_questions(self.store, case, coder, self.blind())

    def codebook_tree(self) -> list[dict]:
        """The codes in order with definitions, notes, examples and colours."""
        from .browse import codebook_tree

        return codebook_tree(self.store)

    def last_change(self) -> int:
        """The id of the latest event in the history (0 when none): a version of the data."""
        return self.store.last_event_id()

    def codings(self, coder: str | None = None, code: str | None = None):
        """Manual codings: ``id, document, case, start, end, code, coder, origin, memo,
        text`` (as the viewer may see them)."""
        return edits.codings_frame(self.store, coder, code, self.blind())

    # -- summaries (the matrix of main points) ------------------------------------------

    def summaries(self, coder: str | None = None):
        """Every summary (of ``coder``): ``id, case, theme, coder, text, quotes, origin``."""
        from .summaries import summaries_frame

        return summaries_frame(self.store, coder)

    def set_summary(self, case: str, theme: str, coder: str, text: str, quotes=(),
                    origin: str = "browser"):
        """Set ``coder``'s summary of ``case`` on ``theme`` (a cell of the matrix of main
        points), resting on the codings ``quotes`` (ids); empty ``text`` removes it. One
        step of the history; the browser's cell editor calls this.

        Returns:
            The stored ``Summary``, or None when removed.

        Raises:
            QualmrsError: unknown case or theme, or a quote not in that cell of the coder.
        """
        from .summaries import set_summary

        return set_summary(self.store, case, theme, coder, text, quotes, origin)

    def main_points_cells(self, study) -> dict:
        """A study's matrix of main points for the browser: each cell its summary, or its
        number of quotes and the shortest; see ``summaries.main_points_cells``."""
        from .summaries import main_points_cells

        return main_points_cells(study)

    def summary_cell(self, study, case: str, theme: str) -> dict:
        """One cell of the matrix of main points to edit: its summary, the quotes it rests on
        and every quote of the cell; see ``summaries.summary_cell``."""
        from .summaries import summary_cell

        return summary_cell(study, case, theme)

    def summary_grid(self, out: str | Path, coder: str | None = None, level: str = "theme",
                     force: bool = False) -> Path:
        """Write the grid (.xlsx) to write summaries in, with the coder's quotes."""
        from .summaries import summary_grid

        return summary_grid(self.store, out, coder, level, force)

    def import_summaries(self, path: str | Path, coder: str | None = None):
        """Import a filled grid (or a summaries CSV) as one step; returns a SyncReport."""
        from .summaries import import_summaries

        return import_summaries(self.store, path, coder)

    def people(self) -> list[str]:
        """The people with manual codings or answers, by name (quick: no rows are read; a
        blind viewer's, those whose work they may see)."""
        if (blind := self.blind()) is None:
            return self.store.coders()
        from .core import visible_work

        every, given = visible_work(self.store, blind)
        return sorted({c.coder for c in every} | {a.coder for a in given})

    def coders(self):
        """``coder, codings, answers, origins``."""
        return edits.coders_frame(self.store)

    def history(self, coder: str | None = None, limit: int | None = None):
        """The steps, newest first: ``step, at, who, command, changes, state``; a blind
        viewer sees only their own steps while the round is open (a step's command names
        the span and code it coded)."""
        blind = self.blind()
        return edits.history_frame(self.store, coder, limit,
                                   actor=blind.viewer if blind else None)

    def status(self):
        """Documents, cases, coders, the default coder and the standing warnings."""
        return edits.status(self.store)

    # -- building ---------------------------------------------------------------------------

    def ingest(self, paths, cases: str | Path | None = None, encoding: str | None = None,
               strict: bool = False, progress=None, revise: bool = False):
        """Read transcripts into the project; see ``qualmrs.project.ingest`` (``revise``: a
        changed file is taken in as a corrected version of the stored one)."""
        return ingest(self.store, paths, cases, encoding, strict, progress, revise)

    def import_codings(self, path: str | Path, coder: str | None = None):
        """Import a codings.csv (again: its changes); returns a SyncReport."""
        return imports.import_codings(self.store, path, coder)

    def import_answers(self, path: str | Path, coder: str | None = None):
        """Import an answers.csv (again: its changes); returns a SyncReport."""
        return imports.import_answers(self.store, path, coder)

    def import_coding_sheet(self, path: str | Path, coder: str):
        """Import a filled coding sheet as ``coder``'s; returns a SyncReport."""
        return imports.import_coding_sheet(self.store, path, coder)

    def consensus(self, path: str | Path, coder: str = "consensus") -> tuple[int, int]:
        """Import decided disagreements as a new coder; returns (codings, answers)."""
        return imports.consensus(self.store, path, coder)

    def update_codebook(self, codebook, drop_codings: bool = False) -> dict[str, int]:
        """Take in a new codebook (a path or ``Codebook``), moving codings by ``was:``."""
        from ..codebook import load_codebook

        book = codebook if hasattr(codebook, "codes") else load_codebook(codebook)
        return edits.update_codebook(self.store, book, drop_codings)

    # -- correcting -------------------------------------------------------------------------

    def code(self, document: str, start: int, end: int, code: str, coder: str,
             memo: str = "", text: str | None = None, origin: str = "browser"):
        """Code ``[start, end)`` of a document (code points) as ``coder``'s manual coding.

        Args:
            text: what the caller saw selected; refused when the store holds other text
                there (the offsets are stale).

        Returns:
            The new ``Coding`` (or the identical one already there).

        Raises:
            QualmrsError: unknown document or code, a span outside the text or over a
                speaker change, or ``text`` that does not match.
        """
        from .coding import code_span

        return code_span(self.store, document, start, end, code, coder, memo, text, origin)

    def uncode(self, ids: list[int], actor: str | None = None) -> int:
        """Remove manual codings by id (one step)."""
        return edits.uncode(self.store, ids, actor)

    def recode(self, ids: list[int], to: str, actor: str | None = None) -> int:
        """Give manual codings another code (one step)."""
        return edits.recode(self.store, ids, to, actor)

    def change_coding(self, coding_id: int, actor: str | None = None, code: str | None = None,
                      memo: str | None = None, seen: dict | None = None) -> None:
        """Recode a manual coding and/or set its memo (one step), refused with ``Conflict``
        when someone changed or removed it since the caller ``seen`` it (see ``seen.py``)."""
        from .seen import change_coding

        change_coding(self.store, coding_id, actor, code, memo, seen)

    def remove_coding(self, coding_id: int, actor: str | None = None,
                      seen: dict | None = None) -> None:
        """Remove a manual coding (one step), refused with ``Conflict`` when it is no longer
        as the caller ``seen`` it."""
        from .seen import remove_coding

        remove_coding(self.store, coding_id, actor, seen)

    def set_memo(self, coding_id: int, memo: str, actor: str | None = None) -> None:
        """Set a manual coding's memo (one step)."""
        from .coding import set_memo

        set_memo(self.store, coding_id, memo, actor)

    def set_answer(self, case: str, question: str, category: str | None, coder: str,
                   evidence: str = "", document: str | None = None, start: int | None = None,
                   end: int | None = None):
        """Set (or with ``category`` None, remove) ``coder``'s answer (one step)."""
        from .coding import set_answer

        return set_answer(self.store, case, question, category, coder, evidence, document,
                          start, end)

    def rename_coder(self, old: str, new: str) -> dict[str, int]:
        """Give ``old``'s work to ``new`` (merging) and remember the alias (one step)."""
        return edits.rename_coder(self.store, old, new)

    def set_aside(self) -> list[dict]:
        """Codings set aside because a revision deleted their text: ``id, document, coding
        (its row), text, created``."""
        return self.store.set_aside_codings()

    def restore_coding(self, aside_id: int, quote: str | None = None) -> dict:
        """Put a set-aside coding back on ``quote`` (default: its old text), found once in its
        document (one step); returns the coding's row."""
        from .revise import restore_coding

        return restore_coding(self.store, aside_id, quote)

    def reviews(self) -> list[dict]:
        """Codings and answer evidence whose words a revision changed, to be looked at."""
        return self.store.reviews()

    def reviewed(self, ids: list[int] | None = None) -> int:
        """Clear review notes (``ids``; None: all) as looked at (one step)."""
        with self.store.atomic(command="reviewed " + (" ".join(map(str, ids)) if ids
                                                      else "--all")):
            return self.store.clear_reviews(ids)

    def undo(self, coder: str | None = None, steps: int = 1) -> list:
        """Undo the latest ``steps`` steps (of ``coder``); returns the steps undone."""
        return edits.undo(self.store, coder, steps)

    def redo(self, coder: str | None = None, steps: int = 1) -> list:
        """Redo what undo took back; returns the undo steps reverted."""
        return edits.redo(self.store, coder, steps)


def open(path: str | Path, viewer: str | None = None) -> Project:  # noqa: A001 - as io.open
    """Open a project: a file, a PostgreSQL URL (``postgresql+psycopg://USER@HOST:PORT/DB``)
    or ``":memory:"`` (a new, empty one in memory); ``viewer``: who looks (see ``Project``).

    Raises:
        StoreError: no project there, not a project, or one made by a newer qualmrs.
    """
    if str(path) == ":memory:":
        from ..model import Codebook

        return Project(Store.create(":memory:", Codebook("", "nb", ("A", "I", "Intervjuer"),
                                                          (), {}, (), (), "codes: []\n")))
    return Project(open_project(path), viewer)


def create(path: str | Path, codebook) -> Project:
    """Create a project holding ``codebook`` (a path or ``Codebook``) at ``path``: a new
    file, an empty PostgreSQL database's URL, or ``":memory:"`` for none on disk.

    Raises:
        StoreError: a file exists at ``path``, the database holds a project, or the server
            cannot be reached; CodebookError: the codebook is invalid.
    """
    from ..codebook import load_codebook

    book = codebook if hasattr(codebook, "codes") else load_codebook(codebook)
    return Project(Store.create(path, book))
