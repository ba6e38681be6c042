"""What a revision did, in lines for ``ingest --revise``, ``run --revise`` and ``status``."""

from __future__ import annotations

from typing import Annotated

import typer

ReviseOpt = Annotated[bool, typer.Option("--revise", help=(
    "Take in a transcript changed since it was stored as a corrected version: its codings "
    "are carried to the same words, those whose words changed are listed for review "
    "('qualmrs status'), those whose text was deleted are set aside ('qualmrs set-aside'); "
    "one step, undoable."))]


def short(text: str, n: int = 60) -> str:
    """«text» on one line, cut to ``n`` characters with an ellipsis."""
    text = " ".join(text.split())
    return f"«{text if len(text) <= n else text[:n - 1] + '…'}»"


def revised_lines(reports) -> list[str]:
    """One line per revised document, then one per coding set aside."""
    lines = []
    for r in reports:
        if r.version is None:
            lines.append(f"Revised {r.document}: the text is the same")
            continue
        parts = [f"{r.same} coding(s) on the same words"]
        if r.changed or r.moved:
            parts.append(f"{r.changed + r.moved} carried with changed or moved words (listed "
                         "for review in 'qualmrs status')")
        if r.merged:
            parts.append(f"{r.merged} now identical to another coding and merged with it")
        if r.set_aside:
            parts.append(f"{r.set_aside} set aside, their text deleted (see 'qualmrs "
                         "set-aside')")
        if r.answers or r.answers_cleared:
            parts.append(f"{r.answers} answer evidence span(s) carried"
                         + (f", {r.answers_cleared} whose evidence was deleted"
                            if r.answers_cleared else ""))
        lines.append(f"Revised {r.document} (the previous text kept as version {r.version}): "
                     + "; ".join(parts))
    return lines


def status_lines(st) -> list[str]:
    """The review list and the codings set aside, for ``qualmrs status`` (nothing when
    revisions left neither)."""
    lines = []
    if st.reviews:
        lines.append(f"To review after a revision: {len(st.reviews)} (clear with 'qualmrs "
                     "reviewed --id N' or '--all')")
        for r in st.reviews:
            now = short(r["new_text"]) if r["new_text"] else "(evidence deleted)"
            lines.append(f"  {r['id']}: {r['document']} {r['kind']} {r['row_id']} "
                         f"{r['reason']}: {short(r['old_text'])} → {now}")
    if st.set_aside:
        lines.append(f"Set aside, their text deleted by a revision: {len(st.set_aside)} "
                     "(see 'qualmrs set-aside')")
    return lines
