import errno
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

    return CliRunner().invoke(app, [str(a) for a in args], prog_name="qualmrs")


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
