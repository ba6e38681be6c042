import pytest

from qualmrs.codebook import load_codebook, parse_codebook
from qualmrs.errors import CodebookError

THEMES = ["tilbakemelding", "tilbakemelding.synspunkt", "tilbakemelding.tilgjengelighet",
          "tilbakemelding.oppfolging", "tilbakemelding.rutiner", "tilbakemelding.ansatte",
          "rangering", "rangering.kjennskap", "rangering.deling", "deltakelse",
          "deltakelse.utforming", "deltakelse.malforstaelse", "frihet", "frihet.faglig",
          "frihet.ansvar", "motivasjon", "historikk"]

VALID = """\
codes:
  - key: tema
    name: Tema
    children:
      - key: under
        name: Under
scales:
  jn:
    categories: [Ja, Nei]
questions:
  - key: q1
    text: Spørsmål?
    scale: jn
tables:
  - id: "1"
    title: Tittel
    questions: [q1]
"""


def test_codebook_shipped_has_the_thesis_frame(codebook_path):
    cb = load_codebook(codebook_path)
    assert [c.key for c in cb.codes] == THEMES
    assert all(c.name and c.description for c in cb.codes)
    leaves = [c for c in cb.codes if not any(d.parent == c.key for d in cb.codes)]
    assert all(c.include and c.exclude for c in leaves)
    assert cb.scales["ja_noytral_nei"].categories == ("Ja", "Nøytral", "Nei")
    assert cb.scales["utvider_begrenser"].categories == (
        "Utvider", "Verken utvider eller begrenser", "Begrenser")
    assert [q.key for q in cb.questions] == ["tallfestes", "egnet", "sammenliknes",
                                             "kjenner_egen", "kjenner_rangering",
                                             "faglig_frihet", "ansvarsomrader"]
    assert all(q.cues for q in cb.questions)
    assert [(t.id, t.questions) for t in cb.tables] == [
        ("4-1", ("tallfestes", "egnet")),
        ("4-2", ("sammenliknes", "kjenner_egen", "kjenner_rangering")),
        ("4-3", ("faglig_frihet", "ansvarsomrader"))]
    assert cb.tables[0].caption == "Tabell 4-1 Synspunkt på målinger"
    assert "I" not in cb.interviewer_labels  # «I» is an informant in the sample


def test_codebook_valid_minimal():
    cb = parse_codebook(VALID, "x.yaml")
    assert [c.key for c in cb.codes] == ["tema", "tema.under"]
    assert cb.interviewer_labels == ("A", "I", "Intervjuer")


@pytest.mark.parametrize("old,new,expected", [
    ("    name: Tema\n", "    name: Tema\n    descripton: x\n",
     "x.yaml:4: key 'tema.descripton': unknown field; did you mean 'description'?"),
    ("    scale: jn\n", "    scale: ja_nei\n",
     "x.yaml:13: key 'questions.q1.scale': unknown scale 'ja_nei'"),
    ("    questions: [q1]\n", "    questions: [q1, q2]\n",
     "x.yaml:17: key 'tables.1.questions': unknown question 'q2'"),
    ("      - key: under\n", "      - key: under\n        name: A\n      - key: under\n",
     "key 'tema.under': duplicate code key (first on line 5)"),
    ("    name: Tema\n", "    name: Tema\n    name: Igjen\n",
     "x.yaml:4: key 'name': duplicate key in the same mapping"),
    ("  - key: tema\n", "  - key: Tema.X\n", "x.yaml:2: key 'Tema.X': invalid code key"),
    # issue 17: a language spaCy has no pipeline for was a traceback at ingest
    ("codes:\n", "language: klingon\ncodes:\n",
     "x.yaml:1: key 'language': unknown language 'klingon'; give a language code spaCy knows"),
])
def test_codebook_problem_is_located(old, new, expected):
    with pytest.raises(CodebookError) as e:
        parse_codebook(VALID.replace(old, new, 1), "x.yaml")
    assert expected in str(e.value)


def test_codebook_malformed_yaml_names_line():
    with pytest.raises(CodebookError) as e:
        parse_codebook("codes:\n  - key: a\n    name: [unclosed\n", "x.yaml")
    assert str(e.value).startswith("x.yaml:") and "malformed YAML" in str(e.value)


def test_codebook_not_a_mapping():
    with pytest.raises(CodebookError, match="must be a mapping"):
        parse_codebook("- a\n- b\n", "x.yaml")


def test_codebook_reports_all_problems_at_once():
    bad = VALID.replace("scale: jn", "scale: nope").replace("name: Under", "nme: Under")
    with pytest.raises(CodebookError) as e:
        parse_codebook(bad, "x.yaml")
    assert len(e.value.problems) == 3  # unknown field, missing name, unknown scale


def test_codebook_cli_error_is_one_line_and_nonzero(tmp_path):
    from typer.testing import CliRunner

    from qualmrs.cli import app

    bad = tmp_path / "bad.yaml"
    bad.write_text(VALID.replace("scale: jn", "scale: nope"), encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(tmp_path / "p.db"), "--codebook", str(bad)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {bad}:13: key 'questions.q1.scale'")
    assert not (tmp_path / "p.db").exists()


@pytest.mark.parametrize("extra,expected", [
    ("    patterns:\n      - [{LEMA: ikke}]\n",
     "x.yaml:5: key 'tema.patterns[0]': invalid pattern: [token 0 -> LEMA] Extra inputs are not permitted"),
    ("    patterns:\n      - {LEMMA: ikke}\n", "x.yaml:5: key 'tema.patterns[0]': invalid pattern"),
    ("    phrases: {a: b}\n", "x.yaml:4: key 'tema.phrases': expected a list of texts"),
])
def test_codebook_pattern_errors_name_file_and_key(extra, expected):
    text = VALID.replace("    name: Tema\n", "    name: Tema\n" + extra, 1)
    with pytest.raises(CodebookError) as e:
        parse_codebook(text, "x.yaml")
    assert expected in str(e.value)


def test_codebook_scale_cues_must_name_categories():
    text = VALID.replace("    categories: [Ja, Nei]\n",
                         "    categories: [Ja, Nei]\n    cues: {Jo: [jo]}\n    opposites: {Ja: Kanskje}\n")
    with pytest.raises(CodebookError) as e:
        parse_codebook(text, "x.yaml")
    assert "key 'scales.jn.cues.Jo': not a category" in str(e.value)
    assert "key 'scales.jn.opposites.Ja': 'Kanskje' is not a category" in str(e.value)


def test_codebook_every_theme_code_has_rule_patterns(codebook_path):
    cb = load_codebook(codebook_path)
    leaves = [c for c in cb.codes if not any(d.parent == c.key for d in cb.codes)]
    assert all(c.phrases or c.patterns for c in leaves), [c.key for c in leaves
                                                          if not (c.phrases or c.patterns)]
