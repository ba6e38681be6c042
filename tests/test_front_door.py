"""Issue 13: one front door for Python, documented, giving the thesis's numbers."""

import inspect
import re

import pytest

import qualmrs
from conftest import ROOT


def _public(obj):
    return [n for n, v in vars(obj).items() if not n.startswith("_") and callable(v)]


@pytest.mark.parametrize("name", [n for n in qualmrs.__all__ if n != "__version__"])
def test_front_door_every_public_name_has_a_docstring(name):
    obj = getattr(qualmrs, name)
    assert inspect.getdoc(obj), f"qualmrs.{name} has no docstring"


@pytest.mark.parametrize("cls,method", [(c, m) for c in (qualmrs.Project, qualmrs.Study)
                                        for m in _public(c)])
def test_front_door_every_method_has_a_docstring(cls, method):
    assert inspect.getdoc(getattr(cls, method)), f"{cls.__name__}.{method}"


def test_front_door_sample_gives_the_thesis_table(tmp_path):
    qualmrs.load_sample(tmp_path).close()
    with qualmrs.open(tmp_path / "project.db") as project:
        study = project.study()
        assert (study.coder, study.coder_reason) == ("BHO", "the only coder")
        t41 = study.table("4-1")
        assert t41.index.tolist() == ["Ja", "Nøytral", "Nei", "N"]
        assert t41["tallfestes"].tolist() == [8, 0, 0, 8] and t41["egnet"].tolist() == [8, 0, 0, 8]
        with pytest.raises(qualmrs.QualmrsError, match="no table '4-9'"):
            study.table("4-9")


def test_front_door_readme_and_notebook_use_only_the_door():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    python = readme[readme.index("## From Python"):readme.index("## Layout")]
    code = "\n".join(re.findall(r"```python\n(.*?)```", python, re.S))
    notebook = (ROOT / "notebooks" / "explore_themes.ipynb").read_text(encoding="utf-8")
    for text in (code, notebook):
        assert "qualmrs.open" in text or "load_sample" in text
        for old in ("open_project", "init_project", "from qualmrs import project",
                    "qualmrs.project"):
            assert old not in text, old
