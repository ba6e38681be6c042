"""What ships with qualmrs: its codebooks and the sample study, and where they are.

The repository keeps them at the top level (``codebooks/``, ``transcripts_sample/``); the
wheel carries the same files as package data under ``qualmrs/data/`` (the build maps them
there, see ``pyproject.toml``), so there is one copy in the repository. An installed wheel
finds them through ``importlib.resources``; an editable install or a checkout, which has no
``qualmrs/data/``, finds them in the source tree. (hatchling also copies them into an editable
install's site-packages; that copy is never read, as the source tree's package is the one
imported.)
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import CodebookError, QualmrsError, did_you_mean

SOURCE_ROOT = Path(__file__).resolve().parents[1]
CODEBOOKS = "codebooks"
SAMPLE = "transcripts_sample"
SUFFIXES = (".yaml", ".yml")


def _folder(name: str) -> Path:
    """The shipped folder ``name``: the package's data, else the source tree's.

    Raises:
        QualmrsError: neither exists (an install that lost its data).
    """
    packaged = resources.files("qualmrs") / "data" / name
    # wheels install unpacked, so the package data is a real folder on disk
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = SOURCE_ROOT / name
    if checkout.is_dir():
        return checkout
    raise QualmrsError(f"qualmrs is installed without its {name} (neither qualmrs/data/{name} "
                       "nor a source tree beside the package); reinstall qualmrs",
                       path=packaged)


def sample_dir() -> Path:
    """The folder of the sample study: transcripts, cases, codings, answers, README."""
    return _folder(SAMPLE)


def codebook_names() -> list[str]:
    """The shipped codebooks' names (their file names without ``.yaml``), sorted."""
    return sorted(p.stem for p in _folder(CODEBOOKS).iterdir()
                  if p.suffix in SUFFIXES and not p.name.startswith("."))


def shipped_codebook(name: str) -> Path:
    """The file of the shipped codebook ``name`` (e.g. ``mrs_nav``).

    Raises:
        CodebookError: no shipped codebook has that name; the message lists those there are.
    """
    folder = _folder(CODEBOOKS)
    for suffix in SUFFIXES:
        if (folder / f"{name}{suffix}").is_file():
            return folder / f"{name}{suffix}"
    names = codebook_names()
    close = did_you_mean(name, names)
    raise CodebookError(f"neither a codebook file nor a shipped codebook's name (shipped: "
                        f"{', '.join(names)}; 'qualmrs codebooks' lists them)"
                        + (f"; {close}" if close.startswith("did") else ""), path=name)


def codebook_file(ref: str | Path) -> Path:
    """The codebook file ``ref`` means: an existing file, or a shipped codebook's name.

    A name (no folder, no ``.yaml``/``.yml`` suffix) that is not an existing file is a shipped
    codebook's name, so ``--codebook mrs_nav`` works wherever a codebook file is taken; any
    other ``ref`` is a path, returned as it is (a missing file is the reader's to report).

    Raises:
        CodebookError: a name that is neither a file nor a shipped codebook.
    """
    text = str(ref)
    path = Path(ref)
    is_name = ("/" not in text and "\\" not in text and path.suffix.lower() not in SUFFIXES
               and text not in ("", ".", ".."))
    if not is_name or path.exists():
        return path
    return shipped_codebook(text)


@dataclass(frozen=True)
class ShippedCodebook:
    """One shipped codebook, as ``qualmrs codebooks`` lists it."""

    name: str  # what --codebook takes
    title: str  # the codebook's own ``name:``
    language: str
    path: Path


def shipped_codebooks() -> list[ShippedCodebook]:
    """The shipped codebooks with their titles and languages, by name.

    Reads only the top-level fields (the codebooks are checked by the tests, and a full
    check loads spaCy).
    """
    import yaml

    out = []
    for name in codebook_names():
        path = shipped_codebook(name)
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        out.append(ShippedCodebook(name, str(data.get("name", "")),
                                   str(data.get("language", "nb")), path))
    return out
