"""Pseudonymising a study: the review file, applying it, the key, reversing it (issue 16)."""

import base64
import re
import zipfile

import pytest

import qualmrs
from conftest import CODEBOOK, invoke

# personal data planted in the sample, as informant turns added at the end (the coded quotes
# stay as they are): names, a possessive, places, a workplace, phone, e-mail, fødselsnummer
PLANTED = {
    "intervju_d.txt": "D: Lederen min heter Kari Hansen, og hun sitter på NAV Årstad. Kari "
                      "svarer på 912 34 567 eller kari.hansen@nav.no.\n",
    "intervju_e.txt": "[00:59:00] E: Før det var jeg i Fana, hos Tore Nilsen. Tores team var "
                      "lite.\n",
    "intervju_h.txt": "H: En bruker, fødselsnummer 12037812380, bodde i Storgata 14 i "
                      "Hordaland. Hansen kjente ham.\n",
}
REPLACED = ["Kari Hansen", "NAV Årstad", "912 34 567", "kari.hansen@nav.no", "Fana",
            "Tore Nilsen", "Tores", "12037812380", "Storgata 14", "Hordaland", "Hansen",
            "Kari"]


def _plant(folder):
    for name, text in PLANTED.items():
        path = folder / name
        content = path.read_text(encoding="utf-8")
        path.write_text(content.rstrip("\n") + "\n" + text, encoding="utf-8")


@pytest.fixture
def planted(tmp_path, sample_copy):
    _plant(sample_copy)
    out = tmp_path / "out"
    r = invoke("run", sample_copy, "--codebook", CODEBOOK, "--out", out, "--no-report", "-q")
    assert r.exit_code == 0, r.stderr
    return out / "project.db"


def _views(db):
    with qualmrs.open(db) as project:
        study = project.study()
        return [t.to_dict() for t in study.tables()], study.counts().to_dict()


def _stored_bytes(db) -> bytes:
    data = db.read_bytes()
    for tail in ("-wal", "-journal"):
        companion = db.with_name(db.name + tail)
        if companion.exists():
            data += companion.read_bytes()
    return data


def test_pseudonymise_the_sample_keeps_its_tables_and_leaves_no_original_in_the_file(
        planted, tmp_path):
    db = planted
    with qualmrs.open(db) as project:
        doc = next(d for d in project.store.documents() if d.name == "intervju_d.txt")
        at = doc.text.index("Lederen min heter Kari Hansen")
        project.code(doc.name, at, doc.text.index("\n", at), "motivasjon", "BHO",
                     memo="Kari Hansen er leder")
        project.set_summary("D", "motivasjon", "BHO", "Kari Hansen leder kontoret.", [])
        originals = {d.name: d.text for d in project.store.documents()}
    before = _views(db)
    assert b"Kari Hansen" in _stored_bytes(db)  # the test would see them
    r = invoke("pseudonymise", db, "--review", tmp_path / "review.xlsx")
    assert r.exit_code == 0, r.stderr
    assert "person" in r.stderr and "phone 1" in r.stderr
    key = tmp_path / "key.csv"
    r = invoke("pseudonymise", db, "--apply", tmp_path / "review.xlsx", "--key", key)
    assert r.exit_code == 0, r.stderr
    data = _stored_bytes(db)
    for word in REPLACED:
        assert word.encode("utf-8") not in data, word
    assert [len(x) for x in _views(db)] == [len(x) for x in before]
    with qualmrs.open(db) as project:
        after = _views(db)
        coded = project.codings(code="motivasjon")
        mine = coded[coded["memo"].str.contains("er leder")].iloc[0]
        assert mine["text"].startswith("Lederen min heter [Person 1], og hun sitter på "
                                       "[NAV-kontor A]. [Person 1] svarer på [Telefon 1]")
        assert mine["memo"] == "[Person 1] er leder"
        assert "[Person 1] leder kontoret." in set(project.summaries()["text"])
        assert project.undo() == []  # earlier steps are no longer undoable
    assert after[0] == before[0]  # Tabell 4-1..4-3
    assert after[1] == before[1]  # code counts
    # the key restores the text exactly
    r = invoke("pseudonymise", db, "--reverse", key)
    assert r.exit_code == 0, r.stderr
    with qualmrs.open(db) as project:
        assert {d.name: d.text for d in project.store.documents()} == originals
        coded = project.codings(code="motivasjon")
        assert "Kari Hansen er leder" in set(coded["memo"])
        assert "Kari Hansen leder kontoret." in set(project.summaries()["text"])
    assert _views(db) == before


