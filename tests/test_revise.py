"""A corrected transcript taken in as a new version: codings carried (issue 16)."""

import pytest

import qualmrs
from conftest import CODEBOOK, invoke

TEXT = """\
A: Hvordan jobber dere med målene, egentlig?
B: Vi har målekortet på veggen, og vi snakker om det hver uke. Det er viktig for oss 😀.
Lederen vår følger opp tallene nøye. Hun er flink med æøå og sånt.
A: Og brukerne, da?
B: Brukerne kommer først. Det står ikke i noe målekort. Men vi måler det vi kan.
A: Sammenliknes kontorene?
B: Ja, fylket viser tallene hver måned. Vi ligger stort sett i øvre halvdel.
"""
CODED = {"Vi har målekortet på veggen": "motivasjon",
         "Det er viktig for oss 😀.": "historikk",
         "Lederen vår følger opp tallene nøye.": "tilbakemelding.rutiner",
         "Hun er flink med æøå og sånt.": "motivasjon",
         "Det står ikke i noe målekort.": "tilbakemelding.synspunkt",
         "Men vi måler det vi kan.": "tilbakemelding.synspunkt",
         "fylket viser tallene hver måned": "rangering.kjennskap"}
EVIDENCE = "Vi ligger stort sett i øvre halvdel."

# ten corrections around the coded words, none inside them
AROUND = [("med målene, egentlig?", "med målene og resultatene, egentlig?"),  # inserted
          ("A: Hvordan", "A: 🙂 Hvordan"),  # an emoji, before every span
          (", og vi snakker om det hver uke.", ", og vi snakker om det annenhver uke."),
          ("hver uke. Det er", "hver uke, ja. Det er"),
          ("😀.\nLederen", "😀. Ehm.\nLederen"),
          ("nøye. Hun", "nøye. Æ, altså. Hun"),
          ("A: Og brukerne, da?", "A: Og brukerne?"),  # deleted
          ("B: Brukerne", "B: Ja, brukerne? Brukerne"),
          ("A: Sammenliknes kontorene?", "A: Blir kontorene sammenliknet, tror du?"),
          ("B: Ja, fylket", "B: Å ja, fylket")]


@pytest.fixture
def coded(tmp_path):
    """A project with one transcript, its codings and an answer with evidence."""
    d = tmp_path / "study"
    d.mkdir()
    (d / "intervju_b.txt").write_text(TEXT, encoding="utf-8")
    project = qualmrs.create(tmp_path / "p.db", CODEBOOK)
    project.ingest([d / "intervju_b.txt"])
    for quote, code in CODED.items():
        at = TEXT.index(quote)
        project.code("intervju_b.txt", at, at + len(quote), code, "BHO")
    at = TEXT.index(EVIDENCE)
    project.set_answer("B", "sammenliknes", "Ja", "BHO", EVIDENCE, "intervju_b.txt", at,
                       at + len(EVIDENCE))
    yield project, d / "intervju_b.txt"
    project.close()


def _texts(project) -> dict[str, str]:
    frame = project.codings()
    return dict(zip(frame["id"], frame["text"]))


def _revise(project, path, edits):
    text = TEXT
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return project.ingest([path], revise=True)


def test_revise_ten_edits_around_the_codings_keep_every_coding_on_its_words(coded):
    project, path = coded
    before = _texts(project)
    report = _revise(project, path, AROUND)
    (r,) = report.revised
    assert (r.same, r.changed, r.moved, r.set_aside, r.version) == (len(CODED), 0, 0, 0, 1)
    assert _texts(project) == before
    (answer,) = project.store.answers()
    (doc,) = project.store.documents()
    assert doc.text[answer.start:answer.end] == answer.evidence == EVIDENCE
    assert project.reviews() == [] and project.set_aside() == []
    # the turns and sentences are made again from the new text
    assert doc.turn_text(1).startswith("Vi har målekortet")
    assert "annenhver" in project.segments("sentence")["text"].str.cat()


@pytest.mark.parametrize("edit, coded_text, now", [
    (("Lederen vår følger opp", "Lederen vår, Kari, følger opp"),
     "Lederen vår følger opp tallene nøye.", "Lederen vår, Kari, følger opp tallene nøye."),
    (("flink med æøå og sånt.", "flink med 😀 og sånt."),
     "Hun er flink med æøå og sånt.", "Hun er flink med 😀 og sånt."),
    (("noe målekort. Men vi", "noe målekort, men vi"),  # across two codings
     "Det står ikke i noe målekort.", "Det står ikke i noe målekort,"),
])
def test_revise_a_coding_whose_words_changed_is_kept_moved_and_listed(coded, edit, coded_text,
                                                                       now):
    project, path = coded
    _revise(project, path, [edit])
    texts = set(_texts(project).values())
    assert now in texts and len(texts) == len(CODED)
    review = {(r["old_text"], r["new_text"]) for r in project.reviews()}
    assert (coded_text, now) in review


