"""Step understanding: durations, temperatures, equipment, uses, attention."""

from __future__ import annotations

import pytest

from ladle.clauses import is_instruction
from ladle.durations import find_durations
from ladle.equipment import equipment_in
from ladle.model import Ingredient
from ladle.steps import attention_of, understand_steps
from ladle.temperatures import find_temperatures

Span = tuple[float, float | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("roast for 25 minutes", [(25, 25)]),
        ("roast for 25-30 minutes", [(25, 30)]),
        ("roast for 25–30 minutes", [(25, 30)]),
        ("roast for 25 to 30 mins", [(25, 30)]),
        ("roast for 1.5 to 2 hours", [(90, 120)]),
        ("simmer 1 1/2 hours", [(90, 90)]),
        ("simmer 1½ hours", [(90, 90)]),
        ("bake for an hour and a half", [(90, 90)]),
        ("bake 1 hour 15 minutes", [(75, 75)]),
        ("bake 1 hr 30 min", [(90, 90)]),
        ("bake 1h30", [(90, 90)]),
        ("rest for half an hour", [(30, 30)]),
        ("chill for at least 4 hours", [(240, None)]),
        ("refrigerate for at least 30 minutes", [(30, None)]),
        ("marinate overnight", [(480, 720)]),
        ("keeps for up to 3 days", [(0, 4320)]),
        ("make it a day ahead", [(1440, 1440)]),
        ("cook it up to a day ahead", [(0, 1440)]),
        ("in the last 10 minutes of roasting", [(10, 10)]),
        ("sear 30 seconds a side", [(0.5, 0.5)]),
        ("proof for two hours", [(120, 120)]),
        ("roast 2 hours, then 30–40 minutes more", [(120, 120), (30, 40)]),
        ("Preheat the oven to 350°F (175°C).", []),
        ("cut into 2 cm pieces", []),
    ],
)
def test_durations(text: str, expected: list[Span]) -> None:
    assert [(d.min_minutes, d.max_minutes) for d in find_durations(text)] == expected


def test_duration_keeps_its_words() -> None:
    (duration,) = find_durations("In the last 10 minutes of roasting, brush with glaze.")
    assert duration.text == "In the last 10 minutes"


@pytest.mark.parametrize(
    ("text", "fahrenheit", "celsius", "kind"),
    [
        ("Preheat the oven to 350°F (175°C).", 350, 175, "oven"),
        ("Preheat the oven to 350°F.", 350, 177, "oven"),
        ("Heat the oven to 200°C/180°C fan/gas 6.", 392, 200, "oven"),
        ("Bake at gas mark 4.", 350, 180, "oven"),
        ("Bake at 180C.", 356, 180, "oven"),
        ("Bake at 375 degrees F.", 375, 191, "oven"),
        ("Preheat oven to 425 degrees.", 425, 218, "oven"),
        ("Heat the oil to 350°F.", 350, 177, "oil"),
        ("Cook until a thermometer reads 145°F.", 145, 63, "internal"),
        ("Roast until the internal temperature reaches 165°F (74°C).", 165, 74, "internal"),
        ("Warm the water to 110°F.", 110, 43, "water"),
        ("Hold at 60°C.", 140, 60, "other"),
    ],
)
def test_temperatures(text: str, fahrenheit: float, celsius: float, kind: str) -> None:
    (temperature,) = find_temperatures(text)
    assert (temperature.fahrenheit, temperature.celsius, temperature.kind) == (
        fahrenheit,
        celsius,
        kind,
    )


def test_two_temperatures_in_one_step_keep_their_kinds() -> None:
    found = find_temperatures("Roast at 400°F until the internal temperature reaches 145°F.")
    assert [(t.fahrenheit, t.kind) for t in found] == [(400, "oven"), (145, "internal")]


def test_numbers_that_are_not_temperatures() -> None:
    assert find_temperatures("Use 2 cups flour and 350 g sugar, in 1 cm slices.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Set the meat on a wire rack in a baking tray.", ["wire rack", "baking sheet"]),
        ("Put it on a roasting tray and roast.", ["roasting tray", "oven"]),
        ("Sear in a hot skillet.", ["skillet", "stove"]),
        ("Bring a large pot of water to the boil.", ["pot", "stove"]),
        ("Boil for 10–15 minutes.", ["stove"]),
        ("Simmer in the slow cooker for 3 hours.", ["slow cooker"]),
        ("Melt the butter in a saucepan.", ["saucepan", "stove"]),
        ("Air fry at 400°F for 12 minutes.", ["air fryer"]),
        ("Refrigerate for at least 30 minutes.", ["refrigerator"]),
        ("Check with a meat thermometer.", ["meat thermometer"]),
        ("Whisk until smooth.", []),
        ("Beat the eggs with a whisk.", ["whisk"]),
        ("Roast the carrots in the oven.", ["oven"]),
        ("Serve with the roasted carrots.", []),
    ],
)
def test_equipment(text: str, expected: list[str]) -> None:
    assert equipment_in(text) == expected


