"""Aligning two versions of a text and carrying spans through (issue 16)."""

import pytest

from qualmrs.ingest.align import CHANGED, GONE, SAME, align, from_edits

OLD = "B: Vi har målekortet på veggen. Kari Hansen følger opp 😀 tallene. Så gikk vi hjem."
SPAN = "Kari Hansen følger opp 😀 tallene."


@pytest.mark.parametrize("new, status, carried", [
    # before the span
    ("B: Ja, vi har målekortet på veggen. Kari Hansen følger opp 😀 tallene. Så gikk vi hjem.",
     SAME, SPAN),
    ("B: Vi har målekortet. Kari Hansen følger opp 😀 tallene. Så gikk vi hjem.", SAME, SPAN),
    ("B: 🙂 Vi har målekortet på veggen. Kari Hansen følger opp 😀 tallene. Så gikk vi hjem.",
     SAME, SPAN),
    # after it
    ("B: Vi har målekortet på veggen. Kari Hansen følger opp 😀 tallene. Så gikk vi hjem, æøå.",
     SAME, SPAN),
    # at its edges: an insertion stays outside
    ("B: Vi har målekortet på veggen. Ja. Kari Hansen følger opp 😀 tallene. Så gikk vi hjem.",
     SAME, SPAN),
    ("B: Vi har målekortet på veggen. Kari Hansen følger opp 😀 tallene. Æ. Så gikk vi hjem.",
     SAME, SPAN),
    # inside it
    ("B: Vi har målekortet på veggen. Kari Olsen følger opp 😀 tallene. Så gikk vi hjem.",
     CHANGED, "Kari Olsen følger opp 😀 tallene."),
    ("B: Vi har målekortet på veggen. Kari Hansen følger nøye opp 😀 tallene. Så gikk vi hjem.",
     CHANGED, "Kari Hansen følger nøye opp 😀 tallene."),
    ("B: Vi har målekortet på veggen. Kari Hansen følger opp tallene. Så gikk vi hjem.",
     CHANGED, "Kari Hansen følger opp tallene."),
    # across its start and its end
    ("B: Vi har målekortet på vår Hansen følger opp 😀 tallene. Så gikk vi hjem.",
     CHANGED, "vår Hansen følger opp 😀 tallene."),
    ("B: Vi har målekortet på veggen. Kari Hansen følger opp 😀 tall, sa hun. Vi dro hjem.",
     CHANGED, "Kari Hansen følger opp 😀 tall, sa hun."),
    # all of it
    ("B: Vi har målekortet på veggen. Så gikk vi hjem.", GONE, ""),
])
def test_align_carries_a_span_through_edits_before_inside_and_across_it(new, status, carried):
    start = OLD.index(SPAN)
    a, b, got = align(OLD, new).span(start, start + len(SPAN))
    assert (got, new[a:b]) == (status, carried)


@pytest.mark.parametrize("old, new, changed", [
    ("Kari Hansen sa ja.", "Kari Olsen sa ja.", ("Hansen", "Olsen")),  # a whole word
    ("Det var flott.", "Det var flotte greier.", ("flott", "flotte greier")),
])
def test_align_widens_edits_to_whole_words(old, new, changed):
    (region,) = align(old, new).regions
    assert (old[region.i1:region.i2], new[region.j1:region.j2]) == changed


def test_align_from_edits_gives_the_text_and_the_same_kind_of_map():
    text = "Kari Hansen og Tores kollega i Fana."
    new, spans = from_edits(text, [(0, 11, "[Person 1]"), (15, 20, "[Person 2]s"),
                                   (31, 35, "[Sted A]")])
    assert new == "[Person 1] og [Person 2]s kollega i [Sted A]."
    a, b, status = spans.span(0, len(text))
    assert (new[a:b], status) == (new, CHANGED)
    a, b, status = spans.span(21, 28)  # «kollega»
    assert (new[a:b], status) == ("kollega", SAME)
