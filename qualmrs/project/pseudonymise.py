"""Pseudonymisation wired to the store: find personal data and write a review file; apply the
reviewed file (texts rewritten with every coding carried, a key file written outside the
project, the originals erased from the store file); put the originals back from the key."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import QualmrsError
from ..store import Store

__all__ = ["review", "apply", "reverse", "Applied"]


@dataclass
class Applied:
    """What applying (or reversing) did."""

    documents: int  # documents whose text changed
    replaced: int  # mentions replaced in the texts
    extra: int = 0  # of them, occurrences not listed in the review file
    fields: int = 0  # memos, evidence, attribute values changed
    rewritten: int = 0  # rows of the history and other records rewritten
    key: Path | None = None


def review(store: Store, out: str | Path, force: bool = False):
    """Find personal data in the talk and write the review file (.csv or .xlsx).

    Returns:
        (the file written, the mentions found).
    """
    from ..export import frames
    from ..pseudonym import detect
    from ..pseudonym.review import review_frame

    out = Path(out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        raise QualmrsError("the review file is written as .csv or .xlsx", path=out)
    mentions = detect(store.documents(), store.cases())
    return frames.write(review_frame(mentions), out, fmt, force=force), mentions


def _where(*parts) -> str:
    return json.dumps(list(parts), ensure_ascii=False)


def _edited(where: str, value: str, edits) -> tuple[str, list[list]]:
    """The value with edits (start, end, new, old) made, and their key rows (positions in the
    new value)."""
    from ..ingest.align import from_edits

    new, spans = from_edits(value, [(a, b, text) for a, b, text, _ in edits])
    return new, [[where, r.j1, r.j2, text, old]
                 for r, (_, _, text, old) in zip(spans.regions, edits)]


def _field_changes(store: Store, edit) -> tuple[list, list]:
    """Memos and evidence of codings and answers, and case attribute values, through ``edit``
    (value, where → edits): the changes per table and their key rows."""
    changes: dict[str, list] = {"codings": [], "answers": [], "case_attributes": [],
                                "summaries": []}
    key: list[list] = []

    def visit(table, row_key, column, value):
        edits = edit(value or "")
        if edits:
            new, rows = _edited(_where(table, list(row_key), column), value, edits)
            changes[table].append((row_key, {column: new}))
            key.extend(rows)

    for c in store.codings(source=None):
        visit("codings", (c.id,), "memo", c.memo)
        visit("codings", (c.id,), "evidence", c.evidence)
    for a in store.answers(source=None):
        visit("answers", (a.id,), "evidence", a.evidence)
    for case in store.cases():
        for name, value in case.attributes.items():
            visit("case_attributes", (case.label, name), "value", value)
    for m in store.summaries():  # the researcher's own words about a case may name people
        visit("summaries", (m.id,), "text", m.text)
    return changes, key


def _rewrite(store: Store, texts: dict, fields: dict) -> None:
    """New texts (with turns and span maps) and field values, without review notes or
    versions (one unit)."""
    for name, (text, turns, spans) in texts.items():
        store.revise_document(name, {"text": text, "turns": turns}, spans, keep_version=False,
                              review=False)
    for table, changes in fields.items():
        merged: dict[tuple, dict] = {}
        for k, values in changes:
            merged.setdefault(k, {}).update(values)
        store.set_fields(table, list(merged.items()))


def apply(store: Store, review_file: str | Path, key_file: str | Path,
          force: bool = False) -> Applied:
    """Replace every accepted mention (and every other whole-word occurrence of its text) by
    its pseudonym across the study, carrying codings and evidence; write the key file; erase
    the originals from the store file.

    The key (original ↔ pseudonym, with positions) is written only to ``key_file``, before the
    project changes. The history's stored rows are rewritten too, and no step before this one
    can be undone afterwards: only ``reverse`` with the key brings the originals back.

    Raises:
        ImportError_: a problem in the review file (each with its row).
        QualmrsError: a case label would be replaced; OverwriteError: the key file's place.
    """
    from ..export.output import check_target, write_text
    from ..ingest.align import from_edits
    from ..pseudonym.replace import KEY_COLUMNS, plan
    from ..pseudonym.review import read_review

    key_file = Path(key_file)
    check_target(key_file, force)
    docs = store.documents()
    the_plan = plan(docs, read_review(review_file, docs))
    clash = sorted(the_plan.originals() & {c.label for c in store.cases()})
    if clash:
        raise QualmrsError("the review file replaces the case label(s) " + ", ".join(clash)
                           + "; give those cases other labels (a cases.csv with a document "
                           "column) before pseudonymising", path=review_file)
    texts, key = {}, []
    for doc in docs:
        edits = the_plan.edits.get(doc.name)
        if not edits:
            continue
        new, spans = from_edits(doc.text, [(a, b, p) for a, b, p, _ in edits])
        key += [[_where("document", doc.name), r.j1, r.j2, p, o]
                for r, (_, _, p, o) in zip(spans.regions, edits)]
        texts[doc.name] = (new, [[i, the_plan.sweep(t.speaker), t.role, t.case,
                                  spans.start(t.start), spans.end(t.end), t.time]
                                 for i, t in enumerate(doc.turns)], spans)
    fields, field_key = _field_changes(store, the_plan.sweep.edits)
    if not key and not field_key:
        raise QualmrsError("nothing to replace: no row of the review file says replace "
                           "(nothing was changed, no key written)", path=review_file)
    write_text(key_file, _key_csv(key + field_key, KEY_COLUMNS), force=force)
    with store.atomic(command=f"pseudonymise --apply {Path(review_file).name}",
                      undoable=False):
        _rewrite(store, texts, fields)
        rewritten = store.redact(the_plan.sweep)
    store.erase_freed()
    return Applied(len(texts), sum(len(e) for e in the_plan.edits.values()), the_plan.extra,
                   len(field_key), rewritten, key_file)


def _key_csv(rows: list[list], columns: list[str]) -> str:
    import pandas as pd

    from ..export.spreadsheet import csv_text

    return csv_text(pd.DataFrame(rows, columns=columns))


def reverse(store: Store, key_file: str | Path) -> Applied:
    """Put the original text back where the key file says the pseudonyms stand (one step).

    Raises:
        ImportError_: the key file is not one (or not of this project's present texts): each
            problem with its row.
    """
    from ..coding.csvfile import read_rows
    from ..errors import ImportError_
    from ..ingest.align import from_edits
    from ..pseudonym.replace import KEY_COLUMNS, Sweep, reverse_edits

    key_file = Path(key_file)
    groups: dict[str, list] = {}
    problems = []
    for n, row in read_rows(key_file, tuple(KEY_COLUMNS), ours=True):
        try:
            where = tuple(json.loads(row["where"]))
            groups.setdefault(json.dumps(list(where), ensure_ascii=False), []).append(
                (int(row["start"]), int(row["end"]), row["pseudonym"], row["original"], n))
        except (ValueError, TypeError):
            problems.append(f"{key_file.name}, row {n}: not a row of a pseudonymisation key")
    docs = {d.name: d for d in store.documents()}
    texts, fields = {}, {"codings": [], "answers": [], "case_attributes": [], "summaries": []}
    current = _current_fields(store)
    for where_json, rows in groups.items():
        where = json.loads(where_json)
        value = docs[where[1]].text if where[0] == "document" and where[1] in docs \
            else current.get(where_json)
        if value is None:
            problems.append(f"{key_file.name}, row {rows[0][4]}: {' '.join(map(str, where))} "
                            "is not in the project")
            continue
        try:
            edits = reverse_edits(value, [r[:4] for r in rows])
        except ValueError as e:
            problems.append(f"{key_file.name}, rows {rows[0][4]}–{rows[-1][4]}: "
                            f"{' '.join(map(str, where))} has {e}; its text changed since "
                            "the key was written")
            continue
        new, spans = from_edits(value, edits)
        if where[0] == "document":
            back = Sweep({p: o for _, _, p, o, _ in rows})
            texts[where[1]] = (new, [[i, back(t.speaker), t.role, t.case, spans.start(t.start),
                                      spans.end(t.end), t.time]
                                     for i, t in enumerate(docs[where[1]].turns)], spans)
        else:
            fields[where[0]].append((tuple(where[1]), {where[2]: new}))
    if problems:
        raise ImportError_(problems=problems)
    with store.atomic(command=f"pseudonymise --reverse {key_file.name}"):
        _rewrite(store, texts, fields)
    return Applied(len(texts), sum(len(r) for w, r in groups.items()
                                   if json.loads(w)[0] == "document"),
                   fields=sum(len(v) for v in fields.values()))


def _current_fields(store: Store) -> dict[str, str]:
    out = {}
    for c in store.codings(source=None):
        out[_where("codings", [c.id], "memo")] = c.memo
        out[_where("codings", [c.id], "evidence")] = c.evidence
    for a in store.answers(source=None):
        out[_where("answers", [a.id], "evidence")] = a.evidence
    for case in store.cases():
        for name, value in case.attributes.items():
            out[_where("case_attributes", [case.label, name], "value")] = value
    for m in store.summaries():
        out[_where("summaries", [m.id], "text")] = m.text
    return out
