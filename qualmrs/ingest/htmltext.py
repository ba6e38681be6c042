"""HTML transcripts (a web page, or a document saved as HTML by Word or LibreOffice).

Each block (paragraph, heading, list item, division) is a line and a table row is one line,
as in a .docx; a bold label at a block's start (``<b>A:</b>``) opens a turn. Scripts, styles
and the page head are dropped, and so are the running header and footer LibreOffice and Word
write into the page (``<div title="header">``, ``mso-element:header``), which were never
said. White space is collapsed as a browser does, except in ``<pre>``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import IngestError
from .normalise import decode
from .paragraphs import Paragraphs, collapse

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote",
           "pre", "section", "article", "main", "header", "footer", "aside", "nav", "ul",
           "ol", "dl", "table", "tbody", "thead", "tfoot", "figure", "figcaption", "address",
           "center", "hr", "form", "fieldset", "body", "html", "details", "summary"}
_DROP = {"script", "style", "head", "noscript", "template", "svg", "math", "iframe",
         "object", "select", "textarea", "button"}
_BOLD = {"b", "strong"}
_RUNNING = re.compile(r"mso-element\s*:\s*(header|footer)", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def read_html(path: Path, encoding: str | None = None):
    """Return (text, forced labels, times) for an .html transcript.

    The encoding is ``encoding``, else a byte order mark, else the page's
    ``<meta charset>``, else UTF-8.

    Raises:
        IngestError: not text in that encoding (naming the byte), or no text in the body.
    """
    import lxml.html

    data = path.read_bytes()
    if encoding is None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        found = _CHARSET.search(data[:4096])
        encoding = found.group(1).decode("ascii") if found else None
    text = decode(data, path, encoding, hint="give --encoding if the page is in another one")
    # lxml refuses a str that declares its encoding in an XML declaration (XHTML)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        raise IngestError("the file is empty", path=path)
    root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True))
    walker = _Walker()
    body = root.find("body")
    walker.block(body if body is not None else root)
    walker.flush()
    out = walker.out.text()
    if not out.strip():
        raise IngestError("the .html file has no text", path=path)
    return out, walker.out.forced, {}


class _Walker:
    """Walks the tree, gathering inline text into the current block's line."""

    def __init__(self):
        self.out = Paragraphs()
        self.pieces: list[tuple[str, bool]] = []

    def flush(self) -> None:
        if any(p.strip() for p, _ in self.pieces):
            text = "".join(p for p, _ in self.pieces)
            head = []
            for piece, is_bold in self.pieces:
                if not is_bold and piece.strip():
                    break
                head.append(piece)
            self.out.add(text, "".join(head))
        self.pieces = []

    def block(self, element, bold: bool = False, pre: bool = False) -> None:
        self._text(element.text, bold, pre)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag or tag in _DROP or _running(child):
                pass
            elif tag == "br":
                self.flush()
            elif tag == "tr":
                self.flush()
                self.out.row([_cell_text(c) for c in child if c.tag in ("td", "th")])
            elif tag in _BLOCKS:
                self.flush()
                self.block(child, bold or tag in _BOLD, pre or tag == "pre")
                self.flush()
            else:
                self.block(child, bold or tag in _BOLD or _styled_bold(child), pre)
            self._text(child.tail, bold, pre)

    def _text(self, text: str | None, bold: bool, pre: bool) -> None:
        if not text:
            return
        if pre:
            lines = text.split("\n")
            for i, line in enumerate(lines):
                if i:
                    self.flush()
                self.pieces.append((line, bold))
        else:
            self.pieces.append((collapse(text), bold))


def _cell_text(cell) -> str:
    walker = _Walker()
    walker.block(cell)
    walker.flush()
    return "\n".join(walker.out.lines)


def _running(element) -> bool:
    """LibreOffice's and Word's page header and footer in an HTML export."""
    return (element.get("title") or "").lower() in ("header", "footer") \
        or bool(_RUNNING.search(element.get("style") or ""))


def _styled_bold(element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return "font-weight:bold" in style or "font-weight:700" in style
