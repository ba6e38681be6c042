"""Speed a user feels (issue 12, item 8): wall seconds of whole commands on the sample, start-up
included, each the median of 5 fresh processes, beside `python -c pass` measured in the same
run (interleaved, so a busy machine slows both alike).

    python benchmarks/startup.py [RUNS]

`run` is measured into a new folder each time (what `make demo` does the first time), the
same with an empty cache folder each time (a machine's very first command, which builds
simplemma's index: see qualmrs/lang/lemmaindex.py), and again into the same folder
(transcripts, codings and figures unchanged, so nothing is redrawn).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUALMRS = str(Path(sys.executable).parent / "qualmrs")
SAMPLE = ROOT / "transcripts_sample"
CODEBOOK = ROOT / "codebooks" / "mrs_nav.yaml"
RUNS = 5
# (what, target in seconds, whether the target is above bare Python's start-up)
TARGETS = {"--help": (0.3, True), "tables": (0.6, False), "run": (4.0, False),
           "evaluate": (10.0, False)}


def wall(*argv, before=None) -> tuple[float, float]:
    """Wall seconds one command takes in a fresh process, and the CPU seconds (user and
    system) it used, which a busy machine inflates less (``before`` runs first, untimed, and
    may return the environment to run the command in)."""
    env = before() if before else None
    cpu = _children_cpu()
    t = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env)
    return time.perf_counter() - t, _children_cpu() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


CPU = {}  # what -> median CPU seconds of the command, printed beside its wall time


def median(runs: int, *argv, before=None) -> tuple[float, float]:
    """Median wall seconds of the command and of bare Python, run in turn ``runs`` times
    (the command's median CPU seconds go to ``CPU``)."""
    mine, bare, cpu = [], [], []
    for _ in range(runs):
        bare.append(wall(sys.executable, "-c", "pass")[0])
        seconds, used = wall(*argv, before=before)
        mine.append(seconds)
        cpu.append(used)
    CPU[argv] = statistics.median(cpu)
    return statistics.median(mine), statistics.median(bare)


def verdict(name: str, seconds: float, bare: float) -> str:
    target, above = TARGETS[name]
    value = seconds - bare if above else seconds
    met = "met" if value <= target else "missed"
    what = f"{value:.2f} s above bare Python" if above else f"{seconds:.2f} s"
    return f"{what} (target <= {target} s{' above bare Python' if above else ''}: {met})"


def line(what: str, seconds: float, argv, note: str) -> None:
    print(f"  {what:<27} {seconds:6.2f} s wall, {CPU[tuple(argv)]:5.2f} s CPU: {note}")


def main(runs: int = RUNS) -> dict[str, float]:
    """Print and return the median seconds of each command."""
    print(f"Commands on the sample, median of {runs} fresh processes ({load()}):")
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        fresh = tmp / "fresh"

        def clear():
            shutil.rmtree(fresh, ignore_errors=True)

        run = (QUALMRS, "run", SAMPLE, "--codebook", CODEBOOK, "--out")
        out["run"], bare = median(runs, *run, fresh, before=clear)
        print(f"  python -c pass              {bare:6.2f} s wall")
        out["help"], bare = median(runs, QUALMRS, "--help")
        line("qualmrs --help", out["help"], (QUALMRS, "--help"),
             verdict("--help", out["help"], bare))
        db = fresh / "project.db"
        out["tables"], bare = median(runs, QUALMRS, "tables", db)
        line("qualmrs tables", out["tables"], (QUALMRS, "tables", db),
             verdict("tables", out["tables"], bare))
        line("qualmrs run (new folder)", out["run"], (*run, fresh), verdict("run", out["run"], 0))
        first = tmp / "first"

        def empty_cache():
            shutil.rmtree(first, ignore_errors=True)
            shutil.rmtree(tmp / "cache", ignore_errors=True)
            return {**os.environ, "QUALMRS_CACHE": str(tmp / "cache")}

        out["run first"], bare = median(runs, *run, first, before=empty_cache)
        line("qualmrs run (empty cache)", out["run first"], (*run, first),
             verdict("run", out["run first"], 0) + "; new folder, first run on a machine")
        out["run again"], bare = median(runs, *run, fresh)
        line("qualmrs run (same folder)", out["run again"], (*run, fresh),
             verdict("run", out["run again"], bare))
        plain = tmp / "plain"
        out["no report"], bare = median(runs, *run, plain, "--no-report",
                                        before=lambda: shutil.rmtree(plain, True))
        line("qualmrs run --no-report", out["no report"], (*run, plain, "--no-report"),
             "new folder, no report")
        out["evaluate"], bare = median(runs, QUALMRS, "evaluate", db)
        line("qualmrs evaluate", out["evaluate"], (QUALMRS, "evaluate", db),
             verdict("evaluate", out["evaluate"], bare))
    print(f"  ({load()} at the end)")
    return out


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
