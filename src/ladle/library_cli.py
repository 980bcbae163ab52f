"""The library's commands (``ladle add``, ``list``, ``show``, ``remove``, ``tag``) and
``read_source``, the one way every command reads a SOURCE: a file, ``-``, a URL or a library id.

Registered on the command line's app by ``ladle.cli``; like it, they only translate arguments
to a library call (``ladle.store``) and its answer to Rich output. A refusal is one line on
standard error and exit code 1.

``ladle add`` reads its sources in worker processes, one per core (reading a page is CPU-bound:
HTML, ingredient tagging), each warmed once, and stores what they send back here, in the order
of the sources, one recipe per transaction. A recipe's line is printed only once it is stored,
so an import cut short holds every recipe it reported.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ladle.errors import LadleError
    from ladle.model import Recipe
    from ladle.store import Entry, Library

__all__ = [
    "PROGRESS_FROM",
    "add",
    "is_library_id",
    "list_",
    "read_source",
    "remove",
    "search",
    "show",
    "tag",
]

PROGRESS_FROM = 5  # show a progress bar when reading this many sources or more
CHUNK_MOST = 4  # sources a worker reads per task, at most: few, so the work stays balanced
# Read once by each worker before its first source: it loads the reader, the ingredient tagger
# and the unit registry, so no source pays for them.
WARM_UP = """Buttered Toast
Ingredients
- 1 slice bread
- 1 tbsp butter
Method
1. Toast the bread for 2 minutes.
2. Spread the butter on the toast.
"""


# Options ``ladle parse`` and ``ladle add`` share.
Generic = Annotated[
    bool, typer.Option("--generic", help="Web pages: read schema.org data only, no site scrapers.")
]
AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="URLs: allow addresses on private networks (home servers)."
    ),
]


def _fail(error: LadleError | str) -> NoReturn:
    sys.stderr.write(f"error: {error}\n")
    raise typer.Exit(1)


@contextmanager
def _library() -> Iterator[Library]:
    """The library of ``LADLE_DATABASE_URL`` (or the default one); its refusals exit 1."""
    from ladle.errors import LadleError
    from ladle.store import open_library

    try:
        with open_library() as library:
            yield library
    except LadleError as error:
        _fail(error)


def _print_json(data: object) -> None:
    from ladle.formats.ladle_json import dumps

    sys.stdout.write(dumps(data) + "\n")


# --- reading a SOURCE ---------------------------------------------------------------------------


def is_library_id(source: str) -> bool:
    """A SOURCE of digits only that names no file is a library id."""
    return source.isascii() and source.isdigit() and not Path(source).exists()


def read_source(
    source: str,
    fmt: str | None = None,
    *,
    generic: bool = False,
    allow_private: bool = False,
) -> list[Recipe]:
    """Every recipe of a SOURCE, main one first: a library id gives the recipe stored under
    it (``NotInLibrary`` when there is none); a file, ``-`` or a URL is read in ``fmt``."""
    if is_library_id(source):
        from ladle.errors import NotInLibrary
        from ladle.store import default_library_exists, open_library

        if not default_library_exists():  # reading must not create the default library
            raise NotInLibrary(
                f"no recipe has id {source}",
                where="library",
                hint="the library is empty: `ladle add SOURCE` adds recipes to it",
            )
        with open_library() as library:
            return [library.get(int(source))]
    from ladle.formats import read

    fmt = None if fmt == "auto" else fmt
    return read(source, fmt, generic=generic, allow_private=allow_private)


# --- ladle add: which files ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Job:
    """One source to read: a file or a URL, or standard input with its text (read here, as a
    worker has no standard input)."""

    source: str
    text: str | None = None
    generic: bool = False  # web pages: schema.org data only, no site scrapers
    allow_private: bool = False  # URLs on private networks


def _readable_suffixes() -> frozenset[str]:
    from ladle.formats.registry import FORMATS

    return frozenset(s for row in FORMATS.values() if row.reads for s in row.suffixes)


def _walk(folder: Path, suffixes: frozenset[str]) -> list[str]:
    """The recipe files under a folder, by name: those a format reads, hidden ones left out."""
    found: list[str] = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found.extend(
            str(Path(root, name))
            for name in sorted(files)
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes
        )
    return found


def _is_url(source: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE))


def _one_source(source: str, suffixes: frozenset[str]) -> list[str] | str:
    """The files (or URL) a SOURCE names, or the line saying it names none."""
    import glob

    path = Path(source)
    if source == "-" or _is_url(source) or path.is_file():
        return [source]
    if path.is_dir():
        found = _walk(path, suffixes)
        hint = "ladle reads " + ", ".join(sorted(suffixes))
        return found or f"{source}: no recipe files in this folder ({hint})"
    if not any(c in source for c in "*?["):
        return [source]  # reading it says what is wrong: no such file
    found = []
    for match in sorted(glob.glob(source, recursive=True)):  # noqa: PTH207 - absolute patterns
        found.extend(_walk(Path(match), suffixes) if Path(match).is_dir() else [match])
    return found or f"{source}: the pattern matches no file (check it, and quote it)"


def _expand(sources: list[str]) -> tuple[list[_Job], list[str]]:
    """Files and folders (walked), globs (expanded), URLs and ``-`` as the sources to read,
    each once, with a failure line for each SOURCE that names nothing."""
    from ladle.errors import LadleError
    from ladle.sources import load

    suffixes = _readable_suffixes()
    jobs: dict[str, _Job] = {}
    failures: list[str] = []
    for source in sources:
        named = _one_source(source, suffixes)
        if isinstance(named, str):
            failures.append(named)
            continue
        for one in named:
            if one in jobs:
                continue
            if one != "-":
                jobs[one] = _Job(one)
                continue
            try:
                loaded = load(one)
            except LadleError as error:
                failures.append(str(error))
            else:
                jobs[one] = _Job(loaded.location, loaded.text)
    return list(jobs.values()), failures


# --- ladle add: reading, in worker processes ----------------------------------------------------

_Result = list[Any] | str  # the recipe documents of a source, or its failure line


def _failure(source: str, message: str) -> str:
    """A failure line that names the source first."""
    return message if message.startswith(source) else f"{source}: {message}"


def _warm() -> None:
    """A worker's start: ignore Ctrl-C (the parent stops the import), quit when the parent is
    gone, and load the reader and the ingredient tagger once."""
    import signal
    import threading
    import time

    from ladle.errors import LadleError
    from ladle.formats import read_text

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def orphaned() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:  # the import was killed: nobody reads our results
                os._exit(1)

    threading.Thread(target=orphaned, daemon=True).start()
    with suppress(LadleError):
        read_text(WARM_UP, "text", "<warm-up>")


def _read_job(job: _Job) -> _Result:
    """Read one source into recipe documents (picklable), or the line saying why not."""
    from ladle.errors import LadleError
    from ladle.formats import ReadOptions, read, read_text

    try:
        text = job.text
        if text is None:
            recipes = read(job.source, generic=job.generic, allow_private=job.allow_private)
        else:
            recipes = read_text(text, None, job.source, options=ReadOptions(generic=job.generic))
    except LadleError as error:
        return _failure(job.source, str(error))
    except Exception as error:  # a bug reading one source: it fails, the others are added
        if os.environ.get("LADLE_DEBUG"):
            raise
        kind = type(error).__name__
        return _failure(job.source, f"internal error ({kind}: {error}) (please report it)")
    return [recipe.to_json() for recipe in recipes]


def _read_chunk(jobs: list[_Job]) -> list[_Result]:
    return [_read_job(job) for job in jobs]


def _cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunk_size(jobs: int, workers: int) -> int:
    return max(1, min(CHUNK_MOST, jobs // (workers * 8)))


@contextmanager
def _reading(jobs: list[_Job]) -> Iterator[Iterator[tuple[_Job, _Result]]]:
    """Each job with what reading it gave, in order. Several jobs are read by worker processes,
    one per core, started here (before any thread of this process, so forking is safe); one
    job is read in this process. Leaving the block cancels what is not read yet."""
    workers = min(len(jobs), _cores())
    if workers <= 1:
        yield ((job, _read_job(job)) for job in jobs)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = _chunk_size(len(jobs), workers)
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    pool = ProcessPoolExecutor(workers, initializer=_warm)
    try:
        futures = [pool.submit(_read_chunk, chunk) for chunk in chunks]

        def results() -> Iterator[tuple[_Job, _Result]]:
            for chunk, future in zip(chunks, futures, strict=True):
                try:
                    found = future.result()
                except BrokenProcessPool:
                    died = "not read: a worker process died (out of memory?)"
                    found = [_failure(job.source, died) for job in chunk]
                yield from zip(chunk, found, strict=True)

        yield results()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- ladle add: storing, in this process --------------------------------------------------------


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A transient progress bar on standard error, when it is a terminal and there is much to
    do (``ladle.progress``); lines written meanwhile go above it."""
    from ladle.progress import progress_bar

    with progress_bar("adding recipes", show=total >= PROGRESS_FROM) as update:
        done = iter(range(1, total + 1))
        update(0, total)
        yield lambda: update(next(done, total), total)


