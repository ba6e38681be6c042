"""The project store: every write is one unit of work; a failure leaves it as it was."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable

from sqlalchemy import func, select

from ..codebook import parse_codebook
from ..errors import StoreError
from ..model import INFORMANT, MANUAL, Answer, Case, Codebook, Coding, Document, Sentence, Turn
from . import schema as s
from . import postgres
from .bulk import fetch_rows, insert_rows
from .history import HistoryMixin
from .opening import OpeningMixin
from .redact import RedactMixin
from .revisions import RevisionsMixin
from .rounds import RoundsMixin
from .rows import RowsMixin, turn_rows
from .suggestions import SuggestionsMixin
from .summaries import SummariesMixin
from .units import UnitsMixin, make_engine, now
from .users import UsersMixin
from .work import WorkMixin


class Store(OpeningMixin, UnitsMixin, RowsMixin, HistoryMixin, WorkMixin, SuggestionsMixin,
            RevisionsMixin, RedactMixin, SummariesMixin, UsersMixin, RoundsMixin):
    """A project database. Open with ``Store.create`` or ``Store.open``.

    ``segmenter`` makes a document's sentences from its row (text and turns) when the history
    brings a document back; the project layer sets it.
    """

    def __init__(self, url: str, path: Path | None = None):
        self.path = path
        self.url = url
        self.engine = make_engine(url, path)
        self._init_units()
        self._codebook: Codebook | None = None
        self.segmenter: Callable | None = None
        self.closed = False

    @property
    def location(self) -> str | Path | None:
        """Where the store is, to open it again: its file, or its server URL (with the
        password); None in memory."""
        return self.path if self.path is not None else \
            self.url if postgres.is_url(self.url) else None

    @property
    def where(self) -> str:
        """Where the store is, as messages name it (a server URL without its password)."""
        return str(self.path) if self.path is not None else \
            postgres.shown(self.url) if postgres.is_url(self.url) else self.url

    def close(self) -> None:
        self.engine.dispose()
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- meta and codebook ------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        with self.reading() as conn:
            return conn.execute(select(s.meta.c.value).where(s.meta.c.key == key)).scalar()

    def _put_meta(self, conn, values: dict[str, str]) -> None:
        """Set meta keys, with events."""
        old = self._fetch(conn, "meta", [(k,) for k in values])
        self._update(conn, "meta", [(old[(k,)], {"key": k, "value": v})
                                    for k, v in values.items() if (k,) in old])
        self._insert(conn, "meta", [{"key": k, "value": v} for k, v in values.items()
                                    if (k,) not in old])

    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            text = self.meta("codebook")
            # checked in full when stored: spaCy's pattern check is left out here
            self._codebook = parse_codebook(text or "codes: []\n",
                                            self.meta("codebook_path") or "<project>",
                                            check_patterns=False)
        return self._codebook

    def set_codebook(self, codebook: Codebook, moves: dict[str, str] | None = None,
                     drop: bool = False) -> dict[str, int]:
        """Replace the project's codebook, moving codings between codes as ``moves`` says
        (old key → new key: a rename, move or merge).

        Args:
            drop: delete the codings of codes the new codebook lacks (else refused).

        Returns:
            How many codings were moved and dropped: ``{"moved": n, "dropped": m}``.

        Raises:
            StoreError: codes still holding codings would be lost (without ``drop``), or an
                answer would not fit the new questions.
        """
        moves = moves or {}
        keys = {c.key for c in codebook.codes}
        with self.atomic() as conn:
            used = dict(conn.execute(select(s.codings.c.code, func.count())
                                     .group_by(s.codings.c.code)).all())
            lost = {k: n for k, n in used.items() if k not in keys and k not in moves}
            if lost and not drop:
                raise StoreError("the new codebook lacks codes that hold codings: "
                                 + ", ".join(f"{k} ({n})" for k, n in sorted(lost.items()))
                                 + "; list the old key under 'was:' of the code that takes "
                                 "them, or give --drop-codings", path=codebook.path)
            known = {x.key: x for x in codebook.questions}
            for q, cat in conn.execute(select(s.answers.c.question, s.answers.c.category)
                                       .distinct()):
                if q not in known or cat not in codebook.scales[known[q].scale].categories:
                    raise StoreError(f"the new codebook cannot hold the stored answer "
                                     f"{q} = {cat}", path=codebook.path)
            moved = self._move_codings(conn, {k: v for k, v in moves.items() if k in used})
            self._move_summaries(conn, moves, keys, drop, codebook.path)
            dropped = self.rows_where(conn, "codings", s.codings.c.code.in_(list(lost)))
            self._delete(conn, "codings", dropped)
            self._write_codebook(conn, codebook)
        self._codebook = None
        return {"moved": moved, "dropped": len(dropped)}

    def _write_codebook(self, conn, codebook: Codebook) -> None:
        """Store the codebook's text and its codes and questions, each change an event."""
        self._put_meta(conn, {"codebook": codebook.source, "codebook_path": codebook.path})
        self._sync_rows(conn, "codes", [
            {"key": c.key, "parent": c.parent, "name": c.name, "description": c.description,
             "color": c.color, "position": i} for i, c in enumerate(codebook.codes)])
        self._sync_rows(conn, "questions", [
            {"key": q.key, "text": q.text, "scale": q.scale, "position": i}
            for i, q in enumerate(codebook.questions)])
        self._codebook = None

    def _sync_rows(self, conn, table: str, rows: list[dict]) -> None:
        """Make a small table hold exactly ``rows`` (by key), with events."""
        current = {tuple(r[k] for k in s.KEYS[table]): r
                   for r in self.rows_where(conn, table, True)}
        wanted = {tuple(r[k] for k in s.KEYS[table]): r for r in rows}
        self._delete(conn, table, [r for k, r in current.items() if k not in wanted])
        self._update(conn, table, [(current[k], r) for k, r in wanted.items() if k in current])
        self._insert(conn, table, [r for k, r in wanted.items() if k not in current])

    # -- documents --------------------------------------------------------------------------

    def document_index(self) -> dict[str, str]:
        """Document name → SHA-256 of the file it came from."""
        with self.reading() as conn:
            return dict(conn.execute(select(s.documents.c.name, s.documents.c.sha256)).all())

    def add_documents(self, items: Iterable[tuple[Document, tuple[Sentence, ...]]],
                      cases: tuple[Case, ...] = (), codings: list[Coding] = (),
                      rehashed: dict[str, str] | None = None,
                      warnings: Iterable[tuple[str, str]] = ()) -> int:
        """Store documents with their turns and sentences, cases, and codings of the documents
        (from Word comments), in one unit; returns how many codings were new.

        ``items`` may be a generator, and each document's sentences an iterable: each
        document is written as it comes and its sentences a chunk at a time, so a large
        ingest holds one document, and a long one a batch of its sentences, at a time; an
        exception from either rolls everything back.
        ``rehashed`` gives stored documents a new file hash (a .docx whose text is the same
        but whose comments changed), so the next ingest sees the file as unchanged.
        ``warnings`` are (document, message) pairs kept with the project.
        """
        with self.atomic() as conn:
            if rehashed:
                docs = self._fetch(conn, "documents", [
                    (i,) for name, i in self._doc_ids(conn).items() if name in rehashed])
                self._update(conn, "documents", [(d, {**d, "sha256": rehashed[d["name"]]})
                                                 for d in docs.values()])
            known = self._add_cases(conn, cases, [])
            for doc, sentences in items:
                self._add_cases(conn, (), [t.case for t in doc.turns if t.case], known)
                self._store_document(conn, {"name": doc.name, "sha256": doc.sha256,
                                            "format": doc.format, "text": doc.text},
                                     turn_rows(doc.turns), sentences)
            self.add_warnings(list(warnings), conn)
            return len(self._insert_codings(conn, codings)) if codings else 0

    def _add_cases(self, conn, cases: tuple[Case, ...], labels: list[str],
                   known: set[str] | None = None) -> set[str]:
        """Add cases (replacing the attributes they name) and bare labels not yet stored;
        returns the stored labels (pass it back in to skip reading them again)."""
        existing = set(conn.execute(select(s.cases.c.label)).scalars()) if known is None \
            else known
        new = list(dict.fromkeys(label for label in [c.label for c in cases] + labels
                                 if label not in existing))
        if new:
            position = conn.execute(select(func.count()).select_from(s.cases)).scalar()
            self._insert(conn, "cases", [{"label": label, "position": position + i}
                                         for i, label in enumerate(new)])
            existing.update(new)
        wanted = {(c.label, name): value for c in cases for name, value in c.attributes.items()}
        if wanted:
            old = self._fetch(conn, "case_attributes", list(wanted))
            self._update(conn, "case_attributes", [
                (old[k], {**old[k], "value": v}) for k, v in wanted.items() if k in old])
            self._insert(conn, "case_attributes", [
                {"case_label": k[0], "name": k[1], "value": v}
                for k, v in wanted.items() if k not in old])
        return existing

    def add_cases(self, cases: tuple[Case, ...]) -> None:
        with self.atomic() as conn:
            self._add_cases(conn, cases, [])

    def documents(self, names: list[str] | None = None) -> list[Document]:
        """Every document (or those ``names``) with its turns (cases attached), in name order."""
        with self.reading() as conn:
            q = select(s.documents).order_by(s.documents.c.name)
            if names is not None:
                q = q.where(s.documents.c.name.in_(names))
            docs = conn.execute(q).all()
            t = s.turns.c
            turns: dict[int, list[Turn]] = {}
            q = select(t.document_id, t.speaker, t.start, t.end, t.role, t.case_label, t.time)
            if names is not None:
                q = q.where(t.document_id.in_([d.id for d in docs]))
            for doc_id, *turn in fetch_rows(conn, q.order_by(t.document_id, t.idx)):
                turns.setdefault(doc_id, []).append(Turn(*turn))
        return [Document(d.name, d.text, tuple(turns.get(d.id, ())), d.sha256, d.format)
                for d in docs]

    def sentences(self, names: list[str] | None = None) -> dict[str, list[Sentence]]:
        """Document name → its sentences in order (of every document, or those ``names``)."""
        seg = s.segments.c
        out: dict[str, list[Sentence]] = {}
        q = select(s.documents.c.name, seg.turn_idx, seg.start, seg.end, seg.lemmas) \
            .join(s.segments, seg.document_id == s.documents.c.id)
        if names is not None:
            q = q.where(s.documents.c.name.in_(names))
        with self.reading() as conn:
            for name, *sentence in fetch_rows(conn, q.order_by(s.documents.c.name, seg.start)):
                out.setdefault(name, []).append(Sentence(*sentence))
        return out

    def document_summaries(self) -> dict[str, dict]:
        """Document name → ``{"words": n, "informant_turns": n, "cases": [labels]}`` (cases in
        the order they first speak), counted in the database: no texts or turns are read."""
        t = s.turns.c
        with self.reading() as conn:
            out = {name: {"words": n, "informant_turns": 0, "cases": []} for name, n in
                   conn.execute(select(s.documents.c.name, s.documents.c.n_words)
                                .order_by(s.documents.c.name)).all()}
            for name, case, _first, n in conn.execute(
                    select(s.documents.c.name, t.case_label, func.min(t.idx), func.count())
                    .join(s.documents, s.documents.c.id == t.document_id)
                    .where(t.role == INFORMANT).group_by(s.documents.c.name, t.case_label)
                    .order_by(s.documents.c.name, func.min(t.idx))):
                out[name]["informant_turns"] += n
                if case:
                    out[name]["cases"].append(case)
        return out

    def coded_turns(self) -> list[tuple[str, str, int]]:
        """(document, coder, n): how many informant turns the coder's manual codings overlap
        in each document they coded."""
        c, t = s.codings.c, s.turns.c
        with self.reading() as conn:
            return [tuple(r) for r in conn.execute(
                select(s.documents.c.name, c.coder, func.count(t.idx.distinct()))
                .select_from(s.codings)
                .join(s.turns, (t.document_id == c.document_id) & (t.start < c.end)
                      & (c.start < t.end))
                .join(s.documents, s.documents.c.id == c.document_id)
                .where((c.source == MANUAL) & (t.role == INFORMANT))
                .group_by(s.documents.c.name, c.coder))]

    def case_documents(self) -> dict[str, str]:
        """Case label → the first document (by name) in which it has a turn."""
        t = s.turns.c
        with self.reading() as conn:
            return dict(conn.execute(
                select(t.case_label, func.min(s.documents.c.name))
                .join(s.documents, s.documents.c.id == t.document_id)
                .where(t.case_label.is_not(None)).group_by(t.case_label)).all())

    def cases(self) -> list[Case]:
        with self.reading() as conn:
            labels = conn.execute(select(s.cases.c.label)
                                  .order_by(s.cases.c.position)).scalars().all()
            attrs: dict[str, dict[str, str]] = {}
            for r in conn.execute(select(s.case_attributes)):
                attrs.setdefault(r.case_label, {})[r.name] = r.value
        return [Case(label, MappingProxyType(attrs.get(label, {}))) for label in labels]

    # -- warnings ---------------------------------------------------------------------------

    def add_warnings(self, warnings: list[tuple[str | None, str]], conn=None) -> None:
        """Keep (document, message) warnings with the project, once each."""
        if not warnings:
            return
        if conn is None:
            with self.atomic() as conn:
                return self.add_warnings(warnings, conn)
        have = set(conn.execute(select(s.warnings.c.document, s.warnings.c.message)).all())
        new = list(dict.fromkeys(w for w in warnings if tuple(w) not in have))
        insert_rows(conn, s.warnings, ("document", "message", "created"),
                    [(d, m, now()) for d, m in new])

    def warnings(self) -> list[tuple[str | None, str]]:
        """Warnings still standing: those about documents the project holds, and the rest."""
        with self.reading() as conn:
            names = set(conn.execute(select(s.documents.c.name)).scalars())
            return [(d, m) for d, m in conn.execute(
                select(s.warnings.c.document, s.warnings.c.message).order_by(s.warnings.c.id))
                if d is None or d in names]

    # -- codings and answers ----------------------------------------------------------------

    def _doc_ids(self, conn) -> dict[str, int]:
        return dict(conn.execute(select(s.documents.c.name, s.documents.c.id)).all())

    def codings(self, coder: str | None = None, source: str | None = MANUAL,
                ids: list[int] | None = None, document: str | None = None) -> list[Coding]:
        """Codings in document order, optionally of one coder, source, document, or by id."""
        c = s.codings.c
        q = select(s.documents.c.name, c.start, c.end, c.code, c.coder, c.source, c.memo,
                   c.confidence, c.evidence, c.id, c.origin, c.origin_key, c.created).join(
            s.documents, s.documents.c.id == c.document_id)
        if coder is not None:
            q = q.where(c.coder == coder)
        if source is not None:
            q = q.where(c.source == source)
        if ids is not None:
            q = q.where(c.id.in_(ids))
        if document is not None:
            q = q.where(s.documents.c.name == document)
        q = q.order_by(s.documents.c.name, c.start, c.end, c.code, c.coder)
        with self.reading() as conn:
            return [Coding(*r) for r in fetch_rows(conn, q)]

    def answers(self, coder: str | None = None, source: str | None = MANUAL,
                case: str | None = None) -> list[Answer]:
        """Answers in case order, optionally of one coder, source (None: all) or case."""
        a = s.answers.c
        q = select(a.case_label, a.question, a.category, a.coder, a.source, a.evidence,
                   s.documents.c.name, a.start, a.end, a.confidence, a.id, a.origin,
                   a.origin_key).outerjoin(s.documents, s.documents.c.id == a.document_id)
        if coder is not None:
            q = q.where(a.coder == coder)
        if source is not None:
            q = q.where(a.source == source)
        if case is not None:
            q = q.where(a.case_label == case)
        with self.reading() as conn:
            return [Answer(*r) for r in fetch_rows(
                conn, q.order_by(a.case_label, a.question, a.coder))]

    def coders(self) -> list[str]:
        """People who have manual codings or answers, in name order."""
        with self.reading() as conn:
            a = set(conn.execute(select(s.codings.c.coder).distinct()
                                 .where(s.codings.c.source == MANUAL)).scalars())
            b = set(conn.execute(select(s.answers.c.coder).distinct()
                                 .where(s.answers.c.source == MANUAL)).scalars())
        return sorted(a | b)

    def counts(self) -> dict[str, int]:
        """Row counts per table, for summaries and tests."""
        with self.reading() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                    for t in s.metadata.sorted_tables}

