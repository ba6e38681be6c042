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
