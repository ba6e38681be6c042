"""→ DataFrames: frequency tables, the case × theme matrix and code counts."""

from .frequency import frequency_table, frequency_tables
from .matrix import code_counts, theme_matrix
from .segments import segments_table

__all__ = ["frequency_table", "frequency_tables", "theme_matrix", "code_counts", "segments_table"]
