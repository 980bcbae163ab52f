"""Ingredient lines: ladle's parser against ingredient-parser-nlp, accuracy and speed in one run.

Both parsers read the 3,000 labelled lines of ``../shared/data/ingredients/
ingredient_eval_3000.csv`` (see SOURCE.md beside it; the file is not part of ladle):

(a) ``ladle.ingredients.parse_ingredient`` (the library plus ladle's post-processing), and
(b) ``ingredient_parser.parse_ingredient`` called directly, with the options ladle uses
    (``separate_names=False``, so a line's names stay one string in both).

Both use the same offline tagger (:func:`ladle.tagger.ensure_offline_tagger`; NLTK's official
tagger cannot be downloaded here) and are warmed up before timing. They are timed chunk by chunk
(100 lines), in turns over the same lines, so drifts of the machine touch both alike; which one
goes first alternates from chunk to chunk, as the library caches per-token work (stems, pint
units) that the second would otherwise find ready. With ``--rounds N`` (default 3) every chunk
is timed N times and its fastest time counts, as :mod:`timeit` does (noise only ever adds time);
the answers scored are those of the first round. Only the parse calls are timed: ladle's time
includes turning the library's answer into an ``Ingredient`` (ladle's overhead); reducing either
answer to what the scorer compares is not timed. Lines per second = lines / summed chunk times.

**Line accuracy** is the share of lines whose quantity, unit and name are all right under one
lenient scorer, the same for both parsers (``bench/_scoring.py``, also used by the tests):

* units compare after :func:`ladle.units.canonical_unit` and without the words that qualify a
  unit ("heaping", "small"), so "tbsp" == "tablespoon" and gold "heaping cup" is "cup";
* names compare case-insensitively, ignoring punctuation, each word singularised;
* quantities compare numerically (``#1$2`` = 0.5, ``4#1$2`` = 4.5, ranges ``1-2`` both ends);
* **lines with several amounts**: the *first* amount decides. The parser's primary amount (ladle:
  ``quantity``/``quantity_max``/``unit``; the library: its first amount, a composite amount
  counted as its total in its first unit) must match the first gold quantity token, or the total
  of the first two when they form one amount ("1 lb 2 oz" = 1.125 lb); its unit must be the first
  or the last gold unit (the last being the container of "1 14-ounce can"). Further amounts
  ("125g/4½oz": the 4½ oz) are not scored, for either parser;
* a line whose gold has no quantity must get none, except 1 when it has a unit ("pinch of salt"
  is one pinch); no unit is right when the gold has more quantities than units ("6 tomatoes
  (about 2 lb)").

Run: ``uv run --no-sync python bench/ingredients.py [--json] [--rounds N] [--limit N]
[--failures N]`` (``--failures``: list lines ladle gets wrong, with gold and answer).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from _scoring import DATA, GoldLine, Prediction, Score, from_ingredient, gold_lines, score
from ladle.ingredients import clear_cache
from ladle.ingredients import parse_ingredient as ladle_parse
from ladle.tagger import ensure_offline_tagger
from ladle.units import canonical_unit

LADLE = "ladle"
LIBRARY = "ingredient-parser-nlp"
CHUNK = 100
WARM_UP = ("2 tbsp olive oil", "125g/4½oz butter, softened", "1 lb 2 oz flour", "salt to taste")


@dataclass(slots=True)
class Result:
    """One parser's answers and the time it spent parsing."""

    predictions: list[Prediction]
    seconds: float = 0.0
    failures: int = 0


def _number(value: object) -> float | None:
    if isinstance(value, Fraction | int | float) and not isinstance(value, bool):
        return float(value)
    return None  # the library's words ("few") are no number


def library_prediction(parsed: Any) -> Prediction:
    """The library's ParsedIngredient as a prediction (first part's unit for composites)."""
    amounts: list[tuple[float | None, float | None, str | None]] = []
    for amount in parsed.amount:
        parts = getattr(amount, "amounts", None)
        if parts:  # "1 lb 2 oz": its total, in the unit of its first part
            unit = str(parts[0].unit)
            try:
                total: float | None = float(amount.convert_to(unit).magnitude)
            except Exception:  # parts the library cannot add: the first one
                total = _number(parts[0].quantity)
            amounts.append((total, total, canonical_unit(unit)))
            continue
        low = _number(amount.quantity)
        high = _number(amount.quantity_max)
        amounts.append((low, high if high is not None else low, canonical_unit(str(amount.unit))))
    name = " ".join(n.text for n in parsed.name) or None
    return Prediction(name=name, amounts=amounts)


def _library() -> Callable[[str], Any]:
    ensure_offline_tagger()
    from ingredient_parser import parse_ingredient

    def parse(line: str) -> Any:
        return parse_ingredient(line, separate_names=False)

    return parse


def _time_chunk(parse: Callable[[str], Any], chunk: Sequence[str]) -> tuple[float, list[Any]]:
    answers: list[Any] = []
    began = time.perf_counter()
    for text in chunk:
        try:
            answers.append(parse(text))
        except Exception:  # a failure is a wrong line, not a crash
            answers.append(None)
    return time.perf_counter() - began, answers


