"""The command line: arguments to a library call to Rich output.

No recipe logic lives here. Every refusal of the library (a ``LadleError``) becomes one line on
standard error, ``error: WHERE: WHAT (HINT)``, and exit code 1; usage errors exit 2. Heavy
libraries load only inside the commands that need them, so ``ladle --help`` stays quick.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, cast

import typer

from ladle import library_cli, nutrition_cli
from ladle.formats.registry import READABLE, WRITABLE
from ladle.library_cli import AllowPrivate, Generic, read_source
from ladle.web.command import serve as serve_command

if TYPE_CHECKING:
    from rich.console import Console

    from ladle.errors import LadleError
    from ladle.model import Recipe
    from ladle.outputs import Output
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
PROGRESS_FROM = library_cli.PROGRESS_FROM  # a progress bar from this many sources on
ONE_SOURCE = "A recipe file, - for standard input, a URL, or a library id."
SOURCES = "Recipe files, - for standard input, URLs, or library ids."


def _stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _in_range(low: float, high: float) -> Callable[[float | None], float | None]:
    """A numeric flag's check: a finite number above ``low`` and at most ``high``.

    A refusal is a usage error: one line naming the flag, exit code 2.
    """

    def check(value: float | None) -> float | None:
        if value is not None and not (math.isfinite(value) and low < value <= high):
            raise typer.BadParameter(
                f"{value:g} is out of range (give a number above {low:g} and at most {high:g})"
            )
        return value

    return check


SERVINGS_RANGE = _in_range(0, 10_000)


def _choice(flag: str, value: str, choices: tuple[str, ...]) -> None:
    """A flag with a fixed set of values; another value is a usage error (exit 2)."""
    if value not in choices:
        sys.stderr.write(
            f"error: {flag}: unknown format {value!r} (use one of: {', '.join(choices)})\n"
        )
        raise typer.Exit(2)


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

    results: list[tuple[str, list[Recipe] | Exception]] = []

    def one(source: str) -> None:
        try:
            found = read_source(source, fmt, generic=generic, allow_private=allow_private)
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
        typer.Argument(help=SOURCES, metavar="SOURCE..."),
    ],
    format: Annotated[
        str,
        typer.Option("--format", "-f", help="Input format: " + ", ".join(FORMAT_CHOICES) + "."),
    ] = "auto",
    all_recipes: Annotated[
        bool, typer.Option("--all", help="Every recipe of each source, not only the main one.")
    ] = False,
    generic: Generic = False,
    allow_private: AllowPrivate = False,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the recipe JSON of contract.md.")
    ] = False,
) -> None:
    """Read recipes and show them as cards, or as ladle's recipe JSON."""
    _choice("--format", format, FORMAT_CHOICES)
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
    return read_source(source, fmt)[0]


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
    source: Annotated[str, typer.Argument(help=ONE_SOURCE)],
    servings: Annotated[
        float | None,
        typer.Option(
            "--servings", "-s", help="Scale to this many servings.", callback=SERVINGS_RANGE
        ),
    ] = None,
    factor: Annotated[
        float | None,
        typer.Option("--factor", "-x", help="Multiply by X.", callback=_in_range(0, 1000)),
    ] = None,
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
    source: Annotated[str, typer.Argument(help=ONE_SOURCE)],
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
    """The serving time: a date and a time of day, in whole minutes (usage errors exit 2)."""
    from datetime import date, datetime

    def refuse(what: str) -> NoReturn:
        sys.stderr.write(f"error: --serve-at: {text!r} {what}\n")
        raise typer.Exit(2)

    cleaned = text.strip().replace("T", " ", 1)
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        refuse('is not a time (write it as "2026-11-26 19:00")')
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        pass
    else:
        refuse(f'is a date without a time (give the time too, "YYYY-MM-DD HH:MM": "{day} 19:00")')
    if moment.second or moment.microsecond:
        refuse(f'has seconds; ladle plans in whole minutes (write "{moment:%Y-%m-%d %H:%M}")')
    return moment


