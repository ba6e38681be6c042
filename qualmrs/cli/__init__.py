"""The ``qualmrs`` command: argument parsing only; the work is in ``qualmrs.project``."""

# Importing the command modules registers their commands, in this order in --help.
from . import study  # noqa: F401  isort: skip
from . import thesis  # noqa: F401  isort: skip
from . import explore  # noqa: F401  isort: skip
from . import coders  # noqa: F401  isort: skip
from . import interchange  # noqa: F401  isort: skip
from . import edits  # noqa: F401  isort: skip
from . import package  # noqa: F401  isort: skip
from . import revisions  # noqa: F401  isort: skip
from . import pseudonym  # noqa: F401  isort: skip
from . import serve  # noqa: F401  isort: skip
from . import search  # noqa: F401  isort: skip
from . import team  # noqa: F401  isort: skip
from . import rounds  # noqa: F401  isort: skip
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    import gc

    # A command is one short process that builds most of its objects once and keeps them
    # (modules, a codebook, spaCy's vocabulary); with Python's default of a collection every
    # 700 new objects, the collector walked them again and again, a tenth of `qualmrs tables`
    # (issue 12). Cycles are still collected, every 20,000 new objects.
    gc.set_threshold(20_000, *gc.get_threshold()[1:])
    try:
        app()
    finally:
        # The collection Python makes as it exits walks every object the command made (a
        # third of a second after `qualmrs run`) only to free memory the process is about to
        # give back whole; frozen objects are left out of it. Files and the store are closed
        # by then: nothing waits on a finaliser (issue 12).
        gc.freeze()
