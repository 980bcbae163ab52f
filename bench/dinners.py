"""Real dinners: ladle plans meals put together from the shared recipe pages, as a cook would.

Run: ``uv run --no-sync python bench/dinners.py [--set dev|held-out] [--json] [--runs N]
[--time-limit SECONDS]`` (defaults: both sets, 5 timed runs a dinner, 10 s). Progress goes to
stderr, a Markdown table to stdout.

The dinners (``bench/data/dinners.toml``; how they were composed and labelled:
``bench/data/DINNERS-LABELLING.md``) name 2–4 pages of ``../shared/data/recipe-pages/`` each,
with the serving time, the kitchen, and per dish how a cook serves it (hot, warm, room
temperature, cold), whether it handles raw meat, poultry or fish, its course and how many
minutes after the main course it comes to the table. Each page is read the way a user's
``ladle plan page.html …`` reads it (``ladle.read``), and planned with the labels' serving
times per dish (the user's menu), never with their temperatures (what ladle must work out).

Checks, per dinner:

- *planned*: a plan exists (optimal or feasible); ladle's own independent checker
  (``check_plan``) has passed it, or ``plan`` would have refused;
- *hot in time*: every dish labelled hot leaves its last heat at most 20 minutes before it is
  served, or waits held warm (a task that keeps it warm ends at serving);
- *raw meat*: for a dish labelled raw meat, no stretch of more than 2 hours between its first
  step and the start of its cooking, out of the refrigerator;
- *same plan*: two plans of the same dinner, JSON byte for byte;
- *serving*: the serving temperature ladle gives each dish equals the label's;
- *names*: every dish of the plan is named from its recipe's title, never an ingredient;
- *seconds*: wall time of ``ladle.plan`` (reading excluded), median and p95 over the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DINNERS = ROOT / "bench" / "data" / "dinners.toml"
HOT_WITHIN = 20  # minutes from leaving the heat to the table
RAW_OUT = 120  # minutes raw meat may spend out of the refrigerator
NOW = datetime(2026, 1, 1, 8, 0)  # "now" for every plan: long before any dinner


def pages_dir() -> Path:
    import os

    shared = Path(os.environ.get("LADLE_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "recipe-pages"


def load_dinners(path: Path = DINNERS) -> list[dict[str, Any]]:
    with path.open("rb") as handle:
        return list(tomllib.load(handle)["dinner"])


def kitchen_of(name: str) -> Any:
    from ladle.planning.kitchen import Kitchen, Oven

    if name == "default":
        return None  # no kitchen file
    if name == "pressure":
        return Kitchen(appliances=("pressure cooker",))
    if name == "slow":
        return Kitchen(appliances=("slow cooker",))
    if name == "big":
        return Kitchen(
            ovens=(Oven(name="oven"), Oven(name="second oven")),
            burners=6,
            appliances=("pressure cooker", "slow cooker", "air fryer"),
            cooks=2,
        )
    raise SystemExit(f"bench/data/dinners.toml: unknown kitchen {name!r}")


@dataclass
class Result:
    """What one dinner came to."""

    name: str
    set: str
    status: str = ""
    error: str = ""
    checks: dict[str, bool] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    serving_right: int = 0
    serving_total: int = 0
    seconds: list[float] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error and all(self.checks.values())


def _recipes(dinner: dict[str, Any]) -> list[Any]:
    import ladle

    return [ladle.read(str(pages_dir() / f"{d['page']}.html"))[0] for d in dinner["dish"]]


def _plan(dinner: dict[str, Any], recipes: list[Any], time_limit: float) -> Any:
    import ladle

    serve_at = datetime.fromisoformat(dinner["serve_at"])
    after = {i: int(d.get("serve_after", 0)) for i, d in enumerate(dinner["dish"])}
    return ladle.plan(
        recipes,
        serve_at,
        kitchen_of(dinner.get("kitchen", "default")),
        now=NOW,
        time_limit=time_limit,
        after={i: m for i, m in after.items() if m},
    )


def _heats(task: Any) -> bool:
    """The task keeps food on a heat: an oven, a burner or an appliance."""
    return any(
        u.resource != "refrigerator" and not u.resource.startswith("cook") for u in task.uses
    )


def _steps_of(plan: Any, recipe: Any) -> list[Any]:
    mine = (t for t in plan.tasks if t.recipe == recipe.title and t.step is not None)
    return sorted(mine, key=lambda t: (t.start, t.end))


def _hot_in_time(plan: Any, dish: dict[str, Any], recipe: Any, served: datetime) -> str | None:
    """None when the hot dish reaches the table hot, else what went wrong."""
    mine = _steps_of(plan, recipe)
    heat = [t for t in mine if _heats(t) and t.kind != "hold"]
    if not heat:
        return None  # nothing heats it: nothing to keep hot
    held = [t for t in mine if t.kind == "hold"]
    if held and max(t.end for t in held) >= served - timedelta(minutes=HOT_WITHIN):
        return None
    waited = (served - max(t.end for t in heat)).total_seconds() / 60
    if waited > HOT_WITHIN:
        return f"{dish['dish']}: off the heat {waited:.0f} minutes before it is served"
    return None


def _raw_meat(plan: Any, dish: dict[str, Any], recipe: Any) -> str | None:
    """None when raw meat spends at most 2 hours out of the refrigerator before cooking."""
    mine = _steps_of(plan, recipe)
    heat = [t for t in mine if _heats(t)]
    if not mine or not heat:
        return None
    first_heat = min(t.start for t in heat)
    out_since = mine[0].start
    worst = 0.0
    for task in mine:
        if task.start >= first_heat:
            break
        if any(u.resource == "refrigerator" for u in task.uses):
            worst = max(worst, (task.start - out_since).total_seconds() / 60)
            out_since = task.end
    worst = max(worst, (first_heat - out_since).total_seconds() / 60)
    if worst > RAW_OUT:
        return f"{dish['dish']}: raw for {worst:.0f} minutes out of the refrigerator"
    return None


def run(dinner: dict[str, Any], runs: int, time_limit: float) -> Result:
    from ladle.errors import LadleError

    result = Result(dinner["name"], dinner.get("set", "dev"))
    try:
        recipes = _recipes(dinner)
    except LadleError as exc:
        result.error = f"reading: {exc}"
        return result
    try:
        first = _plan(dinner, recipes, time_limit)
    except LadleError as exc:
        result.error = f"planning: {exc}"
        return result
    result.status = first.status
    planned = first.status in ("optimal", "feasible")
    result.checks["planned"] = planned
    if not planned:
        result.problems += first.explanation[:2]
    serve_at = datetime.fromisoformat(dinner["serve_at"])
    hot, raw = [], []
    for dish, recipe in zip(dinner["dish"], recipes, strict=True):
        served = serve_at + timedelta(minutes=int(dish.get("serve_after", 0)))
        if planned and dish["serving"] == "hot":
            hot.append(_hot_in_time(first, dish, recipe, served))
        if planned and dish.get("raw_meat"):
            raw.append(_raw_meat(first, dish, recipe))
        got = next((d.serving for d in first.dishes if d.recipe == recipe.title), None)
        result.serving_total += 1
        result.serving_right += got == dish["serving"]
    result.checks["hot in time"] = planned and not any(hot)
    result.checks["raw meat"] = planned and not any(raw)
    result.problems += [p for p in hot + raw if p]
    titles = {r.title for r in recipes}
    result.checks["names"] = all(
        t.dish is None or any(_named_from(t.dish, title) for title in titles) for t in first.tasks
    )
    second = _plan(dinner, recipes, time_limit)
    same = json.dumps(first.to_json(), sort_keys=True) == json.dumps(
        second.to_json(), sort_keys=True
    )
    result.checks["same plan"] = same
    for _ in range(runs):
        began = time.perf_counter()
        _plan(dinner, recipes, time_limit)
        result.seconds.append(time.perf_counter() - began)
    return result


def _named_from(dish: str, title: str) -> bool:
    words = {w.lower() for w in dish.split()}
    return bool(words) and words <= {w.lower() for w in title.split()}


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("dev", "held-out"))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--time-limit", type=float, default=10.0)
    args = parser.parse_args(argv)
    if not pages_dir().is_dir():
        print(f"skipped: {pages_dir()} is absent (../shared/data)", file=sys.stderr)
        return 0
    from rich.console import Console
    from rich.progress import Progress

    dinners = [d for d in load_dinners() if args.set in (None, d.get("set", "dev"))]
    results: list[Result] = []
    with Progress(console=Console(stderr=True)) as progress:
        task = progress.add_task("dinners", total=len(dinners))
        for dinner in dinners:
            results.append(run(dinner, args.runs, args.time_limit))
            progress.advance(task)
    seconds = [s for r in results for s in r.seconds]
    summary = {
        "dinners": len(results),
        "planned": sum(r.checks.get("planned", False) for r in results),
        "all checks": sum(r.ok for r in results),
        "serving right": sum(r.serving_right for r in results),
        "dishes": sum(r.serving_total for r in results),
        "median s": round(statistics.median(seconds), 3) if seconds else None,
        "p95 s": round(p95(seconds), 3) if seconds else None,
    }
    if args.json:
        print(json.dumps({"summary": summary, "dinners": [r.__dict__ for r in results]}, indent=1,
                         default=str))  # fmt: skip
        return 0
    checks = ["planned", "hot in time", "raw meat", "same plan", "names"]
    print("| dinner | set | status | " + " | ".join(checks) + " | serving | p95 s |")
    print("|---|---|---|" + "---|" * len(checks) + "---|---|")
    for r in results:
        marks = " | ".join(
            "yes" if r.checks.get(c) else ("—" if r.error else "**no**") for c in checks
        )
        print(
            f"| {r.name[:48]} | {r.set} | {r.status or r.error[:40]} | {marks} | "
            f"{r.serving_right}/{r.serving_total} | {p95(r.seconds):.2f} |"
        )
    print()
    print(
        f"{summary['planned']}/{summary['dinners']} planned, {summary['all checks']} pass every "
        f"check; serving temperature right for {summary['serving right']}/{summary['dishes']} "
        f"dishes; median {summary['median s']} s, p95 {summary['p95 s']} s a plan."
    )
    for r in results:
        for problem in ([r.error] if r.error else []) + r.problems:
            print(f"- {r.name[:40]}: {problem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
