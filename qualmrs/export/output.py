"""Where output files go, for every writer: never over a project store, never over a file
qualmrs did not write unless forced, and all or nothing.

Writers build each file in memory; it is written to a hidden temporary file beside its
target and renamed into place (``os.replace``) only when every file of the command is
complete, so a failure (a full disk, a refused target) leaves no partial file and no
half-updated folder, and no writer holds a half-written file open.

qualmrs knows the files it wrote by a manifest in each folder it writes to,
``.qualmrs-outputs.json``: file name → SHA-256 of the bytes written. A file listed there with
the same bytes is qualmrs' own and is replaced; any other existing file (someone's notes, or
qualmrs' own file edited since, in Excel say) is refused unless forced. A file may also be
recorded with what it was made from (``made_from``: a fingerprint of its data), so that a
later command keeps it instead of making it again while the data is the same (figures). A SQLite file (its
header says so) or its ``-wal``/``-shm``/``-journal`` companion is refused even when forced:
no output may write over a project store.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Iterator

from ..errors import OverwriteError, os_error

__all__ = ["MANIFEST", "Outputs", "outputs", "check_target", "is_sqlite", "write_text",
           "write_bytes"]

MANIFEST = ".qualmrs-outputs.json"
SQLITE_HEADER = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")


def is_sqlite(path: str | Path) -> bool:
    """Whether ``path`` is a SQLite database file (by its 16-byte header)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _store_at(target: Path) -> Path | None:
    """The SQLite file ``target`` is, or is the journal/WAL companion of; else None."""
    if is_sqlite(target):
        return target
    for tail in COMPANIONS:
        if target.name.endswith(tail):
            base = target.with_name(target.name.removesuffix(tail))
            if is_sqlite(base):
                return base
    return None


def _sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _manifest(folder: Path, part: str = "files") -> dict[str, str]:
    """The files qualmrs wrote in ``folder`` (name → SHA-256), or with ``part="made_from"``
    what they were made from (name → fingerprint); empty when there is none or it cannot be
    read, so that nothing there counts as qualmrs' own."""
    try:
        files = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get(part, {})
    except (OSError, ValueError, AttributeError):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)} \
        if isinstance(files, dict) else {}


def _own(target: Path) -> bool:
    """Whether ``target`` is a file qualmrs wrote and nobody changed since."""
    return target.is_file() and _manifest(target.parent).get(target.name) == _sha256(target)


def check_target(target: str | Path, force: bool = False) -> None:
    """Refuse an output path that would replace a store, or a file qualmrs did not write.

    Args:
        target: the file a command is about to write.
        force: allow replacing an existing file qualmrs did not write (never a store).

    Raises:
        OverwriteError: naming the file and what to do instead.
    """
    target = Path(target)
    if target.name == MANIFEST:
        raise OverwriteError("this name is qualmrs' own list of the files it wrote here; "
                             "choose another file name", path=target)
    store = _store_at(target)
    if store is not None:
        what = "is a project store (SQLite)" if store == target else \
            f"belongs to the project store {store.name} (SQLite)"
        raise OverwriteError(f"{what}; qualmrs never writes over one, even with --force; "
                             "choose another output name", path=target)
    if target.is_dir():
        raise OverwriteError("is a folder; give a file name", path=target)
    folder = next((p for p in target.parents if p.exists()), None)
    if folder is not None and not folder.is_dir():
        what = "a project store (SQLite)" if is_sqlite(folder) else "a file"
        raise OverwriteError(f"is {what}, not a folder; give an output folder", path=folder)
    if not target.exists() or force or _own(target):
        return  # new, forced, or written by qualmrs and unchanged since: replaced as before
    raise OverwriteError("exists and was not written by qualmrs (or was changed since); "
                         "choose another name, or give --force to replace it", path=target)


