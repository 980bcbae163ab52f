"""Units and kitchen rounding: reference facts, properties, refusals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladle.errors import UnitError
from ladle.rounding import kitchen_amount, ladder_celsius, ladder_fahrenheit, oven_temperature_text
from ladle.temperatures import find_temperatures
from ladle.units import (
    canonical_unit,
    celsius_to_fahrenheit,
    convert,
    dimension,
    fahrenheit_to_celsius,
    gas_mark_to_celsius,
    grams_per_ml,
    grams_per_piece,
)

# (amount, unit, target unit, ingredient, expected, tolerance)
FACTS: list[tuple[float, str, str, str | None, float, float]] = [
    (1, "cup", "milliliter", None, 236.59, 0.01),
    (1, "tablespoon", "milliliter", None, 14.79, 0.01),
    (1, "teaspoon", "milliliter", None, 4.93, 0.01),
    (1, "pound", "gram", None, 453.59, 0.01),
    (1, "ounce", "gram", None, 28.35, 0.01),
    (1, "stick", "gram", "butter", 113, 0.6),
    (1, "pint", "milliliter", None, 473, 0.5),
    (1, "imperial_pint", "milliliter", None, 568, 0.5),
    (1, "fluid_ounce", "milliliter", None, 29.57, 0.01),
    (1, "imperial_fluid_ounce", "milliliter", None, 28.41, 0.01),
    (1, "quart", "milliliter", None, 946.35, 0.01),
    (1, "gallon", "milliliter", None, 3785.41, 0.01),
    (1, "liter", "milliliter", None, 1000, 0),
    (1, "kilogram", "gram", None, 1000, 0),
    (1, "kilogram", "pound", None, 2.2046, 0.0001),
    (1, "pound", "ounce", None, 16, 1e-9),
    (1, "cup", "tablespoon", None, 16, 1e-9),
    (1, "tablespoon", "teaspoon", None, 3, 1e-9),
    (1, "cup", "fluid_ounce", None, 8, 1e-9),
    (1, "pint", "cup", None, 2, 1e-9),
    (1, "quart", "cup", None, 4, 1e-9),
    (1, "gallon", "cup", None, 16, 1e-9),
    (1, "inch", "centimeter", None, 2.54, 1e-9),
    (1, "foot", "centimeter", None, 30.48, 1e-9),
    (1, "centiliter", "milliliter", None, 10, 1e-9),
    (1, "deciliter", "milliliter", None, 100, 1e-9),
    (1, "stick", "tablespoon", "butter", 8, 1e-9),
    (1, "stick", "cup", "margarine", 0.5, 1e-9),
    (1, "pinch", "teaspoon", None, 1 / 16, 1e-9),
    (1, "dash", "teaspoon", None, 1 / 8, 1e-9),
    (1, "dessertspoon", "teaspoon", None, 2, 1e-9),
    (1, "metric_cup", "milliliter", None, 250, 1e-9),
    (1, "imperial_cup", "milliliter", None, 284.13, 0.01),
    (1, "cup", "gram", "honey", 340, 0.5),
    (1, "cup", "gram", "all-purpose flour", 125, 0.5),
    (1, "cup", "gram", "granulated sugar", 200, 0.5),
    (1, "cup", "gram", "unsalted butter", 227, 0.5),
    (1, "cup", "gram", "dark brown sugar", 220, 0.5),
    (1, "cup", "gram", "water", 237, 0.5),
    (1, "cup", "gram", "whole milk", 245, 0.5),
    (1, "tablespoon", "gram", "butter", 14.2, 0.1),
    (1, "tablespoon", "gram", "honey", 21.3, 0.1),
    (1, "teaspoon", "gram", "table salt", 6.1, 0.1),
    (100, "gram", "cup", "all-purpose flour", 0.8, 0.001),
    (1, "piece", "gram", "egg", 50, 0),
    (3, "clove", "gram", "garlic", 15, 0),
    (200, "gram", "piece", "onion", 200 / 110, 1e-9),
]


@pytest.mark.parametrize(("amount", "unit", "target", "ingredient", "expected", "tolerance"), FACTS)
def test_reference_facts(
    amount: float, unit: str, target: str, ingredient: str | None, expected: float, tolerance: float
) -> None:
    assert convert(amount, unit, target, ingredient=ingredient) == pytest.approx(
        expected, abs=tolerance
    )


TEMPERATURES: list[tuple[float, float]] = [
    (350, 176.7),
    (212, 100),
    (32, 0),
    (-40, -40),
    (356, 180),
    (425, 218.3),
    (145, 62.8),
    (165, 73.9),
    (195, 90.6),
]


@pytest.mark.parametrize(("fahrenheit", "celsius"), TEMPERATURES)
def test_temperature_facts(fahrenheit: float, celsius: float) -> None:
    assert fahrenheit_to_celsius(fahrenheit) == pytest.approx(celsius, abs=0.05)
    assert celsius_to_fahrenheit(celsius) == pytest.approx(fahrenheit, abs=0.1)


@pytest.mark.parametrize(
    ("mark", "celsius"), [(0.5, 120), (1, 140), (2, 150), (4, 180), (6, 200), (7, 220), (9, 240)]
)
def test_gas_marks(mark: float, celsius: int) -> None:
    assert gas_mark_to_celsius(mark) == celsius
    (found,) = find_temperatures(f"Bake at gas mark {mark:g}.")
    assert found.celsius == celsius


@pytest.mark.parametrize(
    ("fahrenheit", "celsius"), [(350, 180), (400, 200), (425, 220), (450, 230), (300, 150)]
)
def test_the_oven_ladder(fahrenheit: float, celsius: int) -> None:
    assert ladder_celsius(fahrenheit) == celsius
    assert ladder_fahrenheit(celsius) in (fahrenheit, fahrenheit + 25, fahrenheit - 25)
    assert ladder_fahrenheit(180) == 350 and ladder_fahrenheit(220) == 425


def test_the_oven_rule_shows_both_where_they_differ() -> None:
    assert oven_temperature_text(350, 177, "metric") == "180°C (350°F; exactly 177°C)"
    assert oven_temperature_text(350, 175, "metric") == "175°C (350°F)"
    assert oven_temperature_text(400, 200, "us") == "400°F (200°C)"


@pytest.mark.parametrize(
    ("value", "unit", "system", "text"),
    [
        (3, "teaspoon", "us", "1 tbsp"),
        (4, "tablespoon", "us", "¼ cup"),
        (16, "tablespoon", "us", "1 cup"),
        (0.33, "cup", "us", "⅓ cup"),
        (5, "tablespoon", "us", "⅓ cup"),
        (0.375, "cup", "us", "6 tbsp"),
        (1.6, "teaspoon", "us", "1½ tsp"),
        (3.2, "pound", "us", "3¼ lb"),
        (1.6, "pound", "us", "1 lb 10 oz"),
        (20, "ounce", "us", "1¼ lb"),
        (125, "gram", "us", "4 oz"),
        (2, "tablespoon", "metric", "2 tbsp"),
        (0.25, "cup", "metric", "60 ml"),
        (1, "cup", "metric", "235 ml"),
        (17, "gram", "metric", "17 g"),
        (23, "gram", "metric", "25 g"),
        (1250, "gram", "metric", "1.25 kg"),
        (1, "centimeter", "us", "½ in"),
        (0.5, "inch", "metric", "1.5 cm"),
        (3, "clove", None, "3 cloves"),
    ],
)
def test_kitchen_rounding(value: float, unit: str, system: str | None, text: str) -> None:
    assert kitchen_amount(value, unit, system).text == text  # type: ignore[arg-type]


def test_counts_that_cannot_be_split_say_so() -> None:
    eggs = kitchen_amount(4.5, None)
    assert (eggs.quantity, eggs.quantity_max, eggs.text) == (4, 5, "4–5")
    assert eggs.note == "4½ cannot be split: use 4 or 5"


def test_dimensions() -> None:
    assert [dimension(u) for u in ("gram", "cup", "inch", "clove", None, "stick")] == [
        "mass",
        "volume",
        "length",
        "count",
        "none",
        "count",  # a stick measures only as butter: dimension("stick", "butter") is "volume"
    ]


def test_only_a_fat_stick_is_the_butter_measure() -> None:
    """A stick of butter, margarine or shortening is 8 tablespoons; a stick of cinnamon or
    celery is a count, never half a cup or 113 g."""
    assert [dimension("stick", name) for name in ("unsalted butter", "margarine")] == [
        "volume",
        "volume",
    ]
    assert [dimension("stick", name) for name in ("cinnamon", "celery", None)] == ["count"] * 3
    assert round(convert(2, "stick", "cup", ingredient="vegetable shortening"), 6) == 1
    for target in ("cup", "gram", "tablespoon"):
        with pytest.raises(UnitError):
            convert(1, "stick", target, ingredient="cinnamon")


def test_no_density_is_a_one_line_error_naming_the_ingredient() -> None:
    with pytest.raises(UnitError) as caught:
        convert(1, "cup", "gram", ingredient="pork belly")
    message = str(caught.value)
    assert message.startswith("pork belly: no density known for pork belly")
    assert "give the weight" in message
    with pytest.raises(UnitError):
        convert(3, "head", "gram", ingredient="kohlrabi")
    with pytest.raises(UnitError):
        convert(1, "cup", "inch")


def test_densities_match_by_the_longest_name() -> None:
    assert grams_per_ml("dark brown sugar") == pytest.approx(220 / 236.588, rel=1e-3)
    assert grams_per_ml("extra-virgin olive oil") == pytest.approx(216 / 236.588, rel=1e-3)
    assert grams_per_ml("pork belly") is None
    assert grams_per_piece("large eggs") == 50


VOLUMES = ["teaspoon", "tablespoon", "cup", "fluid_ounce", "pint"]
MASSES = ["ounce", "pound"]


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=0.125, max_value=20), st.sampled_from(VOLUMES + MASSES))
def test_us_to_metric_to_us_stays_within_the_rounding_step(value: float, unit: str) -> None:
    metric = kitchen_amount(value, unit, "metric")
    assert metric.unit is not None
    back = kitchen_amount(metric.quantity, metric.unit, "us")
    assert back.unit is not None
    base = "milliliter" if unit in VOLUMES else "gram"
    original = convert(value, unit, base)
    again = convert(back.quantity, back.unit, base)
    metric_step = 5.0 if original > 20 else 1.0
    if base == "gram":  # US weights: ½ oz steps below 4 oz, whole ounces below a pound
        ounces = original / 28.35
        us_step = 14.2 if ounces < 4 else 28.35 if ounces < 16 else 0.03 * original + 28.35
    else:  # US volumes: a measurable fraction within 7%, ⅛ tsp at the least
        us_step = 0.07 * original + 0.62
    assert abs(again - original) <= metric_step + us_step + 1e-9


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=20),
    st.sampled_from(VOLUMES),
    st.sampled_from(["gram", "ounce", "pound", "kilogram"]),
)
def test_mass_and_volume_meet_only_through_a_density(name: str, volume: str, mass: str) -> None:
    if grams_per_ml(name) is not None:
        assert convert(1, volume, mass, ingredient=name) > 0
        return
    with pytest.raises(UnitError) as caught:
        convert(1, volume, mass, ingredient=name)
    assert "no density known" in str(caught.value)


def test_a_bulb_or_a_bunch_is_not_one_piece() -> None:
    assert convert(1, "bulb", "gram", ingredient="garlic") == 50
    assert convert(2, "clove", "gram", ingredient="garlic") == 10
    with pytest.raises(UnitError, match="no usual weight"):
        convert(1, "bunch", "gram", ingredient="carrots")


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("gousses", "gousses"),
        ("c. à soupe", "c. à soupe"),
        ("Zehen", "zehen"),
        ("pièces", "pièces"),
        ("cloves", "clove"),
        ("racks", "rack"),
        ("branches", "branch"),
        ("glasses", "glass"),
    ],
)
def test_an_unknown_unit_is_kept_as_written(written: str, unit: str) -> None:
    """English plurals become singular; other words are never cut or joined with "_"."""
    assert canonical_unit(written) == unit
