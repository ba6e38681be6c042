"""Keyword-in-context lines for a terminal: a heading per case, the matches in one column."""

from __future__ import annotations

import pandas as pd

_CLINGS = set(".,;:!?)»”’")


def render_kwic(frame: pd.DataFrame) -> str:
    """``search`` results (``document, case, start, end, left, match, right``) as a
    concordance: per case a heading, then one line per hit with its place, the left context
    right-aligned and the match in brackets."""
    if not len(frame):
        return "(no hits)\n"
    places = [f"{d}:{s}" for d, s in zip(frame["document"], frame["start"])]
    place_width = max(map(len, places))
    left_width = max(map(len, frame["left"]))
    lines = []
    for case in dict.fromkeys(frame["case"]):  # in the frame's order: grouped already
        rows = frame.index[frame["case"] == case]
        lines.append(f"{case or '(no case)'}: {len(rows)} hit(s)")
        for i in rows:
            row = frame.loc[i]
            gap = "" if row["right"][:1] in _CLINGS else " "  # «[tall].», not «[tall] .»
            lines.append(f"  {places[frame.index.get_loc(i)]:<{place_width}}  "
                         f"{row['left']:>{left_width}} [{row['match']}]{gap}{row['right']}"
                         .rstrip())
    return "\n".join(lines) + "\n"