@pytest.mark.parametrize(
    ("text", "attention"),
    [
        ("Roast for 1.5 to 2 hours.", "passive"),
        ("Preheat the oven to 350°F.", "passive"),
        ("Refrigerate for at least 30 minutes.", "passive"),
        ("Let it rest for 10 minutes, then carve.", "passive"),
        ("Toss the carrots with olive oil.", "active"),
        ("While the lamb cooks, toss the beans with olive oil.", "active"),
        ("In the final 10 minutes, brush the ham with glaze.", "active"),
        ("Stir constantly for 5 minutes.", "active"),
        ("Serve.", "active"),
    ],
)
def test_attention(text: str, attention: str) -> None:
    assert attention_of(text, find_durations(text)) == attention


def _ingredients(*names: str) -> list[Ingredient]:
    return [Ingredient(text=name, name=name) for name in names]


def test_uses_names_marinade_and_remaining() -> None:
    ingredients = _ingredients(
        "pork belly",
        "Salt and pepper",
        "olive oil",
        "honey",
        "Dijon mustard",
        "soy sauce",
        "garlic powder",
        "carrots",
    )
    steps = understand_steps(
        [
            ("Whisk together the honey, Dijon mustard, soy sauce and garlic powder.", None),
            ("Rub the marinade over the pork belly.", None),
            ("While the pork roasts, toss the carrots with half the olive oil and salt.", None),
            ("Drizzle with the remaining oil.", None),
        ],
        ingredients,
    )
    assert steps[0].uses == [3, 4, 5, 6]
    assert sorted(steps[1].uses) == [0, 3, 4, 5, 6]
    assert steps[2].uses == [7, 2, 1]  # not the pork: it only sets the scene
    assert steps[3].uses == [2]


def test_back_reference_to_the_previous_time_is_not_counted_twice() -> None:
    steps = understand_steps(
        [
            ("Roast for 2 hours.", None),
            ("Once 2 hours are up, raise the oven to 450°F and roast 30–40 minutes longer.", None),
        ]
    )
    assert [(d.min_minutes, d.role) for d in steps[1].durations] == [(120, "repeat"), (30, "step")]
    assert steps[1].time is not None
    assert (steps[1].time.min_minutes, steps[1].time.max_minutes) == (30, 40)


def test_a_step_with_an_oven_temperature_uses_the_oven() -> None:
    (step,) = understand_steps([("Rewarm the carrots at 350°F until hot.", None)])
    assert step.equipment == ["oven"]
    assert step.temperatures[0].kind == "oven"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Roast for 2 hours.", True),
        ("Then, refrigerate the pork uncovered.", True),
        ("When it is time to eat, reheat the lamb.", True),
        ("Pork belly is popular in restaurants these days.", False),
    ],
)
def test_is_instruction(sentence: str, expected: bool) -> None:
    assert is_instruction(sentence) is expected


FOREIGN_DURATIONS = [
    ("ca 1 timme", 60, 60),
    ("1 heure", 60, 60),
    ("90 secondes", 1.5, 1.5),
    ("10 Minuten", 10, 10),
    ("1 Stunde", 60, 60),
    ("20 minuti", 20, 20),
    ("1 ora", 60, 60),
    ("30 minutos", 30, 30),
    ("1 hora", 60, 60),
    ("10 minuten", 10, 10),
    ("1 uur", 60, 60),
    ("15 min", 15, 15),
    ("2 tim", 120, 120),
    ("Laisser reposer 10 à 15 minutes.", 10, 15),
    ("Im Ofen 25 bis 30 Minuten backen.", 25, 30),
]


@pytest.mark.parametrize(
    "text",
    [
        "Leave the dough to rise between 3 and 4 hours.",
        "Couvrir et laisser pousser entre 3 et 4 heures.",
        "Den Teig zwischen 3 und 4 Stunden gehen lassen.",
        "Lasciare lievitare tra 3 e 4 ore.",
        "Dejar fermentar entre 3 y 4 horas.",
        "Laat het deeg tussen 3 en 4 uur rijzen.",
    ],
)
def test_a_range_between_two_figures_is_the_range(text: str) -> None:
    """ "between 3 and 4 hours" is 3 to 4 hours, not the 4 hours of its upper end."""
    (duration,) = find_durations(text)
    assert (duration.min_minutes, duration.max_minutes) == (180, 240)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Divide between 2 bowls.", []), ("Servire tra 10 minuti.", [(10, 10)])],
)
def test_between_alone_makes_no_range(text: str, expected: list[Span]) -> None:
    assert [(d.min_minutes, d.max_minutes) for d in find_durations(text)] == expected


@pytest.mark.parametrize(("text", "low", "high"), FOREIGN_DURATIONS)
def test_durations_in_other_languages(text: str, low: float, high: float) -> None:
    (duration,) = find_durations(text)
    assert (duration.min_minutes, duration.max_minutes) == (low, high)


@pytest.mark.parametrize("text", ["one ora", "1 time", "a tag"])
def test_foreign_time_words_need_a_figure_before_them(text: str) -> None:
    assert find_durations(text) == []
