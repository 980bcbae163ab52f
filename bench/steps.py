"""Labelled real steps: how well ladle understands what a step takes, heats, needs and asks.

Run: ``uv run --no-sync python bench/steps.py [--json] [--set SET] [--misses FIELD]``, SET one of
dev, held-out, unseen, fresh, fresh-2, fresh-3, other-dev, other-test, other-test-2,
other-test-3, other-test-4, other-test-5, second-draw, second-draw-2 to
second-draw-6, third-source and fourth-source to fourth-source-4.

The labels (``bench/data/steps.jsonl``; how they were made: ``bench/data/STEPS-LABELLING.md``)
hold, for every step of 212 of the shared pages (``../shared/data/recipe-pages/``), the step's
own duration, its lead / make-ahead / storage / repeated times, oven and internal temperatures,
equipment and attention, read by hand as a cook reads. The steps are the items of each page's
expected ``instructions_list``; ladle understands them in order, with the page's expected
ingredient lines (``ladle.steps.understand_steps``), so reading the page is not what is scored.
Six sets: ``dev`` (100 pages the rules were read against), ``held-out`` (15, never used to
shape a rule), ``unseen`` (the next 15 of the same draw, labelled later, never used to shape
a rule either), ``fresh``, ``fresh-2`` and ``fresh-3`` (19, 30 and 33 pages further on,
labelled apart, committed before ladle was run on them). ``other-dev``, ``other-test`` and
``other-test-2`` to ``other-test-5`` are 339 pages of sites the shared pages lack, every one
of the draw (``bench/other_pages.py`` draws them outside the repository, into
``../other-pages`` or ``LADLE_OTHER_PAGES``; without them these sets are skipped with a
message). ``second-draw`` is 80 pages of the second draw (``bench/other_pages.py --second``):
recipes never drawn before, of sites whose other pages may have been read; ``second-draw-2``,
``second-draw-3``, ``second-draw-4`` and ``second-draw-5`` the next 80 pages each of that
draw, and ``second-draw-6`` its last 28 (places 401–428: no site has another page left).
``third-source`` is 26 pages of a third source, the saved pages two other recipe apps test
their importers on (``bench/third_pages.py`` writes them beside the others);
``fourth-source`` 40 pages of a fourth, the saved pages of Recipya's importer tests (places
1–40 of ``bench/fourth_pages.py``), ``fourth-source-2`` to ``fourth-source-4`` the next 40
each (places 41–80, 81–120 and 121–160).
``all`` is dev and held-out; the other sets are scored beside them, not in them.

Fields, over the labelled steps (headings left out):

- *duration*: ladle's ``Step.time`` equals the label's ``[min, max]`` (both ends within half a
  minute, open ends alike), or both are none;
- *times apart*: for each of lead, make-ahead, storage and repeat, ladle has a duration of that
  role exactly when the label has that time;
- *oven* and *internal*: the °F of ladle's temperatures of that kind equal the label's list
  (within 2°F each, in order);
- *equipment*: precision, recall and F1 over all steps, each step's canonical names as a set;
- *attention*: equal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "steps.jsonl"
TIMES_APART = ("lead", "make_ahead", "storage", "repeat")
SETS = (
    "dev", "held-out", "unseen", "fresh", "fresh-2", "fresh-3", "other-dev", "other-test",
    "other-test-2", "other-test-3", "other-test-4", "other-test-5", "second-draw",
    "second-draw-2", "second-draw-3", "second-draw-4", "second-draw-5", "second-draw-6",
    "third-source", "fourth-source", "fourth-source-2", "fourth-source-3", "fourth-source-4",
)  # fmt: skip
# pages not among the shared pages (bench/other_pages.py draws them)
OTHER = (
    "other-dev", "other-test", "other-test-2", "other-test-3", "other-test-4", "other-test-5",
    "second-draw", "second-draw-2", "second-draw-3", "second-draw-4", "second-draw-5",
    "second-draw-6", "third-source", "fourth-source", "fourth-source-2", "fourth-source-3",
    "fourth-source-4",
)  # fmt: skip
# the script that writes a set's pages, when not bench/other_pages.py
_WRITTEN_BY = {
    "third-source": "bench/third_pages.py",
    "fourth-source": "bench/fourth_pages.py",
    "fourth-source-2": "bench/fourth_pages.py",
    "fourth-source-3": "bench/fourth_pages.py",
    "fourth-source-4": "bench/fourth_pages.py",
}
ALL = ("dev", "held-out")  # what "all" is made of
GOALS = {"duration": 0.95, "oven": 0.98, "equipment_f1": 0.90, "attention": 0.92}


def pages_dir() -> Path:
    import os

    shared = Path(os.environ.get("LADLE_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "recipe-pages"


def other_pages_dir() -> Path:
    """Where ``bench/other_pages.py`` wrote the pages of sites the shared pages lack."""
    import os

    return Path(os.environ.get("LADLE_OTHER_PAGES", ROOT.parent / "other-pages"))


def page_path(page: str) -> Path:
    shared = pages_dir() / f"{page}.json"
    return shared if shared.exists() else other_pages_dir() / f"{page}.json"


def sha(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@dataclass
class Scores:
    """Counts of agreement per field over a set of labelled steps."""

    steps: int = 0
    duration: int = 0
    apart: int = 0
    oven: int = 0
    internal: int = 0
    attention: int = 0
    eq_true: int = 0
    eq_found: int = 0
    eq_right: int = 0
    stale: int = 0  # labels whose step text changed since labelling
    misses: dict[str, list[str]] = field(default_factory=dict)

    def rate(self, name: str) -> float:
        return getattr(self, name) / self.steps if self.steps else 0.0

    def equipment(self) -> tuple[float, float, float]:
        p = self.eq_right / self.eq_found if self.eq_found else 0.0
        r = self.eq_right / self.eq_true if self.eq_true else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def summary(self) -> dict[str, float | int]:
        p, r, f1 = self.equipment()
        return {
            "steps": self.steps,
            "duration": round(self.rate("duration"), 4),
            "times_apart": round(self.rate("apart"), 4),
            "oven": round(self.rate("oven"), 4),
            "internal": round(self.rate("internal"), 4),
            "equipment_precision": round(p, 4),
            "equipment_recall": round(r, 4),
            "equipment_f1": round(f1, 4),
            "attention": round(self.rate("attention"), 4),
            "stale_labels": self.stale,
        }


def _same_range(got: tuple[float, float | None] | None, want: Sequence[Any] | None) -> bool:
    if got is None or want is None:
        return got is None and want is None
    low, high = got
    if abs(low - float(want[0])) > 0.5:
        return False
    if high is None or want[1] is None:
        return high is None and want[1] is None
    return abs(high - float(want[1])) <= 0.5


def _same_temps(got: Sequence[float], want: Sequence[Any]) -> bool:
    return len(got) == len(want) and all(
        abs(g - float(w)) <= 2 for g, w in zip(got, want, strict=True)
    )


def understood(page: str) -> list[Any]:
    """ladle's steps of a page's expected instructions, understood in order."""
    from ladle.errors import LadleError
    from ladle.ingredients import parse_ingredient
    from ladle.model import Ingredient
    from ladle.steps import understand_steps

    expected = json.loads(page_path(page).read_text("utf-8"))
    ingredients = []
    for line in expected.get("ingredients") or []:
        try:
            ingredients.append(parse_ingredient(line))
        except LadleError:
            ingredients.append(Ingredient(text=line, name=line))
    texts = expected.get("instructions_list") or []
    return list(zip(texts, understand_steps([(t, None) for t in texts], ingredients), strict=True))


def score(labels: Iterable[dict[str, Any]], keep_misses: bool = False) -> Scores:
    scores = Scores()
    by_page: dict[str, list[dict[str, Any]]] = {}
    for label in labels:
        by_page.setdefault(label["page"], []).append(label)
    for page, rows in by_page.items():
        steps = understood(page)
        for label in rows:
            if label.get("heading"):
                continue
            text, step = steps[label["step"]]
            if sha(text) != label["sha"]:
                scores.stale += 1
                continue
            _score_one(scores, label, step, f"{page}#{label['step']}", keep_misses)
    return scores


def _score_one(scores: Scores, label: dict[str, Any], step: Any, where: str, keep: bool) -> None:
    scores.steps += 1
    time = None if step.time is None else (step.time.min_minutes, step.time.max_minutes)
    checks = {
        "duration": _same_range(time, label["duration"]),
        "apart": all(
            any(d.role == kind for d in step.durations) == (label[kind] is not None)
            for kind in TIMES_APART
        ),
        "oven": _same_temps(
            [t.fahrenheit for t in step.temperatures if t.kind == "oven"], label["oven_f"]
        ),
        "internal": _same_temps(
            [t.fahrenheit for t in step.temperatures if t.kind == "internal"], label["internal_f"]
        ),
        "attention": step.attention == label["attention"],
    }
    for name, right in checks.items():
        if right:
            setattr(scores, name, getattr(scores, name) + 1)
        elif keep:
            got = {
                "duration": time,
                "apart": [(d.text, d.role) for d in step.durations],
                "oven": [t.text for t in step.temperatures],
                "internal": [t.text for t in step.temperatures],
                "attention": step.attention,
            }[name]
            want = {k: label[k] for k in TIMES_APART} if name == "apart" else label.get(name)
            if name in {"oven", "internal"}:
                want = label[f"{name}_f"]
            scores.misses.setdefault(name, []).append(f"{where}: ladle {got}, label {want}")
    truth, found = set(label["equipment"]), set(step.equipment)
    scores.eq_true += len(truth)
    scores.eq_found += len(found)
    scores.eq_right += len(truth & found)
    if keep and truth != found:
        scores.misses.setdefault("equipment", []).append(
            f"{where}: ladle {sorted(found)}, label {sorted(truth)}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--set", choices=SETS, default=None)
    parser.add_argument("--misses", default=None, help="list the misses of one field")
    args = parser.parse_args(argv)
    if not pages_dir().is_dir():
        print(f"skipped: {pages_dir()} is missing (put ../shared beside the repository)")
        return 0
    labels = load_labels()
    sets = [args.set] if args.set else [*SETS, "all"]
    results: dict[str, dict[str, float | int]] = {}
    for name in sets:
        if name in OTHER and not other_pages_dir().is_dir():
            print(f"{name} skipped: {other_pages_dir()} is missing (bench/other_pages.py)")
            continue
        chosen = [r for r in labels if r["set"] in (ALL if name == "all" else (name,))]
        if any(not page_path(page).exists() for page in {r["page"] for r in chosen}):
            how = _WRITTEN_BY.get(name, "bench/other_pages.py")
            print(f"{name} skipped: its pages are not in {other_pages_dir()} ({how})")
            continue
        scores = score(chosen, keep_misses=bool(args.misses))
        results[name] = scores.summary()
        if args.misses and name != "all":
            for line in scores.misses.get(args.misses, []):
                print(f"[{name}] {line}", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    fields = list(next(iter(results.values())))
    print(f"{'field':22}" + "".join(f"{n:>13}" for n in results))
    for f in fields:
        print(f"{f:22}" + "".join(f"{results[n][f]:>13}" for n in results))
    print("goals: " + ", ".join(f"{k} {v}" for k, v in GOALS.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
