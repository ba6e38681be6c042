"""Leave-one-case-out folds of the suggestion model, run side by side in worker processes.

Each fold fits a model on the other cases' turns and predicts the held-out case's; nothing
passes from one fold to another, so the folds can run in any order and in any process. A
fold's numbers are the same bit for bit wherever it runs: its inputs are the same, and each
fit runs on one BLAS thread (``ModelSuggester.fit``), so a worker count changes the time, not
a prediction. ``qualmrs evaluate`` fits about 1,660 logistic regressions (issue 12): on two
cores two workers halve it.

Workers are forked where the platform forks safely (Linux): they start in milliseconds with
what the parent has imported (scikit-learn included) instead of importing it again (on the
sample, ``forkserver`` made ``evaluate`` 1.5 s slower and ``spawn`` 4 s). They only compute;
the store and its connections stay with the parent, which sends each fold its turns and takes
back the codes predicted.
"""

from __future__ import annotations

import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

from ..errors import QualmrsError

__all__ = ["Folds", "default_workers", "worker_pool"]


def default_workers() -> int:
    """One worker per core this process may use (its CPU affinity, where the platform tells)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def fold(make_model: Callable, train: list, held: list) -> list[set[str]]:
    """The codes a model fitted on ``train`` puts on each turn of ``held``."""
    from .evaluate import codes_on_turns

    return codes_on_turns(held, make_model().fit(train).predict(held))


class Pending:
    """The predictions of one cross-validation, per turn, once its folds are done."""

    def __init__(self, examples: list, parts: list[tuple[list[int], Callable]], desc: str):
        self._n, self._parts, self._desc = len(examples), parts, desc

    def result(self, progress: Callable | None = None) -> list[set[str]]:
        """Wait for the folds (``progress``: a tqdm-like wrapper over them) and put each
        held-out turn's codes in its place.

        Raises:
            QualmrsError: a worker process died (killed, or out of memory).
        """
        predicted: list[set[str]] = [set() for _ in range(self._n)]
        parts = self._parts
        if progress is not None:
            parts = progress(parts, total=len(parts), desc=self._desc)
        for held, codes in parts:
            try:
                codes = codes()
            except BrokenProcessPool as e:
                raise QualmrsError("a worker process stopped before its fold was done "
                                   "(killed, or out of memory?); run again, or with "
                                   "--workers 1 to use none") from e
            for i, c in zip(held, codes):
                predicted[i] = c
        return predicted


class Folds:
    """Runs leave-one-case-out folds (or any fit on some turns that predicts others), in
    ``workers`` processes (None: one per core; 1: in this process, one after another), no
    more than the ``tasks`` (fits) there will be, when known. Use as a context manager:
    leaving it stops the workers (folds not yet started are dropped when it is left by an
    error).
    """

    def __init__(self, workers: int | None = None, tasks: int | None = None):
        self.workers = default_workers() if workers is None else max(1, int(workers))
        if tasks is not None:
            self.workers = max(1, min(self.workers, tasks))
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Folds":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=error is not None)
            self._pool = None

    def cross_validate(self, examples: list, make_model: Callable,
                       desc: str = "folds") -> Pending:
        """Start one fold per case of ``examples``: a model from ``make_model()`` fitted on
        the other cases' examples predicts the case's. With workers, ``make_model`` must be
        picklable (a class, or ``functools.partial`` of one; not a lambda)."""
        cases = sorted({e.case for e in examples})
        parts = []
        for case in cases:
            train = [e for e in examples if e.case != case]
            held = [i for i, e in enumerate(examples) if e.case == case]
            turns = [examples[i] for i in held]
            parts.append((held, self._submit(make_model, train, turns)))
        return Pending(examples, parts, desc)

    def split(self, train: list, test: list, make_model: Callable) -> Pending:
        """Start one fit: a model from ``make_model()`` fitted on ``train`` predicts ``test``
        (say, trained on one study and scored on another)."""
        return Pending(test, [(list(range(len(test))), self._submit(make_model, train, test))],
                       "fit")

    def _submit(self, make_model, train, turns) -> Callable:
        """The fold's codes, as a call that waits for them (in this process: computes them
        when asked, so a progress bar follows the work)."""
        if self.workers == 1:
            return lambda: fold(make_model, train, turns)
        if self._pool is None:
            self._pool = _pool(self.workers)
        return self._pool.submit(fold, make_model, train, turns).result


def _pool(workers: int) -> ProcessPoolExecutor:
    from ..coding.suggest.model import load_libraries

    load_libraries()  # once here, not once per forked worker
    return worker_pool(workers, "fork" if sys.platform == "linux" else None)


def worker_pool(workers: int, method: str | None = None) -> ProcessPoolExecutor:
    """``workers`` processes started by ``method`` (``multiprocessing``'s start method; None:
    the platform's default) that leave Ctrl-C to this process: it stops the pool, and a
    worker would only print a traceback of its own."""
    import multiprocessing

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=signal.signal,
                               initargs=(signal.SIGINT, signal.SIG_IGN))
