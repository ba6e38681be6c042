"""→ DataFrames: frequency tables, the case × theme matrix and code counts.

Names load on first use, so that a command that needs only plain counts
(``analyse.frequency.table_counts``) does not wait for pandas.
"""

import importlib

__all__ = ["frequency_table", "frequency_tables", "theme_matrix", "code_counts", "segments_table"]

_HOME = {"frequency_table": "frequency", "frequency_tables": "frequency",
         "theme_matrix": "matrix", "code_counts": "matrix", "segments_table": "segments"}


def __getattr__(name: str):
    if name in _HOME:
        return getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
