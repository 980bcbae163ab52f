"""Cooklang parsing speed: ladle's parser beside cooklang-py and the official parser's bindings.

Run: ``uv run --no-sync python bench/cooklang_parsers.py [--json] [--rounds N]``.

- *Cases*: the 60 cases of the Cooklang specification's canonical tests
  (``../shared/data/cooklang/canonical.yaml``; the script says so and stops when it is absent).
- *Parsers*: ``ladle.formats.cooklang_parse.parse`` (the canonical structure ladle's Cooklang
  reader starts from), ``cooklang_py.Recipe`` (cooklang-py, pure Python) and ``cooklang.parse``
  (cooklang-bindings, the reference Rust parser cooklang-rs through UniFFI), each called the way
  its documentation shows. A parser that raises on a case is timed raising.
- *Timing*: a round parses every case 100 times with each parser in turn, so the three share
  the machine's conditions; the figure is the round's time per case in µs, median (and best)
  of the rounds.
- *Passes*: each parser's result on each case, converted to the canonical structure (steps of
  text, ingredient, cookware and timer items; metadata), against the case's ``result``: every
  key the canonical file states must match, adjacent text items are merged first.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("LADLE_SHARED", ROOT.parent / "shared"))
CANONICAL = SHARED / "data" / "cooklang" / "canonical.yaml"
REPEATS = 100
DEFAULTS = {"ingredient": "some", "cookware": 1, "timer": ""}

Canonical = dict[str, Any]


def _import(name: str) -> Any:
    """A module by name, never one of bench/: bench/ is on sys.path when a script runs."""
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
    return importlib.import_module(name)


def _number(value: Any) -> Any:
    if isinstance(value, Fraction | Decimal):
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


def _merged(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in items:
        if item["type"] == "text" and out and out[-1]["type"] == "text":
            out[-1] = {"type": "text", "value": out[-1]["value"] + item["value"]}
        else:
            out.append(item)
    return out


# --- each parser's result as the canonical structure --------------------------------------------


def _ladle(parse: Callable[[str], Any]) -> Callable[[str], Canonical]:
    def convert(source: str) -> Canonical:
        result: Canonical = parse(source).canonical()
        return result

    return convert


def _cooklang_py(module: Any) -> Callable[[str], Canonical]:
    kinds = {"Ingredient": "ingredient", "Cookware": "cookware", "Timing": "timer"}

    def convert(source: str) -> Canonical:
        recipe = module.Recipe(source)
        steps = []
        for step in recipe.steps:
            items: list[dict[str, Any]] = []
            for part in step:
                if isinstance(part, str):
                    items.append({"type": "text", "value": part})
                    continue
                kind = kinds[type(part).__name__]
                quantity = part.quantity
                if not quantity:
                    amount, units = DEFAULTS[kind], ""
                else:
                    amount, units = _number(quantity.amount), quantity.unit
                items.append({"type": kind, "name": part.name, "quantity": amount, "units": units})
            steps.append(_merged(items))
        return {"steps": steps, "metadata": dict(recipe.metadata._parsed)}

    return convert


def _bindings(module: Any) -> Callable[[str], Canonical]:
    kinds = {"IngredientRef": "ingredient", "CookwareRef": "cookware", "TimerRef": "timer"}

    def convert(source: str) -> Canonical:
        recipe = module.parse(source)
        steps = []
        for section in recipe.sections:
            for step in section.steps:
                items: list[dict[str, Any]] = []
                for item in step.items:
                    name = type(item).__name__
                    if name == "TextItem":
                        items.append({"type": "text", "value": item.value})
                        continue
                    kind = kinds[name]
                    component = getattr(item, kind)
                    quantity = component.quantity
                    if quantity is None or quantity.value is None:
                        amount: Any = DEFAULTS[kind]
                    elif isinstance(quantity.value, int | float | str):
                        amount = quantity.value
                    else:
                        amount = str(quantity.value)
                    units = (quantity.unit or "") if quantity is not None else ""
                    items.append(
                        {
                            "type": kind,
                            "name": component.name or "",
                            "quantity": amount,
                            "units": units,
                        }
                    )
                steps.append(_merged(items))
        metadata = {
            key: value if isinstance(value, int | float | str) else list(value)
            for key, value in recipe.metadata.items()
        }
        return {"steps": steps, "metadata": metadata}

    return convert


def same(got: Canonical, expected: Canonical) -> bool:
    """Whether a result says what the canonical file states (its keys; extra keys allowed)."""
    if got["metadata"] != expected["metadata"] or len(got["steps"]) != len(expected["steps"]):
        return False
    for mine, theirs in zip(got["steps"], expected["steps"], strict=True):
        if len(mine) != len(theirs):
            return False
        for item, wanted in zip(mine, theirs, strict=True):
            if any(item.get(key) != value for key, value in wanted.items()):
                return False
    return True


def _passes(convert: Callable[[str], Canonical], cases: dict[str, Any]) -> list[str]:
    """The names of the cases a parser gets wrong (or raises on)."""
    failing = []
    for name, case in cases.items():
        try:
            ok = same(convert(case["source"]), case["result"])
        except Exception:  # any failure of a foreign parser is a failed case
            ok = False
        if not ok:
            failing.append(name)
    return failing


def _time(parse: Callable[[str], Any], sources: list[str]) -> float:
    """Microseconds per case of one round: every case parsed REPEATS times."""
    repeats = range(REPEATS)
    start = time.perf_counter()
    for source in sources:
        for _ in repeats:
            try:
                parse(source)
            except Exception:  # timed like a success (a with-suppress() block costs more)
                continue
    return (time.perf_counter() - start) / (len(sources) * REPEATS) * 1e6


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--json", action="store_true", help="print the figures as JSON")
    options.add_argument("--rounds", type=int, default=5, help="timed rounds (default 5)")
    args = options.parse_args()
    if not CANONICAL.exists():
        print(
            f"bench/cooklang_parsers.py: skipped, {CANONICAL} is absent "
            "(put ladle's shared test material beside the checkout or set LADLE_SHARED)",
            file=sys.stderr,
        )
        return

    yaml = _import("yaml")
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    from ladle import __version__ as ladle_version
    from ladle.formats.cooklang_parse import parse

    cases: dict[str, Any] = yaml.safe_load(CANONICAL.read_text(encoding="utf-8"))["tests"]
    sources = [case["source"] for case in cases.values()]
    cooklang_py = _import("cooklang_py")
    bindings = _import("cooklang")
    parsers: dict[str, tuple[str, Callable[[str], Any], Callable[[str], Canonical]]] = {
        "ladle": (f"ladle {ladle_version}", parse, _ladle(parse)),
        "cooklang-py": (
            f"cooklang-py {version('cooklang-py')}",
            cooklang_py.Recipe,
            _cooklang_py(cooklang_py),
        ),
        "cooklang-bindings": (
            f"cooklang-bindings {version('cooklang-bindings')}",
            bindings.parse,
            _bindings(bindings),
        ),
    }
    for _, call, _ in parsers.values():  # warm-up: lazy tables, first-call costs
        for source in sources:
            with contextlib.suppress(Exception):
                call(source)
    rounds: dict[str, list[float]] = {name: [] for name in parsers}
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(
            f"{len(sources)} cases × {REPEATS} parses × {len(parsers)} parsers",
            total=args.rounds * len(parsers),
        )
        for _ in range(args.rounds):
            for name, (_, call, _) in parsers.items():
                rounds[name].append(_time(call, sources))
                progress.advance(task)
    figures: dict[str, Any] = {
        "cases": len(sources),
        "cooklang_rs": bindings.UPSTREAM_VERSION,
        "parses_per_case_per_round": REPEATS,
        "rounds": args.rounds,
        "parsers": {},
    }
    for name, (label, _, convert) in parsers.items():
        failing = _passes(convert, cases)
        figures["parsers"][name] = {
            "version": label,
            "us_per_case_median": round(statistics.median(rounds[name]), 2),
            "us_per_case_best": round(min(rounds[name]), 2),
            "passes": len(cases) - len(failing),
            "failing": failing,
        }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    table = Table(
        title=f"Cooklang: {len(sources)} canonical cases × {REPEATS} parses, {args.rounds} rounds",
        caption=f"µs per case, median and best round; cooklang-bindings wraps cooklang-rs "
        f"{bindings.UPSTREAM_VERSION}",
    )
    table.add_column("parser", no_wrap=True)
    for column in ("µs/case", "best", "÷ ladle", "passes"):
        table.add_column(column, justify="right", no_wrap=True)
    base = figures["parsers"]["ladle"]["us_per_case_median"]
    for figure in figures["parsers"].values():
        table.add_row(
            figure["version"],
            f"{figure['us_per_case_median']:.1f}",
            f"{figure['us_per_case_best']:.1f}",
            f"{figure['us_per_case_median'] / base:.1f}×",
            f"{figure['passes']}/{len(cases)}",
        )
    Console().print(table)


if __name__ == "__main__":
    main()
