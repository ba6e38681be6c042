"""How well `qualmrs pseudonymise` finds personal data (make bench).

Four fictional interviews with planted personal data, written for this benchmark
(benchmarks/pseudonym/marked/, mentions marked [[text|type]]): dev_* were used while the
detector was tuned, test_* were written before tuning began and scored once at the end.
truth.csv and the plain texts in dev/ and test/ are made from the marked files
(--write). A found mention counts when it overlaps a true one of the same type (each true one
matched once); "any type" counts a true mention overlapped by a found one of any type.

    python benchmarks/pseudonym/bench.py [--write]
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([^|\]]+)\|([a-z_]+)\]\]")
TARGETS = {"person": (0.95, None), "phone": (1.0, None), "email": (1.0, None),
           "fnr": (1.0, None), "birthdate": (1.0, None), "vehicle": (1.0, None),
           "case_number": (1.0, None)}
PRECISION = 0.85


def unmark(marked: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """The plain text and its true mentions (start, end, text, type)."""
    out, truth, at = [], [], 0
    pos = 0
    for m in MARK.finditer(marked):
        out.append(marked[at:m.start()])
        pos += m.start() - at
        truth.append((pos, pos + len(m.group(1)), m.group(1), m.group(2)))
        out.append(m.group(1))
        pos += len(m.group(1))
        at = m.end()
    out.append(marked[at:])
    return "".join(out), truth


def load() -> dict[str, dict[str, tuple[str, list]]]:
    """split → document name → (plain text, truth)."""
    out: dict[str, dict] = {"dev": {}, "test": {}}
    for path in sorted((HERE / "marked").glob("*.txt")):
        split = path.stem.split("_")[0]
        out[split][path.name] = unmark(path.read_text(encoding="utf-8"))
    return out


def write(data) -> None:
    with open(HERE / "truth.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["split", "document", "start", "end", "text", "type"])
        for split, docs in data.items():
            (HERE / split).mkdir(exist_ok=True)
            for name, (text, truth) in docs.items():
                (HERE / split / name).write_text(text, encoding="utf-8")
                for a, b, t, kind in truth:
                    w.writerow([split, name, a, b, t, kind])


def detect(docs) -> list:
    from qualmrs.ingest import read_document
    from qualmrs.pseudonym import detect as find

    with tempfile.TemporaryDirectory() as tmp:
        documents = []
        for name, (text, _) in docs.items():
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            documents.append(read_document(path))
    return find(documents)


def score(docs, found) -> tuple[dict, int, int]:
    """Per type: [true positives, found, true]; and any-type hits and true mentions."""
    per: dict[str, list[int]] = {}
    hits = total = 0
    for name, (_, truth) in docs.items():
        mine = [m for m in found if m.document == name]
        used: set[int] = set()
        for a, b, _, kind in truth:
            total += 1
            per.setdefault(kind, [0, 0, 0])[2] += 1
            if any(m.start < b and a < m.end for m in mine):
                hits += 1
            for i, m in enumerate(mine):
                if i not in used and m.type == kind and m.start < b and a < m.end:
                    used.add(i)
                    per[kind][0] += 1
                    break
        for m in mine:
            per.setdefault(m.type, [0, 0, 0])[1] += 1
    return per, hits, total


def report(split: str, per: dict, hits: int, total: int, found: list, docs) -> None:
    label = {"dev": "tuned-on", "test": "held out, scored once"}[split]
    print(f"{split} ({label}): {len(docs)} interviews, {total} planted mentions")
    print(f"  {'type':<13}{'precision':>10}{'recall':>8}{'found':>7}{'true':>6}  target")
    for kind in sorted(per):
        tp, n_found, n_true = per[kind]
        p = tp / n_found if n_found else float("nan")
        r = tp / n_true if n_true else float("nan")
        target = TARGETS.get(kind, (None,))[0]
        aim = f"recall >= {target:.2f}" if target else ""
        print(f"  {kind:<13}{p:>10.3f}{r:>8.3f}{n_found:>7}{n_true:>6}  {aim}")
    tp = sum(v[0] for v in per.values())
    n_found = sum(v[1] for v in per.values())
    print(f"  {'all':<13}{tp / n_found:>10.3f}{tp / total:>8.3f}{n_found:>7}{total:>6}  "
          f"precision >= {PRECISION:.2f}")
    print(f"  caught as any type: {hits} of {total} ({hits / total:.3f})")
    for m in found:
        truth = docs[m.document][1]
        if not any(m.start < b and a < m.end and m.type == k for a, b, _, k in truth):
            print(f"    not planted as {m.type}: {m.document} «{m.text}»")
    for name, (_, truth) in docs.items():
        for a, b, text, kind in truth:
            if not any(m.document == name and m.start < b and a < m.end and m.type == kind
                       for m in found):
                print(f"    missed {kind}: {name} «{text}»")


def main(argv: list[str]) -> None:
    data = load()
    if "--write" in argv:
        write(data)
    splits = [s for s in ("dev", "test") if s in argv] or ["dev", "test"]
    for split in splits:
        docs = data[split]
        found = detect(docs)
        per, hits, total = score(docs, found)
        report(split, per, hits, total, found, docs)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1]))
    main(sys.argv[1:])
