"""Golden cases: each input under tests/cases/ next to its expected output.

Regenerate with ``uv run --no-sync python scripts/regen_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest

from .conftest import CASES, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from regen_golden import expected_for

SCHEMA = json.loads((ROOT / "schema" / "recipe.schema.json").read_text(encoding="utf-8"))
INPUTS = sorted((CASES / "text").glob("*.txt"))


def test_there_are_enough_golden_texts() -> None:
    recipes = [p for p in INPUTS if p.with_suffix(".json").exists()]
    assert len(recipes) >= 12


@pytest.mark.parametrize("path", INPUTS, ids=[p.stem for p in INPUTS])
def test_golden(path: Path) -> None:
    suffix, content = expected_for(path)
    expected = path.with_suffix(suffix)
    assert expected.exists(), f"{expected.name} is missing: run scripts/regen_golden.py"
    if suffix == ".json":
        assert json.loads(content) == json.loads(expected.read_text(encoding="utf-8"))
        for document in json.loads(content):
            jsonschema.validate(document, SCHEMA)
    else:
        assert content == expected.read_text(encoding="utf-8")
