"""The command line: arguments to a library call to Rich output.

No recipe logic lives here. Every refusal of the library (a ``LadleError``) becomes one line on
standard error, ``error: WHERE: WHAT (HINT)``, and exit code 1; usage errors exit 2. Heavy
libraries load only inside the commands that need them, so ``ladle --help`` stays quick.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, cast

import typer

from ladle.formats.registry import READABLE, WRITABLE

if TYPE_CHECKING:
    from rich.console import Console

    from ladle.errors import LadleError
    from ladle.model import Recipe
    from ladle.plan_model import Plan
    from ladle.rounding import System

__all__ = ["app", "main"]

app = typer.Typer(
    name="ladle",
    help="ladle: read any recipe, understand it, and plan the cooking.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

FORMAT_CHOICES = ("auto", *READABLE)
PROGRESS_FROM = 5  # show a progress bar when reading this many sources or more


def _stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _fail(error: LadleError | str) -> NoReturn:
    sys.stderr.write(f"error: {error}\n")
    raise typer.Exit(1)


@contextmanager
def _errors() -> Iterator[None]:
    """Map the library's refusals to one line and exit code 1."""
    from ladle.errors import LadleError

    try:
        yield
    except LadleError as error:
        _fail(error)


def _print_json(data: object) -> None:
    from ladle.formats.ladle_json import dumps

    sys.stdout.write(dumps(data) + "\n")


def _read_all(
    sources: list[str], fmt: str, *, generic: bool = False, allow_private: bool = False
) -> list[tuple[str, list[Recipe] | Exception]]:
    """Read every source in this process; a failed source keeps its error."""
    from ladle.errors import LadleError
    from ladle.formats import read

    results: list[tuple[str, list[Recipe] | Exception]] = []

    def one(source: str) -> None:
        try:
            fmt_or_none = None if fmt == "auto" else fmt
            found = read(source, fmt_or_none, generic=generic, allow_private=allow_private)
            results.append((source, found))
        except LadleError as error:
            results.append((source, error))

    if len(sources) >= PROGRESS_FROM and sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(console=_stderr(), transient=True) as progress:
            task = progress.add_task("reading recipes", total=len(sources))
            for source in sources:
                one(source)
                progress.advance(task)
    else:
        for source in sources:
            one(source)
    return results


@app.command()
def parse(
    sources: Annotated[
        list[str],
        typer.Argument(help="Recipe files, or - for standard input.", metavar="SOURCE..."),
    ],
    format: Annotated[
        str,
        typer.Option("--format", "-f", help="Input format: " + ", ".join(FORMAT_CHOICES) + "."),
    ] = "auto",
    all_recipes: Annotated[
        bool, typer.Option("--all", help="Every recipe of each source, not only the main one.")
    ] = False,
    generic: Annotated[
        bool,
        typer.Option("--generic", help="Web pages: read schema.org data only, no site scrapers."),
    ] = False,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="URLs: allow addresses on private networks (home servers)."
        ),
    ] = False,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the recipe JSON of contract.md.")
    ] = False,
) -> None:
    """Read recipes and show them as cards, or as ladle's recipe JSON."""
    if format not in FORMAT_CHOICES:
        sys.stderr.write(
            f"error: --format: unknown format {format!r} (use one of: "
            + ", ".join(FORMAT_CHOICES)
            + ")\n"
        )
        raise typer.Exit(2)
    results = _read_all(sources, format, generic=generic, allow_private=allow_private)
    failed = [(source, r) for source, r in results if isinstance(r, Exception)]
    if json_output:
        documents: list[Any] = []
        for source, result in results:
            if isinstance(result, Exception):
                documents.append({"error": str(result), "source": source})
            elif all_recipes:
                documents.append([recipe.to_json() for recipe in result])
            else:
                documents.append(result[0].to_json())
        if len(sources) == 1:
            if failed:
                _fail(str(failed[0][1]))
            _print_json(documents[0])
        else:
            _print_json(documents)
    else:
        from ladle.console import recipe_card

        out = _stdout()
        for _source, result in results:
            if isinstance(result, Exception):
                continue
            for recipe in result if all_recipes else result[:1]:
                out.print(recipe_card(recipe))
    for _source, error in failed:
        sys.stderr.write(f"error: {error}\n")
    if failed:
        raise typer.Exit(1)


UNIT_SYSTEMS = ("metric", "us")


