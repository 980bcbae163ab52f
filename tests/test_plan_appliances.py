"""A rice cooker and a sous-vide bath are appliances as a slow cooker is: a step that cooks in
one happens in it, a kitchen file names them in any spelling, a kitchen without one refuses the
meal naming it, and with no kitchen file one is assumed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ladle.formats import read, read_text
from ladle.model import Recipe
from ladle.plan_model import Plan
from ladle.planning.kitchen import Kitchen, kitchen_from
from ladle.planning.planner import plan

MEALS = Path(__file__).parent / "cases" / "meals"
SERVE = datetime(2026, 12, 20, 19, 0)
NOW = datetime(2026, 12, 1, 8, 0)

RICE = """Rice-Cooker Jasmine Rice

Serves 4

Ingredients
2 cups jasmine rice
2 1/2 cups water

Instructions
1. Rinse the rice in a sieve until the water runs clear.
2. Cook the rice with the water in the rice cooker for 40 minutes.
3. Fluff the rice with a fork and serve hot.
"""


def rice() -> Recipe:
    return read_text(RICE)[0]


def _uses(result: Plan, appliance: str) -> list[str]:
    return [t.text for t in result.tasks if any(u.resource == appliance for u in t.uses)]


def test_a_rice_cooker_dish_cooks_in_the_kitchens_rice_cooker() -> None:
    kitchen = kitchen_from({"appliance": [{"name": "rice-cooker"}]})
    result = plan([rice()], SERVE, kitchen, now=NOW)
    assert result.status in ("optimal", "feasible")
    assert any(t.startswith("Cook the rice") for t in _uses(result, "rice cooker"))
    assert not any(u.resource == "burner" for t in result.tasks for u in t.uses)


def test_a_kitchen_without_a_rice_cooker_refuses_the_meal_naming_it() -> None:
    result = plan([rice()], SERVE, Kitchen(appliances=("slow cooker",)), now=NOW)
    assert result.status == "infeasible"
    assert any("needs a rice cooker" in line for line in result.explanation), result.explanation


def test_with_no_kitchen_file_a_rice_cooker_is_assumed() -> None:
    result = plan([rice()], SERVE, now=NOW)
    assert result.status in ("optimal", "feasible")
    assert any("a rice cooker is assumed" in a for a in result.assumptions)
    assert _uses(result, "rice cooker")


def test_a_kitchen_files_sous_vide_is_the_bath_the_salmon_cooks_in() -> None:
    salmon = read(str(MEALS / "sous-vide-salmon.txt"))[0]
    kitchen = kitchen_from({"appliance": [{"name": "Sous-Vide"}]})
    result = plan([salmon], SERVE, kitchen, now=NOW)
    assert result.status in ("optimal", "feasible")
    assert any(t.startswith("Cook the salmon") for t in _uses(result, "sous vide"))
    refused = plan([salmon], SERVE, Kitchen(), now=NOW)
    assert refused.status == "infeasible"
    assert any("needs a sous vide" in line for line in refused.explanation)
