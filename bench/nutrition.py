"""Nutrition: importing a whole USDA release into the library, and matching lines to its foods
(issue 16).

Run: ``uv run --no-sync python bench/nutrition.py [--rounds N] [--backends sqlite,postgresql]
[--json]`` (about a minute on 2 cores). Sections (``--sections``, all by default):

``import``: the whole SR28 ASCII release (``../shared/data/usda-sr28/sr28asc.zip``, 8,789 foods,
679,045 nutrient rows, 15,438 measures), each figure beside its *floor*, all from one run:

1. *Reading*: ``ladle.foods.usda.read_release`` against the floor of unzipping the five files
   and splitting them into lines, nothing parsed (best and median of ``--rounds``).
2. *Storing*, per backend: ``Library.import_foods`` of the release read, into a fresh library
   (the first import) and over that table (a second import, which replaces it), against the
   floor of the bare driver (``sqlite3``; ``psycopg``) deleting and inserting the same rows,
   JSON included, in one transaction on the same tables (best and median of ``--rounds``).
3. *The whole command*: ``python -m ladle nutrition import sr28asc.zip`` into a fresh SQLite
   library, a fresh process each time (interpreter start included): the user's wait. Goal:
   under 30 s.

``matching``: ``bench/nutrition_matching.py`` (its docstring says how): 3,000 real ingredient
lines matched against SR28 imported into a SQLite library, lines per second, the share matched
at high confidence, and two hand-labelled samples of 50 lines.

SQLite libraries live in a folder under /tmp removed after the run; PostgreSQL is a throwaway
cluster (``bench/library.py``'s ``Cluster``), skipped with a note when not installed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LADLE_SHARED", ROOT.parent / "shared"))
SR28 = SHARED / "data" / "usda-sr28" / "sr28asc.zip"
GOAL_S = 30.0
SQLITE, POSTGRES = "sqlite", "postgresql"

if TYPE_CHECKING:
    from ladle.foods.usda import Release


def _timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def _spread(samples: Sequence[float]) -> dict[str, float]:
    return {"best_s": min(samples), "median_s": statistics.median(samples)}


# -- import: reading ----------------------------------------------------------------------------


def read_floor(path: Path) -> int:
    """Unzip every file and split it into lines, parsing nothing; the number of lines."""
    lines = 0
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            lines += len(archive.read(info).splitlines())
    return lines


def bench_read(path: Path, rounds: int) -> tuple[dict[str, Any], Release]:
    from ladle.foods.usda import read_release

    release = read_release(path)  # warm: the modules loaded, the file in the page cache
    ladle_s = [_timed(lambda: read_release(path)) for _ in range(rounds)]
    floor_s = [_timed(lambda: read_floor(path)) for _ in range(rounds)]
    figures = {
        "release": release.name,
        "foods": len(release.foods),
        "measures": sum(len(f.portions) for f in release.foods),
        "nutrient_values": sum(len(f.per_100g) for f in release.foods),
        "lines": read_floor(path),
        "zip_mb": round(path.stat().st_size / 1e6, 2),
        "ladle": _spread(ladle_s),
        "floor": _spread(floor_s),
    }
    return figures, release


# -- import: storing ----------------------------------------------------------------------------

FOOD_SQL = (
    "INSERT INTO foods (id, position, description, food_group, refuse_percent, refuse, nutrients)"
    " VALUES ({0}, {0}, {0}, {0}, {0}, {0}, {0})"
)
PORTION_SQL = (
    "INSERT INTO food_portions (food_id, position, amount, measure, grams)"
    " VALUES ({0}, {0}, {0}, {0}, {0})"
)
DELETES = ["DELETE FROM food_portions", "DELETE FROM foods"]


def _rows(release: Release) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    foods = [
        (f.id, i, f.description, f.group, f.refuse_percent, f.refuse, json.dumps(dict(f.per_100g)))
        for i, f in enumerate(release.foods)
    ]
    portions = [
        (f.id, i, p.amount, p.measure, p.grams)
        for f in release.foods
        for i, p in enumerate(f.portions)
    ]
    return foods, portions


def floor_store(url: str, release: Release) -> None:
    """The bare driver: delete the food rows and insert the release's, in one transaction."""
    if url.startswith("sqlite:///"):
        db = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        try:
            db.execute("BEGIN IMMEDIATE")
            for statement in DELETES:
                db.execute(statement)
            foods, portions = _rows(release)
            db.executemany(FOOD_SQL.format("?"), foods)
            db.executemany(PORTION_SQL.format("?"), portions)
            db.execute("COMMIT")
        finally:
            db.close()
        return
    import psycopg

    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        for statement in DELETES:
            cursor.execute(statement)
        foods, portions = _rows(release)
        cursor.executemany(FOOD_SQL.format("%s"), foods)
        cursor.executemany(PORTION_SQL.format("%s"), portions)