def run(lines: Sequence[GoldLine], console: Console, rounds: int = 1) -> dict[str, Result]:
    """Parse every line with both parsers, in turns, chunk by chunk, ``rounds`` times."""
    library = _library()
    parsers: dict[str, Callable[[str], Any]] = {LADLE: ladle_parse, LIBRARY: library}
    for parse in parsers.values():  # load models, fill caches
        for text in WARM_UP:
            parse(text)
    chunks = [[line.text for line in lines[i : i + CHUNK]] for i in range(0, len(lines), CHUNK)]
    raw: dict[str, list[Any]] = {name: [] for name in parsers}
    best: dict[str, list[float]] = {name: [math.inf] * len(chunks) for name in parsers}
    columns = (
        TextColumn("{task.description:<22}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    # No refresh thread: it would take turns with the parsers for the interpreter.
    with Progress(*columns, console=console, auto_refresh=False) as progress:
        tasks = {name: progress.add_task(name, total=len(lines) * rounds) for name in parsers}
        for round_ in range(rounds):
            for number, chunk in enumerate(chunks):
                turns = list(parsers.items())
                if number % 2:  # the library caches stems and units: take turns going first
                    turns.reverse()
                for name, parse in turns:
                    if name == LADLE:
                        clear_cache()  # ladle remembers lines it read: time cold reads only
                    seconds, answers = _time_chunk(parse, chunk)
                    best[name][number] = min(best[name][number], seconds)
                    if round_ == 0:
                        raw[name].extend(answers)
                    progress.advance(tasks[name], len(chunk))
                progress.refresh()
    results = {name: Result(predictions=[], seconds=sum(best[name])) for name in parsers}
    for name, answers in raw.items():
        convert = from_ingredient if name == LADLE else library_prediction
        result = results[name]
        for answer in answers:
            if answer is None:
                result.failures += 1
                result.predictions.append(Prediction(name=None))
            else:
                result.predictions.append(convert(answer))
    return results


def figures(lines: Sequence[GoldLine], result: Result) -> dict[str, float | int]:
    scores = [score(gold, p) for gold, p in zip(lines, result.predictions, strict=True)]
    total = len(scores)

    def share(test: Callable[[Score], bool]) -> float:
        return round(100.0 * sum(map(test, scores)) / total, 2)

    return {
        "line_accuracy": share(lambda s: s.line),
        "quantity_accuracy": share(lambda s: s.quantity),
        "unit_accuracy": share(lambda s: s.unit),
        "name_accuracy": share(lambda s: s.name),
        "lines_per_second": round(total / result.seconds, 1),
        "errors": result.failures,
    }


def show_failures(
    lines: Sequence[GoldLine], predictions: Sequence[Prediction], count: int, console: Console
) -> None:
    shown = 0
    for gold, prediction in zip(lines, predictions, strict=True):
        verdict = score(gold, prediction)
        if verdict.line or shown >= count:
            continue
        shown += 1
        wrong = ",".join(
            field
            for field, ok in (("q", verdict.quantity), ("u", verdict.unit), ("n", verdict.name))
            if not ok
        )
        console.print(
            f"{gold.id} {wrong} {gold.text!r}\n"
            f"    gold: name={gold.name!r} quantity={gold.quantity!r} unit={gold.unit!r}\n"
            f"    got:  name={prediction.name!r} amounts={list(prediction.amounts)!r}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--limit", type=int, default=None, help="only the first N lines")
    parser.add_argument("--failures", type=int, default=0, help="show N lines ladle gets wrong")
    parser.add_argument(
        "--rounds", type=int, default=3, help="time each chunk N times, keep the fastest"
    )
    args = parser.parse_args(argv)

    console = Console(stderr=args.json)
    if not DATA.is_file():
        reason = f"skipped: {DATA} is absent (../shared beside the repository, or $LADLE_SHARED)"
        if args.json:
            print(json.dumps({"skipped": reason}))
        else:
            console.print(reason)
        return 0

    lines = gold_lines()[: args.limit]
    results = run(lines, console, max(1, args.rounds))
    report = {name: figures(lines, result) for name, result in results.items()}
    ratio = round(
        float(report[LADLE]["lines_per_second"]) / float(report[LIBRARY]["lines_per_second"]), 3
    )

    if args.json:
        document = {
            "data": str(DATA),
            "lines": len(lines),
            "rounds": max(1, args.rounds),
            "parsers": report,
            "speed_ratio": ratio,
        }
        print(json.dumps(document, indent=2))
    else:
        table = Table(title=f"{len(lines)} ingredient lines: line accuracy and speed")
        table.add_column("parser", no_wrap=True)
        for header in ("line %", "qty %", "unit %", "name %", "lines/s", "errors"):
            table.add_column(header, justify="right")
        for name, row in report.items():
            table.add_row(
                name,
                f"{row['line_accuracy']:.2f}",
                f"{row['quantity_accuracy']:.2f}",
                f"{row['unit_accuracy']:.2f}",
                f"{row['name_accuracy']:.2f}",
                f"{row['lines_per_second']:.0f}",
                str(row["errors"]),
            )
        console.print(table)
        console.print(f"ladle's speed / the library's: {ratio:.3f}x")
    if args.failures:
        show_failures(lines, results[LADLE].predictions, args.failures, console)
    return 0


if __name__ == "__main__":
    sys.exit(main())
