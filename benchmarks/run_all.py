"""Speed and memory at scale (make bench). Figures, not pass/fail; the targets are printed
beside them.

For N = 8, 100 and 1,000 generated interviews (benchmarks/corpus.py), each in fresh
processes: the bare spaCy nb tokenizer over the transcripts (the floor), and the qualmrs chain
(ingest with sentences and lemmas, rule suggestions, tables) over the same text: words per
second, their ratio and peak memory. Then `qualmrs tables` and `qualmrs matrix` on the
1,000-interview store as commands (start-up included), the memory an ingest of one long
transcript (1, 20 and 100 MB) takes, the commands a user feels on the sample (`--help`,
`tables`, `run`, `evaluate`: startup.py), the quality of the suggestions on the sample and on
independent interviews (suggest_quality.py), and how well pseudonymisation finds personal
data (pseudonym/bench.py), the browser's action latency on that store
(web_latency.py), the suggestions' learning curve while a person codes (learning_curve.py),
and a team coding at once through `qualmrs serve --team` on PostgreSQL and SQLite, with the
server killed and its database connections dropped (team_load.py: exit status 1 when one of
its checks fails).

    python benchmarks/run_all.py [N ...]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import startup  # noqa: E402  (same folder)

SIZES = (8, 100, 1000)
TARGET_RATIO = 0.35  # of the floor's words per second, at N = 1,000
TARGET_MB = 1500
TARGET_VIEWS_S = 2.0
LONG_MB = (1, 20, 100)
TARGET_LONG = 10  # an ingest's memory above start-up, in times the transcript's size


def command(*args) -> float:
    """Wall seconds of one qualmrs command in a fresh process."""
    t = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "qualmrs"), *map(str, args)], check=True,
                   capture_output=True)
    return time.perf_counter() - t


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def scale(sizes, tmp: Path) -> dict[int, dict]:
    from corpus import generate
    from scale import measure

    results = {}
    for n in sizes:
        folder, db = tmp / f"study_{n}", tmp / f"project_{n}.db"
        made = generate(folder, n)
        floor = measure("bare", folder)
        run = measure("chain", folder, db)
        chain_s = run["ingest"] + run["suggest"] + run["tables"]
        words = run["words"]
        print(f"N = {n}: {made['documents']} interviews, {words:,} words, {run['suggestions']:,} "
              f"rule suggestions ({load()})")
        print(f"  bare spaCy nb tokenizer, line by line: {words / floor['lines']:,.0f} words/s"
              f"  (whole files: {words / floor['documents']:,.0f} words/s, spaCy#13950)")
        print(f"  qualmrs ingest + rule suggestions + tables: {words / chain_s:,.0f} words/s "
              f"(ingest {run['ingest']:.2f} s, suggest {run['suggest']:.2f} s, "
              f"tables {run['tables']:.2f} s)")
        print(f"  ratio qualmrs/bare tokenizer: {floor['lines'] / chain_s:.2f} "
              f"(against whole files: {floor['documents'] / chain_s:.2f})")
        print(f"  peak memory: {run['peak_mb']:.0f} MB ({run['startup_mb']:.0f} MB after "
              f"start-up {run['startup']:.1f} s, {run['ingest_mb']:.0f} MB after ingest); "
              f"bare tokenizer {floor['peak_mb']:.0f} MB")
        print(f"  also: codings and answers imported in {run['imports']:.2f} s; matrix and code "
              f"counts in {run['matrix']:.2f} s")
        results[n] = {**run, "floor": floor["lines"], "chain": chain_s, "db": db}
    return results


def long_transcripts(tmp: Path, sizes=LONG_MB) -> None:
    """Time and peak memory of ingesting one long transcript, each size in a fresh process."""
    from corpus import long_transcript
    from scale import measure

    print(f"One long transcript ingested into a new project ({load()}):")
    for mb in sizes:
        path, db = tmp / f"long_{mb}.txt", tmp / f"long_{mb}.db"
        made = long_transcript(path, mb)
        r = measure("long", path, db)
        size = r["bytes"] / 2 ** 20
        growth = r["peak_mb"] - r["startup_mb"]
        met = "met" if growth < TARGET_LONG * size else "missed"
        print(f"  {size:5.0f} MB, {made['words']:>10,} words, {made['turns']:>7,} turns: "
              f"ingest {r['ingest']:6.1f} s, peak {r['peak_mb']:5.0f} MB = start-up "
              f"{r['startup_mb']:.0f} MB + {growth:4.0f} MB ({growth / size:.1f} times the file;"
              f" target < {TARGET_LONG}: {met})")
        path.unlink()
        for f in tmp.glob(f"long_{mb}.db*"):
            f.unlink()


def main(sizes=SIZES) -> None:
    print(f"{os.cpu_count()} cores; {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        results = scale(sizes, Path(tmp))
        if 1000 in results:
            r = results[1000]
            ratio = r["floor"] / r["chain"]
            print(f"target at N = 1,000: ratio >= {TARGET_RATIO:.2f}: "
                  f"{'met' if ratio >= TARGET_RATIO else 'missed'} ({ratio:.2f}); "
                  f"peak memory < {TARGET_MB} MB: "
                  f"{'met' if r['peak_mb'] < TARGET_MB else 'missed'} ({r['peak_mb']:.0f} MB)")
            small = [n for n in results if n < 1000]
            if small:
                n = max(small)
                grow = (r["peak_mb"] - results[n]["peak_mb"]) / (1000 / n - 1)
                print(f"  memory growth from N = {n} to 1,000: "
                      f"{r['peak_mb'] - results[n]['peak_mb']:.0f} MB for {1000 / n:.0f}x the "
                      f"interviews ({grow:.0f} MB per {n} interviews)")
            db = r["db"]
            tables = command("tables", db)
            matrix = command("matrix", db, "--out", Path(tmp) / "matrix.xlsx")
            views = r["tables"] + r["matrix"]
            met = "met" if views < TARGET_VIEWS_S else "missed"
            print(f"tables and matrix of the 1,000-interview store: {views:.2f} s in process "
                  f"(target < {TARGET_VIEWS_S:.0f} s: {met}); as commands {tables:.2f} s + "
                  f"{matrix:.2f} s wall (start-up included, matrix written as .xlsx)")
            print()
            import web_latency  # same folder: the browser's actions on this store

            web_latency.run(db)
            print()
        long_transcripts(Path(tmp))
    startup.main()  # the commands a user feels, on the sample (issue 12)


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
    if len(sys.argv) == 1:
        print()
        import suggest_quality  # same folder: the quality figures of the suggestions

        suggest_quality.main()
        print()
        # how well pseudonymisation finds personal data (issue 16)
        subprocess.run([sys.executable, str(HERE / "pseudonym" / "bench.py")], check=True)
        print()
        import learning_curve  # same folder: the suggestions while a person codes

        learning_curve.main([])
        print()
        # a team coding at once, and the server's faults (issue 15)
        sys.exit(subprocess.run([sys.executable, str(HERE / "team_load.py")]).returncode)
