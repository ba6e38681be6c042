"""Issue 12 (8): a command imports what it needs when it needs it, so that `qualmrs --help`
and printing the tables start at once; spaCy, scikit-learn, matplotlib and pandas load only
for the commands that use them. Behaviour, not wall-clock: which modules a fresh process
holds after the command (`make bench` measures the seconds)."""

import os
import subprocess
import sys

import pytest

HEAVY = ("spacy", "sklearn", "scipy", "matplotlib", "pandas")

# Runs the command line as the `qualmrs` script does, then names the heavy modules loaded.
PROBE = """
import sys
from qualmrs.cli import main
sys.argv = ["qualmrs", *sys.argv[1:]]
try:
    main()
except SystemExit as e:
    code = e.code
print("LOADED", *[m for m in {heavy!r} if m in sys.modules], "EXIT", code)
"""


def loaded(*args, heavy=HEAVY) -> tuple[list[str], str]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(heavy=heavy), *map(str, args)],
                         capture_output=True, text=True, check=True).stdout
    line = out.splitlines()[-1].split()
    return line[1:-2], line[-1]


@pytest.mark.parametrize("args", [
    ["--help"],
    ["tables", "--help"],
    ["tables", "{db}"],
    ["tables", "{db}", "--format", "csv"],
    ["status", "{db}"],
])
def test_startup_light_commands_load_no_heavy_library(project, args):  # issue 12
    db = project.path
    heavy, code = loaded(*[a.format(db=db) for a in args])
    assert code == "0" and heavy == []


# The readers of transcript formats and the turn finder: printing from a store reads no file.
READERS = ("qualmrs.ingest.docx", "qualmrs.ingest.subtitles", "qualmrs.ingest.turns")


@pytest.mark.parametrize("args", [["tables", "{db}"], ["status", "{db}"]])
def test_startup_light_commands_load_no_transcript_reader(project, args):  # issue 12
    heavy, code = loaded(*[a.format(db=project.path) for a in args], heavy=READERS)
    assert code == "0" and heavy == []


@pytest.mark.parametrize("args, needed", [
    (["tables", "{db}", "--format", "xlsx", "--out", "{out}"], {"pandas"}),
    (["plots", "{db}", "--out", "{out}"], {"pandas", "matplotlib"}),
])
def test_startup_heavy_libraries_load_for_the_commands_that_use_them(project, tmp_path,
                                                                     args, needed):
    db = project.path
    heavy, code = loaded(*[a.format(db=db, out=tmp_path / "out") for a in args])
    assert code == "0" and needed <= set(heavy) and "sklearn" not in heavy


@pytest.fixture(scope="module")
def run_twice(small_study, tmp_path_factory):
    """A study run once in this process; the second run is the test's."""
    import qualmrs
    from conftest import CODEBOOK

    out = tmp_path_factory.mktemp("again") / "out"
    qualmrs.run(small_study, CODEBOOK, out)
    return ["run", small_study, "--codebook", CODEBOOK, "--out", out]


def test_startup_repeated_run_redraws_nothing_and_checks_no_patterns(run_twice):  # issue 12
    # matplotlib's font tables measure Word tables' text (issue 17); pyplot draws figures
    heavy, code = loaded(*run_twice, heavy=("spacy", "matplotlib.pyplot"))
    assert code == "0" and heavy == []


@pytest.mark.parametrize("pattern", ["[{LEMA: ikke}]"])
def test_startup_repeated_run_still_checks_a_changed_codebook(run_twice, tmp_path, pattern):
    from conftest import CODEBOOK, invoke

    import qualmrs

    def steps():
        with qualmrs.open(db) as project:
            return project.store.counts()

    args = list(run_twice)
    db = args[-1] / "project.db"
    before = steps()
    changed = tmp_path / "mrs_nav.yaml"
    text = CODEBOOK.read_text(encoding="utf-8")
    first = text.index("        patterns:\n") + len("        patterns:\n")
    changed.write_text(text[:first] + f"          - {pattern}\n" + text[first:], encoding="utf-8")
    args[args.index(CODEBOOK)] = changed
    r = invoke(*args)
    assert r.exit_code == 1 and "invalid pattern" in r.stderr and steps() == before


# The first lemma of a process, after spaCy and the segmenter are loaded: what reading
# simplemma's dictionary adds to the peak memory (decoded whole into a dict: 60 MB).
# The peak is the kernel's VmHWM: ru_maxrss in a child of pytest starts at pytest's own peak
# (so the probe could not fail inside the suite). The index is built, not read from the cache.
LEMMA_PROBE = """
def peak():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
from qualmrs.segment import segmenter
seg = segmenter("nb")
before = peak()
seg.lemma("målene")
print(seg.lemma("rangeringen"), (peak() - before) // 1024)
"""


@pytest.mark.parametrize("most_mb", [30])
def test_startup_lemmas_read_the_dictionary_in_place(most_mb):  # issue 12 (6, 8)
    out = subprocess.run([sys.executable, "-c", LEMMA_PROBE], capture_output=True, text=True,
                         check=True, env={**os.environ, "QUALMRS_CACHE": ""}).stdout.split()
    assert out[0] == "rangering" and int(out[1]) < most_mb