def test_revise_a_coding_whose_text_was_deleted_is_set_aside_and_can_be_restored(coded):
    project, path = coded
    report = _revise(project, path, [(" Hun er flink med æøå og sånt.", "")])
    assert report.revised[0].set_aside == 1
    assert "Hun er flink med æøå og sånt." not in _texts(project).values()
    (aside,) = project.set_aside()
    assert (aside["text"], aside["coding"]["code"]) == ("Hun er flink med æøå og sånt.",
                                                        "motivasjon")
    st = project.status()
    assert len(st.set_aside) == 1
    with pytest.raises(qualmrs.QualmrsError, match="not found"):
        project.restore_coding(aside["id"])  # its words are gone
    row = project.restore_coding(aside["id"], quote="Lederen vår følger opp tallene nøye.")
    assert row["id"] == aside["coding"]["id"] and project.set_aside() == []
    assert len(_texts(project)) == len(CODED)


def test_revise_text_moved_elsewhere_takes_its_coding_along(coded):
    project, path = coded
    _revise(project, path, [(" Men vi måler det vi kan.", ""),
                            ("halvdel.\n", "halvdel. Men vi måler det vi kan.\n")])
    assert sorted(_texts(project).values()) == sorted(CODED)
    assert [r["reason"] for r in project.reviews()] == ["moved"]


def test_revise_answer_evidence_is_carried_and_cleared_when_deleted(coded):
    project, path = coded
    _revise(project, path, [(" Vi ligger stort sett i øvre halvdel.", "")])
    (answer,) = project.store.answers()
    assert answer.category == "Ja" and answer.start is None  # the answer stays
    assert [r["kind"] for r in project.reviews()] == ["answer"]


def test_revise_is_one_step_that_undo_takes_back_with_the_version_kept(coded):
    project, path = coded
    before = (project.store.documents()[0].text, _texts(project))
    _revise(project, path, AROUND[:3] + [(" Hun er flink med æøå og sånt.", "")])
    counts = project.store.counts()
    assert (counts["document_versions"], counts["set_aside"]) == (1, 1)
    (step,) = project.store.steps(limit=1)
    assert step.command.startswith("ingest intervju_b.txt")
    project.undo()
    assert (project.store.documents()[0].text, _texts(project)) == before
    counts = project.store.counts()
    assert (counts["document_versions"], counts["set_aside"]) == (0, 0)
    project.redo()
    assert project.store.counts()["document_versions"] == 1


def test_revise_shifted_codings_of_one_code_pass_each_other_and_undo(tmp_path):
    """Codings of one code and coder moved onto each other's old places (the unique key
    holds the span) are carried and undone in an order that never collides."""
    text = "B: en. to. en. to. en. to.\n"
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    with qualmrs.create(tmp_path / "p.db", CODEBOOK) as project:
        project.ingest([path])
        for at in range(3, 23, 4):
            project.code("x.txt", at, at + 3, "motivasjon", "BHO")
        path.write_text("B: Ja. " + text[3:], encoding="utf-8")
        project.ingest([path], revise=True)
        assert list(project.codings()["start"]) == list(range(7, 27, 4))
        project.undo()
        assert list(project.codings()["start"]) == list(range(3, 23, 4))


def test_revise_cli_reports_and_lists_for_review(coded):
    project, path = coded
    db = project.path
    project.close()
    path.write_text(TEXT.replace("Lederen vår følger", "Lederen vår, Kari, følger")
                    .replace(" Hun er flink med æøå og sånt.", ""), encoding="utf-8")
    r = invoke("ingest", db, path)
    assert r.exit_code == 1 and "--revise" in r.stderr
    r = invoke("ingest", db, path, "--revise")
    assert r.exit_code == 0, r.stderr
    assert "Revised intervju_b.txt (the previous text kept as version 1): 5 coding(s) on the " \
           "same words; 1 carried with changed or moved words" in r.stderr
    r = invoke("status", db)
    assert "To review after a revision: 1" in r.stdout
    assert "«Lederen vår følger opp tallene nøye.» → «Lederen vår, Kari, følger" in r.stdout
    assert "Set aside, their text deleted by a revision: 1" in r.stdout
    r = invoke("set-aside", db)
    assert "motivasjon by BHO" in r.stdout and "«Hun er flink med æøå og sånt.»" in r.stdout
    r = invoke("restore-coding", db, "1", "--quote", "Lederen vår, Kari, følger")
    assert r.exit_code == 0, r.stderr
    r = invoke("reviewed", db, "--all")
    assert r.exit_code == 0 and "1 review note(s) cleared" in r.stderr
    r = invoke("status", db)
    assert "To review" not in r.stdout and "Set aside" not in r.stdout


def test_revise_run_takes_a_corrected_folder(tmp_path, sample_copy):
    out = tmp_path / "out"
    r = invoke("run", sample_copy, "--codebook", CODEBOOK, "--out", out, "--no-report")
    assert r.exit_code == 0, r.stderr
    path = sample_copy / "intervju_d.txt"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Greit, da er vi i gang.", "Greit, da er vi i gang 🎙️."), encoding="utf-8")
    r = invoke("run", sample_copy, "--codebook", CODEBOOK, "--out", out, "--no-report")
    assert r.exit_code == 1 and "--revise" in r.stderr
    r = invoke("run", sample_copy, "--codebook", CODEBOOK, "--out", out, "--no-report",
               "--revise")
    assert r.exit_code == 0, r.stderr
    assert "Revised intervju_d.txt" in r.stderr and "set aside" not in r.stderr
