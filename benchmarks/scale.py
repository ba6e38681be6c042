"""One measurement on a generated study, in a process of its own (so its peak memory is its own).

    python benchmarks/scale.py bare DIR          the bare spaCy nb tokenizer over the transcripts
    python benchmarks/scale.py chain DIR DB      qualmrs: ingest, imports, rule suggestions,
                                                 tables and matrix, into the new project DB
    python benchmarks/scale.py long FILE DB      qualmrs ingest of one (long) transcript

Prints one JSON object: seconds per phase, words, peak resident memory in MB (VmHWM).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CODEBOOK = ROOT / "codebooks" / "mrs_nav.yaml"


def measure(what: str, *args) -> dict:
    """One measurement in a fresh process of its own: the JSON object it printed."""
    out = subprocess.run([sys.executable, __file__, what, *map(str, args)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB: the kernel's VmHWM on Linux.

    Not ``ru_maxrss``: on Linux it keeps the peak of the process that started this one (the
    kernel carries it over ``exec``), so a measurement started from a larger process (pytest,
    a notebook) read that process's peak as its own start-up and saw nothing grow.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def words_of(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def bare(folder: Path) -> dict:
    """The tokenizer alone over the transcripts' text: one pass from a fresh tokenizer, as
    the chain makes one pass from a fresh process.

    Two ways: each line on its own, and each file as one text (``nlp(text)``). spaCy stops
    caching word forms for the rest of a text once it meets a special case such as «f.eks.»
    (explosion/spaCy#13950), so whole files tokenise several times slower than their lines:
    the per-line figure is the floor, the per-file one what a naive script would see.
    """
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    lines = [line for t in texts for line in t.split("\n") if line]
    out = {"words": words_of(texts)}
    for name, items in (("lines", lines), ("documents", texts)):
        tokenizer = spacy.blank("nb").tokenizer  # a cold cache for each way
        t = time.perf_counter()
        for doc in tokenizer.pipe(items, batch_size=256):
            len(doc)
        out[name] = time.perf_counter() - t
    out["peak_mb"] = peak_mb()
    return out


def chain(folder: Path, db: Path) -> dict:
    """The qualmrs chain phase by phase, after start-up (imports, spaCy, simplemma's data)."""
    t = time.perf_counter()
    from qualmrs.project import (counts, import_answers, import_codings, ingest, init_project,
                                 matrix, suggest, tables)
    from qualmrs.segment import stop_lemmas

    import qualmrs.analyse  # noqa: F401  pandas, as any command that prints a table loads it
    stop_lemmas("nb")  # builds the shared segmenter and loads simplemma's dictionary
    out = {"startup": time.perf_counter() - t, "startup_mb": peak_mb()}

    def phase(name, fn):
        t = time.perf_counter()
        result = fn()
        out[name] = time.perf_counter() - t
        out[name + "_mb"] = peak_mb()  # the peak so far: ru_maxrss never goes down
        return result

    store = init_project(db, CODEBOOK)
    report = phase("ingest", lambda: ingest(store, [folder], folder / "cases.csv"))
    phase("imports", lambda: (import_codings(store, folder / "codings.csv"),
                              import_answers(store, folder / "answers.csv")))
    found = phase("suggest", lambda: suggest(store, rules=True, model=False))
    phase("tables", lambda: tables(store))
    phase("matrix", lambda: (matrix(store), counts(store)))
    store.close()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    out.update(documents=len(report.added), words=words_of(texts), suggestions=found.rules,
               peak_mb=peak_mb())
    return out


def long(path: Path, db: Path) -> dict:
    """Ingest of one transcript into a new project, after what any ingest loads first
    (spaCy's nb tokenizer, simplemma's dictionary): its time and the memory it adds."""
    t = time.perf_counter()
    from qualmrs.project import ingest, init_project
    from qualmrs.segment import segmenter

    segmenter("nb").lemma("målene")  # simplemma loads its dictionary on first use
    store = init_project(db, CODEBOOK)
    out = {"startup": time.perf_counter() - t, "startup_mb": peak_mb()}
    t = time.perf_counter()
    ingest(store, [path])
    out.update(ingest=time.perf_counter() - t, peak_mb=peak_mb(), bytes=path.stat().st_size)
    store.close()
    return out


if __name__ == "__main__":
    what, folder = sys.argv[1], Path(sys.argv[2])
    run = {"bare": lambda: bare(folder), "chain": lambda: chain(folder, Path(sys.argv[3])),
           "long": lambda: long(folder, Path(sys.argv[3]))}[what]
    print(json.dumps(run()))
