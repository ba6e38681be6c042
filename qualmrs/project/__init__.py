"""The chain in one place: the only package that wires the stages to the store."""

from ..store.sqlite import set_lock_wait
from .agreement import agreement, consensus, disagreements
from .core import (RunResult, choose_coder, counts, import_answers, import_codings, ingest,
                   init_project, matrix, open_project, run, segments, tables)
from .interchange import (coding_sheet, export_qdc, export_qdpx, import_coding_sheet, import_qdpx,
                          import_qdc)
from .suggest import accept, evaluate, reject, suggest, suggest_answers, suggestions
from .views import cooccurrence, crosstab, plots, presence, quotes, report, words

__all__ = ["init_project", "open_project", "ingest", "import_codings", "import_answers",
           "set_lock_wait", "tables", "matrix", "counts", "segments", "choose_coder", "run",
           "RunResult",
           "agreement", "disagreements", "consensus", "suggest", "suggestions",
           "suggest_answers", "accept", "reject", "evaluate", "presence", "crosstab",
           "cooccurrence", "quotes", "words", "plots", "report", "export_qdc", "import_qdc",
           "export_qdpx", "import_qdpx", "coding_sheet", "import_coding_sheet"]
