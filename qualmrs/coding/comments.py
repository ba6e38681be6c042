"""Word comments → manual codings: the comment names the codes, its author is the coder.

The first paragraph of a comment names the codes, by key or by name (upper or lower case alike),
several separated by ``;``; further paragraphs become the codings' memo. A comment none of whose
names is, or resembles, a code is an ordinary remark («sjekk dette») and is left alone. In a
comment that does name a code, or names something close to one («motivasjn»), every name that
is not a code is reported.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from ..errors import did_you_mean
from ..model import MANUAL, Codebook, Coding, DocComment, Document
from .spans import turn_spans

FALLBACK_CODER = "word"  # for a comment without author or initials (Word can remove them)


@dataclass(frozen=True)
class CommentCodings:
    """What a document's comments gave: codings, problems to report, and plain remarks."""

    codings: tuple[Coding, ...] = ()
    warnings: tuple[str, ...] = ()
    remarks: tuple[DocComment, ...] = ()
    # per coding, the span its comment covers («start-end»): what says which comment it is
    # when the file is read again (Word renumbers comment ids as comments come and go)
    anchors: tuple[str, ...] = ()
    items: list = ()  # the codings as origin items, filled in by the project layer


class _Names:
    """Code keys and names, compared case-insensitively in NFC."""

    def __init__(self, codebook: Codebook):
        self.keys = {_fold(c.key): c.key for c in codebook.codes}
        self.names: dict[str, list[str]] = {}
        for c in codebook.codes:
            self.names.setdefault(_fold(c.name), []).append(c.key)
        self.spellings = sorted({c.key for c in codebook.codes} | {c.name for c in codebook.codes})
        # what a mistyped name is compared with: keys, their last part, names
        self._near = sorted(set(self.keys) | set(self.names)
                            | {k.rsplit(".", 1)[-1] for k in self.keys})

    def lookup(self, name: str) -> tuple[str | None, str]:
        """The code key a name stands for, or None and why not."""
        folded = _fold(name)
        if folded in self.keys:
            return self.keys[folded], ""
        keys = self.names.get(folded, [])
        if len(keys) == 1:
            return keys[0], ""
        if keys:
            return None, f"the name '{name}' has several codes ({', '.join(keys)}); use the key"
        return None, f"unknown code '{name}'; {did_you_mean(name, self.spellings)}"

    def resembles_code(self, name: str) -> bool:
        folded = _fold(name)
        return bool(difflib.get_close_matches(folded, self._near, n=1, cutoff=0.75)) or (
            "." in folded and " " not in folded)  # the shape of a dotted key


def codings_from_comments(doc: Document, codebook: Codebook) -> CommentCodings:
    """Turn a document's Word comments into manual codings against the codebook.

    A comment's span becomes one coding per speaker turn it overlaps (speaker labels left
    out). The coder is the comment's author, else its initials, else ``word``.

    Returns:
        The codings, one warning per problem («FILE: comment N 'text' at chars S–E: unknown
        code 'x'; did you mean …»), and the comments left as remarks.
    """
    if not doc.comments:
        return CommentCodings()
    names = _Names(codebook)
    codings, warnings, remarks, anchors = [], [], [], []
    for comment in doc.comments:
        first, _, memo = comment.text.partition("\n")
        parts = _parts(first, names)
        found = [(p, *names.lookup(p)) for p in parts]
        if not any(key for _, key, _ in found) and not any(names.resembles_code(p) for p in parts):
            remarks.append(comment)
            continue
        where = _where(doc, comment)
        warnings += [f"{where}: {why}" for _, key, why in found if key is None]
        keys = list(dict.fromkeys(key for _, key, _ in found if key))
        if not keys:
            continue
        if comment.start is None:
            warnings.append(f"{where}: not anchored to any transcript text (in a header, footnote "
                            "or text box?); not coded")
            continue
        spans = turn_spans(doc, comment.start, comment.end)
        if not spans:
            warnings.append(f"{where}: covers only speaker labels, no talk; not coded")
        coder = comment.author or comment.initials or FALLBACK_CODER
        made = [Coding(doc.name, a, b, key, coder, MANUAL, memo.strip())
                for a, b in spans for key in keys]
        codings += made
        anchors += [f"{comment.start}-{comment.end}"] * len(made)
    return CommentCodings(tuple(codings), tuple(warnings), tuple(remarks), tuple(anchors))


def _parts(first_line: str, names: _Names) -> list[str]:
    """The names in a comment's first line; a code name that itself holds ';' stays whole."""
    whole = first_line.strip()
    if _fold(whole) in names.names or _fold(whole) in names.keys:
        return [whole]
    return [p.strip() for p in first_line.split(";") if p.strip()]


def _where(doc: Document, comment: DocComment) -> str:
    at = ""
    if comment.start is not None:
        quote = doc.text[comment.start:comment.end].replace("\n", " ")
        quote = quote if len(quote) <= 40 else quote[:37] + "..."
        at = f" at chars {comment.start}–{comment.end} («{quote}»)"
    text = comment.text.replace("\n", " / ")
    return f"{doc.name}: comment {comment.number} '{text}'{at}"


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()
