"""The exploration notebook runs top to bottom with nothing from outside the repository."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_notebook_explore_themes_runs():
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(ROOT / "notebooks" / "explore_themes.ipynb", as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = str(outputs)
    assert "Tabell 4-1 Synspunkt på målinger" in text and "image/png" in text
