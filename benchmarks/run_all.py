"""Speed figures on the sample study (make bench). Not a test: numbers, not pass/fail.

Prints the bare spaCy nb tokenizer's words per second on the sample's text, qualmrs'
read + turns + sentences + lemmas over the same text, their ratio, and the wall time of
`qualmrs run` on the sample (a fresh process, start-up included).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def best_of(fn, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    import spacy

    from qualmrs.ingest import read_document, transcript_files
    from qualmrs.segment import Segmenter

    files = transcript_files([ROOT / "transcripts_sample"])
    labels = ("A", "Intervjuer")
    docs = [read_document(f, interviewer_labels=labels) for f in files]
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.blank("nb")
    bare = best_of(lambda: [len(d) for d in nlp.pipe(texts)])
    seg = Segmenter("nb")

    def pipeline():
        for f in files:
            seg.segment(read_document(f, interviewer_labels=labels))

    ours = best_of(pipeline)
    print(f"sample: {len(files)} documents, {words} words")
    print(f"bare spaCy nb tokenizer: {words / bare:,.0f} words/s")
    print(f"qualmrs read + turns + sentences + lemmas: {words / ours:,.0f} words/s")
    print(f"ratio qualmrs/bare tokenizer: {bare / ours:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [str(Path(sys.executable).parent / "qualmrs"), "run", str(ROOT / "transcripts_sample"),
               "--codebook", str(ROOT / "codebooks" / "mrs_nav.yaml"), "--out", tmp]
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        print(f"qualmrs run on the sample (fresh process): {time.perf_counter() - t:.2f} s wall")


if __name__ == "__main__":
    main()
    print()
    import suggest_quality  # same folder: the quality figures of the suggestions

    suggest_quality.main()
