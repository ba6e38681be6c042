"""Word comments on a .docx transcript: their text, author and span in the document text.

Which code a comment names is decided later, against the codebook (``coding.comments``).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..model import DocComment
from .guards import parse_xml
from .turns import trimmed_span

# Word 2013+ keeps reply threads apart from comments.xml, in commentsExtended.xml.
_COMMENTS_EX = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


class Anchors:
    """Where each comment's range starts and ends, and the extent of the paragraph holding its
    reference, as offsets into the document text; the first sighting of each counts (merged
    table cells are read more than once)."""

    def __init__(self):
        self.starts: dict[int, int] = {}
        self.ends: dict[int, int] = {}
        self.refs: dict[int, tuple[int, int]] = {}

    def add(self, kind: str, cid: int, at: int, extent: tuple[int, int]) -> None:
        if kind == "start":
            self.starts.setdefault(cid, at)
        elif kind == "end":
            self.ends.setdefault(cid, at)
        else:
            self.refs.setdefault(cid, extent)

    def span(self, cid: int) -> tuple[int, int] | None:
        """The commented range; without a whole range, the paragraph holding the reference."""
        start, end = self.starts.get(cid), self.ends.get(cid)
        if start is not None and end is not None and start < end:
            return start, end
        return self.refs.get(cid)


def read_comments(document, anchors: Anchors, text: str, path: Path) -> tuple[DocComment, ...]:
    """The comments of a python-docx ``Document``, replies left out, in text order.

    A reply (a later comment in a thread) is discussion about the comment it answers, not a
    coding of its own.

    Raises:
        IngestError: commentsExtended.xml is not well-formed (naming the file).
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        document.part.part_related_by(RT.COMMENTS)
    except KeyError:  # asking python-docx for comments would add an empty part
        return ()
    replies = _reply_para_ids(document.part, path)
    found = []
    for comment in document.comments:
        para_ids = [p.get(f"{_W14}paraId") for p in comment._element.p_lst]
        if replies and any(i in replies for i in para_ids):
            continue
        span = anchors.span(comment.comment_id)
        start = end = None
        if span is not None and (trimmed := trimmed_span(text, *span))[0] < trimmed[1]:
            start, end = trimmed
        found.append((start is None, start or 0, end or 0, comment.comment_id, DocComment(
            0, _clean(comment.text), _clean(comment.author), _clean(comment.initials or ""),
            start, end)))
    found.sort(key=lambda f: f[:4])
    return tuple(DocComment(n, c.text, c.author, c.initials, c.start, c.end)
                 for n, (*_, c) in enumerate(found, start=1))


def _reply_para_ids(part, path: Path) -> set[str]:
    """The paragraph ids (w14:paraId) that commentsExtended.xml marks as replies."""
    try:
        extended = part.part_related_by(_COMMENTS_EX)
    except KeyError:
        return set()
    root = parse_xml(extended.blob, path, "word/commentsExtended.xml")
    return {e.get(f"{_W15}paraId") for e in root.iter(f"{_W15}commentEx")
            if e.get(f"{_W15}paraIdParent")}


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()