def _one_recipe(source: str, fmt: str = "auto") -> Recipe:
    from ladle.formats import read

    return read(source, None if fmt == "auto" else fmt)[0]


def _show(recipe: Recipe, json_output: bool) -> None:
    if json_output:
        _print_json(recipe.to_json())
        return
    from ladle.console import recipe_card

    _stdout().print(recipe_card(recipe))


def _system(units: str | None) -> str | None:
    if units is not None and units not in UNIT_SYSTEMS:
        sys.stderr.write(f"error: --units: unknown system {units!r} (use metric or us)\n")
        raise typer.Exit(2)
    return units


@app.command()
def scale(
    source: Annotated[str, typer.Argument(help="A recipe file, - for standard input, or a URL.")],
    servings: Annotated[
        float | None, typer.Option("--servings", "-s", help="Scale to this many servings.")
    ] = None,
    factor: Annotated[float | None, typer.Option("--factor", "-x", help="Multiply by X.")] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help='Scale to an amount of one ingredient: "3.2 lb pork belly".'),
    ] = None,
    units: Annotated[
        str | None, typer.Option("--units", "-u", help="Also convert: metric or us.")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the recipe JSON.")] = False,
) -> None:
    """Scale a recipe by servings, by a factor, or to the amount of one ingredient."""
    system = _system(units)
    with _errors():
        from ladle.scaling import ScaleRequest
        from ladle.scaling import scale as scale_recipe

        recipe = _one_recipe(source)
        request = ScaleRequest(factor=factor, servings=servings, to=to)
        scaled = scale_recipe(recipe, request, cast("System | None", system))
        _show(scaled, json_output)


@app.command()
def convert(
    source: Annotated[str, typer.Argument(help="A recipe file, - for standard input, or a URL.")],
    units: Annotated[str, typer.Option("--units", "-u", help="metric or us.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the recipe JSON.")] = False,
) -> None:
    """Convert every amount, temperature and length of a recipe to metric or US units."""
    system = _system(units)
    with _errors():
        from ladle.conversion import convert_recipe

        converted = convert_recipe(_one_recipe(source), cast("System", system))
        _show(converted, json_output)


def _serve_at(text: str) -> Any:
    from datetime import datetime

    try:
        return datetime.fromisoformat(text.strip().replace("T", " ", 1))
    except ValueError:
        sys.stderr.write(
            f'error: --serve-at: {text!r} is not a time (write it as "2026-11-26 19:00")\n'
        )
        raise typer.Exit(2) from None


