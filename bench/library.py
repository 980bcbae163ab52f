"""The recipe library: adding the shared pages, searching 100,000 recipes, opening a big library.

Run: ``uv run --no-sync python bench/library.py [--recipes N] [--quick] [--json]`` (about 25
minutes at 100,000 recipes on 2 cores; ``--quick`` is 30 pages and 2,000 recipes, a minute).

Each figure is printed beside its floor (or its peer) and its goal (issue 14), all from one run:

1. *Adding the shared pages* (``../shared/data/recipe-pages``, 300 saved pages): ``python -m
   ladle add PAGES...`` into a fresh SQLite library against ``python -m ladle parse --json
   PAGES...``, each a fresh process over the same pages, best of ``--page-rounds`` (the one that
   goes first alternating). Goal: ``add`` at least 1.6 times parse's pages per second. Then
   every page parse read must be stored, and stored equal to parse's JSON (each stored recipe
   read back with ``Library.get(id).to_json()``, a few also with ``ladle show ID --json``), and
   the pages stored with title, ingredients and steps all non-empty are counted (Mealie 2.0.0:
   180 of 300).
2. *Search at ``--recipes`` recipes*, SQLite and PostgreSQL: recipes made by recombining the
   pages (``recombine``: a title of words of two pages, the ingredients of a third, the steps
   and times of a fourth, seeded tags), inserted with ``Library.add_many`` in batches (the
   insert rate is reported). The material is the pages of the run (all 300, or the first
   ``--pages``), as ``ladle parse`` reads them, those with title, ingredients and steps. A fixed
   set of queries (``cases``: common words, "garlic" among them, rare words, two words, a
   prefix, typos, a word found nowhere, filters) runs through ``Library.search``, each beside
   its *floor*: the bare SQL that answers the same question, through the bare driver
   (``sqlite3``; ``psycopg``, planned with its values as ladle), on the same database. On
   SQLite, for words alone, ``SELECT rowid FROM recipe_search WHERE recipe_search MATCH ?
   ORDER BY rank LIMIT 20``, with ladle's full-text expression (every word a prefix); with
   filters the same plus the filters in plain SQL; for a typo the failed query and then the
   query of the word meant. On PostgreSQL the floor has the shape of ladle's query (since
   migration r0005): the newest 200 recipes whose title holds every word and which pass the
   filters (``recipe_search_head``), ranked by ``ts_rank_cd(vector, q)``, ``LIMIT 20``; then,
   when fewer than 20, the other matches the same way; for a typo, the failed query, the
   look-up of the word in ``recipe_search_words`` and the query of the word meant (see
   ``postgres_floor``). After one warm-up pass, ``--rounds`` passes in a seeded order, each
   query timed alone. Goals: ladle's p95 under 50 ms and under twice the floor's.
3. *Opening a library*: in a fresh process, ``open_library(url)`` and a first ``get`` (median
   of ``--runs``), for the big library and an empty one (goal under 0.5 s, whatever the size);
   and a restart: ``python -m ladle search garlic`` (``ladle show 1`` while there is no
   ``search`` command), the whole process, median of ``--runs``.

The pages' JSON is cached in ``bench/.cache/library`` (git ignores it); the databases live in a
folder under /tmp removed after the run, or in ``--data DIR``, kept and reused by the next run
with the same ``--recipes`` and ``--seed``. PostgreSQL is a throwaway cluster (Debian's
``initdb`` and ``pg_ctl``, as the ``postgres`` user when run as root, on a free port), skipped
with a note when PostgreSQL is not installed.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import platform
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LADLE_SHARED", ROOT.parent / "shared"))
PAGES = SHARED / "data" / "recipe-pages"
CACHE = ROOT / "bench" / ".cache" / "library"

GOAL_ADD_RATIO = 1.6
GOAL_P95_MS = 50.0
GOAL_FLOOR_RATIO = 2.0
GOAL_OPEN_S = 0.5
MEALIE_COMPLETE = 180  # of 300 pages, issue 14
MEALIE_PAGES_PER_S = 10.9
MEALIE_RESTART_S = 706.0  # at 10,000 recipes
LIMIT = 20
BATCH = 1000
TAGS = (
    ("dinner", 0.30),
    ("weeknight", 0.15),
    ("dessert", 0.12),
    ("vegetarian", 0.10),
    ("breakfast", 0.08),
    ("make-ahead", 0.06),
    ("holiday", 0.03),
    ("picnic", 0.01),
)
WORD = re.compile(r"\w+")
SQLITE = "sqlite"
POSTGRES = "postgresql"


def _ladle(*args: str) -> list[str]:
    return [sys.executable, "-m", "ladle", *args]


def _run(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run a command; its wall seconds and standard output (a failure raises, with stderr)."""
    began = time.perf_counter()
    done = subprocess.run(
        list(argv), capture_output=True, text=True, env=env, check=False, cwd=ROOT
    )
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:4])} ... exited {done.returncode}: {done.stderr}")
    return seconds, done.stdout


