"""How far two labellers agree on the same real steps, beside ladle against each of them.

Run: ``uv run --no-sync python bench/labels_agreement.py [--json]``.

``bench/data/steps-second.jsonl`` holds second labellings, made apart and without seeing the
first, of every step of the pages of sets of ``bench/data/steps.jsonl``: ``"set": "second"``
of the unseen and fresh sets (shared pages), ``"second-4"``, ``"second-5"`` and
``"second-6"`` of second-draw-4, -5 and -6 (pages of the second draw,
``bench/other_pages.py``), ``"second-7"`` of third-source (``bench/third_pages.py``),
``"second-8"`` of fourth-source (``bench/fourth_pages.py``); the sets whose pages are missing
are skipped with a message. Each is scored on its own. The figures of ``bench/steps.py``
score ladle against one labeller; this script scores the second labeller against the first
with the same comparisons (duration within half a minute, the same oven and internal
temperatures within 2°F, the same times set apart, equipment as sets with the first
labeller's as the truth, attention), and ladle against each. Where two careful labellers
agree less than a goal asks of ladle, the goal measures the labels as much as the reader.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import steps as bench

SECOND = bench.ROOT / "bench" / "data" / "steps-second.jsonl"


def pairs(
    first: Sequence[dict[str, Any]], second: Sequence[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The steps both labellers scored (headings of either left out), first label first."""
    by_key = {(r["page"], r["step"]): r for r in first}
    out = []
    for row in second:
        other = by_key.get((row["page"], row["step"]))
        if other is None or row.get("heading") or other.get("heading"):
            continue
        if other["sha"] != row["sha"]:
            raise SystemExit(f"{row['page']} step {row['step']}: the two labels hash other texts")
        out.append((other, row))
    return out


def agreement(matched: Sequence[tuple[dict[str, Any], dict[str, Any]]]) -> bench.Scores:
    """The second labeller scored against the first, as bench/steps.py scores ladle."""
    scores = bench.Scores()
    for truth, other in matched:
        scores.steps += 1
        time = None if other["duration"] is None else tuple(other["duration"])
        scores.duration += bench._same_range(time, truth["duration"])
        scores.apart += all((truth[k] is None) == (other[k] is None) for k in bench.TIMES_APART)
        scores.oven += bench._same_temps([float(t) for t in other["oven_f"]], truth["oven_f"])
        scores.internal += bench._same_temps(
            [float(t) for t in other["internal_f"]], truth["internal_f"]
        )
        scores.attention += other["attention"] == truth["attention"]
        a, b = set(truth["equipment"]), set(other["equipment"])
        scores.eq_true += len(a)
        scores.eq_found += len(b)
        scores.eq_right += len(a & b)
    return scores


# which sets of bench/data/steps.jsonl each second labelling covers
SECONDS = {
    "second": ("unseen", "fresh"),
    "second-4": ("second-draw-4",),
    "second-5": ("second-draw-5",),
    "second-6": ("second-draw-6",),
    "second-7": ("third-source",),
    "second-8": ("fourth-source",),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not bench.pages_dir().is_dir():
        print(f"skipped: {bench.pages_dir()} is missing (put ../shared beside the repository)")
        return 0
    labels = bench.load_labels()
    everything: dict[str, dict[str, dict[str, Any]]] = {}
    for name, covered in SECONDS.items():
        if set(covered) & set(bench.OTHER) and not bench.other_pages_dir().is_dir():
            print(f"{name} skipped: {bench.other_pages_dir()} is missing (bench/other_pages.py)")
            continue
        second = [r for r in bench.load_labels(SECOND) if r["set"] == name]
        pages = {r["page"] for r in second}
        if any(not bench.page_path(page).exists() for page in pages):
            print(f"{name} skipped: its pages are not in {bench.other_pages_dir()}")
            continue
        matched = pairs([r for r in labels if r["page"] in pages], second)
        everything[name] = {
            "labeller 2 vs 1": agreement(matched).summary(),
            "ladle vs labeller 1": bench.score([t for t, _ in matched]).summary(),
            "ladle vs labeller 2": bench.score([{**o, "set": name} for _, o in matched]).summary(),
        }
    if args.json:
        print(json.dumps(everything, indent=2))
        return 0
    for name, results in everything.items():
        print(f"{name} (a second labelling of {', '.join(SECONDS[name])})")
        fields = [f for f in next(iter(results.values())) if f != "stale_labels"]
        print(f"{'field':22}" + "".join(f"{n:>22}" for n in results))
        for f in fields:
            print(f"{f:22}" + "".join(f"{results[n][f]:>22}" for n in results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
