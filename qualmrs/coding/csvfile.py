"""Reading the hand-written CSV files, with row numbers as a spreadsheet shows them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import ImportError_, IngestError
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
    if path.suffix.lower() == ".xlsx":
        return _check(path, _xlsx_rows(path), required, optional, extra_ok)
    try:
        text = normalise(decode(path.read_bytes(), path,
                                hint="save it as UTF-8 (in Excel: CSV UTF-8)"))
    except IngestError as e:  # the same located problem, as an import error
        raise ImportError_(problems=e.problems) from None
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)  # keeps quoted line breaks
    return _check(path, enumerate(reader, start=1), required, optional, extra_ok)


def _xlsx_rows(path: Path):
    from openpyxl import load_workbook

    try:
        ws = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    except Exception as e:  # openpyxl raises many types for a damaged workbook
        raise ImportError_(f"not a readable .xlsx workbook: {e}", path=path) from None
    for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
        yield n, ["" if v is None else str(v) for v in values]


def _check(path: Path, numbered, required, optional, extra_ok):
    numbered = iter(numbered)
    try:
        _, header = next(numbered)
        header = [h.strip().lower() for h in header]
    except StopIteration:
        raise ImportError_("the file is empty", path=path) from None
    while header and not header[-1]:
        header.pop()
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
    for n, values in numbered:
        if not any(v.strip() for v in values):
            continue
        while len(values) > len(header) and not values[-1].strip():
            values = values[:-1]
        if len(values) > len(header):
            raise ImportError_(f"{len(values)} fields but the header has {len(header)} "
                               "(a quote with a comma needs \"double quotes\")", path=path, row=n)
        values += [""] * (len(header) - len(values))
        rows.append((n, {h: v.strip() for h, v in zip(header, values)}))
    return rows
