"""Real Cooklang files: ladle → Cooklang → ladle keeps them, and the official parser reads ours.

The corpus is public Cooklang recipe collections on GitHub, which are not part of ladle. Put
their ``.cook`` files in a folder (any layout; one subfolder per collection gives per-collection
figures) named by ``LADLE_COOKLANG_CORPUS``, by default ``../cooklang-corpus`` beside the
checkout. ``uv run --no-sync python scripts/cooklang_corpus.py`` fills it with the collections
the figures were measured on (git clone URLs and commits are listed there). Without the folder
the tests skip and say so.

For every file, reading it (``R1``), writing it with :func:`ladle.formats.cooklang.write` and
reading that back (``R2``) must keep what :func:`kept` lists: each ingredient's text, name,
amount (quantity, range, unit, the words of a text amount, to taste, fixed), preparation and
recipe reference; each step's text, section, durations (timers among them), equipment and the
ingredients it uses; the notes; title, description, yield, times, tags, source URL and the
metadata ladle does not model. And cooklang-bindings (the official parser, cooklang-rs) must
parse every written file without error, and no written file holds ``{%unit}`` (a unit without a
quantity, which it refuses). ``KNOWN_LOSSES`` names the files where the model has no place for
something the round trip needs (strict xfails: a fix shows).

The hand-written recipes of ``tests/cases/cooklang/`` go through the same round trip, so CI
tests it where the corpus is absent.

``uv run --no-sync python -m tests.test_cooklang_corpus`` prints the figures per collection.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from ladle.errors import NoRecipeFound
from ladle.formats import read_text
from ladle.formats.cooklang import write
from ladle.model import Recipe

from .conftest import CASES, ROOT


def read(text: str, location: str) -> list[Recipe]:
    """A Cooklang text read through the pipeline (drafts, then understanding)."""
    return read_text(text, "cooklang", location)


CORPUS = Path(os.environ.get("LADLE_COOKLANG_CORPUS", ROOT.parent / "cooklang-corpus"))
FILES = sorted(CORPUS.rglob("*.cook")) if CORPUS.is_dir() else []
UNIT_ALONE = re.compile(r"(?<!\\)\{=?%")  # "{%unit}": a unit without a quantity
HAND_WRITTEN = sorted((CASES / "cooklang").glob("*.cook"))
# What no writer can keep: the model has no place for it. Strict, so a fix shows.
KNOWN_LOSSES = {
    "albe2669+recipes/Hovedretter/Pasta med skinke og ærter.cook": (
        "@skruer|pastaen: an alias sharing no letters with the name; the model keeps no alias, "
        "so the writer cannot tell which word of the step shows the ingredient (its uses go)"
    ),
}
ABSENT = (
    f"no Cooklang corpus at {CORPUS}: put real .cook files there (or name a folder with "
    "LADLE_COOKLANG_CORPUS); `uv run --no-sync python scripts/cooklang_corpus.py` clones the "
    "public collections it was measured on"
)


def kept(recipe: Recipe) -> dict[str, Any]:
    """What a round trip through Cooklang must keep."""
    return {
        "title": recipe.title,
        "description": recipe.description,
        "yield": recipe.yield_,
        "times": recipe.times,
        "tags": recipe.tags,
        "url": recipe.source.url,
        "metadata": recipe.metadata,
        "notes": recipe.notes,
        "ingredients": [
            (
                i.text,
                i.name,
                i.quantity,
                i.quantity_max,
                i.unit,
                i.comment,
                i.to_taste,
                i.fixed,
                i.preparation,
                i.reference,
            )
            for i in recipe.ingredients
        ],
        "steps": [
            (
                s.text,
                s.section,
                [(d.min_minutes, d.max_minutes, d.text) for d in s.durations],
                s.equipment,
                s.uses,
            )
            for s in recipe.steps
        ],
    }


def differences(before: Recipe, after: Recipe) -> list[str]:
    """The parts of :func:`kept` that differ, each named with both values."""
    old, new = kept(before), kept(after)
    found: list[str] = []
    for key, value in old.items():
        if value == new[key]:
            continue
        if isinstance(value, list) and isinstance(new[key], list):
            for i, (a, b) in enumerate(zip(value, new[key], strict=False)):
                if a != b:
                    found.append(f"{key}[{i}]: {a!r} became {b!r}")
            if len(value) != len(new[key]):
                found.append(f"{key}: {len(value)} became {len(new[key])}")
        else:
            found.append(f"{key}: {value!r} became {new[key]!r}")
    return found


@cache
def _official() -> Any:
    os.environ.setdefault("RUST_BACKTRACE", "0")
    import cooklang

    return cooklang


def official_error(text: str) -> str | None:
    """What the official parser (cooklang-bindings) says against a text, or None."""
    cooklang = _official()
    try:
        cooklang.parse(text)
    except cooklang.CooklangError as error:
        return str(error)
    return None


def _name(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


def _read(path: Path) -> Recipe | None:
    """The recipe of a corpus file, or None for a file with no recipe in it (an empty stub)."""
    try:
        [recipe] = read(path.read_text(encoding="utf-8"), _name(path))
    except NoRecipeFound:
        return None
    return recipe


def _params() -> list[Any]:
    if not FILES:
        return [pytest.param(None, id="absent")]
    return [
        pytest.param(
            path,
            id=_name(path),
            marks=[pytest.mark.xfail(reason=KNOWN_LOSSES[_name(path)], strict=True)]
            if _name(path) in KNOWN_LOSSES
            else [],
        )
        for path in FILES
    ]


def _round_trip(text: str, location: str) -> None:
    """ladle → Cooklang → ladle keeps the recipe, and the official parser reads what is written."""
    [recipe] = read(text, location)
    written = write(recipe)
    [back] = read(written, location)
    assert differences(recipe, back) == [], written
    assert not UNIT_ALONE.search(written), written
    assert official_error(written) is None, written


@pytest.mark.parametrize("path", HAND_WRITTEN, ids=[p.stem for p in HAND_WRITTEN])
def test_the_hand_written_cases_round_trip(path: Path) -> None:
    _round_trip(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("path", _params())
def test_a_round_trip_keeps_the_recipe(path: Path | None) -> None:
    if path is None:
        pytest.skip(ABSENT)
    recipe = _read(path)
    if recipe is None:
        pytest.skip("no recipe in this file (no steps, no ingredients)")
    written = write(recipe)
    [back] = read(written, _name(path))
    assert differences(recipe, back) == [], written
    assert not UNIT_ALONE.search(written), written


@pytest.mark.parametrize("path", FILES or [None], ids=[_name(p) for p in FILES] or ["absent"])
def test_the_official_parser_reads_what_ladle_writes(path: Path | None) -> None:
    if path is None:
        pytest.skip(ABSENT)
    recipe = _read(path)
    if recipe is None:
        pytest.skip("no recipe in this file (no steps, no ingredients)")
    written = write(recipe)
    assert official_error(written) is None, written


def figures() -> None:
    """Per collection: files, full round trips, written files the official parser refuses."""
    totals: dict[str, Counter[str]] = {}
    for path in FILES:
        collection = _name(path).split("/", 1)[0] if "/" in _name(path) else "."
        count = totals.setdefault(collection, Counter())
        count["files"] += 1
        count["source refused"] += official_error(path.read_text(encoding="utf-8")) is not None
        recipe = _read(path)
        if recipe is None:
            count["no recipe"] += 1
            continue
        written = write(recipe)
        [back] = read(written, _name(path))
        count["round trip"] += not differences(recipe, back)
        count["with metadata"] += bool(recipe.metadata)
        count["written refused"] += official_error(written) is not None
    columns = (
        "files",
        "no recipe",
        "round trip",
        "written refused",
        "source refused",
        "with metadata",
    )
    print("| collection | " + " | ".join(columns) + " |")
    print("| --- " * (len(columns) + 1) + "|")
    for name, count in [*sorted(totals.items()), ("all", sum(totals.values(), Counter()))]:
        print(f"| {name} | " + " | ".join(str(count[c]) for c in columns) + " |")


if __name__ == "__main__":
    if not FILES:
        sys.exit(ABSENT)
    figures()
