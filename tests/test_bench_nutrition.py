"""bench/nutrition.py runs end to end on the real SR28 zip and reports every figure it promises."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT, shared


def test_the_nutrition_bench_runs() -> None:
    zipped = shared("data/usda-sr28/sr28asc.zip")
    argv = [sys.executable, str(ROOT / "bench" / "nutrition.py"), "--zip", str(zipped)]
    argv += ["--rounds", "1", "--backends", "sqlite", "--json"]
    done = subprocess.run(argv, check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)["import"]
    assert figures["read"]["foods"] == 8_789
    assert figures["read"]["measures"] == 15_438
    assert figures["read"]["ladle"]["best_s"] > 0 and figures["read"]["floor"]["best_s"] > 0
    store = figures["store"]["sqlite"]
    assert store["first"]["best_s"] > 0 and store["again"]["best_s"] > 0
    assert store["floor"]["best_s"] > 0
    assert figures["command"]["line"].startswith("imported 8789 foods (SR28) into sqlite:///")
    assert figures["goal_s"] == 30


def test_an_unknown_section_is_a_usage_error() -> None:
    argv = [sys.executable, str(ROOT / "bench" / "nutrition.py"), "--sections", "nope"]
    done = subprocess.run(argv, check=False, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "unknown section nope" in done.stderr
