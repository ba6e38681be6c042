"""A synthetic study of N interviews, recombined from the sample's question–answer pairs.

Each interview is a plain-text transcript (``A:`` asks, ``IP0001:`` answers) built from the
sample's own interviewer turns and the informant turns that follow them, drawn with a fixed
seed, so the same N always gives the same files. Beside them: ``cases.csv`` (each case gets the
attributes of the sample case it drew its first answer from), ``codings.csv`` (BHO's sample
codings carried along with the answers they sit in, when their quote stays unique) and
``answers.csv`` (one sample case's answers per case, without evidence).

``long_transcript`` writes one transcript of a given size from the same pairs (a focus group
or a week of field notes): what ``make bench`` ingests to measure memory on long files.

    python benchmarks/corpus.py OUT_DIR N
"""

from __future__ import annotations

import csv
import functools
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "transcripts_sample"
CODEBOOK = ROOT / "codebooks" / "mrs_nav.yaml"
INTERVIEWER = "A"
MIN_WORDS = 2_100  # per interview, so N = 1,000 gives more than 2 M words


@dataclass(frozen=True)
class Pair:
    """An interviewer turn and the informant's answer to it, with the answer's codings."""

    question: str
    answer: str
    case: str
    codings: tuple[tuple[str, str], ...]  # (code, quote), quotes inside the answer


def case_label(i: int) -> str:
    return f"IP{i:04d}"


@functools.lru_cache(maxsize=1)
def sample_pairs() -> tuple[list[Pair], dict[str, dict[str, str]], dict[str, list[dict]]]:
    """The sample's question–answer pairs, its case attributes and its answers per case."""
    sys.path.insert(0, str(ROOT))
    from qualmrs.codebook import load_codebook
    from qualmrs.coding import read_cases, read_codings
    from qualmrs.coding.csvfile import read_rows
    from qualmrs.coding.locate import Corpus
    from qualmrs.ingest import read_document, transcript_files
    from qualmrs.model import INFORMANT, INTERVIEWER as ROLE_INTERVIEWER

    book = load_codebook(CODEBOOK)
    cases, _ = read_cases(SAMPLE / "cases.csv")
    labels = {c.label for c in cases}
    docs = []
    for path in transcript_files([SAMPLE]):
        doc = read_document(path, interviewer_labels=book.interviewer_labels,
                            known_labels=labels)
        import dataclasses

        docs.append(dataclasses.replace(doc, turns=tuple(
            dataclasses.replace(t, case=t.speaker if t.role == INFORMANT else None)
            for t in doc.turns)))
    codings = read_codings(SAMPLE / "codings.csv", book, Corpus(docs, labels))
    pairs = []
    for doc in docs:
        for q, a in zip(doc.turns, doc.turns[1:]):
            if q.role != ROLE_INTERVIEWER or a.role != INFORMANT:
                continue
            inside = tuple((c.code, doc.text[c.start:c.end]) for c in codings
                           if c.document == doc.name and a.start <= c.start and c.end <= a.end)
            pairs.append(Pair(doc.text[q.start:q.end], doc.text[a.start:a.end], a.case, inside))
    attributes = {c.label: dict(c.attributes) for c in cases}
    answers: dict[str, list[dict]] = {}
    for _, row in read_rows(SAMPLE / "answers.csv", ("case", "question", "category"),
                            extra_ok=True):
        answers.setdefault(row["case"], []).append(row)
    return pairs, attributes, answers


def interview(pairs: list[Pair], rng: random.Random, label: str) -> tuple[str, list[Pair]]:
    """One transcript: distinct pairs in random order until it has ``MIN_WORDS`` words."""
    order = rng.sample(range(len(pairs)), len(pairs))
    lines, used, words = [], [], 0
    for k in order:
        p = pairs[k]
        lines += [f"{INTERVIEWER}: {p.question}", f"{label}: {p.answer}"]
        used.append(p)
        words += len(p.question.split()) + len(p.answer.split()) + 2
        if words >= MIN_WORDS:
            break
    return "\n".join(lines) + "\n", used


def generate(out: str | Path, n: int, seed: int = 2024) -> dict:
    """Write ``n`` interviews and their CSV files into ``out``; returns counts.

    The same ``n`` and ``seed`` give byte-identical files.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pairs, attributes, answers = sample_pairs()
    rng = random.Random(seed)
    names = sorted(attributes["B"])
    case_rows, coding_rows, answer_rows, words = [], [], [], 0
    for i in range(1, n + 1):
        label, name = case_label(i), f"intervju_{i:04d}.txt"
        text, used = interview(pairs, rng, label)
        (out / name).write_text(text, encoding="utf-8")
        words += len(text.split())
        like = used[0].case
        case_rows.append([label] + [attributes[like][k] for k in names])
        for p in used:
            # A quote must be found once; a short one may recur in another drawn answer.
            coding_rows += [[name, label, code, quote, "BHO"] for code, quote in p.codings
                            if text.count(quote) == 1]
        answer_rows += [[label, a["question"], a["category"], "BHO"] for a in answers[like]]
    _csv(out / "cases.csv", ["case"] + names, case_rows)
    _csv(out / "codings.csv", ["document", "case", "code", "quote", "coder"], coding_rows)
    _csv(out / "answers.csv", ["case", "question", "category", "coder"], answer_rows)
    return {"documents": n, "words": words, "codings": len(coding_rows),
            "answers": len(answer_rows)}


def long_transcript(path: str | Path, megabytes: float, seed: int = 2024) -> dict:
    """One transcript of at least ``megabytes`` MB (UTF-8): the sample's question–answer
    pairs drawn with replacement, the interviewer ``A:`` and one informant; returns its size
    in bytes, words and turns. The same size and seed give the same file."""
    pairs, _, _ = sample_pairs()
    rng = random.Random(seed)
    target, size, words, turns = int(megabytes * 1024 * 1024), 0, 0, 0
    label = case_label(1)
    with Path(path).open("w", encoding="utf-8", newline="\n") as f:
        while size < target:
            p = rng.choice(pairs)
            chunk = f"{INTERVIEWER}: {p.question}\n{label}: {p.answer}\n"
            f.write(chunk)
            size += len(chunk.encode("utf-8"))
            words += len(chunk.split())
            turns += 2
    return {"bytes": size, "words": words, "turns": turns}


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":
    print(generate(sys.argv[1], int(sys.argv[2])))
