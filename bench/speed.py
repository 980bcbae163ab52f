"""Reading speed: the seed article after warm-up, and how fast ``ladle --help`` answers.

Run: ``uv run --no-sync python bench/speed.py [--json]`` (``make bench`` runs it).

- *seed article*: ``ladle.read()`` of ``../shared/seeds/honey-mustard-pork-belly.txt``
  (14 KB), after one warm-up read that loads the ingredient model; median and best of 30 reads,
  each with the ingredient-line memory cleared so every line is parsed again.
- *ladle --help*: wall time of ``python -m ladle --help`` in a fresh process, median of 10.
- *first read*: a fresh process that reads the seed article once, model loading included
  (``ladle parse SEED --json``), median of 3.
"""

from __future__ import annotations

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
        firsts = _wall(
            [sys.executable, "-m", "ladle", "parse", str(SEED), "--json"], 3, progress, "first read"
        )
    figures = {
        "seed_read_ms_median": round(statistics.median(reads) * 1000, 1),
        "seed_read_ms_best": round(min(reads) * 1000, 1),
        "seed_bytes": SEED.stat().st_size,
        "help_s_median": round(statistics.median(helps), 3),
        "first_read_s_median": round(statistics.median(firsts), 2),
    }
    if "--json" in sys.argv:
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
        "ladle parse SEED --json, fresh process (model load included)",
        f"{figures['first_read_s_median']} s",
        "",
    )
    Console().print(table)


if __name__ == "__main__":
    main()
