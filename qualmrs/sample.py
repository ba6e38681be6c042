"""The shipped sample study: where it is, a copy to start from, and a one-call loader (like
sklearn's load_iris)."""

from __future__ import annotations

from pathlib import Path

from .shipped import sample_dir, shipped_codebook

__all__ = ["sample_dir", "codebook_path", "sample_files", "write_sample", "load_sample"]

CODEBOOK = "mrs_nav"


def codebook_path() -> Path:
    """The sample study's codebook, the shipped ``mrs_nav``."""
    return shipped_codebook(CODEBOOK)


def sample_files() -> list[Path]:
    """The sample study's files: transcripts, ``cases.csv``, ``codings.csv``,
    ``answers.csv``, the second coder's ``codings_coder2.csv`` and ``answers_coder2.csv``,
    and ``README.md``, sorted by name."""
    return sorted(p for p in sample_dir().iterdir()
                  if p.is_file() and not p.name.startswith("."))


def write_sample(dest: str | Path, force: bool = False) -> list[Path]:
    """Write a copy of the sample study, with its codebook (``mrs_nav.yaml``), into ``dest``.

    The copy is a study folder to run (``qualmrs run DEST --codebook mrs_nav``) or to start
    one's own study from. Written all or nothing, as every output
    (``qualmrs.export.output``): a file already in ``dest`` that qualmrs did not write (or
    that was edited since, such as a codings.csv someone went on coding in) is refused unless
    ``force``.

    Returns:
        The files written, in ``dest``.

    Raises:
        OverwriteError: a file in the way (see above), or ``dest`` is a file.
        DiskFullError, ReadOnlyError: ``dest`` cannot be written.
    """
    from .export.output import outputs

    dest = Path(dest)
    sources = [*sample_files(), codebook_path()]
    with outputs(force) as out:
        return [out.write_bytes(dest / p.name, p.read_bytes()) for p in sources]


def load_sample(out: str | Path):
    """Run the sample study into the folder ``out`` and open its project.

    Eight fictional NAV leader interviews in Norwegian (see the sample's ``README.md``),
    coded by one coder (BHO), with answers that give the thesis's Tabell 4-1 to 4-3. Works
    from an installed wheel as from a checkout: the files are read where qualmrs ships them.

    Returns:
        ``qualmrs.Project`` of ``out/project.db`` (tables and matrix are written under
        ``out`` too; the report is left out).
    """
    from .project import open, run

    result = run(sample_dir(), codebook_path(), out, report=False)
    return open(result.db)
