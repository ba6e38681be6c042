"""qualmrs: a toolkit for qualitative interview studies, scriptable and reproducible.

The front door::

    import qualmrs
    with qualmrs.open("out/sample/project.db") as project:
        study = project.study()          # one coder's read-only view
        study.table("4-1")               # a pandas DataFrame

``qualmrs.run`` does a whole study folder in one call; ``qualmrs.load_sample`` runs the
shipped sample study.
"""

import importlib

__version__ = "0.1.0"

__all__ = ["open", "create", "Project", "Study", "run", "RunResult", "load_sample",
           "load_codebook", "read_document", "segment_document", "QualmrsError", "Answer",
           "Case", "Code", "Codebook", "Coding", "Document", "Sentence", "Turn", "__version__"]

# Names load on first use: the command line imports this package before it reads its
# arguments, and `qualmrs --help` need not wait for the store, spaCy or pandas (issue 12).
_HOME = {"open": "project", "create": "project", "Project": "project", "Study": "project",
         "run": "project", "RunResult": "project", "load_sample": "sample",
         "load_codebook": "codebook", "read_document": "ingest", "segment_document": "segment",
         "QualmrsError": "errors", **dict.fromkeys(
             ("Answer", "Case", "Code", "Codebook", "Coding", "Document", "Sentence", "Turn"),
             "model")}


def __getattr__(name: str):
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