def bench_store(fresh_url: Callable[[], str], release: Release, rounds: int) -> dict[str, Any]:
    """``Library.import_foods`` into a fresh library and again over its table, beside the bare
    driver's floor on the same tables."""
    from ladle.store import open_library

    first: list[float] = []
    again: list[float] = []
    floor: list[float] = []
    for _ in range(rounds):
        url = fresh_url()
        with open_library(url) as library:  # made (migrated) before it is timed
            first.append(_timed(partial(library.import_foods, release)))
            again.append(_timed(partial(library.import_foods, release)))
            stored = len(library.food_table().names())
        floor.append(_timed(partial(floor_store, url, release)))
    assert stored == len(release.foods)
    return {"first": _spread(first), "again": _spread(again), "floor": _spread(floor)}


# -- import: the whole command ------------------------------------------------------------------


def bench_command(path: Path, folder: Path, rounds: int) -> dict[str, Any]:
    samples: list[float] = []
    for round_ in range(rounds):
        url = f"sqlite:///{folder / f'command-{round_}.sqlite3'}"
        env = {**os.environ, "LADLE_DATABASE_URL": url}
        argv = [sys.executable, "-m", "ladle", "nutrition", "import", str(path)]
        began = time.perf_counter()
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        samples.append(time.perf_counter() - began)
        if done.returncode != 0:
            raise SystemExit(f"ladle nutrition import failed: {done.stderr.strip()}")
    return _spread(samples) | {"line": done.stderr.strip().splitlines()[-1]}


def bench_import(
    path: Path, *, rounds: int, backends: Sequence[str], folder: Path
) -> dict[str, Any]:
    """The ``import`` section: reading, storing per backend, the whole command."""
    read, release = bench_read(path, rounds)
    figures: dict[str, Any] = {"read": read, "store": {}}
    counter = iter(range(1_000_000))
    for backend in backends:
        if backend == SQLITE:

            def fresh() -> str:
                return f"sqlite:///{folder / f'library-{next(counter)}.sqlite3'}"

            figures["store"][SQLITE] = bench_store(fresh, release, rounds)
        elif backend == POSTGRES:
            figures["store"] |= _postgres_store(release, rounds, folder, figures)
    figures["command"] = bench_command(path, folder, rounds)
    figures["goal_s"] = GOAL_S
    return figures


def _postgres_store(
    release: Release, rounds: int, folder: Path, figures: dict[str, Any]
) -> dict[str, Any]:
    from library import Cluster, postgres_bin

    found = postgres_bin()
    if found is None:
        figures["postgresql_skipped"] = "PostgreSQL is not installed (apt-get install postgresql)"
        return {}
    cluster = Cluster(found, folder / "postgres")
    cluster.start()
    try:
        counter = iter(range(1_000_000))
        figures["postgresql_version"] = cluster.version()
        return {
            POSTGRES: bench_store(
                lambda: cluster.database(f"foods_{next(counter)}", fresh=True), release, rounds
            )
        }
    finally:
        cluster.stop(keep=False)


