"""Reading speed: the seed article after warm-up, the cold start, and ``ladle --help``.

Run: ``uv run --no-sync python bench/speed.py [--json] [--runs N]`` (``make bench`` runs it).

- *seed article*: ``ladle.read()`` of ``../shared/seeds/honey-mustard-pork-belly.txt``
  (14 KB), after one warm-up read that loads the ingredient model; median and best of 30 reads,
  each with the ingredient-line memory cleared so every line is parsed again.
- *ladle --help*: wall time of ``python -m ladle --help`` in a fresh process, median of 10.
- *first read* (the cold start): ``python -m ladle parse SEED --json`` in a fresh process, model
  loading included, median of ``--runs N`` runs (default 10), against the goal of under 1 s.
  One run goes first and does not count, so ladle's caches (the tagger's quick file, pint's
  definitions) are in place, as on any machine after its first run; its time is shown apart.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "honey-mustard-pork-belly.txt"
COLD_START_GOAL_S = 1.0


def _wall(args: list[str], runs: int, progress: Progress, label: str) -> list[float]:
    task = progress.add_task(label, total=runs)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        progress.advance(task)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description="ladle's reading speed")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--runs", type=int, default=10, help="fresh processes for the cold start")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not SEED.exists():
        sys.exit(f"bench/speed.py: {SEED} is absent; put ../shared beside the checkout")
    import ladle
    from ladle.ingredients import clear_cache

    with Progress(console=Console(stderr=True), transient=True) as progress:
        ladle.read(SEED)  # warm-up: loads the tagger and the CRF model
        task = progress.add_task("reading the seed article", total=30)
        reads = []
        for _ in range(30):
            clear_cache()  # the ten ingredient lines are parsed again each time: no remembering
            start = time.perf_counter()
            ladle.read(SEED)
            reads.append(time.perf_counter() - start)
            progress.advance(task)
        helps = _wall([sys.executable, "-m", "ladle", "--help"], 10, progress, "ladle --help")
        cold = [sys.executable, "-m", "ladle", "parse", str(SEED), "--json"]
        [filling] = _wall(cold, 1, progress, "first run (fills the caches)")
        firsts = _wall(cold, args.runs, progress, "cold start")
    figures = {
        "seed_read_ms_median": round(statistics.median(reads) * 1000, 1),
        "seed_read_ms_best": round(min(reads) * 1000, 1),
        "seed_bytes": SEED.stat().st_size,
        "help_s_median": round(statistics.median(helps), 3),
        "first_read_s_median": round(statistics.median(firsts), 3),
        "first_read_s_best": round(min(firsts), 3),
        "first_read_runs": len(firsts),
        "first_read_goal_s": COLD_START_GOAL_S,
        "cache_filling_run_s": round(filling, 3),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    table = Table(title="ladle reading speed")
    table.add_column("what")
    table.add_column("figure", justify="right")
    table.add_column("goal", justify="right")
    table.add_row(
        f"read the seed article ({figures['seed_bytes'] // 1024} KB), after warm-up, median",
        f"{figures['seed_read_ms_median']} ms",
        "< 50 ms",
    )
    table.add_row("  best of 30", f"{figures['seed_read_ms_best']} ms", "")
    table.add_row("ladle --help, fresh process, median", f"{figures['help_s_median']} s", "< 0.3 s")
    table.add_row(
        f"cold start: ladle parse SEED --json, median of {len(firsts)}",
        f"{figures['first_read_s_median']} s",
        f"< {COLD_START_GOAL_S:g} s",
    )
    table.add_row(f"  best of {len(firsts)}", f"{figures['first_read_s_best']} s", "")
    table.add_row(
        "  first run, not counted (writes caches if absent)",
        f"{figures['cache_filling_run_s']} s",
        "",
    )
    Console().print(table)


if __name__ == "__main__":
    main()
