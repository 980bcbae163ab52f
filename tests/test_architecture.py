"""The habits of architecture.md, as tests: layers, module size, documented commands."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from ladle.cli import app

from .conftest import ROOT

SRC = ROOT / "src" / "ladle"


def test_import_layers_are_kept() -> None:
    """import-linter checks the layer contract in pyproject.toml."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout and "3 kept" in result.stdout


def test_modules_stay_small() -> None:
    for path in SRC.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 800, f"{path.relative_to(ROOT)} has {lines} lines: split it"


def test_functions_stay_short() -> None:
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                where = f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
                assert length <= 80, f"{where} has {length} lines: split it"


def test_only_the_front_ends_print() -> None:
    for path in SRC.rglob("*.py"):
        if path.name in {"cli.py", "console.py"}:
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*print\(", text, re.M), path


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [
        c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
    ]
    assert commands
    for command in commands:
        assert f"ladle {command}" in readme, f"README.md does not mention `ladle {command}`"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## ", 2)[1]
    assert "make demo" in quickstart and "make test" in quickstart