def render_import(console: Console, figures: dict[str, Any]) -> None:
    read = figures["read"]
    table = Table(
        "step", "ladle best / median", "floor best / median", "ladle ÷ floor",
        title=f"Importing {read['release']}: {read['foods']:,} foods, {read['lines']:,} lines, "
        f"{read['measures']:,} measures ({read['zip_mb']} MB zip)",
    )  # fmt: skip

    def row(label: str, ladle: dict[str, float], floor: dict[str, float] | None) -> None:
        table.add_row(
            label,
            f"{ladle['best_s']:.2f} / {ladle['median_s']:.2f} s",
            f"{floor['best_s']:.2f} / {floor['median_s']:.2f} s" if floor else "",
            f"{ladle['best_s'] / floor['best_s']:.1f}" if floor else "",
        )

    row("read_release", read["ladle"], read["floor"])
    for backend, store in figures["store"].items():
        row(f"import_foods, {backend}, first", store["first"], store["floor"])
        row(f"import_foods, {backend}, again", store["again"], store["floor"])
    command = figures["command"]
    row(f"ladle nutrition import (goal < {figures['goal_s']:.0f} s)", command, None)
    console.print(table)
    console.print(f"  {command['line']}")
    if "postgresql_skipped" in figures:
        console.print(f"PostgreSQL skipped: {figures['postgresql_skipped']}")


def bench_matching(rounds: int) -> dict[str, Any]:
    """The ``matching`` section: 3,000 real ingredient lines matched against SR28, and the
    hand-labelled samples (``bench/nutrition_matching.py``, whose docstring says how)."""
    from nutrition_matching import LINES
    from nutrition_matching import run as run_matching

    if not LINES.exists():
        return {"skipped": f"{LINES} is absent: put ladle's shared material at {SHARED}"}
    figures = run_matching(rounds)
    return {k: v for k, v in figures.items() if not k.startswith("_")}


def render_matching(console: Console, figures: dict[str, Any]) -> None:
    table = Table(title="Matching ingredient lines to SR28 foods", title_justify="left")
    table.add_column("figure")
    table.add_column("ladle", justify="right")
    n = figures["lines"]
    table.add_row("lines (parsed by ladle.parse_ingredient, not timed here)", f"{n:,}")
    table.add_row("index the table's names (Matcher)", f"{figures['index_seconds']:.3f} s")
    table.add_row("lines matched per second", f"{figures['match_lines_per_second']:,.0f}")
    table.add_row(
        "distinct names per second, no cache", f"{figures['uncached_names_per_second']:,.0f}"
    )
    high = figures["high_confidence_threshold"]
    table.add_row(
        f"share matched at confidence >= {high}", f"{figures['high_confidence_share']:.1%}"
    )
    table.add_row("share with no match", f"{figures['no_match_share']:.1%}")
    for sample in figures["samples"]:
        verdicts, sure = sample["verdicts"], sample["high_confidence_verdicts"]
        text = ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items()))
        table.add_row(f"hand-labelled sample, seed {sample['seed']} ({sample['what']})", text)
        text = ", ".join(f"{k} {v}" for k, v in sorted(sure.items()))
        table.add_row(f"  of which matched at confidence >= {high}", text)
    console.print(table)


SECTIONS = ("import", "matching")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sections", default=",".join(SECTIONS), help="import,matching (all by default)"
    )
    parser.add_argument("--zip", type=Path, default=SR28, help="the SR28 ASCII zip")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--backends", default=f"{SQLITE},{POSTGRES}")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args(argv)
    sections = [s for s in args.sections.split(",") if s]
    if unknown := set(sections) - set(SECTIONS):
        parser.error(f"unknown section {', '.join(sorted(unknown))}")
    if "import" in sections and not args.zip.exists():
        print(f"{args.zip} is absent: put ladle's shared material at {SHARED}", file=sys.stderr)
        return 1
    figures: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cores": os.cpu_count()},
    }
    with tempfile.TemporaryDirectory(prefix="ladle-bench-nutrition-", dir="/tmp") as folder:
        Path(folder).chmod(0o755)  # the postgres user reaches its cluster inside
        if "import" in sections:
            backends = [b for b in args.backends.split(",") if b]
            figures["import"] = bench_import(
                args.zip, rounds=args.rounds, backends=backends, folder=Path(folder)
            )
    if "matching" in sections:
        figures["matching"] = bench_matching(args.rounds)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    console = Console(width=None if sys.stdout.isatty() else 110)
    if "import" in figures:
        render_import(console, figures["import"])
    if "skipped" in figures.get("matching", {}):
        console.print(f"Matching skipped: {figures['matching']['skipped']}")
    elif "matching" in figures:
        render_matching(console, figures["matching"])
    given = " ".join(sys.argv[1:] if argv is None else argv)
    console.print(f"Reproduce: uv run --no-sync python bench/nutrition.py {given}".strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
