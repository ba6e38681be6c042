"""Bytes → normalised text: UTF-8 (BOM stripped), NFC, ``\\n`` line ends."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ..errors import IngestError

MAX_TEXT_BYTES = 200 * 1024 * 1024  # a transcript larger than this is not a transcript
# One line (a paragraph, a subtitle turn) longer than this is not speech: an hour of talk is
# about 60,000 characters. It is also spaCy's default ``max_length`` for one text.
MAX_LINE_CHARS = 1_000_000

# Byte order marks that settle the encoding; UTF-32 first, its LE mark starts like UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Files people rename to .txt or .csv by mistake, by their first bytes.
_SIGNATURES = ((b"%PDF-", "a PDF file"), (b"PK\x03\x04", "a zip archive (a .docx or .xlsx?)"),
               (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Excel file (.doc/.xls)"),
               (b"{\\rtf", "an RTF file"))
_CONTROL = bytes(range(32)).translate(None, b"\t\n\r\x0b\x0c\x1a\x1b")
_SNIFF = 8192


def normalise(text: str) -> str:
    """NFC, LF line ends, no BOM: the text every offset in a project points into."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Unicode line/paragraph separators would count as line ends for str.splitlines().
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return unicodedata.normalize("NFC", text)


ENCODING_HINT = "give --encoding cp1252 or latin-1 if that is what it is"


def decode(data: bytes, path: str | Path, encoding: str | None = None,
           hint: str = ENCODING_HINT) -> str:
    """Decode transcript bytes, refusing binary files and naming the first bad byte.

    UTF-8 (with or without BOM) is the default; a UTF-16/32 byte order mark is followed;
    ``encoding`` (e.g. ``cp1252``) overrides both. ``hint`` ends the message about bytes
    that are not UTF-8.

    Raises:
        IngestError: empty, binary, an unknown encoding, or bytes the encoding cannot
            decode (with their line and byte offset).
    """
    if not data or data.isspace():  # not data.strip(): no copy of a long file
        raise IngestError("the file is empty", path=path)
    codec = _codec(encoding, path) if encoding else next(
        (name for bom, name in _BOMS if data.startswith(bom)), "utf-8-sig")
    if not codec.startswith(("utf-16", "utf-32")):  # wide encodings are full of NUL bytes
        _refuse_binary(data, path)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        what = "UTF-8" if codec == "utf-8-sig" else codec
        hint = f"; {hint}" if codec == "utf-8-sig" else ""
        raise IngestError(f"not {what} text (invalid byte 0x{data[e.start]:02x} at byte offset "
                          f"{e.start}){hint}", path=path, line=line) from None


def _codec(encoding: str, path) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise IngestError(f"unknown encoding '{encoding}' (--encoding); e.g. utf-8, cp1252, "
                          "latin-1, utf-16", path=path) from None
    return "utf-8-sig" if name == "utf-8" else name


def _refuse_binary(data: bytes, path) -> None:
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            raise IngestError(f"{what}, not text", path=path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise IngestError(f"looks like a binary file, not text (NUL byte at byte offset {nul})",
                          path=path)
    head = data[:_SNIFF]
    control = len(head) - len(head.translate(None, _CONTROL))
    if control * 100 > len(head):  # text has tabs and line ends, not other control bytes
        raise IngestError(f"looks like a binary file, not text ({control} control bytes in "
                          f"the first {len(head)})", path=path)


def check_size(path: Path) -> None:
    """Refuse a file larger than ``MAX_TEXT_BYTES`` before reading it."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise IngestError(f"file is {size:,} bytes, larger than the {MAX_TEXT_BYTES:,} byte "
                          "limit for a transcript", path=path)


def read_text_file(path: Path, encoding: str | None = None) -> str:
    check_size(path)
    return normalise(decode(path.read_bytes(), path, encoding))


def check_line_lengths(text: str, path, located: bool = True) -> None:
    """Refuse text with a line longer than ``MAX_LINE_CHARS`` (lost line breaks, or not speech).

    Args:
        located: the text's lines are the file's lines, so the error can name the line.

    Raises:
        IngestError: naming the file (and line).
    """
    if len(text) <= MAX_LINE_CHARS:
        return
    for n, (start, end) in enumerate(line_spans(text), start=1):
        if end - start > MAX_LINE_CHARS:
            where = "the line" if located else f"line {n} of the text"
            raise IngestError(f"{where} has {end - start:,} characters, more than the "
                              f"{MAX_LINE_CHARS:,} a line may have: not a transcript, or its "
                              "line breaks were lost (split it into paragraphs)", path=path,
                              line=n if located else None)


def line_spans(text: str):
    """``(start, end)`` of each line of ``text`` (``end`` at its ``\\n``), found in place: a
    long transcript is not copied into a list of lines."""
    start, size = 0, len(text)
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield start, size
            return
        yield start, end
        start = end + 1
