import errno
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parents[1]
CODEBOOK = ROOT / "codebooks" / "mrs_nav.yaml"
SAMPLE = ROOT / "transcripts_sample"

# Hypothesis (issue 19): the suite draws the same examples on every run, whether by `make test`,
# CI or plain pytest, so that no run fails on the draw; every counterexample found is pinned as
# an @example. `make fuzz` selects the "fuzz" profile: new random examples, many of them.
FUZZ_EXAMPLES = int(os.environ.get("QUALMRS_FUZZ_EXAMPLES", "10000"))
settings.register_profile("ci", derandomize=True, database=None, deadline=None,
                          print_blob=True)
settings.register_profile("fuzz", max_examples=FUZZ_EXAMPLES, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or "ci"
settings.load_profile(PROFILE)

# What qualmrs keeps between runs (simplemma's index, issue 12) goes to a folder of this run,
# shared by the tests and the commands they start, not to the user's own cache folder.
if "QUALMRS_CACHE" not in os.environ:
    import atexit
    import tempfile

    os.environ["QUALMRS_CACHE"] = tempfile.mkdtemp(prefix="qualmrs-test-cache-")
    atexit.register(shutil.rmtree, os.environ["QUALMRS_CACHE"], True)


def examples(n: int) -> int:
    """A property's number of examples: ``n`` in the suite, ``FUZZ_EXAMPLES`` under `make fuzz`."""
    return FUZZ_EXAMPLES if PROFILE == "fuzz" else n


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


def old_store(tmp_path, dump: str) -> Path:
    """A store made by an older qualmrs, from its SQL dump in tests/store/data/."""
    import sqlite3

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript((ROOT / "tests" / "store" / "data" / dump).read_text(encoding="utf-8"))
    conn.close()
    return db


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the session (tests/pg.py); skips when none is installed."""
    import pg

    bin_dir = pg.binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; "
                    "apt-get install postgresql)")
    try:
        server = pg.Server(bin_dir)
    except LookupError:
        pytest.skip("running as root, but there is no 'postgres' user to run PostgreSQL as")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server):
    """The URL of a fresh, empty PostgreSQL database."""
    return pg_server.database()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    """Where a new project goes: a SQLite file's path, or an empty PostgreSQL database's URL."""
    if request.param == "sqlite":
        return str(tmp_path / "p.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def backend_project(backend, tiny_dir):
    """The tiny interview's store (as ``project``), on SQLite and on PostgreSQL."""
    from qualmrs.project import ingest, init_project

    store = init_project(backend, CODEBOOK)
    ingest(store, [tiny_dir], tiny_dir / "cases.csv")
    yield store
    store.close()


def invoke(*args, input: str | None = None):
    """Run the qualmrs CLI in-process with string arguments (and ``input`` on stdin)."""
    from typer.testing import CliRunner

    from qualmrs.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], input=input, prog_name="qualmrs")


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

SMALL = {"intervju_b.docx": "B", "intervju_e.txt": "E", "intervju_g.srt": "G"}


@pytest.fixture(scope="session")
def small_study(tmp_path_factory):
    """Three sample interviews (those the second coder coded) with their cases, codings and
    answers: a study that every command runs on in a second or two."""
    import csv

    folder = tmp_path_factory.mktemp("small") / "study"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(SAMPLE / name, folder / name)
    for name, column, keep in [("cases.csv", "case", set(SMALL.values())),
                               ("codings.csv", "document", set(SMALL)),
                               ("answers.csv", "case", set(SMALL.values()))]:
        with (SAMPLE / name).open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        i = rows[0].index(column)
        with (folder / name).open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(
                [rows[0]] + [r for r in rows[1:] if r[i] in keep])
    return folder


@pytest.fixture
def tmpfs(tmp_path):
    """A factory of small tmpfs mounts (``tmpfs(kilobytes)``, remount read-only with
    ``tmpfs.read_only(path)``), to meet a really full or read-only disk. Needs root with
    CAP_SYS_ADMIN (as in this project's CI); skips elsewhere. Unmounted at the end."""
    import subprocess

    mounts = []

    def mount(kilobytes: int) -> Path:
        point = tmp_path / f"mnt{len(mounts)}"
        point.mkdir()
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kilobytes}k,mode=0755",
                            "tmpfs", str(point)], capture_output=True)
        if r.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")
        mounts.append(point)
        return point

    def read_only(point: Path) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)

    mount.read_only = read_only
    yield mount
    for point in reversed(mounts):
        subprocess.run(["umount", "-l", str(point)], check=False)


class _FillingFile:
    """A file opened for writing on a disk that fills up after ``room`` more bytes."""

    def __init__(self, file, disk):
        self._file, self._disk = file, disk

    def write(self, data):
        self._disk["room"] -= len(data)
        if self._disk["room"] < 0:
            raise OSError(errno.ENOSPC, "No space left on device", self._file.name)
        return self._file.write(data)

    def __getattr__(self, name):
        return getattr(self._file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._file.close()

    def __iter__(self):
        return iter(self._file)


@pytest.fixture
def full_disk(monkeypatch):
    """``full_disk(folder, room)``: files opened for writing under ``folder`` (through
    ``open``, as the xlsx, docx, csv, zip and figure writers do) fail with ENOSPC once
    ``room`` bytes are written in all; a full disk without a tmpfs."""
    import builtins
    import io

    real_open = io.open

    def fill(folder: Path, room: int) -> None:
        disk = {"room": room}

        def open_(file, mode="r", *args, **kwargs):
            f = real_open(file, mode, *args, **kwargs)
            if isinstance(file, (str, Path)) and any(m in mode for m in "wax+") \
                    and Path(file).resolve().is_relative_to(folder.resolve()):
                return _FillingFile(f, disk)
            return f

        monkeypatch.setattr(builtins, "open", open_)
        monkeypatch.setattr(io, "open", open_)
    return fill


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory):
    """The sample study run once (no report): its store and every file ``run`` writes.
    Tests that change the store work on a copy (``sample_project``)."""
    from qualmrs.project import run

    out = tmp_path_factory.mktemp("sample_out")
    run(SAMPLE, CODEBOOK, out, report=False)
    return out


@pytest.fixture(scope="session")
def sample_turns(sample_out):
    """The sample's informant turns as the model sees them (``TurnExample``s: lemmas, BHO's
    codes and the rules' matches), read from the sample's store."""
    import qualmrs
    from qualmrs.analyse.evaluate import turn_examples, with_rule_codes
    from qualmrs.coding.suggest import RuleSuggester

    with qualmrs.open(sample_out / "project.db") as project:
        store = project.store
        documents, sentences = store.documents(), store.sentences()
        turns = turn_examples(documents, sentences, store.codings(coder="BHO"))
        return with_rule_codes(turns, RuleSuggester(store.codebook).predict(documents,
                                                                            sentences))


@pytest.fixture
def sample_project(sample_out, tmp_path):
    """A copy of the sample's store, open as a Project (issue 17)."""
    import qualmrs

    db = tmp_path / "project.db"
    shutil.copy(sample_out / "project.db", db)
    with qualmrs.open(db) as project:
        yield project


# tests/web/conftest.py is imported under the same name, "conftest", and then stands in for this
# module wherever a test does `from conftest import ...`; it takes this module's names from here.
sys.modules["qualmrs_tests_conftest"] = sys.modules[__name__]
