"""Write one interview (speaker turns of paragraphs) in every transcript format.

Used by the tests («same truth in every format») and to lay out the sample study.
"""

from __future__ import annotations

import re
from pathlib import Path

Turns = list[tuple[str, list[str]]]  # (speaker, paragraphs)

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def parse_canonical(text: str) -> Turns:
    """``X: ...`` lines open turns; unlabelled lines are further paragraphs of the turn."""
    turns: Turns = []
    for line in text.splitlines():
        if not line.strip():
            continue
        m = re.match(r"^([A-ZÆØÅ]): (.*)$", line)
        if m:
            turns.append((m.group(1), [m.group(2).strip()]))
        else:
            turns[-1][1].append(line.strip())
    return turns


def _stamp(seconds: float, sep: str) -> str:
    total_ms = int(round(seconds * 1000))  # round once, so 0.9996 s never prints as «.1000»
    h, rest = divmod(total_ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _timed_cues(turns: Turns, words_per_cue: int = 14):
    """(speaker, first-of-turn, start, end, text) per cue, at 2.5 words a second."""
    clock = 3.0
    for speaker, paragraphs in turns:
        first = True
        for paragraph in paragraphs:
            chunk: list[str] = []
            sentences = _SENTENCE_END.split(paragraph)
            for k, sentence in enumerate(sentences):
                chunk.append(sentence)
                words = sum(len(c.split()) for c in chunk)
                if words >= words_per_cue or k == len(sentences) - 1:
                    text = " ".join(chunk)
                    duration = max(1.0, len(text.split()) / 2.5)
                    yield speaker, first, clock, clock + duration, text
                    clock += duration + 0.4
                    first, chunk = False, []


def write_txt(turns: Turns, path: Path, timestamps: bool = False,
              rename: dict[str, str] | None = None, bold: bool = False) -> Path:
    rename = rename or {}
    lines, clock = [], 3.0
    for speaker, paragraphs in turns:
        label = rename.get(speaker, speaker)
        label = f"**{label}:**" if bold else f"{label}:"
        if timestamps:
            h, rest = divmod(int(clock), 3600)
            label = f"[{h:02d}:{rest // 60:02d}:{rest % 60:02d}] {label}"
        lines.append(f"{label} {paragraphs[0]}")
        lines.extend(paragraphs[1:])
        clock += sum(len(p.split()) for p in paragraphs) / 2.5 + 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_docx(turns: Turns, path: Path, comments=()) -> Path:
    """A Word transcript; ``comments`` are (quote, comment text, author): each becomes a Word
    comment on the first paragraph holding the quote, its runs split the way Word splits them."""
    import docx

    document = docx.Document()
    pending = list(comments)

    def body(p, text: str) -> None:
        cuts, pos = [], 0
        for c in list(pending):
            i = text.find(c[0])
            if i >= 0 and all(i + len(c[0]) <= a or i >= b for a, b, _ in cuts):
                cuts.append((i, i + len(c[0]), c))
                pending.remove(c)
        for a, b, (quote, comment, author) in sorted(cuts, key=lambda x: x[:2]):
            if a > pos:
                p.add_run(text[pos:a])
            document.add_comment(p.add_run(quote), comment, author, author[:1])
            pos = b
        if pos < len(text):
            p.add_run(text[pos:])

    for speaker, paragraphs in turns:
        p = document.add_paragraph()
        p.add_run(f"{speaker}:").bold = True
        body(p, f" {paragraphs[0]}")
        for extra in paragraphs[1:]:
            body(document.add_paragraph(), extra)
    if pending:
        raise ValueError(f"quotes not found (or overlapping): {[c[0] for c in pending]}")
    document.save(path)
    return path


def write_vtt(turns: Turns, path: Path) -> Path:
    out = ["WEBVTT", ""]
    for n, (speaker, _first, a, b, text) in enumerate(_timed_cues(turns), start=1):
        out += [str(n), f"{_stamp(a, '.')} --> {_stamp(b, '.')}", f"<v {speaker}>{text}</v>", ""]
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def write_srt(turns: Turns, path: Path) -> Path:
    out = []
    for n, (speaker, first, a, b, text) in enumerate(_timed_cues(turns), start=1):
        out += [str(n), f"{_stamp(a, ',')} --> {_stamp(b, ',')}",
                f"{speaker}: {text}" if first else text, ""]
    path.write_text("\n".join(out), encoding="utf-8")
    return path
