"""Scaling and conversion: golden outputs read by eye, properties, and refusals."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladle.conversion import convert_recipe
from ladle.errors import RequestError, UnitError
from ladle.examples import example_text
from ladle.formats import read, read_text
from ladle.model import Ingredient, Recipe, Yield
from ladle.scaling import ScaleRequest, scale, scale_factor

from .conftest import CASES, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from regen_golden import derived

EXAMPLE = "examples/pork-belly-dinner.txt"


def example() -> Recipe:
    return read_text(example_text(), "text", EXAMPLE)[0]


@pytest.mark.parametrize("name", sorted(derived()))
def test_golden_outputs_read_like_a_cookbook(name: str) -> None:
    """Regenerate with scripts/regen_golden.py and read the diff before committing."""
    expected = (CASES / "scale" / name).read_text(encoding="utf-8")
    assert derived()[name] == expected


def test_scaling_to_eight_servings() -> None:
    scaled = scale(example(), ScaleRequest(servings=8))
    assert [i.text for i in scaled.ingredients][:4] == [
        "4 lb pork belly",
        "Salt and pepper, to taste",
        "¼ cup olive oil",
        "½ cup honey",
    ]
    assert scaled.yield_.servings == 8
    assert any(n.startswith("Step 4: a bigger piece takes longer") for n in scaled.notes)


def test_scaling_to_an_amount_of_one_ingredient() -> None:
    scaled = scale(example(), ScaleRequest(to="3.2 lb pork belly"))
    assert scaled.ingredients[0].text == "3.2 lb pork belly"
    assert scale_factor(example(), ScaleRequest(to="3.2 lb pork belly")) == pytest.approx(1.6)
    assert scale_factor(example(), ScaleRequest(to="1.5 kg pork belly")) == pytest.approx(
        1.5 / 0.90718474
    )


def test_fixed_and_to_taste_amounts_do_not_scale() -> None:
    recipe = Recipe(
        title="t",
        yield_=Yield(servings=2),
        ingredients=[
            Ingredient(text="1 tsp salt", quantity=1, unit="teaspoon", name="salt", fixed=True),
            Ingredient(text="Pepper to taste", name="Pepper", to_taste=True),
            Ingredient(text="3 eggs", quantity=3, name="eggs"),
        ],
    )
    scaled = scale(recipe, ScaleRequest(factor=1.5))
    assert [i.text for i in scaled.ingredients] == ["1 tsp salt", "Pepper to taste", "4–5 eggs"]
    assert "eggs: 4½ cannot be split: use 4 or 5." in scaled.notes


def test_conversion_rewrites_amounts_temperatures_and_lengths() -> None:
    metric = convert_recipe(example(), "metric")
    assert metric.ingredients[0].text == "905 g pork belly"
    assert [(a.quantity, a.unit) for a in metric.ingredients[0].alternatives] == [(2, "pound")]
    assert "175°C (350°F)" in metric.steps[2].text
    us = convert_recipe(read(CASES / "text" / "13-lemon-drizzle-cake.txt")[0], "us")
    assert us.ingredients[0].text.startswith("6 oz unsalted butter")
    assert "350°F (180°C" in us.steps[0].text
    roast = read(CASES / "text" / "01-roast-chicken.txt")[0]
    assert "2.5 cm" not in convert_recipe(roast, "us").steps[0].text


@settings(max_examples=100, deadline=None)
@given(st.floats(min_value=0.05, max_value=40))
def test_scaling_by_k_then_by_one_over_k_is_the_identity(k: float) -> None:
    recipe = example()
    there = scale(recipe, ScaleRequest(factor=k), rounded=False)
    back = scale(there, ScaleRequest(factor=1 / k), rounded=False)
    for before, after in zip(recipe.ingredients, back.ingredients, strict=True):
        if before.quantity is None:
            assert after.quantity is None
        else:
            assert after.quantity == pytest.approx(before.quantity, rel=1e-9)


@pytest.mark.parametrize(
    ("request_", "error", "message"),
    [
        (ScaleRequest(factor=0), RequestError, "--factor: the factor must be more than 0"),
        (ScaleRequest(factor=-2), RequestError, "--factor: the factor must be more than 0"),
        (ScaleRequest(to="2 cups pork belly"), UnitError, "pork belly: no density known"),
        (ScaleRequest(to="1 lb tofu"), RequestError, "--to: no ingredient"),
        (ScaleRequest(to="3 blorps pork belly"), UnitError, "pork belly:"),
        (ScaleRequest(), RequestError, "give exactly one"),
    ],
)
def test_bad_requests(request_: ScaleRequest, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        scale(example(), request_)
    assert str(caught.value).startswith(message) or message in str(caught.value)


def test_servings_of_a_recipe_that_does_not_say() -> None:
    seed_like = example()
    seed_like.yield_ = Yield()
    with pytest.raises(RequestError) as caught:
        scale(seed_like, ScaleRequest(servings=8))
    assert "does not say how many it serves" in str(caught.value)


def _ladle(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ladle", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_cli_scale_and_convert(tmp_path: object) -> None:
    source = str(ROOT / "src" / "ladle" / "data" / "examples" / "pork-belly-dinner.txt")
    result = _ladle("scale", source, "--servings", "8", "--json")
    assert result.returncode == 0, result.stderr
    assert '"text": "4 lb pork belly"' in result.stdout
    result = _ladle("convert", source, "--units", "metric")
    assert result.returncode == 0 and "905 g" in result.stdout
    for args, words in (
        (("scale", source, "--factor", "0"), "the factor must be more than 0"),
        (("scale", source, "--to", "2 cups pork belly"), "no density known for pork belly"),
    ):
        result = _ladle(*args)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and words in result.stderr
        assert "Traceback" not in result.stderr
    assert _ladle("convert", source, "--units", "imperial").returncode == 2
