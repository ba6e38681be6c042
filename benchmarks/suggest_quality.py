"""Quality of the suggestions on the sample study (make bench). Figures, not pass/fail.

Runs the sample into a temporary project and prints `qualmrs evaluate`: per-code precision,
recall and F1 at turn level, leave-one-case-out, for rules, model and both; then answer
accuracy. Targets for the sample: micro-F1 >= 0.70 for rules+model, answer accuracy >= 0.90.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from qualmrs.export import frames
    from qualmrs.project import evaluate, open_project, run

    with tempfile.TemporaryDirectory() as tmp:
        result = run(ROOT / "transcripts_sample", ROOT / "codebooks" / "mrs_nav.yaml", tmp)
        with open_project(result.db) as store:
            codes, summary, _ = evaluate(store, "BHO")
    print(frames.render(codes, "table"))
    micro = codes[codes["code"] == "micro avg"].set_index("method")["f1"]
    for method, f1 in micro.items():
        lo, hi = codes.attrs["intervals"][method]
        print(f"micro-F1 {method}: {f1:.3f} (95 % interval over cases: {lo:.3f}–{hi:.3f})")
    print(f"answer accuracy: {summary['accuracy'][0]:.3f} "
          f"({summary['correct'][0]} of {summary['n'][0]}, {summary['not_found'][0]} not found)")


if __name__ == "__main__":
    main()
