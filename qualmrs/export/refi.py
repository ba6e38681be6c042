"""REFI-QDA exchange files: a QDC codebook and a QDPX project (``project.qde`` + sources).

Deterministic: GUIDs are uuid5 of what they name, no dates are written, rows are in stored
order, so exporting twice gives the same bytes. Positions are code points into the stored text
(UTF-8, LF, no BOM), end exclusive, as shared/refi-qda/README.md concludes from real files.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..ingest.qdc import refi_guid as guid
from ..model import Answer, Case, Codebook, Coding, Document
from .output import outputs

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
def _description(code) -> str:
    parts = [code.description]
    if code.include:
        parts.append(f"Inkluder: {code.include}")
    if code.exclude:
        parts.append(f"Ekskluder: {code.exclude}")
    return "\n".join(p for p in parts if p)


def _codes(parent, codebook: Codebook, ns: str, parent_key: str | None, notes=None) -> None:
    from lxml import etree

    for code in [c for c in codebook.codes if c.parent == parent_key]:
        attrs = {"guid": guid("code", code.key), "name": code.name, "isCodable": "true"}
        if code.color:
            attrs["color"] = code.color
        el = etree.SubElement(parent, f"{{{ns}}}Code", attrs)
        text = _description(code)
        if text:
            etree.SubElement(el, f"{{{ns}}}Description").text = text
        _codes(el, codebook, ns, code.key)


def codebook_qdc(codebook: Codebook) -> bytes:
    """The codebook tree as a QDC file (names, descriptions with include/exclude, colours).

    Scales, questions, tables, phrases and patterns have no place in QDC and stay in the YAML.
    """
    from lxml import etree

    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS},
                         origin="qualmrs")
    codes = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    _codes(codes, codebook, CODEBOOK_NS, None)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def answer_variable(answer: Answer) -> str:
    """The case variable an answer travels in: question key and coder, «frihet_faglig [BHO]»."""
    return f"{answer.question} [{answer.coder}]"


def project_qde(name: str, codebook: Codebook, documents: list[Document], cases: list[Case],
                codings: list[Coding], answers: list[Answer] = ()) -> bytes:
    """``project.qde``: users, codebook, case variables, cases, text sources with the manual
    codings as plain-text selections, and memos as notes.

    Answers to closed questions have no element of their own in REFI-QDA; they travel as text
    variables of their case, one per question and coder (``answer_variable``), described by
    the question's text, which is how NVivo and MAXQDA hold a case's classification."""
    from lxml import etree

    ns = PROJECT_NS
    E = lambda parent, tag, **a: etree.SubElement(parent, f"{{{ns}}}{tag}", a)  # noqa: E731
    root = etree.Element(f"{{{ns}}}Project", nsmap={None: ns}, name=name, origin="qualmrs")
    coders = sorted({c.coder for c in codings} | {a.coder for a in answers})
    if coders:
        users = E(root, "Users")
        for coder in coders:
            E(users, "User", guid=guid("user", coder), name=coder)
    book = E(root, "CodeBook")
    _codes(E(book, "Codes"), codebook, ns, None)
    values = {c.label: dict(c.attributes) for c in cases}
    described = {}
    for a in answers:
        if a.case in values:
            values[a.case][answer_variable(a)] = a.category
            described[answer_variable(a)] = codebook.question(a.question).text
    names = sorted({k for v in values.values() for k in v})
    if names:
        variables = E(root, "Variables")
        for n in names:
            var = E(variables, "Variable", guid=guid("variable", n), name=n,
                    typeOfVariable="Text")
            if n in described:
                etree.SubElement(var, f"{{{ns}}}Description").text = described[n]
    speaks = {c.label: [d.name for d in documents if any(t.case == c.label for t in d.turns)]
              for c in cases}
    if cases:
        el = E(root, "Cases")
        for case in cases:
            ce = E(el, "Case", guid=guid("case", case.label), name=case.label)
            for n in names:
                if n in values[case.label]:
                    vv = E(ce, "VariableValue")
                    E(vv, "VariableRef", targetGUID=guid("variable", n))
                    etree.SubElement(vv, f"{{{ns}}}TextValue").text = values[case.label][n]
            for doc in speaks[case.label]:
                E(ce, "SourceRef", targetGUID=guid("source", doc))
    memos = []
    if documents:
        sources = E(root, "Sources")
        for doc in documents:
            sid = guid("source", doc.name)
            src = E(sources, "TextSource", guid=sid, name=doc.name,
                    plainTextPath=f"internal://{sid}.txt")
            spans: dict[tuple[int, int], list[Coding]] = {}
            for c in codings:
                if c.document == doc.name:
                    spans.setdefault((c.start, c.end), []).append(c)
            for (start, end), group in sorted(spans.items()):
                key = f"{doc.name}:{start}:{end}"
                sel = E(src, "PlainTextSelection", guid=guid("selection", key),
                        name=doc.text[start:end], startPosition=str(start),
                        endPosition=str(end), creatingUser=guid("user", group[0].coder))
                for c in group:
                    ckey = f"{key}:{c.code}:{c.coder}"
                    coding = E(sel, "Coding", guid=guid("coding", ckey),
                               creatingUser=guid("user", c.coder))
                    E(coding, "CodeRef", targetGUID=guid("code", c.code))
                    if c.memo:
                        E(coding, "NoteRef", targetGUID=guid("note", ckey))
                        memos.append((ckey, c))
    if memos:
        notes = E(root, "Notes")
        for ckey, c in memos:
            note = E(notes, "Note", guid=guid("note", ckey), name=f"Memo {c.code}",
                     creatingUser=guid("user", c.coder))
            etree.SubElement(note, f"{{{ns}}}PlainTextContent").text = c.memo
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def write_qdpx(path: Path, name: str, codebook: Codebook, documents: list[Document],
               cases: list[Case], codings: list[Coding], answers: list[Answer] = (),
               force: bool = False) -> Path:
    """A QDPX archive: ``project.qde`` and ``sources/<GUID>.txt`` (UTF-8, LF, no BOM).

    Raises:
        OverwriteError: ``path`` is a store, or a file qualmrs did not write (unless ``force``).
    """
    path = Path(path)
    qde = project_qde(name, codebook, documents, cases, codings, answers)
    with outputs(force) as out, out.buffer(path) as buf, \
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        # A fixed timestamp keeps the archive byte-for-byte the same on every export.
        def add(arcname: str, data: bytes) -> None:
            info = zipfile.ZipInfo(arcname, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)

        add("project.qde", qde)
        for doc in documents:
            add(f"sources/{guid('source', doc.name)}.txt", doc.text.encode("utf-8"))
    return path
