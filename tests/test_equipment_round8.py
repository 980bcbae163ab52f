"""Equipment read more widely (issue 11, eighth round): a kitchen towel is cloth, a piece of
kitchen towel is paper; appliances and tools no page had named before. Each case is a sentence
written for ladle."""

from __future__ import annotations

import pytest

from ladle.model import Ingredient
from ladle.steps import understand_steps


def _equipment(text: str) -> set[str]:
    steps = understand_steps([(text, None)], list[Ingredient]())
    return set(steps[0].equipment)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Cover the bowl with a clean kitchen towel and leave it somewhere warm.",
            "towel",
            "paper towels",
        ),
        (
            "Tip the grated courgette onto a kitchen towel and squeeze it dry.",
            "towel",
            "paper towels",
        ),
        ("Wipe the pan with a piece of kitchen towel dipped in oil.", "paper towels", "towel"),
        ("Lift the fritters onto a sheet of kitchen towel to drain.", "paper towels", "towel"),
    ],
)
def test_a_kitchen_towel_is_cloth_and_a_piece_of_it_paper(
    text: str, present: str, absent: str
) -> None:
    found = _equipment(text)
    assert present in found and absent not in found, found


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        (
            "Roll each piece of dough through the pasta machine on its thinnest setting.",
            "pasta machine",
        ),
        ("Pass the pork shoulder through a mincer twice.", "meat grinder"),
        ("Dry the apple rings in a dehydrator at 135°F until leathery.", "dehydrator"),
        ("Put everything in the bread machine and start the dough cycle.", "bread machine"),
        ("Shave the cheese thinly with a cheese slicer.", "cheese slicer"),
        ("Layer the sponge and custard in a trifle bowl.", "trifle dish"),
        ("Stir the noodles gently with chopsticks.", "chopsticks"),
        ("Spoon the mixture into a silicone mould and freeze until firm.", "mold"),
        ("Sift the flour into the bowl with a flour sifter.", "sieve"),
        ("Butter a soufflé dish and dust it with sugar.", "baking dish"),
        ("Press the rice into a ring mould on each plate.", "pastry ring"),
        ("Beat the cream with an egg beater until it holds soft peaks.", "whisk"),
        ("Season with a few turns of the pepper mill.", "pepper mill"),
        ("Mahl den Pfeffer mit der Pfeffermühle.", "pepper mill"),
        ("Mettez la pâte dans la machine à pain.", "bread machine"),
        ("Mos bønnerne med en stavblender.", "immersion blender"),
        ("Pisk fløden med en elpisker.", "stand mixer"),
        ("Stamp krydderierne i en vijzel.", "mortar and pestle"),
        ("Zerstoße die Gewürze im Mörser.", "mortar and pestle"),
        ("Passer la soupe au robot.", "food processor"),
        ("Rozwałkuj ciasto wałkiem.", "rolling pin"),
        ("Połóż ciastka na blasze do pieczenia.", "baking sheet"),
        ("Zmiksuj zupę blenderem.", "blender"),
    ],
)
def test_tools_named_for_the_first_time(text: str, tool: str) -> None:
    assert tool in _equipment(text)


@pytest.mark.parametrize(
    ("text", "bowl"),
    [
        ("Doe de bloem in een grote kom.", True),
        ("Verdeel over twee kommen.", True),
        ("Kom smørret ved og kør til det ligner brødkrummer.", False),
        ("Smelt lidt smør eller kom lidt olie på en pande.", False),
    ],
)
def test_the_dutch_bowl_and_the_danish_verb(text: str, bowl: bool) -> None:
    assert ("mixing bowl" in _equipment(text)) is bowl


def test_plastic_wrap_in_danish() -> None:
    assert "plastic wrap" in _equipment("Kom køkkenfilm omkring dejen og lad den hvile.")


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("Sirve el arroz en un plato llano.", "plate"),
        ("Divida o arroz em dois pratos.", "plate"),
        ("Haal het vlees uit de pan en leg het op een bord.", "plate"),
        ("Anret fisken på tallerkener.", "plate"),
        ("Låt degen jäsa under bakduk i 30 minuter.", "towel"),
    ],
)
def test_plates_and_cloths_abroad(text: str, tool: str) -> None:
    assert tool in _equipment(text)


def test_a_dish_that_is_a_meal_is_no_plate() -> None:
    assert "plate" not in _equipment("Finalize o preparo com pimenta, criando um prato delicioso.")
