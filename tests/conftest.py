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
