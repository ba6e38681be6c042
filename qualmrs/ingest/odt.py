"""OpenDocument text transcripts (.odt, LibreOffice Writer's own format).

The file is a zip like a .docx and passes the same guards (``guards.py``: bombs, paths out of
the archive, damaged members, XML with a DTD) before ``content.xml`` is read with lxml. Each
paragraph, heading and list item is a line, a table row is one line as in a .docx, and a bold
label at a paragraph's start opens a turn. Running headers and footers live in
``styles.xml`` and are not read; footnotes, comments, deleted tracked changes and text boxes
are left out, as they are no part of what was said.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import IngestError
from .guards import check_members, check_zip, parse_xml, read_member
from .paragraphs import Paragraphs, collapse

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
_T, _TABLE = "{%s}" % _NS["text"], "{%s}" % _NS["table"]
_PARAGRAPHS = {f"{_T}p", f"{_T}h"}
_CONTAINERS = {f"{_T}list", f"{_T}list-item", f"{_T}list-header", f"{_T}section",
               f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group"}
# Inside a paragraph, what is not said: footnotes, comments, text boxes and frames.
_SKIP_INLINE = {f"{_T}note", "{%s}annotation" % _NS["office"], f"{_T}ruby-text",
                "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame",
                "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}custom-shape"}
# Stand-ins for spaces and tabs the markup asks for, kept through collapsing white space.
_KEEP_SPACE, _KEEP_TAB, _KEEP_BREAK = "\x00", "\x01", "\x02"


def read_odt(path: Path, encoding: str | None = None):
    """Return (text, forced labels, times) for an .odt transcript.

    Raises:
        IngestError: not a zip, a hostile or damaged archive, no ``content.xml``, no text.
    """
    import zipfile

    check_zip(path, ".odt")
    check_members(path, ".odt")
    with zipfile.ZipFile(path) as zf:
        content = parse_xml(read_member(zf, "content.xml", path, ".odt"), path,
                            "member 'content.xml'")
        styles = (parse_xml(read_member(zf, "styles.xml", path, ".odt"), path,
                            "member 'styles.xml'")
                  if "styles.xml" in zf.namelist() else None)
    body = content.find("office:body/office:text", _NS)
    if body is None:
        raise IngestError("not an OpenDocument text: content.xml has no office:text", path=path)
    out = Paragraphs()
    _blocks(body, out, _bold_styles(content, styles))
    text = out.text()
    if not text.strip():
        raise IngestError("the .odt file has no text", path=path)
    return text, out.forced, {}


def _bold_styles(*roots) -> set[str]:
    """Names of the text and paragraph styles that set bold type."""
    names = set()
    for root in roots:
        if root is None:
            continue
        for style in root.iterfind(".//style:style", _NS):
            props = style.find("style:text-properties", _NS)
            if props is not None and props.get("{%s}font-weight" % _NS["fo"]) in ("bold", "700"):
                names.add(style.get("{%s}name" % _NS["style"]))
    return names


def _blocks(element, out: Paragraphs, bold: set[str]) -> None:
    for child in element:
        if child.tag in _PARAGRAPHS:
            out.add(*_inline(child, bold))
        elif child.tag == f"{_TABLE}table":
            for row in child.iter(f"{_TABLE}table-row"):
                out.row([_cell(c, bold) for c in row.iterfind("table:table-cell", _NS)])
        elif child.tag in _CONTAINERS:
            _blocks(child, out, bold)


def _cell(cell, bold: set[str]) -> str:
    return "\n".join(_inline(p, bold)[0] for p in cell.iter(*_PARAGRAPHS))


def _inline(paragraph, bold: set[str]) -> tuple[str, str]:
    """A paragraph's text and the bold text it starts with."""
    pieces: list[tuple[str, bool]] = []
    _collect(paragraph, paragraph.get(f"{_T}style-name") in bold, bold, pieces)
    text = _spaces(collapse("".join(p for p, _ in pieces)))
    head = []
    for piece, is_bold in pieces:
        if not is_bold and piece.strip():
            break
        head.append(piece)
    return text, _spaces(collapse("".join(head)))


def _collect(element, is_bold: bool, bold: set[str], pieces: list) -> None:
    """The text of ``element``'s content (ODF: runs of white space are one space; text:s,
    text:tab and text:line-break stand for the ones meant), each piece with its boldness."""
    if element.text:
        pieces.append((collapse(element.text), is_bold))
    for child in element:
        tag = child.tag
        if tag == f"{_T}s":
            pieces.append((_KEEP_SPACE * _count(child.get(f"{_T}c")), is_bold))
        elif tag == f"{_T}tab":
            pieces.append((_KEEP_TAB, is_bold))
        elif tag == f"{_T}line-break":
            pieces.append((_KEEP_BREAK, is_bold))
        elif tag not in _SKIP_INLINE and isinstance(tag, str):
            _collect(child, is_bold or child.get(f"{_T}style-name") in bold, bold, pieces)
        if child.tail:
            pieces.append((collapse(child.tail), is_bold))


def _count(value: str | None) -> int:
    """text:s's number of spaces; a crafted file's huge or broken count is not obeyed."""
    try:
        return min(max(int(value or 1), 1), 100)
    except ValueError:
        return 1


def _spaces(text: str) -> str:
    return text.replace(_KEEP_SPACE, " ").replace(_KEEP_TAB, "\t").replace(_KEEP_BREAK, "\n")
