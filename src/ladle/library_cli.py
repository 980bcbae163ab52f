"""The library's commands: ``ladle add``, ``list``, ``show`` and ``remove``.

Registered on the command line's app by ``ladle.cli``; like it, they only translate arguments
to a library call (``ladle.store``) and its answer to Rich output. A refusal is one line on
standard error and exit code 1.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from ladle.errors import LadleError
    from ladle.store import Library

__all__ = ["add", "list_", "remove", "show"]


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


def add(
    sources: Annotated[
        list[str],
        typer.Argument(help="Recipe files, or - for standard input.", metavar="SOURCE..."),
    ],
    update: Annotated[
        bool, typer.Option("--update", help="Replace a recipe already stored, keeping its id.")
    ] = False,
) -> None:
    """Add recipes to the library; one already stored is skipped (or replaced with --update)."""
    from ladle.errors import LadleError
    from ladle.formats import read

    counts = {"added": 0, "skipped": 0, "updated": 0}
    failed = 0
    with _library() as library:
        for source in sources:
            try:
                recipes = read(source)
            except LadleError as error:
                sys.stderr.write(f"error: {error}\n")
                failed += 1
                continue
            for recipe in recipes[:1]:
                result = library.add(recipe, update=update)
                counts[result.status] += 1
                sys.stdout.write(f"{result.id}\t{result.status}\t{recipe.title}\n")
    summary = ", ".join(f"{n} {status}" for status, n in counts.items() if n or status == "added")
    sys.stderr.write(f"{summary}{f', {failed} failed' if failed else ''}\n")
    if failed:
        raise typer.Exit(1)


def list_(
    json_output: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List the recipes of the library: id, title, times, tags."""
    with _library() as library:
        entries = library.list()
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
    sys.stderr.write(f"restored {_recipes(done.restored)}{skipped}\n")
