"""Issue 17 (4): a study whose codebook says ``language: en`` runs end to end, with spaCy's
blank English tokenizer and sentencizer and simplemma's English lemmas."""

from pathlib import Path

import pytest

from conftest import ROOT, invoke

EN_CODEBOOK = ROOT / "codebooks" / "workplace_en.yaml"
EN_STUDY = Path(__file__).parent / "data" / "workplace_en"


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    """The English study run with ``qualmrs run``, then rule suggestions made; its project."""
    import qualmrs

    out = tmp_path_factory.mktemp("english") / "out"
    result = invoke("run", EN_STUDY, "--codebook", EN_CODEBOOK, "--out", out, "--no-report")
    assert result.exit_code == 0, result.output
    assert "2 document(s) ingested" in result.stderr
    project = qualmrs.open(out / "project.db")
    project.suggest(rules=True, model=False)
    yield project
    project.close()


def test_english_study_turns(english):
    doc = english.study().document("interview_p1.txt")
    assert [(t.speaker, t.role, t.case) for t in doc.turns] == \
        [("I", "interviewer", None), ("P1", "informant", "P1")] * 5
    # a line without a label continues the speaker before it
    assert doc.turn_text(3) == ("Heavy, to be honest. We have been short-staffed since spring, "
                                "and I work overtime most weeks.\nSome colleagues stay late on "
                                "Thursdays to meet the deadlines.")


@pytest.mark.parametrize("document,sentence,lemmas", [
    ("interview_p1.txt",
     "Most days start with a short meeting, e.g. Monday's planning meeting at nine.",
     "most day start with a short meeting e.g. monday 's plan meeting at nine"),
    ("interview_p1.txt",
     "The rankings between offices are published too, i.e. everyone sees where we are.",
     "the ranking between office be publish too i.e. everyone see where we be"),
    ("interview_p2.txt", "We don't rank teams here, and I'm glad of that.",
     "we do not rank team here and i be glad of that"),
])
def test_english_study_sentences_and_lemmas(english, document, sentence, lemmas):
    doc = english.study().document(document)
    found = {doc.text[s.start:s.end]: s.lemmas for s in english.study().sentences()[document]}
    assert found[sentence] == lemmas


@pytest.mark.parametrize("document,sentence,code,evidence", [
    # the codebook's phrases are singular: «ranking», «deadline», «one-to-one meeting»
    ("interview_p1.txt", "The rankings between offices", "measurement", "rankings"),
    ("interview_p1.txt", "Some colleagues stay late", "workload", "deadlines"),
    ("interview_p1.txt", "Some colleagues stay late", "workload.overtime", "stay late"),
    ("interview_p2.txt", "My manager gives feedback", "feedback",
     "feedback; one-to-one meetings; praises"),
    # a pattern: can + not + measure
    ("interview_p2.txt", "You can count the visitors", "measurement", "can't measure"),
])
def test_english_study_rule_phrases_match_inflected_forms(english, document, sentence, code,
                                                         evidence):
    found = english.suggestions()
    rows = found[(found.document == document) & found.text.str.startswith(sentence)
                 & (found.code == code)]
    assert len(rows) == 1
    stored = [c for c in english.store.codings(source="rule") if c.id == rows.id.iloc[0]]
    assert stored[0].evidence == evidence


def test_english_study_codings_counted(english):
    counts = english.study().counts()
    assert counts.loc["workload", ["P1", "P2", "total"]].tolist() == [3, 1, 4]
    assert counts.loc["workload.overtime", ["P1", "P2"]].tolist() == [2, 0]
    assert counts.loc["measurement", ["P1", "P2"]].tolist() == [1, 1]
    assert counts.loc["feedback", "total"] == 2 and counts.loc["autonomy", "total"] == 1


def test_english_study_table(english):
    table = english.study().table("1")
    assert list(table.columns) == ["measurable", "feedback_useful"]
    assert table.to_dict("index") == {
        "Yes": {"measurable": 1, "feedback_useful": 1},
        "Neutral": {"measurable": 1, "feedback_useful": 0},
        "No": {"measurable": 0, "feedback_useful": 1},
        "N": {"measurable": 2, "feedback_useful": 2}}
    assert table.attrs["headers"] == {
        "measurable": "Can the results of your work be measured?",
        "feedback_useful": "Is the feedback you get useful?"}
