"""The labelled steps (bench/data/steps.jsonl, bench/steps.py): the labels stay whole and tied
to the pages' text, and ladle does not fall below the figures of BENCHMARKS.md."""

from __future__ import annotations

import json
import sys

import pytest

from .conftest import ROOT, shared

sys.path.insert(0, str(ROOT / "bench"))
import steps as bench

LABELS = bench.load_labels()


def test_the_labels_are_300_steps_from_35_pages_or_more() -> None:
    scored = [r for r in LABELS if not r.get("heading")]
    assert len(scored) >= 300
    assert len({r["page"] for r in LABELS}) >= 35
    sets = {"dev", "held-out", "unseen", "fresh", "fresh-2", "fresh-3", *bench.OTHER}
    assert {r["set"] for r in LABELS} == sets
    assert set(bench.SETS) == sets


def test_the_labels_hold_no_page_text() -> None:
    for row in LABELS:
        assert set(row) <= {
            "page", "step", "sha", "set", "heading", "duration", "lead", "make_ahead",
            "storage", "repeat", "oven_f", "internal_f", "equipment", "attention", "note",
        }  # fmt: skip
        assert len(row.get("note", "")) <= 80


@pytest.fixture(scope="module")
def pages() -> None:
    shared("data/recipe-pages")  # a skip (a failure in CI) when the pages are absent


def test_the_other_sites_labels_match_their_steps_text() -> None:
    """The pages of other sites are not in ../shared: bench/other_pages.py draws them, and
    bench/third_pages.py writes the pages of the third source."""
    if not bench.other_pages_dir().is_dir():
        pytest.skip(f"{bench.other_pages_dir()} is missing: run bench/other_pages.py")
    missing = []
    for page in {r["page"] for r in LABELS if r["set"] in bench.OTHER}:
        if not bench.page_path(page).exists():
            missing.append(page)
            continue
        texts = json.loads(bench.page_path(page).read_text("utf-8"))["instructions_list"]
        rows = [r for r in LABELS if r["page"] == page]
        assert sorted(r["step"] for r in rows) == list(range(len(texts))), page
        for row in rows:
            assert bench.sha(texts[row["step"]]) == row["sha"], (page, row["step"])
    if missing:
        pytest.skip(f"{len(missing)} pages missing, e.g. {min(missing)}: run bench/third_pages.py")


@pytest.mark.usefixtures("pages")
def test_every_label_matches_its_steps_text() -> None:
    for page in {r["page"] for r in LABELS if r["set"] not in bench.OTHER}:
        expected = json.loads((bench.pages_dir() / f"{page}.json").read_text("utf-8"))
        texts = expected["instructions_list"]
        rows = [r for r in LABELS if r["page"] == page]
        assert sorted(r["step"] for r in rows) == list(range(len(texts))), page
        for row in rows:
            assert bench.sha(texts[row["step"]]) == row["sha"], (page, row["step"])


# The figures of BENCHMARKS.md ("Labelled steps"), over the 856 steps of the dev and held-out
# pages ("all"; 2026-12-07, eighth round: 98.6%, 99.9%, 0.947, 94.6%); a change that
# lowers one fails here. The goals of issue 11 (0.95, 0.98, 0.90, 0.92) are met over them.
FLOORS = {"duration": 0.985, "times_apart": 0.99, "oven": 0.995, "equipment_f1": 0.946,
          "attention": 0.946}  # fmt: skip
# The unseen pages (places 46-60 of the draw, 94 steps), as measured right after they were
# labelled on 2026-12-06: a fresh estimate for sites never seen, kept as floors.
UNSEEN_FLOORS = {"duration": 0.9574, "times_apart": 1.0, "oven": 0.9787, "internal": 0.9894,
                 "equipment_f1": 0.9132, "attention": 0.9362}  # fmt: skip


@pytest.mark.usefixtures("pages")
@pytest.mark.parametrize(
    ("sets", "floors"), [(bench.ALL, FLOORS), (("unseen",), UNSEEN_FLOORS)], ids=["all", "unseen"]
)
def test_ladle_keeps_its_figures_on_the_labelled_steps(
    sets: tuple[str, ...], floors: dict[str, float]
) -> None:
    summary = bench.score([r for r in LABELS if r["set"] in sets]).summary()
    assert summary["stale_labels"] == 0
    low = {k: summary[k] for k, floor in floors.items() if summary[k] < floor}
    assert not low, f"below the floor: {low} (floors {floors})"


@pytest.mark.usefixtures("pages")
def test_the_second_labels_cover_their_pages_and_the_same_texts() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import labels_agreement as agreement

    everything = bench.load_labels(agreement.SECOND)
    assert {r["set"] for r in everything} == set(agreement.SECONDS)
    for name, covered in agreement.SECONDS.items():
        pages = {r["page"] for r in everything if r["set"] == name}
        assert pages == {r["page"] for r in LABELS if r["set"] in covered}, name
    second = [r for r in everything if r["set"] == "second"]
    pages = {r["page"] for r in second}
    matched = agreement.pairs([r for r in LABELS if r["page"] in pages], second)
    assert len(matched) >= 200
    scores = agreement.agreement(matched).summary()
    assert scores["steps"] == len(matched)
    assert 0 < scores["equipment_f1"] <= 1
