"""Files of codings and answers wired to the store: each import makes the project match the
file for what came from it (see ``qualmrs.coding.origins``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Answer, Coding
from ..store import Store
from ..store.work import SyncReport

__all__ = ["import_codings", "import_answers", "import_coding_sheet", "consensus"]


def _corpus(store: Store):
    from ..coding.locate import Corpus

    return Corpus(store.documents(), {c.label for c in store.cases()})


def _fingerprint(path: Path, *extra: str) -> str:
    """The file's bytes and the options that change what it gives, hashed."""
    from ..errors import ImportError_

    try:
        h = hashlib.sha256(Path(path).read_bytes())
    except FileNotFoundError:
        raise ImportError_("no such file", path=path) from None
    except IsADirectoryError:
        raise ImportError_("is a folder, expected a file", path=path) from None
    except PermissionError:
        raise ImportError_("cannot be read (no permission)", path=path) from None
    for x in extra:
        h.update(b"\0" + x.encode())
    return h.hexdigest()


def _coding_item(c: Coding, anchor: str, aliases: dict[str, str]):
    from ..coding.origins import Item

    return Item(anchor, "coding", {"document": c.document, "start": c.start, "end": c.end,
                                   "code": c.code, "coder": aliases.get(c.coder, c.coder),
                                   "memo": c.memo})


def _answer_item(a: Answer, anchor: str, aliases: dict[str, str]):
    from ..coding.origins import Item

    return Item(anchor, "answer", {"case": a.case, "question": a.question,
                                   "category": a.category,
                                   "coder": aliases.get(a.coder, a.coder),
                                   "evidence": a.evidence, "document": a.document,
                                   "start": a.start, "end": a.end})


def _sync(store: Store, origin: str, fingerprint: str, read, command: str) -> SyncReport:
    """Compare what ``read()`` gives with the last import of ``origin`` and apply the change
    as one step; a file unchanged since (same bytes, same options) is not read again."""
    from ..coding.origins import diff, items_from_snapshot

    old = store.import_snapshot(origin)
    if old is not None and old[0] == fingerprint:
        return SyncReport(origin, unchanged_file=True)
    items = read(store.aliases())
    change = diff(items_from_snapshot(old[1]) if old else [], items)
    with store.atomic(command=command):
        return store.sync_origin(origin, fingerprint, change)


def import_codings(store: Store, path: str | Path, coder: str | None = None) -> SyncReport:
    """Import a codings.csv; importing it again applies its rows added, changed, removed.

    The file is known by its name (``file:codings.csv``): rows are matched to the codings
    they made by document and quote (with prefix and suffix), so a row whose code or memo
    changed changes its coding.

    Raises:
        ImportError_: a bad row (nothing is written).
    """
    from ..coding import read_codings

    path = Path(path)

    def read(aliases):
        return [_coding_item(c, c.origin_key, aliases)
                for c in read_codings(path, store.codebook, _corpus(store), coder)]

    return _sync(store, f"file:{path.name}", _fingerprint(path, coder or ""), read,
                 f"import-codings {path.name}")


def import_answers(store: Store, path: str | Path, coder: str | None = None) -> SyncReport:
    """Import an answers.csv; rows are matched by case, question and coder, so a changed
    category changes the answer.

    Raises:
        ImportError_: a bad row; StoreError: an answer contradicts one from another file.
    """
    from ..coding import read_answers

    path = Path(path)

    def read(aliases):
        return [_answer_item(a, f"{a.case}|{a.question}|{a.coder}", aliases)
                for a in read_answers(path, store.codebook, _corpus(store), coder)]

    return _sync(store, f"file:{path.name}", _fingerprint(path, coder or ""), read,
                 f"import-answers {path.name}")


def import_coding_sheet(store: Store, path: str | Path, coder: str) -> SyncReport:
    """Store a filled coding sheet as ``coder``'s manual codings and answers; importing it
    again applies the cells that changed (an emptied cell withdraws its coding)."""
    from ..coding.sheet import read_coding_sheet

    path = Path(path)

    def read(aliases):
        codings, answers = read_coding_sheet(path, store.codebook, _corpus(store), coder)
        return [_coding_item(c, f"{c.document}:{c.start}-{c.end}:{c.code}", aliases)
                for c in codings] + \
            [_answer_item(a, f"{a.case}|{a.question}", aliases) for a in answers]

    return _sync(store, f"sheet:{path.name}", _fingerprint(path, coder), read,
                 f"import-coding-sheet {path.name}")


def consensus(store: Store, path: str | Path, coder: str = "consensus") -> tuple[int, int]:
    """Import a decided disagreements file as a new coder; returns (codings, answers) added.

    The file is either two coders' disagreements (``qualmrs disagreements``) or a round's
    (``qualmrs round disagreements``: it has a ``round`` column).

    Raises:
        StoreError: the coder already has work (it is never merged into or replaced).
    """
    import dataclasses

    from ..coding.consensus import read_consensus
    from ..errors import StoreError

    if coder in store.coders():
        raise StoreError(f"coder '{coder}' already has codings or answers in this project; "
                         "give another name with --coder")
    codings, answers = _round_consensus(store, path, coder) or read_consensus(
        path, store.codebook, store.documents(), store.sentences(), store.codings(),
        store.answers(), coder)
    origin = f"consensus:{Path(path).name}"
    with store.atomic(command=f"consensus {Path(path).name}", actor=coder):
        return store.add_work([dataclasses.replace(c, origin=origin) for c in codings],
                              [dataclasses.replace(a, origin=origin) for a in answers])


def _round_consensus(store: Store, path, coder: str):
    """A round's decided disagreements as the consensus coder's work, or None when the file
    is not a round's."""
    from ..coding.consensus import read_round_consensus
    from ..coding.csvfile import read_rows
    from ..errors import ImportError_
    from .rounds import working_coders, round_cases, find_round

    rows = read_rows(path, (), extra_ok=True, ours=True)
    if not rows or "round" not in rows[0][1]:
        return None
    ids = {r["round"] for _, r in rows}
    try:
        (round_id,) = {int(float(i)) for i in ids}
    except ValueError:
        raise ImportError_("the round column must hold one round's number", path=path,
                           key="round") from None
    r = find_round(store, round_id)
    names = list(r.documents)
    cases = round_cases(store, names)
    return read_round_consensus(path, store.codebook, store.documents(names),
                                store.sentences(names), store.codings(),
                                [a for a in store.answers() if a.case in cases],
                                working_coders(store, r), coder)
