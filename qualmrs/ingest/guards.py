"""Limits shared by every reader of zip containers (.docx now, .qdpx later).

``check_zip`` looks at the directory (bombs, paths leaving the archive, encryption),
``check_members`` unpacks every member once under those limits and parses the XML ones with
``parse_xml`` (no DTD, no entities), so a library that opens the file afterwards meets only
sound data. ``read_member`` is the one way to read a member, with its errors as one line.
"""

from __future__ import annotations

import lzma
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from ..errors import IngestError

MAX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # a member that inflates more than this is treated as a bomb
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)


def check_zip(path: Path, kind: str) -> None:
    """Refuse a container that is not a zip, is a zip bomb, or has paths leaving it."""
    if not zipfile.is_zipfile(path):
        raise IngestError(f"not a valid {kind} file (not a zip archive; truncated or renamed?)",
                          path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    # NotImplementedError: a directory claiming a zip version or feature zipfile lacks
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as e:
        raise IngestError(f"damaged {kind} file: {e}", path=path) from None
    if len(infos) > MAX_MEMBERS:
        raise IngestError(f"{kind} archive has {len(infos)} members, more than {MAX_MEMBERS}",
                          path=path)
    total = 0
    for info in infos:
        name = PurePosixPath(info.filename.replace("\\", "/"))
        # absolute, climbing out, or a Windows drive («C:/...»)
        if name.is_absolute() or ".." in name.parts or ":" in str(name).split("/")[0]:
            raise IngestError(f"archive member '{info.filename}' points outside the archive",
                              path=path)
        if info.flag_bits & 0x1:
            raise IngestError(f"archive member '{info.filename}' is encrypted; save the file "
                              "without a password", path=path)
        if info.compress_type not in _METHODS:
            raise IngestError(f"archive member '{info.filename}' uses compression method "
                              f"{info.compress_type}, which cannot be read", path=path)
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                and info.file_size > 10 * 1024 * 1024:
            raise IngestError(f"archive member '{info.filename}' inflates {info.file_size} bytes "
                              f"from {info.compress_size}: refused as a zip bomb", path=path)
    if total > MAX_UNCOMPRESSED:
        raise IngestError(f"archive would unpack to {total} bytes, more than the "
                          f"{MAX_UNCOMPRESSED} byte limit", path=path)


# What unpacking a damaged or crafted member raises: a bad CRC or a size that lies (zipfile
# stops at the declared size and the CRC then fails), broken deflate/bzip2/lzma data, a local
# header whose name is not the UTF-8 it claims (ValueError), a version zipfile lacks.
_UNPACK_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError,
                  ValueError, NotImplementedError)


def read_member(zf: zipfile.ZipFile, name: str, path, kind: str) -> bytes:
    """The bytes of one member of an archive already passed by ``check_zip``.

    Raises:
        IngestError: the member is missing or cannot be unpacked, naming file and member.
    """
    try:
        return zf.read(name)
    except KeyError:
        raise IngestError(f"{kind} archive has no member '{name}'", path=path) from None
    except _UNPACK_ERRORS as e:
        raise IngestError(f"damaged {kind} file: member '{name}' cannot be unpacked ({e})",
                          path=path) from None


def check_members(path: Path, kind: str, xml_suffixes=(".xml", ".rels")) -> None:
    """Unpack every member once and parse the XML ones safely (after ``check_zip``).

    Raises:
        IngestError: a member that cannot be unpacked, or XML that is not well-formed or
            declares a DTD (entity expansion, external entities), naming file and member.
    """
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            data = read_member(zf, info.filename, path, kind)
            if info.filename.lower().endswith(xml_suffixes):
                parse_xml(data, path, f"member '{info.filename}'")


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
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        if b"<!DOCTYPE" in data[:4096]:  # libxml2 stops entity bombs before we see the DTD
            _refuse_dtd(path, what)
        raise IngestError(f"{what} is not well-formed XML: {e.msg}", path=path) from None
    if root.getroottree().docinfo.internalDTD is not None:
        _refuse_dtd(path, what)
    return root


def _refuse_dtd(path, what: str):
    raise IngestError(f"{what} declares a DTD; refused (entities could expand or reach out)",
                      path=path)
