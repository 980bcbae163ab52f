"""``ladle nutrition``: a recipe's nutrition panel, and the food table's two subcommands.

``ladle nutrition SOURCE [--servings N] [--as-bought] [--json]`` prints the panel (a Rich
table per serving and in all, every match with its food, grams and confidence, the lines left
out and why, the weight rule and each food's refuse);
``ladle nutrition import PATH`` loads a USDA release into the library
(``ladle.food_import_cli``); ``ladle nutrition match NAME FOOD`` makes ingredients called NAME
the food FOOD (an override that wins over automatic matching).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ladle import food_import_cli
from ladle.errors import LadleError
from ladle.library_cli import read_source

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ladle.foods.panel import NutritionReport
    from ladle.model import Recipe

USAGE = (
    "ladle nutrition SOURCE [--servings N] [--as-bought] [--json] | import PATH | match NAME FOOD"
)
IMPORT_HINT = "import a USDA release first: ladle nutrition import sr28asc.zip"


def report(source: str, servings: float | None, json_output: bool, as_bought: bool = False) -> None:
    """Print SOURCE's nutrition panel, per serving and in all."""
    from ladle.foods.panel import nutrition
    from ladle.store import open_library

    recipe = read_source(source)[0]  # a library id, a file, - or a URL
    with open_library() as library:
        table = library.food_table()
        found = nutrition(recipe, table, servings=servings, as_bought=as_bought)
    if json_output:
        from ladle.formats.ladle_json import dumps

        sys.stdout.write(dumps(found.to_json()) + "\n")
        return
    from rich.console import Console

    Console(highlight=False).print(panel(found))


def amount_text(value: float | None, unit: str) -> str:
    """A nutrient amount as the panel prints it: energy and milligrams whole, grams to 0.1."""
    if value is None:
        return "-"
    if unit in ("kcal", "kJ", "mg"):
        return f"{value:,.0f} {unit}"
    return f"{value:,.1f} {unit}"


def _nutrients(found: NutritionReport) -> RenderableType:
    from rich.table import Table

    each = f"Per serving (of {found.servings:g})" if found.servings else "Per serving"
    table = Table()
    table.add_column("Nutrient")
    table.add_column(each, justify="right")
    table.add_column("In all", justify="right")
    for nutrient, total, per in found.rows():
        table.add_row(
            nutrient.label, amount_text(per, nutrient.unit), amount_text(total, nutrient.unit)
        )
    return table


def _matches(found: NutritionReport) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Matched foods", title_justify="left")
    for column in ("Ingredient", "Food", "Grams", "Weighed by", "Match"):
        table.add_column(column, justify="right" if column == "Grams" else "left")
    for use in found.matches:
        optional = use.optional and "optional" not in use.text.lower()
        line = use.text + (" (optional)" if optional else "")
        food = f"{use.description} [{use.food_id}]"
        how = f"{use.confidence:.2f} {use.method}"
        table.add_row(Text(line), Text(food), f"{use.grams:,.1f}", Text(use.weight), Text(how))
    return table


def _footnotes(found: NutritionReport) -> list[str]:
    lines = [f"Weight rule: {found.weight_rule}."]
    refuse = [
        f"{u.description} {u.refuse_percent:g}% ({u.refuse})"
        for u in found.matches
        if u.refuse_percent
    ]
    if refuse:
        counted = "removed" if found.as_bought else "not removed; --as-bought removes it"
        lines.append("Refuse (" + counted + "): " + "; ".join(dict.fromkeys(refuse)) + ".")
    lines += [f"Left out: {x.text} ({x.reason})" for x in found.left_out]
    from ladle.foods.table import NUTRIENTS

    labels = {n.key: f"{n.label.lower()} ({n.unit})" for n in NUTRIENTS}
    lines += [
        f"No value for {labels[k]} in: {', '.join(dict.fromkeys(v))}"
        for k, v in found.missing.items()
    ]
    return lines + list(found.notes)


def panel(found: NutritionReport) -> RenderableType:
    """The report as Rich renderables: the nutrients, the matches, what was left out and why."""
    from rich.console import Group
    from rich.text import Text

    notes = [Text(line, style="dim") for line in _footnotes(found)]
    title = Text(f"Nutrition: {found.title}", style="bold")
    return Group(title, _nutrients(found), _matches(found), *notes)


def report_or_none(recipe: Recipe) -> dict[str, Any] | None:
    """The recipe's nutrition report JSON for an export, or None: when the library holds no
    food table, cannot be opened, or (SQLite by default) does not exist yet, which an export
    does not create."""
    from ladle.foods.panel import nutrition
    from ladle.store import default_library_exists, open_library

    if not default_library_exists():
        return None
    try:
        with open_library() as library:
            return nutrition(recipe, library.food_table()).to_json()
    except LadleError:
        return None


def demo_step(out: Console, recipe: Recipe) -> None:
    """``ladle demo``'s nutrition step: the panel when the library holds a food table, else
    how to import one."""
    from ladle.errors import FoodDataError
    from ladle.foods.panel import nutrition
    from ladle.store import open_library

    try:
        with open_library() as library:
            table = library.food_table()
            out.print(panel(nutrition(recipe, table)))
    except FoodDataError:
        out.print(f"[dim]No food table in the library yet: {IMPORT_HINT}[/dim]")


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
    as_bought: Annotated[
        bool,
        typer.Option(
            "--as-bought", help="Take amounts as bought weight: remove each food's refuse."
        ),
    ] = False,
) -> None:
    """Nutrition per serving and in all, matched against an imported USDA food table."""
    try:
        if len(words) == 2 and words[0] == "import":
            food_import_cli.import_release(Path(words[1]))
        elif len(words) == 3 and words[0] == "match":
            food_import_cli.choose_food(words[1], words[2])
        elif len(words) == 1:
            report(words[0], servings, json_output, as_bought)
        else:
            sys.stderr.write(f"usage: {USAGE}\n")
            raise typer.Exit(2)
    except LadleError as error:
        sys.stderr.write(f"error: {error}\n")
        raise typer.Exit(1) from None
