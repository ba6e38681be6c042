"""The tests' PostgreSQL server: benchmarks/pgserver.py (shared with the benchmarks)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from pgserver import USER, Server, binaries  # noqa: E402,F401
