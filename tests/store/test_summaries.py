"""Issue 17: summaries (the matrix of main points) are stored with history and origin."""

import sqlite3

import pytest

import qualmrs
from qualmrs.errors import QualmrsError
from qualmrs.store.schema import SCHEMA_VERSION


def _cell(project, case="B", theme="historikk"):
    q = project.study().matrix_quotes()
    return q[(q["case"] == case) & (q["column"] == theme)]["id"].tolist()


def _summaries(project, theme="historikk"):
    """The summaries of ``theme`` (the sample ships none of historikk)."""
    frame = project.summaries()
    return frame[frame["theme"] == theme]


@pytest.mark.parametrize("version", [4])
def test_summaries_a_store_before_summaries_migrates(sample_out, tmp_path, version):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(sample_out / "project.db")
    conn.execute(f"VACUUM INTO '{db}'")
    conn.close()
    with sqlite3.connect(db) as old:
        old.execute("DROP TABLE summaries")
        old.execute(f"UPDATE meta SET value='{version}' WHERE key='schema_version'")
    with qualmrs.open(db) as project:
        assert project.store.meta("schema_version") == str(SCHEMA_VERSION) == "5"
        assert project.summaries().empty
        ids = _cell(project)[:1]
        project.set_summary("B", "historikk", "BHO", "Var med fra før reformen.", ids)
        assert project.study().summaries().to_dict("records") == [
            {"case": "B", "theme": "historikk", "text": "Var med fra før reformen.",
             "quotes": ids}]


@pytest.mark.parametrize("text", ["Var med på hele reisen."])
def test_summaries_set_change_remove_are_steps_undo_takes_back(sample_project, text):
    ids = _cell(sample_project)
    sample_project.set_summary("B", "historikk", "BHO", text, ids[:2])
    sample_project.set_summary("B", "historikk", "BHO", text + " Husker trøyene.", ids[:1])
    assert sample_project.history(limit=1)["changes"].tolist() == ["summaries ~1"]
    sample_project.undo()
    (row,) = _summaries(sample_project).itertuples()
    assert (row.text, row.quotes) == (text, ids[:2])
    sample_project.set_summary("B", "historikk", "BHO", "")
    assert _summaries(sample_project).empty
    sample_project.undo()
    sample_project.undo()
    assert _summaries(sample_project).empty
    sample_project.redo()
    assert _summaries(sample_project)["text"].tolist() == [text]


@pytest.mark.parametrize("case,theme,quote_from,message", [
    ("B", "historikk", ("C", "historikk"), "is not a quote of case B on historikk"),
    ("B", "historikk", ("B", "frihet"), "is not a quote of case B on historikk"),
    ("B", "historik", None, "unknown theme 'historik'; did you mean 'historikk'"),
    ("X", "historikk", None, "unknown case 'X'"),
])
def test_summaries_refuse_quotes_of_another_cell(sample_project, case, theme, quote_from,
                                                  message):
    ids = _cell(sample_project, *quote_from)[:1] if quote_from else []
    with pytest.raises(QualmrsError, match=message):
        sample_project.set_summary(case, theme, "BHO", "Tekst.", ids)
    assert _summaries(sample_project).empty


def test_summaries_go_with_a_renamed_theme_and_a_renamed_coder(sample_project, tmp_path):
    from conftest import CODEBOOK

    before = _summaries(sample_project, "motivasjon")["text"].tolist()
    text = CODEBOOK.read_text(encoding="utf-8").replace(
        "  - key: motivasjon\n", "  - key: drivkraft\n    was: [motivasjon]\n", 1)
    (tmp_path / "ny.yaml").write_text(text, encoding="utf-8")
    sample_project.update_codebook(tmp_path / "ny.yaml")
    sample_project.rename_coder("BHO", "Berit")
    after = _summaries(sample_project, "drivkraft")
    assert len(before) == 4 and after["text"].tolist() == before
    assert set(after["coder"]) == {"Berit"} and _summaries(sample_project, "motivasjon").empty


def test_summaries_a_codebook_without_their_theme_is_refused(sample_project, tmp_path):
    from conftest import CODEBOOK

    sample_project.set_summary("B", "historikk", "BHO", "Var med før reformen.")
    text = CODEBOOK.read_text(encoding="utf-8")
    start = text.index("  - key: historikk\n")
    end = text.index("\nscales:")
    (tmp_path / "ny.yaml").write_text(text[:start] + text[end + 1:], encoding="utf-8")
    sample_project.uncode(sample_project.codings(code="historikk")["id"].tolist())
    with pytest.raises(QualmrsError, match="lacks codes that hold summaries: historikk"):
        sample_project.update_codebook(tmp_path / "ny.yaml")
    assert _summaries(sample_project)["text"].tolist() == ["Var med før reformen."]
