import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parents[1]
CODEBOOK = ROOT / "codebooks" / "mrs_nav.yaml"
SAMPLE = ROOT / "transcripts_sample"

TINY = """\
A: Velkommen. Kan resultater tallfestes, tenker du?
B: Ja, det meste kan tallfestes. Vi har målekortet og styringspakkene hver måned.
Og vi har resultatmøter på kontoret hver tirsdag.
A: Sammenliknes kontorene?
B: Tja, det er vel både og. Fylket viser tall, men rangerer ikke.
"""


@pytest.fixture
def codebook_path():
    return CODEBOOK


@pytest.fixture
def tiny_turns():
    from writers import parse_canonical

    return parse_canonical(TINY)


@pytest.fixture
def tiny_dir(tmp_path, tiny_turns):
    from writers import write_docx

    d = tmp_path / "study"
    d.mkdir()
    write_docx(tiny_turns, d / "intervju_b.docx")
    (d / "cases.csv").write_text("case,fylke,rolle\nB,Vestfylket,kontorleder\n", encoding="utf-8")
    return d


@pytest.fixture
def project(tmp_path, tiny_dir):
    from qualmrs.project import ingest, init_project

    store = init_project(tmp_path / "p.db", CODEBOOK)
    ingest(store, [tiny_dir], tiny_dir / "cases.csv")
    yield store
    store.close()


@pytest.fixture
def sample_copy(tmp_path):
    dest = tmp_path / "sample"
    shutil.copytree(SAMPLE, dest)
    return dest


def invoke(*args):
    """Run the qualmrs CLI in-process with string arguments."""
    from typer.testing import CliRunner

    from qualmrs.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def spreadsheet_csv(rows, style: str) -> bytes:
    """``rows`` as a CSV file saved by Excel (UTF-8 with BOM, ';', CRLF) or LibreOffice (UTF-8,
    ',', LF): both quote a field only when it needs it and write a quote inside it as ``""``."""
    sep, eol, bom = {"excel": (";", "\r\n", "\ufeff"), "libreoffice": (",", "\n", "")}[style]

    def field(value: str) -> str:
        if any(c in value for c in (sep, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    return (bom + "".join(sep.join(map(field, row)) + eol for row in rows)).encode("utf-8")


# Quotes, separators and a line break in what informant K says (issue 12).
QUOTED = """\
I: Hva sa hun?
K: Hun sa "nei" to ganger; «ikke nå», sa hun.
Så gikk hun.
I: Og så?
K: Det var "rart", men greit.
"""


@pytest.fixture
def quoted_project(tmp_path):
    from qualmrs.project import ingest, init_project

    d = tmp_path / "quoted"
    d.mkdir()
    (d / "intervju_k.txt").write_text(QUOTED, encoding="utf-8")
    store = init_project(tmp_path / "q.db", CODEBOOK)
    ingest(store, [d / "intervju_k.txt"])
    yield store
    store.close()


# Text a spreadsheet would run as a formula, from a file name, a case label, a case
# attribute and a transcript (issue 12).
FORMULA_DOC = "=intervju.txt"
FORMULA_CASE = "-X"
FORMULA_ATTRIBUTE = "=cmd|' /C calc'!A0"
FORMULA_TURN = '=HYPERLINK("http://x","klikk")'
FORMULA_STUDY = f"""\
A: Hva tenker du?
X: {FORMULA_TURN}
A: Og så?
X: -1 er for lite, sa de. @SUM(1+1) sa de.
"""


@pytest.fixture(scope="module")
def formula_db(tmp_path_factory):
    """A project whose document, case, attribute and turns start like formulas; coders BHO
    and coder2 differ on both turns and on one answer."""
    d = tmp_path_factory.mktemp("formula")
    (d / FORMULA_DOC).write_text(FORMULA_STUDY, encoding="utf-8")
    rows = [["case", "fylke", "document"], [FORMULA_CASE, FORMULA_ATTRIBUTE, FORMULA_DOC]]
    (d / "cases.csv").write_bytes(spreadsheet_csv(rows, "libreoffice"))
    rows = [["document", "code", "quote", "coder"],
            [FORMULA_DOC, "motivasjon", FORMULA_TURN, "BHO"],
            [FORMULA_DOC, "historikk", FORMULA_TURN, "coder2"],
            [FORMULA_DOC, "motivasjon", "-1 er for lite", "coder2"]]
    (d / "codings.csv").write_bytes(spreadsheet_csv(rows, "libreoffice"))
    rows = [["case", "question", "category", "coder"], [FORMULA_CASE, "tallfestes", "Ja", "BHO"],
            [FORMULA_CASE, "tallfestes", "Nei", "coder2"]]
    (d / "answers.csv").write_bytes(spreadsheet_csv(rows, "libreoffice"))
    db = d / "p.db"
    for args in (("init", db, "--codebook", CODEBOOK),
                 ("ingest", db, d / FORMULA_DOC, "--cases", d / "cases.csv"),
                 ("import-codings", db, d / "codings.csv"),
                 ("import-answers", db, d / "answers.csv")):
        r = invoke(*args)
        assert r.exit_code == 0, r.output
    return db


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xlsx_values(path) -> list:
    """Every cell value of an .xlsx, after checking that none is a formula: text is in string
    cells and no worksheet holds a formula element."""
    import zipfile

    import openpyxl

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    wb = openpyxl.load_workbook(path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert [c.coordinate for c in cells if isinstance(c.value, str) and c.data_type != "s"] == []
    return [c.value for c in cells]


def csv_values(text: str) -> list[str]:
    """Every field of a CSV text, after checking that none but a number starts like a formula."""
    import csv
    import io

    def number(value: str) -> bool:
        try:
            float(value)
            return True
        except ValueError:
            return False

    values = [v for row in csv.reader(io.StringIO(text, newline="")) for v in row]
    assert [v for v in values if v.startswith(FORMULA_START) and not number(v)] == []
    return values