def _check_methods(recipes: list[Recipe], names: list[str]) -> None:
    """Every ``--method`` names a method of a recipe (its article's, or one its steps give),
    as the planner matches them."""
    from ladle.planning.methods_in_steps import check_methods

    with _errors():
        check_methods(recipes, names)


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
        typer.Option(
            "--method",
            help="Cook by this method of a recipe: its article's, or one of two its steps give "
            '("Instant Pot", "slow cooker") (repeatable).',
        ),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the plan JSON.")] = False,
    ics: Annotated[
        str | None,
        typer.Option(
            "--ics", help="Also write an iCalendar file with alarms (- for standard output)."
        ),
    ] = None,
    svg: Annotated[
        str | None,
        typer.Option("--svg", help="Also write an SVG Gantt chart (- for standard output)."),
    ] = None,
    time_limit: Annotated[
        float,
        typer.Option(
            "--time-limit",
            help="Seconds the solver may search (above 0, at most 3600).",
            callback=_in_range(0, 3600),
        ),
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
        from ladle.outputs import Output, check_outputs

        files = [Output(flag, path) for flag, path in (("--svg", svg), ("--ics", ics)) if path]
        inputs = [*sources, *([kitchen] if kitchen else [])]
        check_outputs(files, inputs, stdout_carries="the plan JSON" if json_output else None)
        result = _solve(
            sources,
            moment,
            kitchen,
            exact=exact,
            methods=method or [],
            time_limit=time_limit,
            dishes=(serve or [], after or [], courses),
        )
        _show_plan(result, files, inputs, json_output=json_output, exact=exact)


def _show_plan(
    result: Plan, files: list[Output], inputs: list[str], *, json_output: bool, exact: bool
) -> None:
    """The plan on standard output and in its files; an infeasible plan writes no file."""
    feasible = result.status != "infeasible"
    if files and feasible:
        _plan_files(result, files, inputs)
    if json_output:
        _print_json(result.to_json())
    elif not (feasible and any(f.is_stdout for f in files)):  # else stdout is the file's
        from ladle.console import plan_timeline

        _stdout().print(plan_timeline(result))
    if not feasible:
        reason = result.explanation[0] if result.explanation else "no plan exists"
        hint = "see the fixes above" + (", or plan without --exact" if exact else "")
        if files:
            hint += "; " + " and ".join(f.flag for f in files) + " not written"
        _fail(f"plan: {reason} ({hint})")


def _solve(
    sources: list[str],
    moment: Any,
    kitchen: str | None,
    *,
    exact: bool,
    methods: list[str],
    time_limit: float,
    dishes: tuple[list[str], list[str], bool],
) -> Plan:
    """Read the meal and plan it (``dishes``: the --serve, --after and --courses settings)."""
    from ladle.planning.courses import table_settings
    from ladle.planning.kitchen import load_kitchen
    from ladle.planning.planner import plan as make_plan

    recipes = [read_source(source)[0] for source in sources]
    _check_methods(recipes, methods)
    room = load_kitchen(kitchen) if kitchen else None
    servings, later = table_settings(recipes, *dishes)
    return make_plan(
        recipes,
        moment,
        room,
        exact=exact,
        methods=methods,
        time_limit=time_limit,
        serving=servings,
        after=later,
    )


def _plan_files(result: Plan, files: list[Output], inputs: list[str]) -> None:
    """The plan's Gantt chart and calendar, where asked: all written whole, or none."""
    from ladle.outputs import write_outputs
    from ladle.planning import export

    labelled = export.by_recipe(result)  # several recipes: lanes by recipe
    made = {
        "--svg": lambda: export.gantt_svg(labelled).encode("utf-8"),
        "--ics": lambda: export.to_ics(labelled),
    }
    write_outputs([(output, made[output.flag]()) for output in files], inputs)


@app.command()
def check(
    sources: Annotated[list[str], typer.Argument(help=SOURCES)],
    kitchen: Annotated[
        str | None,
        typer.Option("--kitchen", help="A kitchen file (TOML): how many ovens there are."),
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the findings JSON.")] = False,
) -> None:
    """Find contradictions, gaps and unsafe temperatures in recipes (and their articles)."""
    with _errors():
        from ladle.checker import check as check_recipe

        ovens = 1
        if kitchen:
            from ladle.planning.kitchen import load_kitchen

            ovens = len(load_kitchen(kitchen).ovens)
        reports = []
        for source in sources:
            recipe = read_source(source)[0]
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
        typer.Option(
            "--servings",
            "-s",
            help="Scale every recipe to this many servings first.",
            callback=SERVINGS_RANGE,
        ),
    ] = None,
    units: Annotated[
        str | None, typer.Option("--units", "-u", help="Show every amount in metric or us.")
    ] = None,
    json_output: Annotated[bool, typer.Option("--json", help="Print the list JSON.")] = False,
) -> None:
    """One shopping list for several recipes: merged by food, grouped by aisle."""
    system = _system(units)
    with _errors():
        from ladle.scaling import ScaleRequest, scale_factor
        from ladle.shopping import shopping_list

        recipes = [read_source(source)[0] for source in sources]
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
    source: Annotated[str, typer.Argument(help=ONE_SOURCE)],
    to: Annotated[
        str, typer.Option("--to", "-t", help="Output format: " + ", ".join(EXPORT_CHOICES) + ".")
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="Write to this file, replaced whole; - or none: standard output."
        ),
    ] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="Input format: " + ", ".join(FORMAT_CHOICES))
    ] = "auto",
) -> None:
    """Write a recipe in another format: JSON, schema.org JSON-LD, Cooklang, Markdown, HTML, PDF."""
    _choice("--to", to, EXPORT_CHOICES)
    _choice("--format", format, FORMAT_CHOICES)
    with _errors():
        from ladle.formats import carries_nutrition, write
        from ladle.outputs import STDOUT, Output, check_outputs, to_stdout, write_outputs

        target = Output("-o", output or STDOUT)
        check_outputs([target], [source])
        recipe = read_source(source, format)[0]
        # JSON-LD, the card and the PDF carry the nutrition panel when the library can make one
        found = nutrition_cli.report_or_none(recipe) if carries_nutrition(to) else None
        document = write(recipe, to, nutrition=found)
        if isinstance(document, str):
            document = (document if document.endswith("\n") else document + "\n").encode("utf-8")
        elif target.is_stdout and sys.stdout.isatty():
            _fail(f"export: {to} is binary (give -o FILE, or redirect the output)")
        if target.is_stdout:
            to_stdout(document)
            return
        write_outputs([(target, document)], [source])
        sys.stderr.write(f"wrote {output}\n")


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
    """The main job on the built-in example: read it, check it, plan dinner, shop, nutrition."""
    with _errors():
        from datetime import datetime, timedelta

        from rich.text import Text

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
            out.print(Text(f"  {line}", style="red"))
        out.print(
            '[dim]Try: ladle plan RECIPE... --serve-at "YYYY-MM-DD 19:00" '
            "--kitchen kitchen.toml --svg plan.svg --ics plan.ics[/dim]"
        )
        out.rule("[bold]4. Shopping for it")
        out.print(shopping_table(shopping_list([recipe])))
        out.rule("[bold]5. Its nutrition, per serving and in all")
        nutrition_cli.demo_step(out, recipe)


