"""A REFI-QDA project (.qdpx archive, or a bare .qde with its ``sources/`` beside it) →
documents, a code tree, cases and manual codings, with an account of what was not kept.

Text sources become documents (speaker turns found as for any transcript); plain-text
selections become codings by the user who made them. Positions are read under whichever way
of counting characters the tool used (``positions.py``); audio, video, pictures and PDF regions
have no place in a text project and are listed, never dropped silently.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import IngestError
from ..model import MANUAL, Answer, Case, Codebook, Coding, Document
from .guards import parse_xml
from .positions import CODE_POINTS, COUNTINGS, Counting
from .qdc import NS, code_tree, norm_guid, refi_guid
from .refi_sources import Archive, P, Source, note_text, read_sources, text_of
from .turns import LabelPolicy


@dataclass
class RefiProject:
    """What a REFI-QDA project holds, in qualmrs' terms."""

    name: str
    origin: str
    codes: list[dict]  # codebook YAML entries (tree), keys made from names
    documents: list[Document]
    cases: tuple[Case, ...]
    by_document: dict[str, str]  # document → the one case that names it as a source
    codings: list[Coding]
    answers: list[Answer]  # from case variables named «question [coder]» (a given codebook's)
    counting: Counting | None
    interviewer_labels: tuple[str, ...]
    skipped: list[str] = field(default_factory=list)  # what was not carried over
    notes: list[str] = field(default_factory=list)  # how it was read (e.g. the counting)


def read_refi_project(path: str | Path, interviewer_labels=(), coder: str = "refi",
                      codebook: Codebook | None = None) -> RefiProject:
    """Read a .qdpx (or .qde) into documents, codes, cases and codings.

    Args:
        path: the project file.
        interviewer_labels: speaker labels whose turns are the interviewer's.
        coder: the coder for codings that name no known user.
        codebook: map the project's codes onto this codebook's (by qualmrs GUID, then by
            name) instead of making a code tree from them.

    Raises:
        IngestError: unreadable, unsafe or not a REFI-QDA project; a code used by codings
            that the given codebook lacks; a source that is not UTF-8 text.
    """
    path = Path(path)
    if not path.is_file():
        raise IngestError("no such file", path=path)
    archive = Archive(path)
    try:
        return _read(path, archive, interviewer_labels, coder, codebook)
    finally:
        archive.close()


