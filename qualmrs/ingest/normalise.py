"""Bytes → normalised text: UTF-8 (BOM stripped), NFC, ``\\n`` line ends."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..errors import IngestError

MAX_TEXT_BYTES = 200 * 1024 * 1024  # a transcript larger than this is not a transcript


def normalise(text: str) -> str:
    """NFC, LF line ends, no BOM: the text every offset in a project points into."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Unicode line/paragraph separators would count as line ends for str.splitlines().
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return unicodedata.normalize("NFC", text)


def decode(data: bytes, path: str | Path, encoding: str | None = None) -> str:
    """Decode transcript bytes, refusing binary files and naming the first bad byte."""
    if not data.strip():
        raise IngestError("the file is empty", path=path)
    if b"\x00" in data[:8192]:
        raise IngestError("looks like a binary file, not text (NUL bytes)", path=path)
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as e:
            raise IngestError(f"cannot decode as {encoding}: {e}", path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise IngestError(f"not UTF-8 text (invalid byte 0x{data[e.start]:02x} at byte offset "
                          f"{e.start}); give --encoding cp1252 or latin-1 if that is what it is",
                          path=path) from None


def read_text_file(path: Path, encoding: str | None = None) -> str:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise IngestError(f"file is {size} bytes, larger than the {MAX_TEXT_BYTES} byte limit",
                          path=path)
    return normalise(decode(path.read_bytes(), path, encoding))
