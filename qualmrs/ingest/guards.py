"""Limits shared by every reader of zip containers (.docx now, .qdpx later)."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from ..errors import IngestError

MAX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # a member that inflates more than this is treated as a bomb


def check_zip(path: Path, kind: str) -> None:
    """Refuse a container that is not a zip, is a zip bomb, or has paths leaving it."""
    if not zipfile.is_zipfile(path):
        raise IngestError(f"not a valid {kind} file (not a zip archive; truncated or renamed?)",
                          path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as e:
        raise IngestError(f"damaged {kind} file: {e}", path=path) from None
    if len(infos) > MAX_MEMBERS:
        raise IngestError(f"{kind} archive has {len(infos)} members, more than {MAX_MEMBERS}",
                          path=path)
    total = 0
    for info in infos:
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts:
            raise IngestError(f"archive member '{info.filename}' points outside the archive",
                              path=path)
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                and info.file_size > 10 * 1024 * 1024:
            raise IngestError(f"archive member '{info.filename}' inflates {info.file_size} bytes "
                              f"from {info.compress_size}: refused as a zip bomb", path=path)
    if total > MAX_UNCOMPRESSED:
        raise IngestError(f"archive would unpack to {total} bytes, more than the "
                          f"{MAX_UNCOMPRESSED} byte limit", path=path)


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
        raise IngestError(f"{what} is not well-formed XML: {e}", path=path) from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise IngestError(f"{what} declares a DTD; refused (entities could expand or reach out)",
                          path=path)
    return root