def _read(path, archive, interviewer_labels, coder, codebook) -> RefiProject:
    root = parse_xml(archive.qde, path, "the project file")
    if root.tag == f"{{{NS['c']}}}CodeBook":
        raise IngestError("this is a REFI-QDA codebook, not a project; read it with "
                          "'qualmrs import-qdc'", path=path)
    if root.tag != f"{P}Project":
        raise IngestError(f"not a REFI-QDA project (expected Project in namespace {NS['p']})",
                          path=path)
    skipped: list[str] = []
    users = {norm_guid(u.get("guid")): u.get("name") or u.get("id") or norm_guid(u.get("guid"))
             for u in root.iterfind("p:Users/p:User", NS)}
    code_keys: dict[str, str] = {}
    codes_el = root.find("p:CodeBook/p:Codes", NS)
    codes = code_tree(codes_el, skipped, keys=code_keys) if codes_el is not None else []
    if codebook is not None:
        code_keys = _onto_codebook(codes_el, codebook)
    notes = {norm_guid(n.get("guid")): note_text(n, archive)
             for n in root.iterfind("p:Notes/p:Note", NS)}
    used_notes: set[str] = set()
    sources, source_names = read_sources(root, archive, path, notes, used_notes, skipped)
    counting, how = _choose_counting(sources, root.get("origin") or "")
    cases, by_guid = _cases(root, skipped)
    cases, answers = _answers(cases, codebook, skipped) if codebook else (cases, [])
    by_document = {source_names[g]: labels[0] for g, labels in by_guid.items()
                   if len(labels) == 1 and g in source_names}
    # A case is an informant: a case labelled «I» is not the «I» of «I: (intervjuer)».
    labels = {c.label.casefold() for c in cases}
    interviewer_labels = tuple(x for x in interviewer_labels if x.casefold() not in labels)
    policy = LabelPolicy(interviewer_labels, [c.label for c in cases])
    from . import document_from_text

    documents, codings, lost = [], [], Counter()
    for src in sources:
        documents.append(document_from_text(src.name, src.positions.text, "qdpx",
                                            src.sha256, policy,
                                            times=_line_times(src, counting or CODE_POINTS)))
        for sel in src.selections:
            span = src.positions.span(sel.start, sel.end, counting or CODE_POINTS)
            if span is None:
                lost["selection(s) outside their source's text"] += 1
                continue
            for code_guid, user_guid, memo in sel.codings:
                key = code_keys.get(code_guid)
                if key is None:
                    lost["coding(s) of codes not in the codebook"] += 1
                    continue
                who = users.get(user_guid) or coder
                codings.append(Coding(src.name, span[0], span[1], key, who, MANUAL, memo))
    skipped.extend(f"{n} {what}" for what, n in lost.items())
    unused = set(notes) - used_notes
    if unused:
        skipped.append(f"{len(unused)} note(s) not attached to a coding (memos live on codings)")
    for tag, what in (("Links", "link(s)"), ("Sets", "set(s)"), ("Graphs", "graph(s)")):
        n = len(root.findall(f"p:{tag}/*", NS))
        if n:
            skipped.append(f"{n} {what}: qualmrs has no {tag.lower()}")
    return RefiProject(root.get("name") or path.stem, root.get("origin") or "", codes,
                       documents, cases, by_document, _unique(codings), answers, counting,
                       interviewer_labels, skipped,
                       [how] if how else [])


def _line_times(src: Source, counting: Counting) -> dict[int, float]:
    """Seconds into the recording for each line a transcript's sync point falls on (the
    first point of a line wins), so the turns opening those lines get their time."""
    text, out = src.positions.text, {}
    breaks = [i for i, c in enumerate(text) if c == "\n"] if src.syncs else []
    for position, ms in sorted(src.syncs):
        offset = src.positions.offset(position, counting)
        if offset is not None:
            out.setdefault(bisect_left(breaks, offset), ms / 1000)
    return out


def _unique(codings: list[Coding]) -> list[Coding]:
    """NVivo repeats identical ranges; one coding per span, code and coder is what counts."""
    seen, out = set(), []
    for c in codings:
        key = (c.document, c.start, c.end, c.code, c.coder)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


def _onto_codebook(codes_el, codebook: Codebook) -> dict[str, str]:
    """Project code GUID → key of the given codebook: qualmrs' own GUIDs first, then names."""
    by_guid = {refi_guid("code", c.key): c.key for c in codebook.codes}
    names = Counter(_fold(c.name) for c in codebook.codes)
    by_name = {_fold(c.name): c.key for c in codebook.codes if names[_fold(c.name)] == 1}
    by_name.update({_fold(c.key): c.key for c in codebook.codes})
    out = {}
    for el in (codes_el.iter(f"{P}Code") if codes_el is not None else ()):
        g = norm_guid(el.get("guid"))
        key = by_guid.get(g) or by_name.get(_fold(el.get("name") or ""))
        if key:
            out[g] = key
    return out


