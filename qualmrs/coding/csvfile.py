"""Reading the hand-written CSV files, with row numbers as a spreadsheet shows them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import ImportError_
from ..ingest.normalise import decode, normalise


def read_rows(path: str | Path, required: tuple[str, ...], optional: tuple[str, ...] = (),
              extra_ok: bool = False) -> list[tuple[int, dict[str, str]]]:
    """Rows as (spreadsheet row number, {column: stripped value}); header is row 1.

    Raises:
        ImportError_: missing file, undecodable text, or wrong columns.
    """
    path = Path(path)
    if not path.is_file():
        raise ImportError_("no such file", path=path)
    try:
        text = normalise(decode(path.read_bytes(), path))
    except Exception as e:  # IngestError from decode: same message, import wording
        raise ImportError_(str(e).split(": ", 1)[-1], path=path) from None
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)  # keeps quoted line breaks
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ImportError_("the file is empty", path=path) from None
    missing = [c for c in required if c not in header]
    if missing:
        raise ImportError_(f"missing column(s) {', '.join(missing)}; the header must have "
                           f"{', '.join(required + optional)}", path=path, row=1)
    unknown = [h for h in header if h not in required + optional]
    if unknown and not extra_ok:
        raise ImportError_(f"unknown column(s) {', '.join(unknown)}; expected "
                           f"{', '.join(required + optional)}", path=path, row=1)
    if len(set(header)) != len(header):
        raise ImportError_("a column name appears twice in the header", path=path, row=1)
    rows = []
    for n, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            raise ImportError_(f"{len(values)} fields but the header has {len(header)} "
                               "(a quote with a comma needs \"double quotes\")", path=path, row=n)
        values += [""] * (len(header) - len(values))
        rows.append((n, {h: v.strip() for h, v in zip(header, values)}))
    return rows
