"""Stages import only what sits above them; only project.py and cli.py see the store."""

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "qualmrs"
ORDER = ["errors", "model", "shipped", "lang", "codebook", "ingest", "segment", "coding",
         "pseudonym", "store",
         "analyse", "export", "project", "sample", "cli", "web"]
# The web layer reaches the project only through the front door (issue 14).
WEB_MAY_IMPORT = {"errors", "model", "project"}
FORBIDDEN_FOR_STAGES = {"store", "project", "cli"}


def stage_of(path: Path) -> str:
    rel = path.relative_to(PKG).parts
    return rel[0].removesuffix(".py")


def imported_stages(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    depth = len(path.relative_to(PKG).parts) - 1
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            parts = (node.module or "").split(".")
            if node.level - 1 < depth:  # import inside the same stage
                continue
            yield parts[0] if parts[0] else None
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qualmrs."):
            yield node.module.split(".")[1]


@pytest.mark.parametrize("path", sorted(p for p in PKG.rglob("*.py")
                                        if stage_of(p) in ORDER), ids=str)
def test_layers_imports_go_one_way(path):
    stage = stage_of(path)
    for other in imported_stages(path):
        if other is None or other == stage:
            continue
        assert other in ORDER, other
        if stage not in ("project", "sample", "cli"):
            assert other not in FORBIDDEN_FOR_STAGES or (stage == "store" and other == "store"), \
                f"{path.name} imports {other}"
        if stage == "web":
            assert other in WEB_MAY_IMPORT, f"{path} imports {other}"
            continue
        if stage == "cli" and other == "web":
            continue  # `qualmrs serve` hands the project to the web layer
        if stage not in ("store",) and other != "store":
            assert ORDER.index(other) < ORDER.index(stage), f"{path} imports {other}"


def test_layers_only_the_cli_imports_typer():
    for path in PKG.rglob("*.py"):
        if "cli" not in path.relative_to(PKG).parts:
            assert "typer" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("framework", ["starlette", "jinja2", "uvicorn", "itsdangerous"])
def test_layers_only_the_web_layer_imports_the_web_framework(framework):
    for path in PKG.rglob("*.py"):
        if "web" not in path.relative_to(PKG).parts:
            text = path.read_text(encoding="utf-8")
            assert f"import {framework}" not in text and f"from {framework}" not in text, path
