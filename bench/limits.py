"""The largest inputs ladle accepts: time and memory, and how time grows as the input doubles.

Run: ``uv run --no-sync python bench/limits.py [--json] [--quick]`` (about 3 minutes; ``--quick``
runs each case at a quarter of its size). Each case runs at a quarter, a half and the whole of
its size, each in a fresh Python process (so its peak memory is its own), and reports wall
seconds, peak resident memory, and the ratio of times between each doubling (linear input
handling keeps it near 2).

Cases:

- *text*: a plain-text recipe with a 20 MB article (repeated sentences of a food blog around
  a short card), read with ``ladle.read_text``;
- *list*: a recipe of 200,000 ingredient lines, read and understood;
- *times*: one step of 10,000 time phrases ("simmer 5 minutes, then 6 minutes, …"),
  understood;
- *plan*: a meal of 60 recipes (roasts, stovetop dishes and salads) in a big kitchen, planned
  with a 20-second limit.

Bounds (stated here, checked by the run): text under 60 s; list under 300 s (each line goes
through the ingredient tagger, about a millisecond a line); times under 15 s (about a
millisecond a phrase); plan under 30 s
(a 20-second solve and the reading); every case under 2 GB; and every doubling of the input at
most 2.5 times the time (a little over 2 for noise and start-up), except the plan, whose
search is bounded by its time limit instead (scheduling is NP-hard: its time is not linear).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

CASES: dict[str, int] = {"text": 20_000_000, "list": 200_000, "times": 10_000, "plan": 60}
BOUNDS_S: dict[str, float] = {"text": 60.0, "list": 300.0, "times": 15.0, "plan": 30.0}
BOUND_MB = 2048
DOUBLING = 2.5

_BLOG = (
    "We made this on a rainy Sunday and the whole house smelled of thyme and butter. "
    "My grandmother always said a good roast needs patience more than skill. "
)


def _text(size: int) -> Any:
    from ladle.formats import read_text

    story = _BLOG * (size // len(_BLOG) + 1)
    text = (
        "Roast Chicken\n\n" + story[:size] + "\n\nServes 4\n\nIngredients\n1 chicken\n"
        "1 tbsp oil\n\nInstructions\n1. Roast at 425°F for 70 minutes.\n2. Rest and serve.\n"
    )
    return read_text(text, "text", "big.txt")


def _list(size: int) -> Any:
    from ladle.formats import read_text

    lines = "\n".join(f"{1 + i % 9} cups ingredient number {i}" for i in range(size))
    text = f"Big List\n\nIngredients\n{lines}\n\nInstructions\n1. Mix everything.\n"
    return read_text(text, "text", "list.txt")


def _times(size: int) -> Any:
    from ladle.formats import read_text

    step = "Simmer " + ", then ".join(f"{5 + i % 50} minutes" for i in range(size)) + "."
    text = f"Long Step\n\nIngredients\n1 cup water\n\nInstructions\n1. {step}\n"
    return read_text(text, "text", "times.txt")


def _recipe_text(n: int) -> str:
    kind = n % 3
    if kind == 0:
        return (
            f"Roast Vegetables No. {n}\n\nIngredients\n1 lb carrots\n1 tbsp oil\n\n"
            "Instructions\n1. Preheat the oven to 400°F.\n2. Toss the carrots with the oil.\n"
            "3. Roast for 30 minutes.\n4. Serve.\n"
        )
    if kind == 1:
        return (
            f"Buttered Peas No. {n}\n\nIngredients\n2 cups peas\n1 tbsp butter\n\n"
            "Instructions\n1. Simmer the peas in a saucepan for 5 minutes.\n"
            "2. Drain, stir in the butter and serve.\n"
        )
    return (
        f"Cucumber Salad No. {n}\n\nIngredients\n2 cucumbers\n1 tbsp vinegar\n\n"
        "Instructions\n1. Slice the cucumbers.\n2. Toss with the vinegar and chill for "
        "30 minutes.\n3. Serve cold.\n"
    )


def _plan(size: int) -> Any:
    from ladle.formats import read_text
    from ladle.planning.kitchen import Kitchen, Oven
    from ladle.planning.planner import plan

    recipes = [read_text(_recipe_text(n), "text", f"r{n}.txt")[0] for n in range(size)]
    kitchen = Kitchen(
        ovens=(Oven(racks=6), Oven(racks=6), Oven(racks=6)), burners=12, cooks=max(1, size // 8)
    )
    serve = datetime(2027, 1, 10, 19, 0)
    return plan(recipes, serve, kitchen, now=serve - timedelta(days=1), time_limit=20)


RUN: dict[str, Callable[[int], Any]] = {"text": _text, "list": _list, "times": _times,
                                        "plan": _plan}  # fmt: skip


def _one(case: str, size: int) -> None:
    """In this process: run one case once and print its seconds and peak memory."""
    RUN[case](max(1, size // 64))  # warm the imports up on a small input
    began = time.perf_counter()
    RUN[case](size)
    seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def _measure(case: str, size: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--one", case, str(size)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--one", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        _one(args.one[0], int(args.one[1]))
        return 0
    from rich.console import Console
    from rich.progress import Progress

    results: dict[str, list[dict[str, float]]] = {}
    with Progress(console=Console(stderr=True)) as progress:
        task = progress.add_task("limits", total=3 * len(CASES))
        for case, whole in CASES.items():
            full = whole // 4 if args.quick else whole
            for size in (full // 4, full // 2, full):
                row = _measure(case, size)
                row["size"] = size
                results.setdefault(case, []).append(row)
                progress.advance(task)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print("| case | sizes | seconds | peak MB | time ratio per doubling | bound | |")
    print("|---|---|---|---|---|---|---|")
    for case, rows in results.items():
        ratios = [b["seconds"] / max(a["seconds"], 1e-3) for a, b in pairwise(rows)]
        worst = max(ratios)
        ok = (
            rows[-1]["seconds"] <= BOUNDS_S[case]
            and rows[-1]["peak_mb"] <= BOUND_MB
            and (case == "plan" or worst <= DOUBLING or rows[-1]["seconds"] < 0.5)
        )
        sizes = " / ".join(format(int(r["size"]), ",") for r in rows)
        times = " / ".join(format(r["seconds"], ".2f") for r in rows)
        growth = ", ".join(format(x, ".2f") for x in ratios)
        verdict = "met" if ok else "**missed**"
        print(
            f"| {case} | {sizes} | {times} | {rows[-1]['peak_mb']:.0f} | {growth} | "
            f"{BOUNDS_S[case]:g} s, {BOUND_MB} MB | {verdict} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
