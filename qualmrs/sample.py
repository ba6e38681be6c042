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
    return ROOT / "codebooks" / "mrs_nav.yaml"


def load_sample(out: str | Path):
    """Run the sample study into ``out`` and return the opened project store."""
    from .project import open_project, run

    result = run(sample_dir(), codebook_path(), out, report=False)
    return open_project(result.db)
