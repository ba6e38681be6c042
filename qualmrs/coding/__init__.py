"""→ Codings and Answers: quote anchoring and the CSV files people write by hand.

Names load on first use: a writer that needs only ``csvfile.neutralise`` (printing the
tables) does not wait for the readers of Word comments and spreadsheets (issue 12).
"""

import importlib

__all__ = ["find_quote", "read_answers", "read_cases", "read_codings"]

_HOME = {"find_quote": "anchor", "read_answers": "answers", "read_cases": "cases",
         "read_codings": "manual"}


def __getattr__(name: str):
    if name in _HOME:
        return getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
