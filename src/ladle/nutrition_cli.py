"""``ladle nutrition``: a recipe's nutrition panel, and the food table's two subcommands.

``ladle nutrition SOURCE [--servings N] [--json]`` prints the panel;
``ladle nutrition import PATH`` loads a USDA release into the library
(``ladle.food_import_cli``); ``ladle nutrition match NAME FOOD`` makes ingredients called NAME
the food FOOD (an override that wins over automatic matching).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ladle import food_import_cli
from ladle.errors import FoodDataError, LadleError

USAGE = "ladle nutrition SOURCE [--servings N] [--json] | import PATH | match NAME FOOD"


def report(source: str, servings: float | None, json_output: bool) -> None:
    """Print SOURCE's nutrition panel, per serving and in all."""
    raise FoodDataError("nutrition panels are not built yet", where=source)


def nutrition(
    words: Annotated[
        list[str],
        typer.Argument(
            help="SOURCE (a file, -, a URL or a library id); or `import PATH`; "
            "or `match NAME FOOD`.",
            metavar="SOURCE | import PATH | match NAME FOOD",
            show_default=False,
        ),
    ],
    servings: Annotated[
        float | None, typer.Option(help="Scale to this many servings first.")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Nutrition per serving and in all, matched against an imported USDA food table."""
    try:
        if len(words) == 2 and words[0] == "import":
            food_import_cli.import_release(Path(words[1]))
        elif len(words) == 3 and words[0] == "match":
            food_import_cli.choose_food(words[1], words[2])
        elif len(words) == 1:
            report(words[0], servings, json_output)
        else:
            sys.stderr.write(f"usage: {USAGE}\n")
            raise typer.Exit(2)
    except LadleError as error:
        sys.stderr.write(f"error: {error}\n")
        raise typer.Exit(1) from None
