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


def invoke(*args):
    """Run the qualmrs CLI in-process with string arguments."""
    from typer.testing import CliRunner

    from qualmrs.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])
