"""Random dinners: meals of shared pages drawn at random, planned as they come.

Run: ``uv run --no-sync python bench/random_dinners.py [--seed S ...] [-n N] [--size K]
[--json] [--list]`` (defaults: seeds 11, 12 and 13, 40 dinners of 3 pages each, 10 s a plan;
about 10 minutes). Progress goes to stderr, the figures to stdout.

The dinners of ``bench/dinners.py`` were composed by hand as a cook would; these are not.
Each one is ``size`` pages of ``../shared/data/recipe-pages/`` drawn with a seeded random
generator (the same seed draws the same dinners on any machine), planned for 19:30 in a
kitchen ladle assumes (no kitchen file: one oven, four burners, one cook), with no courses:
everything at once, which is often not how a cook would serve them. No labels: the checks are
the ones that need none.

- *planned*: a plan exists (and ladle's independent checker passed it);
- *hot in time*: every dish ladle itself calls hot leaves its last heat at most 20 minutes
  before serving, or is kept warm until then;
- *refusals with a fix*: a dinner with no plan whose explanation offers at least one fix the
  solver tried and found to work, against one that only says why none exists;
- *no steps*: a page read with no steps (nothing to plan for that dish).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dinners import HOT_WITHIN, NOW, p95, pages_dir

SERVE = datetime(2026, 1, 1, 19, 30)


@dataclass
class Drawn:
    """One random dinner and what came of it."""

    seed: int
    index: int
    pages: list[str]
    kind: str = ""  # one of KINDS
    detail: list[str] = field(default_factory=list)
    seconds: float = 0.0


def draw(seed: int, count: int, size: int) -> list[list[Path]]:
    """``count`` dinners of ``size`` distinct pages, the same for the same seed."""
    pages = sorted(pages_dir().glob("*.html"))
    rng = random.Random(seed)
    return [rng.sample(pages, size) for _ in range(count)]


def _off_heat(plan: Any, title: str) -> float | None:
    """Minutes between the dish's last heat and serving, None when it is kept warm or nothing
    heats it."""
    mine = [t for t in plan.tasks if t.recipe == title and t.step is not None]
    heat = [
        t
        for t in mine
        if t.kind != "hold"
        and any(u.resource != "refrigerator" and not u.resource.startswith("cook") for u in t.uses)
    ]
    held = [t for t in mine if t.kind == "hold"]
    if not heat or (held and max(t.end for t in held) >= SERVE - timedelta(minutes=HOT_WITHIN)):
        return None
    last: datetime = max(t.end for t in heat)
    return (SERVE - last).total_seconds() / 60


def run(seed: int, index: int, pages: list[Path], time_limit: float) -> Drawn:
    import ladle
    from ladle.errors import LadleError

    drawn = Drawn(seed, index, [p.stem for p in pages])
    try:
        recipes = [ladle.read(str(p))[0] for p in pages]
    except LadleError as exc:
        drawn.kind, drawn.detail = "error", [f"reading: {exc}"]
        return drawn
    if any(not r.steps for r in recipes):
        drawn.kind = "no steps"
        drawn.detail = [f"{r.title}: no steps read" for r in recipes if not r.steps]
        return drawn
    began = time.perf_counter()
    try:
        plan = ladle.plan(recipes, SERVE, None, now=NOW, time_limit=time_limit)
    except LadleError as exc:
        drawn.kind, drawn.detail = "error", [f"planning: {exc}"]
        return drawn
    drawn.seconds = time.perf_counter() - began
    if plan.status not in ("optimal", "feasible"):
        fixed = any(line.startswith("Fixes: ") for line in plan.explanation)
        drawn.kind = (
            "no answer in time"
            if plan.status == "unknown"
            else ("refused with a fix" if fixed else "refused")
        )
        drawn.detail = list(plan.explanation[:3])
        return drawn
    cold = []
    for dish in plan.dishes:
        if dish.serving != "hot":
            continue
        waited = _off_heat(plan, dish.recipe)
        if waited is not None and waited > HOT_WITHIN:
            cold.append(f"{dish.recipe}: off the heat {waited:.0f} minutes before serving")
    drawn.kind = "not hot" if cold else "planned"
    drawn.detail = cold
    return drawn


KINDS = (
    "planned",
    "not hot",
    "refused with a fix",
    "refused",
    "no answer in time",
    "no steps",
    "error",
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, nargs="+", default=[11, 12, 13])
    parser.add_argument("-n", type=int, default=40, help="dinners per seed")
    parser.add_argument("--size", type=int, default=3, help="pages per dinner")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--list", action="store_true", help="list every dinner that fails")
    args = parser.parse_args(argv)
    if not pages_dir().is_dir():
        print(f"skipped: {pages_dir()} is absent (../shared/data)", file=sys.stderr)
        return 0
    from rich.console import Console
    from rich.progress import Progress

    results: list[Drawn] = []
    with Progress(console=Console(stderr=True)) as progress:
        task = progress.add_task("random dinners", total=len(args.seed) * args.n)
        for seed in args.seed:
            for index, pages in enumerate(draw(seed, args.n, args.size)):
                results.append(run(seed, index, pages, args.time_limit))
                progress.advance(task)
    seconds = [r.seconds for r in results if r.seconds]
    summary: dict[str, Any] = {"dinners": len(results), **Counter(r.kind for r in results)}
    summary["median s"] = round(statistics.median(seconds), 3) if seconds else None
    summary["p95 s"] = round(p95(seconds), 3) if seconds else None
    if args.json:
        print(json.dumps({"summary": summary, "dinners": [r.__dict__ for r in results]}, indent=1))
        return 0
    print("| seed | dinners | " + " | ".join(KINDS) + " |")
    print("|---:|---:|" + "---:|" * len(KINDS))
    for seed in args.seed:
        mine = Counter(r.kind for r in results if r.seed == seed)
        row = " | ".join(str(mine.get(k, 0)) for k in KINDS)
        print(f"| {seed} | {sum(mine.values())} | {row} |")
    print()
    print(
        f"{summary.get('planned', 0)}/{len(results)} planned with every hot dish hot; plan "
        f"median {summary['median s']} s, p95 {summary['p95 s']} s."
    )
    if args.list:
        for r in results:
            if r.kind != "planned":
                print(f"- [{r.seed}:{r.index}] {r.kind}: {', '.join(r.pages)}")
                for line in r.detail:
                    print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
