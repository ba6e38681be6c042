"""``qualmrs pseudonymise``: find personal data for review, apply the reviewed file, reverse
it with the key; ``qualmrs export-text``: the transcripts as they now stand."""

from __future__ import annotations

from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import QualmrsError
from .app import DB, ForceOpt, _errors_as_lines, _say, app


@app.command("pseudonymise")
@_errors_as_lines
def pseudonymise_cmd(
        db: DB,
        review: Annotated[Optional[Path], typer.Option(
            "--review", help="Write the mentions of personal data found to this .xlsx or "
                             ".csv file, to be reviewed.")] = None,
        apply: Annotated[Optional[Path], typer.Option(
            "--apply", help="Replace what the reviewed file says (needs --key).")] = None,
        key: Annotated[Optional[Path], typer.Option(
            "--key", help="Where --apply writes the key (original ↔ pseudonym); keep it "
                          "apart from the project.")] = None,
        reverse: Annotated[Optional[Path], typer.Option(
            "--reverse", help="Put the original text back from this key file.")] = None,
        force: ForceOpt = False):
    """Find personal data in the talk (--review), replace it by pseudonyms (--apply FILE
    --key KEY), or restore the original text (--reverse KEY)."""
    from ..project import open

    modes = [m for m in (review, apply, reverse) if m is not None]
    if len(modes) != 1:
        raise QualmrsError("give one of --review FILE, --apply FILE --key KEY, --reverse KEY")
    if apply is not None and key is None:
        raise QualmrsError("--apply needs --key KEY.csv: where the key goes (never into the "
                           "project)")
    with open(db) as project:
        if review is not None:
            path, mentions = project.pseudonym_review(review, force=force)
            by_type = Counter(m.type for m in mentions)
            _say(f"Wrote {path}: {len(mentions)} mention(s) of personal data in "
                 f"{len({m.document for m in mentions})} document(s)"
                 + (" (" + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())) + ")"
                    if mentions else "")
                 + "; review it (change a pseudonym, set action to keep, add rows), then "
                 "--apply it")
        elif apply is not None:
            done = project.pseudonymise(apply, key, force=force)
            _say(f"Pseudonymised {done.documents} document(s): {done.replaced} mention(s) "
                 f"replaced ({done.extra} not listed in the review file, the same text found "
                 f"elsewhere), {done.fields} memo, evidence or attribute text(s); the history "
                 "was rewritten and earlier steps can no longer be undone. Key: "
                 f"{done.key} (keep it apart from the project; it restores the originals)")
        else:
            done = project.pseudonymise_reverse(reverse)
            _say(f"Restored the original text of {done.documents} document(s) "
                 f"({done.replaced} mention(s)) and {done.fields} other text(s)")


class TextFormat(str, Enum):
    txt = "txt"
    docx = "docx"


@app.command("export-text")
@_errors_as_lines
def export_text_cmd(db: DB, out: Annotated[Path, typer.Argument(help="Output folder.")],
                    format: Annotated[TextFormat, typer.Option("--format")] = TextFormat.txt,
                    force: ForceOpt = False):
    """Write every transcript as it is stored (after pseudonymisation: the pseudonymised
    text), one .txt or .docx file per document."""
    from ..project import open

    with open(db) as project:
        paths = project.export_text(out, format.value, force=force)
    _say(f"Wrote {len(paths)} file(s) under {out}")
