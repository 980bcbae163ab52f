"""Recipe web pages: ladle against recipe-scrapers, agreement and speed in one run.

Run: ``uv run --no-sync python bench/pages.py [--json] [--limit N] [--rounds N]``.

For each of the 300 saved pages of ``../shared/data/recipe-pages/`` (one per site, each with
the output of recipe-scrapers' site scraper as expected JSON), three readers run on the page's
HTML and its host as URL:

- *recipe-scrapers*: ``scrape_html(html, org_url=URL, supported_only=False)`` then ``title()``,
  ``ingredients()`` and ``instructions_list()``: the peer, strings only;
- *ladle*: ``ladle.formats.html.read`` with site scrapers for the sites that read their pages
  their own way: the full recipe JSON (ingredient lines parsed, steps understood);
- *ladle --generic*: the same without any site scraper.

Agreement (``bench/_pages.py``): title, ingredients and instructions equal to the expected
JSON after whitespace normalisation, over the pages whose expected JSON has the field. Speed:
pages per second over the whole set, fastest of ``--rounds`` passes (default 1), after a
warm-up page.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from _pages import FIELDS, PAGES, Page, agreement, norm, pages
from ladle.errors import LadleError
from ladle.formats import ReadOptions, read_text
from ladle.ingredients import clear_cache
from ladle.model import Recipe


def _scrapers(page: Page, text: str) -> dict[str, bool | None]:
    from recipe_scrapers import scrape_html

    out: dict[str, Any] = {}
    try:
        scraper = scrape_html(text, org_url=page.url, supported_only=False)
    except Exception:
        return {f: (False if _has(page, f) else None) for f in FIELDS}
    for field, method in (
        ("title", "title"),
        ("ingredients", "ingredients"),
        ("instructions", "instructions_list"),
    ):
        try:
            out[field] = getattr(scraper, method)()
        except Exception:
            out[field] = None
    result: dict[str, bool | None] = {}
    expected = page.expected
    if "title" in expected:
        result["title"] = isinstance(out["title"], str) and norm(out["title"]) == norm(
            expected["title"]
        )
    if "ingredients" in expected:
        result["ingredients"] = isinstance(out["ingredients"], list) and [
            norm(x) for x in out["ingredients"]
        ] == [norm(x) for x in expected["ingredients"]]
    if "instructions_list" in expected:
        result["instructions"] = isinstance(out["instructions"], list) and [
            norm(x) for x in out["instructions"]
        ] == [norm(x) for x in expected["instructions_list"]]
    return result


def _has(page: Page, field: str) -> bool:
    return ("instructions_list" if field == "instructions" else field) in page.expected


def _ladle(generic: bool) -> Callable[[Page, str], dict[str, bool | None]]:
    def run(page: Page, text: str) -> dict[str, bool | None]:
        recipe: Recipe | None
        try:
            recipe = read_text(
                text, "html", str(page.html), options=ReadOptions(url=page.url, generic=generic)
            )[0]
        except LadleError:
            recipe = None
        return agreement(recipe, page.expected)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--rounds", type=int, default=1, help="passes; the fastest counts")
    args = parser.parse_args()
    if not PAGES.exists():
        print(f"bench/pages.py: {PAGES} is absent; put ../shared beside the checkout")
        return
    all_pages = list(pages())[: args.limit or None]
    texts = [p.text() for p in all_pages]
    readers = {
        "recipe-scrapers 15.13.0": _scrapers,
        "ladle": _ladle(False),
        "ladle --generic": _ladle(True),
    }
    figures: dict[str, dict[str, float]] = {}
    console = Console(stderr=True)
    with Progress(console=console, transient=True) as progress:
        for name, reader in readers.items():
            reader(all_pages[0], texts[0])  # warm-up: imports, models
            best = float("inf")
            counts = {f: [0, 0] for f in FIELDS}
            for _ in range(args.rounds):
                clear_cache()  # cold reads: no ingredient line is remembered from a round before
                task = progress.add_task(name, total=len(all_pages))
                start = time.perf_counter()
                results = []
                for page, text in zip(all_pages, texts, strict=True):
                    results.append(reader(page, text))
                    progress.advance(task)
                best = min(best, time.perf_counter() - start)
                progress.remove_task(task)
            for result in results:
                for field, ok in result.items():
                    if ok is not None:
                        counts[field][1] += 1
                        counts[field][0] += bool(ok)
            figures[name] = {
                "pages_per_s": round(len(all_pages) / best, 1),
                **{f"{f}_pct": round(100 * a / max(1, b), 1) for f, (a, b) in counts.items()},
                **{f"{f}_pages": b for f, (a, b) in counts.items()},
            }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    table = Table(title=f"{len(all_pages)} recipe pages: agreement with the expected output, speed")
    for column in ("reader", "title %", "ingredients %", "instructions %", "pages/s"):
        table.add_column(column, justify="right" if column != "reader" else "left")
    for name, f in figures.items():
        table.add_row(
            name,
            f"{f['title_pct']}",
            f"{f['ingredients_pct']}",
            f"{f['instructions_pct']}",
            f"{f['pages_per_s']}",
        )
    Console().print(table)
    base = figures["recipe-scrapers 15.13.0"]["pages_per_s"]
    Console().print(
        f"ladle's speed / recipe-scrapers': {figures['ladle']['pages_per_s'] / base:.2f}x"
    )


if __name__ == "__main__":
    main()