@dataclass
class _Tally:
    """What an import did: the counts of its summary line."""

    update: bool
    counts: dict[str, int] = field(default_factory=lambda: {"added": 0, "skipped": 0, "updated": 0})
    failed: int = 0

    def fail(self, line: str) -> None:
        sys.stderr.write(f"error: {line}\n")
        self.failed += 1

    def store(self, library: Library, job: _Job, result: _Result) -> None:
        """Store the recipes of one source, each in its own transaction, and only then print
        its line: ``ID<tab>STATUS<tab>TITLE``."""
        if isinstance(result, str):
            self.fail(result)
            return
        from ladle.model import Recipe

        for document in result:
            recipe = Recipe.from_json(document, where=job.source)
            added = library.add(recipe, update=self.update)
            self.counts[added.status] += 1
            sys.stdout.write(f"{added.id}\t{added.status}\t{' '.join(recipe.title.split())}\n")
            sys.stdout.flush()

    def summary(self) -> str:
        done = [f"{n} {status}" for status, n in self.counts.items() if n or status == "added"]
        return ", ".join(done + ([f"{self.failed} failed"] if self.failed else []))


def add(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Recipe files, folders (walked), glob patterns, URLs, or - for standard input.",
            metavar="SOURCE...",
        ),
    ],
    update: Annotated[
        bool, typer.Option("--update", help="Replace a recipe already stored, keeping its id.")
    ] = False,
    generic: Generic = False,
    allow_private: AllowPrivate = False,
) -> None:
    """Add recipes to the library, read in parallel; one already stored is skipped (or
    replaced with --update). Each failure is one line; the others are still added."""
    from ladle.errors import LadleError

    jobs, failures = _expand(sources)
    jobs = [replace(job, generic=generic, allow_private=allow_private) for job in jobs]
    tally = _Tally(update)
    for line in failures:
        tally.fail(line)
    if jobs:
        with _reading(jobs) as results, _library() as library, _progress(len(jobs)) as advance:
            try:
                for job, result in results:
                    tally.store(library, job, result)
                    advance()
            except LadleError as error:  # the library refused a write: stop there
                tally.fail(str(error))
    sys.stderr.write(tally.summary() + "\n")
    if tally.failed:
        raise typer.Exit(1)


