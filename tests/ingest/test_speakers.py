"""Telling the interviewer from the transcripts (issue 12: a project from another tool has no
codebook saying who asks)."""

import pytest

from conftest import SAMPLE
from qualmrs.ingest import read_document, transcript_files
from qualmrs.ingest.speakers import find_interviewers, with_interviewers
from qualmrs.model import Document, Turn


def _doc(*turns):
    text, spans = "", []
    for speaker, said in turns:
        text += f"{speaker}: "
        spans.append(Turn(speaker, len(text), len(text) + len(said)))
        text += said + "\n"
    return Document("d", text, tuple(spans))


def test_speakers_sample_interviewers_are_the_ones_who_ask():
    docs = [read_document(p, interviewer_labels=()) for p in transcript_files([SAMPLE])]
    assert find_interviewers(docs, "nb", ["B", "C", "I"]) == ("A", "Intervjuer")


@pytest.mark.parametrize("language,found", [("nb", ("A", "I")), ("en", ("I",)), (None, ("I",))])
def test_speakers_without_question_marks_names_decide(language, found):
    doc = _doc(("A", "ja"), ("B", "nei"), ("I", "greit"), ("B", "ok"))
    assert find_interviewers([doc], language) == found


def test_speakers_a_case_is_never_the_interviewer():
    doc = _doc(("I", "Hva?"), ("Q", "Hvorfor?"), ("I", "Hvem?"), ("Q", "Når?"))
    assert find_interviewers([doc], "nb", cases=["i"]) == ("Q",)


def test_speakers_with_interviewers_sets_roles():
    doc = with_interviewers(_doc(("Q", "Hva?"), ("R", "Det.")), ["q"])
    assert [t.role for t in doc.turns] == ["interviewer", "informant"]
