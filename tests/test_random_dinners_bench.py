"""bench/random_dinners.py: the same seed draws the same dinners, and each dinner comes to one
of the kinds the figures count."""

from __future__ import annotations

import sys

from .conftest import ROOT, shared

sys.path.insert(0, str(ROOT / "bench"))
import random_dinners as bench


def test_a_seed_draws_the_same_dinners_of_distinct_pages() -> None:
    shared("data/recipe-pages")
    first, again = bench.draw(11, 5, 3), bench.draw(11, 5, 3)
    assert first == again
    assert all(len(set(pages)) == 3 for pages in first)
    assert bench.draw(12, 5, 3) != first


def test_a_dinner_comes_to_one_kind_with_its_reasons() -> None:
    shared("data/recipe-pages")
    (pages,) = bench.draw(5, 1, 2)
    drawn = bench.run(5, 0, pages, time_limit=10.0)
    assert drawn.kind in bench.KINDS
    assert drawn.pages == [p.stem for p in pages]
    assert (drawn.kind == "planned") == (not drawn.detail)
