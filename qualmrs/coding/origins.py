"""What a file gave last time against what it gives now: the rows added, changed and removed.

Each file (a codings or answers CSV, a Word transcript's comments, a coding sheet) is an
*origin*. Its rows are items with an *anchor*, which says which row it is whatever the row
now says: the quote for a codings row (document, prefix, quote, suffix), the case and question
(and coder) for an answer, the comment for a Word coding, the cell for a sheet. A row keeps
its key (``anchor#n``) across imports, so importing the file again finds its coding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    """One coding or answer as a file states it."""

    anchor: str
    kind: str  # "coding" | "answer"
    content: dict  # JSON-able: for a coding document, start, end, code, coder, memo;
    # for an answer case, question, category, coder, evidence, document, start, end

    def same(self, other: "Item") -> bool:
        return self.kind == other.kind and _json(self.content) == _json(other.content)


@dataclass
class Diff:
    """How the items of an origin changed; every list holds (key, item) or
    (key, old item, new item)."""

    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    kept: list = field(default_factory=list)

    def snapshot(self) -> list:
        """The items as they are now, keyed, to compare the next import with."""
        rows = [(k, i) for k, i in self.kept + self.added] + [(k, n) for k, _, n in self.changed]
        return sorted(([k, {"anchor": i.anchor, "kind": i.kind, "content": i.content}]
                       for k, i in rows), key=lambda r: r[0])


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def items_from_snapshot(rows: list) -> list[tuple[str, Item]]:
    return [(k, Item(v["anchor"], v["kind"], v["content"])) for k, v in rows]


def diff(old: list[tuple[str, Item]], new: list[Item]) -> Diff:
    """Pair the new items with the old by anchor: identical ones are kept, the rest paired
    in order are changed, and what is left over is added or removed."""
    out = Diff()
    by_anchor: dict[tuple[str, str], list[tuple[str, Item]]] = {}
    for key, item in old:
        by_anchor.setdefault((item.kind, item.anchor), []).append((key, item))
    used = {key for key, _ in old}
    pending: dict[tuple[str, str], list[Item]] = {}
    for item in new:
        olds = by_anchor.get((item.kind, item.anchor), [])
        match = next((i for i, (_, o) in enumerate(olds) if o.same(item)), None)
        if match is None:
            pending.setdefault((item.kind, item.anchor), []).append(item)
        else:
            out.kept.append(olds.pop(match))
    for group, items in pending.items():
        olds = by_anchor.get(group, [])
        for item in items:
            if olds:
                key, o = olds.pop(0)
                out.changed.append((key, o, item))
            else:
                n = 1
                while f"{item.anchor}#{n}" in used:
                    n += 1
                key = f"{item.anchor}#{n}"
                used.add(key)
                out.added.append((key, item))
    for olds in by_anchor.values():
        out.removed.extend(olds)
    return out
