"""CSV files as people and spreadsheets write them: rows numbered as a spreadsheet shows them,
and the guard that keeps a cell's text from running as a formula."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..errors import ImportError_, IngestError
from ..ingest.normalise import decode, normalise

# Excel writes ';' where the decimal comma is local (Norway), LibreOffice ',' and tab exports.
DELIMITERS = (",", ";", "\t")
# A cell starting with one of these runs as a formula when a spreadsheet opens the CSV
# (OWASP, CSV injection); the apostrophes before it let ``restore`` undo ``neutralise``.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would run it as a formula.

    Text already starting with ``'`` before such a character gets one more, so that
    ``restore(neutralise(t)) == t`` for every ``t``.
    """
    return "'" + text if _FORMULA.match(text) else text


def restore(text: str) -> str:
    """Undo ``neutralise``: the text as it was before qualmrs wrote it into a CSV."""
    return text[1:] if text.startswith("'") and _FORMULA.match(text, 1) else text


def read_rows(path: str | Path, required: tuple[str, ...], optional: tuple[str, ...] = (),
              extra_ok: bool = False, ours: bool = False,
              sheet: int = 0) -> list[tuple[int, dict[str, str]]]:
    """Rows as (spreadsheet row number, {column: stripped value}); header is row 1.

    A CSV may be separated by commas, semicolons or tabs and quoted as Excel and LibreOffice
    quote (``""`` inside quotes is one ``"``; quoted fields hold separators and line breaks).
    A record with a quoted line break is one row, as in a spreadsheet.

    Args:
        ours: the file is one qualmrs wrote (a coding sheet, a disagreements file): take off
            the ``'`` that ``neutralise`` put before formula-like text in CSV.
        sheet: which worksheet of an .xlsx workbook (by position; hidden ones count).

    Raises:
        ImportError_: missing file, undecodable text, a quote that is never closed, or wrong
            columns.
    """
    path = Path(path)
    if not path.is_file():
        raise ImportError_("no such file", path=path)
    if path.suffix.lower() == ".xlsx":
        return _check(path, _xlsx_rows(path, sheet), required, optional, extra_ok)
    try:
        text = normalise(decode(path.read_bytes(), path,
                                hint="save it as UTF-8 (in Excel: CSV UTF-8)"))
    except IngestError as e:  # the same located problem, as an import error
        raise ImportError_(problems=e.problems) from None
    records = _csv_rows(path, text, _delimiter(text, required + optional))
    return _check(path, records, required, optional, extra_ok, ours)


def _delimiter(text: str, known: tuple[str, ...]) -> str:
    """The separator that splits the header into the most ``known`` column names, then into
    the most fields (a comma on a tie).

    The header is parsed as CSV for each candidate, so quoting stays Excel's: ``csv.Sniffer``
    given only the header guessed ``doublequote=False`` and split ``""`` apart (issue 12).
    """
    def score(candidate: str) -> tuple[int, int]:
        try:
            header = next(csv.reader(io.StringIO(text, newline=""), delimiter=candidate), [])
        except csv.Error:
            return (-1, 0)
        names = [h.strip().lower() for h in header]
        return (sum(n in known for n in names), len(names))

    return max(DELIMITERS, key=score)


# What csv.Error says (strict mode), and what that means in the file.
_BROKEN = {"end of data": "a quoted field is never closed",
           "expected after": "a quoted field goes on after its closing quote",
           "field limit": f"a field is longer than {csv.field_size_limit():,} characters"}


def _csv_rows(path: Path, text: str, delimiter: str):
    """(row, line, values) per record; ``line`` is the text line the record starts on.

    Strict: a quote left open would otherwise swallow every row after it into one field.
    Spaces after a delimiter are skipped, as in hand-written ``a, "b, c"``.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True,
                        skipinitialspace=True)
    row, line = 0, 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            why = next((m for k, m in _BROKEN.items() if k in str(e)), str(e))
            raise ImportError_(f"{why}; a field that starts with \" must end with \", and a "
                               "quote inside it is written \"\"", path=path, line=line,
                               row=row + 1) from None
        row += 1
        yield row, line, values
        line = reader.line_num + 1


def _xlsx_rows(path: Path, sheet: int = 0):
    from openpyxl import load_workbook

    try:
        sheets = load_workbook(path, read_only=True, data_only=True).worksheets
    except Exception as e:  # openpyxl raises many types for a damaged workbook
        raise ImportError_(f"not a readable .xlsx workbook: {e}", path=path) from None
    if sheet >= len(sheets):
        raise ImportError_(f"the workbook has {len(sheets)} sheet(s), expected at least "
                           f"{sheet + 1}", path=path)
    ws = sheets[sheet]
    for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
        yield n, n, ["" if v is None else str(v) for v in values]


def _check(path: Path, numbered, required, optional, extra_ok, ours=False):
    # restored after stripping: the ' is what kept a leading tab or CR in place
    clean = (lambda v: restore(v.strip())) if ours else str.strip
    numbered = iter(numbered)
    try:
        _, _, header = next(numbered)
        header = [clean(h).lower() for h in header]
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
    for n, line, values in numbered:
        if not any(v.strip() for v in values):
            continue
        while len(values) > len(header) and not values[-1].strip():
            values = values[:-1]
        if len(values) > len(header):
            # the text line too when a quoted line break above made it differ from the row
            raise ImportError_(f"{len(values)} fields but the header has {len(header)} "
                               "(a field holding the separator needs \"double quotes\")",
                               path=path, row=n, line=line if line != n else None)
        values += [""] * (len(header) - len(values))
        rows.append((n, {h: clean(v) for h, v in zip(header, values)}))
    return rows
