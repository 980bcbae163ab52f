"""The nutrition panel in the recipe's outputs: schema.org JSON-LD and the printable card."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import ladle
from ladle.foods.panel import nutrition
from ladle.foods.table import Food, MemoryFoodTable, Portion
from ladle.formats import card, jsonld
from ladle.model import Recipe, Yield

from .conftest import CASES
from .test_store import _ladle
from .usda_fixtures import sr28, write_zip

CHICKEN = CASES / "text" / "01-roast-chicken.txt"

# This test's own foods, round numbers.
TABLE = MemoryFoodTable(
    [
        Food("h1", "Honey", "Sweets", {"energy_kcal": 300.0, "sugars": 80.0, "sodium": 4.0},
             (Portion(1, "cup", 340),)),
        Food("e1", "Egg, whole, raw, fresh", "Eggs",
             {"energy_kcal": 140.0, "protein": 12.5, "fat": 10.0, "cholesterol": 370.0},
             (Portion(1, "large", 50),)),
    ]
)  # fmt: skip


def _recipe(servings: float | None = 2) -> Recipe:
    lines = ["1/2 cup honey", "4 large eggs", "salt to taste"]
    return Recipe(
        "Honey eggs",
        yield_=Yield(servings=servings),
        ingredients=[ladle.parse_ingredient(line) for line in lines],
    )


def test_json_ld_carries_nutrition_per_serving() -> None:
    report = nutrition(_recipe(), TABLE).to_json()
    data = jsonld.to_schema_org(_recipe(), report)
    assert data["nutrition"] == {
        "@type": "NutritionInformation",
        "servingSize": "1 of 2 servings",
        "calories": "395 kcal",  # (170 g honey at 300 + 200 g egg at 140) / 2
        "proteinContent": "12.5 g",
        "fatContent": "10.0 g",
        "sugarContent": "68.0 g",
        "sodiumContent": "3 mg",
        "cholesterolContent": "370 mg",
    }


def test_json_ld_of_a_recipe_without_servings_is_for_the_whole_recipe() -> None:
    report = nutrition(_recipe(servings=None), TABLE).to_json()
    info = jsonld.to_schema_org(_recipe(servings=None), report)["nutrition"]
    assert info["servingSize"] == "the whole recipe"
    assert info["calories"] == "790 kcal"


def test_json_ld_without_a_report_has_no_nutrition() -> None:
    assert "nutrition" not in jsonld.to_schema_org(_recipe())


def test_the_card_prints_the_panel_and_embeds_it() -> None:
    report = nutrition(_recipe(), TABLE).to_json()
    page = card.write(_recipe(), nutrition=report)
    assert "<h2>Nutrition</h2>" in page
    assert "<td>Energy</td><td>395 kcal</td><td>790 kcal</td>" in page
    embedded = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(embedded)["nutrition"]["calories"] == "395 kcal"
    assert "Nutrition" not in card.write(_recipe())


def test_scaling_the_recipe_rescales_its_panel() -> None:
    four = nutrition(_recipe(), TABLE, servings=4).to_json()
    energy = card.nutrition_rows(four)[0]
    assert energy == ("Energy", "395 kcal", "1580 kcal")


def test_export_carries_the_panel_when_the_library_holds_a_food_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    plain = _ladle(url, "export", str(CHICKEN), "--to", "jsonld")
    assert plain.returncode == 0, plain.stderr
    assert "nutrition" not in json.loads(plain.stdout)  # no food table: no panel, no error
    imported = _ladle(url, "nutrition", "import", str(write_zip(tmp_path / "sr.zip", sr28())))
    assert imported.returncode == 0, imported.stderr
    made = _ladle(url, "export", str(CHICKEN), "--to", "jsonld")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["nutrition"]["@type"] == "NutritionInformation"
    card = _ladle(url, "export", str(CHICKEN), "--to", "html")
    assert "NutritionInformation" in card.stdout
    cooklang = _ladle(url, "export", str(CHICKEN), "--to", "cooklang")
    assert cooklang.returncode == 0 and "kcal" not in cooklang.stdout


def test_export_does_not_create_the_default_library(tmp_path: Path) -> None:
    home = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    env = {k: v for k, v in os.environ.items() if k != "LADLE_DATABASE_URL"} | home
    done = subprocess.run(
        [sys.executable, "-m", "ladle", "export", str(CHICKEN), "--to", "jsonld"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "data").exists()
