"""Hostile recipes through every command: arbitrary text, numbers and markup go through
``parse``, ``check``, ``scale``, ``convert``, ``export`` (every format but PDF, which has its
own tests) and ``plan``, read as each kind of source. Whatever comes in, ladle answers with
exit 0, 1 or 2; a refusal is one line; never an internal error; JSON output is valid JSON
(no NaN or Infinity); the input file is unchanged (issue 13)."""

from __future__ import annotations

import io
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladle.cli import main

FRAGMENTS = [
    "Roast Chicken",
    "[bold]Pad Thai[/bold]",
    "Pad Thai [/vegan]",
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "Serves 4",
    "Serves 1e400",
    "Ingredients",
    "Instructions",
    "1. Preheat the oven to 425°F.",
    "2 cups flour",
    "1 stick cinnamon",
    "9" * 40 + " cups sugar",
    "Simmer for " + "9" * 309 + " minutes.",
    "Bake for Infinity minutes.",
    "NaN tbsp salt",
    "Grill the steaks for 8 minutes, 4 minutes per side.",
    "In the last 99999999999999999999 minutes, glaze.",
    "Refrigerate for 90 days.",
    "100. Serve.",
    "@salt{pinch}",
    "#pot{}",
    "~{1e400%minutes}",
    "[- comment -]",
    ">> servings: .inf",
    '{"ladle": 1, "title": "x", "yield": {"servings": -4}}',
    "<script>alert(1)</script>",
    "50% whole wheat flour",
    "",
]

documents = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map("\n".join)
suffixes = st.sampled_from([".txt", ".cook", ".json", ".html", ".md"])
TOMORROW = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%d") + " 19:00"


def ladle(*args: str) -> tuple[int, str, str]:
    """The CLI in this process: exit code, standard output, standard error."""
    out, err = io.TextIOWrapper(io.BytesIO()), io.TextIOWrapper(io.BytesIO())
    argv = sys.argv
    sys.argv = ["ladle", *args]
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    finally:
        sys.argv = argv
    out.flush()
    err.flush()
    return code, _text(out), _text(err)


def _text(stream: io.TextIOWrapper) -> str:
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8", "replace")


def _answered(code: int, err: str, what: str) -> None:
    assert code in (0, 1, 2), (what, code, err)
    assert "internal error" not in err, (what, err)
    assert "Traceback" not in err, (what, err)
    if code != 0:
        lines = [line for line in err.strip().splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), (what, err)


COMMANDS: list[list[str]] = [
    ["parse", "--json"],
    ["check"],
    ["check", "--json"],
    ["scale", "--factor", "2", "--json"],
    ["convert", "--units", "metric", "--json"],
    ["export", "--to", "ladle"],
    ["export", "--to", "jsonld"],
    ["export", "--to", "cooklang"],
    ["export", "--to", "markdown"],
    ["export", "--to", "html"],
    ["plan", "--serve-at", TOMORROW, "--time-limit", "2", "--json"],
]


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=documents, suffix=suffixes)
def test_any_recipe_through_every_command(tmp_path: Path, document: str, suffix: str) -> None:
    source = tmp_path / f"hostile{suffix}"
    source.write_text(document, encoding="utf-8")
    before = source.read_bytes()
    for command in COMMANDS:
        args = [command[0], str(source), *command[1:]]
        code, out, err = ladle(*args)
        _answered(code, err, " ".join(command))
        if (code == 0 and "--json" in command) or (
            command[-1] in {"ladle", "jsonld"} and code == 0
        ):
            json.loads(out, parse_constant=_no_constant)  # valid JSON: no NaN, no Infinity
        if code == 0:
            assert "\x1b" not in out, command  # no terminal control from recipe text
        assert source.read_bytes() == before, command


def _no_constant(name: str) -> object:
    raise AssertionError(f"{name} in JSON output")


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--serve-at", TOMORROW, "--time-limit", "nan"],
        ["scale", "--factor", "inf"],
        ["export", "--to", "nonsense"],
        ["--no-such-flag"],
    ],
)
def test_bad_flags_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    source = tmp_path / "r.txt"
    source.write_text("Toast\n\nIngredients\n1 slice bread\n\nInstructions\n1. Toast it.\n")
    full = [args[0], str(source), *args[1:]] if not args[0].startswith("-") else args
    code, _out, err = ladle(*full)
    assert code == 2
    _answered(code, err, " ".join(args))