# The library's commands live in ladle.library_cli, to keep this module small.
app.command("add")(library_cli.add)
app.command("list")(library_cli.list_)
app.command("search")(library_cli.search)
app.command("show")(library_cli.show)
app.command("remove")(library_cli.remove)
app.command("backup")(library_cli.backup)
app.command("restore")(library_cli.restore)
app.command("serve")(serve_command)  # the web app's command lives in ladle.web.command
app.command("tag")(library_cli.tag)
app.command("untag")(library_cli.untag)
app.command("nutrition")(nutrition_cli.nutrition)


def _usage_error(error: Any) -> NoReturn:
    """A usage mistake (unknown option, missing argument, bad value): one line and exit 2."""
    ctx = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError":  # bare ``ladle``: the help, as before
        error.show()
        sys.exit(error.exit_code)
    command = ctx.command_path if ctx is not None else "ladle"
    what = " ".join(error.format_message().split()).rstrip(".")
    sys.stderr.write(f"error: {command}: {what} (see {command} --help)\n")
    sys.exit(error.exit_code)


def main() -> None:
    """Entry point of the ``ladle`` command."""
    run: Callable[..., Any] = app
    try:
        code = run(prog_name="ladle", standalone_mode=False)
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("error: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:  # a bug: one line, not a traceback (LADLE_DEBUG=1 shows it)
        if hasattr(error, "format_message") and isinstance(getattr(error, "exit_code", None), int):
            _usage_error(error)  # Click's exceptions, vendored by Typer or not
        if os.environ.get("LADLE_DEBUG"):
            raise
        sys.stderr.write(
            f"error: ladle: internal error ({type(error).__name__}: {error}) "
            "(set LADLE_DEBUG=1 for the traceback and report it)\n"
        )
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
