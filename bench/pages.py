"""Recipe web pages: ladle against recipe-scrapers, agreement and speed in one run.

Run: ``uv run --no-sync python bench/pages.py [--json] [--limit N] [--rounds N]``.

For each of the 300 saved pages of ``../shared/data/recipe-pages/`` (one per site, each with
the output of recipe-scrapers' site scraper as expected JSON), three readers run on the page's
HTML and its host as URL:

- *recipe-scrapers*: ``scrape_html(html, org_url=URL, supported_only=False)`` then ``title()``,
  ``ingredients()`` and ``instructions_list()``: the peer, strings only; its
  ``ingredient_groups()`` is asked for after, and timed apart;
- *ladle*: ``ladle.formats.read_drafts(html, "html", ..., options=ReadOptions(url=URL))``
  then ``ladle.understand.understand`` (what ``read_text`` does), with site scrapers for the
  sites that read their pages their own way: the full recipe (ingredient lines parsed, groups,
  yield, steps understood, the article read); the time of the drafts alone (title, lines and
  steps as text: what recipe-scrapers gives) is kept beside it;
- *ladle --generic*: the same with ``ReadOptions(generic=True)``, without any site scraper.

Agreement (``bench/_pages.py``): title, ingredients and instructions equal to the expected
JSON after whitespace normalisation, over the pages whose expected JSON has the field;
ingredient groups over the pages with two or more expected groups (recipe-scrapers' own
``ingredient_groups()`` too); the yield over the pages with an expected yield, strictly
(servings as servings, an amount as an amount) and on the number alone; and, apart, the yield
on the pages whose schema.org data gives none, where a reader must find it in the card or the
text.

Speed, paired page by page: each page is read by each reader in turn, the reader that goes
first rotating from page to page and from round to round, so that a busy spell of the machine
falls on all three alike. Every read is timed alone. Before it, untimed, the garbage of the
read before is collected and what is alive is frozen out of the collector's sight
(``gc.freeze``), and for ladle its memory of ingredient lines is cleared: each ladle read is
cold, even in a later round. The read's time runs until its own garbage is collected (the
peer's BeautifulSoup trees are reference cycles that only the collector frees). A reader's
time on a page is its best of ``--rounds`` (default 3; each round a pass over all pages); its
speed is the pages over the sum of those bests. The ratio of two readers is the ratio of
those sums, and beside it the median of the per-page ratios. One untimed read of the first
page by each reader comes first (imports, models). recipe-scrapers' time is that of
``scrape_html`` and the three methods, as before; its speed with ``ingredient_groups()``
(which ladle's reading includes) is reported beside it, and so is ladle's reading alone.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from _pages import (
    FIELDS,
    PAGES,
    Groups,
    Page,
    agreement,
    expected_yield,
    groups_agree,
    groups_agreement,
    norm,
    pages,
    schema_yield,
    yield_agreement,
)
from ladle.errors import LadleError
from ladle.formats import ReadOptions, read_drafts
from ladle.ingredients import clear_cache
from ladle.model import Recipe
from ladle.understand import understand

PEER = "recipe-scrapers 15.13.0"
LADLE = "ladle"
GENERIC = "ladle --generic"
READERS = (PEER, LADLE, GENERIC)


@dataclass(slots=True)
class PeerOutput:
    """What recipe-scrapers returned for a page (None: the call raised)."""

    read: bool
    title: Any = None
    ingredients: Any = None
    instructions: Any = None
    groups: Groups | None = None


@dataclass(slots=True)
class Timing:
    """A reader's best time per page over the rounds; for the peer, also with its groups."""

    best: list[float]
    best_with_groups: list[float] = field(default_factory=list)
    best_reading: list[float] = field(default_factory=list)  # ladle: the drafts alone


def _peer_core(page: Page, text: str) -> tuple[Any, PeerOutput]:
    from recipe_scrapers import scrape_html

    try:
        scraper = scrape_html(text, org_url=page.url, supported_only=False)
    except Exception:
        return None, PeerOutput(read=False)
    out = PeerOutput(read=True)
    for name, method in (
        ("title", "title"),
        ("ingredients", "ingredients"),
        ("instructions", "instructions_list"),
    ):
        try:
            setattr(out, name, getattr(scraper, method)())
        except Exception:
            setattr(out, name, None)
    return scraper, out


def _peer_groups(scraper: Any) -> Groups | None:
    if scraper is None:
        return None
    try:
        return [(g.purpose, list(g.ingredients)) for g in scraper.ingredient_groups()]
    except Exception:
        return None


def _peer_agreement(page: Page, out: PeerOutput) -> dict[str, bool | None]:
    expected = page.expected
    if not out.read:
        return {f: (False if _has(page, f) else None) for f in FIELDS}
    result: dict[str, bool | None] = {}
    if "title" in expected:
        result["title"] = isinstance(out.title, str) and norm(out.title) == norm(expected["title"])
    if "ingredients" in expected:
        result["ingredients"] = isinstance(out.ingredients, list) and [
            norm(x) for x in out.ingredients
        ] == [norm(x) for x in expected["ingredients"]]
    if "instructions_list" in expected:
        result["instructions"] = isinstance(out.instructions, list) and [
            norm(x) for x in out.instructions
        ] == [norm(x) for x in expected["instructions_list"]]
    return result


