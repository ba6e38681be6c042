import pytest

from qualmrs.model import Document, Turn
from qualmrs.segment import Segmenter, segment_document


@pytest.fixture(scope="module")
def seg():
    return Segmenter("nb")


def split(seg, text):
    return [text[s.start:s.end] for s in seg.sentences(text)]


@pytest.mark.parametrize("text,expected", [
    # trap 1: capitalised abbreviations stay whole
    ("Dvs. det går. Bl.a. fylket sa det.", ["Dvs. det går.", "Bl.a. fylket sa det."]),
    ("Vi har f.eks. NAV og bl.a. fylket, ca. ti kontor, nr. 5 og mfl. her.",
     ["Vi har f.eks. NAV og bl.a. fylket, ca. ti kontor, nr. 5 og mfl. her."]),
    # trap 2: swallowed full stop before a capital ends the sentence
    ("Det var lederen min. Han sa ja.", ["Det var lederen min.", "Han sa ja."]),
    ("Møter, tavler osv. Ikke alt kan måles.", ["Møter, tavler osv.", "Ikke alt kan måles."]),
    # trap 3: numbers with a final period
    ("Han kom i 2019. Det var fint.", ["Han kom i 2019.", "Det var fint."]),
    ("Vi lå på 5. plass i fjor.", ["Vi lå på 5. plass i fjor."]),
    # trap 4: pause marks do not end a sentence; an ellipsis before a capital does
    ("Vi hadde (.) liksom (...) møter. Ja... Ok da.", ["Vi hadde (.) liksom (...) møter.", "Ja...", "Ok da."]),
    ("Det var... vanskelig.", ["Det var... vanskelig."]),
    ("«Trøyer» var det. «Ja,» sa han.", ["«Trøyer» var det.", "«Ja,» sa han."]),
])
def test_segment_sentence_traps(seg, text, expected):
    assert split(seg, text) == expected


def test_segment_never_across_turns():
    text = "A: Hva tenker du\nB: Ikke så mye. Egentlig"
    doc = Document("d", text, (Turn("A", 3, 16, "interviewer"), Turn("B", 20, len(text))))
    sents = segment_document(doc)
    assert [(s.turn, text[s.start:s.end]) for s in sents] == [
        (0, "Hva tenker du"), (1, "Ikke så mye."), (1, "Egentlig")]


@pytest.mark.parametrize("word,lemma", [
    ("målene", "mål"), ("kontorene", "kontor"), ("rangeringen", "rangering"),
    ("leder", "leder"), ("lederne", "leder"), ("ansatte", "ansatt"), ("si", "si"),
    ("målekortet", "målekort"), ("Medarbeiderne", "medarbeider")])
def test_segment_lemma_overrides(seg, word, lemma):
    assert seg.lemma(word) == lemma


def test_segment_offsets_with_emoji_and_aeoeaa(seg):
    text = "Bra 👍 for æøå. Ærlig talt!"
    got = seg.sentences(text, offset=10)
    assert [(s.start, s.end) for s in got] == [(10, 24), (25, 36)]
    assert got[0].lemmas.split()[0] == "bra"


# Counts the spaCy pipelines (Language objects) one process builds for a run and suggestions.
PIPELINES = """
import sys
import spacy.language
built = []
init = spacy.language.Language.__init__
def counting(self, *args, **kwargs):
    built.append(type(self).__name__)
    init(self, *args, **kwargs)
spacy.language.Language.__init__ = counting
import qualmrs
qualmrs.run(sys.argv[1], sys.argv[2], sys.argv[3], report=False)
with qualmrs.open(sys.argv[3] + "/project.db") as project:
    project.suggest(model=False)
print(len(built))
"""


@pytest.mark.parametrize("steps", ["run, then rule suggestions"])
def test_segment_one_spacy_pipeline_per_process(small_study, tmp_path, steps):  # issue 12
    import subprocess
    import sys

    from conftest import CODEBOOK

    out = subprocess.run([sys.executable, "-c", PIPELINES, str(small_study), str(CODEBOOK),
                          str(tmp_path / "out")], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-1] == "1"