def _translated(error: OSError, path: Path | None):
    """A full disk or an unwritable folder as a one-line error naming ``path``; else None."""
    return os_error(error, path, "choose an output folder you can write to")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class Outputs:
    """The files one command writes, staged beside their targets and moved into place
    together by ``commit`` (or all removed by ``discard``). Make one with ``outputs()``."""

    def __init__(self, force: bool = False):
        self.force = force
        self._staged: dict[Path, Path] = {}  # target → temporary file beside it
        self._made_from: dict[Path, str | None] = {}  # target → fingerprint of its data
        self._made: list[Path] = []  # folders this batch created, removed again on discard

    def _temp(self, target: Path) -> Path:
        """Check ``target`` and make the temporary file beside it that stands for it.

        Raises:
            OverwriteError, ReadOnlyError, DiskFullError: nothing of this batch is kept.
        """
        if target in self._staged:
            return self._staged[target]
        check_target(target, self.force)
        folder = target.parent
        try:
            missing = [p for p in (folder, *folder.parents) if not p.exists()]
            folder.mkdir(parents=True, exist_ok=True)
            self._made.extend(missing)
            fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.",
                                        suffix=f".tmp{target.suffix}")
            os.close(fd)
            os.chmod(name, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        except OSError as e:
            raise _translated(e, folder) or e
        self._staged[target] = Path(name)
        return Path(name)

    def staged(self, target: str | Path) -> Path:
        """Where ``target``'s bytes are now: its temporary file until ``commit``."""
        return self._staged.get(Path(target), Path(target))

    def current(self, target: str | Path, made_from: str) -> bool:
        """Whether ``target`` is qualmrs' own file, unchanged since an earlier command made it
        from data with the fingerprint ``made_from``: then it need not be made again, and is
        left as it is (and stays listed as qualmrs' own).

        Args:
            target: the file a writer is about to make.
            made_from: a fingerprint of everything the file's bytes depend on (its data, the
                code that draws it, the library versions), as given to ``write_bytes``.
        """
        target = Path(target)
        return (target not in self._staged and _own(target)
                and _manifest(target.parent, "made_from").get(target.name) == made_from)

    def write_bytes(self, target: str | Path, data: bytes, made_from: str | None = None) -> Path:
        """Stage ``data`` as ``target``; returns ``target``.

        ``made_from``, when given, is recorded in the folder's manifest with the file, so
        that a later command can keep the file instead of making it again (``current``).

        Raises:
            OverwriteError: ``target`` is a store, or a file qualmrs did not write.
            DiskFullError, ReadOnlyError: the disk is full, or the folder cannot be written.
        """
        target = Path(target)
        tmp = self._temp(target)
        try:
            tmp.write_bytes(data)
        except OSError as e:
            raise _translated(e, target) or e
        self._made_from[target] = made_from
        return target

    def write_text(self, target: str | Path, text: str) -> Path:
        """Stage ``text`` (UTF-8) as ``target``; returns ``target``."""
        return self.write_bytes(target, text.encode("utf-8"))

    @contextlib.contextmanager
    def buffer(self, target: str | Path, made_from: str | None = None) -> Iterator[io.BytesIO]:
        """A buffer for writers that save to a file object (openpyxl, python-docx,
        matplotlib, zipfile); its bytes are staged as ``target`` when the block ends."""
        buf = io.BytesIO()
        yield buf
        self.write_bytes(target, buf.getvalue(), made_from)

    def commit(self) -> None:
        """Record the files in their folders' manifests and rename them into place."""
        manifests: dict[Path, Path] = {}
        try:
            for folder in sorted({t.parent for t in self._staged}):
                files, made_from = _manifest(folder), _manifest(folder, "made_from")
                for target, tmp in self._staged.items():
                    if target.parent == folder:
                        files[target.name] = _sha256(tmp)
                        made_from.pop(target.name, None)
                        if self._made_from.get(target):
                            made_from[target.name] = self._made_from[target]
                fd, name = tempfile.mkstemp(dir=folder, prefix=f"{MANIFEST}.", suffix=".tmp")
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump({"about": "files qualmrs wrote here, with the SHA-256 of their "
                               "bytes; qualmrs replaces these and no other", "files": files,
                               "made_from": made_from},
                              f, indent=1, sort_keys=True, ensure_ascii=False)
                manifests[folder / MANIFEST] = Path(name)
            for target, tmp in [*self._staged.items(), *manifests.items()]:
                os.replace(tmp, target)
        except OSError as e:
            for tmp in manifests.values():
                tmp.unlink(missing_ok=True)
            self.discard()
            raise _translated(e, Path(e.filename).parent if e.filename else None) or e
        self._staged.clear()
        self._made_from.clear()

    def discard(self) -> None:
        """Remove every temporary file, and the folders this batch created when empty."""
        for tmp in self._staged.values():
            tmp.unlink(missing_ok=True)
        self._staged.clear()
        self._made_from.clear()
        for folder in sorted(self._made, key=lambda p: len(p.parts), reverse=True):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._made.clear()


_current: contextvars.ContextVar[Outputs | None] = contextvars.ContextVar("outputs", default=None)


@contextlib.contextmanager
def outputs(force: bool = False) -> Iterator[Outputs]:
    """A batch of output files written all or nothing.

    Inside an enclosing ``outputs()`` block this joins that batch (so ``run`` writes its
    tables, matrix and report as one); the outermost block commits on success and discards
    on any exception. A full disk or an unwritable folder met while writing is raised as
    ``DiskFullError`` or ``ReadOnlyError`` naming the file (see ``Outputs.write_bytes``).
    """
    outer = _current.get()
    if outer is not None:
        yield outer
        return
    batch = Outputs(force)
    token = _current.set(batch)
    try:
        yield batch
    except BaseException:
        batch.discard()
        raise
    else:
        batch.commit()
    finally:
        _current.reset(token)


def write_text(target: str | Path, text: str, force: bool = False) -> Path:
    """Write one text file (UTF-8) through ``outputs``; returns ``target``."""
    with outputs(force) as out:
        return out.write_text(target, text)


def write_bytes(target: str | Path, data: bytes, force: bool = False) -> Path:
    """Write one file's bytes through ``outputs``; returns ``target``."""
    with outputs(force) as out:
        return out.write_bytes(target, data)
