"""qualmrs: a toolkit for qualitative interview studies, scriptable and reproducible."""

from .codebook import load_codebook
from .errors import QualmrsError
from .ingest import read_document
from .model import Answer, Case, Code, Codebook, Coding, Document, Sentence, Turn
from .project import (import_answers, import_codings, ingest, init_project, matrix,
                      open_project, run, segments, tables)
from .segment import segment_document

__version__ = "0.1.0"

__all__ = ["load_codebook", "QualmrsError", "read_document", "segment_document",
           "init_project", "open_project", "ingest", "import_codings", "import_answers",
           "tables", "matrix", "segments", "run", "Answer", "Case", "Code", "Codebook",
           "Coding", "Document", "Sentence", "Turn", "__version__"]
