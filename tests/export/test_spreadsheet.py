"""Text that starts like a formula stays text in every .xlsx and .csv writer (issue 12)."""

import pandas as pd
import pytest

from conftest import csv_values, xlsx_values
from qualmrs.coding.csvfile import neutralise, restore
from qualmrs.export import frames, write_matrix, write_table

FORMULAS = ['=HYPERLINK("http://x","klikk")', "=cmd|' /C calc'!A0", "+47 22 00 00 00",
            "-1 er for lite", "@SUM(1+1)", "\tinnrykk", "\rretur"]


@pytest.mark.parametrize("text", FORMULAS)
def test_spreadsheet_neutralise_prefixes_formulas(text):
    assert neutralise(text) == "'" + text and restore(neutralise(text)) == text


@pytest.mark.parametrize("text", ["", "hei", "'hei'", "a=b", " =ikke", "'=x", "''-y", "'@z"])
def test_spreadsheet_restore_undoes_neutralise(text):
    assert restore(neutralise(text)) == text
    assert (neutralise(text) != text) == text.lstrip("'").startswith(("=", "+", "-", "@"))


@pytest.fixture
def frame():
    # not "\rretur": Python 3.11's csv writer leaves a field with a CR unquoted; stored text
    # has none (normalised to \n)
    return pd.DataFrame({"text": FORMULAS[:-1], "n": range(6), "kappa": [-0.25] * 6})


@pytest.mark.parametrize("index", [False, True])
def test_spreadsheet_frame_xlsx_text_is_never_a_formula(frame, tmp_path, index):
    values = xlsx_values(frames.write(frame, tmp_path / "f.xlsx", "xlsx", index))
    assert set(FORMULAS[:-1]) <= set(values)
    assert values.count(-0.25) == 6 and 5 in values  # numbers stay numbers


@pytest.mark.parametrize("index", [False, True])
def test_spreadsheet_frame_csv_neutralised(frame, tmp_path, index):
    values = csv_values(frames.write(frame, tmp_path / "f.csv", "csv", index).read_text("utf-8"))
    assert {"'" + t for t in FORMULAS[:-1]} <= set(values)
    assert values.count("-0.25") == 6  # a negative number is not a formula


@pytest.fixture
def frequency():
    f = pd.DataFrame({"q": [1, 2, 3]}, index=pd.Index(["=JA()", "-", "N"], name="category"))
    f.attrs.update(id="9-1", caption="=Tabell()", headers={"q": "@Spørsmål"})
    return f


def test_spreadsheet_frequency_table_xlsx_and_csv(frequency, tmp_path):
    values = xlsx_values(write_table(frequency, "xlsx", tmp_path))
    assert {"=Tabell()", "@Spørsmål", "=JA()", "-", 1, 3} <= set(values)
    values = csv_values(write_table(frequency, "csv", tmp_path).read_text("utf-8"))
    assert values[:2] == ["category", "q"] and {"'=JA()", "'-", "N", "3"} <= set(values)


@pytest.fixture
def theme_matrix():
    m = pd.DataFrame({"motivasjon": [[FORMULAS[0], "vanlig"], []]},
                     index=pd.Index(["-X", "=Y"], name="case"))
    m.attrs["names"] = {"motivasjon": "=Motivasjon"}
    return m


def test_spreadsheet_matrix_xlsx_and_csv(theme_matrix, tmp_path):
    counts = pd.DataFrame({"-X": [2]}, index=pd.Index(["motivasjon"], name="code"))
    values = xlsx_values(write_matrix(theme_matrix, tmp_path / "m.xlsx", counts))
    assert {"=Motivasjon", "=Y", f"{FORMULAS[0]}\n\nvanlig", 2} <= set(values)
    values = csv_values(write_matrix(theme_matrix, tmp_path / "m.csv").read_text("utf-8"))
    assert {"'-X", "'=Y", f"'{FORMULAS[0]}\n\nvanlig"} <= set(values)
