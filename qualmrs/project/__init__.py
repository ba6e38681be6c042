"""The chain in one place: the only package that wires the stages to the store.

``open`` and ``create`` give a ``Project`` (the front door); ``Project.study()`` gives a
``Study`` whose methods are the views. The functions below take a ``Store`` and are the
pieces the Project is made of.
"""

from ..store.copy import CopyReport, copy_project
from ..store.sqlite import set_lock_wait
from .agreement import agreement, disagreements
from .core import (choose_coder, counts, import_answers, import_codings, ingest, init_project,
                   load_study, matrix, open_project, resolve_coder, segments, tables)
from .imports import consensus, import_coding_sheet
from .interchange import coding_sheet, export_qdc, export_qdpx, import_qdpx, import_qdc
from .project import Project, create, open
from .run import RunResult, run
from .study import Study
from .suggest import accept, evaluate, reject, suggest, suggest_answers, suggestions

__all__ = ["Project", "Study", "open", "create", "copy_project", "CopyReport", "set_lock_wait", "init_project",
           "open_project", "ingest", "import_codings", "import_answers", "tables", "matrix", "counts", "segments",
           "choose_coder", "resolve_coder", "load_study", "run", "RunResult", "agreement",
           "disagreements", "consensus", "suggest", "suggestions", "suggest_answers", "accept",
           "reject", "evaluate", "export_qdc", "import_qdc", "export_qdpx", "import_qdpx",
           "coding_sheet", "import_coding_sheet"]
