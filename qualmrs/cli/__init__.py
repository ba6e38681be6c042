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
    app()
