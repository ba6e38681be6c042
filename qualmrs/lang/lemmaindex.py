"""simplemma's dictionary of a language, with its search index kept between runs (issue 12).

simplemma reads a language's dictionary in place (``low_memory``) through an index of every
32nd word form, which it builds by decoding all the dictionary's forms in Python: for
Norwegian Bokmål 700,000 forms, 0.3 s of every command that lemmatises, each time. The index
depends only on the dictionary, so it is kept in the user's cache folder
(``$XDG_CACHE_HOME/qualmrs``, else ``~/.cache/qualmrs``; ``QUALMRS_CACHE`` names another,
and an empty one keeps nothing) as plain arrays (NumPy's format, no pickle), checked against
the dictionary's bytes when read. The lookups, and so the lemmas, are simplemma's own.

The index is simplemma's ``StreamMap``'s inner state, known for simplemma 2.0; with another
version, or when anything about the cache fails, simplemma builds its index as it always
does.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from functools import lru_cache
from zipfile import BadZipFile
from pathlib import Path

FORMAT = 1  # of the cached arrays; a new layout gets a new number (and a new file)


def cache_folder() -> Path | None:
    """Where qualmrs keeps what it can make again, or ``None`` (``QUALMRS_CACHE=""``)."""
    chosen = os.environ.get("QUALMRS_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "qualmrs"


@lru_cache(maxsize=None)
def lemmatizer():
    """simplemma's lemmatiser as ``simplemma.lemmatize(..., low_memory=True)`` uses it, with
    its dictionaries from ``dictionary`` (one per language and process), and with no cache
    of lemmas of its own: ``Segmenter.lemma`` keeps one per word form already, and
    simplemma's kept up to 65,536 more (issue 12)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(cache_max_size=0,
                      lemmatization_strategy=DefaultStrategy(dictionary_factory=_Factory()))


class _Factory:
    """A simplemma ``DictionaryFactory``: each language's ``StreamMap`` once per process."""

    def __init__(self):
        self.get_dictionary = lru_cache(maxsize=8)(dictionary)


def dictionary(lang: str):
    """simplemma's in-place dictionary of ``lang``, its index read from the cache when there
    (and written there when not).

    Raises:
        ValueError: simplemma has no dictionary for ``lang`` (as simplemma raises it).
    """
    import simplemma
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    folder = cache_folder()
    if folder is None or not simplemma.__version__.startswith("2.0."):
        return StreamMap(lang)
    from simplemma.strategies.dictionaries import frontcode
    from simplemma.strategies.dictionaries.dictionary_factory import _read_decompressed

    data = _read_decompressed(lang)  # raises ValueError for a language simplemma lacks
    check = f"{simplemma.__version__}:{len(data)}:{zlib.crc32(data)}"
    path = folder / f"simplemma-{lang}-index-{FORMAT}.npz"
    mapping = StreamMap.__new__(StreamMap)
    mapping._data = data
    mapping._rev, mapping._count, mapping._pos = frontcode._read_header(data)
    try:
        mapping._firsts, mapping._blocks = _read(path, check)
        return mapping
    except (OSError, EOFError, ValueError, KeyError, IndexError, BadZipFile, zlib.error):
        pass  # not there yet, another version's, or damaged: build it again
    built = StreamMap(lang)
    _write(path, check, built._firsts, built._blocks)
    return built


def _read(path: Path, check: str) -> tuple[list[bytes], list[tuple[int, bytes, bytes]]]:
    import numpy as np

    with np.load(path, allow_pickle=False) as saved:
        if str(saved["check"]) != check:
            raise ValueError("made from another dictionary")
        firsts = _unpack(saved["firsts"], saved["firsts_at"])
        keys = _unpack(saved["keys"], saved["keys_at"])
        values = _unpack(saved["values"], saved["values_at"])
        offsets = saved["offsets"].tolist()
    if not (len(firsts) == len(keys) == len(values) == len(offsets)):
        raise ValueError("damaged index")
    return firsts, list(zip(offsets, keys, values))


def _unpack(blob, at) -> list[bytes]:
    raw, at = blob.tobytes(), at.tolist()
    return [raw[a:b] for a, b in zip(at, at[1:])]


def _pack(items: list[bytes]):
    import numpy as np

    at = np.zeros(len(items) + 1, dtype=np.int64)
    np.cumsum([len(x) for x in items], out=at[1:])
    return np.frombuffer(b"".join(items), dtype=np.uint8), at


def _write(path: Path, check: str, firsts, blocks) -> None:
    """Keep the index for the next process; a folder that cannot be written keeps nothing."""
    import numpy as np

    arrays = {"check": np.array(check), "offsets": np.array([b[0] for b in blocks])}
    for name, items in (("firsts", firsts), ("keys", [b[1] for b in blocks]),
                        ("values", [b[2] for b in blocks])):
        arrays[name], arrays[f"{name}_at"] = _pack(items)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(f, **arrays)
            os.replace(name, path)  # whole or not at all, also with two processes at once
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
    except OSError:
        pass
