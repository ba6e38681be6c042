"""Opening stores, choosing whose work the views count, and loading a Study."""

from __future__ import annotations

from pathlib import Path

from ..codebook import load_codebook
from ..errors import StoreError
from ..model import MANUAL
from ..store import Store
from .ingest import IngestReport, ingest, sentences_of, steps
from .imports import import_answers, import_codings

__all__ = ["init_project", "open_project", "ingest", "import_codings", "import_answers",
           "tables", "matrix", "counts", "segments", "choose_coder", "resolve_coder",
           "load_study", "IngestReport", "steps", "segmenter"]


def segmenter(store: Store):
    """What makes a document's sentences again from its stored row (for the history)."""
    def segment(row: dict):
        from ..model import Document, Turn

        turns = tuple(Turn(t[1], t[4], t[5], t[2], t[3], t[6]) for t in row["turns"])
        return sentences_of(Document(row["name"], row["text"], turns), store.codebook.language)
    return segment


def init_project(db: str | Path, codebook: str | Path) -> Store:
    """Create a new project store holding a copy of the codebook (``:memory:`` for none on
    disk)."""
    store = Store.create(db, load_codebook(codebook))
    store.segmenter = segmenter(store)
    return store


def open_project(db: str | Path) -> Store:
    """Open a project store."""
    store = Store.open(db)
    store.segmenter = segmenter(store)
    return store


def resolve_coder(store: Store, coder: str | None,
                  coders: list[str] | None = None) -> tuple[str | None, str]:
    """The coder whose work the views count, and why: the one asked for, ``consensus`` when
    present, or the only coder (among ``coders``, default: all who coded).

    Raises:
        StoreError: the coder asked for has no work, or several coders and none chosen.
    """
    coders = store.coders() if coders is None else coders
    if coder:
        if coder not in coders:
            raise StoreError(f"no manual codings or answers by '{coder}'; coders: "
                             + (", ".join(coders) or "none yet"))
        return coder, "chosen"
    if "consensus" in coders:
        return "consensus", "a consensus coder is present"
    if len(coders) > 1:
        raise StoreError("several coders in this project (" + ", ".join(coders)
                         + "); choose one with --coder")
    return (coders[0], "the only coder") if coders else (None, "nobody has coded yet")


def visible_work(store: Store, blind) -> tuple[list, list]:
    """Every manual coding and answer a viewer may see (``blind``: ``rounds.Blind`` or
    None)."""
    every, given = store.codings(), store.answers()
    if blind is not None:
        every = [c for c in every if not blind.hides_coding(c)]
        given = [a for a in given if not blind.hides_answer(a)]
    return every, given


def resolve_for(store: Store, coder: str | None, blind, every=None,
                given=None) -> tuple[str | None, str]:
    """``resolve_coder`` as a viewer sees the project: a blind viewer's own work is the
    default, and another coder whose work the round hides cannot be chosen.

    Raises:
        StoreError: as ``resolve_coder``, or a coder the blind round hides.
    """
    if blind is None:
        return resolve_coder(store, coder)
    if every is None:
        every, given = visible_work(store, blind)
    visible = sorted({c.coder for c in every} | {a.coder for a in given})
    if coder is None and blind.viewer in visible:
        return blind.viewer, f"your own work (blind round {blind.round.id})"
    if coder is not None and coder not in visible and coder in store.coders():
        raise StoreError(f"blind round {blind.round.id} is open: {blind.viewer} sees only "
                         "their own codings and answers on its documents")
    return resolve_coder(store, coder, visible)


def choose_coder(store: Store, coder: str | None) -> str | None:
    return resolve_coder(store, coder)[0]


def load_study(store: Store, coder: str | None = None, suggestions: bool = False,
               reason: str | None = None, viewer: str | None = None):
    """Load a Study of ``coder`` (resolved as in ``resolve_coder``; ``reason`` overrides the
    stated reason, for a coder chosen by the caller's own rule) as ``viewer`` sees it: during
    an open blind round a coder of it sees only their own work on its documents
    (``qualmrs.project.rounds``), and their own work is the default."""
    from .study import Study
    from .rounds import blind_for

    from collections import Counter

    blind = blind_for(store, viewer)
    every, given = visible_work(store, blind)
    who, why = resolve_for(store, coder, blind, every, given)
    codings = [c for c in every if c.coder == who]
    if suggestions:
        codings += [c for c in store.codings(source=None) if c.source != MANUAL
                    and not (blind and blind.hides_coding(c))]
    answers = [a for a in given if a.coder == who]
    n_codings, n_answers = Counter(c.coder for c in every), Counter(a.coder for a in given)
    notes = [f"{other} ({n_codings[other]} coding(s), {n_answers[other]} answer(s)) is not "
             f"counted; choose with --coder, or merge with 'qualmrs rename-coder PROJECT "
             f"\"{other}\" \"{who}\"' if it is the same person"
             for other in sorted((set(n_codings) | set(n_answers)) - {who})]
    def sentences():
        # a study outlives its project's connection: after close, read on a new one, which
        # is closed again, rather than leave the store's files held open
        if store.closed and store.location is not None:
            with Store.open(store.location) as again:
                return again.sentences()
        return store.sentences()

    return Study(store.codebook, tuple(store.documents()), tuple(store.cases()), who,
                 reason or why, tuple(codings), tuple(answers), tuple(notes), suggestions,
                 sentences, written=tuple(x for x in store.summaries(who) if not (
                     blind and who != viewer and x.case in blind.cases)) if who else ())


def tables(store: Store, coder: str | None = None, blind=None):
    """The codebook's frequency tables from one coder's manual answers (see
    ``Study.tables``; the coder chosen as in ``resolve_coder``).

    Reads only the answers, not the documents and codings a Study loads, so that the tables
    of a thousand interviews come at once (issue 14: the browser's tables page).
    """
    from ..analyse import frequency_tables

    who = resolve_for(store, coder, blind)[0]
    answers = store.answers(coder=who) if who else []
    return frequency_tables(store.codebook, [a for a in answers
                                             if not (blind and blind.hides_answer(a))])


def matrix(store: Store, coder: str | None = None, level: str = "theme"):
    return load_study(store, coder).matrix(level)


def counts(store: Store, coder: str | None = None):
    return load_study(store, coder).counts()


def segments(store: Store, level: str = "turn"):
    from ..analyse import segments_table

    return segments_table(store.documents(), store.sentences() if level == "sentence" else {},
                          level)
