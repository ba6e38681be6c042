"""Stages import only what sits above them; only project.py and cli.py see the store."""

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "qualmrs"
ORDER = ["errors", "model", "shipped", "lang", "codebook", "ingest", "segment", "coding",
         "pseudonym", "store",
         "analyse", "export", "project", "sample", "cli"]
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
        if stage not in ("store",) and other != "store":
            assert ORDER.index(other) < ORDER.index(stage), f"{path} imports {other}"


def test_layers_only_the_cli_imports_typer():
    for path in PKG.rglob("*.py"):
        if "cli" not in path.relative_to(PKG).parts:
            assert "typer" not in path.read_text(encoding="utf-8"), path
