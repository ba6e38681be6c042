"""Limits shared by every reader of zip containers (.docx transcripts, REFI-QDA .qdpx).

``open_zip`` looks at the directory (bombs, paths leaving the archive, encryption),
``check_members`` unpacks every member once under those limits and parses the XML ones with
``parse_xml`` (no DTD, no entities), so a library that opens the file afterwards meets only
sound data. ``read_member`` is the one way to read a member. ``damaged`` wraps every call
into zipfile, zlib or lxml, so that whatever they raise on a damaged file is one line.
"""

from __future__ import annotations

import zipfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from ..errors import IngestError, QualmrsError

MAX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # a member that inflates more than this is treated as a bomb
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)

# Exceptions that mean our code called a library wrongly (or the machine ran out of memory):
# bugs, which keep their traceback. Anything else a library raises while reading an archive is
# the file's doing, and there are too many kinds to list (issue 19): UnicodeDecodeError (a name
# flagged UTF-8 that is not), NotImplementedError (zip version, patched data), struct.error,
# EOFError, zlib.error, lzma.LZMAError, OSError (bz2, seeks), OverflowError, KeyError, ...
_NOT_THE_FILE = (TypeError, AttributeError, NameError, AssertionError, MemoryError)


@contextmanager
def damaged(path, what: str):
    """Turn what a library raises inside the block into one ``IngestError``: «what (reason)».

    Put only calls into zipfile, zlib, lxml or python-docx inside: an exception from our own
    code must keep its traceback.

    Raises:
        IngestError: naming the file, with the library's reason on the same line.
    """
    try:
        yield
    except (QualmrsError, *_NOT_THE_FILE):
        raise
    except Exception as e:
        raise IngestError(f"{what} ({printable(str(e) or type(e).__name__)})",
                          path=path) from None


def printable(text: str) -> str:
    """``text`` with line breaks and other unprintable characters escaped (``\\n``), so that a
    member name or a library's message read from a damaged file stays on one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def is_zip(path: Path, kind: str) -> bool:
    """Whether the file looks like a zip archive (its end of central directory record)."""
    with damaged(path, f"damaged {kind} file"):  # a ZIP64 locator can raise BadZipFile
        return zipfile.is_zipfile(path)


def open_zip(path: Path, kind: str) -> zipfile.ZipFile:
    """Open a container, refusing one that is not a zip, is a zip bomb, or has paths leaving
    it; the caller closes it.

    Raises:
        IngestError: naming the file and, where there is one, the member.
    """
    if not is_zip(path, kind):
        raise IngestError(f"not a valid {kind} file (not a zip archive; truncated or renamed?)",
                          path=path)
    with damaged(path, f"damaged {kind} file"):
        zf = zipfile.ZipFile(path)
    try:
        _check_directory(zf.infolist(), path, kind)
    except BaseException:
        zf.close()
        raise
    return zf


def _check_directory(infos: list[zipfile.ZipInfo], path: Path, kind: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise IngestError(f"{kind} archive has {len(infos)} members, more than {MAX_MEMBERS}",
                          path=path)
    total = 0
    for info in infos:
        if not info.filename:  # a damaged directory entry (ZipInfo.is_dir would fail on it)
            raise IngestError(f"{kind} archive has a member without a name", path=path)
        shown = printable(info.filename)
        name = PurePosixPath(info.filename.replace("\\", "/"))
        # absolute, climbing out, or a Windows drive («C:/...»)
        if name.is_absolute() or ".." in name.parts or ":" in str(name).split("/")[0]:
            raise IngestError(f"archive member '{shown}' points outside the archive", path=path)
        if info.flag_bits & 0x1:
            raise IngestError(f"archive member '{shown}' is encrypted; save the file "
                              "without a password", path=path)
        if info.compress_type not in _METHODS:
            raise IngestError(f"archive member '{shown}' uses compression method "
                              f"{info.compress_type}, which cannot be read", path=path)
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                and info.file_size > 10 * 1024 * 1024:
            raise IngestError(f"archive member '{shown}' inflates {info.file_size} bytes "
                              f"from {info.compress_size}: refused as a zip bomb", path=path)
    if total > MAX_UNCOMPRESSED:
        raise IngestError(f"archive would unpack to {total} bytes, more than the "
                          f"{MAX_UNCOMPRESSED} byte limit", path=path)


def read_member(zf: zipfile.ZipFile, name: str, path, kind: str) -> bytes:
    """The bytes of one member of an archive opened by ``open_zip``.

    Raises:
        IngestError: the member is missing or cannot be unpacked, naming file and member.
    """
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise IngestError(f"{kind} archive has no member '{printable(name)}'",
                          path=path) from None
    with damaged(path, f"damaged {kind} file: member '{printable(name)}' cannot be unpacked"):
        return zf.read(info)


def check_members(path: Path, kind: str, xml_suffixes=(".xml", ".rels")) -> None:
    """Open the archive with ``open_zip``, unpack every member once and parse the XML ones
    safely, so that a library that reads the file afterwards (python-docx) meets sound data.

    Raises:
        IngestError: a member that cannot be unpacked, or XML that is not well-formed or
            declares a DTD (entity expansion, external entities), naming file and member.
    """
    with open_zip(path, kind) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            data = read_member(zf, info.filename, path, kind)
            if info.filename.lower().endswith(xml_suffixes):
                parse_xml(data, path, f"member '{printable(info.filename)}'")


MAX_XML_BYTES = 64 * 1024 * 1024


def parse_xml(data: bytes, path, what: str):
    """Parse XML with entity resolution and network access off (no XXE, no billion laughs).

    Raises:
        IngestError: too large, or not well-formed, naming the file.
    """
    from lxml import etree

    if len(data) > MAX_XML_BYTES:
        raise IngestError(f"{what} is {len(data)} bytes, more than {MAX_XML_BYTES}", path=path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, dtd_validation=False)
    with damaged(path, f"{what} cannot be read as XML"):
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as e:
            if b"<!DOCTYPE" in data[:4096]:  # libxml2 stops entity bombs before we see the DTD
                _refuse_dtd(path, what)
            raise IngestError(f"{what} is not well-formed XML: {printable(e.msg)}",
                              path=path) from None
    if root.getroottree().docinfo.internalDTD is not None:
        _refuse_dtd(path, what)
    return root


def _refuse_dtd(path, what: str):
    raise IngestError(f"{what} declares a DTD; refused (entities could expand or reach out)",
                      path=path)