def _has(page: Page, field: str) -> bool:
    return ("instructions_list" if field == "instructions" else field) in page.expected


Reader = Callable[[Page, str], tuple[Recipe | None, float]]


def _ladle(generic: bool) -> Reader:
    """ladle's reader: the recipe, and the seconds its reading took before understanding
    (the drafts: title, lines, steps as text, what recipe-scrapers gives)."""

    def run(page: Page, text: str) -> tuple[Recipe | None, float]:
        options = ReadOptions(url=page.url, generic=generic)
        start = time.perf_counter()
        try:
            drafts = read_drafts(text, "html", str(page.html), options=options)
        except LadleError:
            return None, time.perf_counter() - start
        reading = time.perf_counter() - start
        return understand(drafts[0]), reading

    return run


def _settle() -> None:
    """Untimed, before a read: the garbage of the read before is collected, and what is alive
    now (models, tables, the outputs kept) is frozen out of the collector's sight, so that the
    read's own collection scans only what the read made."""
    gc.collect()
    gc.freeze()


def _time_peer(page: Page, text: str) -> tuple[float, float, PeerOutput]:
    """recipe-scrapers' time on a page, without and with ``ingredient_groups()``, each with the
    collection of the garbage it leaves (BeautifulSoup's trees are cycles: only the collector
    frees them), and its output."""
    _settle()
    start = time.perf_counter()
    scraper, out = _peer_core(page, text)
    core = time.perf_counter()
    out.groups = _peer_groups(scraper)
    groups = time.perf_counter()
    del scraper
    gc.collect()
    end = time.perf_counter()
    return (core - start) + (end - groups), end - start, out


def _time_ladle(reader: Reader, page: Page, text: str) -> tuple[float, float, Recipe | None]:
    """ladle's time on a page, cold (no ingredient line remembered from another read), with the
    collection of the garbage it leaves; the time of its reading alone; and its recipe."""
    clear_cache()
    _settle()
    start = time.perf_counter()
    recipe, reading = reader(page, text)
    gc.collect()
    return time.perf_counter() - start, reading, recipe


def _measure(
    all_pages: list[Page], texts: list[str], rounds: int
) -> tuple[dict[str, Timing], list[PeerOutput], dict[str, list[Recipe | None]]]:
    """Best time per page per reader over the rounds, and the first round's outputs."""
    ladle = {LADLE: _ladle(False), GENERIC: _ladle(True)}
    timing = {name: Timing(best=[float("inf")] * len(all_pages)) for name in READERS}
    timing[PEER].best_with_groups = [float("inf")] * len(all_pages)
    for name in (LADLE, GENERIC):
        timing[name].best_reading = [float("inf")] * len(all_pages)
    peer_out: list[PeerOutput] = []
    ladle_out: dict[str, list[Recipe | None]] = {LADLE: [], GENERIC: []}

    _peer_groups(_peer_core(all_pages[0], texts[0])[0])  # warm-up: imports, models
    for reader in ladle.values():
        reader(all_pages[0], texts[0])

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("reading", total=rounds * len(all_pages))
        for round_ in range(rounds):
            progress.update(task, description=f"round {round_ + 1} of {rounds}")
            for index, (page, text) in enumerate(zip(all_pages, texts, strict=True)):
                first = (index + round_) % len(READERS)
                for name in READERS[first:] + READERS[:first]:
                    if name == PEER:
                        core, with_groups, out = _time_peer(page, text)
                        t = timing[PEER]
                        t.best[index] = min(t.best[index], core)
                        t.best_with_groups[index] = min(t.best_with_groups[index], with_groups)
                        if round_ == 0:
                            peer_out.append(out)
                    else:
                        seconds, reading, recipe = _time_ladle(ladle[name], page, text)
                        timing[name].best[index] = min(timing[name].best[index], seconds)
                        t = timing[name]
                        t.best_reading[index] = min(t.best_reading[index], reading)
                        if round_ == 0:
                            ladle_out[name].append(recipe)
                progress.advance(task)
    return timing, peer_out, ladle_out


def _pct(agree: int, pages: int) -> float:
    return round(100 * agree / max(1, pages), 1)


def _count(results: list[bool | None]) -> tuple[int, int]:
    scored = [r for r in results if r is not None]
    return sum(scored), len(scored)


