import pytest

from qualmrs.coding.consensus import read_consensus
from qualmrs.codebook import load_codebook
from qualmrs.errors import QualmrsError
from qualmrs.model import Answer, Coding, Document, Turn

TEXT = "A: Spm?\nB: Svar en.\nA: Spm?\nB: Svar to."
DOC = Document("d.txt", TEXT, (Turn("A", 3, 7, "interviewer"), Turn("B", 11, 20, case="B"),
                               Turn("A", 24, 28, "interviewer"), Turn("B", 32, 41, case="B")))
HEADER = "kind,document,case,start,end,text,coder_a,codes_a,coder_b,codes_b,decision\n"
CODINGS = [Coding("d.txt", 11, 15, "motivasjon", "X"), Coding("d.txt", 11, 20, "motivasjon", "Y"),
           Coding("d.txt", 32, 41, "historikk", "X"), Coding("d.txt", 32, 41, "motivasjon", "Y")]
ANSWERS = [Answer("B", "egnet", "Ja", "X", evidence="en"), Answer("B", "egnet", "Nei", "Y"),
           Answer("B", "tallfestes", "Ja", "X"), Answer("B", "tallfestes", "Ja", "Y")]


def consensus(tmp_path, rows):
    p = tmp_path / "d.csv"
    p.write_text(HEADER + rows, encoding="utf-8")
    return read_consensus(p, load_codebook("codebooks/mrs_nav.yaml"), [DOC], {}, CODINGS,
                          ANSWERS, "konsensus")


def test_consensus_agreed_and_decided(tmp_path):
    codings, answers = consensus(tmp_path, (
        "turn,d.txt,B,32,41,Svar to.,X,historikk,Y,motivasjon,historikk; motivasjon\n"
        "answer,,B,,,egnet: Egner...,X,Ja,Y,Nei,ja\n"))
    assert [(c.start, c.end, c.code, c.coder) for c in codings] == [
        (11, 15, "motivasjon", "konsensus"),  # agreed: X's span kept
        (32, 41, "historikk", "konsensus"), (32, 41, "motivasjon", "konsensus")]
    assert {(a.question, a.category) for a in answers} == {("egnet", "Ja"), ("tallfestes", "Ja")}
    assert next(a for a in answers if a.question == "egnet").evidence == "en"


def test_consensus_none_decision_drops_codes(tmp_path):
    codings, _ = consensus(tmp_path, (
        "turn,d.txt,B,32,41,Svar to.,X,historikk,Y,motivasjon,-\n"
        "answer,,B,,,egnet: x,X,Ja,Y,Nei,Nei\n"))
    assert [c.start for c in codings] == [11]


@pytest.mark.parametrize("rows,message", [
    ("turn,d.txt,B,32,41,,X,historikk,Y,motivasjon,historik\n", "unknown code 'historik'"),
    ("turn,d.txt,B,30,41,,X,historikk,Y,motivasjon,historikk\n", "row 2: key 'document': no turn at 30–41"),
    ("turn,d.txt,B,32,41,,X,historikk,Y,motivasjon,historikk\n",
     "case B, egnet: X says 'Ja', Y says 'Nei', and the file has no decision"),
    ("answer,,B,,,egnet: x,X,Ja,Y,Nei,Kanskje\n", "'Kanskje' is not a category of egnet"),
])
def test_consensus_problems_located(tmp_path, rows, message):
    with pytest.raises(QualmrsError) as e:
        consensus(tmp_path, rows)
    assert message in str(e.value)
