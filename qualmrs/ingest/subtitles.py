"""WebVTT and SubRip transcripts from transcription tools.

Cues are merged into turns: a cue with a voice tag (``<v H>``) or a speaker label (``H:``)
opens a turn, a cue without one continues the previous speaker. Each turn becomes one line
``H: text`` of the stored text, cue texts joined by a space; cue times are kept per turn.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import IngestError
from .normalise import read_text_file
from .turns import LabelPolicy, match_label

_TIMING = re.compile(
    r"^\s*(?P<a>(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*(?P<b>(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3})(?:\s.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*\s+([^>]+)>")
_TAG = re.compile(r"</?[^>]*>")


@dataclass
class _Piece:
    speaker: str | None
    text: str
    time: float | None
    labelled_in_text: bool = False


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    return sum(float(p) * 60 ** i for i, p in enumerate(reversed(parts)))


def _blocks(text: str):
    """Yield (first line number, lines) of blank-line separated blocks."""
    block, start = [], 1
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not block:
                start = n
            block.append(line)
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def _cues(text: str, path: Path, kind: str):
    """Yield (line number, start seconds, payload lines) per cue; broken timings are errors."""
    for first, lines in _blocks(text):
        head = lines[0].strip()
        if kind == "vtt" and (head.startswith("WEBVTT") or head.split(" ")[0] in
                              ("NOTE", "STYLE", "REGION")):
            continue
        timing_at = next((i for i, l in enumerate(lines[:2]) if "-->" in l), None)
        if timing_at is None:
            if kind == "srt" and head.isdigit() and len(lines) == 1:
                continue  # a cue number with no cue: harmless
            raise IngestError(f"expected a cue timing line like '00:00:01{'.' if kind == 'vtt' else ','}000 "
                              f"--> 00:00:04{'.' if kind == 'vtt' else ','}000'", path=path, line=first)
        m = _TIMING.match(lines[timing_at])
        if not m or _seconds(m["b"]) < _seconds(m["a"]):
            raise IngestError(f"broken cue timing '{lines[timing_at].strip()}'", path=path,
                              line=first + timing_at)
        yield first, _seconds(m["a"]), lines[timing_at + 1:]


def _pieces_vtt(text: str, path: Path) -> list[_Piece]:
    pieces: list[_Piece] = []
    for _, start, payload in _cues(text, path, "vtt"):
        for raw in payload:
            voice = _VOICE.search(raw)
            clean = html.unescape(_TAG.sub("", raw)).strip()
            if clean:
                pieces.append(_Piece(voice.group(1).strip() if voice else None, clean, start))
    return pieces


def _pieces_srt(text: str, path: Path) -> list[_Piece]:
    pieces: list[_Piece] = []
    for _, start, payload in _cues(text, path, "srt"):
        clean = " ".join(html.unescape(_TAG.sub("", l)).strip() for l in payload).strip()
        if clean:
            pieces.append(_Piece(None, clean, start))
    return pieces


def _read(path: Path, encoding: str | None, kind: str, policy: LabelPolicy):
    text = read_text_file(path, encoding)
    if kind == "vtt" and not text.lstrip().startswith("WEBVTT"):
        raise IngestError("not a WebVTT file: the first line must be 'WEBVTT'", path=path, line=1)
    pieces = _pieces_vtt(text, path) if kind == "vtt" else _pieces_srt(text, path)
    if not pieces:
        raise IngestError("the subtitle file has no cue text", path=path)
    # A label written in the cue text («H: ...») opens a turn like a voice tag does.
    candidates = Counter(m.label for p in pieces if p.speaker is None
                         for m in [match_label(p.text)] if m)
    accepted = policy.accepted(candidates)
    for p in pieces:
        m = match_label(p.text) if p.speaker is None else None
        if m and m.label in accepted:
            p.speaker, p.text = m.label, p.text[m.text_start:].strip()
    turns: list[_Piece] = []
    for p in pieces:
        if turns and (p.speaker is None or p.speaker == turns[-1].speaker):
            turns[-1].text += " " + p.text
        else:
            turns.append(_Piece(p.speaker, p.text, p.time))
    lines, forced, times = [], {}, {}
    for t in turns:
        if t.speaker:
            forced[len(lines)] = (t.speaker, len(t.speaker) + 2)
            lines.append(f"{t.speaker}: {t.text}")
        else:
            lines.append(t.text)
        times[len(lines) - 1] = t.time
    return "\n".join(lines), forced, times


def read_vtt(path: Path, encoding: str | None = None, policy: LabelPolicy | None = None):
    return _read(path, encoding, "vtt", policy or LabelPolicy(()))


def read_srt(path: Path, encoding: str | None = None, policy: LabelPolicy | None = None):
    return _read(path, encoding, "srt", policy or LabelPolicy(()))
