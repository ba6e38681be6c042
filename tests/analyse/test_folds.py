"""The model's cross-validation folds in worker processes (issue 12): the same codes with any
number of workers, and a worker that fails is an error, never a hang."""

import os
import signal
from functools import partial

import pytest

from qualmrs.analyse.evaluate import cross_validated_model
from qualmrs.coding.suggest import ModelSuggester
from qualmrs.errors import QualmrsError

PARENT = os.getpid()


@pytest.fixture
def no_hang():
    """Fail a test that waits more than a minute instead of hanging the suite."""
    def stop(*_):
        raise TimeoutError("waited more than 60 s for the folds")

    before = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, before)


@pytest.fixture(scope="module")
def four_cases(sample_turns):
    cases = sorted({e.case for e in sample_turns})[:4]
    return [e for e in sample_turns if e.case in cases]


class Failing(ModelSuggester):
    def fit(self, examples):
        raise ValueError("this fold cannot be fitted")


class Dying(ModelSuggester):
    def fit(self, examples):
        if os.getpid() == PARENT:
            raise AssertionError("meant to run in a worker process")
        os._exit(3)  # as if killed, e.g. out of memory


@pytest.mark.parametrize("use_rules", [False, True])
def test_folds_give_the_same_codes_with_one_worker_or_two(four_cases, use_rules, no_hang):
    # issue 12: the thresholds are sensitive to where L-BFGS stops; workers must not move it
    make = partial(ModelSuggester, min_examples=3, use_rules=use_rules)
    one = cross_validated_model(four_cases, make, workers=1)
    two = cross_validated_model(four_cases, make, workers=2)
    assert one == two
    assert sum(map(len, one)) > 20  # the model does predict codes


@pytest.mark.parametrize("workers", [1, 2])
def test_folds_raise_the_error_of_a_failing_fit(four_cases, workers, no_hang):
    with pytest.raises(ValueError, match="this fold cannot be fitted"):
        cross_validated_model(four_cases, Failing, workers=workers)


def test_folds_say_so_when_a_worker_dies(four_cases, no_hang):
    with pytest.raises(QualmrsError, match="worker process stopped"):
        cross_validated_model(four_cases, Dying, workers=2)


@pytest.mark.parametrize("workers,tasks,started", [(8, 2, 2), (8, None, 8), (None, 1, 1),
                                                   (0, 5, 1)])
def test_folds_start_no_more_workers_than_fits(workers, tasks, started):
    from qualmrs.analyse.folds import Folds

    assert Folds(workers, tasks=tasks).workers == started