def _cases(root, skipped) -> tuple[tuple[Case, ...], dict[str, list[str]]]:
    variables = {norm_guid(v.get("guid")): v.get("name") or norm_guid(v.get("guid"))
                 for v in root.iterfind("p:Variables/p:Variable", NS)}
    cases, by_source, taken = [], {}, set()
    loose = Counter()
    for el in root.iterfind("p:Cases/p:Case", NS):
        label = (el.get("name") or "").strip() or norm_guid(el.get("guid"))
        if label in taken:
            skipped.append(f"case '{label}' appears twice; the second is not kept")
            continue
        taken.add(label)
        attributes = {}
        for vv in el.iterfind("p:VariableValue", NS):
            ref = vv.find("p:VariableRef", NS)
            name = variables.get(norm_guid(ref.get("targetGUID")) if ref is not None else "")
            value = next((text_of(c) for c in vv if c is not ref), "")
            if name:
                attributes[name] = value
        cases.append(Case(label, attributes))
        for ref in el.iterfind("p:SourceRef", NS):
            by_source.setdefault(norm_guid(ref.get("targetGUID")), []).append(label)
        loose["selection reference(s) of cases"] += len(el.findall("p:SelectionRef", NS))
        loose["code reference(s) of cases"] += len(el.findall("p:CodeRef", NS))
    skipped.extend(f"{n} {what}" for what, n in loose.items() if n)
    return tuple(cases), by_source


_ANSWER_VARIABLE = re.compile(r"^(?P<question>\S+) \[(?P<coder>[^\]]+)\]$")


def _answers(cases, codebook: Codebook, skipped) -> tuple[tuple[Case, ...], list[Answer]]:
    """Case variables that hold answers (as qualmrs exports them: «question [coder]») become
    answers to the codebook's closed questions; the rest stay attributes."""
    questions = {q.key for q in codebook.questions}
    out, answers = [], []
    for case in cases:
        attributes = {}
        for name, value in case.attributes.items():
            m = _ANSWER_VARIABLE.match(name)
            if not m or m["question"] not in questions:
                attributes[name] = value
            elif value in codebook.scale_of(m["question"]).categories:
                answers.append(Answer(case.label, m["question"], value, m["coder"]))
            elif value:
                skipped.append(f"case '{case.label}': '{value}' in {name} is not on the "
                               "question's scale; kept as an attribute")
                attributes[name] = value
        out.append(Case(case.label, attributes))
    return tuple(out), answers


_PREFERENCE = {"nvivo": "UTF-16 units", "atlas.ti": "code points, CRLF as one"}


def _choose_counting(sources: list[Source], origin: str) -> tuple[Counting | None, str]:
    """The counting under which the selections fit their text best.

    A selection's ``name`` (the selected text, which ATLAS.ti and QualCoder write, sometimes
    cut short with «…») decides first; where tools leave it empty (NVivo) a selection that
    starts and ends on word boundaries counts. Ties go to the producing tool's known way, then
    to the standard's (code points).
    """
    if not any(s.selections for s in sources):
        return None, ""
    if not any(s.positions.ambiguous and s.selections for s in sources):
        return CODE_POINTS, ""
    preferred = next((v for k, v in _PREFERENCE.items() if k in origin.lower()), "")
    scores = {}
    for counting in COUNTINGS:
        named = bounded = 0
        for src in sources:
            for sel in src.selections:
                span = src.positions.span(sel.start, sel.end, counting)
                if span is None:
                    continue
                named += _name_fits(src.positions.text, span, sel.start, sel.end, sel.name)
                bounded += _on_boundaries(src.positions.text, span)
        scores[counting] = (named, bounded, counting.name == preferred, counting is CODE_POINTS)
    best = max(COUNTINGS, key=lambda c: scores[c])
    n = sum(len(s.selections) for s in sources)
    return best, (f"positions read as {best.describe()} (the texts have CRLF line ends or "
                  "characters outside the BMP, so tools count differently): "
                  f"{scores[best][0]} of {n} selection names match, {scores[best][1]} of {n} "
                  "selections fall on word boundaries")


def _name_fits(text: str, span, start: int, end: int, name: str) -> bool:
    name = " ".join(unicodedata.normalize("NFC", name).split())
    if not name:
        return False
    got = " ".join(text[span[0]:span[1]].split())
    for cut in ("…", "..."):
        if name.endswith(cut):
            return got.startswith(name[:-len(cut)].rstrip())
    return got == name


def _on_boundaries(text: str, span) -> bool:
    a, b = span
    before = a == 0 or not text[a - 1].isalnum()
    after = b == len(text) or not text[b].isalnum()
    return before and after
