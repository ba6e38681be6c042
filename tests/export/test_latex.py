"""Issue 17: LaTeX tables escape their text and compile in pdflatex and XeLaTeX."""

import shutil
import subprocess

import pytest

from conftest import invoke
from qualmrs.export.latex import escape


@pytest.mark.parametrize("text,tex", [
    ("50 % & mer", r"50 \% \& mer"),
    ("kr 5 $ #1 a_b", r"kr 5 \$ \#1 a\_b"),
    ("{x} ~ ^ \\", r"\{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}"),
    ("«Målene» –\nøverst", "«Målene» – øverst"),
])
def test_latex_escape(text, tex):
    assert escape(text) == tex


PREAMBLES = {
    "pdflatex": "\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n",
    "xelatex": "",
}
NASTY = "50 % & _ # $ {} ~ ^ \\ «trøyer» æøå – …"


@pytest.fixture(scope="module")
def tex_fragments(sample_out, tmp_path_factory):
    """The sample's tables and matrices as LaTeX, one table with every special character."""
    out = tmp_path_factory.mktemp("tex")
    db = sample_out / "project.db"
    for args in (["tables", db, "--format", "tex", "--out", out],
                 ["matrix", db, "--out", out / "matrise", "--format", "tex"],
                 ["matrix", db, "--out", out / "hovedpunkter.tex", "--summaries"]):
        r = invoke(*args)
        assert r.exit_code == 0, r.output
    from qualmrs.export.latex import table
    from qualmrs.export.layout import Grid, plain

    (out / "nasty.tex").write_text(table(Grid(NASTY, "9-9", ["", NASTY], [[plain(NASTY),
                                                                         plain(NASTY)]]),
                                         NASTY), encoding="utf-8")
    return sorted(out.glob("*.tex"))


def test_latex_tables_are_booktabs_with_caption_and_label(tex_fragments):
    names = [p.name for p in tex_fragments]
    assert names == ["hovedpunkter.tex", "matrise.tex", "nasty.tex", "tabell_4-1.tex",
                     "tabell_4-2.tex", "tabell_4-3.tex"]
    text = tex_fragments[3].read_text(encoding="utf-8")
    for part in (r"\caption{Synspunkt på målinger}", r"\label{tab:4-1}", r"\toprule",
                 r"\midrule", r"\bottomrule", r"\textbf{N} & 8 & 8 \\"):
        assert part in text
    matrix = tex_fragments[1].read_text(encoding="utf-8")
    assert matrix.count(r"\begin{longtable}") == 2 and r"\endhead" in matrix
    assert "(+" in matrix


@pytest.mark.parametrize("engine", sorted(PREAMBLES))
def test_latex_compiles(tex_fragments, tmp_path, engine):
    if shutil.which(engine) is None:
        pytest.skip(f"{engine} is not installed (.ci/run installs texlive-latex-recommended "
                    "and texlive-xetex)")
    inputs = "\n".join(f"\\input{{{p}}}\n\\clearpage" for p in tex_fragments)
    (tmp_path / "thesis.tex").write_text(
        "\\documentclass{article}\n" + PREAMBLES[engine]
        + "\\usepackage[a4paper,landscape,margin=2cm]{geometry}\n"
        "\\usepackage{booktabs,longtable,array}\n\\begin{document}\n" + inputs
        + "\n\\end{document}\n", encoding="utf-8")
    for _ in range(2):  # longtable settles its column widths on the second run
        r = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error",
                            "thesis.tex"], cwd=tmp_path, capture_output=True, text=True,
                           timeout=300)
        assert r.returncode == 0, r.stdout[-3000:]
    log = (tmp_path / "thesis.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log and (tmp_path / "thesis.pdf").stat().st_size > 10_000
