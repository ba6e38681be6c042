"""The shipped sample study: where it is, and a one-call loader (like sklearn's load_iris)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sample_dir() -> Path:
    """The folder of the sample study's transcripts, cases, codings and answers."""
    path = ROOT / "transcripts_sample"
    if not path.is_dir():
        from .errors import QualmrsError

        raise QualmrsError("the sample study ships with the source tree; install qualmrs from "
                           "a clone (pip install -e .) to use it", path=path)
    return path


def codebook_path() -> Path:
    """The sample study's codebook (``codebooks/mrs_nav.yaml``)."""
    return ROOT / "codebooks" / "mrs_nav.yaml"


def load_sample(out: str | Path):
    """Run the sample study into the folder ``out`` and open its project.

    Eight fictional NAV leader interviews in Norwegian (see ``transcripts_sample/README.md``),
    coded by one coder (BHO), with answers that give the thesis's Tabell 4-1 to 4-3.

    Returns:
        ``qualmrs.Project`` of ``out/project.db`` (tables, matrix and report are written
        under ``out`` too, except the report).
    """
    from .project import open, run

    result = run(sample_dir(), codebook_path(), out, report=False)
    return open(result.db)
