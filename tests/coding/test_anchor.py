from hypothesis import given
from hypothesis import strategies as st
import pytest

from qualmrs.coding import find_quote

TEXT = "B: Vi har møter.\nVi har møter hver uke, altså.\nVi har møter 👍 igjen."


@pytest.mark.parametrize("quote,prefix,suffix,n", [
    ("Vi har møter", "", "", 3),
    ("Vi har møter", "", "hver uke", 1),
    ("Vi har møter", "altså.", "", 1),
    ("møter.\nVi har", "", "", 1),
    ("møter. Vi   har", "", "", 1),  # any whitespace matches any whitespace
    ("ikke her", "", "", 0),
    ("   ", "", "", 0),
])
def test_anchor_find_quote(quote, prefix, suffix, n):
    assert len(find_quote(TEXT, quote, prefix, suffix)) == n


def test_anchor_offsets_are_code_points():
    (start, end), = find_quote(TEXT, "👍 igjen")
    assert TEXT[start:end] == "👍 igjen" and end - start == 7


def test_anchor_within_ranges():
    assert find_quote(TEXT, "Vi har møter", within=[(17, 50)]) == [(17, 29)]


def _by_pattern(text, quote, prefix="", suffix="", within=None):
    """find_quote as it was: one regular expression per quote (issue 12 replaced it with a
    search in the text with its whitespace collapsed; the spans must be the same)."""
    import re
    import unicodedata

    def pattern(q):
        return r"\s+".join(re.escape(w) for w in unicodedata.normalize("NFC", q).split())

    if not quote.strip():
        return []
    pre = re.compile(r"(?:" + pattern(prefix) + r")\s*$") if prefix.strip() else None
    suf = re.compile(r"\s*(?:" + pattern(suffix) + r")") if suffix.strip() else None
    spans = []
    for m in re.compile(r"(?=(" + pattern(quote) + r"))").finditer(text):
        start, end = m.start(1), m.end(1)
        if (pre and not pre.search(text, 0, start)) or (suf and not suf.match(text, end)):
            continue
        if within is None or any(a <= start and end <= b for a, b in within):
            spans.append((start, end))
    return spans


_ALPHABET = "aab ø\n\t\u00a0\u2003\u001f.\u0301"


@given(text=st.text(_ALPHABET, max_size=40), quote=st.text(_ALPHABET, max_size=8),
       prefix=st.text(_ALPHABET, max_size=3), suffix=st.text(_ALPHABET, max_size=3),
       cut=st.integers(0, 40))
def test_anchor_same_spans_as_one_pattern_per_quote(text, quote, prefix, suffix, cut):
    within = [(0, cut)]
    assert find_quote(text, quote, prefix, suffix) == _by_pattern(text, quote, prefix, suffix)
    assert find_quote(text, quote, within=within) == _by_pattern(text, quote, within=within)
