"""→ Codings and Answers: quote anchoring and the CSV files people write by hand."""

from .anchor import find_quote
from .answers import read_answers
from .cases import read_cases
from .manual import read_codings

__all__ = ["find_quote", "read_answers", "read_cases", "read_codings"]
