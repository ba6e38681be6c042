"""Suggesters: rules and a model propose codings, a cue reader proposes answers.

They follow one contract (see STYLE.md 6): settings in ``__init__``, ``fit`` returns self,
``predict`` returns Codings or Answers marked ``rule`` or ``model``. Nothing here writes to a
store; only an explicit accept turns a suggestion into a manual coding.
"""

from .answers import AnswerSuggester
from .model import ModelSuggester, TurnExample, definition_examples
from .rules import RuleSuggester

__all__ = ["RuleSuggester", "ModelSuggester", "AnswerSuggester", "TurnExample",
           "definition_examples"]
