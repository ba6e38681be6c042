"""Resolve a row's document and case names, and anchor its quote, against the corpus."""

from __future__ import annotations

from pathlib import PurePath

from ..errors import did_you_mean
from ..model import INFORMANT, Document, documents_by_case
from .anchor import find_quote


class Corpus:
    """The documents and cases a codings or answers file may refer to."""

    def __init__(self, documents: list[Document], cases: set[str]):
        self.documents = {d.name: d for d in documents}
        self._by_case = documents_by_case(documents)
        self.cases = set(cases) | set(self._by_case)
        self._stems: dict[str, list[str]] = {}
        for name in self.documents:
            for alias in {PurePath(name).stem.casefold(), name.casefold()}:
                self._stems.setdefault(alias, []).append(name)

    def document(self, name: str) -> tuple[Document | None, str]:
        """The document named (by file name or stem), or None and why not."""
        if name in self.documents:
            return self.documents[name], ""
        hits = self._stems.get(name.casefold(), [])
        if len(hits) == 1:
            return self.documents[hits[0]], ""
        if len(hits) > 1:
            return None, f"document '{name}' is ambiguous: " + ", ".join(sorted(hits))
        return None, f"unknown document '{name}'; {did_you_mean(name, self.documents)}"

    def case_documents(self, case: str) -> list[Document]:
        return list(self._by_case.get(case, ()))


def case_ranges(doc: Document, case: str | None) -> list[tuple[int, int]] | None:
    """Spans of the case's informant turns in ``doc`` (None: anywhere)."""
    if not case:
        return None
    return [(t.start, t.end) for t in doc.turns if t.case == case and t.role == INFORMANT]


def anchor(doc: Document, quote: str, prefix: str, suffix: str) -> tuple[tuple[int, int] | None, str]:
    """The one span of ``quote`` in ``doc``, or None and a message saying why not."""
    spans = find_quote(doc.text, quote, prefix, suffix)
    if len(spans) == 1:
        return spans[0], ""
    if not spans:
        short = quote if len(quote) <= 60 else quote[:57] + "..."
        return None, f"quote not found in {doc.name}: «{short}»"
    return None, (f"quote found {len(spans)} times in {doc.name}; add a prefix or suffix "
                  "column (the words just before or after it) to say which")
