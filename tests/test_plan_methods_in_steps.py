"""A recipe whose steps give two methods for one dish is planned by one of them.

"Instant Pot Method" and "Slow Cooker Method" sections, or steps that open with "Instant
Pot:" and "Slow cooker:", are two ways to cook the same dish: the plan cooks by the one
``--method`` names, else one the kitchen has, else the first, and says which steps it left
out. The recipes are written here for ladle, in its own words.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from ladle.errors import RequestError
from ladle.formats import read_text
from ladle.model import Recipe, Step
from ladle.plan_model import Plan
from ladle.planning.kitchen import Kitchen
from ladle.planning.methods_in_steps import methods_in_steps
from ladle.planning.planner import plan

from .test_cli import ladle, one_error_line

SERVE = datetime(2026, 11, 12, 18, 30)
NOW = datetime(2026, 11, 12, 7, 0)
PRESSURE = Kitchen(appliances=("pressure cooker",))
SLOW = Kitchen(appliances=("slow cooker",))

# Two methods under their own headings, then a step both share.
CARNITAS = """\
Pork Carnitas Two Ways

Serves 6

Ingredients
3 pounds pork shoulder, cut in 3 pieces
1 onion, quartered
1 orange, juiced
1 cup chicken stock
12 corn tortillas

Instructions
Rub the pork all over with salt, cumin and oregano.

Instant Pot Method:
Set the Instant Pot to saute and brown the pork on every side, about 10 minutes.
Add the onion, orange juice and stock, lock the lid and cook on high pressure for 60 minutes.
Let the pressure come down naturally for 15 minutes, then open the lid.

Slow Cooker Method:
Put the pork, onion, orange juice and stock in the slow cooker.
Cover and cook on low for 8 hours, until the pork falls apart.

To Serve:
Shred the pork with two forks and serve it hot in warm tortillas.
"""

# Each method in one step that opens with its name.
CHILI = """\
Weeknight Bean Chili

Serves 4

Ingredients
1 onion, chopped
2 cans kidney beans, drained
1 can crushed tomatoes
2 tablespoons chili powder

Instructions
1. Chop the onion and open the cans.
2. Instant Pot: saute the onion for 5 minutes, add the rest and cook on high pressure 10 minutes.
3. Slow cooker: put everything in the slow cooker and cook on low for 6 hours.
4. Serve hot with sour cream.
"""

# One method; the other appliance only comes up in passing.
STEW = """\
Slow Cooker Lentil Stew

Serves 4

Ingredients
1 cup brown lentils
2 carrots, sliced
1 onion, chopped
4 cups vegetable stock