# --- the other commands -------------------------------------------------------------------------


def _print_entries(entries: Sequence[Entry], json_output: bool) -> None:
    if json_output:
        _print_json([e.to_json() for e in entries])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "title", "total min", "active min", "tags", box=None)
    for e in entries:
        table.add_row(
            str(e.id),
            e.title,
            "" if e.total_minutes is None else f"{e.total_minutes:g}",
            "" if e.active_minutes is None else f"{e.active_minutes:g}",
            ", ".join(e.tags),
        )
    Console(highlight=False).print(table)


def list_(
    json_output: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List the recipes of the library: id, title, times, tags."""
    with _library() as library:
        entries = library.list()
    _print_entries(entries, json_output)


def search(  # noqa: PLR0917 - a command: typer passes its options by keyword
    words: Annotated[str, typer.Argument(help="Words to find (prefixes, every one).")] = "",
    tag: Annotated[list[str] | None, typer.Option("--tag", help="Only with this tag.")] = None,
    with_: Annotated[
        list[str] | None, typer.Option("--with", help="Only with this ingredient.")
    ] = None,
    without: Annotated[
        list[str] | None, typer.Option("--without", help="Only without this ingredient.")
    ] = None,
    max_time: Annotated[
        float | None, typer.Option("--max-time", min=0, help="Longest total time, minutes.")
    ] = None,
    max_active: Annotated[
        float | None, typer.Option("--max-active", min=0, help="Longest active time, minutes.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 20,
    json_output: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """Search the library (title, ingredients, tags, steps), best match first."""
    from ladle.store import Query

    query = Query(
        words,
        tags=tag or (),
        with_=with_ or (),
        without=without or (),
        max_total=max_time,
        max_active=max_active,
        limit=limit,
    )
    with _library() as library:
        entries = library.search(query)
    _print_entries(entries, json_output)


def _id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        _fail(f"{text!r} is not a library id (`ladle list` shows the ids)")


def show(
    recipe_id: Annotated[str, typer.Argument(help="A library id.", metavar="ID")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the recipe JSON.")] = False,
) -> None:
    """Show one recipe of the library, as a card or as the recipe JSON."""
    number = _id(recipe_id)
    with _library() as library:
        recipe = library.get(number)
    if json_output:
        _print_json(recipe.to_json())
        return
    from rich.console import Console

    from ladle.console import recipe_card

    Console(highlight=False).print(recipe_card(recipe))


def remove(recipe_id: Annotated[str, typer.Argument(help="A library id.", metavar="ID")]) -> None:
    """Remove one recipe from the library."""
    number = _id(recipe_id)
    with _library() as library:
        library.remove(number)
    sys.stderr.write(f"removed {number}\n")


def _recipes(count: int) -> str:
    return f"{count} recipe{'' if count == 1 else 's'}"


def backup(
    file: Annotated[str, typer.Argument(help="The backup file to write.", metavar="FILE")],
) -> None:
    """Back the whole library up to one file (gzip JSON Lines, with a checksum)."""
    with _library() as library:
        count = library.backup(file)
    sys.stderr.write(f"backed up {_recipes(count)} to {file}\n")


def restore(
    file: Annotated[str, typer.Argument(help="A file of `ladle backup`.", metavar="FILE")],
    merge: Annotated[
        bool,
        typer.Option(
            "--merge", help="Add the backup's recipes to a library that already holds some."
        ),
    ] = False,
) -> None:
    """Restore a backup: checked whole first, then restored in one transaction."""
    with _library() as library:
        done = library.restore(file, merge=merge)
    skipped = f", {done.skipped} already stored" if done.skipped else ""
    chosen = done.overrides
    foods = f", {chosen} food choice{'' if chosen == 1 else 's'}" if chosen else ""
    sys.stderr.write(f"restored {_recipes(done.restored)}{skipped}{foods}\n")


def tag(
    recipe_id: Annotated[str, typer.Argument(help="A library id.", metavar="ID")],
    tags: Annotated[list[str], typer.Argument(help="Tags to add.", metavar="TAG...")],
) -> None:
    """Tag a recipe of the library; prints all its tags, one a line."""
    number = _id(recipe_id)
    with _library() as library:
        have = library.tag(number, tags)
    sys.stdout.write("".join(f"{name}\n" for name in have))


def untag(
    recipe_id: Annotated[str, typer.Argument(help="A library id.", metavar="ID")],
    tags: Annotated[list[str], typer.Argument(help="Tags to take off.", metavar="TAG...")],
) -> None:
    """Take tags off a recipe of the library (in any case); prints the tags it keeps."""
    number = _id(recipe_id)
    with _library() as library:
        kept = library.untag(number, tags)
    sys.stdout.write("".join(f"{name}\n" for name in kept))
