"""Language data: abbreviations and lemma fixes per language."""
