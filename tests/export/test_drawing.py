"""Figures drawn in a worker process are the figures drawn here, byte for byte; a dead
worker or a busy process falls back to drawing here, and a bug in drawing is not hidden
(issue 12: `run` draws its figures beside the rest of its work)."""

import threading
import time

import pandas as pd
import pytest

from qualmrs.export import figures
from qualmrs.export.drawing import Drawer

from conftest import CODEBOOK, SAMPLE


def _jobs(folder, n=6):
    return [figures.heatmap.job(pd.DataFrame({"A": [i, 2], "B": [3, i + 1]}, index=["x", "y"]),
                                folder / f"kart_{i}", f"Kart {i}") for i in range(n)]


def _single_threaded():
    if threading.active_count() != 1:
        pytest.skip("another test left a thread running: a worker is not forked then")


def test_drawing_worker_draws_the_same_bytes(tmp_path):
    _single_threaded()
    with Drawer(0) as here:
        alone = [drawn for _, drawn in here.results(here.start(_jobs(tmp_path)))]
    assert here.drawn_here == 6
    with Drawer(1) as drawer:
        assert drawer.parallel
        shared = [drawn for _, drawn in drawer.results(drawer.start(_jobs(tmp_path)))]
    assert shared == alone
    assert drawer.drawn_here < 6  # the worker drew some
    assert all(png[:8] == b"\x89PNG\r\n\x1a\n" and b"<svg" in svg for png, svg in shared)


def test_drawing_dead_worker_falls_back_to_drawing_here(tmp_path):
    _single_threaded()
    with Drawer(0) as here:
        alone = [drawn for _, drawn in here.results(here.start(_jobs(tmp_path, 3)))]
    with Drawer(1) as drawer:
        started = drawer.start(_jobs(tmp_path, 3))
        for process in drawer._pool._processes.values():
            process.kill()
        got = [drawn for _, drawn in drawer.results(started)]
    assert got == alone


def test_drawing_error_in_worker_is_raised_here(tmp_path):
    _single_threaded()
    broken = [figures.FigureJob("no_such_figure", pd.DataFrame({"A": [1]}), tmp_path / "x")]
    with Drawer(1) as drawer:
        started = drawer.start(broken * 3)
        with pytest.raises(KeyError, match="no_such_figure"):
            list(drawer.results(started))


def test_drawing_no_fork_while_another_thread_runs():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not Drawer(1).parallel
    finally:
        stop.set()
        other.join()


def test_drawing_no_worker_when_asked_for_none(monkeypatch):
    monkeypatch.setenv("QUALMRS_WORKERS", "0")
    assert not Drawer().parallel


def test_drawing_failed_command_does_not_wait_for_its_worker(tmp_path, monkeypatch):
    _single_threaded()
    monkeypatch.setitem(figures._DRAW, "slow", lambda plt, data: time.sleep(60))
    t = time.perf_counter()
    with pytest.raises(RuntimeError):
        with Drawer(1) as drawer:
            drawer.start([figures.FigureJob("slow", pd.DataFrame({"A": [1]}), tmp_path / "s")])
            time.sleep(0.5)  # the worker has begun it
            raise RuntimeError("the command failed")
    assert time.perf_counter() - t < 30


def test_drawing_run_writes_the_same_figures_with_and_without_worker(tmp_path, monkeypatch):
    from qualmrs.project import run

    _single_threaded()
    made = {}
    for workers in ("0", "1"):
        monkeypatch.setenv("QUALMRS_WORKERS", workers)
        run(SAMPLE, CODEBOOK, tmp_path / workers)
        folder = tmp_path / workers / "report_figurer"
        made[workers] = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert len(made["1"]) >= 14 and made["1"] == made["0"]
