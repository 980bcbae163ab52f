"""Oven settings as British, Australian and American recipes write them: fan and gas marks kept
with what they are, converted as cooks convert (a fan oven runs about 20 °C hotter)."""

from __future__ import annotations

import pytest

from ladle.checker import check
from ladle.conversion import convert_recipe
from ladle.formats import read_text
from ladle.model import Recipe, Temperature
from ladle.rewrite import restate_text
from ladle.temperatures import find_temperatures


def _one(text: str) -> Temperature:
    found = find_temperatures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "fahrenheit", "celsius", "fan", "gas"),
    [
        # a fan figure alone: 20 °C more for a conventional oven (it used to be read as 220 °C)
        ("Preheat the oven to 220°C fan.", 464, 240, 220, None),
        ("Heat the oven to 200C/180C fan forced.", 392, 200, 180, None),
        ("Heat the oven to 180°C/160°C fan/gas 4.", 356, 180, 160, 4),
        # the conventional figure after the fan one is still the conventional one
        ("Preheat oven to 160°C fan/180°C/350°F.", 350, 180, 160, None),
        # the conventional setting stated in °F, the fan one in °C
        ("Heat the oven to 220°C fan (475°F).", 475, 246, 220, None),
        ("Heat the oven to 220C fan/gas 9.", 475, 240, 220, 9),
        ("Heat the oven to gas mark 6.", 400, 200, None, 6),
        ("Preheat the oven to 350°F (175°C).", 350, 175, None, None),
    ],
)
def test_fan_and_gas_are_kept_with_their_kind(
    text: str, fahrenheit: float, celsius: float, fan: float | None, gas: float | None
) -> None:
    t = _one(text)
    assert (t.fahrenheit, t.celsius, t.fan_celsius, t.gas_mark) == (fahrenheit, celsius, fan, gas)
    assert t.kind == "oven"


def test_the_json_carries_fan_and_gas_and_reads_documents_without_them() -> None:
    t = _one("Heat the oven to 180°C/160°C fan/gas 4.")
    data = t.to_json()
    assert isinstance(data, dict)
    assert (data["fan_celsius"], data["gas_mark"]) == (160, 4)
    assert Temperature.from_json(data) == t
    old = {"fahrenheit": 350, "celsius": 180, "kind": "oven", "text": "180°C"}
    assert Temperature.from_json(old).fan_celsius is None


@pytest.mark.parametrize(
    ("text", "metric", "us"),
    [
        (
            "Preheat the oven to 220°C fan.",
            "Preheat the oven to 220°C fan (240°C conventional; 475°F).",
            "Preheat the oven to 475°F (240°C; 220°C fan).",
        ),
        (
            "Heat the oven to 220°C fan (475°F).",
            "Heat the oven to 220°C fan (240°C conventional; 475°F).",
            "Heat the oven to 475°F (240°C; 220°C fan).",
        ),
        (
            "Heat the oven to 180°C/160°C fan/gas 4.",
            "Heat the oven to 160°C fan (180°C conventional; gas 4; 350°F).",
            "Heat the oven to 350°F (180°C; 160°C fan; gas 4).",
        ),
        (
            "Heat the oven to gas mark 6.",
            "Heat the oven to 200°C (gas 6; 400°F).",
            "Heat the oven to 400°F (200°C; gas 6).",
        ),
    ],
)
def test_conversion_keeps_the_fan_figure_and_the_gas_mark(text: str, metric: str, us: str) -> None:
    temperatures = find_temperatures(text)
    assert restate_text(text, temperatures, "metric") == metric
    assert restate_text(text, temperatures, "us") == us


def _recipe(step: str) -> Recipe:
    return read_text(f"Roast\n\nIngredients\n1 kg potatoes\n\nMethod\n1. {step}\n", "text", "t")[0]


def test_220_fan_with_475_f_is_no_disagreement_of_scales() -> None:
    recipe = _recipe("Heat the oven to 220°C fan (475°F). Roast the potatoes for 40 minutes.")
    assert "temperature-scales-disagree" not in [f.code for f in check(recipe)]
    us = convert_recipe(recipe, "us")
    assert "475°F (240°C; 220°C fan)" in us.steps[0].text
    assert us.steps[0].temperatures[0].fan_celsius == 220


def test_a_range_takes_the_scale_it_ends_with() -> None:
    # "250°–275°F" for a smoker is Fahrenheit at both ends, never 250°C
    low, high = find_temperatures("Preheat your smoker to 250°–275°F.")
    assert (low.fahrenheit, high.fahrenheit) == (250, 275)


def test_an_oven_setting_reads_as_the_cook_set_it() -> None:
    from ladle.temperatures import oven_setting

    assert oven_setting(350) == "350°F"
    assert oven_setting(425.0) == "425°F"
    assert oven_setting(392) == "200°C"  # a recipe written in °C, planned in °F
    assert oven_setting(356) == "180°C"
    assert oven_setting(428) == "220°C"
    assert oven_setting(361) == "361°F"  # neither: as it is
