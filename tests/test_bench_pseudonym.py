"""The pseudonymisation benchmark's truth file and texts come from its marked interviews."""

import csv
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks" / "pseudonym"))


def test_bench_pseudonym_truth_file_matches_the_marked_interviews():
    import bench

    data = bench.load()
    rows = list(csv.DictReader((ROOT / "benchmarks" / "pseudonym" / "truth.csv")
                               .open(encoding="utf-8")))
    expected = [(split, name, str(a), str(b), text, kind) for split, docs in data.items()
                for name, (_, truth) in docs.items() for a, b, text, kind in truth]
    assert [tuple(r.values()) for r in rows] == expected
    for split, docs in data.items():
        assert len(docs) >= 2
        for name, (text, truth) in docs.items():
            assert (ROOT / "benchmarks" / "pseudonym" / split / name).read_text(
                encoding="utf-8") == text
            assert all(text[a:b] == t for a, b, t, _ in truth)
