"""Finding personal data in Norwegian talk (issue 16)."""

import pytest

from qualmrs.model import Case, Document, Turn
from qualmrs.pseudonym import detect


def _doc(talk: str, name: str = "x.txt") -> Document:
    text = "B: " + talk
    return Document(name, text, (Turn("B", 3, len(text), case="B"),))


def _found(*talks, cases=()) -> set[tuple[str, str]]:
    docs = [_doc(t, f"d{i}.txt") for i, t in enumerate(talks)]
    return {(m.text, m.type) for m in detect(docs, cases)}


@pytest.mark.parametrize("talk, expected", [
    ("Jeg snakket med Kari Hansen i går.", {("Kari Hansen", "person")}),
    ("Lederen vår, Per Olav Strand, var enig.", {("Per Olav Strand", "person")}),
    ("Det var Tores idé.", {("Tores", "person")}),  # a possessive
    ("Det sa Anne-Lise Berg og Marius Bakke-Hansen.",
     {("Anne-Lise Berg", "person"), ("Marius Bakke-Hansen", "person")}),
    ("Vi fikk hjelp av fru Aslaug Tveit.", {("Aslaug Tveit", "person")}),  # after a title
    ("Hun heter Sigrun, og hun kom i fjor.", {("Sigrun", "person")}),  # not in the lists
    ("Gro pleier å si det.", {("Gro", "person")}),  # sentence start, no everyday word
])
def test_detect_person_names(talk, expected):
    assert _found(talk) == expected


@pytest.mark.parametrize("talk, found", [
    # names that are also words: the name in mid-sentence, a verb after it, the same name
    # elsewhere in the study; the word at a sentence start with no verb after it
    ("Det vet Per godt. Per er sånn, han sjekker alt. Per i dag har vi tre team.",
     [("Per", "person"), ("Per", "person")]),
    ("Hun heter Liv. Liv har mottaket. Det handler om et liv.", [("Liv", "person")] * 2),
    ("Vi kaller ham Stein. Stein var født i Bergen. Stein på stein bygger vi.",
     [("Stein", "person"), ("Stein", "person"), ("Bergen", "place")]),
    ("Dag Eriksen leder kontoret. Dag har vært der et år. Hver dag er lik.",
     [("Dag Eriksen", "person"), ("Dag", "person")]),
    ("Sol og vår hjelper på humøret.", []),
    ("Finn ut hva som virker. Odd nok er det sånn.", []),
])
def test_detect_names_that_are_words_by_context(talk, found):
    assert sorted((m.text, m.type) for m in detect([_doc(talk)])) == sorted(found)


@pytest.mark.parametrize("talk, expected", [
    ("Jeg jobbet i Fana før, og nå på Nesttun.", {("Fana", "place"), ("Nesttun", "place")}),
    ("Vi møttes i Storgata 14 og i Trondheimsveien 112 B.",
     {("Storgata 14", "place"), ("Trondheimsveien 112 B", "place")}),
    ("Jeg leder NAV Årstad, og vi samarbeider med Fana skole.",
     {("NAV Årstad", "organisation"), ("Fana skole", "organisation")}),
    ("Hun bor i Sogn og Fjordane.", {("Sogn og Fjordane", "place")}),
])
def test_detect_places_and_workplaces(talk, expected):
    assert _found(talk) == expected


@pytest.mark.parametrize("talk, expected", [
    ("Ring 912 34 567, 91 23 45 67, +47 22 33 44 55 eller 0047 48123456.",
     {("912 34 567", "phone"), ("91 23 45 67", "phone"), ("+47 22 33 44 55", "phone"),
      ("0047 48123456", "phone")}),
    ("Skriv til anne-lise.berg@nav.no.", {("anne-lise.berg@nav.no", "email")}),
    ("Fødselsnummeret er 12037812380, eller 270762 12363.",
     {("12037812380", "fnr"), ("270762 12363", "fnr")}),
    ("Han er født 14. mars 2003, hun født 03.09.2005.",
     {("14. mars 2003", "birthdate"), ("03.09.2005", "birthdate")}),
    ("Bilen har registreringsnummer EL 45821.", {("EL 45821", "vehicle")}),
    ("Det er saksnummer 23/14562 og journalnummer 2024/113902.",
     {("23/14562", "case_number"), ("2024/113902", "case_number")}),
])
def test_detect_identifiers(talk, expected):
    assert _found(talk) == expected


@pytest.mark.parametrize("talk", [
    "Vi bruker Arena, Modia og Gosys hver dag.",
    "NAV-loven og tillitsreformen ligger fast, sa de i Teams.",
    "Per måned har vi 450 000 kroner, og 12 34 56 78 saker i 2019/2020.",
    "Referansenummeret er 44551203118, det er ikke et personnummer.",  # fails mod 11
    "Møtet var 12. mars 2024. Sola skinte. Det ble en fin dag.",
    "Tour de France er et sykkelritt. Mest Excel, egentlig.",
])
def test_detect_leaves_systems_laws_numbers_and_words_alone(talk):
    assert _found(talk) == set()


def test_detect_gives_one_pseudonym_to_a_person_across_the_study():
    found = detect([_doc("Kari Hansen leder kontoret. Kari er flink.", "a.txt"),
                    _doc("Hansen sa ja. Tore Nilsen sa nei, og Tores team er stort.", "b.txt")])
    by_text = {m.text: m.pseudonym for m in found}
    assert by_text["Kari Hansen"] == by_text["Kari"] == by_text["Hansen"] == "[Person 1]"
    assert by_text["Tore Nilsen"] == "[Person 2]" and by_text["Tores"] == "[Person 2]s"


def test_detect_the_projects_case_labels_and_attribute_values():
    cases = [Case("Kristin", {"kontor": "NAV Hamar", "rolle": "kontorleder"})]
    found = _found("Kontoret, NAV Hamar, er stort; Kristin sa det. Som kontorleder vet jeg det.",
                   cases=cases)
    assert ("Kristin", "case_label") in found and ("NAV Hamar", "organisation") in found
    assert not any(t == "kontorleder" for t, _ in found)
    found = _found("Vi kaller det Fjellkontoret.", cases=[Case("B", {"kontor": "Fjellkontoret"})])
    assert found == {("Fjellkontoret", "attribute")}


def test_detect_leaves_speaker_labels_out():
    text = "Kari: Hei.\nB: Kari sa hei."
    doc = Document("x.txt", text, (Turn("Kari", 6, 10), Turn("B", 14, len(text), case="B")))
    assert [(m.start, m.text) for m in detect([doc])] == [(14, "Kari")]


def test_detect_needs_no_network(tmp_path):
    """Faker's names, wordfreq's frequencies and the phone and fødselsnummer rules ship in
    their wheels: detection runs with every connection refused."""
    import subprocess
    import sys

    code = ("import socket\n"
            "def refuse(*a, **k):\n    raise OSError('no network in this test')\n"
            "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
            "from qualmrs.model import Document, Turn\nfrom qualmrs.pseudonym import detect\n"
            "t = 'B: Vi sa til Per at Kari Hansen ringte 912 34 567 fra Fana.'\n"
            "print(sorted(m.type for m in detect([Document('x', t, (Turn('B', 3, len(t)),))])))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "['person', 'person', 'phone', 'place']"
