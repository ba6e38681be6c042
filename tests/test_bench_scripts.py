"""The benchmarks of issue 14 run (on tiny inputs, so they cannot rot unseen): the browser's
action latency on a generated store, and the learning curve of the suggestions."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import learning_curve  # noqa: E402
import web_latency  # noqa: E402


def test_bench_web_latency_times_every_action(tmp_path, capsys):
    web_latency.main(["--interviews", "3", "--rounds", "2", "--refit-limit", "0"])
    lines = capsys.readouterr().out.splitlines()
    rows = {line[:20].strip(): line.split() for line in lines[2:2 + len(web_latency.ACTIONS)]}
    assert list(rows) == [name for name, _ in web_latency.ACTIONS]
    for name, cells in rows.items():
        n, p50, p95, met = cells[-6:-2]
        assert int(n) == (1 if name in web_latency.LISTING else 2)
        assert 0 < float(p50) <= float(p95) and met in ("met", "missed")
    assert "requests on 3 interviews" in lines[-1]


def test_bench_learning_curve_codes_as_the_gold_and_scores(tmp_path):
    independent = ROOT / "benchmarks" / "independent"
    rows = learning_curve.curve(tmp_path, (1, 2), [independent / "dev" / "w1"],
                                [independent / "test" / "w4"])
    assert [r["k"] for r in rows] == [0, 1, 2]
    assert rows[0]["scores"]["model"][2] == 0  # nothing coded, no model
    for r in rows:
        for p, rec, f1, lo, hi in r["scores"].values():
            assert 0 <= lo <= f1 <= hi <= 1 and 0 <= p <= 1 and 0 <= rec <= 1
    one, two = rows[1:]
    assert 0 < one["turns"] < two["turns"]
    assert one["decisions"].added > 0 and two["decisions"].accepted > 0