@app.command()
def plan(
    sources: Annotated[
        list[str], typer.Argument(help="The recipes of the meal.", metavar="SOURCE...")
    ],
    serve_at: Annotated[
        str, typer.Option("--serve-at", help='When the meal is served: "YYYY-MM-DD HH:MM".')
    ],
    kitchen: Annotated[
        str | None, typer.Option("--kitchen", help="A kitchen file (TOML); default one oven.")
    ] = None,
    exact: Annotated[
        bool, typer.Option("--exact", help="No other temperatures or methods than written.")
    ] = False,
    method: Annotated[
        list[str] | None,
        typer.Option("--method", help="Cook by this method of a recipe's article (repeatable)."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the plan JSON.")] = False,
    ics: Annotated[
        str | None, typer.Option("--ics", help="Also write an iCalendar file with alarms.")
    ] = None,
    svg: Annotated[str | None, typer.Option("--svg", help="Also write an SVG Gantt chart.")] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Seconds the solver may search.")
    ] = 10.0,
    serve: Annotated[
        list[str] | None,
        typer.Option(
            "--serve",
            help='How a dish comes to the table: "DISH=hot|warm|room|cold" (repeatable; DISH '
            "is a word of its title or its number).",
        ),
    ] = None,
    after: Annotated[
        list[str] | None,
        typer.Option(
            "--after",
            help='Serve a dish later than the rest: "DISH=MINUTES" (repeatable).',
        ),
    ] = None,
    courses: Annotated[
        bool,
        typer.Option("--courses", help="Serve the desserts 45 minutes after the main course."),
    ] = False,
) -> None:
    """Plan a meal: when to do every step so everything is on the table at --serve-at."""
    moment = _serve_at(serve_at)
    with _errors():
        from ladle.formats import read
        from ladle.planning.courses import table_settings
        from ladle.planning.kitchen import load_kitchen
        from ladle.planning.planner import plan as make_plan

        recipes = [read(source)[0] for source in sources]
        room = load_kitchen(kitchen) if kitchen else None
        servings, later = table_settings(recipes, serve or (), after or (), courses)
        result = make_plan(
            recipes,
            moment,
            room,
            exact=exact,
            methods=method or (),
            time_limit=time_limit,
            serving=servings,
            after=later,
        )
        if svg or ics:
            _plan_files(result, svg, ics)
        if json_output:
            _print_json(result.to_json())
        else:
            from ladle.console import plan_timeline

            _stdout().print(plan_timeline(result))
        if result.status == "infeasible":
            reason = result.explanation[0] if result.explanation else "no plan exists"
            hint = "see the fixes above" + (", or plan without --exact" if exact else "")
            _fail(f"plan: {reason} ({hint})")


def _plan_files(result: Plan, svg: str | None, ics: str | None) -> None:
    """The plan's Gantt chart and calendar, where asked."""
    from pathlib import Path

    from ladle.planning import export

    try:
        labelled = export.by_recipe(result)  # several recipes: lanes by recipe
        if svg:
            Path(svg).write_text(export.gantt_svg(labelled), encoding="utf-8")
        if ics:
            Path(ics).write_bytes(export.to_ics(labelled))
    except OSError as error:
        _fail(f"{svg or ics}: cannot write the file ({error.strerror or error})")


@app.command()
def check(
    sources: Annotated[
        list[str], typer.Argument(help="Recipe files, - for standard input, or URLs.")
    ],
    kitchen: Annotated[
        str | None,
        typer.Option("--kitchen", help="A kitchen file (TOML): how many ovens there are."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the findings JSON.")] = False,
) -> None:
    """Find contradictions, gaps and unsafe temperatures in recipes (and their articles)."""
    with _errors():
        from ladle.checker import check as check_recipe
        from ladle.formats import read

        ovens = 1
        if kitchen:
            from ladle.planning.kitchen import load_kitchen

            ovens = len(load_kitchen(kitchen).ovens)
        reports = []
        for source in sources:
            recipe = read(source)[0]
            reports.append((source, recipe, check_recipe(recipe, kitchen_ovens=ovens)))
    if json_output:
        documents = [
            {"ladle": 1, "source": source, "title": recipe.title,
             "findings": [f.to_json() for f in findings]}
            for source, recipe, findings in reports
        ]  # fmt: skip
        _print_json(documents[0] if len(documents) == 1 else documents)
        return
    from ladle.console import findings_panel

    out = _stdout()
    for _, recipe, findings in reports:
        out.print(findings_panel(recipe.title, findings))


@app.command()
def shop(
    sources: Annotated[
        list[str], typer.Argument(help="The recipes to shop for.", metavar="SOURCE...")
    ],
    servings: Annotated[
        float | None,
        typer.Option("--servings", "-s", help="Scale every recipe to this many servings first."),
    ] = None,
    units: Annotated[
        str | None, typer.Option("--units", "-u", help="Show every amount in metric or us.")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the list JSON.")] = False,
) -> None:
    """One shopping list for several recipes: merged by food, grouped by aisle."""
    system = _system(units)
    with _errors():
        from ladle.formats import read
        from ladle.scaling import ScaleRequest, scale_factor
        from ladle.shopping import shopping_list

        recipes = [read(source)[0] for source in sources]
        factors = None
        if servings is not None:
            factors = [scale_factor(r, ScaleRequest(servings=servings)) for r in recipes]
        result = shopping_list(recipes, system=cast("System | None", system), factors=factors)
        if json_output:
            _print_json(result.to_json())
        else:
            from ladle.console import shopping_table

            _stdout().print(shopping_table(result))


EXPORT_CHOICES = WRITABLE


@app.command()
def export(
    source: Annotated[str, typer.Argument(help="A recipe file, - for standard input, or a URL.")],
    to: Annotated[
        str, typer.Option("--to", "-t", help="Output format: " + ", ".join(EXPORT_CHOICES) + ".")
    ],
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")
    ] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="Input format: " + ", ".join(FORMAT_CHOICES))
    ] = "auto",
) -> None:
    """Write a recipe in another format: JSON, schema.org JSON-LD, Cooklang, Markdown, HTML, PDF."""
    if to not in EXPORT_CHOICES:
        sys.stderr.write(
            f"error: --to: unknown format {to!r} (use one of: {', '.join(EXPORT_CHOICES)})\n"
        )
        raise typer.Exit(2)
    with _errors():
        from pathlib import Path

        from ladle.formats import read, write

        recipe = read(source, None if format == "auto" else format)[0]
        document = write(recipe, to)
        if output is None:
            if isinstance(document, bytes):
                if sys.stdout.isatty():
                    _fail(f"export: {to} is binary (give -o FILE, or redirect the output)")
                sys.stdout.buffer.write(document)
            else:
                sys.stdout.write(document if document.endswith("\n") else document + "\n")
            return
        target = Path(output)
        try:
            if isinstance(document, bytes):
                target.write_bytes(document)
            else:
                target.write_text(
                    document if document.endswith("\n") else document + "\n", encoding="utf-8"
                )
        except OSError as error:
            _fail(f"{output}: cannot write the file ({error.strerror or error})")
        _stderr().print(f"wrote {output}", highlight=False)


@app.command()
def ingredients(
    file: Annotated[
        str, typer.Argument(help="A file of ingredient lines, or - for standard input.")
    ] = "-",
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the ingredient objects as a JSON array.")
    ] = False,
) -> None:
    """Parse ingredient lines, one per line."""
    with _errors():
        from ladle.ingredients import parse_ingredient
        from ladle.sources import load

        loaded = load(file)
        parsed = []
        for number, line in enumerate(loaded.text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                parsed.append(parse_ingredient(line))
            except Exception as error:
                from ladle.errors import LadleError

                if isinstance(error, LadleError):
                    error.where = f"{loaded.location}:{number}"
                    _fail(error)
                raise
        if json_output:
            _print_json([i.to_json() for i in parsed])
            return
        from ladle.console import ingredient_table

        _stdout().print(ingredient_table(parsed, show_text=True))


@app.command()
def demo() -> None:
    """The main job on the built-in example: read it, check it, plan dinner, shop for it."""
    with _errors():
        from datetime import datetime, timedelta

        from ladle.checker import check as check_recipe
        from ladle.console import findings_panel, plan_timeline, recipe_card, shopping_table
        from ladle.examples import example_text
        from ladle.formats import read_text
        from ladle.planning.planner import plan as make_plan
        from ladle.shopping import shopping_list

        name = "pork-belly-dinner.txt"
        recipe = read_text(example_text(name), "text", f"examples/{name}")[0]
        out = _stdout()
        out.rule("[bold]1. Reading the built-in example")
        out.print(recipe_card(recipe))
        out.print(
            f"[dim]Read {len(recipe.ingredients)} ingredients, {len(recipe.steps)} steps, "
            f"{len(recipe.variants)} variants, {len(recipe.pairings)} pairings. "
            f"Try: ladle parse YOUR-RECIPE.txt --json[/dim]"
        )
        out.rule("[bold]2. Checking it")
        out.print(findings_panel(recipe.title, check_recipe(recipe)))
        now = datetime.now().replace(second=0, microsecond=0)
        serve_at = (now + timedelta(days=1)).replace(hour=19, minute=0)
        out.rule(f"[bold]3. Planning dinner for {serve_at:%A} at 19:00, one oven, one cook")
        out.print(plan_timeline(make_plan([recipe], serve_at, now=now)))
        article = ("Two-Stage", "Carrot Roasting")
        exact = make_plan([recipe], serve_at, exact=True, methods=article, now=now)
        out.print("[bold]The article's way exactly (two-stage pork, carrots at 425°F):[/bold]")
        for line in exact.explanation:
            out.print(f"  [red]{line}[/red]")
        out.print(
            '[dim]Try: ladle plan RECIPE... --serve-at "YYYY-MM-DD 19:00" '
            "--kitchen kitchen.toml --svg plan.svg --ics plan.ics[/dim]"
        )
        out.rule("[bold]4. Shopping for it")
        out.print(shopping_table(shopping_list([recipe])))


def main() -> None:
    """Entry point of the ``ladle`` command."""
    run: Callable[..., Any] = app
    try:
        run(standalone_mode=True)
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:  # a bug: one line, not a traceback (LADLE_DEBUG=1 shows it)
        if os.environ.get("LADLE_DEBUG"):
            raise
        sys.stderr.write(
            f"error: ladle: internal error ({type(error).__name__}: {error}) "
            "(set LADLE_DEBUG=1 for the traceback and report it)\n"
        )
        sys.exit(1)
