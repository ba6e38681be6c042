"""The interval around micro-F1: cases are resampled, the point estimate sits inside."""

import pytest

from qualmrs.analyse.evaluate import micro_f1_intervals, scores

CASES = ["B", "B", "C", "C", "D", "D"]
GOLD = [{"x"}, {"y"}, {"x"}, set(), {"y"}, {"x", "y"}]


def test_intervals_of_a_perfect_method_are_one_and_of_an_empty_one_zero():
    got = micro_f1_intervals(GOLD, {"same": GOLD, "none": [set()] * 6}, ["x", "y"], CASES)
    assert got == {"same": (1.0, 1.0), "none": (0.0, 0.0)}


def test_intervals_hold_the_estimate_vary_with_cases_and_repeat_with_the_seed():
    pred = [{"x"}, set(), {"x"}, set(), {"y"}, {"x", "y"}]  # only case B has an error
    frame = scores(GOLD, {"m": pred}, ["x", "y"])
    f1 = frame[frame["code"] == "micro avg"]["f1"].iloc[0]
    lo, hi = micro_f1_intervals(GOLD, {"m": pred}, ["x", "y"], CASES)["m"]
    assert lo <= f1 <= hi and lo < hi
    assert micro_f1_intervals(GOLD, {"m": pred}, ["x", "y"], CASES)["m"] == (lo, hi)
    # One case holds every error: dropping it in a resample gives a perfect score.
    assert hi == pytest.approx(1.0)
