"""A REFI-QDA codebook (.qdc) → qualmrs codebook YAML (keys made from names, tree kept)."""

from __future__ import annotations

import re
import unicodedata
import uuid
from pathlib import Path

import yaml

from ..errors import IngestError
from .guards import parse_xml

NS = {"c": "urn:QDA-XML:codebook:1.0", "p": "urn:QDA-XML:project:1.0"}
_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


_NAMESPACE = uuid.UUID("6f1f4a3e-0c0e-5b7a-9a53-716d616c6d72")  # fixed: qualmrs' own


def refi_guid(kind: str, key: str) -> str:
    """The GUID qualmrs writes for a thing: the same on every export, so a re-import finds
    its codes by GUID even when their names changed."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}")).upper()


def norm_guid(value: str | None) -> str:
    """GUIDs compare upper case without braces: tools differ in both."""
    return (value or "").strip().strip("{}").upper()


def make_key(name: str, taken: set[str]) -> str:
    """A code key from a name: lower case, letters and digits, '_' between; unique."""
    text = unicodedata.normalize("NFC", name).lower()
    key = re.sub(r"[^a-z0-9æøå]+", "_", text).strip("_") or "kode"
    if key[0].isdigit():
        key = "k_" + key
    base, n = key, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


def code_tree(element, warnings: list[str], keys: dict[str, str] | None = None,
              parent: str = "") -> list[dict]:
    """The codes under ``element`` as codebook YAML entries (keys unique among siblings).

    ``keys`` collects each code's GUID (upper case, no braces) → its full (dotted) key.
    """
    out, taken = [], set()
    for code in element.findall("c:Code", NS) + element.findall("p:Code", NS):
        name = (code.get("name") or "").strip() or "(uten navn)"
        entry = {"key": make_key(name, taken), "name": name}
        full = f"{parent}.{entry['key']}" if parent else entry["key"]
        if keys is not None:
            keys[norm_guid(code.get("guid"))] = full
        desc = code.find("c:Description", NS)
        if desc is None:
            desc = code.find("p:Description", NS)
        if desc is not None and (desc.text or "").strip():
            entry["description"] = desc.text.strip()
        color = (code.get("color") or "").strip()
        if color and _COLOR.match(color):
            entry["color"] = color
        elif color:
            warnings.append(f"code '{name}': colour '{color}' is not #RRGGBB, left out")
        if code.get("isCodable") == "false":
            entry.setdefault("description", "")
            entry["description"] = (entry["description"] + " (kategori, ikke kodbar i "
                                    "kildeverktøyet)").strip()
        children = code_tree(code, warnings, keys, full)
        if children:
            entry["children"] = children
        out.append(entry)
    return out


def qdc_to_yaml(path: str | Path) -> tuple[str, list[str]]:
    """Read a .qdc file; return codebook YAML text and warnings about what was not kept.

    Raises:
        IngestError: unreadable, unsafe or not a REFI codebook, naming the file.
    """
    path = Path(path)
    if not path.is_file():
        raise IngestError("no such file", path=path)
    root = parse_xml(path.read_bytes(), path, "the codebook")
    codes = root.find("c:Codes", NS)
    if root.tag != f"{{{NS['c']}}}CodeBook" or codes is None:
        raise IngestError("not a REFI-QDA codebook (expected CodeBook/Codes in namespace "
                          f"{NS['c']})", path=path)
    warnings: list[str] = []
    sets = root.findall("c:Sets/c:Set", NS)
    if sets:
        warnings.append(f"{len(sets)} code set(s) not kept: qualmrs codebooks have no sets")
    book = {"name": root.get("origin") and f"Kodebok fra {root.get('origin')}" or path.stem,
            "language": "nb", "codes": code_tree(codes, warnings)}
    return yaml.safe_dump(book, allow_unicode=True, sort_keys=False, width=100), warnings
