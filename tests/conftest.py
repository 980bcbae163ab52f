"""Shared test helpers: where ../shared lives, and the texts tests read from it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LADLE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "honey-mustard-pork-belly.txt"
CASES = ROOT / "tests" / "cases"


def shared(relative: str) -> Path:
    """A file of ../shared, or a skip that says what is missing and where it was looked for."""
    path = SHARED / relative
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI runs with ../shared beside the checkout")
        pytest.skip(f"{path} is absent: put ladle's shared test material at {SHARED}")
    return path
