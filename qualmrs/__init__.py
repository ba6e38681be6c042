"""qualmrs: a toolkit for qualitative interview studies, scriptable and reproducible.

The front door::

    import qualmrs
    with qualmrs.open("out/sample/project.db") as project:
        study = project.study()          # one coder's read-only view
        study.table("4-1")               # a pandas DataFrame

``qualmrs.run`` does a whole study folder in one call; ``qualmrs.load_sample`` runs the
shipped sample study.
"""

from .codebook import load_codebook
from .errors import QualmrsError
from .ingest import read_document
from .model import Answer, Case, Code, Codebook, Coding, Document, Sentence, Turn
from .project import Project, RunResult, Study, create, open, run
from .sample import load_sample
from .segment import segment_document

__version__ = "0.1.0"

__all__ = ["open", "create", "Project", "Study", "run", "RunResult", "load_sample",
           "load_codebook", "read_document", "segment_document", "QualmrsError", "Answer",
           "Case", "Code", "Codebook", "Coding", "Document", "Sentence", "Turn", "__version__"]
