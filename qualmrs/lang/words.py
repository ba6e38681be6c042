"""The words qualmrs writes into tables, figures, captions and the report, per language.

The codebook's ``language`` picks the table (``nb`` Bokmål, ``nn`` Nynorsk, ``en`` English);
any other language gets English. Every table has the same keys (a test checks it), so a
writer asks ``words(language)["table"]`` and never spells a heading itself.
"""

from __future__ import annotations

from types import MappingProxyType

NB = {
    "table": "Tabell",
    "figure": "Figur",
    "appendix": "Vedlegg",
    "frequency_tables": "Frekvenstabeller",
    "figures": "Figurer",
    "overview": "Oversikt",
    "matrix": "Matrise",
    "counts_sheet": "Antall",
    "summaries_sheet": "Sammendrag",
    "quotes_sheet": "Sitater",
    "case": "Informant",
    "theme": "Tema",
    "code": "Kode",
    "quote": "Sitat",
    "number": "Nr.",
    "memo": "notat",
    "quotes_matrix": "Sitater per informant og tema",
    "main_points": "Hovedpunkter per informant og tema",
    "all_quotes": "Alle sitater per informant og tema",
    "quote_count": ("{n} sitat", "{n} sitater"),
    "quote_refs": "Sitat {ids}",
    "part": "(del {i} av {n})",
    "code_by_case": "Kode × informant",
    "code_by_case_caption": "Antall kodede segmenter per kode og informant",
    "cooccurrence": "Samforekomst (Jaccard)",
    "cooccurrence_caption": "Samforekomst av koder i samme tur (Jaccard)",
    "n_informants": "Antall informanter",
    "share_axis": "Andel informanter som nevner koden (%)",
    "codes_by": "Koder etter {attribute}",
    "share_by_caption": "Andel informanter per kode etter {attribute}",
    "themes_include": "et tema teller med segmentene til underkodene sine, hvert segment én gang",
    "quotes_by_theme": "Sitater per tema",
    "no_quotes": "Ingen kodede sitater.",
    "study": "Studie",
    "documents": "Dokumenter",
    "cases": "Informanter (case)",
    "words": "Ord i alt / fra informanter",
    "codes_used": "Koder brukt",
    "of": "{n} av {total}",
    "coded_segments": "Kodede segmenter",
    "coder": "Kodet av",
    "report": "qualmrs-rapport",
}

NN = {
    **NB,
    "appendix": "Vedlegg",
    "frequency_tables": "Frekvenstabellar",
    "figures": "Figurar",
    "overview": "Oversyn",
    "counts_sheet": "Tal",
    "summaries_sheet": "Samandrag",
    "quotes_sheet": "Sitat",
    "quotes_matrix": "Sitat per informant og tema",
    "main_points": "Hovudpunkt per informant og tema",
    "all_quotes": "Alle sitat per informant og tema",
    "quote_count": ("{n} sitat", "{n} sitat"),
    "code_by_case_caption": "Talet på koda segment per kode og informant",
    "cooccurrence": "Samførekomst (Jaccard)",
    "cooccurrence_caption": "Samførekomst av kodar i same tur (Jaccard)",
    "n_informants": "Talet på informantar",
    "share_axis": "Del av informantane som nemner koden (%)",
    "codes_by": "Kodar etter {attribute}",
    "share_by_caption": "Del av informantane per kode etter {attribute}",
    "themes_include": "eit tema tel med segmenta til underkodane sine, kvart segment éin gong",
    "quotes_by_theme": "Sitat per tema",
    "no_quotes": "Ingen koda sitat.",
    "documents": "Dokument",
    "cases": "Informantar (case)",
    "words": "Ord i alt / frå informantar",
    "codes_used": "Kodar brukte",
    "coded_segments": "Koda segment",
    "coder": "Koda av",
}

EN = {
    "table": "Table",
    "figure": "Figure",
    "appendix": "Appendix",
    "frequency_tables": "Frequency tables",
    "figures": "Figures",
    "overview": "Overview",
    "matrix": "Matrix",
    "counts_sheet": "Counts",
    "summaries_sheet": "Summaries",
    "quotes_sheet": "Quotes",
    "case": "Informant",
    "theme": "Theme",
    "code": "Code",
    "quote": "Quote",
    "number": "No.",
    "memo": "note",
    "quotes_matrix": "Quotes by informant and theme",
    "main_points": "Main points by informant and theme",
    "all_quotes": "All quotes by informant and theme",
    "quote_count": ("{n} quote", "{n} quotes"),
    "quote_refs": "Quote {ids}",
    "part": "(part {i} of {n})",
    "code_by_case": "Code × informant",
    "code_by_case_caption": "Coded segments per code and informant",
    "cooccurrence": "Co-occurrence (Jaccard)",
    "cooccurrence_caption": "Co-occurrence of codes in the same turn (Jaccard)",
    "n_informants": "Number of informants",
    "share_axis": "Share of informants mentioning the code (%)",
    "codes_by": "Codes by {attribute}",
    "share_by_caption": "Share of informants per code by {attribute}",
    "themes_include": "a theme counts the segments of its sub-codes, each segment once",
    "quotes_by_theme": "Quotes by theme",
    "no_quotes": "No coded quotes.",
    "study": "Study",
    "documents": "Documents",
    "cases": "Informants (cases)",
    "words": "Words in all / by informants",
    "codes_used": "Codes used",
    "of": "{n} of {total}",
    "coded_segments": "Coded segments",
    "coder": "Coded by",
    "report": "qualmrs report",
}

LANGUAGES = MappingProxyType({"nb": MappingProxyType(NB), "nn": MappingProxyType(NN),
                              "en": MappingProxyType(EN)})


def words(language: str | None) -> MappingProxyType:
    """The output words of ``language`` (``nb``, ``nn``, ``en``; ``no`` is Bokmål; any other
    language gets English)."""
    code = (language or "nb").lower().replace("_", "-").split("-")[0]
    return LANGUAGES.get({"no": "nb"}.get(code, code), LANGUAGES["en"])


def count_quotes(language: str | None, n: int) -> str:
    """«1 sitat», «3 sitater», «3 quotes»."""
    one, many = words(language)["quote_count"]
    return (one if n == 1 else many).format(n=n)


def caption(language: str | None, number: str, title: str) -> str:
    """«Tabell 4-1 Tittel» / «Table 4-1 Title»."""
    return f"{words(language)['table']} {number} {title}".rstrip()
