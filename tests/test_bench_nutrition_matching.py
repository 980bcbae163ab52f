"""bench/nutrition.py's matching section runs on the real lines and SR28, and judges its samples
by the hand labels."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib

from .conftest import ROOT, shared


def test_the_matching_section_reports_its_figures() -> None:
    shared("data/usda-sr28/sr28asc.zip")
    shared("data/ingredients/ingredient_eval_3000.csv")
    argv = [sys.executable, str(ROOT / "bench" / "nutrition.py"), "--sections", "matching"]
    done = subprocess.run(
        [*argv, "--rounds", "1", "--json"], check=False, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)["matching"]
    assert figures["lines"] == 3000
    assert figures["table"] == "SQLite library"
    assert figures["match_lines_per_second"] > 0
    assert 0 < figures["high_confidence_share"] <= 1
    assert [s["seed"] for s in figures["samples"]] == [17, 18]
    for sample in figures["samples"]:
        assert "unlabelled" not in sample["verdicts"]
        assert sum(sample["verdicts"].values()) == 50


def test_every_label_names_foods_of_sr28_by_their_number() -> None:
    labels = tomllib.loads((ROOT / "bench" / "data" / "nutrition_labels.toml").read_text("utf-8"))
    assert len(labels) >= 97  # 50 + 50, three lines drawn by both seeds
    for label in labels.values():
        assert all(len(food) == 5 and food.isdigit() for food in label["accept"])