def _env(url: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("LADLE_DATABASE_URL", None)
    if url is not None:
        env["LADLE_DATABASE_URL"] = url
    return env


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- 1. adding the shared pages -----------------------------------------------------------------


def _as_list(parsed: Any) -> list[Any]:
    """``ladle parse --json`` prints one document for one source, a list for several."""
    return parsed if isinstance(parsed, list) else [parsed]


def _complete(document: dict[str, Any]) -> bool:
    return bool(
        str(document.get("title") or "").strip()
        and document.get("ingredients")
        and document.get("steps")
    )


def bench_pages(
    pages: Sequence[Path], rounds: int, folder: Path, progress: Progress
) -> tuple[dict[str, Any], list[Any]]:
    """``ladle add`` against ``ladle parse`` on the pages; the figures and parse's documents."""
    sources = [str(p) for p in pages]
    best = {"parse": float("inf"), "add": float("inf")}
    parsed: list[Any] = []
    url = ""
    task = progress.add_task("pages: parse and add", total=2 * rounds)
    for n in range(rounds):
        url = f"sqlite:///{folder / f'pages-{n}.sqlite3'}"
        for which in ("parse", "add") if n % 2 == 0 else ("add", "parse"):
            if which == "parse":
                seconds, out = _run(_ladle("parse", "--json", *sources), _env())
                parsed = _as_list(json.loads(out))
            else:
                seconds, _ = _run(_ladle("add", *sources), _env(url))
            best[which] = min(best[which], seconds)
            progress.advance(task)
    progress.remove_task(task)
    read = [d for d in parsed if isinstance(d, dict) and "error" not in d]

    from ladle.store import open_library

    stored: dict[str, dict[str, Any]] = {}
    ids: dict[str, int] = {}
    with open_library(url) as library:
        for entry in library.list():
            document = library.get(entry.id).to_json()
            assert isinstance(document, dict)
            location = str(document["source"]["location"])
            # a page of several recipes stores each; parse's main recipe is the first of them
            if location not in ids or entry.id < ids[location]:
                stored[location] = document
                ids[location] = entry.id
    equal = sum(1 for d in read if stored.get(d["source"]["location"]) == d)
    missing = sum(1 for d in read if d["source"]["location"] not in stored)
    # the command line's own reading back, on a few pages
    sample = random.Random(1).sample(read, min(3, len(read)))
    shown_equal = 0
    for document in sample:
        recipe_id = ids.get(document["source"]["location"])
        if recipe_id is not None:
            _, out = _run(_ladle("show", str(recipe_id), "--json"), _env(url))
            shown_equal += json.loads(out) == document
    figures = {
        "pages": len(pages),
        "rounds": rounds,
        "parse_seconds": best["parse"],
        "add_seconds": best["add"],
        "parse_pages_per_s": len(pages) / best["parse"],
        "add_pages_per_s": len(pages) / best["add"],
        "ratio": best["parse"] / best["add"],
        "parsed": len(read),
        "stored": len(stored),
        "stored_equal": equal,
        "missing": missing,
        "shown_equal": f"{shown_equal}/{len(sample)}",
        "complete_stored": sum(1 for d in stored.values() if _complete(d)),
        "complete_parsed": sum(1 for d in read if _complete(d)),
    }
    return figures, read


# -- 2. a big library by recombination ----------------------------------------------------------


def material(pages: Sequence[Path], cache: Path, parsed: list[Any] | None) -> list[Any]:
    """The recipes ``ladle parse`` reads from the pages, the complete ones (title, ingredients
    and steps), as ``Recipe`` objects. Parse's JSON is cached in ``cache``, one file per set of
    pages (names and sizes); ``parsed``, when given, is parse's JSON of these pages."""
    from ladle.model import Recipe

    key = json.dumps([[p.name, p.stat().st_size] for p in pages])
    data = cache / f"pages-{hashlib.sha1(key.encode()).hexdigest()[:12]}.json"
    if parsed is None:
        if data.exists():
            parsed = json.loads(data.read_text("utf-8"))
        else:
            _, out = _run(_ladle("parse", "--json", *map(str, pages)), _env())
            parsed = [d for d in _as_list(json.loads(out)) if "error" not in d]
    assert parsed is not None
    cache.mkdir(parents=True, exist_ok=True)
    data.write_text(json.dumps(parsed, ensure_ascii=False), "utf-8")
    return [Recipe.from_json(d) for d in parsed if _complete(d)]


def recombine(pages: Sequence[Any], seed: int) -> Iterator[Any]:
    """Endless distinct recipes made of the pages' parts, the same for the same seed: the first
    words of one page's title and the last of another's, the description of the first, the
    ingredients, yield and notes of a third, the steps (without their ingredient references)
    and times of a fourth, and tags drawn from ``TAGS``."""
    from ladle.model import Recipe, Source

    rng = random.Random(seed)
    steps = [[dataclasses.replace(s, uses=[]) for s in p.steps] for p in pages]
    titles = [p.title.split() or ["Recipe"] for p in pages]
    seen: set[tuple[int, int, int, int]] = set()
    count = len(pages)
    n = 0
    while True:
        parts = (rng.randrange(count), rng.randrange(count), rng.randrange(count),
                 rng.randrange(count))  # fmt: skip
        if parts in seen:
            if len(seen) == count**4:
                raise RuntimeError(f"{count} pages make only {len(seen)} distinct recipes")
            continue
        seen.add(parts)
        a, b, c, d = parts
        head, tail = titles[a], titles[b]
        title = " ".join(head[: rng.randint(1, len(head))] + tail[len(tail) // 2 :])
        n += 1
        yield Recipe(
            title=title,
            description=pages[a].description,
            yield_=pages[c].yield_,
            times=pages[d].times,
            ingredients=list(pages[c].ingredients),
            steps=steps[d],
            notes=list(pages[c].notes),
            tags=[tag for tag, share in TAGS if rng.random() < share],
            source=Source(format="ladle", location=f"recombined/{seed}/{n}"),
        )


def fill(
    library: Any, recipes: Iterator[Any], total: int, label: str, progress: Progress
) -> dict[str, Any]:
    """Add recipes with ``add_many`` in batches until ``total`` are added; the seconds spent in
    ``add_many`` and the count of recipes it skipped as already stored."""
    task = progress.add_task(f"{label}: adding", total=total)
    added = skipped = 0
    seconds = 0.0
    while added < total:
        batch = [next(recipes) for _ in range(min(BATCH, total - added))]
        began = time.perf_counter()
        results = library.add_many(batch)
        seconds += time.perf_counter() - began
        fresh = sum(1 for r in results if r.status == "added")
        added += fresh
        skipped += len(results) - fresh
        progress.update(task, completed=added)
    progress.remove_task(task)
    return {"recipes": added, "skipped": skipped, "seconds": seconds,
            "recipes_per_s": added / seconds if seconds else 0.0}  # fmt: skip


# -- the queries and their floors --------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One query of the set, and (for a typo) the word meant."""

    label: str
    kind: str
    query: Any  # ladle.store.Query
    meant: str | None = None


def _rare_words(pages: Sequence[Any], seed: int, count: int) -> list[str]:
    """Words of a single page's title (so in about 1% of the big library), drawn seeded."""
    seen: dict[str, set[int]] = {}
    for n, page in enumerate(pages):
        for word in WORD.findall(page.title.lower()):
            if word.isascii() and word.isalpha() and len(word) >= 6:
                seen.setdefault(word, set()).add(n)
    single = sorted(w for w, where in seen.items() if len(where) == 1)
    return random.Random(seed).sample(single, min(count, len(single)))


def cases(pages: Sequence[Any], seed: int) -> list[Case]:
    from ladle.store import Query

    fixed = [
        Case("garlic", "word", Query("garlic")),
        Case("chicken", "word", Query("chicken")),
        Case("butter", "word", Query("butter")),
        Case("onion", "word", Query("onion")),
        Case("chocolate", "word", Query("chocolate")),
        Case("soup", "word", Query("soup")),
        Case("choc", "prefix", Query("choc")),
        Case("chicken garlic", "two words", Query("chicken garlic")),
        Case("chocolate cake", "two words", Query("chocolate cake")),
        Case("lemon butter", "two words", Query("lemon butter")),
        Case("tomato basil", "two words", Query("tomato basil")),
        Case("chiken", "typo", Query("chiken"), meant="chicken"),
        Case("garlik", "typo", Query("garlik"), meant="garlic"),
        Case("choclate", "typo", Query("choclate"), meant="chocolate"),
        Case("xylophone", "nowhere", Query("xylophone"), meant="xylophone"),
        Case("chicken, with garlic", "filter", Query("chicken", with_=["garlic"])),
        Case("chicken, without pork", "filter", Query("chicken", without=["pork"])),
        Case("soup, 30 min at most", "filter", Query("soup", max_total=30)),
        Case("garlic, 20 active min at most", "filter", Query("garlic", max_active=20)),
        Case("pasta, tag dinner", "filter", Query("pasta", tags=["dinner"])),
        Case("cake, tag dessert, 90 min", "filter", Query("cake", tags=["dessert"], max_total=90)),
        Case("with carrots, no pork", "filter", Query("", with_=["carrots"], without=["pork"])),
    ]
    rare = [Case(w, "rare", Query(w)) for w in _rare_words(pages, seed, 4)]
    return fixed[:7] + rare + fixed[7:]


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


Statement = tuple[str, Any]  # SQL and its parameters (a tuple, or a dict for psycopg)


def sqlite_floor(case: Case) -> list[Statement]:
    """The bare SQL answering the case on SQLite (FTS5 with the same MATCH expression)."""
    q = case.query
    if case.meant is not None:  # a typo: the failed query, then the word meant
        return [_sqlite_words(_words(q.words)), _sqlite_words([case.meant])]
    if not (q.with_ or q.without or q.tags or q.max_total is not None or q.max_active is not None):
        return [_sqlite_words(_words(q.words))]
    match = [f"({_quoted(_words(q.words), '*')})"] if q.words else []
    match += [f"(ingredients : ({_quoted(_words(item), '')}))" for item in q.with_]
    where = ["recipe_search MATCH ?"]
    params: list[Any] = [" AND ".join(match)]
    for item in q.without:
        where.append("s.rowid NOT IN (SELECT rowid FROM recipe_search WHERE recipe_search MATCH ?)")
        params.append(f"ingredients : ({_quoted(_words(item), '')})")
    for tag in q.tags:
        where.append(
            "EXISTS (SELECT 1 FROM recipe_tags t WHERE t.recipe_id = s.rowid AND t.tag = ?)"
        )
        params.append(tag)
    join = ""
    for column, value in (("total_minutes", q.max_total), ("active_minutes", q.max_active)):
        if value is not None:
            join = " JOIN recipes r ON r.id = s.rowid"
            where.append(f"r.{column} <= ?")
            params.append(value)
    sql = (
        f"SELECT s.rowid FROM recipe_search s{join} WHERE {' AND '.join(where)} "
        f"ORDER BY s.rank LIMIT {LIMIT}"
    )
    return [(sql, tuple(params))]


def _quoted(words: Sequence[str], suffix: str) -> str:
    """FTS5 strings, as ladle writes them: each word quoted, ``*`` after it for a prefix."""
    return " ".join(f'"{w}"{suffix}' for w in words)


def _sqlite_words(words: Sequence[str]) -> Statement:
    return (
        f"SELECT rowid FROM recipe_search WHERE recipe_search MATCH ? ORDER BY rank LIMIT {LIMIT}",
        (_quoted(words, "*"),),
    )


POOL = 200  # ladle.store.search.POOL: PostgreSQL ranks the candidates of a tier in groups


def postgres_floor(case: Case) -> list[Statement]:
    """The bare SQL answering the case on PostgreSQL, in the shape ladle's search has: the
    recipes whose title holds every word (``recipe_search_head``, a narrow table of title and
    ingredient tsvectors), the newest ``POOL`` ranked by ``ts_rank_cd``, then, while fewer
    than the page, the other matches the same way (``_postgres_tiers``); for a typo, the
    failed query, the word looked up in ``recipe_search_words`` (pg_trgm), then the query of
    the word meant."""
    q = case.query
    words = _words(q.words)
    if case.meant is not None:
        lookup = (
            "SELECT word FROM recipe_search_words WHERE word %% %(w)s "
            "ORDER BY word = %(w)s DESC, similarity(word, %(w)s) DESC, word LIMIT 1"
        )
        return [
            *_postgres_tiers(words, []),
            (LOOKUP + lookup, {"w": words[0]}),
            *_postgres_tiers([case.meant], []),
        ]
    ranked = [f"({_lexemes(_words(item), ':B')})" for item in q.with_]
    ranked += [f"!({_lexemes(_words(item), ':B')})" for item in q.without]
    ingredients = [f"({_lexemes(_words(item), '')})" for item in q.with_]
    ingredients += [f"!({_lexemes(_words(item), '')})" for item in q.without]
    head = ["h.ingredients @@ to_tsquery('english', %(ingredients)s)"] if ingredients else []
    params: dict[str, Any] = {"ingredients": " & ".join(ingredients)}
    for n, tag in enumerate(q.tags):
        head.append(f"h.tags @> ARRAY[%(tag{n})s::text]")
        params[f"tag{n}"] = tag
    for column, value in (("total_minutes", q.max_total), ("active_minutes", q.max_active)):
        if value is not None:
            head.append(f"h.{column} <= %({column})s")
            params[column] = value
    return _postgres_tiers(words, ranked, head, params)


LOOKUP = "-- lookup\n"  # a statement whose row is a word, not an id


def _postgres_tiers(
    words: Sequence[str],
    ranked: Sequence[str],
    head: Sequence[str] = (),
    params: dict[str, Any] | None = None,
) -> list[Statement]:
    """The one or two tiers of a search, each its newest ``POOL`` candidates ranked."""
    title = _lexemes(words, ":*")
    terms = ([f"({title})"] if words else []) + list(ranked)
    params = dict(params or {}, tsquery=" & ".join(terms), title=title)
    in_head = "SELECT h.recipe_id FROM recipe_search_head h WHERE "
    if not words:
        tiers = [in_head + " AND ".join(head)]
    else:
        in_title = "h.title @@ to_tsquery('english', %(title)s)"
        tiers = [
            in_head + " AND ".join([in_title, *head]),
            "SELECT s.recipe_id FROM recipe_search s WHERE "
            "s.vector @@ to_tsquery('english', %(title)s) AND EXISTS (SELECT 1 FROM "
            "recipe_search_head h WHERE h.recipe_id = s.recipe_id AND "
            + " AND ".join([f"NOT {in_title}", *head])
            + ")",
        ]
    return [
        (
            "SELECT s.recipe_id FROM recipe_search s, to_tsquery('english', %(tsquery)s) q "
            f"WHERE s.recipe_id IN ({candidates} ORDER BY 1 DESC LIMIT {POOL}) "
            f"ORDER BY ts_rank_cd(s.vector, q) DESC, s.recipe_id LIMIT {LIMIT}",
            params,
        )
        for candidates in tiers
    ]


def _lexemes(words: Sequence[str], suffix: str) -> str:
    """A tsquery, as ladle writes it: every word with ``suffix`` (``:*`` a prefix, ``:B`` an
    ingredient name)."""
    return " & ".join(f"'{w}'{suffix}" for w in words)


@dataclass
class Timings:
    """Seconds of each run of each case, for ladle and for the floor, and the hits."""

    ladle: dict[str, list[float]] = field(default_factory=dict)
    floor: dict[str, list[float]] = field(default_factory=dict)
    hits: dict[str, tuple[int, int]] = field(default_factory=dict)


def bench_search(
    library: Any,
    *,
    floor: Callable[[Case], list[int]],
    the_cases: Sequence[Case],
    rounds: int,
    seed: int,
    label: str,
    progress: Progress,
) -> Timings:
    """Each case through ``Library.search`` and through its floor: a warm-up pass, then
    ``rounds`` passes in a seeded order, the two taking turns at going first."""
    timings = Timings()
    rng = random.Random(seed)
    for case in the_cases:  # warm-up, and the hits of each
        timings.hits[case.label] = (len(library.search(case.query)), len(floor(case)))
    task = progress.add_task(f"{label}: searching", total=rounds * len(the_cases))
    for n in range(rounds):
        order = list(the_cases)
        rng.shuffle(order)
        for k, case in enumerate(order):
            for which in ("ladle", "floor") if (n + k) % 2 == 0 else ("floor", "ladle"):
                began = time.perf_counter()
                if which == "ladle":
                    library.search(case.query)
                else:
                    floor(case)
                seconds = time.perf_counter() - began
                getattr(timings, which).setdefault(case.label, []).append(seconds)
            progress.advance(task)
    progress.remove_task(task)
    return timings


def _sqlite_floor_runner(path: Path) -> tuple[Callable[[Case], list[int]], Callable[[], None]]:
    connection = sqlite3.connect(path)

    def run(case: Case) -> list[int]:
        rows: list[int] = []
        for sql, params in sqlite_floor(case):
            rows = [int(r[0]) for r in connection.execute(sql, params).fetchall()]
            if rows:
                break
        return rows

    return run, connection.close


def _postgres_floor_runner(url: str) -> tuple[Callable[[Case], list[int]], Callable[[], None]]:
    import psycopg

    connection = psycopg.connect(url, autocommit=True, prepare_threshold=None)  # custom plans
    connection.execute("SET pg_trgm.similarity_threshold = 0.3")

    def run(case: Case) -> list[int]:
        """The tiers in turn until the page is full; a typo's look-up ends the search when
        it finds no word."""
        rows: list[int] = []
        for sql, params in postgres_floor(case):
            if len(rows) >= LIMIT:
                break
            found = connection.execute(sql, params).fetchall()
            if sql.startswith(LOOKUP):
                if not found:
                    break
                continue
            rows += [int(r[0]) for r in found][: LIMIT - len(rows)]
        return rows

    return run, connection.close


def _summary(timings: Timings) -> dict[str, Any]:
    every_ladle = [s for v in timings.ladle.values() for s in v]
    every_floor = [s for v in timings.floor.values() for s in v]
    per_case = {
        label: {
            "ladle_p50_ms": 1000 * statistics.median(timings.ladle[label]),
            "ladle_p95_ms": 1000 * _percentile(timings.ladle[label], 0.95),
            "floor_p50_ms": 1000 * statistics.median(timings.floor[label]),
            "floor_p95_ms": 1000 * _percentile(timings.floor[label], 0.95),
            "ladle_hits": timings.hits[label][0],
            "floor_hits": timings.hits[label][1],
        }
        for label in timings.hits  # in the order of the cases
    }
    return {
        "ladle_p50_ms": 1000 * _percentile(every_ladle, 0.5),
        "ladle_p95_ms": 1000 * _percentile(every_ladle, 0.95),
        "floor_p50_ms": 1000 * _percentile(every_floor, 0.5),
        "floor_p95_ms": 1000 * _percentile(every_floor, 0.95),
        "samples": len(every_ladle),
        "cases": per_case,
    }


# -- PostgreSQL: a cluster of the bench's own ---------------------------------------------------


def postgres_bin() -> Path | None:
    """The folder of Debian's ``initdb`` and ``pg_ctl`` (kept off PATH, one per version)."""
    for name in ("initdb", "pg_ctl"):
        found = shutil.which(name)
        if found and Path(found).resolve().parent.joinpath("postgres").exists():
            return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return versions[0].parent if versions else None


@dataclass
class Cluster:
    """A PostgreSQL cluster in ``folder`` (made on first start, kept or removed at stop)."""

    bin: Path
    folder: Path
    port: int = 0

    def _owner(self, argv: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        data = self.folder / "data"
        if not (data / "PG_VERSION").exists():
            subprocess.run(
                self._owner([str(self.bin / "initdb"), "-D", str(data), "-U", "postgres",
                             "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]),
                check=True, capture_output=True,
            )  # fmt: skip
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        subprocess.run(
            self._owner([str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-w",
                         "-l", str(self.folder / "log"), "start"]),
            check=True, capture_output=True,
        )  # fmt: skip

    def stop(self, keep: bool) -> None:
        subprocess.run(
            self._owner([str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m",
                         "fast" if keep else "immediate", "stop"]),
            check=False, capture_output=True,
        )  # fmt: skip
        if not keep:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def database(self, name: str, fresh: bool) -> str:
        """The URL of database ``name``, made when missing (made again when ``fresh``)."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
            ).fetchone()
            if exists and fresh:
                connection.execute(f"DROP DATABASE {name}")
            if fresh or not exists:
                connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def version(self) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as connection:
            row = connection.execute("SHOW server_version").fetchone()
        return str(row[0]) if row else "?"


# -- 3. opening a library -----------------------------------------------------------------------

OPEN = """
import json, sys, time
began = time.perf_counter()
from ladle.errors import NotInLibrary
from ladle.store import open_library
imported = time.perf_counter()
library = open_library(sys.argv[1])
opened = time.perf_counter()
try:
    library.get(1)
except NotInLibrary:
    pass
answered = time.perf_counter()
print(json.dumps({"import": imported - began, "open": opened - imported,
                  "first": answered - opened, "open_and_first": answered - imported}))
"""


def bench_open(url: str, runs: int) -> dict[str, float]:
    """``open_library`` and a first ``get`` in fresh processes: medians of ``runs``."""
    samples: list[dict[str, float]] = []
    for _ in range(runs):
        _, out = _run([sys.executable, "-c", OPEN, url], _env())
        samples.append(json.loads(out.strip().splitlines()[-1]))
    return {k: statistics.median(s[k] for s in samples) for k in samples[0]} | {
        "open_and_first_max": max(s["open_and_first"] for s in samples)
    }


def restart_command() -> list[str]:
    """``ladle search garlic`` when ladle has the command, else ``ladle show 1``."""
    _, out = _run(_ladle("--help"), _env())
    has_search = re.search(r"^\W*search\s", out, re.MULTILINE) is not None
    return ["search", "garlic"] if has_search else ["show", "1"]


def bench_restart(url: str, command: list[str], runs: int) -> float:
    return statistics.median(_run(_ladle(*command), _env(url))[0] for _ in range(runs))


# -- the run ------------------------------------------------------------------------------------


def _backend_library(
    backend: str,
    *,
    args: argparse.Namespace,
    folder: Path,
    cluster: Cluster | None,
    pages: Sequence[Any],
    progress: Progress,
) -> tuple[str, dict[str, Any]]:
    """The big library of a backend (filled now, or kept from a run with the same size and
    seed), its URL and its insert figures."""
    from ladle.store import open_library

    name = f"library_{args.recipes}_{args.seed}"
    done = folder / f"{backend}-{name}.json"
    reuse = args.data is not None and done.exists()
    if backend == SQLITE:
        path = folder / f"{name}.sqlite3"
        if not reuse:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        assert cluster is not None
        url = cluster.database(name, fresh=not reuse)
    if reuse:
        return url, dict(json.loads(done.read_text("utf-8")), reused=True)
    with open_library(url) as library:
        figures = fill(library, recombine(pages, args.seed), args.recipes, backend, progress)
    if backend == POSTGRES:
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
    done.write_text(json.dumps(figures), "utf-8")
    return url, figures


def run_backend(
    backend: str,
    *,
    args: argparse.Namespace,
    folder: Path,
    cluster: Cluster | None,
    pages: Sequence[Any],
    the_cases: Sequence[Case],
    progress: Progress,
) -> dict[str, Any]:
    from ladle.store import open_library

    url, insert = _backend_library(
        backend, args=args, folder=folder, cluster=cluster, pages=pages, progress=progress
    )
    if backend == SQLITE:
        floor, close = _sqlite_floor_runner(Path(url.removeprefix("sqlite:///")))
        empty = f"sqlite:///{folder / 'empty.sqlite3'}"
        Path(folder / "empty.sqlite3").unlink(missing_ok=True)
    else:
        assert cluster is not None
        floor, close = _postgres_floor_runner(url)
        empty = cluster.database("library_empty", fresh=True)
    with open_library(empty):
        pass  # made (migrated) before it is timed
    try:
        with open_library(url) as library:
            timings = bench_search(
                library,
                floor=floor,
                the_cases=the_cases,
                rounds=args.rounds,
                seed=args.seed,
                label=backend,
                progress=progress,
            )
    finally:
        close()
    task = progress.add_task(f"{backend}: opening", total=3)
    opening = bench_open(url, args.runs)
    progress.advance(task)
    opening_empty = bench_open(empty, args.runs)
    progress.advance(task)
    command = restart_command()
    restart = bench_restart(url, command, args.runs)
    progress.remove_task(task)
    return {
        "insert": insert,
        "search": _summary(timings),
        "open": opening,
        "open_empty": opening_empty,
        "restart_command": "ladle " + " ".join(command),
        "restart_seconds": restart,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipes", type=int, default=None, help="library size (100,000)")
    parser.add_argument("--pages", type=int, default=None, help="the first N pages only (300)")
    parser.add_argument("--quick", action="store_true", help="30 pages, 2,000 recipes")
    parser.add_argument("--rounds", type=int, default=None, help="passes over the queries (15)")
    parser.add_argument("--runs", type=int, default=None, help="fresh processes to open (5)")
    parser.add_argument("--page-rounds", type=int, default=None, help="add/parse rounds (2)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--skip-pages", action="store_true", help="leave out the pages part")
    parser.add_argument("--data", type=Path, default=None, help="keep the databases here")
    parser.add_argument("--cache", type=Path, default=CACHE, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--json-out", type=Path, default=None, help="also write them here")
    args = parser.parse_args(argv)
    quick = args.quick
    args.recipes = args.recipes or (2_000 if quick else 100_000)
    args.rounds = args.rounds or (5 if quick else 15)
    args.runs = args.runs or (3 if quick else 5)
    args.page_rounds = args.page_rounds or (1 if quick else 2)
    if not PAGES.is_dir():
        print(f"bench/library.py: {PAGES} is absent; put ../shared beside the checkout")
        return 0
    every_page = sorted(PAGES.glob("*.html"))
    pages = every_page[: args.pages or (30 if quick else len(every_page))]
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    figures: dict[str, Any] = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "load_average": os.getloadavg(),
        },
        "recipes": args.recipes,
        "seed": args.seed,
        "rounds": args.rounds,
        "runs": args.runs,
        "backends": {},
    }
    pg_bin = postgres_bin() if POSTGRES in backends else None
    if POSTGRES in backends and pg_bin is None:
        backends.remove(POSTGRES)
        figures["postgresql_skipped"] = "PostgreSQL is not installed (apt-get install postgresql)"
    folder = args.data or Path(tempfile.mkdtemp(prefix="ladle-bench-library-", dir="/tmp"))
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)  # the postgres user reaches its cluster inside
    cluster: Cluster | None = None
    try:
        with _progress() as progress:
            parsed: list[Any] | None = None
            if not args.skip_pages:
                figures["pages"], parsed = bench_pages(pages, args.page_rounds, folder, progress)
            material_pages = material(pages, args.cache, parsed)
            the_cases = cases(material_pages, args.seed)
            figures["material_pages"] = len(material_pages)
            figures["kinds"] = {case.label: case.kind for case in the_cases}
            for backend in backends:
                if backend == POSTGRES:
                    assert pg_bin is not None
                    cluster = Cluster(pg_bin, folder / "pg")
                    cluster.start()
                    figures["machine"]["postgresql"] = cluster.version()
                figures["backends"][backend] = run_backend(
                    backend,
                    args=args,
                    folder=folder,
                    cluster=cluster,
                    pages=material_pages,
                    the_cases=the_cases,
                    progress=progress,
                )
            figures["machine"]["load_average_after"] = os.getloadavg()
    finally:
        if cluster is not None:
            cluster.stop(keep=args.data is not None)
        if args.data is None:
            shutil.rmtree(folder, ignore_errors=True)
    if args.json_out is not None:
        args.json_out.write_text(json.dumps(figures, indent=2), "utf-8")
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        report(figures, argv if argv is not None else sys.argv[1:])
    return 0


# -- the report ---------------------------------------------------------------------------------


def _met(ok: bool) -> str:
    return "met" if ok else "[bold red]missed[/]"


def report(figures: dict[str, Any], argv: Sequence[str]) -> None:
    console = Console(width=130, highlight=False)
    machine = figures["machine"]
    console.print(
        f"bench/library.py on {machine['cores']} cores, Python {machine['python']}, SQLite "
        f"{machine['sqlite']}, PostgreSQL {machine.get('postgresql', '-')}; load average "
        f"{machine['load_average'][0]:.1f} before, {machine['load_average_after'][0]:.1f} after"
    )
    table = Table("figure", "ladle", "floor / peer", "goal", "", title="The library")
    pages = figures.get("pages")
    if pages:
        table.add_row(
            f"add {pages['pages']} pages (ladle add, one process)",
            f"{pages['add_pages_per_s']:.1f} pages/s ({pages['add_seconds']:.1f} s)",
            f"ladle parse: {pages['parse_pages_per_s']:.1f} pages/s "
            f"({pages['parse_seconds']:.1f} s); Mealie {MEALIE_PAGES_PER_S}",
            f"≥ {GOAL_ADD_RATIO}× parse",
            f"{pages['ratio']:.2f}× " + _met(pages["ratio"] >= GOAL_ADD_RATIO),
        )
        table.add_row(
            "pages stored equal to ladle parse",
            f"{pages['stored_equal']} of {pages['parsed']} (show --json {pages['shown_equal']})",
            f"stored {pages['stored']}, missing {pages['missing']}",
            "all",
            _met(pages["stored_equal"] == pages["parsed"] and pages["missing"] == 0),
        )
        table.add_row(
            "stored with title, ingredients and steps",
            f"{pages['complete_stored']} of {pages['pages']}",
            f"Mealie {MEALIE_COMPLETE} of 300",
            "",
            "",
        )
    for backend, result in figures["backends"].items():
        insert, search = result["insert"], result["search"]
        again = " (kept from an earlier run)" if insert.get("reused") else ""
        table.add_row(
            f"{backend}: insert {insert['recipes']:,} recipes (add_many, {BATCH} a batch)",
            f"{insert['recipes_per_s']:.0f} recipes/s ({insert['seconds']:.0f} s){again}",
            "",
            "",
            "",
        )
        p95, floor95 = search["ladle_p95_ms"], search["floor_p95_ms"]
        table.add_row(
            f"{backend}: search p50 / p95, {len(search['cases'])} queries × {figures['rounds']}",
            f"{search['ladle_p50_ms']:.1f} / {p95:.1f} ms",
            f"bare SQL {search['floor_p50_ms']:.1f} / {floor95:.1f} ms",
            f"p95 < {GOAL_P95_MS:g} ms, < {GOAL_FLOOR_RATIO:g}× floor",
            f"{p95 / floor95:.2f}× " + _met(p95 < GOAL_P95_MS and p95 < GOAL_FLOOR_RATIO * floor95),
        )
        garlic = search["cases"]["garlic"]
        table.add_row(
            f'{backend}: search "garlic" p50 / p95',
            f"{garlic['ladle_p50_ms']:.1f} / {garlic['ladle_p95_ms']:.1f} ms",
            f"bare SQL {garlic['floor_p50_ms']:.1f} / {garlic['floor_p95_ms']:.1f} ms; "
            "Mealie 31 s at 10,000",
            "",
            "",
        )
        opening, empty = result["open"], result["open_empty"]
        table.add_row(
            f"{backend}: open {insert['recipes']:,} recipes + first get, fresh process",
            f"{opening['open_and_first']:.3f} s (max {opening['open_and_first_max']:.3f})",
            f"empty library {empty['open_and_first']:.3f} s; import {opening['import']:.2f} s",
            f"< {GOAL_OPEN_S} s",
            _met(opening["open_and_first_max"] < GOAL_OPEN_S),
        )
        table.add_row(
            f"{backend}: restart, `{result['restart_command']}`, whole process",
            f"{result['restart_seconds']:.2f} s",
            f"Mealie {MEALIE_RESTART_S:g} s at 10,000",
            "",
            "",
        )
    console.print(table)
    per_case = Table("query", "kind", title="Search, per query: ms, p50 / p95 (hits)")
    backends = list(figures["backends"])
    for backend in backends:
        per_case.add_column(f"{backend}: ladle", justify="right")
        per_case.add_column(f"{backend}: floor", justify="right")
    first = figures["backends"][backends[0]]["search"]["cases"] if backends else {}
    kinds: dict[str, str] = figures.get("kinds", {})
    for label in first:
        row = [label, kinds.get(label, "")]
        for backend in backends:
            case = figures["backends"][backend]["search"]["cases"][label]
            row.append(
                f"{case['ladle_p50_ms']:.1f} / {case['ladle_p95_ms']:.1f} ({case['ladle_hits']})"
            )
            row.append(
                f"{case['floor_p50_ms']:.1f} / {case['floor_p95_ms']:.1f} ({case['floor_hits']})"
            )
        per_case.add_row(*row)
    console.print(per_case)
    if "postgresql_skipped" in figures:
        console.print(f"PostgreSQL skipped: {figures['postgresql_skipped']}")
    console.print(f"Reproduce: uv run --no-sync python bench/library.py {' '.join(argv)}".strip())


if __name__ == "__main__":
    raise SystemExit(main())
