"""Steps read more widely (issue 11, tenth round): cooking gently, braising, boiling and cooling
said in German, Spanish, Italian, French and Dutch; frying in German; stirring throughout or
now and then said in other languages; an oven setting said twice in a step is one setting,
and converting the step still restates both mentions; a grill's or smoker's heat is not the
oven's; degrees in Chinese, Japanese and Hungarian. Each case is a sentence written for
ladle."""

from __future__ import annotations

import pytest

from ladle.conversion import convert_recipe
from ladle.model import Ingredient, Recipe
from ladle.steps import understand_steps
from ladle.temperatures import find_temperatures


def _attention(text: str) -> str:
    return understand_steps([(text, None)], list[Ingredient]())[0].attention


@pytest.mark.parametrize(
    ("text", "attention"),
    [
        # food left to cook gently, braise, boil or swell: waiting
        ("Den Blumenkohl in Salzwasser 5 Minuten garen.", "passive"),
        ("Den Rotkohl 40 Minuten schmoren.", "passive"),
        ("Die Kartoffeln 20 Minuten dünsten.", "passive"),
        ("Hervir las papas 20 minutos.", "passive"),
        ("Far bollire la pasta 10 minuti.", "passive"),
        # fried in German, or stirred throughout: the cook is at the pan
        ("Den Knoblauch 2 Min. braten, dann die Brühe zugeben und 1 Min. köcheln lassen.",
         "active"),
        ("Das Fleisch 3 Minuten scharf anbraten. Die Sahne zugeben und 2 Minuten köcheln lassen.",
         "active"),
        ("Die Soße unter Rühren 3 Minuten köcheln lassen.", "active"),
        ("Die Milch unter Rühren aufkochen und 2 Minuten kochen lassen.", "active"),
    ],
)  # fmt: skip
def test_waiting_and_work_said_abroad(text: str, attention: str) -> None:
    assert _attention(text) == attention


def test_an_oven_setting_said_twice_is_one_setting() -> None:
    text = "Heat the oven to 375°F. Grease a dish and heat the oven to 375 degrees F."
    step = understand_steps([(text, None)], list[Ingredient]())[0]
    assert [(t.fahrenheit, t.kind) for t in step.temperatures] == [(375.0, "oven")]
    # two settings, or a setting and another heat, stay apart
    text = "Bake at 375°F for 20 minutes, then at 400°F for 10, then at 400°F again."
    step = understand_steps([(text, None)], list[Ingredient]())[0]
    assert [t.fahrenheit for t in step.temperatures] == [375.0, 400.0]


def test_converting_a_setting_said_twice_restates_both_mentions() -> None:
    text = "Heat the oven to 375°F. Grease a dish and heat the oven to 375 degrees F."
    steps = understand_steps([(text, None)], list[Ingredient]())
    metric = convert_recipe(Recipe(title="Dish", ingredients=[], steps=steps), "metric")
    assert metric.steps[0].text.count("190°C") == 2, metric.steps[0].text
    assert [t.text for t in metric.steps[0].temperatures] == ["190°C (375°F)"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a grill, smoker or griddle heated: its heat, not the oven's
        ("Preheat the grill to medium (350-375°F).", [(375.0, "other")]),
        ("Clean the grill grates and preheat to a high heat (450-500 degrees F).",
         [(500.0, "other")]),
        ("Preheat the smoker to 285°F and mix the rub.", [(285.0, "other")]),
        # ... unless the oven bakes, or the food's own heat is read
        ("Bake on the grill pan at 400°F.", [(400.0, "oven")]),
        ("Grill until it reaches 145°F.", [(145.0, "internal")]),
        # degrees in Chinese and Japanese, run on; and in Hungarian
        ("烤箱预热200度，烤15分钟", [(392.0, "oven")]),
        ("180度に予熱したオーブンで焼く", [(356.0, "oven")]),
        ("Toljuk 180 fokosra előmelegített sütőbe.", [(356.0, "oven")]),
        # a number's point or comma is no break between the heat and its oven
        ("Lefedve 160°C-on 2,5–3 óra alatt puhára sütjük.", [(320.0, "oven")]),
        ("Préchauffez le four th.7 (210°C).", [(410.0, "oven")]),
        # a kitchen machine's setting, however the slashes are typed
        ("Cuire 15 min/100°C//vitesse 1 avec le panier.", [(212.0, "other")]),
        # "twice" in Japanese is no temperature
        ("2度揚げする", []),
    ],
)  # fmt: skip
def test_whose_heat_a_temperature_is(text: str, found: list[tuple[float, str]]) -> None:
    assert [(t.fahrenheit, t.kind) for t in find_temperatures(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "Put everything in a large bowl and beat together with electric hand beaters.",
        "Värm mjölken, tillsätt mjölet och arbeta degen i maskin ca 5 min.",
    ],
)
def test_a_mixer_said_as_beaters_or_the_swedish_machine(text: str) -> None:
    step = understand_steps([(text, None)], list[Ingredient]())[0]
    assert "stand mixer" in step.equipment, step.equipment


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Cover and cook on low for about 8 hours. Alternatively, cook on high for 6 hours.",
         (360.0, 480.0)),
        ("Bake for 15 minutes. Or bake at a lower heat for 25 minutes.", (15.0, 25.0)),
        # a sentence that goes on is the next part, not another way
        ("Bake for 15 minutes. Turn and bake for 10 minutes more.", (25.0, 25.0)),
        ("Bake for 15 minutes. Of course, bake 10 minutes more if needed.", (25.0, 25.0)),
    ],
)  # fmt: skip
def test_another_way_said_in_a_sentence_of_its_own(text: str, time: tuple[float, float]) -> None:
    step = understand_steps([(text, None)], list[Ingredient]())[0]
    assert step.time is not None
    assert (step.time.min_minutes, step.time.max_minutes) == time


@pytest.mark.parametrize(
    "text",
    [
        "Mix all the salsa ingredients in a small bowl up to 2 hours before serving.",
        "Serve at once or keep chilled until ready to serve, up to 1 day.",
        "Serve right away, or hold in a 200°F oven for up to 1 hour before serving.",
    ],
)
def test_how_long_food_may_wait_for_serving_is_make_ahead(text: str) -> None:
    step = understand_steps([(text, None)], list[Ingredient]())[0]
    assert step.time is None
    assert [d.role for d in step.durations] == ["make_ahead"]


def test_a_soft_hyphen_splits_no_word() -> None:
    step = understand_steps([("Das Fleisch zwischen Küchen\u00adpapier trocknen.", None)])[0]
    assert "paper towels" in step.equipment
    assert step.text == "Das Fleisch zwischen Küchen\u00adpapier trocknen."  # kept as written


@pytest.mark.parametrize(
    ("text", "attention"),
    [
        # put by to wait in French, covered in French and Italian, by the German packet
        ("Réserver au frigo.", "passive"),
        ("Poursuivez la cuisson 5 min à couvert.", "passive"),
        ("Cuocere 5 minuti, coperto.", "passive"),
        ("Die Nudeln laut Packung in Salzwasser kochen.", "passive"),
        ("Die Gnocchi nach Packungsangabe in Salzwasser kochen.", "passive"),
        # "Réserver." alone is "set aside": neither waiting nor work, as in English
        ("Transférer la viande dans une assiette. Réserver.", "active"),
    ],
)
def test_put_by_covered_or_by_the_packet_abroad(text: str, attention: str) -> None:
    assert _attention(text) == attention
