"""The labelled real dinners of ``bench/dinners.py`` (pages of ``../shared/data``), as tests:
every dev dinner planned, checked, hot food hot, raw meat cold, the same plan twice, dishes
named from their recipes; the held-out dinners hold a floor (how they were measured:
BENCHMARKS.md, "Real dinners")."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import dinners as bench

if not bench.pages_dir().is_dir():
    pytest.skip(
        f"no shared recipe pages at {bench.pages_dir()}: put ../shared/data beside the checkout",
        allow_module_level=True,
    )

DINNERS = bench.load_dinners()
HELD_OUT_FLOOR = 5  # of 5 held-out dinners pass every check (BENCHMARKS.md "Real dinners")


@cache
def result(name: str) -> Any:
    dinner = next(d for d in DINNERS if d["name"] == name)
    return bench.run(dinner, runs=0, time_limit=10)


@pytest.mark.parametrize("name", [d["name"] for d in DINNERS if d.get("set", "dev") == "dev"])
def test_a_dev_dinner_is_planned_as_a_cook_expects(name: str) -> None:
    outcome = result(name)
    assert not outcome.error, outcome.error
    failed = [check for check, ok in outcome.checks.items() if not ok]
    assert not failed, (failed, outcome.problems)


def test_the_held_out_dinners_hold_their_floor() -> None:
    held = [d["name"] for d in DINNERS if d.get("set") == "held-out"]
    passed = sum(result(name).ok for name in held)
    assert passed >= HELD_OUT_FLOOR, [(n, result(n).problems) for n in held]


def test_the_dinners_cover_what_the_issue_asks_for() -> None:
    covers = {c for d in DINNERS for c in d.get("covers", [])}
    for kind in ("braise or stew", "slow cooker", "pressure cooker", "baked dessert", "salad"):
        assert kind in covers
    assert sum(d.get("set", "dev") == "dev" for d in DINNERS) >= 10
