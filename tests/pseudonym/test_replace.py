"""Review rows → edits of the texts, and the sweep for other text (issue 16)."""

import pytest

from qualmrs.errors import ImportError_
from qualmrs.model import Document, Turn
from qualmrs.pseudonym.replace import Sweep, plan, reverse_edits
from qualmrs.pseudonym.review import Decision, read_review

TEXT = "B: Per sa at Kari Hansen ringte. Per måned kommer Kari. Hansens kontor er i Fana."


def _doc(text=TEXT, name="x.txt"):
    return Document(name, text, (Turn("B", 3, len(text), case="B"),))


def _row(text, pseudonym, action="replace", kind="person", doc=TEXT, name="x.txt", n=2):
    at = doc.index(text)
    return Decision(n, name, at, at + len(text), text, kind, pseudonym, action)


def test_replace_plan_replaces_names_consistently_and_sweeps_the_rest():
    the_plan = plan([_doc()], [_row("Kari Hansen", "[Person 1]"),
                               _row("Fana", "[Bydel A]", kind="place")])
    edits = {(TEXT[a:b], p) for a, b, p, _ in the_plan.edits["x.txt"]}
    # «Kari» and the possessive «Hansens» are the same person, though not listed
    assert edits == {("Kari Hansen", "[Person 1]"), ("Kari", "[Person 1]"),
                     ("Hansens", "[Person 1]s"), ("Fana", "[Bydel A]")}
    assert the_plan.extra == 2


def test_replace_plan_leaves_everyday_words_at_a_sentence_start_and_kept_rows():
    text = "B: Vi ringte Per. Per måned er det nok. Det sa Per også."
    rows = [_row("Per", "[Person 2]", doc=text),
            Decision(3, "x.txt", text.rindex("Per"), text.rindex("Per") + 3, "Per", "person",
                     "", "keep")]
    the_plan = plan([_doc(text)], rows)
    assert [a for a, *_ in the_plan.edits["x.txt"]] == [text.index("Per")]


def test_replace_sweep_for_memos_and_the_history():
    sweep = Sweep({"Kari Hansen": "[Person 1]", "Kari": "[Person 1]", "Fana": "[Bydel A]"})
    assert sweep("Kari Hansen og Karis kollega i Fana; Karianne og Fanatiker") == \
        "[Person 1] og [Person 1]s kollega i [Bydel A]; Karianne og Fanatiker"


def test_replace_reverse_edits_refuse_a_text_that_changed():
    assert reverse_edits("Det sa [Person 1].", [(7, 17, "[Person 1]", "Kari")]) == \
        [(7, 17, "Kari")]
    with pytest.raises(ValueError, match="not «\\[Person 1\\]»"):
        reverse_edits("Det sa [Person 2].", [(7, 17, "[Person 1]", "Kari")])


def test_replace_review_file_rows_added_overlapping_and_unknown(tmp_path):
    review = tmp_path / "r.csv"
    review.write_text(
        "document,start,end,text,type,context,pseudonym,action\n"
        "x.txt,13,24,Kari Hansen,person,,[Person 1],replace\n"
        "x.txt,13,17,Kari,person,,[Person 3],replace\n"
        ",,,Fana,place,,[Bydel A],replace\n"
        ",,,Tromsø,place,,[Sted B],replace\n", encoding="utf-8")
    with pytest.raises(ImportError_) as e:
        read_review(review, [_doc()])
    assert [p.split(": ", 1)[0] for p in e.value.problems] == ["r.csv, row 5", "r.csv, row 3"]
    assert "not found" in e.value.problems[0] and "overlaps row 2" in e.value.problems[1]