Instructions
1. Rinse the lentils and slice the carrots.
2. Put it all in the slow cooker (a pressure cooker turns lentils to mush). Cook on low 7 hours.
3. Serve hot with crusty bread.
"""


def recipe(text: str) -> Recipe:
    return read_text(text)[0]


def planned_steps(result: Plan) -> set[int]:
    return {t.step for t in result.tasks if t.step is not None}


def resources(result: Plan) -> set[str]:
    return {u.resource for t in result.tasks for u in t.uses}


def test_a_kitchen_with_a_pressure_cooker_cooks_by_the_instant_pot_steps() -> None:
    carnitas = recipe(CARNITAS)
    result = plan([carnitas], SERVE, PRESSURE, now=NOW)
    assert result.status in ("optimal", "feasible")
    assert planned_steps(result) == {1, 2, 3, 4, 7}
    assert not any("slow cooker" in r for r in resources(result))
    assert (
        "Pork Carnitas Two Ways: cooked by the Instant Pot method (the kitchen has a pressure "
        "cooker); steps 5–6, the Slow Cooker method, not planned"
    ) in result.assumptions


def test_a_kitchen_with_a_slow_cooker_cooks_by_the_slow_cooker_steps() -> None:
    carnitas = recipe(CARNITAS)
    result = plan([carnitas], SERVE, SLOW, now=NOW)
    assert result.status in ("optimal", "feasible")
    assert planned_steps(result) == {1, 5, 6, 7}
    assert not any("pressure cooker" in r for r in resources(result))
    assert any(
        "cooked by the Slow Cooker method (the kitchen has a slow cooker); steps 2–4, the "
        "Instant Pot method, not planned" in line
        for line in result.assumptions
    )


def test_steps_that_open_with_their_method_are_methods_too() -> None:
    chili = recipe(CHILI)
    found = methods_in_steps(chili.steps)
    assert [(m.appliance, m.steps) for m in found] == [
        ("pressure cooker", (2,)),
        ("slow cooker", (3,)),
    ]
    result = plan([chili], SERVE, SLOW, now=NOW)
    assert planned_steps(result) == {1, 3, 4}
    assert any("step 2, the Instant Pot method, not planned" in a for a in result.assumptions)


def test_the_method_asked_for_wins_over_the_kitchen() -> None:
    carnitas = recipe(CARNITAS)
    both = Kitchen(appliances=("pressure cooker", "slow cooker"))
    assert planned_steps(plan([carnitas], SERVE, both, now=NOW)) == {1, 2, 3, 4, 7}  # the first
    result = plan([carnitas], SERVE, both, now=NOW, methods=["slow cooker"])
    assert planned_steps(result) == {1, 5, 6, 7}
    assert any("cooked by the Slow Cooker method (as asked" in a for a in result.assumptions)
    chili = plan([recipe(CHILI)], SERVE, both, now=NOW, methods=["Slow"])
    assert planned_steps(chili) == {1, 3, 4}


def test_a_method_the_recipe_does_not_give_is_refused_with_the_ones_it_does() -> None:
    with pytest.raises(RequestError) as raised:
        plan([recipe(CARNITAS)], SERVE, PRESSURE, now=NOW, methods=["air fryer"])
    message = str(raised.value)
    assert "'air fryer' matches no method" in message
    assert "'Instant Pot'" in message and "'Slow Cooker'" in message


def test_a_slow_cooker_named_in_passing_is_no_second_method() -> None:
    stew = recipe(STEW)
    assert methods_in_steps(stew.steps) == []
    result = plan([stew], SERVE, SLOW, now=NOW)
    assert planned_steps(result) == {1, 2, 3}
    assert not any("cooked by the" in a for a in result.assumptions)
    with pytest.raises(RequestError, match="'pressure cooker' matches no method"):
        plan([stew], SERVE, SLOW, now=NOW, methods=["pressure cooker"])


def test_ladle_plan_method_picks_and_an_unknown_one_is_one_error_line(tmp_path: Path) -> None:
    page = tmp_path / "carnitas.txt"
    page.write_text(CARNITAS, encoding="utf-8")
    kitchen = tmp_path / "kitchen.toml"
    kitchen.write_text(
        '[[appliance]]\nname = "pressure cooker"\n\n[[appliance]]\nname = "slow cooker"\n',
        encoding="utf-8",
    )
    serve = "2030-11-12 18:30"
    result = ladle("plan", str(page), "--serve-at", serve, "--kitchen", str(kitchen),
                   "--method", "crockpot", "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert "cooked by the Slow Cooker method" in result.stdout.decode()
    refused = ladle("plan", str(page), "--serve-at", serve, "--method", "sous vide")
    assert refused.returncode == 1
    line = one_error_line(refused)
    assert "'sous vide' matches no method" in line and "'Instant Pot', 'Slow Cooker'" in line


def test_a_step_that_is_only_a_heading_opens_its_method() -> None:
    steps = [
        Step("Season the beef all over."),
        Step("Oven Method:"),
        Step("Cover and bake at 325°F for 3 hours.", heat="oven", equipment=["oven"]),
        Step("Let it rest for 10 minutes."),
        Step("Slow Cooker Method:"),
        Step("Cook on low for 8 hours.", heat="slow cooker", equipment=["slow cooker"]),
        Step("Slice and serve."),
    ]
    found = methods_in_steps(steps)
    assert [(m.name, m.appliance, m.steps) for m in found] == [
        ("Oven", "oven", (2, 3, 4)),
        ("Slow Cooker", "slow cooker", (5, 6)),
    ]
    # a step that cooks in an appliance is no heading, however short
    plain = [Step("Cook on the stovetop.", heat="stove"), Step("Cook in the slow cooker.")]
    assert methods_in_steps(plain) == []