def test_pseudonymise_exports_carry_only_pseudonyms(planted, tmp_path):
    db = planted
    assert invoke("pseudonymise", db, "--review", tmp_path / "r.csv").exit_code == 0
    r = invoke("pseudonymise", db, "--apply", tmp_path / "r.csv", "--key", tmp_path / "k.csv")
    assert r.exit_code == 0, r.stderr
    out = tmp_path / "exports"
    for args in (["export-text", db, out / "txt"], ["export-text", db, out / "docx",
                                                     "--format", "docx"],
                 ["export-qdpx", db, out / "p.qdpx"], ["report", db, "--out", out / "r.html"],
                 ["matrix", db, "--out", out / "m.xlsx"], ["matrix", db, "--out", out / "m.docx"],
                 ["coding-sheet", db, out / "ark.xlsx"], ["tables", db, "--format", "xlsx",
                                                           "--out", out / "tables"]):
        r = invoke(*args)
        assert r.exit_code == 0, (args, r.stderr)
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) > 20
    for path in files:
        data = path.read_bytes()
        if zipfile.is_zipfile(path):  # docx, xlsx, qdpx: look inside
            with zipfile.ZipFile(path) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        # an embedded figure is looked at decoded: its base64 can spell «Kari» by chance
        data = re.sub(rb"base64,([A-Za-z0-9+/=]+)", lambda m: base64.b64decode(m[1]), data)
        for word in REPLACED:
            assert word.encode("utf-8") not in data, (path, word)
    assert "[Person 1]" in (out / "txt" / "intervju_d.txt").read_text(encoding="utf-8")


def test_pseudonymise_review_file_edits_are_followed(planted, tmp_path):
    """A pseudonym changed, a mention kept, a row added without positions."""
    import csv

    db = planted
    review = tmp_path / "r.csv"
    assert invoke("pseudonymise", db, "--review", review).exit_code == 0
    rows = list(csv.DictReader(review.open(encoding="utf-8")))
    for row in rows:
        if row["text"] == "Fana":
            row["action"] = "keep"
        if row["pseudonym"] == "[Person 1]":  # Kari Hansen, Kari, Hansen
            row["pseudonym"] = "Mari Holm"
    rows.append({"document": "", "start": "", "end": "", "text": "faksen", "type": "other",
                 "context": "", "pseudonym": "[Maskin]", "action": "replace"})
    with review.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    r = invoke("pseudonymise", db, "--apply", review, "--key", tmp_path / "k.csv")
    assert r.exit_code == 0, r.stderr
    with qualmrs.open(db) as project:
        texts = "".join(d.text for d in project.store.documents())
    assert "Mari Holm, og hun sitter" in texts and "Mari Holm svarer" in texts
    assert "i Fana, hos" in texts and "faksen" not in texts and "[Maskin]" in texts


@pytest.mark.parametrize("change, message", [
    (lambda r: r.update(text="Kari Olsen"), "not «Kari Olsen»"),
    (lambda r: r.update(action="slett"), "action is 'replace' or 'keep'"),
    (lambda r: r.update(pseudonym=""), "give the pseudonym"),
    (lambda r: r.update(document="intervju_x.txt"), "no document named 'intervju_x.txt'"),
])
def test_pseudonymise_a_bad_review_file_is_one_error_line_and_changes_nothing(
        planted, tmp_path, change, message):
    import csv

    db = planted
    review = tmp_path / "r.csv"
    assert invoke("pseudonymise", db, "--review", review).exit_code == 0
    rows = list(csv.DictReader(review.open(encoding="utf-8")))
    change(next(r for r in rows if r["text"] == "Kari Hansen"))
    with review.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    before = db.read_bytes()
    r = invoke("pseudonymise", db, "--apply", review, "--key", tmp_path / "k.csv")
    assert r.exit_code == 1 and r.stderr.startswith("Error: r.csv, row ")
    assert message in r.stderr and "Traceback" not in r.stderr
    assert db.read_bytes() == before and not (tmp_path / "k.csv").exists()


def test_pseudonymise_a_review_file_that_keeps_everything_changes_nothing(planted, tmp_path):
    import csv

    db = planted
    review = tmp_path / "r.csv"
    assert invoke("pseudonymise", db, "--review", review).exit_code == 0
    rows = [{**r, "action": "keep"} for r in csv.DictReader(review.open(encoding="utf-8"))]
    with review.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    r = invoke("pseudonymise", db, "--apply", review, "--key", tmp_path / "k.csv")
    assert r.exit_code == 1 and "nothing to replace" in r.stderr
    with qualmrs.open(db) as project:
        assert project.undo()  # the history is as it was


def test_pseudonymise_the_key_never_goes_over_the_project(planted, tmp_path):
    db = planted
    assert invoke("pseudonymise", db, "--review", tmp_path / "r.csv").exit_code == 0
    r = invoke("pseudonymise", db, "--apply", tmp_path / "r.csv", "--key", db, "--force")
    assert r.exit_code == 1 and "project store" in r.stderr
    r = invoke("pseudonymise", db, "--apply", tmp_path / "r.csv")
    assert r.exit_code == 1 and "--key" in r.stderr
