"""Figures drawn in a second process while this one does the rest of a command (issue 12).

Drawing seven figures as PNG and SVG is a third of ``qualmrs run`` on the sample, and the
command has other work that does not need them (ingesting, the tables, the matrix). A
``Drawer`` made at the start of a command forks one worker at once, which imports matplotlib
and pandas while this process reads the transcripts; figures are then sent to it as their
data is ready, and this process draws the ones the worker has not begun by the time it
needs them. The bytes come back here and are written in this process's ``outputs`` batch,
so all-or-nothing and the manifest are as without a worker, and the files are the same.

A worker is used only where forking is safe and pays: more than one core, no other thread
running in this process (a fork copies only the calling thread, and a lock another thread
holds would stay locked in the child), and ``QUALMRS_WORKERS`` not ``0``. Otherwise
everything is drawn here, in order, as before.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

__all__ = ["Drawer"]


def _warm() -> None:
    """Import in the worker what drawing needs, while the command's own process works.

    The worker runs at a lower priority: it is the command's spare hands, and on a busy
    machine its warm-up would take the core the command itself needs (the command then
    draws the figures the worker has not begun)."""
    from . import figures

    os.nice(5)

    figures._plt()


def workers_wanted() -> int:
    """How many drawing workers a command may fork: one where this process may use more than
    one core (``QUALMRS_WORKERS`` overrides; ``0`` draws everything in the command's
    process)."""
    from ..analyse.folds import default_workers

    wanted = os.environ.get("QUALMRS_WORKERS", "").strip()
    if wanted.isdigit():
        return int(wanted)
    return 1 if default_workers() > 1 else 0


class Drawer:
    """Renders ``FigureJob``s, in a forked worker when that is safe and wanted.

    Use as a context manager, made as early in a command as possible (before the slow
    imports of the rest of the command, which the worker then does not pay for twice).
    """

    def __init__(self, workers: int | None = None):
        workers = workers_wanted() if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None
        self.drawn_here = 0  # figures this process drew (the worker drew the others)
        if workers > 0 and threading.active_count() == 1:
            import multiprocessing

            from ..analyse.folds import worker_pool

            if "fork" in multiprocessing.get_all_start_methods():
                self._pool = worker_pool(workers, "fork")
                self._pool.submit(_warm)

    @property
    def parallel(self) -> bool:
        """Whether a worker draws too."""
        return self._pool is not None

    def __enter__(self) -> "Drawer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker at once: what it is doing then is the warm-up or figures nobody
        will take (``results`` has taken the others), and a failed command or a run whose
        figures were all current should not wait for it."""
        if self._pool is None:
            return
        for process in list(getattr(self._pool, "_processes", {}).values()):
            process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None

    def start(self, jobs: Iterable) -> list:
        """Send the jobs whose files are not ``current`` to the worker; returns a list of
        (job, future or ``None``) for ``results`` (``None``: nothing to draw)."""
        return [(job, None if job.current() else self._submit(job)) for job in jobs]

    def _submit(self, job) -> Future:
        """The worker's future of ``job``'s bytes; one not sent anywhere (``results`` draws
        it here) without a worker, or when the worker has died."""
        if self._pool is not None:
            try:
                return self._pool.submit(job.render)
            except BrokenProcessPool:
                self._pool = None
        return Future()

    def results(self, started: list) -> Iterator:
        """(job, ``render``'s bytes or ``None`` when its files are current) in the order
        given; the jobs the worker has not begun are drawn here, last first, while it
        draws the others."""
        drawn: dict[int, tuple[bytes, bytes]] = {}
        for i in range(len(started) - 1, -1, -1):
            job, future = started[i]
            if future is not None and future.cancel():
                drawn[i] = self._render(job)
        for i, (job, future) in enumerate(started):
            if future is None:
                yield job, None
            elif i in drawn:
                yield job, drawn[i]
            else:
                try:
                    yield job, future.result()
                except BrokenProcessPool:  # the worker died (killed?): draw it here
                    yield job, self._render(job)

    def _render(self, job) -> tuple[bytes, bytes]:
        self.drawn_here += 1
        return job.render()
