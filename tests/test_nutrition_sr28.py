"""ladle's panel for its built-in pork belly, worked out against USDA's real SR28 zip.

The figure to reach is the one published with the shared data: 5,541.9 kcal for nine named
SR28 foods when every pound on the card is eaten, 5,192.5 kcal when the pork's skin and the
carrots' trimmings are taken off first. Both must come out within 2%.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ladle.examples import example_text
from ladle.foods.matching import HIGH_CONFIDENCE, Matcher, synonym_targets
from ladle.foods.panel import nutrition
from ladle.foods.table import FoodTable
from ladle.formats import read_text
from ladle.model import Recipe
from ladle.store import Library, open_library

from .conftest import shared

# The nine foods of the published figure, by the example's ingredient line.
REFERENCE = {
    "2 lb pork belly": "10005",
    "2 tbsp olive oil": "04053",
    "1/4 cup honey": "19296",
    "1/4 cup Dijon mustard": "02046",
    "1 tbsp soy sauce (optional)": "16123",
    "1 tsp garlic powder": "02020",
    "1 lb carrots, peeled and cut into sticks": "11124",
    "1 tbsp butter": "01001",
    "1 tbsp fresh thyme leaves": "02049",
}
EDIBLE_KCAL = 5541.9
AS_BOUGHT_KCAL = 5192.5


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """A SQLite library with SR28 imported, once for the module."""
    from ladle.foods.usda import read_release

    release = read_release(shared("data/usda-sr28/sr28asc.zip"))
    path = Path(tmp_path_factory.mktemp("sr28")) / "library.db"
    with open_library(f"sqlite:///{path}") as opened:
        opened.import_foods(release)
        yield opened


@pytest.fixture(scope="module")
def table(library: Library) -> FoodTable:
    return library.food_table()


@pytest.fixture(scope="module")
def recipe() -> Recipe:
    name = "pork-belly-dinner.txt"
    return read_text(example_text(name), "text", f"examples/{name}")[0]


def test_every_synonym_names_a_food_of_sr28(table: FoodTable) -> None:
    descriptions = {food.description for food in table.names()}
    missing = {k: v for k, v in synonym_targets().items() if v not in descriptions}
    assert missing == {}


def test_the_reference_foods_give_the_reference_energy(library: Library, recipe: Recipe) -> None:
    for line, food_id in REFERENCE.items():
        name = next(i.name for i in recipe.ingredients if i.text == line)
        assert name is not None
        library.set_food_override(name, food_id)
    try:
        report = nutrition(recipe, library.food_table())
    finally:
        for line in REFERENCE:
            name = next(i.name for i in recipe.ingredients if i.text == line)
            library.set_food_override(name or line, None)
    assert {m.text: m.food_id for m in report.matches} == REFERENCE
    assert all(m.method == "override" for m in report.matches)
    assert report.total["energy_kcal"] == pytest.approx(EDIBLE_KCAL, rel=0.02)
    assert [x.reason for x in report.left_out] == ["to taste"]


def test_the_automatic_matches_against_the_reference_foods(
    table: FoodTable, recipe: Recipe, capsys: pytest.CaptureFixture[str]
) -> None:
    report = nutrition(recipe, table)
    by_id = {food.id: food for food in table.names()}
    with capsys.disabled():
        print("\nline | automatic match (confidence, method) | reference food")
        for m in report.matches:
            wanted = by_id[REFERENCE[m.text]].description
            verdict = "same" if m.food_id == REFERENCE[m.text] else "DIFFERENT"
            print(f"{m.text} | {m.description} ({m.confidence}, {m.method}) | {wanted} [{verdict}]")
    assert {m.text for m in report.matches} == set(REFERENCE)
    same = [m for m in report.matches if m.food_id == REFERENCE[m.text]]
    assert len(same) >= 8
    assert all(m.confidence >= HIGH_CONFIDENCE for m in same)
    assert report.total["energy_kcal"] == pytest.approx(EDIBLE_KCAL, rel=0.02)


def test_word_matching_alone_finds_most_reference_foods(table: FoodTable, recipe: Recipe) -> None:
    """Without the synonyms table: 6 of 9 the reference food, butter unsalted instead of salted
    (same kind), soy sauce a peanut sauce that names it, Dijon mustard nothing."""
    matcher = Matcher(table, synonyms=False)
    found = {i.text: matcher.match_ingredient(i) for i in recipe.ingredients}
    same = [
        line for line, food_id in REFERENCE.items() if (m := found[line]) and m.food_id == food_id
    ]
    assert len(same) >= 6
    butter = found["1 tbsp butter"]
    assert butter is not None and butter.description.startswith("Butter, ")


def test_as_bought_removes_the_pork_skin_and_carrot_scrapings(
    table: FoodTable, recipe: Recipe
) -> None:
    report = nutrition(recipe, table, as_bought=True)
    assert report.total["energy_kcal"] == pytest.approx(AS_BOUGHT_KCAL, rel=0.02)
    refuse = {m.food_id: m.refuse_percent for m in report.matches if m.refuse_percent}
    assert refuse["10005"] == 7  # the pork belly (SOURCE.md: 7% refuse)
    assert refuse["11124"] == 11  # the carrots (11%)


def test_scaling_to_eight_servings_doubles_the_recipe(table: FoodTable, recipe: Recipe) -> None:
    four = nutrition(recipe, table)
    eight = nutrition(recipe, table, servings=8)
    assert eight.total["energy_kcal"] == pytest.approx(2 * four.total["energy_kcal"])
    assert eight.per_serving == pytest.approx(four.per_serving)


def test_common_kitchen_names_find_their_food(table: FoodTable) -> None:
    """Each name finds a food whose description holds the words a cook would look for: the
    table's own word for it ("all-purpose" flour, "canned" tomatoes), the food raw where the
    name means it raw, a misspelling forgiven."""
    matcher = Matcher(table)
    wanted = {
        "eggs": ("egg", "whole", "raw"),
        "plain flour": ("wheat", "flour", "all-purpose"),
        "red onion": ("onions", "raw"),
        "kohlrabbi": ("kohlrabi", "raw"),
        "cod fillets": ("cod", "raw"),
        "tinned chopped tomatoes": ("tomatoes", "canned"),
    }
    found = {}
    for name, words in wanted.items():
        match = matcher.match(name)
        said = set(match.description.lower().replace(",", " ").split()) if match else set()
        found[name] = set(words) <= said
    assert found == dict.fromkeys(wanted, True)


def test_the_command_line_from_import_to_panel(tmp_path: Path) -> None:
    """`ladle nutrition import` the real zip, choose a food, and print the example's panel."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "LADLE_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}

    def ladle(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "ladle", *args],
            capture_output=True, text=True, timeout=300, check=False, env=env,
        )  # fmt: skip

    zipped = str(shared("data/usda-sr28/sr28asc.zip"))
    assert ladle("nutrition", "import", zipped).returncode == 0
    recipe_file = tmp_path / "pork-belly-dinner.txt"
    recipe_file.write_text(example_text("pork-belly-dinner.txt"), encoding="utf-8")
    assert ladle("nutrition", "match", "Dijon mustard", "02046").returncode == 0
    done = ladle("nutrition", str(recipe_file), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["nutrients"][0]["total"] == pytest.approx(EDIBLE_KCAL, rel=0.02)
    mustard = next(m for m in report["matches"] if "Dijon" in m["text"])
    assert (mustard["food_id"], mustard["method"]) == ("02046", "override")
    bought = json.loads(ladle("nutrition", str(recipe_file), "--as-bought", "--json").stdout)
    assert bought["nutrients"][0]["total"] == pytest.approx(AS_BOUGHT_KCAL, rel=0.02)