def _figures(
    all_pages: list[Page],
    timing: dict[str, Timing],
    peer_out: list[PeerOutput],
    ladle_out: dict[str, list[Recipe | None]],
    no_schema_yield: list[bool],
) -> dict[str, Any]:
    n = len(all_pages)
    readers: dict[str, dict[str, Any]] = {}
    for name in READERS:
        if name == PEER:
            outs = list(zip(all_pages, peer_out, strict=True))
            fields = [_peer_agreement(p, o) for p, o in outs]
            groups = [groups_agree(o.groups, p.expected) for p, o in outs]
        else:
            pairs = list(zip(all_pages, ladle_out[name], strict=True))
            fields = [agreement(r, p.expected) for p, r in pairs]
            groups = [groups_agreement(r, p.expected) for p, r in pairs]
        seconds = sum(timing[name].best)
        figures: dict[str, Any] = {
            "seconds": round(seconds, 2),
            "pages_per_s": round(n / seconds, 1),
        }
        for f in FIELDS:
            agree, scored = _count([r.get(f) for r in fields])
            figures[f"{f}_pct"] = _pct(agree, scored)
            figures[f"{f}_pages"] = scored
        agree, scored = _count(groups)
        figures |= {
            "groups_agree": agree,
            "groups_pages": scored,
            "groups_pct": _pct(agree, scored),
        }
        if name != PEER:
            yields = [yield_agreement(r, p.expected) for p, r in pairs]
            agree, scored = _count(yields)
            number, _ = _count([yield_agreement(r, p.expected, kind=False) for p, r in pairs])
            missing, _ = _count([y for y, no in zip(yields, no_schema_yield, strict=True) if no])
            figures |= {
                "yield_agree": agree,
                "yield_pages": scored,
                "yield_pct": _pct(agree, scored),
                "yield_number_agree": number,
                "yield_number_pct": _pct(number, scored),
                "yield_not_in_schema_agree": missing,
            }
        readers[name] = figures
    with_groups = sum(timing[PEER].best_with_groups)
    readers[PEER]["pages_per_s_with_groups"] = round(n / with_groups, 1)
    paired = {}
    for name in (LADLE, GENERIC):
        ratios = [a / b for a, b in zip(timing[PEER].best, timing[name].best, strict=True)]
        paired[name] = {
            "ratio_total": round(sum(timing[PEER].best) / sum(timing[name].best), 2),
            "ratio_median": round(statistics.median(ratios), 2),
            "ratio_total_with_groups": round(with_groups / sum(timing[name].best), 2),
            "faster_pages": sum(r > 1 for r in ratios),
            "ratio_reading_only": round(sum(timing[PEER].best) / sum(timing[name].best_reading), 2),
        }
    return {"pages": n, "readers": readers, "paired": paired}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument(
        "--rounds", type=int, default=3, help="reads of each page by each reader; the best counts"
    )
    args = parser.parse_args()
    if not PAGES.exists():
        print(f"bench/pages.py: {PAGES} is absent; put ../shared beside the checkout")
        return
    warnings.filterwarnings("ignore", module=r"recipe_scrapers(\.|$)")
    all_pages = list(pages())[: args.limit or None]
    texts = [p.text() for p in all_pages]
    # Pages whose expected output has a yield their schema.org data does not give.
    no_schema_yield = [
        expected_yield(p.expected) not in (None, ("none", 0.0)) and not schema_yield(t)
        for p, t in zip(all_pages, texts, strict=True)
    ]
    timing, peer_out, ladle_out = _measure(all_pages, texts, max(1, args.rounds))
    figures = _figures(all_pages, timing, peer_out, ladle_out, no_schema_yield)
    figures["rounds"] = max(1, args.rounds)
    figures["yield_not_in_schema_pages"] = sum(no_schema_yield)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    _print(figures)


def _print(figures: dict[str, Any]) -> None:
    readers = figures["readers"]
    console = Console(width=110)
    table = Table(
        title=f"{figures['pages']} recipe pages: agreement with the expected output, speed "
        f"(best of {figures['rounds']} per page)"
    )
    columns = ("reader", "title %", "ingredients %", "instructions %", "groups", "yield", "pages/s")
    for column in columns:
        table.add_column(column, justify="left" if column == "reader" else "right")
    for name, f in readers.items():
        yield_ = f"{f['yield_agree']}/{f['yield_pages']}" if "yield_agree" in f else "-"
        table.add_row(
            name,
            f"{f['title_pct']}",
            f"{f['ingredients_pct']}",
            f"{f['instructions_pct']}",
            f"{f['groups_agree']}/{f['groups_pages']}",
            yield_,
            f"{f['pages_per_s']}",
        )
    console.print(table)
    for name in (LADLE, GENERIC):
        f = readers[name]
        console.print(
            f"{name}: yield on the number alone {f['yield_number_agree']}/{f['yield_pages']}; "
            f"where schema.org gives no yield ({figures['yield_not_in_schema_pages']} pages) "
            f"{f['yield_not_in_schema_agree']}"
        )
    console.print(
        f"{PEER} with ingredient_groups() too: {readers[PEER]['pages_per_s_with_groups']} pages/s"
    )
    for name, p in figures["paired"].items():
        console.print(
            f"{name}'s speed / recipe-scrapers', paired: {p['ratio_total']:.2f}x over all "
            f"pages (sums of per-page bests), {p['ratio_median']:.2f}x on the median page, "
            f"faster on {p['faster_pages']} of {figures['pages']} pages; "
            f"{p['ratio_total_with_groups']:.2f}x against "
            "recipe-scrapers with its groups; its reading alone (the drafts, before ingredient "
            f"lines are parsed and steps understood) {p['ratio_reading_only']:.2f}x"
        )


if __name__ == "__main__":
    main()
