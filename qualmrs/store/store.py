"""The project store: every write is one transaction; a failure leaves it as it was."""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import MappingProxyType
from typing import Iterable

from sqlalchemy import bindparam, create_engine, func, insert, select
from sqlalchemy.exc import DatabaseError

from ..codebook import parse_codebook
from ..errors import StoreError, os_error
from ..export.output import is_sqlite
from ..model import MANUAL, Answer, Case, Codebook, Coding, Document, Sentence, Turn
from . import schema as s
from . import sqlite
from .bulk import fetch_rows, insert_rows
from .suggestions import SuggestionsMixin, _now

TURN_COLUMNS = ("document_id", "idx", "speaker", "role", "case_label", "start", "end", "time")
SEGMENT_COLUMNS = ("document_id", "turn_idx", "start", "end", "lemmas")
CODING_COLUMNS = ("document_id", "start", "end", "code", "coder", "source", "confidence",
                  "evidence", "memo", "created")


class Store(SuggestionsMixin):
    """A project database. Open with ``Store.create`` or ``Store.open``."""

    def __init__(self, url: str, path: Path | None = None):
        self.path = path
        self.engine = create_engine(url)
        self._sqlite = url.startswith("sqlite")
        if self._sqlite:
            sqlite.install(self.engine, path)
        self._codebook: Codebook | None = None

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, codebook: Codebook) -> "Store":
        path = Path(path)
        if path.exists():
            raise StoreError("a project already exists here; open it instead of init",
                             path=path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise StoreError("a file is in the way of this folder; give a folder for the "
                             "project", path=path.parent) from None
        except OSError as e:
            error = os_error(e, path.parent, "choose a folder you can write to")
            if error is None:
                raise
            raise error from e
        store = cls(f"sqlite:///{path}", path)
        try:
            with store.transaction() as conn:
                s.metadata.create_all(conn)
                conn.execute(insert(s.meta), [
                    {"key": "schema_version", "value": str(s.SCHEMA_VERSION)},
                    {"key": "created", "value": _now()}])
                store._write_codebook(conn, codebook)
        except BaseException:
            store.close()
            cls.remove(path)
            raise
        return store

    @staticmethod
    def remove(path: str | Path) -> None:
        """Delete a store that was never finished, with its WAL and journal files."""
        sqlite.remove(Path(path))

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        path = Path(path)
        if not path.is_file():
            raise StoreError("no project database here; create one with 'qualmrs init' "
                             "or 'qualmrs run'", path=path)
        if not is_sqlite(path):  # before SQLite makes an empty file a database
            raise StoreError("not a qualmrs project database", path=path)
        store = cls(sqlite.url(path), path)
        try:
            version = store.meta("schema_version")
        except DatabaseError:
            store.close()
            raise StoreError("not a qualmrs project database", path=path) from None
        except BaseException:
            store.close()
            raise
        if version is None:
            store.close()
            raise StoreError("not a qualmrs project database (no schema version)", path=path)
        if int(version) > s.SCHEMA_VERSION:
            store.close()
            raise StoreError(f"the project has schema version {version}, newer than this "
                             f"qualmrs understands ({s.SCHEMA_VERSION}); upgrade qualmrs",
                             path=path)
        if int(version) < s.SCHEMA_VERSION:
            store._migrate(int(version))
        return store

    def _migrate(self, version: int) -> None:
        """Bring an older store up to date; each step only adds (1 → 2: the models table)."""
        with self.transaction() as conn:
            s.metadata.create_all(conn, tables=[s.models])
            conn.execute(s.meta.update().where(s.meta.c.key == "schema_version")
                         .values(value=str(s.SCHEMA_VERSION)))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextlib.contextmanager
    def transaction(self):
        """All or nothing: any exception rolls back every write made in the block.

        A SQLite store is locked for writing first, waiting for another writer (see
        ``qualmrs.store.sqlite``).
        """
        with self.engine.connect() as conn, conn.begin():
            if self._sqlite:
                sqlite.begin_immediate(conn.connection.dbapi_connection, self.path)
            yield conn

    # -- meta and codebook ------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(s.meta.c.value).where(s.meta.c.key == key)).scalar()

    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            text = self.meta("codebook")
            # checked in full when stored: spaCy's pattern check is left out here
            self._codebook = parse_codebook(text, self.meta("codebook_path") or "<project>",
                                            check_patterns=False)
        return self._codebook

    def set_codebook(self, codebook: Codebook) -> None:
        """Replace the project's codebook, refusing one that would orphan stored codings."""
        with self.transaction() as conn:
            used = set(conn.execute(select(s.codings.c.code).distinct()).scalars())
            missing = used - {c.key for c in codebook.codes}
            if missing:
                raise StoreError("the new codebook lacks codes the project uses: "
                                 + ", ".join(sorted(missing)), path=codebook.path)
            for q, cat in conn.execute(select(s.answers.c.question, s.answers.c.category)
                                       .distinct()):
                known = {x.key: x for x in codebook.questions}
                if q not in known or cat not in codebook.scales[known[q].scale].categories:
                    raise StoreError(f"the new codebook cannot hold the stored answer "
                                     f"{q} = {cat}", path=codebook.path)
            for table in (s.codes, s.questions):
                conn.execute(table.delete())
            conn.execute(s.meta.delete().where(s.meta.c.key.in_(["codebook", "codebook_path"])))
            self._write_codebook(conn, codebook)
        self._codebook = None

    def _write_codebook(self, conn, codebook: Codebook) -> None:
        conn.execute(insert(s.meta), [{"key": "codebook", "value": codebook.source},
                                      {"key": "codebook_path", "value": codebook.path}])
        if codebook.codes:
            conn.execute(insert(s.codes), [
                {"key": c.key, "parent": c.parent, "name": c.name, "description": c.description,
                 "color": c.color, "position": i} for i, c in enumerate(codebook.codes)])
        if codebook.questions:
            conn.execute(insert(s.questions), [
                {"key": q.key, "text": q.text, "scale": q.scale, "position": i}
                for i, q in enumerate(codebook.questions)])

    # -- documents --------------------------------------------------------------------------

    def document_index(self) -> dict[str, str]:
        """Document name → SHA-256 of the file it came from."""
        with self.engine.connect() as conn:
            return dict(conn.execute(select(s.documents.c.name, s.documents.c.sha256)).all())

    def add_documents(self, items: Iterable[tuple[Document, tuple[Sentence, ...]]],
                      cases: tuple[Case, ...] = (), codings: list[Coding] = (),
                      rehashed: dict[str, str] | None = None) -> int:
        """Store documents with their turns and sentences, cases, and codings of the documents
        (from Word comments), in one transaction; returns how many codings were new.

        ``items`` may be a generator: each document is written as it comes, so a large
        ingest holds one document at a time; an exception from it rolls everything back.
        ``rehashed`` gives stored documents a new file hash (a .docx whose text is the same
        but whose comments changed), so the next ingest sees the file as unchanged.
        """
        with self.transaction() as conn:
            for name, sha in (rehashed or {}).items():
                conn.execute(s.documents.update().where(s.documents.c.name == name)
                             .values(sha256=sha))
            known = self._add_cases(conn, cases, [])
            for doc, sentences in items:
                self._add_cases(conn, (), [t.case for t in doc.turns if t.case], known)
                doc_id = conn.execute(insert(s.documents).values(
                    name=doc.name, sha256=doc.sha256, format=doc.format, text=doc.text,
                    n_words=len(doc.text.split()))).inserted_primary_key[0]
                insert_rows(conn, s.turns, TURN_COLUMNS, [
                    (doc_id, i, t.speaker, t.role, t.case, t.start, t.end, t.time)
                    for i, t in enumerate(doc.turns)])
                insert_rows(conn, s.segments, SEGMENT_COLUMNS, [
                    (doc_id, x.turn, x.start, x.end, x.lemmas) for x in sentences])
            return self._insert_codings(conn, codings) if codings else 0

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
            insert_rows(conn, s.cases, ("label", "position"),
                         [(label, position + i) for i, label in enumerate(new)])
            existing.update(new)
        pairs = [(c.label, name, value) for c in cases for name, value in c.attributes.items()]
        if pairs:
            conn.execute(s.case_attributes.delete().where(
                (s.case_attributes.c.case_label == bindparam("label"))
                & (s.case_attributes.c.name == bindparam("attr"))),
                [{"label": label, "attr": name} for label, name, _ in pairs])
            insert_rows(conn, s.case_attributes, ("case_label", "name", "value"), pairs)
        return existing

    def add_cases(self, cases: tuple[Case, ...]) -> None:
        with self.transaction() as conn:
            self._add_cases(conn, cases, [])

    def documents(self, names: list[str] | None = None) -> list[Document]:
        """Every document (or those ``names``) with its turns (cases attached), in name order."""
        with self.engine.connect() as conn:
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

    def sentences(self) -> dict[str, list[Sentence]]:
        """Document name → its sentences in order."""
        seg = s.segments.c
        out: dict[str, list[Sentence]] = {}
        with self.engine.connect() as conn:
            for name, *sentence in fetch_rows(conn, select(
                    s.documents.c.name, seg.turn_idx, seg.start, seg.end, seg.lemmas)
                    .join(s.segments, seg.document_id == s.documents.c.id)
                    .order_by(s.documents.c.name, seg.start)):
                out.setdefault(name, []).append(Sentence(*sentence))
        return out

    def cases(self) -> list[Case]:
        with self.engine.connect() as conn:
            labels = conn.execute(select(s.cases.c.label).order_by(s.cases.c.position)).scalars().all()
            attrs: dict[str, dict[str, str]] = {}
            for r in conn.execute(select(s.case_attributes)):
                attrs.setdefault(r.case_label, {})[r.name] = r.value
        return [Case(label, MappingProxyType(attrs.get(label, {}))) for label in labels]

    # -- codings and answers ----------------------------------------------------------------

    def _doc_ids(self, conn) -> dict[str, int]:
        return dict(conn.execute(select(s.documents.c.name, s.documents.c.id)).all())

    def add_codings(self, codings: list[Coding]) -> int:
        """Add codings, skipping exact repeats; returns how many were new."""
        return self.add_work(codings=codings)[0]

    def add_answers(self, answers: list[Answer]) -> int:
        """Add answers; an identical repeat is skipped, a changed one is refused.

        Raises:
            StoreError: a stored answer of the same coder and source says otherwise
                (manual answers are only changed by the command made for that).
        """
        return self.add_work(answers=answers)[1]

    def add_work(self, codings: list[Coding] = (), answers: list[Answer] = ()) -> tuple[int, int]:
        """Add codings and answers in one transaction; returns how many of each were new."""
        with self.transaction() as conn:
            return self._insert_codings(conn, codings), self._insert_answers(conn, answers)

    def _insert_codings(self, conn, codings) -> int:
        ids = self._doc_ids(conn)
        have = set(fetch_rows(conn, select(*(s.codings.c[k] for k in CODING_COLUMNS[:6]))))
        rows, now = [], _now()
        for c in codings:
            key = (ids[c.document], c.start, c.end, c.code, c.coder, c.source)
            if key in have:
                continue
            have.add(key)
            rows.append(key + (c.confidence, c.evidence, c.memo, now))
        insert_rows(conn, s.codings, CODING_COLUMNS, rows)
        return len(rows)

    def _insert_answers(self, conn, answers) -> int:
        ids = self._doc_ids(conn)
        have = {(r.case_label, r.question, r.coder, r.source): r.category
                for r in conn.execute(select(s.answers))}
        known = set(conn.execute(select(s.cases.c.label)).scalars())
        rows, now = [], _now()
        for a in answers:
            key = (a.case, a.question, a.coder, a.source)
            if key in have:
                if have[key] != a.category:
                    raise StoreError(f"case {a.case} already has answer '{have[key]}' to "
                                     f"{a.question} from {a.coder}; not replaced with "
                                     f"'{a.category}'")
                continue
            if a.case not in known:
                raise StoreError(f"unknown case '{a.case}'")
            have[key] = a.category
            rows.append({"case_label": a.case, "question": a.question,
                         "category": a.category, "coder": a.coder, "source": a.source,
                         "confidence": a.confidence, "evidence": a.evidence,
                         "document_id": ids.get(a.document) if a.document else None,
                         "start": a.start, "end": a.end, "created": now})
        if rows:
            conn.execute(insert(s.answers), rows)
        return len(rows)

    def codings(self, coder: str | None = None, source: str | None = MANUAL) -> list[Coding]:
        """Codings in document order, optionally of one coder and/or source."""
        q = select(s.documents.c.name, s.codings).join(
            s.documents, s.documents.c.id == s.codings.c.document_id)
        if coder is not None:
            q = q.where(s.codings.c.coder == coder)
        if source is not None:
            q = q.where(s.codings.c.source == source)
        q = q.order_by(s.documents.c.name, s.codings.c.start, s.codings.c.end, s.codings.c.code)
        with self.engine.connect() as conn:
            return [Coding(r.name, r.start, r.end, r.code, r.coder, r.source, r.memo,
                           r.confidence, r.evidence) for r in conn.execute(q)]

    def answers(self, coder: str | None = None, source: str | None = MANUAL) -> list[Answer]:
        q = select(s.answers, s.documents.c.name).outerjoin(
            s.documents, s.documents.c.id == s.answers.c.document_id)
        if coder is not None:
            q = q.where(s.answers.c.coder == coder)
        if source is not None:
            q = q.where(s.answers.c.source == source)
        with self.engine.connect() as conn:
            return [Answer(r.case_label, r.question, r.category, r.coder, r.source, r.evidence,
                           r.name, r.start, r.end, r.confidence)
                    for r in conn.execute(q.order_by(s.answers.c.case_label,
                                                     s.answers.c.question, s.answers.c.coder))]

    def coders(self) -> list[str]:
        """People who have manual codings or answers, in name order."""
        with self.engine.connect() as conn:
            a = set(conn.execute(select(s.codings.c.coder).where(s.codings.c.source == MANUAL)).scalars())
            b = set(conn.execute(select(s.answers.c.coder).where(s.answers.c.source == MANUAL)).scalars())
        return sorted(a | b)

    def counts(self) -> dict[str, int]:
        """Row counts per table, for summaries and tests."""
        with self.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                    for t in s.metadata.sorted_tables}

